"""Filled collection files (.xlsx or .csv) back into cells, each with its place.

Only the structure is checked here (a collection file, of which year, with its id columns);
the values are checked by `importing`. Every problem is collected: nothing stops at the first.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spapser_cli.collect import columns as col
from spapser_cli.collect.rows import GUIDE_SHEET, META_SHEET
from spapser_cli.files import FileTooLarge, NotRegularFile, read_capped
from spapser_cli.i18n import Grouped, Message
from spapser_cli.problems import Problem, os_reason

HEADER_SCAN_ROWS = 20  # the header row is searched for among the first rows of a sheet
MAX_CSV_BYTES = 20 * 1024 * 1024
MAX_WORKBOOK_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class FilledRow:
    """One row of a filled file: its ids, what was typed, and where."""

    file: str  # the file name as messages show it
    sheet: str | None  # None for CSV
    row: int  # 1-based
    pilot: str | None
    variable: str
    category: str
    indicator: str
    value: Any  # None, a number, a text, a date...
    value_column: int  # 1-based
    source: str | None
    comment: str | None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.variable, self.category, self.indicator)

    def location(self) -> str:
        """Where the value cell is, as messages show it."""
        parts = _position(self.file, self.sheet, self.row, self.value_column)
        return ":".join(str(part) for part in parts if part is not None)

    def problem(self, code: str, message: str, column: int | None = None) -> Problem:
        return place(self.file, self.sheet, self.row, column or self.value_column, code, message)


def place(file: str, sheet: str | None, row: int | None, column: int | None, code: str,
          message: str) -> Problem:
    """A problem at a cell: `file.xlsx!'Sheet'!F12` in a workbook, `file.csv:12:6` in a CSV."""
    where, line, col = _position(file, sheet, row, column)
    return Problem(where, code, message, line, col)


def _position(file: str, sheet: str | None, row: int | None,
              column: int | None) -> tuple[str, int | None, int | None]:
    """(where, line, column) as a `Problem` holds them: a workbook cell is named in `where`."""
    if sheet is None:
        return file, row, column
    where = f"{file}!'{sheet}'"
    if row is not None:
        where += "!" + _cell_name(row, column or 1)
    return where, None, None


def _cell_name(row: int, column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


@dataclass
class FilledFile:
    file: str
    year: int | None
    rows: list[FilledRow]
    problems: list[Problem]


def read_filled(path: Path, shown: str, year: int | None) -> FilledFile:
    """Read one filled file; `year` is the year the import expects (None: the file's own)."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_workbook(path, shown, year)
    if suffix in (".csv", ".txt"):
        return _read_csv(path, shown, year)
    return FilledFile(shown, None, [], [Problem(shown, "not-a-collection-file", Message(
        "expected a collection workbook (.xlsx) or its CSV form (.csv), written by "
        "`spapser template`"))])


# -- headers ----------------------------------------------------------------------------------
@dataclass
class _Header:
    year: int
    value: int  # 0-based column indexes
    source: int | None
    comment: int | None
    ids: dict[str, int]
    pilot: int | None


def _find_header(rows: list[list[Any]], file: str, sheet: str | None, expected_year: int | None,
                 problems: list[Problem]) -> tuple[int, _Header] | None:
    """The header row (0-based index) and its columns, or None with one problem."""
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        texts = [c.strip() if isinstance(c, str) else c for c in cells]
        years = [(i, col.header_year(t)) for i, t in enumerate(texts) if col.header_year(t)]
        if not years:
            continue
        value_index, year = years[0]
        assert year is not None
        found = {t.casefold(): i for i, t in enumerate(texts) if isinstance(t, str)}
        missing = [name for name in (col.SOURCE, col.COMMENT, *col.ID_COLUMNS)
                   if name.casefold() not in found]
        if expected_year is not None and year != expected_year:
            problems.append(place(file, sheet, index + 1, value_index + 1,
                                  "collection-year-mismatch", Message(
                                      "this file collects {year} (column '{column}'), not "
                                      "{expected}: import it with --year {year}, or fill in "
                                      "the {expected} template (`spapser template "
                                      "{expected}`)", year=year,
                                      column=col.value_header(year), expected=expected_year)))
            return None
        if missing:
            names = ", ".join(f"'{m}'" for m in missing)
            hints = _renamed(missing, [t for t in texts if isinstance(t, str)])
            problems.append(place(file, sheet, index + 1, None, "missing-column",
                                  Message("the header row has no column {names}{hints}: a "
                                          "collection sheet has the columns {columns} (the "
                                          "id columns are hidden; do not delete or rename "
                                          "them)", names=names, hints=hints,
                                          columns=col.expected_columns(year))))
            return None
        return index, _Header(year, value_index, found[col.SOURCE.casefold()],
                              found[col.COMMENT.casefold()],
                              {n: found[n.casefold()] for n in col.ID_COLUMNS},
                              found.get(col.PILOT.casefold()))
    problems.append(place(file, sheet, None, None, "not-a-collection-file", Message(
        "no header row with the columns {columns} in its first {rows} rows: is this a file "
        "from `spapser template`?", columns=col.expected_columns(expected_year),
        rows=HEADER_SCAN_ROWS)))
    return None


def _renamed(missing: list[str], headers: list[str]) -> str:
    """` (you wrote 'Commentaires' instead of 'Commentaire')` for a header close to a missing
    column's name."""
    import difflib

    known = {c.casefold() for c in (*col.REFERENCE, col.SOURCE, col.COMMENT, *col.ID_COLUMNS)}
    others = [h for h in headers if h.casefold() not in known and col.header_year(h) is None]
    guesses = []
    for name in missing:
        close = difflib.get_close_matches(name.casefold(), [o.casefold() for o in others],
                                          n=1, cutoff=0.6)
        if close:
            written = next(o for o in others if o.casefold() == close[0])
            guesses.append(Message("'{written}' instead of '{name}'", written=written,
                                   name=name))
    if not guesses:
        return ""
    joined = guesses[0]
    for guess in guesses[1:]:  # each part stays a message, translated with the whole
        joined = Message("{first}, {then}", first=joined, then=guess)
    return Message(" (you wrote {guesses})", guesses=joined)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _rows_of(cells: list[list[Any]], file: str, sheet: str | None, pilot: str | None,
             expected_year: int | None, problems: list[Problem],
             lines: list[int] | None = None) -> tuple[int | None, list[FilledRow]]:
    """The filled rows below the header; `lines`: the line each row starts on (a CSV cell
    may hold a line break), else row i is line i."""
    found = _find_header(cells, file, sheet, expected_year, problems)
    if found is None:
        return None, []
    index, header = found

    def at(row: list[Any], i: int | None) -> Any:
        return row[i] if i is not None and i < len(row) else None

    rows: list[FilledRow] = []
    for i, row in enumerate(cells[index + 1:], start=index + 1):
        n = lines[i] if lines else i + 1
        ids = [_text(at(row, header.ids[name])) or "" for name in col.ID_COLUMNS]
        value, source, comment = (at(row, header.value), _text(at(row, header.source)),
                                  _text(at(row, header.comment)))
        if not any(ids):
            if any(_text(v) for v in (value, source, comment)):
                problems.append(place(file, sheet, n, header.ids[col.ID_VARIABLE] + 1,
                                      "missing-id", Message(
                                          "this row has a value but no ids in the hidden "
                                          "columns {columns}: copy the row from the template "
                                          "instead of typing a new one",
                                          columns=", ".join(col.ID_COLUMNS))))
            continue
        rows.append(FilledRow(file, sheet, n, _text(at(row, header.pilot)) or pilot, ids[0],
                              ids[1], ids[2], value, header.value + 1, source, comment))
    return header.year, rows


# -- workbooks --------------------------------------------------------------------------------
def _read_workbook(path: Path, shown: str, year: int | None) -> FilledFile:
    from openpyxl import load_workbook

    problems: list[Problem] = []
    try:  # a regular file, never more than the cap: a FIFO would block, /dev/zero never end
        raw = read_capped(path, MAX_WORKBOOK_BYTES)
    except FileTooLarge as exc:
        return FilledFile(shown, None, [], [Problem(shown, "file-too-large", Message(
            "{size} bytes; a collection workbook is at most {limit} bytes",
            size=Grouped(exc.size), limit=Grouped(MAX_WORKBOOK_BYTES)))])
    except OSError as exc:
        return FilledFile(shown, None, [], [Problem(shown, "unreadable-file",
                                                    os_reason(exc.strerror or str(exc)))])
    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        return FilledFile(shown, None, [], [Problem(shown, "unreadable-file", Message(
            "cannot read this workbook ({error})", error=f"{type(exc).__name__}: {exc}"))])
    try:
        sheets = {ws.title: [[_cell_value(c) for c in r] for r in ws.iter_rows()]
                  for ws in wb.worksheets}
    finally:
        wb.close()
    meta = sheets.pop(META_SHEET, None)
    sheets.pop(GUIDE_SHEET, None)
    if not meta or not meta[0] or meta[0][0] != col.META_TAG:
        return FilledFile(shown, None, [], [Problem(shown, "not-a-collection-file", Message(
            "this workbook was not written by `spapser template` (its hidden sheet '{sheet}' "
            "is missing): fill in a collection workbook", sheet=META_SHEET))])
    meta_year = next((r[1] for r in meta if r and r[0] == "année"), None)
    pilots = {str(r[1]): str(r[2]) for r in meta if r and r[0] == "onglet" and len(r) > 2}
    if year is not None and meta_year != year:
        # Shown at the `Valeur YEAR` header of the first sheet, where the year can be read.
        first = next((n for n in pilots if n in sheets), None)
        if first is not None:
            _find_header(sheets[first], shown, first, year, problems)
        if not problems:
            problems.append(Problem(shown, "collection-year-mismatch", Message(
                "this workbook collects {year}, not {expected}: import it with --year {year}, "
                "or fill in the {expected} template (`spapser template {expected}`)",
                year=meta_year, expected=year)))
        return FilledFile(shown, None, [], problems)
    file_year = meta_year if isinstance(meta_year, int) else None
    expected = ", ".join(f"'{name}'" for name in pilots)
    for name in sheets:
        if name not in pilots:
            problems.append(place(shown, name, 1, 1, "unknown-sheet", Message(
                "this workbook has no sheet '{name}' of its own (its sheets: {sheets}): a "
                "renamed sheet must get its name back, and rows are added only by copying "
                "them within their sheet", name=name, sheets=expected)))
    rows: list[FilledRow] = []
    for name, pilot in pilots.items():
        if name not in sheets:
            continue  # a deleted sheet has nothing to import (a renamed one is reported above)
        _, found = _rows_of(sheets[name], shown, name, pilot, file_year, problems)
        rows += found
    return FilledFile(shown, file_year, rows, problems)


def _cell_value(cell: Any) -> Any:
    """A cell's value as typed: French Excel turns `38,5 %` into 0.385 shown as a
    percentage, which the collection reads as 38.5 (its percentages go from 0 to 100)."""
    value = getattr(cell, "value", None)
    if isinstance(value, int | float) and not isinstance(value, bool) and \
            "%" in (getattr(cell, "number_format", None) or ""):
        return round(value * 100, 10)
    return value


# -- CSV --------------------------------------------------------------------------------------
def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without a BOM), else Windows-1252 as French Excel saves CSV."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _read_csv(path: Path, shown: str, year: int | None) -> FilledFile:
    try:
        data = read_capped(path, MAX_CSV_BYTES)  # a regular file, never more than the cap
    except FileTooLarge as exc:
        return FilledFile(shown, None, [], [Problem(shown, "file-too-large", Message(
            "{size} bytes; a collection CSV is at most {limit} bytes", size=Grouped(exc.size),
            limit=Grouped(MAX_CSV_BYTES)))])
    except NotRegularFile as exc:
        return FilledFile(shown, None, [], [Problem(shown, "unreadable-file",
                                                    os_reason(exc.args[0]))])
    except OSError as exc:
        return FilledFile(shown, None, [], [Problem(shown, "unreadable-file",
                                                    os_reason(exc.strerror or str(exc)))])
    try:
        text = decode_csv(data)
    except UnicodeDecodeError as exc:
        return FilledFile(shown, None, [], [Problem(shown, "encoding", Message(
            "neither UTF-8 nor Windows-1252 (byte {offset}): save it again as CSV UTF-8",
            offset=exc.start))])
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    cells: list[list[Any]] = []
    lines: list[int] = []
    start = 1
    for record in reader:
        cells.append(list(record))
        lines.append(start)
        start = reader.line_num + 1
    problems: list[Problem] = []
    file_year, rows = _rows_of(cells, shown, None, None, year, problems, lines)
    return FilledFile(shown, file_year, rows, problems)
