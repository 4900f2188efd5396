"""The indicator engine: a year of measures in, one `Result` per indicator out.

Pure: no I/O and no printing. Every number comes from the catalog (measures or reported
values); the code holds only formulas. When an indicator cannot be computed the result says
why (`reason`) instead of inventing a zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, cast

from .catalog import Catalog
from .problems import Problem, SpapserError, UsageError

if TYPE_CHECKING:  # at run time these are plain records with the same fields (see `records`)
    from .models import (
        ChangeIndicator,
        DifferenceIndicator,
        Indicator,
        Measures,
        RateIndicator,
        RatioIndicator,
        Ref,
        Reported,
        ShareIndicator,
        Target,
        ValueIndicator,
    )

Evaluated = tuple[float | None, dict[str, float | None], str | None]
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

DEFAULT_TOLERANCE = 0.05
"""Largest gap accepted between a reported and a computed value when neither the indicator
nor the reported entry states one: half a unit of the first decimal, the precision at which
the reference document prints its percentages."""

DIVISION_BY_ZERO = "division by zero"

ABOUT_TOLERANCE = 0.10
"""A value reported as « about » (« proche de ») is accepted within 10 % of the computed one."""


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
            target = {"value": _json_number(self.target.value), "year": self.target.year,
                      "direction": self.target.direction, "text": self.target.text}
        return {
            "id": self.id,
            "action": self.action,
            "label": self.label,
            "kind": self.kind,
            "year": self.year,
            "value": _json_number(self.value),
            "unit": self.unit,
            "previous": _json_number(self.previous),
            "change": _json_number(self.change),
            "target": target,
            "expected": _json_number(self.expected),
            "status": self.status,
            "provenance": self.provenance,
            "qualifier": self.qualifier,
            "baseline": {"year": self.baseline_year,
                         "value": _json_number(self.baseline_value)},
            "breakdown": {c: _json_number(v) for c, v in self.breakdown.items()},
            "reason": self.reason,
            "text": self.text,
            "milestone": self.milestone,
            "note": self.note,
            "source": self.source,
        }


def _json_number(value: float | None) -> float | int | None:
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
            "targets": [{"value": _json_number(t.value), "year": t.year,
                         "direction": t.direction, "text": t.text}
                        for t in self.indicator.targets],
            "years": [r.to_dict() for r in self.results],
            "warnings": [w.to_dict() for w in self.warnings],
        }


# ----------------------------------------------------------------------------------------------
# Public entry points


def compute_year(catalog: Catalog, year: int, *, axis: int | None = None,
                 action: str | None = None, load_warnings: Sequence[Problem] = (),
                 engine: Engine | None = None) -> YearReport:
    """Every indicator (optionally of one axis or action) for `year`.

    `load_warnings`: the warnings found when the data was read (a published total that
    disagrees with its parts...), carried into the report so that they are not lost.
    `engine`: one engine of this catalog shared by several years, so that baselines and
    previous years are computed once (the bilan workbook shows every year)."""
    if year not in catalog.measures:
        available = ", ".join(str(y) for y in catalog.years) or "none"
        raise SpapserError(f"no measures for {year} (measures/{year}.yaml); years with data: "
                           f"{available}")
    if action is not None and action not in catalog.actions:
        raise UsageError(f"no action {action!r} (actions: {', '.join(catalog.actions)})")
    if axis is not None and catalog.axis(axis) is None:
        numbers = ", ".join(str(a.number) for a in catalog.scheme.axes)
        raise UsageError(f"no axis {axis} (axes: {numbers})")
    engine = engine or Engine(catalog)
    results = [engine.result(indicator, year) for act, indicator in catalog.indicators()
               if (axis is None or act.axis == axis) and (action is None or act.code == action)]
    wanted = {r.id for r in results}
    warnings = [w for (ind, y), w in engine.gaps.items() if y == year and ind in wanted]
    return YearReport(year, catalog, results, [*load_warnings, *warnings])


def compute_series(catalog: Catalog, indicator_id: str, *, first: int | None = None,
                   last: int | None = None,
                   load_warnings: Sequence[Problem] = ()) -> SeriesReport:
    """One indicator across every year with a value between `first` and `last`."""
    indicator = catalog.indicator(indicator_id)
    if indicator is None:
        known = [i.id for _, i in catalog.indicators()]
        import difflib  # only for this message

        close = difflib.get_close_matches(indicator_id, known, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UsageError(f"no indicator {indicator_id!r}{hint} (`spapser actions` lists them)")
    if first is not None and last is not None and first > last:
        raise UsageError(f"--from {first} is after --to {last}")
    engine = Engine(catalog)
    years = [y for y in catalog.years
             if (first is None or y >= first) and (last is None or y <= last)]
    results = [r for r in (engine.result(indicator, y) for y in years)
               if r.value is not None or r.text is not None or r.breakdown]
    shown = {r.year for r in results}
    warnings = [*load_warnings,
                *(w for (ind, y), w in engine.gaps.items() if ind == indicator_id and y in shown)]
    return SeriesReport(indicator, catalog.indicator_action(indicator_id).code,
                        catalog.indicator_unit(indicator), catalog, results, warnings)


# ----------------------------------------------------------------------------------------------


class Engine:
    """Computes results, memoising each indicator × year (a change needs N−1, a baseline needs
    every year)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._computed: dict[tuple[str, int], Computed] = {}
        self.gaps: dict[tuple[str, int], Problem] = {}

    # -- results -------------------------------------------------------------------------------
    def result(self, indicator: Indicator, year: int) -> Result:
        current = self.computed(indicator, year)
        previous = self.computed(indicator, year - 1).value if year - 1 in self.catalog.measures \
            else None
        change = (current.value - previous
                  if current.value is not None and previous is not None else None)
        baseline_year, baseline_value = self.baseline(indicator)
        target = select_target(indicator.targets, year)
        status, expected = judge(indicator.kind, current.value, current.milestone, year, target,
                                 baseline_year, baseline_value, getattr(indicator, "due", None))
        if indicator.kind == "qualitative" and current.text:
            status = "no-target"  # assessed in words: reported, just not a figure
        categories = {c.id: c.label for c in self.catalog.indicator_categories(indicator)}
        return Result(
            id=indicator.id,
            action=self.catalog.indicator_action(indicator.id).code,
            label=indicator.label,
            kind=indicator.kind,
            year=year,
            unit=self.catalog.indicator_unit(indicator),
            value=current.value,
            previous=previous,
            change=change,
            target=target,
            expected=expected,
            status=status,
            provenance=current.provenance,
            baseline_year=baseline_year,
            baseline_value=baseline_value,
            breakdown=current.breakdown,
            categories=categories,
            reason=current.reason,
            qualifier=current.qualifier,
            text=current.text,
            milestone=current.milestone,
            note=indicator.note,
            source=current.source,
        )

    def baseline(self, indicator: Indicator) -> tuple[int | None, float | None]:
        """« Temps 0 »: the declared baseline year, else the first year with a value."""
        if indicator.baseline_year is not None:
            if indicator.baseline_year not in self.catalog.measures:
                return indicator.baseline_year, None
            return indicator.baseline_year, self.computed(indicator,
                                                          indicator.baseline_year).value
        for year in self.catalog.years:
            value = self.computed(indicator, year).value
            if value is not None:
                return year, value
        return None, None

    # -- values --------------------------------------------------------------------------------
    def computed(self, indicator: Indicator, year: int) -> Computed:
        key = (indicator.id, year)
        if key not in self._computed:
            self._computed[key] = self._compute(indicator, year)
        return self._computed[key]

    def _compute(self, indicator: Indicator, year: int) -> Computed:
        measures = self.catalog.measures.get(year)
        if measures is None:
            return Computed(None, reason=f"no measures for {year}")
        reported = measures.reported.get(indicator.id)
        if indicator.kind in ("qualitative", "milestone"):
            if reported is None:
                return Computed(None, reason=f"nothing reported for {year}")
            return Computed(None, provenance="reported", text=reported.text,
                            milestone=reported.status, source=reported.source,
                            reason=None if (reported.text or reported.status) else
                            "no assessment reported")
        formula = _Formula(self.catalog, year)
        value, breakdown, reason = formula.evaluate(indicator)
        if value is not None or any(v is not None for v in breakdown.values()):
            if reported is not None:
                self._compare(indicator, year, value, breakdown, reported)
            return Computed(value, breakdown, "computed", None if value is not None else reason)
        if reason and reason.startswith(DIVISION_BY_ZERO):
            # The quantities exist but cannot be divided: say so rather than fall back on a
            # published figure that the measures contradict.
            return Computed(None, reason=reason)
        if reported is not None and (reported.value is not None or reported.breakdown):
            return Computed(reported.value, dict(reported.breakdown), "reported",
                            None if reported.value is not None else
                            "only a breakdown was reported",
                            qualifier=reported.qualifier, source=reported.source)
        return Computed(None, reason=reason)

    def _compare(self, indicator: Indicator, year: int, value: float | None,
                 breakdown: dict[str, float | None], reported: Reported) -> None:
        """A computed value that departs from the published one beyond tolerance: a warning."""
        tolerance = (reported.tolerance if reported.tolerance is not None else
                     indicator.tolerance if indicator.tolerance is not None else
                     DEFAULT_TOLERANCE)
        pairs: list[tuple[tuple[str, ...], float | None, float]] = []
        if reported.value is not None:
            pairs.append((("value",), value, reported.value))
        for category, published in reported.breakdown.items():
            pairs.append((("breakdown", category), breakdown.get(category), published))
        gaps = []
        for path, computed, published in pairs:
            if computed is None:
                continue
            if not _agrees(computed, published, reported.qualifier, tolerance):
                where = "" if path == ("value",) else f" for {path[1]}"
                gaps.append((path, f"{indicator.id} in {year}{where}: computed {computed:.4g}, "
                             f"reported {_qualified(published, reported.qualifier)} "
                             f"(tolerance {tolerance:g})"))
        if gaps:
            path, message = gaps[0]
            if len(gaps) > 1:
                message += f"; and {len(gaps) - 1} other gap(s)"
            file = self.catalog.measures_files.get(year)
            doc = self.catalog.documents.get(file) if file else None
            at = ("reported", indicator.id) + path
            self.gaps[(indicator.id, year)] = (
                doc.problem(at, "reported-gap", message, severity="warning") if doc else
                Problem(file or "", "reported-gap", message, severity="warning"))


