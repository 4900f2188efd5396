"""What the engine gives: one `Result` per indicator and year, and the reports that hold them.

Plain frozen data with a `to_dict()` for JSON; renderers and the exporter read these and never
compute.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from spapser_cli.i18n import N_

if TYPE_CHECKING:  # at run time these are plain records with the same fields (see `records`)
    from spapser_cli.catalog import Catalog
    from spapser_cli.engine.contracts import ContractsReport
    from spapser_cli.problems import Problem
    from spapser_cli.read.models import Indicator, Target

Status = Literal["met", "not-met", "on-track", "off-track", "no-target", "no-data"]
Provenance = Literal["computed", "reported"]

# English; renderers show them through `spapser_cli.i18n._`.
STATUS_LABELS: dict[str, str] = {
    "met": N_("met"),
    "not-met": N_("not met"),
    "on-track": N_("on track"),
    "off-track": N_("off track"),
    "no-target": N_("no target"),
    "no-data": N_("no data"),
}


@dataclass(frozen=True)
class Computed:
    """The value of one indicator in one year, before targets are considered."""

    value: float | None
    breakdown: dict[str, float | None] = field(default_factory=dict)
    provenance: Provenance | None = None
    reason: str | None = None
    qualifier: str = "exact"
    text: str | None = None
    milestone: str | None = None
    source: str | None = None
    compared_with: int | None = None  # the year a change or difference is taken from
    breakdown_reason: str | None = None  # why the categories are n/d when the total is not
    carried_from: int | None = None  # a milestone done in an earlier year, carried forward


@dataclass(frozen=True)
class JudgedTarget:
    """A target resolved to its threshold in one year (a relative target from its reference
    year's value), and how that year's value stands against it."""

    value: float | None  # the threshold; None when the reference year has no value
    year: int | None
    direction: str
    text: str
    category: str | None = None
    change: float | None = None
    change_unit: str | None = None
    reference_year: int | None = None
    source: str | None = None
    status: Status = "no-target"
    expected: float | None = None

    def to_dict(self, *, judged: bool = True) -> dict[str, Any]:
        """Absolute whole-indicator targets keep the four keys they always had; the others
        add theirs."""
        data: dict[str, Any] = {"value": json_number(self.value), "year": self.year,
                                "direction": self.direction, "text": self.text}
        if self.category is not None:
            data["category"] = self.category
        if self.change is not None:
            data.update(change=json_number(self.change), change_unit=self.change_unit,
                        reference_year=self.reference_year)
        if judged:
            data.update(status=self.status, expected=json_number(self.expected))
        return data


def target_dict(target: Target) -> dict[str, Any]:
    """A target as the data states it, as JSON (before it is resolved for a year)."""
    return JudgedTarget(target.value, target.year, target.direction, target.text,
                        target.category, target.change,
                        target.change_unit if target.change is not None else None,
                        target.reference_year).to_dict(judged=False)


@dataclass(frozen=True)
class Result:
    """One indicator in one year: its value, against its previous year and its target."""

    id: str
    action: str
    label: str
    kind: str
    year: int
    unit: str | None
    value: float | None
    previous: float | None  # the value of the last earlier year that has one
    change: float | None  # value - previous, in the unit (percentage points for %)
    target: JudgedTarget | None  # the nearest target still ahead, else the last one
    expected: float | None  # where the straight line to the target stands this year
    status: Status
    provenance: Provenance | None
    baseline_year: int | None
    baseline_value: float | None
    breakdown: dict[str, float | None]
    categories: dict[str, str]  # category id -> label, for the breakdown
    reason: str | None
    qualifier: str = "exact"
    text: str | None = None
    milestone: str | None = None  # not-started, in-progress or done
    note: str | None = None
    source: str | None = None
    previous_year: int | None = None  # the year `previous` is from
    compared_with: int | None = None  # the year a change or difference is taken from
    cumulative: bool = False  # a stock at the end of the year (« à fin d'année »)
    targets: tuple[JudgedTarget, ...] = ()  # every target, judged for this year
    carried_from: int | None = None  # a milestone done in that year, carried forward
    breakdown_reason: str | None = None  # why the categories are n/d

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "action": self.action,
            "label": self.label,
            "kind": self.kind,
            "year": self.year,
            "value": json_number(self.value),
            "unit": self.unit,
            "cumulative": self.cumulative,
            "previous": json_number(self.previous),
            "previous_year": self.previous_year,
            "change": json_number(self.change),
            "compared_with": self.compared_with,
            "target": self.target.to_dict(judged=False) if self.target else None,
            "targets": [t.to_dict() for t in self.targets],
            "expected": json_number(self.expected),
            "status": self.status,
            "provenance": self.provenance,
            "qualifier": self.qualifier,
            "baseline": {"year": self.baseline_year,
                         "value": json_number(self.baseline_value)},
            "breakdown": {c: json_number(v) for c, v in self.breakdown.items()},
            "breakdown_reason": self.breakdown_reason,
            "reason": self.reason,
            "text": self.text,
            "milestone": self.milestone,
            "carried_from": self.carried_from,
            "note": self.note,
            "source": self.source,
        }


def json_number(value: float | None) -> float | int | None:
    """Round away float noise (0.1 + 0.2); keep integers integral."""
    if value is None:
        return None
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) and abs(rounded) < 1e15 else rounded


@dataclass
class YearReport:
    year: int
    catalog: Catalog
    results: list[Result]
    warnings: list[Problem]
    contracts: ContractsReport | None = None  # the law's indicators, when the year has any

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "year": self.year,
            "scheme": self.catalog.scheme.title,
            "indicators": [r.to_dict() for r in self.results],
            "warnings": [w.to_dict() for w in self.warnings],
        }
        if self.contracts is not None:
            data["contracts"] = self.contracts.to_dict()
        return data


@dataclass
class SeriesReport:
    indicator: Indicator
    action: str
    unit: str | None
    catalog: Catalog
    results: list[Result]  # one per year of the data folder in the range, ascending
    warnings: list[Problem]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.indicator.id,
            "action": self.action,
            "label": self.indicator.label,
            "unit": self.unit,
            "targets": [target_dict(t) for t in self.indicator.targets],
            "years": [r.to_dict() for r in self.results],
            "warnings": [w.to_dict() for w in self.warnings],
        }
