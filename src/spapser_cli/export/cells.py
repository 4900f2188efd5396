"""The bilan workbook's building blocks: safe cells, number formats, tables, printing, over a
small writer of our own (`Book`, `Sheet`) backed by XlsxWriter.

Why XlsxWriter: measured on the same cells, it writes a workbook several times faster than
openpyxl and imports in half the time (README, « Performance »). openpyxl still reads the
workbooks `spapser import` is given, and writes the collection template.

Text from the data is never trusted to stay text on its own: every string goes through `put`,
which cleans it (nothing XML forbids, at most 32 767 characters) and writes it as a string,
with Excel's quote prefix when it begins like a formula; the workbook is opened with
`strings_to_formulas`, `strings_to_numbers` and `strings_to_urls` off besides.

Rows and columns are counted from 1 here, as Excel shows them; XlsxWriter counts from 0.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import xlsxwriter

from spapser_cli.render.formatting import COUNT_UNIT, format_number

MAX_CELL_TEXT = 32_767  # Excel's limit; longer text is cut (with an ellipsis)
MAX_SHEET_TITLE = 31
FORMULA_TRIGGERS = ("=", "+", "-", "@")
LINE_HEIGHT = 15.0  # points, Calibri 11
MAX_ROW_HEIGHT = 409.0

CellValue = str | int | float | date | datetime | None


# -- styles (plain values: a format is made once per distinct combination) --------------------
@dataclass(frozen=True)
class Font:
    bold: bool = False
    italic: bool = False
    colour: str | None = None
    size: float = 11


@dataclass(frozen=True)
class Fill:
    colour: str


@dataclass(frozen=True)
class Alignment:
    wrap: bool = False
    vertical: str | None = None  # "top", "vcenter"
    horizontal: str | None = None  # "left", "center"
    indent: int = 0


FONT = "Calibri"  # the workbook's default: a font without a name is drawn in another one
HEADER_FONT = Font(bold=True, colour="FFFFFF")
HEADER_FILL = Fill("1F4E78")
BAND_FILL = Fill("DDEBF7")
SECTION_FILL = Fill("BDD7EE")
BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, colour="1F4E78", size=14)
MUTED_FONT = Font(italic=True, colour="595959")
WRAP = Alignment(wrap=True, vertical="top")
WRAP_LEFT = Alignment(wrap=True, vertical="top", horizontal="left")
TOP = Alignment(vertical="top")
INDENTED = Alignment(indent=1, vertical="top", wrap=True)
CENTRE = Alignment(vertical="top", horizontal="center")
HEADER_ALIGN = Alignment(wrap=True, vertical="vcenter", horizontal="center")

STATUS_COLOURS: dict[str, tuple[str, str]] = {  # status -> (fill, font), Excel's own palette
    "met": ("C6EFCE", "006100"),
    "on-track": ("E2EFDA", "375623"),
    "off-track": ("FFEB9C", "9C5700"),
    "not-met": ("FFC7CE", "9C0006"),
    "no-target": ("F2F2F2", "595959"),
    "no-data": ("F2F2F2", "808080"),
}
STATUS_FILLS = {s: Fill(f) for s, (f, _) in STATUS_COLOURS.items()}
STATUS_FONTS = {s: Font(colour=c) for s, (_, c) in STATUS_COLOURS.items()}


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


# -- the writer -------------------------------------------------------------------------------
StyleKey = tuple[str | None, Font | None, Fill | None, Alignment | None, bool]
OPTIONS = {
    "strings_to_formulas": False,  # text is text: never a formula,
    "strings_to_numbers": False,  # never a number,
    "strings_to_urls": False,  # never a link
    "in_memory": True,  # the sheets' XML in memory, not in temporary files
}


def _format_properties(key: StyleKey) -> dict[str, Any]:
    number_format, font, fill, alignment, quoted = key
    properties: dict[str, Any] = {"font_name": FONT}
    if number_format:
        properties["num_format"] = number_format
    if font is not None:
        properties.update(bold=font.bold, italic=font.italic, font_size=font.size)
        if font.colour:
            properties["font_color"] = "#" + font.colour
    if fill is not None:
        properties.update(pattern=1, bg_color="#" + fill.colour)
    if alignment is not None:
        if alignment.wrap:
            properties["text_wrap"] = True
        if alignment.vertical:
            properties["valign"] = alignment.vertical
        if alignment.horizontal:
            properties["align"] = alignment.horizontal
        if alignment.indent:
            properties["indent"] = alignment.indent
    if quoted:
        properties["quote_prefix"] = True
    return properties


class Book:
    """The workbook being written to `path` (XlsxWriter keeps it in memory until `close`)."""

    def __init__(self, path: str) -> None:
        self.xlsx = xlsxwriter.Workbook(path, OPTIONS)
        self.sheets: list[Sheet] = []
        self._formats: dict[StyleKey, Any] = {}
        self._by_id: dict[tuple[object, ...], tuple[Any, StyleKey]] = {}

    @property
    def sheetnames(self) -> list[str]:
        return [s.title for s in self.sheets]

    def __getitem__(self, title: str) -> Sheet:
        return next(s for s in self.sheets if s.title == title)

    def create_sheet(self, wanted: str) -> Sheet:
        sheet = Sheet(self, sheet_title(wanted, self.sheetnames))
        self.sheets.append(sheet)
        return sheet

    def format(self, number_format: str | None, font: Font | None, fill: Fill | None,
               alignment: Alignment | None, quoted: bool) -> Any:
        """The XlsxWriter format of a style, made once per distinct style.

        Looked up by the identity of the style objects (nearly all are this module's
        constants): hashing the dataclasses for every cell cost more than the lookup. The
        memo keeps the objects, so that their ids stay theirs."""
        key = (number_format, id(font), id(fill), id(alignment), quoted)
        found = self._by_id.get(key)
        if found is None:
            style = (number_format, font, fill, alignment, quoted)
            made = self._formats.get(style)
            if made is None:
                made = self._formats[style] = self.xlsx.add_format(_format_properties(style))
            found = self._by_id[key] = (made, style)
        return found[0]

    def add_chart(self, options: dict[str, Any]) -> Any:
        return self.xlsx.add_chart(options)

    def close(self) -> None:
        for sheet in self.sheets:
            sheet.finish()
        try:
            self.xlsx.close()
        except xlsxwriter.exceptions.FileCreateError as exc:
            # XlsxWriter wraps the OSError of a failed write (a full disk): give it back, so
            # that `write_atomic` reports it like any other write.
            cause = exc.args[0] if exc.args else None
            if isinstance(cause, OSError):
                raise cause from None
            raise


@dataclass
class Sheet:
    """One worksheet: cells written at once, row heights and outline levels kept until
    `finish` (XlsxWriter sets both in one call per row)."""

    book: Book
    title: str
    max_column: int = 0
    widths: dict[int, float] = field(default_factory=dict)
    frozen_row: int | None = None  # the first row under the frozen panes
    row_breaks: list[int] = field(default_factory=list)  # a page ends after these rows
    _heights: dict[int, float] = field(default_factory=dict)
    _levels: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ws = self.book.xlsx.add_worksheet(self.title)

    def set_height(self, row: int, height: float) -> None:
        self._heights[row] = height

    def set_level(self, row: int, level: int) -> None:
        self._levels[row] = level

    def set_width(self, column: int, width: float) -> None:
        """A column `width` characters wide, as Excel's `<col width>` (openpyxl's sense):
        XlsxWriter's own width would add the cell padding."""
        self.widths[column] = width
        self.ws.set_column_pixels(column - 1, column - 1, round(width * 7))
        self.max_column = max(self.max_column, column)

    def freeze(self, row: int) -> None:
        """Freeze the rows above `row`."""
        self.frozen_row = row
        self.ws.freeze_panes(row - 1, 0)

    def merge(self, row: int, first_column: int, last_column: int) -> None:
        """Merge a row's cells from `first_column` to `last_column`; the caller writes the
        first one, whose look the merged range takes.

        XlsxWriter's `merge_range` also writes a formatted blank in every covered cell and
        checks each against every merged cell: nearly half the cells of the axis sheets,
        for borders we do not draw and overlaps we do not make. The range alone is what
        the file needs (`<mergeCell>`), as openpyxl wrote it."""
        self.ws.merge.append([row - 1, first_column - 1, row - 1, last_column - 1])
        self.max_column = max(self.max_column, last_column)

    def finish(self) -> None:
        for row in sorted(self._heights.keys() | self._levels.keys()):
            level = self._levels.get(row, 0)
            self.ws.set_row(row - 1, self._heights.get(row), None,
                            {"level": level} if level else None)
        if self.row_breaks:
            self.ws.set_h_pagebreaks(self.row_breaks)