def _agrees(computed: float, published: float, qualifier: str, tolerance: float) -> bool:
    if qualifier == "more-than":
        return computed >= published - tolerance
    if qualifier == "less-than":
        return computed <= published + tolerance
    if qualifier == "about":
        return abs(computed - published) <= max(tolerance, ABOUT_TOLERANCE * abs(published))
    return abs(computed - published) <= tolerance + 1e-9


def _qualified(value: float, qualifier: str) -> str:
    prefix = {"more-than": "more than ", "less-than": "less than ", "about": "about "}
    return f"{prefix.get(qualifier, '')}{value:g}"


class _Formula:
    """Quantities of one year (and the year before) combined by an indicator's formula."""

    def __init__(self, catalog: Catalog, year: int) -> None:
        self.catalog = catalog
        self.year = year

    def _measures(self, year: int) -> Measures | None:
        return self.catalog.measures.get(year)

    def quantity(self, ref: Ref, year: int) -> tuple[float | None, str | None]:
        """The variable's value in `year`, summed over the selected categories."""
        measures = self._measures(year)
        if measures is None:
            return None, f"no measures for {year}"
        measure = measures.measures.get(ref.variable)
        if measure is None:
            return None, f"{ref.variable} not measured in {year}"
        if measure.value is not None:
            return measure.value, None
        values = measure.values or {}
        variable = self.catalog.variable(ref.variable)
        wanted = ref.categories or ([c.id for c in variable.categories] if variable else
                                    list(values))
        missing = [c for c in wanted if c not in values]
        if missing:
            return None, f"{ref.variable} has no value for {', '.join(missing)} in {year}"
        return sum(values[c] for c in wanted), None

    def by_category(self, ref: Ref, year: int) -> dict[str, float | None]:
        measures = self._measures(year)
        measure = measures.measures.get(ref.variable) if measures else None
        values = (measure.values or {}) if measure else {}
        variable = self.catalog.variable(ref.variable)
        wanted = ref.categories or ([c.id for c in variable.categories] if variable else [])
        return {c: values.get(c) for c in wanted}

    def evaluate(self, indicator: Indicator) -> Evaluated:
        """(value, breakdown by category, reason when the value is missing)."""
        kind = indicator.kind
        # Indicators are records whose fields depend on `kind`: cast for the type checker.
        if kind == "value":
            return self._value(cast("ValueIndicator", indicator))
        if kind in ("difference", "change"):
            return self._year_on_year(cast("DifferenceIndicator | ChangeIndicator", indicator))
        if kind == "ratio":
            ratio = cast("RatioIndicator", indicator)
            value, reason = self._divide(ratio.numerator, ratio.denominator, 100.0)
            return value, {}, reason
        if kind == "share":
            return self._share(cast("ShareIndicator", indicator))
        if kind == "rate":
            rate = cast("RateIndicator", indicator)
            value, reason = self._divide(rate.numerator, rate.denominator, rate.per)
            breakdown = ({} if rate.breakdown == "none" else
                         self._per_category(rate.numerator, rate.denominator, rate.per))
            return value, breakdown, reason
        return None, {}, f"{kind} indicators are not computed"

    def _value(self, indicator: ValueIndicator) -> Evaluated:
        quantity, reason = self.quantity(indicator.quantity, self.year)
        factor = indicator.factor
        parts = self._single_breakdown(indicator.quantity, self.year)
        return (_scale(quantity, factor), {c: _scale(v, factor) for c, v in parts.items()},
                reason)

    def _year_on_year(self, indicator: DifferenceIndicator | ChangeIndicator) -> Evaluated:
        """N − (N−1) for a difference, N / (N−1) − 1 in % for a change."""
        combine = _minus if indicator.kind == "difference" else _change
        ref, previous_year = indicator.quantity, self.year - 1
        now, reason = self.quantity(ref, self.year)
        before, reason_before = self.quantity(ref, previous_year)
        parts_now = self._single_breakdown(ref, self.year)
        parts_before = self._single_breakdown(ref, previous_year)
        breakdown = {c: combine(v, parts_before.get(c)) for c, v in parts_now.items()}
        if now is None:
            return None, breakdown, reason
        if before is None:
            return None, breakdown, f"no previous year: {reason_before}"
        if indicator.kind == "change" and before == 0:
            return None, breakdown, f"{DIVISION_BY_ZERO}: {ref.variable} is 0 in {previous_year}"
        return combine(now, before), breakdown, None

    def _share(self, indicator: ShareIndicator) -> Evaluated:
        value, reason = self._divide(indicator.part, indicator.whole, 100.0)
        breakdown: dict[str, float | None] = {}
        if indicator.breakdown == "per-category":
            breakdown = self._per_category(indicator.part, indicator.whole, 100.0)
        elif indicator.breakdown == "composition":
            total, _ = self.quantity(indicator.whole, self.year)
            breakdown = {c: (v / total * 100 if v is not None and total else None)
                         for c, v in self.by_category(indicator.whole, self.year).items()}
        return value, breakdown, reason

    def _single_breakdown(self, ref: Ref, year: int) -> dict[str, float | None]:
        variable = self.catalog.variable(ref.variable)
        if variable is None or not variable.categories:
            return {}
        if ref.categories is not None and len(ref.categories) == 1:
            return {}
        parts = self.by_category(ref, year)
        return parts if any(v is not None for v in parts.values()) else {}

    def _divide(self, top: Ref, bottom: Ref, scale: float) -> tuple[float | None, str | None]:
        a, reason_a = self.quantity(top, self.year)
        b, reason_b = self.quantity(bottom, self.year)
        if a is None:
            return None, reason_a
        if b is None:
            return None, reason_b
        if b == 0:
            return None, f"{DIVISION_BY_ZERO}: {bottom.variable} is 0 in {self.year}"
        return a / b * scale, None

    def _per_category(self, top: Ref, bottom: Ref, scale: float) -> dict[str, float | None]:
        tops = self.by_category(top, self.year)
        bottoms = self.by_category(bottom, self.year)
        return {c: _ratio(v, bottoms.get(c), scale) for c, v in tops.items()}


