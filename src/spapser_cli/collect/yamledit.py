"""Round-trip edits of the user's YAML files: comments, key order, quoting and the
`yaml-language-server` modeline survive.

ruamel.yaml is used only here, for writing (`spapser import`, `spapser plan --write`);
reading stays on the fast, strict PyYAML path of `yamlio`.
"""

from __future__ import annotations

import io
from typing import Any

MEASURES_MODELINE = "# yaml-language-server: $schema=../../schemas/measures.schema.json"


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long source line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(text: str) -> Any:
    """The document as ruamel's commented mappings and sequences."""
    return _yaml().load(text)


def dump(document: Any) -> str:
    out = io.StringIO()
    _yaml().dump(document, out)
    return out.getvalue()


def new_measures_text(year: int) -> str:
    return f"{MEASURES_MODELINE}\nyear: {year}\n"


def mapping(items: dict[str, Any] | None = None) -> Any:
    """A new block mapping (nested plain dicts become block mappings too)."""
    from ruamel.yaml.comments import CommentedMap

    result = CommentedMap()
    for key, value in (items or {}).items():
        result[key] = mapping(value) if isinstance(value, dict) else value
    return result


def sequence(items: list[Any], *, flow: bool = False) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    result = CommentedSeq(items)
    if flow:
        result.fa.set_flow_style()
    return result


def number(value: float) -> int | float:
    """Whole numbers are written without a decimal point (73190, not 73190.0)."""
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else float(value)