def _style(spec: Val, alignment: Alignment | None, font: Font | None,
           fill: Fill | None) -> tuple[Font | None, Fill | None, Alignment | None]:
    if spec.status in STATUS_COLOURS:
        fill, font = STATUS_FILLS[spec.status], STATUS_FONTS[spec.status]
    elif spec.bold or spec.muted:
        font = BOLD if spec.bold else MUTED_FONT
    if spec.indent:
        alignment = INDENTED
    return font, fill, alignment


def put(ws: Sheet, row: int, column: int, value: CellValue | Val, *,
        alignment: Alignment | None = None, font: Font | None = None,
        fill: Fill | None = None) -> CellValue:
    """Write one cell and style it; returns the value written. Text always stays text,
    whatever it begins with."""
    if isinstance(value, Val):
        spec = value
        font, fill, alignment = _style(spec, alignment, font, fill)
        raw, number_format = spec.value, spec.number_format
    else:
        raw, number_format = value, None
    if column > ws.max_column:
        ws.max_column = column
    quoted = False
    if isinstance(raw, str):
        raw = clean_text(raw)
        quoted = raw.startswith(FORMULA_TRIGGERS)  # and Excel keeps it text when edited
    styled = (number_format is not None or font is not None or fill is not None
              or alignment is not None or quoted)
    cell_format = (ws.book.format(number_format, font, fill, alignment, quoted) if styled
                   else None)
    # XlsxWriter's `write_string` & co. are its `_write_string` & co. behind a decorator
    # that parses « A1 » references on every call: called directly, with numbers.
    r, c, sheet = row - 1, column - 1, ws.ws
    if isinstance(raw, str):
        if raw:  # an empty string would be an empty text cell: leave the cell empty
            sheet._write_string(r, c, raw, cell_format)
        elif cell_format is not None:
            sheet._write_blank(r, c, None, cell_format)
        return raw or None
    if isinstance(raw, date):  # datetime too
        sheet._write_datetime(r, c, raw, cell_format)
    elif isinstance(raw, int | float) and math.isfinite(raw):
        sheet._write_number(r, c, raw, cell_format)
    elif raw is None or isinstance(raw, float):  # nothing, or not a number
        if cell_format is not None:
            sheet._write_blank(r, c, None, cell_format)
        return None
    else:
        sheet._write_string(r, c, clean_text(str(raw)), cell_format)
    return raw


