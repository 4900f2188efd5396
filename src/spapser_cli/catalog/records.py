"""Validated data as plain records, so that computing does not need Pydantic.

Pydantic checks every file (see `models`); once a catalog has passed, its models are turned into
`Record`s: the same attribute names and values, in plain Python objects. Records can be
pickled and read back without importing Pydantic, which is what lets `spapser compute` start
from the snapshot cache (`cache`) in a few milliseconds instead of ~100 ms of imports.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any


class Record(SimpleNamespace):
    """A validated model's fields as attributes (e.g. `indicator.kind`, `target.value`)."""

    def to_dict(self) -> dict[str, Any]:
        """The fields as JSON-ready data, like `BaseModel.model_dump(mode="json")`."""
        return {name: _plain(value) for name, value in vars(self).items()}


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_record(value: Any) -> Any:
    """A Pydantic model (and everything in it) as records, lists and dicts."""
    fields = getattr(type(value), "model_fields", None)
    if fields is not None:
        return Record(**{name: to_record(getattr(value, name)) for name in fields})
    if isinstance(value, list):
        return [to_record(item) for item in value]
    if isinstance(value, dict):
        return {key: to_record(item) for key, item in value.items()}
    return value
