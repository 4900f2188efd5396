"""openpyxl building blocks for the bilan workbook: safe cells, number formats, tables, printing.

Text from the data is never trusted to stay text on its own: openpyxl turns a string that
starts with `=` into a formula and raises on control characters, so every string goes
through `put`, which cleans it and forces the cell's type to text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast
from weakref import WeakKeyDictionary

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from spapser_cli.render.formatting import COUNT_UNIT, format_number

MAX_CELL_TEXT = 32_767  # Excel's limit; longer text is cut (with an ellipsis)
MAX_SHEET_TITLE = 31
FORMULA_TRIGGERS = ("=", "+", "-", "@")
LINE_HEIGHT = 15.0  # points, Calibri 11
MAX_ROW_HEIGHT = 409.0

CellValue = str | int | float | date | datetime | None

# -- styles (shared objects: openpyxl stores each distinct style once) --------------------------
FONT = "Calibri"  # the workbook's default: a font without a name is drawn in another one
HEADER_FONT = Font(name=FONT, size=11, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
BAND_FILL = PatternFill("solid", fgColor="DDEBF7")
SECTION_FILL = PatternFill("solid", fgColor="BDD7EE")
BOLD = Font(name=FONT, size=11, bold=True)
TITLE_FONT = Font(name=FONT, size=14, bold=True, color="1F4E78")
MUTED_FONT = Font(name=FONT, size=11, italic=True, color="595959")
WRAP = Alignment(wrap_text=True, vertical="top")
WRAP_LEFT = Alignment(wrap_text=True, vertical="top", horizontal="left")
TOP = Alignment(vertical="top")
INDENTED = Alignment(indent=1, vertical="top", wrap_text=True)
CENTRE = Alignment(vertical="top", horizontal="center")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")

STATUS_COLOURS: dict[str, tuple[str, str]] = {  # status -> (fill, font), Excel's own palette
    "met": ("C6EFCE", "006100"),
    "on-track": ("E2EFDA", "375623"),
    "off-track": ("FFEB9C", "9C5700"),
    "not-met": ("FFC7CE", "9C0006"),
    "no-target": ("F2F2F2", "595959"),
    "no-data": ("F2F2F2", "808080"),
}
STATUS_FILLS = {s: PatternFill("solid", fgColor=f) for s, (f, _) in STATUS_COLOURS.items()}
STATUS_FONTS = {s: Font(name=FONT, size=11, color=c) for s, (_, c) in STATUS_COLOURS.items()}


# -- text -------------------------------------------------------------------------------------
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Every character XML 1.0 forbids (its `Char` production): C0 controls but tab, newline and
carriage return, lone surrogates, U+FFFE and U+FFFF. One of them in a cell makes a workbook
nobody can open; openpyxl's own pattern misses the last three."""


def clean_text(text: str) -> str:
    """Text Excel accepts: nothing XML forbids (tab and newlines kept), at most 32 767
    characters."""
    text = XML_FORBIDDEN.sub("", text)
    if len(text) > MAX_CELL_TEXT:
        text = text[: MAX_CELL_TEXT - 1] + "…"
    return text


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_title(wanted: str, taken: Iterable[str] = ()) -> str:
    """A valid, unique sheet name: none of []:*?/\\, no leading or trailing apostrophe, at
    most 31 characters, not Excel's reserved « History »."""
    name = _SHEET_FORBIDDEN.sub(" ", clean_text(wanted))
    name = re.sub(r"\s+", " ", name).strip().strip("'").strip() or "Feuille"
    if name.casefold() == "history":
        name = "History (1)"
    name = name[:MAX_SHEET_TITLE].rstrip()
    used = {t.casefold() for t in taken}
    candidate, n = name, 2
    while candidate.casefold() in used:
        suffix = f" ({n})"
        candidate = name[: MAX_SHEET_TITLE - len(suffix)].rstrip() + suffix
        n += 1
    return candidate


