"""How numbers are shown to people: one place, so the terminal and the workbook agree."""

from __future__ import annotations

from spapser_cli.i18n import is_french

COUNT_UNIT = "nombre"  # counts are shown bare: "20", not "20 nombre"


def decimals_for(value: float, unit: str | None) -> int:
    """Percentages keep one decimal (two below 10, as the scheme prints 1.26 %); other
    quantities keep up to two. Whole numbers have none, percentages too: a share of exactly
    0 or 100 reads `0 %` and `100 %`, not `0.00 %` next to `100.0 %`."""
    if float(value).is_integer():
        return 0
    if unit == "%":
        return 2 if abs(value) < 10 else 1
    return 2 if abs(value) < 1000 else 1


EXACT_DECIMALS = 4
"""At most this many decimals for a figure typed in from a publication."""


def shown_decimals(value: float, unit: str | None = None, *, exact: bool = False) -> int:
    """The decimals a value is printed with, the same in every table, chart and sheet: those
    it has, up to its cap (`decimals_for`, or 4 for a published figure), never a trailing
    zero: 53 % is `53 %`, never `53.0 %`, whether it was computed or typed in."""
    cap = EXACT_DECIMALS if exact else decimals_for(value, unit)
    fraction = f"{abs(value):.{cap}f}".partition(".")[2].rstrip("0")
    return len(fraction)


def _spell(value: float, digits: int, decimal: str, group: str, signed: bool) -> str:
    text = f"{abs(value):,.{digits}f}".replace(",", "\x00").replace(".", decimal)
    text = text.replace("\x00", group)
    sign = "-" if value < 0 and text.strip("0.,") else ("+" if signed and value > 0 else "")
    return sign + text


def format_number(value: float | None, unit: str | None = None, *, signed: bool = False,
                  exact: bool = False, decimal: str = ".", group: str = " ") -> str:
    """`38.5`, `137 295`, `-11.45`; `n/d` for a missing value.

    `exact`: a figure typed in from a publication keeps its own decimals (54.62, 53)."""
    if value is None:
        return "n/d"
    return _spell(value, shown_decimals(value, unit, exact=exact), decimal, group, signed)


def format_quantity(value: float | None, unit: str | None, *, signed: bool = False,
                    exact: bool = False) -> str:
    """A number with its unit: `38.5 %`, `121.49 t`, `20` (counts)."""
    text = format_number(value, unit, signed=signed, exact=exact)
    if value is None or not unit or unit == COUNT_UNIT:
        return text
    return f"{text} {unit}"


def number_marks() -> tuple[str, str]:
    """The decimal mark and the thousands separator of the current language: French writes
    `1 234,5` (a narrow no-break space, as the Imprimerie nationale's rules), English
    `1 234.5`."""
    return (",", "\u202f") if is_french() else (".", " ")


def local_number(value: float | None, unit: str | None = None, *, signed: bool = False,
                 exact: bool = False, digits: int | None = None) -> str:
    """`format_number` in the current language's marks; `digits` forces the decimals (a
    change keeps those of the figures it is taken from)."""
    decimal, group = number_marks()
    if digits is not None and value is not None:
        return _spell(value, digits, decimal, group, signed)
    return format_number(value, unit, signed=signed, exact=exact, decimal=decimal, group=group)


def printed_decimals(value: float, unit: str | None, *, exact: bool) -> int:
    """How many decimals `format_number` prints for `value`."""
    return shown_decimals(value, unit, exact=exact)
