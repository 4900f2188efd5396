"""JSON Schemas (draft-07) generated from the models, for editors and for CI tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from spapser_cli.files import write_text_atomic
from spapser_cli.read.models import Action, Measures, Scheme

DRAFT_07 = "http://json-schema.org/draft-07/schema#"

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "scheme": (Scheme, "data/scheme.yaml: the scheme, its axes, objectives and evaluation."),
    "action": (Action, "data/actions/<code>.yaml: one action sheet, its variables and "
               "indicators."),
    "measures": (Measures, "data/measures/<year>.yaml: the values measured in one year and "
                 "the indicator values published for it."),
}


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def build_schema(kind: str) -> dict[str, Any]:
    """The draft-07 JSON Schema of one kind of data file."""
    model, description = SCHEMAS[kind]
    body = model.model_json_schema(ref_template="#/definitions/{model}", mode="validation")
    definitions = body.pop("$defs", {})
    schema: dict[str, Any] = {
        "$schema": DRAFT_07,
        "$id": f"urn:spapser:schema:{kind}",
        "title": f"spapser {kind} file",
        "description": description,
    }
    body.pop("title", None)  # the model's class name; keep ours
    body.pop("description", None)  # the model's docstring; keep ours
    schema.update(body)
    if definitions:
        schema["definitions"] = definitions
    return schema


def write_schemas(output_dir: Path) -> list[Path]:
    """Write every schema into `output_dir`; returns the files written."""
    written = []
    for kind in SCHEMAS:
        target = output_dir / schema_file_name(kind)
        text = json.dumps(build_schema(kind), ensure_ascii=False, indent=2) + "\n"
        write_text_atomic(target, text)
        written.append(target)
    return written