# -- number formats ---------------------------------------------------------------------------
def _quoted(text: str) -> str:
    return f'"{text}"' if text else ""


def decimals(value: float, unit: str | None, *, exact: bool = False) -> int:
    """The decimals the terminal shows (`numbers.format_number`), so both agree: one for a
    percentage (two below 10), a published figure's own (54.62)."""
    return len(format_number(abs(value), unit, exact=exact, group="").partition(".")[2])


def number_format(value: float, unit: str | None, *, prefix: str = "", signed: bool = False,
                  points: bool = False, exact: bool = False) -> str:
    """An Excel number format with those decimals, thousands grouped, and the unit shown for
    percentages: `#,##0.0" %"`, `"≥ "#,##0" %"`, `"+"#,##0.0" pts";"-"#,##0.0" pts";0.0" pts"`.
    Other units go in the column header."""
    digits = decimals(value, unit, exact=exact)
    core = "#,##0" + ("." + "0" * digits if digits else "")
    suffix = " pts" if points and unit == "%" else (" %" if unit == "%" else "")
    if not signed:
        return f"{_quoted(prefix)}{core}{_quoted(suffix)}"
    zero = core.replace("#,##", "")
    return (f'{_quoted(prefix + "+")}{core}{_quoted(suffix)};'
            f'{_quoted(prefix + "-")}{core}{_quoted(suffix)};'
            f'{_quoted(prefix)}{zero}{_quoted(suffix)}')


def unit_label(unit: str | None) -> str:
    """The unit as a column shows it (counts have none)."""
    return "" if not unit or unit == COUNT_UNIT else unit


@dataclass(frozen=True)
class Val:
    """A cell with its presentation: number format, status colour, emphasis."""

    value: CellValue
    number_format: str | None = None
    status: str | None = None
    bold: bool = False
    muted: bool = False
    indent: bool = False


def num(value: float | None, unit: str | None, *, prefix: str = "", signed: bool = False,
        points: bool = False, exact: bool = False) -> Val:
    """A number cell formatted for its unit (empty when the value is missing); `exact` for
    a figure typed in from a publication, shown with its own decimals. The cell holds the
    number as `spapser compute --format json` gives it (`as_json`)."""
    if value is None or not math.isfinite(value):
        return Val(None)
    stored = as_json(value)
    return Val(stored, number_format(stored, unit, prefix=prefix, signed=signed,
                                     points=points, exact=exact))


JSON_DECIMALS = 6


def as_json(value: float) -> float | int:
    """A number as the JSON of `spapser compute` has it: rounded to 6 decimals (float noise
    such as 0.1 + 0.2 gone), a whole number as an integer."""
    rounded = round(value, JSON_DECIMALS)
    return int(rounded) if float(rounded).is_integer() and abs(rounded) < 1e15 else rounded


# -- cells ------------------------------------------------------------------------------------
StyleKey = tuple[object, ...]
_STYLE = "_style"  # a cell's style: a StyleArray of indices into the workbook's style lists
_STYLES: WeakKeyDictionary[Workbook, dict[StyleKey, tuple[StyleArray, object]]] = \
    WeakKeyDictionary()


def put(ws: Worksheet, row: int, column: int, value: CellValue | Val, *,
        alignment: Alignment | None = None, font: Font | None = None,
        fill: PatternFill | None = None) -> Cell:
    """Write one cell and style it. Text always stays text, whatever it begins with."""
    spec = value if isinstance(value, Val) else Val(value)
    cell = ws.cell(row=row, column=column)
    if not isinstance(cell, Cell):
        raise ValueError(f"{cell.coordinate} is inside a merged range")  # a layout bug
    if spec.status in STATUS_COLOURS:
        fill, font = STATUS_FILLS[spec.status], STATUS_FONTS[spec.status]
    elif spec.bold or spec.muted:
        font = BOLD if spec.bold else MUTED_FONT
    if spec.indent:
        alignment = INDENTED
    set_style(cell, spec.number_format, font, fill, alignment)
    raw = spec.value
    if isinstance(raw, str):
        text = clean_text(raw)
        if text:  # an empty string would be an empty text cell: leave the cell empty
            # Set as openpyxl's `cell.value = text` would, less the checks `clean_text`
            # made, and text even when it begins with "=": never a formula.
            cast(Any, cell)._value = text
            cell.data_type = "s"
        if text.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    elif raw is not None:
        cell.value = raw
    return cell


