"""Completeness of a year: which variables and indicators have their figures, per action and
per pilot, and which actions the evaluation plan says are due.

Pure: from a `Catalog` to a `StatusReport`. A figure recorded as not measured (`NC` in a
collection file) is an answer, not a gap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from spapser_cli.catalog import Catalog
from spapser_cli.collect.rows import QUANTITATIVE, collect_rows, lead_pilot
from spapser_cli.i18n import Message
from spapser_cli.problems import SpapserError

if TYPE_CHECKING:
    from spapser_cli.read.models import Indicator, Measures

State = Literal["filled", "partial", "not-measured", "missing"]


@dataclass(frozen=True)
class Item:
    id: str
    label: str
    state: State
    missing: tuple[str, ...] = ()  # categories without a figure

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "state": self.state,
                "missing_categories": list(self.missing)}


@dataclass(frozen=True)
class ActionStatus:
    code: str
    title: str
    pilot: str
    due: bool  # the evaluation plan evaluates it this year
    variables: tuple[Item, ...]
    indicators: tuple[Item, ...]

    @property
    def missing(self) -> list[Item]:
        """The indicators without figures (not even a 'not measured')."""
        return [i for i in self.indicators if i.state in ("missing", "partial")]

    @property
    def complete(self) -> bool:
        return not self.missing

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.code, "title": self.title, "pilot": self.pilot, "due": self.due,
                "complete": self.complete,
                "variables": [v.to_dict() for v in self.variables],
                "indicators": [i.to_dict() for i in self.indicators]}


@dataclass(frozen=True)
class StatusReport:
    year: int
    measures_file: str | None  # None when the year has no measures file yet
    planned: bool  # the evaluation plan has an entry for the year
    actions: tuple[ActionStatus, ...]

    @property
    def due_incomplete(self) -> list[ActionStatus]:
        return [a for a in self.actions if a.due and not a.complete]

    def pilots(self) -> dict[str, dict[str, int]]:
        """Per lead pilot: how many indicators are filled, not measured and missing."""
        summary: dict[str, dict[str, int]] = {}
        for action in self.actions:
            counts = summary.setdefault(action.pilot, {"filled": 0, "not-measured": 0,
                                                       "missing": 0})
            for item in action.indicators:
                counts["missing" if item.state == "partial" else item.state] += 1
        return summary

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "measures_file": self.measures_file,
                "planned": self.planned,
                "due": [a.code for a in self.actions if a.due],
                "due_incomplete": [a.code for a in self.due_incomplete],
                "pilots": self.pilots(),
                "actions": [a.to_dict() for a in self.actions]}


def year_status(catalog: Catalog, year: int) -> StatusReport:
    """Raises `SpapserError` (exit 1) when the year's measures file has errors: its figures
    cannot be counted until it is fixed."""
    if year in catalog.broken_measures:
        file = catalog.broken_measures[year]
        raise SpapserError(Message("{file} has errors: fix them first (`spapser validate "
                                   "{file}`)", file=file))
    measures = catalog.measures.get(year)
    evaluation = catalog.scheme.evaluation
    entry = next((e for e in (evaluation.plan if evaluation else []) if e.year == year), None)
    due = set(entry.actions) if entry else set()
    actions = []
    for action in catalog.actions.values():
        rows = [r for r in collect_rows(catalog, year, [action]) if r.kind == "measure"]
        variables: dict[str, list[str | None]] = {}
        for row in rows:
            variables.setdefault(row.variable or "", []).append(row.category)
        variable_items = {v: _variable_item(catalog, measures, v, cats)
                          for v, cats in variables.items()}
        indicators = tuple(_indicator_item(measures, indicator, variable_items)
                           for indicator in action.indicators
                           if indicator.kind != "contracts")  # from the contract register
        actions.append(ActionStatus(action.code, action.title, lead_pilot(action),
                                    action.code in due, tuple(variable_items.values()),
                                    indicators))
    return StatusReport(year, catalog.measures_files.get(year), entry is not None,
                        tuple(actions))


def _not_measured(measures: Measures | None, owner: str, identifier: str) -> set[str | None]:
    """The categories (None: the whole entry) recorded as not measured."""
    entries = getattr(measures, "not_measured", None) or []
    return {e.category for e in entries if getattr(e, owner, None) == identifier}


def _variable_item(catalog: Catalog, measures: Measures | None, variable_id: str,
                   categories: list[str | None]) -> Item:
    variable = catalog.variable(variable_id)
    label = variable.label if variable else variable_id
    measure = measures.measures.get(variable_id) if measures else None
    unmeasured = _not_measured(measures, "variable", variable_id)
    if categories == [None]:
        if measure is not None and measure.value is not None:
            return Item(variable_id, label, "filled")
        return Item(variable_id, label, "not-measured" if None in unmeasured else "missing")
    values = (measure.values or {}) if measure else {}
    gaps = tuple(c for c in categories if c is not None and c not in values
                 and c not in unmeasured and None not in unmeasured)
    answered = [c for c in categories if c in values]
    if not gaps:
        return Item(variable_id, label, "filled" if answered else "not-measured")
    return Item(variable_id, label, "partial" if answered else "missing", gaps)


def _indicator_item(measures: Measures | None, indicator: Indicator,
                    variables: dict[str, Item]) -> Item:
    reported = measures.reported.get(indicator.id) if measures else None
    if reported is not None:
        return Item(indicator.id, indicator.label, "filled")
    if None in _not_measured(measures, "indicator", indicator.id):
        return Item(indicator.id, indicator.label, "not-measured")
    if indicator.kind not in QUANTITATIVE:
        return Item(indicator.id, indicator.label, "missing")
    names = ("quantity", "part", "whole", "numerator", "denominator")
    used = [variables[ref.variable] for n in names
            if (ref := getattr(indicator, n, None)) is not None and ref.variable in variables]
    states = {item.state for item in used}
    if not used or states <= {"filled"}:
        return Item(indicator.id, indicator.label, "filled" if used else "missing")
    if "missing" in states or "partial" in states:
        gaps = tuple(i.id for i in used if i.state in ("missing", "partial"))
        return Item(indicator.id, indicator.label, "missing", gaps)
    return Item(indicator.id, indicator.label, "not-measured")