def _scale(value: float | None, factor: float) -> float | None:
    return None if value is None else value * factor


def _minus(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b


def _ratio(a: float | None, b: float | None, scale: float) -> float | None:
    """a / b × scale; None when either is missing or b is zero."""
    return None if a is None or not b else a / b * scale


def _change(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else (a / b - 1) * 100


# ----------------------------------------------------------------------------------------------
# Targets


def select_target(targets: list[Target], year: int) -> Target | None:
    """The target that applies in `year`: the next one due (or one without a year), else the
    last one that has passed."""
    upcoming = [t for t in targets if t.year is None or t.year >= year]
    if upcoming:
        return min(upcoming, key=lambda t: (t.year is None, t.year or 0))
    return max(targets, key=lambda t: t.year or 0) if targets else None


def judge(kind: str, value: float | None, milestone: str | None, year: int,
          target: Target | None, baseline_year: int | None, baseline_value: float | None,
          due: str | None = None) -> tuple[Status, float | None]:
    """The status of a value against its target, and the trajectory value when relevant.

    Before the target year a value that has not reached the target is judged on the straight
    line from the baseline (« temps 0 ») to the target: on track if at or beyond that line.
    """
    if kind == "milestone":
        if milestone is None:
            return "no-data", None
        if milestone == "done":
            return "met", None
        due_year = int(due[:4]) if due else None
        return ("not-met" if due_year is not None and year >= due_year else "on-track"), None
    if value is None:
        return "no-data", None
    if target is None:
        return "no-target", None
    at_least = target.direction == "at-least"
    if (value >= target.value) if at_least else (value <= target.value):
        return "met", None
    if target.year is None or year >= target.year:
        return "not-met", None
    if baseline_year is None or baseline_value is None or baseline_year > year:
        return "off-track", None
    span = target.year - baseline_year
    expected = baseline_value + (target.value - baseline_value) * (year - baseline_year) / span
    on_track = value >= expected if at_least else value <= expected
    return ("on-track" if on_track else "off-track"), expected