def set_style(cell: Cell, number_format: str | None, font: Font | None,
              fill: PatternFill | None, alignment: Alignment | None) -> None:
    """Give a cell its number format, font, fill and alignment, memoised per workbook.

    openpyxl hashes every style object on every assignment, which took most of the time of
    an export; a cell's style is an array of indices, so the array that results from the
    same styling of the same array is copied instead. The memo keeps a reference to the
    style objects, so that their `id`s stay theirs."""
    if number_format is None and font is None and fill is None and alignment is None:
        return
    workbook = cell.parent.parent
    memo = _STYLES.setdefault(workbook, {}) if workbook is not None else {}
    key = (*(getattr(cell, _STYLE) or ()), number_format, id(font), id(fill), id(alignment))
    found = memo.get(key)
    if found is not None:
        setattr(cell, _STYLE, copy(found[0]))
        return
    for attribute, value in (("number_format", number_format), ("font", font),
                             ("fill", fill), ("alignment", alignment)):
        if value is not None:
            setattr(cell, attribute, value)
    memo[key] = (copy(getattr(cell, _STYLE)), (font, fill, alignment))


def put_row(ws: Worksheet, row: int, values: Sequence[CellValue | Val],
            columns: Sequence[Column] = ()) -> None:
    """Write a row; with `columns`, wrap the text of wrapping columns, align everything to
    the top and give the row the height its longest wrapped text needs (Excel does not grow
    rows when it opens a file)."""
    lines = 1
    for index, value in enumerate(values):
        column = columns[index] if index < len(columns) else None
        text = value.value if isinstance(value, Val) else value
        if text is None or text == "":
            continue  # an empty cell needs no style either
        alignment = None
        if column is not None:
            wrapped = column.wrap and isinstance(text, str)
            alignment = column.alignment or (WRAP if wrapped else TOP)
            if wrapped:
                lines = max(lines, estimate_lines(str(text), column.width))
        put(ws, row, index + 1, value, alignment=alignment)
    if lines > 1:
        ws.row_dimensions[row].height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines)


# -- tables -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    header: str
    width: float
    wrap: bool = False
    alignment: Alignment | None = None  # instead of top-aligned, wrapped when `wrap`


def write_table(ws: Worksheet, columns: Sequence[Column],
                rows: Iterable[Sequence[CellValue | Val]], *, header_row: int = 1) -> int:
    """A header row (frozen, with filters) then the rows; returns the last row written.
    A row given as `Grouped(values)` is an outline level under the row before it."""
    write_header(ws, header_row, columns)
    last = header_row
    for last, values in enumerate(rows, start=header_row + 1):
        put_row(ws, last, values, columns)
        if isinstance(values, Grouped):
            ws.row_dimensions[last].outlineLevel = 1
    set_widths(ws, columns)
    ws.freeze_panes = f"A{header_row + 1}"
    ws.auto_filter.ref = (f"A{header_row}:{get_column_letter(len(columns))}"
                          f"{max(last, header_row + 1)}")
    return last


class Grouped(list[CellValue | Val]):
    """The cells of a detail row (a category of the indicator above), grouped under it."""


def write_header(ws: Worksheet, row: int, columns: Sequence[Column], *,
                 fill: PatternFill = HEADER_FILL, font: Font = HEADER_FONT) -> None:
    for index, column in enumerate(columns, start=1):
        put(ws, row, index, column.header, alignment=HEADER_ALIGN, font=font, fill=fill)
    ws.row_dimensions[row].height = LINE_HEIGHT * max(
        estimate_lines(c.header, c.width) for c in columns)


