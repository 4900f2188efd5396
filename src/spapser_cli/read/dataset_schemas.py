"""JSON Schemas that know one data folder: its variables, categories, units and indicators.

The model schemas (`schemas.build_schema`) accept any id. Editors given these instead complete
`paper-consumption:` and flag a misspelt variable as it is typed; they are written into the
data folder (`schemas/`), so that a copied folder keeps working.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spapser_cli.files import write_text_atomic
from spapser_cli.read.schemas import SCHEMAS, build_schema, schema_file_name

if TYPE_CHECKING:
    from spapser_cli.catalog import Catalog


def build_dataset_schema(kind: str, catalog: Catalog) -> dict[str, Any]:
    """The schema of one kind of file, narrowed to this catalog's ids (measures files)."""
    schema = build_schema(kind)
    schema["$id"] = f"urn:spapser:schema:{kind}:{_slug(catalog.scheme.organisation)}"
    if kind != "measures":
        return schema
    schema["description"] = (f"data/measures/<year>.yaml of {catalog.scheme.organisation}: "
                             "its own variables (with their units and categories) and "
                             "indicators only.")
    measures = schema["properties"]["measures"]
    variables: dict[str, Any] = {}
    for action in catalog.actions.values():
        for variable in action.variables:
            variables[variable.id] = _variable_schema(variable, action.code)
    _only(measures, variables)
    reported = schema["properties"]["reported"]
    reference = copy.deepcopy(next(iter(reported["patternProperties"].values())))
    _only(reported, {
        indicator.id: {**reference, "description": f"{indicator.label} ({action.code}, "
                       f"{indicator.kind})"}
        for action, indicator in catalog.indicators()})
    return schema


def _only(mapping: dict[str, Any], properties: dict[str, Any]) -> None:
    """Narrow a mapping of ids to exactly `properties` (anything else is refused)."""
    for key in ("patternProperties", "propertyNames"):
        mapping.pop(key, None)
    mapping["properties"] = properties
    mapping["additionalProperties"] = False


def _variable_schema(variable: Any, code: str) -> dict[str, Any]:
    number: dict[str, Any] = {"type": "integer"} if getattr(variable, "whole_number", False) \
        else {"type": "number"}
    properties: dict[str, Any] = {"unit": {"const": variable.unit}, "value": number,
                                  "total": number}
    if variable.categories:
        properties["values"] = {
            "type": "object",
            "properties": {c.id: {**number, "description": c.label}
                           for c in variable.categories},
            "additionalProperties": False,
        }
    else:
        properties["values"] = False  # no categories: one `value`
    label = variable.label + (" — cumulative" if getattr(variable, "cumulative", False) else "")
    return {"allOf": [{"$ref": "#/definitions/Measure"}],
            "description": f"{label} ({variable.unit}, {code})",
            "properties": properties}


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")[:60]


def write_dataset_schemas(catalog: Catalog, output_dir: Path,
                          kinds: Sequence[str] = tuple(SCHEMAS)) -> list[Path]:
    """Write the schemas of `catalog` into `output_dir`; returns the files written."""
    written = []
    for kind in kinds:
        target = output_dir / schema_file_name(kind)
        text = json.dumps(build_dataset_schema(kind, catalog), ensure_ascii=False,
                          indent=2) + "\n"
        write_text_atomic(target, text)
        written.append(target)
    return written
