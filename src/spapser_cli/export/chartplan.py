"""What each chart of the bilan shows, decided before any drawing (no spreadsheet library here).

The rules that keep a chart honest, in one place:
- the value axis starts at zero (shares, counts, amounts); only negative values (a fall, a
  difference) take it below zero, and the title then says where it starts;
- each target is a segment from its start to its year, at its level: the start is the
  target's reference year, else the indicator's baseline (« temps 0 »), else the scheme's
  first year, and never before the previous target's year (a staircase, not lines across
  the whole chart). Targets after the bilan's last year stretch the years axis up to them;
- years without a value are gaps, and their label says « n/d »;
- an indicator with a single value and no target is a labelled figure, not a chart;
- cumulative figures (stocks at the end of the year) are charted apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spapser_cli.export.labels import UNCOMPUTED_KINDS
from spapser_cli.render.formatting import format_number

if TYPE_CHECKING:
    from spapser_cli.engine import Result
    from spapser_cli.export.bilan import Bilan

BAR_KINDS = ("value", "difference")  # quantities: columns; rates, shares, changes: lines
NOT_AVAILABLE = "n/d"


@dataclass(frozen=True)
class TargetSegment:
    """One target as drawn: its level from `start` to `end` (both years included)."""

    label: str  # « Cible ≥ 50 % en 2017 »
    value: float
    start: int
    end: int


@dataclass(frozen=True)
class ChartPlan:
    """One indicator's chart: its years, values (None: n/d) and target segments."""

    indicator: str
    action: str
    label: str
    kind: str
    unit: str | None
    cumulative: bool
    years: tuple[int, ...]
    results: tuple[Result | None, ...]  # per year; None after the bilan's last year
    targets: tuple[TargetSegment, ...]
    last_year: int  # the bilan's last year: later years are the targets' future

    @property
    def values(self) -> tuple[float | None, ...]:
        return tuple(r.value if r is not None else None for r in self.results)

    @property
    def known(self) -> list[float]:
        return [v for v in self.values if v is not None]

    @property
    def is_figure(self) -> bool:
        """A single value and no target: a labelled figure, not a chart."""
        return len(self.known) == 1 and not self.targets

    @property
    def bar(self) -> bool:
        return self.kind in BAR_KINDS

    @property
    def axis_min(self) -> float:
        """Zero, unless a value or a target is negative: then the whole number just below."""
        drawn = [*self.known, *(t.value for t in self.targets)]
        return float(min(0, math.floor(min(drawn, default=0.0))))

    def category(self, index: int) -> str:
        """The year's label on the axis: « 2012 n/d » for a year of the bilan without value."""
        year = self.years[index]
        if year <= self.last_year and self.values[index] is None:
            return f"{year} {NOT_AVAILABLE}"
        return str(year)

    def segment_value(self, segment: TargetSegment, index: int) -> float | None:
        return segment.value if segment.start <= self.years[index] <= segment.end else None


def chart_plans(bilan: Bilan) -> list[ChartPlan]:
    """Every quantitative indicator with a value or a target, in the scheme's order."""
    plans = []
    first_scheme_year = bilan.catalog.scheme.period.start
    for action, indicator in bilan.catalog.indicators():
        if indicator.kind in UNCOMPUTED_KINDS:
            continue
        series = bilan.series(indicator.id)
        summary = series.get(bilan.year)
        segments = target_segments(summary, first_scheme_year, bilan.years[0],
                                   bilan.years[-1]) if summary else []
        end = max([bilan.years[-1], *(s.end for s in segments)])
        years = tuple(range(bilan.years[0], end + 1))
        results = tuple(series.get(y) for y in years)
        plan = ChartPlan(indicator.id, action.code, indicator.label, indicator.kind,
                         bilan.catalog.indicator_unit(indicator),
                         any(r is not None and r.cumulative for r in results), years, results,
                         tuple(segments), bilan.years[-1])
        if plan.known or plan.targets:
            plans.append(plan)
    return plans


def target_segments(result: Result, first_scheme_year: int, first_year: int,
                    last_year: int) -> list[TargetSegment]:
    """The whole-indicator targets of `result` (judged in the summary year) as segments.
    A target of one category is left out: the chart draws the whole indicator."""
    segments: list[TargetSegment] = []
    whole = [t for t in result.targets if t.category is None and t.value is not None]
    previous_end: int | None = None
    for target in sorted(whole, key=lambda t: (t.year is None, t.year or 0)):
        assert target.value is not None
        start = (target.reference_year or result.baseline_year or first_scheme_year)
        if previous_end is not None:
            start = max(start, previous_end)
        end = target.year if target.year is not None else max(last_year, start)
        start = max(min(start, end), first_year)
        sign = "≥" if target.direction == "at-least" else "≤"
        when = f"en {target.year}" if target.year is not None else "sans échéance"
        amount = format_number(target.value, result.unit, exact=True, decimal=",", group=" ")
        unit = " %" if result.unit == "%" else ""
        label = f"Cible {sign} {amount}{unit} {when}"
        segments.append(TargetSegment(label, target.value, start, max(start, end)))
        previous_end = end
    return segments