def set_widths(ws: Worksheet, columns: Sequence[Column]) -> None:
    for index, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width


def estimate_lines(text: str, width: float) -> int:
    """How many lines `text` takes in a wrapped column `width` characters wide."""
    per_line = max(1, int(width * 1.1) - 1)  # Calibri is narrower than the width unit
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def merge_row(ws: Worksheet, row: int, first_column: int, last_column: int) -> None:
    """Merge a row's cells from `first_column` to `last_column` (ranges never overlap here).

    `Worksheet.merge_cells` also creates a placeholder for every covered cell, copies
    borders onto them and compares the range with every other one: most of the time spent
    on the axis sheets, for borders we do not draw and overlaps we do not make."""
    ref = f"{get_column_letter(first_column)}{row}:{get_column_letter(last_column)}{row}"
    ws.merged_cells.ranges.add(MergedCellRange(ws, ref))


# -- printing ---------------------------------------------------------------------------------
def _header_text(text: str) -> str:
    # In headers and footers `&` starts a code; Excel caps the whole header at 255 characters.
    text = clean_text(text).replace("\n", " ").replace("&", "&&")
    return text if len(text) <= 120 else text[:119] + "…"


# A4 landscape less the side margins, in cm; an Excel width unit and a column's padding.
PRINTABLE_WIDTH_CM = 29.7 - 2 * 0.4 * 2.54
CM_PER_WIDTH_UNIT = 7 / 96 * 2.54  # 7 pixels a character of Calibri 11, at 96 dpi
CM_PER_COLUMN = 5 / 96 * 2.54
DEFAULT_WIDTH = 8.43
MIN_PRINT_SCALE = 65  # below this, 11 pt prints smaller than 7 pt: spread over pages instead


def printed_width_cm(ws: Worksheet) -> float:
    """The width of the sheet's used columns on paper at 100 %."""
    total = 0.0
    for index in range(1, ws.max_column + 1):
        dimension = ws.column_dimensions.get(get_column_letter(index))
        width = dimension.width if dimension is not None and dimension.width else DEFAULT_WIDTH
        total += width * CM_PER_WIDTH_UNIT + CM_PER_COLUMN
    return total


def print_scale(ws: Worksheet) -> int | None:
    """None when the sheet fits the page width at a readable scale; else that scale."""
    needed = 100 * PRINTABLE_WIDTH_CM / max(printed_width_cm(ws), 1.0)
    return None if needed >= MIN_PRINT_SCALE else MIN_PRINT_SCALE


def setup_print(ws: Worksheet, title: str, organisation: str = "") -> None:
    """Landscape A4, fitted to the page width unless that would print below
    `MIN_PRINT_SCALE` (then at that scale, the columns spread over more pages, left to
    right, the first column repeated), the table's header row repeated on every page; the
    organisation heads every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    scale = print_scale(ws)
    if scale is None:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    else:
        ws.page_setup.scale = scale
        ws.page_setup.pageOrder = "overThenDown"  # a row's columns on consecutive pages
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=False)
        ws.print_title_cols = "A:A"
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.7, bottom=0.7, header=0.3,
                                  footer=0.3)
    ws.print_options.horizontalCentered = scale is None
    frozen = ws.freeze_panes
    if frozen and frozen.startswith("A") and frozen[1:].isdigit() and int(frozen[1:]) > 1:
        header_row = int(frozen[1:]) - 1
        ws.print_title_rows = f"{header_row}:{header_row}"
    header, footer = ws.oddHeader, ws.oddFooter
    if header is not None and footer is not None:
        header.left.text = "&A"  # the sheet's name
        header.center.text = _header_text(organisation)
        header.right.text = _header_text(title)
        footer.right.text = "&P / &N"
