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

from spapser_cli.i18n import N_, Message
from spapser_cli.problems import PROBLEM_CODES, Problem
from spapser_cli.read.yamlio import Document

M = TypeVar("M", bound=BaseModel)

# The messages are English `Message`s (spapser_cli.i18n): JSON keeps them as they are, the
# terminal shows them in the user's language.
_WRONG_TYPE = {
    "int_type": N_("an integer"), "int_parsing": N_("an integer"),
    "float_type": N_("a number"), "float_parsing": N_("a number"),
    "string_type": N_("a text"), "bool_type": N_("true or false"), "list_type": N_("a list"),
    "dict_type": N_("a mapping"), "model_type": N_("a mapping"),
    "model_attributes_type": N_("a mapping"), "int_from_float": N_("an integer"),
    "date_type": N_("a date (YYYY-MM-DD)"), "tuple_type": N_("a list"),
}
_PATTERN_HINTS = {
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$": N_("an identifier in lower-case kebab-case "
                                      "(such as paper-recycled-share)"),
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$": N_("an action code (ASCII letters, digits, '.', '-' "
                                        "and '_', starting with a letter or digit, such as "
                                        "ECO-01)"),
    r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?$": N_("a due date as YYYY, YYYY-MM or "
                                                     "YYYY-MM-DD"),
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
        return Message("nothing (null)")
    if isinstance(value, bool):
        return Message("the boolean {value}", value=str(value).lower())
    if isinstance(value, str):
        return Message("the text {value}", value=repr(value))
    if isinstance(value, dict):
        return Message("a mapping")
    if isinstance(value, list):
        return Message("a list")
    return repr(value)


def _custom_message(error: Any) -> str:
    """Our own error as a translatable `Message`: the template it was raised with (Pydantic
    keeps only the filled text), found among those `custom_error` raised."""
    from spapser_cli.read.models.scalars import ERROR_TEMPLATES

    context = error.get("ctx") or {}
    for template in ERROR_TEMPLATES:
        try:
            if template.format(**context) == error["msg"]:
                return Message(template, **context)
        except (KeyError, IndexError, ValueError):
            continue
    return str(error["msg"])


def _to_problem(doc: Document, error: Any, model: type[BaseModel]) -> Problem:
    kind: str = error["type"]
    path, key_error = _data_path(doc.data, tuple(error["loc"]))
    dotted = ".".join(str(p) for p in path) or Message("(top level)")
    value = error.get("input")
    if kind in PROBLEM_CODES:  # our own PydanticCustomError types are problem codes
        code, message = kind, _custom_message(error)
    elif kind == "extra_forbidden" and str(path[-1]) in RENAMED_KEYS:
        return doc.problem(path, "renamed-key", f"{dotted}: {RENAMED_KEYS[str(path[-1])]}",
                           key=True)
    elif kind == "extra_forbidden":
        name = str(path[-1])
        close = _suggestion(model, tuple(error["loc"]))
        code = "unknown-key"
        message = (Message("unknown key {name}; did you mean {close}?", name=repr(name),
                           close=repr(close)) if close else
                   Message("unknown key {name}", name=repr(name)))
        return doc.problem(path, code, Message("{path}: {message}", path=dotted,
                                               message=message), key=True)
    elif kind == "missing":
        code = "missing-key"
        message = Message("required key {name} is missing", name=repr(str(path[-1])))
        return doc.problem(path[:-1], code, Message("{path}: {message}", path=dotted,
                                                    message=message))
    elif kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        code = "unknown-kind"
        message = Message("unknown kind {kind}; expected one of {expected}",
                          kind=repr(ctx.get("tag")), expected=ctx.get("expected_tags"))
        path = path + ("kind",)
    elif kind == "union_tag_not_found":
        code, message = "missing-key", Message("required key {name} is missing",
                                               name="'kind'")
    elif kind in _WRONG_TYPE:
        expected = _WRONG_TYPE[kind]
        if isinstance(value, dict) and not path and expected == "a mapping":
            expected = N_("a mapping of keys and values")
        code, message = "wrong-type", Message("expected {expected}, got {value}",
                                              expected=Message(expected),
                                              value=_describe(value))
    elif kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        hint = (Message(_PATTERN_HINTS[pattern]) if pattern in _PATTERN_HINTS else
                Message("a text matching {pattern}", pattern=pattern))
        code, message = "invalid-value", Message("{value} is not {hint}", value=repr(value),
                                                 hint=hint)
    elif kind == "string_too_short":
        code, message = "invalid-value", Message("the text is empty")
    else:  # literal_error, too_short, greater_than_equal, ...: Pydantic's message is clear
        code, message = "invalid-value", error["msg"]
    return doc.problem(path, code, Message("{path}: {message}", path=dotted, message=message),
                       key=key_error)
