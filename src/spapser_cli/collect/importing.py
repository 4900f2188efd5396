"""`spapser import`: filled collection files into `measures/YEAR.yaml`, all or nothing.

Every problem of every file is collected before anything is written. A value already in the
measures file is never overwritten silently: a different one is a conflict, taken only with
`replace`. The edit keeps the file's comments, order and modeline (ruamel.yaml round trip),
and the new text is checked by the same loader as `spapser validate` before it is written.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spapser_cli.catalog import Catalog
from spapser_cli.collect import yamledit
from spapser_cli.collect.reading import FilledRow, read_filled
from spapser_cli.collect.rows import CollectRow, accepted_rows
from spapser_cli.collect.values import (
    NotMeasured,
    describe,
    format_number,
    is_blank,
    not_measured,
    parse_number,
    parse_status,
)
from spapser_cli.problems import Problem, display_path

Value = float | str | NotMeasured


@dataclass(frozen=True)
class Change:
    path: str  # where in the measures file: `measures.paper-consumption.values.fsc`
    old: Any
    new: Any
    where: str  # the cell it comes from

    def line(self) -> str:
        mark = "+" if self.old is None else "~"
        before = "" if self.old is None else f"{_show(self.old)} → "
        return f"{mark} {self.path}: {before}{_show(self.new)}  ({self.where})"


def _show(value: Any) -> str:
    if isinstance(value, NotMeasured):
        return f"not measured ({value.written})"
    if isinstance(value, float | int) and not isinstance(value, bool):
        return format_number(value)
    return repr(value)


@dataclass
class ImportResult:
    year: int | None
    target: Path | None
    files: list[str]
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    text: str | None = None  # the new measures file, when there is something to write

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


@dataclass
class _Cell:
    row: FilledRow
    expected: CollectRow
    value: Value
    where: str


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
                problems.append(Problem(read.file, "collection-year-mismatch", f"this file "
                                        f"collects {read.year}, the other files {year}: import "
                                        "one year at a time"))
                continue
        filled.append(read)
    result = ImportResult(year, None, [f.file for f in filled], problems)
    if year is None:
        return result
    result.target = catalog.data_dir / "measures" / f"{year}.yaml"
    accepted = accepted_rows(catalog, year)
    cells: dict[tuple[str, str, str], _Cell] = {}
    for read in filled:
        for row in read.rows:
            cell = _check_cell(row, accepted, catalog, problems)
            if cell is None:
                continue
            first = cells.get(row.key)
            if first is not None:
                if first.value != cell.value:
                    problems.append(row.problem("duplicate-id", f"{_name(row)} is also filled "
                                    f"in at {first.where} with {_show(first.value)}, here with "
                                    f"{_show(cell.value)}: keep one"))
                continue
            cells[row.key] = cell
    if result.errors:
        return result
    _merge(result, list(cells.values()), year, replace, catalog)
    return result


def _name(row: FilledRow) -> str:
    return ".".join(p for p in (row.variable or row.indicator, row.category) if p)


def _where(row: FilledRow, column: int | None = None) -> str:
    return row.problem("invalid-value", "", column).location()


def _check_cell(row: FilledRow, accepted: dict[tuple[str, str, str], CollectRow],
                catalog: Catalog, problems: list[Problem]) -> _Cell | None:
    if is_blank(row.value):
        return None  # blank: not measured, and nothing to record
    expected = accepted.get(row.key)
    if expected is None:
        problems.append(_unknown_ids(row, catalog))
        return None
    where = _where(row)
    if expected.kind == "qualitative":
        text = row.value if isinstance(row.value, str) else format_number(row.value) \
            if isinstance(row.value, int | float) else str(row.value)
        return _Cell(row, expected, text.strip(), where)
    if (nc := not_measured(row.value)) is not None:
        return _Cell(row, expected, nc, where)
    if expected.kind == "milestone":
        status = parse_status(row.value)
        if status is None:
            problems.append(row.problem("invalid-value", f"{_name(row)}: expected a status "
                            f"(non commencé, en cours, réalisé), got {describe(row.value)}"))
            return None
        return _Cell(row, expected, status, where)
    number = parse_number(row.value, percent=expected.percent)
    unit = expected.unit or ""
    if number is None:
        problems.append(row.problem("not-a-number", f"{_name(row)}: expected a number in "
                        f"{unit or 'no unit'}, got {describe(row.value)} (leave it blank or "
                        "write NC when it was not measured)"))
        return None
    shown = format_number(number)
    if number < 0 and not expected.signed:
        problems.append(row.problem("negative-quantity", f"{_name(row)}: a quantity cannot be "
                        f"negative ({shown} {unit})"))
    elif expected.percent and not 0 <= number <= 100:
        problems.append(row.problem("percent-out-of-range", f"{_name(row)}: {shown} % is "
                        "outside 0-100 (write 38.5 for 38.5 %)"))
    elif expected.whole and not number.is_integer():
        problems.append(row.problem("invalid-value", f"{_name(row)}: a count in {unit} is a "
                        f"whole number, not {shown}"))
    else:
        return _Cell(row, expected, number, where)
    return None


def _unknown_ids(row: FilledRow, catalog: Catalog) -> Problem:
    if row.variable:
        variable = catalog.variable(row.variable)
        if variable is None:
            return row.problem("unknown-variable", f"no action declares a variable "
                               f"{row.variable!r} (hidden column 'variable')")
        known = ", ".join(c.id for c in variable.categories) or "none"
        return row.problem("unknown-category", f"variable {row.variable!r} has no category "
                           f"{row.category!r} (categories: {known})")
    indicator = catalog.indicator(row.indicator)
    if indicator is None:
        return row.problem("unknown-indicator", f"no action declares an indicator "
                           f"{row.indicator!r} (hidden column 'indicateur')")
    known = ", ".join(c.id for c in catalog.indicator_categories(indicator)) or "none"
    return row.problem("unknown-category", f"indicator {row.indicator!r} takes no category "
                       f"{row.category!r} (categories: {known})")


# -- merging into the measures file -----------------------------------------------------------
def _source(cell: _Cell, year: int) -> str:
    if cell.row.source:
        return cell.row.source
    pilot = cell.row.pilot or cell.expected.pilot
    return f"Collecte {year} – {pilot} – {Path(cell.row.file.split('!')[0]).name}"


def _nc_note(cell: _Cell) -> str:
    assert isinstance(cell.value, NotMeasured)
    note = f"Non mesuré ({cell.value.written})"
    return f"{note} : {cell.row.comment}" if cell.row.comment else note


class _Merger:
    def __init__(self, doc: Any, year: int, replace: bool, result: ImportResult) -> None:
        self.doc, self.year, self.replace, self.result = doc, year, replace, result

    def section(self, name: str) -> Any:
        if self.doc.get(name) is None:
            order = ["year", "measures", "reported", "not_measured"]
            position = sum(1 for key in self.doc if key in order[:order.index(name)])
            value = yamledit.sequence([]) if name == "not_measured" else yamledit.mapping()
            self.doc.insert(position, name, value)
        return self.doc[name]

    def conflict(self, cell: _Cell, path: str, old: Any) -> bool:
        """True when the imported value may replace `old` (with --replace)."""
        if self.replace:
            self.result.changes.append(Change(path, old, cell.value, cell.where))
            return True
        file = display_path(self.result.target) if self.result.target else "the measures file"
        self.result.problems.append(cell.row.problem(
            "import-conflict", f"{path}: {file} holds {_show(old)}, this file "
            f"{_show(cell.value)}; nothing was written (use --replace to take the imported "
            "value)"))
        return False

    def added(self, cell: _Cell, path: str) -> None:
        self.result.changes.append(Change(path, None, cell.value, cell.where))

    # not measured entries: a list of {variable|indicator, category?, note, source}
    def _nc_index(self, owner: str, identifier: str, category: str | None) -> int | None:
        for i, entry in enumerate(self.doc.get("not_measured") or []):
            if entry.get(owner) == identifier and entry.get("category") == category:
                return i
        return None

    def set_not_measured(self, cell: _Cell, owner: str, identifier: str,
                         category: str | None, path: str, existing: Any) -> None:
        if existing is not None and not self.conflict(cell, path, existing):
            return
        if self._nc_index(owner, identifier, category) is not None:
            return  # recorded already: importing twice changes nothing
        if existing is None:
            self.added(cell, path)
        entry: dict[str, Any] = {owner: identifier}
        if category:
            entry["category"] = category
        entry.update(note=_nc_note(cell), source=_source(cell, self.year))
        self.section("not_measured").append(yamledit.mapping(entry))

    def drop_not_measured(self, cell: _Cell, owner: str, identifier: str,
                          category: str | None, path: str) -> bool:
        """False when a not-measured record stands in the way (a conflict without replace)."""
        index = self._nc_index(owner, identifier, category)
        if index is None:
            return True
        if not self.conflict(cell, path, NotMeasured("NC")):
            return False
        del self.doc["not_measured"][index]
        if not self.doc["not_measured"]:
            del self.doc["not_measured"]
        return True

    def measure(self, variable_id: str, unit: str, cells: list[_Cell]) -> None:
        entry: Any = (self.doc.get("measures") or {}).get(variable_id)
        for cell in cells:
            category = cell.expected.category
            path = f"measures.{variable_id}" + (f".values.{category}" if category else ".value")
            holder: Any = entry.get("values") if entry is not None and category else entry
            key = category if category else "value"
            old = holder.get(key) if holder is not None else None
            if isinstance(cell.value, NotMeasured):
                if old is not None:
                    self.set_not_measured(cell, "variable", variable_id, category, path, old)
                    if self.replace:
                        del holder[key]
                        if category and not holder:
                            del entry["values"]
                        if "value" not in entry and "values" not in entry:
                            del self.doc["measures"][variable_id]
                            entry = None
                else:
                    self.set_not_measured(cell, "variable", variable_id, category, path, None)
                continue
            new = yamledit.number(float(cell.value))
            if old is not None:
                if abs(float(old) - new) <= 1e-9 * max(1.0, abs(new)):
                    continue
                if self.conflict(cell, path, old):
                    holder[key] = new
                continue
            if not self.drop_not_measured(cell, "variable", variable_id, category, path):
                continue
            if entry is None:
                entry = yamledit.mapping({"unit": unit})
                if category:
                    entry["values"] = yamledit.mapping()
                entry["source"] = _source(cell, self.year)
                self.section("measures")[variable_id] = entry
            if category:
                if entry.get("values") is None:
                    if self.conflict(cell, path, entry.get("value")):
                        entry["values"] = yamledit.mapping()
                    else:
                        continue
                values = entry["values"]
                values[category] = new
                if "value" in entry:
                    del entry["value"]
            else:
                entry.insert(1, "value", new)
            self.added(cell, path)
            if cell.row.comment and "note" not in entry:
                label = f"{cell.expected.category_label} : " if category else ""
                entry["note"] = label + cell.row.comment

    def reported(self, indicator_id: str, cells: list[_Cell]) -> None:
        entry: Any = (self.doc.get("reported") or {}).get(indicator_id)
        for cell in cells:
            row, category = cell.expected, cell.expected.category
            if row.kind == "milestone":
                key, holder_path = "status", f"reported.{indicator_id}.status"
            elif row.kind == "qualitative":
                key, holder_path = "text", f"reported.{indicator_id}.text"
            elif category:
                key, holder_path = category, f"reported.{indicator_id}.breakdown.{category}"
            else:
                key, holder_path = "value", f"reported.{indicator_id}.value"
            holder: Any = entry.get("breakdown") if entry is not None and category else entry
            old = holder.get(key) if holder is not None else None
            if isinstance(cell.value, NotMeasured):
                self.set_not_measured(cell, "indicator", indicator_id, category, holder_path,
                                      old)
                if old is not None and self.replace:
                    del holder[key]
                continue
            new: Any = (yamledit.number(cell.value) if isinstance(cell.value, float)
                        else cell.value)
            same = (old == new if not isinstance(new, int | float) else
                    old is not None and abs(float(old) - new) <= 1e-9 * max(1.0, abs(new)))
            if same:
                continue
            if old is not None:
                if self.conflict(cell, holder_path, old):
                    holder[key] = new
                continue
            if not self.drop_not_measured(cell, "indicator", indicator_id, category,
                                          holder_path):
                continue
            if entry is None:
                entry = yamledit.mapping()
                if row.unit and row.kind == "reported":
                    entry["unit"] = row.unit
                entry["source"] = _source(cell, self.year)
                self.section("reported")[indicator_id] = entry
            position = 1 if "unit" in entry else 0
            if category:
                if entry.get("breakdown") is None:
                    entry.insert(position + ("value" in entry), "breakdown", yamledit.mapping())
                entry["breakdown"][category] = new
            else:
                entry.insert(position, key, new)
            self.added(cell, holder_path)
            if row.kind == "milestone":  # its comment says where the milestone stands
                if cell.row.comment and "text" not in entry:
                    entry.insert(position + 1, "text", cell.row.comment)
            elif cell.row.comment and "note" not in entry:
                entry["note"] = cell.row.comment


def _merge(result: ImportResult, cells: list[_Cell], year: int, replace: bool,
           catalog: Catalog) -> None:
    assert result.target is not None
    target = result.target
    try:
        text = target.read_text(encoding="utf-8-sig") if target.exists() else None
    except (OSError, UnicodeDecodeError) as exc:
        result.problems.append(Problem(display_path(target), "unreadable-file", str(exc)))
        return
    if year in catalog.broken_measures:
        result.problems.append(Problem(display_path(target), "invalid-value", "this measures "
                               "file has errors; fix them first (`spapser validate`), then "
                               "import again"))
        return
    doc = yamledit.load(text if text is not None else yamledit.new_measures_text(year))
    merger = _Merger(doc, year, replace, result)
    by_variable: dict[str, list[_Cell]] = {}
    by_indicator: dict[str, list[_Cell]] = {}
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
    result.problems += _validate(catalog.data_dir, target, result.text)


def _validate(data_dir: Path, target: Path, text: str) -> list[Problem]:
    """The errors `spapser validate` would report on the new file, shown at its name."""
    from spapser_cli.read.load import load_catalog

    with tempfile.TemporaryDirectory(prefix="spapser-import-") as folder:
        candidate = Path(folder) / "measures" / target.name
        candidate.parent.mkdir()
        candidate.write_text(text, encoding="utf-8")
        loaded = load_catalog(data_dir, [candidate])
        shown = display_path(candidate)
        name = f"{display_path(target)} (as imported)"
        return [Problem(name, p.code, p.message, p.line, p.column, p.severity)
                for p in loaded.problems if p.file == shown and p.severity == "error"]


def write_import(result: ImportResult) -> None:
    """Write the new measures file atomically (a temporary file, then a rename)."""
    from spapser_cli.files import write_text_atomic

    assert result.target is not None and result.text is not None and not result.errors
    result.target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(result.target, result.text)