def put_merged(ws: Sheet, row: int, first_column: int, last_column: int,
               value: CellValue | Val, *, alignment: Alignment | None = None,
               font: Font | None = None, fill: Fill | None = None) -> CellValue:
    """Write a cell merged from `first_column` to `last_column` of its row (the merged range
    takes its look from it); returns the value written."""
    ws.merge(row, first_column, last_column)
    return put(ws, row, first_column, value, alignment=alignment, font=font, fill=fill)


def put_row(ws: Sheet, row: int, values: Sequence[CellValue | Val],
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
        ws.set_height(row, min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines))


# -- tables -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    header: str
    width: float
    wrap: bool = False
    alignment: Alignment | None = None  # instead of top-aligned, wrapped when `wrap`


def write_table(ws: Sheet, columns: Sequence[Column],
                rows: Iterable[Sequence[CellValue | Val]], *, header_row: int = 1,
                filters: bool = True) -> int:
    """A header row (frozen, with filters) then the rows; returns the last row written.
    A row given as `Grouped(values)` is an outline level under the row before it."""
    write_header(ws, header_row, columns)
    last = header_row
    for last, values in enumerate(rows, start=header_row + 1):
        put_row(ws, last, values, columns)
        if isinstance(values, Grouped):
            ws.set_level(last, 1)
    set_widths(ws, columns)
    ws.freeze(header_row + 1)
    if filters:
        ws.ws.autofilter(header_row - 1, 0, max(last, header_row + 1) - 1, len(columns) - 1)
    return last


