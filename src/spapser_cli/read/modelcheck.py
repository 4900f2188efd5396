"""Validate one parsed document against its model and turn Pydantic errors into `Problem`s.

Pydantic's error locations (`measures.paper-consumption.values.fsc`) are mapped back to the
line and column the YAML reader recorded, and its error types to spapser's stable codes.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Hashable
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from spapser_cli.problems import PROBLEM_CODES, Problem
from spapser_cli.read.yamlio import Document

M = TypeVar("M", bound=BaseModel)

_WRONG_TYPE = {
    "int_type": "an integer", "int_parsing": "an integer", "float_type": "a number",
    "float_parsing": "a number", "string_type": "a text", "bool_type": "true or false",
    "list_type": "a list", "dict_type": "a mapping", "model_type": "a mapping",
    "model_attributes_type": "a mapping", "int_from_float": "an integer",
    "date_type": "a date (YYYY-MM-DD)", "tuple_type": "a list",
}
_PATTERN_HINTS = {
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$": "an identifier in lower-case kebab-case "
                                   "(such as paper-recycled-share)",
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$": "an action code (ASCII letters, digits, '.', '-' and "
                                     "'_', starting with a letter or digit, such as ECO-01)",
    r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?$": "a due date as YYYY, YYYY-MM or YYYY-MM-DD",
}


RENAMED_KEYS = {
    "agenda21_action": "links to other plans are now `links`: write "
                       "`links: [{plan: Agenda 21, reference: action 7}]`",
}
"""Keys that an earlier version of the format had, with what replaces them."""


def validate_document(model: type[M], doc: Document) -> tuple[M | None, list[Problem]]:
    """The model instance, or None and one problem per Pydantic error."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    # A misspelt required key (`titel:`) is one mistake: its unknown-key problem, at the typo,
    # says what it should be, and the required key it stands for is not reported missing too.
    misspelt = {tuple(e["loc"][:-1]) + (_suggestion(model, tuple(e["loc"])),)
                for e in errors if e["type"] == "extra_forbidden"}
    return None, [_to_problem(doc, error, model) for error in errors
                  if not (error["type"] == "missing" and tuple(error["loc"]) in misspelt)]


def _suggestion(model: type[BaseModel], loc: tuple[Any, ...]) -> str | None:
    """The allowed key closest to the unknown key at the end of `loc`, if any is close."""
    name = str(loc[-1])
    close = difflib.get_close_matches(name, sorted(_keys_at(model, loc) - {name}), n=1)
    return close[0] if close else None


def _keys_at(model: type[BaseModel], loc: tuple[Any, ...]) -> set[str]:
    """The keys allowed where `loc` ends: the fields of the model that holds its last segment
    (all the models' fields when the walk gets lost)."""
    annotation: Any = model
    for segment in loc[:-1]:
        annotation = _unwrap(annotation)
        origin = get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(segment)
            annotation = field.annotation if field else None
        elif origin is list:
            annotation = get_args(annotation)[0]
        elif origin is dict:
            annotation = get_args(annotation)[1]
        elif origin in (Union, types.UnionType):  # a tagged union: the segment is the tag
            annotation = next((m for m in get_args(annotation) if _has_tag(m, segment)), None)
        else:
            annotation = None
        if annotation is None:
            return _field_names()
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return set(annotation.model_fields)
    return _field_names()


def _unwrap(annotation: Any) -> Any:
    """`X` from `Annotated[X, ...]` and from `X | None`."""
    while True:
        if get_origin(annotation) is Annotated:
            annotation = get_args(annotation)[0]
            continue
        if get_origin(annotation) in (Union, types.UnionType):
            members = [m for m in get_args(annotation) if m is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
        return annotation


def _has_tag(member: Any, tag: Any) -> bool:
    fields = getattr(member, "model_fields", {})
    return any(get_origin(f.annotation) is Literal and tag in get_args(f.annotation)
               for f in fields.values())


def _field_names() -> set[str]:
    from spapser_cli.read import models

    names: set[str] = set()
    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            names.update(value.model_fields)
    return names


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[tuple[Hashable, ...], bool]:
    """The part of `loc` that exists in the data (discriminator tags dropped); key error?"""
    path: list[Hashable] = []
    node = data
    for index, segment in enumerate(loc):
        if segment == "[key]":
            return tuple(path), True
        if isinstance(node, dict) and segment in node:
            path.append(segment)
            node = node[segment]
        elif isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node):
            path.append(segment)
            node = node[segment]
        elif index == len(loc) - 1:
            path.append(segment)  # the missing or unknown key itself
        # else: a union tag such as 'share' in ('indicators', 0, 'share', 'part'): skip it
    return tuple(path), False


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _to_problem(doc: Document, error: Any, model: type[BaseModel]) -> Problem:
    kind: str = error["type"]
    path, key_error = _data_path(doc.data, tuple(error["loc"]))
    dotted = ".".join(str(p) for p in path) or "(top level)"
    value = error.get("input")
    if kind in PROBLEM_CODES:  # our own PydanticCustomError types are problem codes
        code, message = kind, error["msg"]
    elif kind == "extra_forbidden" and str(path[-1]) in RENAMED_KEYS:
        return doc.problem(path, "renamed-key", f"{dotted}: {RENAMED_KEYS[str(path[-1])]}",
                           key=True)
    elif kind == "extra_forbidden":
        name = str(path[-1])
        close = _suggestion(model, tuple(error["loc"]))
        hint = f"; did you mean {close!r}?" if close else ""
        code, message = "unknown-key", f"unknown key {name!r}{hint}"
        return doc.problem(path, code, f"{dotted}: {message}", key=True)
    elif kind == "missing":
        code, message = "missing-key", f"required key {str(path[-1])!r} is missing"
        return doc.problem(path[:-1], code, f"{dotted}: {message}")
    elif kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        code = "unknown-kind"
        message = (f"unknown kind {ctx.get('tag')!r}; expected one of "
                   f"{ctx.get('expected_tags')}")
        path = path + ("kind",)
    elif kind == "union_tag_not_found":
        code, message = "missing-key", "required key 'kind' is missing"
    elif kind in _WRONG_TYPE:
        expected = _WRONG_TYPE[kind]
        if isinstance(value, dict) and not path and expected == "a mapping":
            expected = "a mapping of keys and values"
        code, message = "wrong-type", f"expected {expected}, got {_describe(value)}"
    elif kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        hint = _PATTERN_HINTS.get(pattern, f"a text matching {pattern}")
        code, message = "invalid-value", f"{value!r} is not {hint}"
    elif kind == "string_too_short":
        code, message = "invalid-value", "the text is empty"
    else:  # literal_error, too_short, greater_than_equal, ...: Pydantic's message is clear
        code, message = "invalid-value", error["msg"]
    return doc.problem(path, code, f"{dotted}: {message}", key=key_error)
