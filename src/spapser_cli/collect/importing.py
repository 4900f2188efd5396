"""`spapser import`: filled collection files into `measures/YEAR.yaml`, all or nothing.

Every problem of every file is collected before anything is written. A value already in the
measures file is never overwritten silently: a different one is a conflict, taken only with
`replace`. The edit keeps the file's comments, order and modeline (ruamel.yaml round trip),
and the new text is checked by the same loader as `spapser validate` before it is written.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from spapser_cli.catalog import Catalog
from spapser_cli.collect import yamledit
from spapser_cli.collect.merge import Cell, Change, ImportResult, Merger, show
from spapser_cli.collect.reading import FilledRow, read_filled
from spapser_cli.collect.rows import CollectRow, accepted_rows
from spapser_cli.collect.values import (
    describe,
    format_number,
    is_blank,
    not_measured,
    parse_number,
    parse_status,
)
from spapser_cli.files import DATA_FILE_LIMIT, exists, read_capped
from spapser_cli.i18n import Message
from spapser_cli.problems import Problem, display_path, os_reason

__all__ = ["Change", "ImportResult", "plan_import", "write_import"]


def plan_import(catalog: Catalog, paths: Sequence[Path], *, year: int | None = None,
                replace: bool = False) -> ImportResult:
    """Read the files, check every cell, and compute the new measures file (nothing is
    written: see `write_import`)."""
    problems: list[Problem] = []
    filled = []
    for path in paths:
        read = read_filled(path, display_path(path), year)
        problems += read.problems
        if read.year is not None:
            if year is None:
                year = read.year
            elif read.year != year:
                problems.append(Problem(read.file, "collection-year-mismatch", Message(
                    "this file collects {year}, the other files {others}: import one year at "
                    "a time", year=read.year, others=year)))
                continue
        filled.append(read)
    result = ImportResult(year, None, [f.file for f in filled], problems)
    if year is None:
        return result
    result.target = catalog.data_dir / "measures" / f"{year}.yaml"
    accepted = accepted_rows(catalog, year)
    cells: dict[tuple[str, str, str], Cell] = {}
    for read in filled:
        for row in read.rows:
            cell = _check_cell(row, accepted, catalog, problems)
            if cell is None:
                continue
            first = cells.get(row.key)
            if first is not None:
                if first.value != cell.value:
                    problems.append(row.problem("duplicate-id", Message(
                        "{name} is also filled in at {where} with {first}, here with "
                        "{value}: keep one", name=_name(row), where=first.where,
                        first=show(first.value), value=show(cell.value))))
                continue
            cells[row.key] = cell
    if result.errors:
        return result
    result.filled = len(cells)
    _merge(result, list(cells.values()), year, replace, catalog)
    return result


def _name(row: FilledRow) -> str:
    return ".".join(p for p in (row.variable or row.indicator, row.category) if p)


def _check_cell(row: FilledRow, accepted: dict[tuple[str, str, str], CollectRow],
                catalog: Catalog, problems: list[Problem]) -> Cell | None:
    if is_blank(row.value):
        return None  # blank: not measured, and nothing to record
    expected = accepted.get(row.key)
    if expected is None:
        problems.append(_unknown_ids(row, catalog))
        return None
    where = row.location()
    if expected.kind == "qualitative":
        text = row.value if isinstance(row.value, str) else format_number(row.value) \
            if isinstance(row.value, int | float) else str(row.value)
        return Cell(row, expected, text.strip(), where)
    if (nc := not_measured(row.value)) is not None:
        return Cell(row, expected, nc, where)
    if expected.kind == "milestone":
        status = parse_status(row.value)
        if status is None:
            problems.append(row.problem("invalid-value", Message(
                "{name}: expected a status (non commencé, en cours, réalisé), got {value}",
                name=_name(row), value=describe(row.value))))
            return None
        return Cell(row, expected, status, where)
    number = parse_number(row.value, percent=expected.percent)
    unit = expected.unit or ""
    if number is None:
        problems.append(row.problem("not-a-number", Message(
            "{name}: expected a number in {unit}, got {value} (leave it blank or write NC "
            "when it was not measured)", name=_name(row), unit=unit or Message("no unit"),
            value=describe(row.value))))
        return None
    shown = format_number(number)
    if number < 0 and not expected.signed:
        problems.append(row.problem("negative-quantity", Message(
            "{name}: a quantity cannot be negative ({number} {unit})", name=_name(row),
            number=shown, unit=unit)))
    elif expected.percent and not 0 <= number <= 100:
        problems.append(row.problem("percent-out-of-range", Message(
            "{name}: {percent} is outside 0-100 (write 38.5 for 38.5 %)", name=_name(row),
            percent=shown + " %")))
    elif expected.whole and not number.is_integer():
        problems.append(row.problem("invalid-value", Message(
            "{name}: a count in {unit} is a whole number, not {number}", name=_name(row),
            unit=unit, number=shown)))
    else:
        return Cell(row, expected, number, where)
    return None


def _unknown_ids(row: FilledRow, catalog: Catalog) -> Problem:
    if row.variable:
        variable = catalog.variable(row.variable)
        if variable is None:
            return row.problem("unknown-variable", Message(
                "no action declares a variable {name} (hidden column 'variable')",
                name=repr(row.variable)))
        known = ", ".join(c.id for c in variable.categories) or Message("none")
        return row.problem("unknown-category", Message(
            "variable {id} has no category {category}{hint}", id=repr(row.variable),
            category=repr(row.category), hint=Message(" ({what}: {known})",
                                                      what=Message("categories"), known=known)))
    indicator = catalog.indicator(row.indicator)
    if indicator is None:
        return row.problem("unknown-indicator", Message(
            "no action declares an indicator {id} (hidden column 'indicateur')",
            id=repr(row.indicator)))
    known = ", ".join(c.id for c in catalog.indicator_categories(indicator)) or Message("none")
    return row.problem("unknown-category", Message(
        "indicator {id} takes no category {category} (categories: {known})",
        id=repr(row.indicator), category=repr(row.category), known=known))


def _merge(result: ImportResult, cells: list[Cell], year: int, replace: bool,
           catalog: Catalog) -> None:
    assert result.target is not None
    target = result.target
    try:
        # A regular file under the cap only: the data folder may hold a FIFO at that name.
        raw = read_capped(target, DATA_FILE_LIMIT) if exists(target) else None
        # ruamel keeps a stray "\r" in comments: edit with plain line ends, put CRLF back
        text = raw.decode("utf-8-sig").replace("\r\n", "\n") if raw is not None else None
    except (OSError, UnicodeDecodeError) as exc:
        result.problems.append(Problem(display_path(target), "unreadable-file",
                                       os_reason(getattr(exc, "strerror", None) or str(exc))))
        return
    if year in catalog.broken_measures:
        result.problems.append(Problem(display_path(target), "invalid-value", Message(
            "this measures file has errors; fix them first (`spapser validate`), then "
            "import again")))
        return
    doc = yamledit.load(text if text is not None else yamledit.new_measures_text(year))
    merger = Merger(doc, year, replace, result)
    by_variable: dict[str, list[Cell]] = {}
    by_indicator: dict[str, list[Cell]] = {}
    for cell in cells:
        if cell.expected.kind == "measure":
            by_variable.setdefault(cell.expected.variable or "", []).append(cell)
        else:
            by_indicator.setdefault(cell.expected.indicator or "", []).append(cell)
    for variable_id, group in by_variable.items():
        merger.measure(variable_id, group[0].expected.unit or "", group)
    for indicator_id, group in by_indicator.items():
        merger.reported(indicator_id, group)
    if result.errors or not result.changes:
        return
    result.text = yamledit.dump(doc)
    if raw is not None:  # keep the file's byte-order mark and line ends
        if b"\r\n" in raw:
            result.text = result.text.replace("\n", "\r\n")
        if raw.startswith(b"\xef\xbb\xbf"):
            result.text = "\ufeff" + result.text
    result.problems += _validate(catalog.data_dir, target, result.text)


def _validate(data_dir: Path, target: Path, text: str) -> list[Problem]:
    """What `spapser validate` would report on the new file (errors and warnings), shown at
    its name."""
    from spapser_cli.read.load import load_catalog

    with tempfile.TemporaryDirectory(prefix="spapser-import-") as folder:
        candidate = Path(folder) / "measures" / target.name
        candidate.parent.mkdir()
        candidate.write_text(text, encoding="utf-8", newline="")
        loaded = load_catalog(data_dir, [candidate])
        shown = display_path(candidate)
        name = f"{display_path(target)} (as imported)"
        return [Problem(name, p.code, p.message, p.line, p.column, p.severity)
                for p in loaded.problems if p.file == shown]


def write_import(result: ImportResult) -> None:
    """Write the new measures file atomically (a temporary file, then a rename)."""
    from spapser_cli.files import write_text_atomic

    assert result.target is not None and result.text is not None and not result.errors
    result.target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(result.target, result.text)