class Grouped(list[CellValue | Val]):
    """The cells of a detail row (a category of the indicator above), grouped under it."""


def write_header(ws: Sheet, row: int, columns: Sequence[Column], *,
                 fill: Fill = HEADER_FILL, font: Font = HEADER_FONT) -> None:
    for index, column in enumerate(columns, start=1):
        put(ws, row, index, column.header, alignment=HEADER_ALIGN, font=font, fill=fill)
    ws.set_height(row, LINE_HEIGHT * max(estimate_lines(c.header, c.width) for c in columns))


def set_widths(ws: Sheet, columns: Sequence[Column]) -> None:
    for index, column in enumerate(columns, start=1):
        ws.set_width(index, column.width)


@lru_cache(maxsize=4096)  # a sheet repeats its labels and units on many rows
def estimate_lines(text: str, width: float) -> int:
    """How many lines `text` takes in a wrapped column `width` characters wide."""
    per_line = max(1, int(width * 1.1) - 1)  # Calibri is narrower than the width unit
    if "\n" not in text:
        return max(1, -(-len(text) // per_line))
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


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


def printed_width_cm(widths: Iterable[float | None]) -> float:
    """The width on paper at 100 % of columns that wide (None: the default width)."""
    return sum((w or DEFAULT_WIDTH) * CM_PER_WIDTH_UNIT + CM_PER_COLUMN for w in widths)


def print_scale(widths: Iterable[float | None]) -> int | None:
    """None when columns that wide (a sheet's used ones) fit the page width at a readable
    scale; else that scale."""
    needed = 100 * PRINTABLE_WIDTH_CM / max(printed_width_cm(widths), 1.0)
    return None if needed >= MIN_PRINT_SCALE else MIN_PRINT_SCALE


def setup_print(ws: Sheet, title: str, organisation: str = "") -> None:
    """Landscape A4, fitted to the page width unless that would print below
    `MIN_PRINT_SCALE` (then at that scale, the columns spread over more pages, left to
    right, the first column repeated), the table's header row repeated on every page; the
    organisation heads every page."""
    sheet = ws.ws
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    scale = print_scale(ws.widths.get(c) for c in range(1, ws.max_column + 1))
    if scale is None:
        sheet.fit_to_pages(1, 0)
        sheet.center_horizontally()
    else:
        sheet.set_print_scale(scale)
        sheet.print_across()  # a row's columns on consecutive pages
        sheet.repeat_columns(0)
    sheet.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.7)
    if ws.frozen_row is not None and ws.frozen_row > 1:
        sheet.repeat_rows(ws.frozen_row - 2)  # the header row, just above the frozen panes
    # The sheet's name, the organisation, the title; the page number in the footer.
    sheet.set_header(f"&L&A&C{_header_text(organisation)}&R{_header_text(title)}",
                     {"margin": 0.3})
    sheet.set_footer("&R&P / &N", {"margin": 0.3})


def cm_to_pixels(cm: float) -> int:
    """A chart's size: XlsxWriter counts pixels, at 96 dpi."""
    return round(cm / 2.54 * 96)
