"""What a filled cell means: a number (French spellings accepted where the cell is text), a
milestone status, a text, or "not measured"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from spapser_cli.collect import columns as col
from spapser_cli.collect.rows import STATUS_LABELS
from spapser_cli.i18n import Message

_SPACES = re.compile(r"[\u0020\u00a0\u202f\u2009]")
_PLAIN = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_GROUPED_DOTS = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+,\d+$")  # 1.234,5


@dataclass(frozen=True)
class NotMeasured:
    """`NC`, `n/d` or `-`: the figure does not exist (recorded with a note, never as zero)."""

    written: str


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def not_measured(value: Any) -> NotMeasured | None:
    if isinstance(value, str) and value.strip().casefold() in col.NOT_MEASURED:
        return NotMeasured(value.strip())
    return None


def parse_number(value: Any, *, percent: bool = False) -> float | None:
    """The number in a cell, or None when it holds none. Text may use a decimal comma and
    spaces between thousands (`1 234,5`); a percent cell may end with `%`."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if value == value and abs(value) != float("inf") else None
    if not isinstance(value, str):
        return None  # a date or a time: Excel turned the entry into something else
    text = _SPACES.sub("", value.strip()).replace("\u2212", "-")
    if percent and text.endswith("%"):
        text = text[:-1]
    if _GROUPED_DOTS.match(text):
        text = text.replace(".", "")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    return float(text) if _PLAIN.match(text) else None


def describe(value: Any) -> str:
    """A filled cell as a message quotes it."""
    if isinstance(value, datetime | date | time):
        return Message("the date {value} (Excel read the entry as a date)",
                       value=value.isoformat())
    if isinstance(value, bool):
        return Message("the boolean {value}", value=str(value).upper())
    return Message("the text {value}", value=repr(str(value)))


_STATUS_BY_TEXT = {label.casefold(): status for status, label in STATUS_LABELS.items()}
_STATUS_BY_TEXT.update({status: status for status in STATUS_LABELS})
_STATUS_BY_TEXT.update({"non commence": "not-started", "realise": "done"})


def parse_status(value: Any) -> str | None:
    """A milestone status (`not-started`, `in-progress`, `done`) from its French label."""
    if not isinstance(value, str):
        return None
    return _STATUS_BY_TEXT.get(" ".join(value.split()).casefold())


def format_number(value: float) -> str:
    """A number in a message, as the YAML file spells it: 73190, 38.5."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)
