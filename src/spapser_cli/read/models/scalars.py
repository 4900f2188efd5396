"""Scalar types shared by the models: numbers, years, ids, text, and the strict base model.

Numbers are never taken from booleans or text: a French-formatted number (`38,5`, `137 295`,
`12 %`) gets a message that shows the correct spelling.
"""


from __future__ import annotations

import math
import re
from datetime import date
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from spapser_cli.catalog import FIRST_YEAR, LAST_YEAR
from spapser_cli.i18n import N_, Message

# The templates of our own validation errors, as raised: `read.modelcheck` turns an error back
# into a translatable `Message` (Pydantic keeps only the filled text).
ERROR_TEMPLATES: set[str] = set()


def custom_error(code: str, template: str, context: dict[str, Any] | None = None
                 ) -> PydanticCustomError:
    """A Pydantic error whose type is a problem code; `template` is marked `N_("…")`."""
    ERROR_TEMPLATES.add(template)
    return PydanticCustomError(code, template, context)


def _as_number(value: Any) -> Any:
    """Accept int/float only; explain booleans and text (French spellings above all)."""
    if isinstance(value, bool):
        raise custom_error(
            "boolean-not-number",
            N_("expected a number, got the boolean {value}"),
            {"value": str(value).lower()},
        )
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise custom_error("not-a-number", N_("expected a finite number, got {value}"),
                                      {"value": str(value)})
        return value
    if isinstance(value, str):
        fixed = french_number_spelling(value)
        if fixed is not None:
            raise custom_error(
                "french-number",
                N_("'{text}' is a French-formatted number; write it as {fixed}"),
                {"text": value, "fixed": fixed},
            )
        raise custom_error(
            "not-a-number", N_("expected a number, got the text '{text}'"), {"text": value}
        )
    return value  # anything else fails the float type check below with `wrong-type`


_SPACES = "\u0020\u00a0\u202f"
_FRENCH_NUMBER = re.compile(
    rf"^\s*(?P<sign>[-+−]?)\s*(?P<int>\d{{1,3}}(?:(?P<group>[{_SPACES}.])\d{{3}})"
    rf"(?:(?P=group)\d{{3}})*|\d+)(?:(?P<sep>[,.])(?P<frac>\d+))?\s*(?P<pct>%)?\s*$"
)


def french_number_spelling(text: str) -> str | None:
    """The YAML spelling of a number written the French way, or None if `text` is not one.

    >>> french_number_spelling("137 295"), french_number_spelling("38,5")
    ('137295', '38.5')
    >>> french_number_spelling("1.554,5"), french_number_spelling("−1554")
    ('1554.5', '-1554')
    >>> french_number_spelling("12 %")
    '12 (the unit, %, is declared once for the variable)'
    >>> french_number_spelling("73,190")
    '73.190, or 73190 if the comma separates thousands'
    """
    match = _FRENCH_NUMBER.match(text)
    if not match:
        return None
    group, sep = match["group"], match["sep"]
    if group == "." and sep != ",":
        return None  # "1.554" or "1.554.000": not a French spelling we can be sure of
    integer = re.sub(f"[{_SPACES}.]", "", match["int"]) if group else match["int"]
    unicode_minus = match["sign"] == "−"
    percent = match["pct"] is not None
    if not (group or sep == "," or percent or unicode_minus):
        return None  # e.g. "01053": a code that happens to be digits, not a French spelling
    sign = "-" if match["sign"] in ("-", "−") else ""
    number = f"{sign}{integer}" + (f".{match['frac']}" if match["frac"] else "")
    if percent:
        return Message("{number} (the unit, %, is declared once for the variable)",
                       number=number)
    if sep == "," and not group and len(match["frac"]) == 3:
        return Message("{number}, or {thousands} if the comma separates thousands",
                       number=number, thousands=f"{sign}{integer}{match['frac']}")
    return number


# Constraints go before the validator: after it, Pydantic cannot translate them into JSON Schema
# `minimum`/`exclusiveMinimum` and emits raw `ge`/`gt` keys that editors ignore.
Number = Annotated[float, Field(strict=False), BeforeValidator(_as_number)]
NonNegativeNumber = Annotated[float, Field(ge=0, strict=False), BeforeValidator(_as_number)]
PositiveNumber = Annotated[float, Field(gt=0, strict=False), BeforeValidator(_as_number)]


def _as_year(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        _as_number(value)  # explains text and booleans
        raise custom_error("wrong-type", N_("expected a year such as 2015, got {value}"),
                                  {"value": repr(value)})
    return value


Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR), BeforeValidator(_as_year)]
Count = Annotated[int, Field(ge=1, strict=True)]


def _as_date(value: Any) -> Any:
    # Dates stay text in YAML (the reader does not resolve timestamps); parse them here.
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise custom_error("invalid-date", N_("expected a date as YYYY-MM-DD, got {value}"),
                              {"value": repr(value)})


Date = Annotated[date, BeforeValidator(_as_date)]

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
"""A stable identifier: lower-case ASCII kebab-case (`paper-recycled-share`)."""

def _code_as_text(value: Any) -> Any:
    # YAML reads `12` and `1.10` as numbers: a whole number is a fine code; a decimal one has
    # lost its spelling (1.10 → 1.1), so ask for quotes.
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    if isinstance(value, float):
        raise custom_error("wrong-type", N_("{value} reads as a number: write the code in "
                                  "quotes, e.g. '{value}'"), {"value": repr(value)})
    return value


ACTION_CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
ActionCode = Annotated[str, StringConstraints(pattern=ACTION_CODE_PATTERN, max_length=40),
                       BeforeValidator(_code_as_text)]
"""An action sheet's code, as the organisation numbers it (`1-1.3`, `ECO-01`, `INS.1a`): ASCII
letters, digits, `.`, `-` and `_`, starting with a letter or digit. Its digits mean nothing:
the axis and objective are the action's fields and the scheme's listing."""

Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Unit = Annotated[str, StringConstraints(min_length=1, max_length=30, strip_whitespace=True)]
"""A unit symbol as shown to readers: `kg`, `km`, `kWh`, `L/100 km`, `%`, `€ HT`, `nombre`."""

def _year_as_text(value: Any) -> Any:
    # `due: 2018` is read as a number; a bare year is a fine due date.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


_DUE_PATTERN = r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?$"
Due = Annotated[
    str,
    StringConstraints(pattern=_DUE_PATTERN),
    BeforeValidator(_year_as_text),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": _DUE_PATTERN},
                              {"type": "integer", "minimum": 1000, "maximum": 9999}]}),
]
"""A due date as precise as the document gives it: `2017`, `2017-04` or `2017-04-30`."""


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


