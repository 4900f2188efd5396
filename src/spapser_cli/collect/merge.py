"""Merging checked cells into a measures file (a ruamel.yaml document), value by value.

A value the file already holds is never overwritten silently: a different one is a conflict,
taken only with `replace`. Every change is recorded, for `--dry-run` and the summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spapser_cli.collect import yamledit
from spapser_cli.collect.reading import FilledRow
from spapser_cli.collect.rows import CollectRow
from spapser_cli.collect.values import NotMeasured, format_number
from spapser_cli.i18n import Message, translate
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
        before = "" if self.old is None else f"{show(self.old, local=True)} → "
        return f"{mark} {self.path}: {before}{show(self.new, local=True)}  ({self.where})"


def show(value: Any, *, local: bool = False) -> str:
    """A value as a message quotes it, numbers as the YAML file spells them (`local`: the
    words in the reader's language, for the terminal)."""
    if isinstance(value, NotMeasured):
        said = Message("not measured ({written})", written=value.written)
        return translate(said) if local else said
    if isinstance(value, float | int) and not isinstance(value, bool):
        return format_number(value)
    return repr(value)


@dataclass
class ImportResult:
    """What an import would do: its problems, its changes, and the new file's text."""

    year: int | None
    target: Path | None
    files: list[str]
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    text: str | None = None  # the new measures file, when there is something to write
    filled: int = 0  # cells that held a value (blank cells mean "not measured")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


@dataclass
class Cell:
    """A filled row that passed its checks, with the row of the collection it answers."""

    row: FilledRow
    expected: CollectRow
    value: Value
    where: str


def default_source(cell: Cell, year: int) -> str:
    """The source as filled in, else where the figure came from: the collection, the pilot
    and the file."""
    if cell.row.source:
        return cell.row.source
    pilot = cell.row.pilot or cell.expected.pilot
    return f"Collecte {year} – {pilot} – {Path(cell.row.file.split('!')[0]).name}"


def not_measured_note(cell: Cell) -> str:
    """`Non mesuré (NC)`, with the pilot's comment when there is one."""
    assert isinstance(cell.value, NotMeasured)
    note = f"Non mesuré ({cell.value.written})"
    return f"{note} : {cell.row.comment}" if cell.row.comment else note


class Merger:
    """Applies checked cells to one measures document, recording changes and conflicts."""

    def __init__(self, doc: Any, year: int, replace: bool, result: ImportResult) -> None:
        self.doc, self.year, self.replace, self.result = doc, year, replace, result

    def section(self, name: str) -> Any:
        if self.doc.get(name) is None:
            order = ["year", "measures", "reported", "not_measured"]
            position = sum(1 for key in self.doc if key in order[:order.index(name)])
            value = yamledit.sequence([]) if name == "not_measured" else yamledit.mapping()
            self.doc.insert(position, name, value)
        return self.doc[name]

    def conflict(self, cell: Cell, path: str, old: Any) -> bool:
        """True when the imported value may replace `old` (with --replace)."""
        if self.replace:
            self.result.changes.append(Change(path, old, cell.value, cell.where))
            return True
        file = (display_path(self.result.target) if self.result.target else
                Message("the measures file"))
        self.result.problems.append(cell.row.problem("import-conflict", Message(
            "{path}: {file} holds {old}, this file {new}; nothing was written (use --replace "
            "to take the imported value)", path=path, file=file, old=show(old),
            new=show(cell.value))))
        return False

    def added(self, cell: Cell, path: str) -> None:
        self.result.changes.append(Change(path, None, cell.value, cell.where))

    # not measured entries: a list of {variable|indicator, category?, note, source}
    def _nc_index(self, owner: str, identifier: str, category: str | None) -> int | None:
        for i, entry in enumerate(self.doc.get("not_measured") or []):
            if entry.get(owner) == identifier and entry.get("category") == category:
                return i
        return None

    def set_not_measured(self, cell: Cell, owner: str, identifier: str,
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
        entry.update(note=not_measured_note(cell), source=default_source(cell, self.year))
        self.section("not_measured").append(yamledit.mapping(entry))

    def drop_not_measured(self, cell: Cell, owner: str, identifier: str,
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

    def measure(self, variable_id: str, unit: str, cells: list[Cell]) -> None:
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
                entry["source"] = default_source(cell, self.year)
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

    def reported(self, indicator_id: str, cells: list[Cell]) -> None:
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
                entry["source"] = default_source(cell, self.year)
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


