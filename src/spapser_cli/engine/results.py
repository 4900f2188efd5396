"""What the engine gives: one `Result` per indicator and year, and the reports that hold them.

Plain frozen data with a `to_dict()` for JSON; renderers and the exporter read these and never
compute.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # at run time these are plain records with the same fields (see `records`)
    from spapser_cli.catalog import Catalog
    from spapser_cli.problems import Problem
    from spapser_cli.read.models import Indicator, Target

Status = Literal["met", "not-met", "on-track", "off-track", "no-target", "no-data"]
Provenance = Literal["computed", "reported"]

STATUS_LABELS: dict[str, str] = {
    "met": "met",
    "not-met": "not met",
    "on-track": "on track",
    "off-track": "off track",
    "no-target": "no target",
    "no-data": "no data",
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
    previous: float | None
    change: float | None  # value - previous, in the unit (percentage points for %)
    target: Target | None
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

    def to_dict(self) -> dict[str, Any]:
        target = None
        if self.target is not None:
            target = {"value": json_number(self.target.value), "year": self.target.year,
                      "direction": self.target.direction, "text": self.target.text}
        return {
            "id": self.id,
            "action": self.action,
            "label": self.label,
            "kind": self.kind,
            "year": self.year,
            "value": json_number(self.value),
            "unit": self.unit,
            "previous": json_number(self.previous),
            "change": json_number(self.change),
            "target": target,
            "expected": json_number(self.expected),
            "status": self.status,
            "provenance": self.provenance,
            "qualifier": self.qualifier,
            "baseline": {"year": self.baseline_year,
                         "value": json_number(self.baseline_value)},
            "breakdown": {c: json_number(v) for c, v in self.breakdown.items()},
            "reason": self.reason,
            "text": self.text,
            "milestone": self.milestone,
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "scheme": self.catalog.scheme.title,
            "indicators": [r.to_dict() for r in self.results],
            "warnings": [w.to_dict() for w in self.warnings],
        }


@dataclass
class SeriesReport:
    indicator: Indicator
    action: str
    unit: str | None
    catalog: Catalog
    results: list[Result]  # one per year with a value, ascending
    warnings: list[Problem]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.indicator.id,
            "action": self.action,
            "label": self.indicator.label,
            "unit": self.unit,
            "targets": [{"value": json_number(t.value), "year": t.year,
                         "direction": t.direction, "text": t.text}
                        for t in self.indicator.targets],
            "years": [r.to_dict() for r in self.results],
            "warnings": [w.to_dict() for w in self.warnings],
        }
