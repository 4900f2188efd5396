"""The formulas of the quantitative kinds: quantities of a year combined into a value.

`Formula.evaluate` gives (value, breakdown by category, reason when the value is missing).
A missing quantity or a zero divisor is a reason, never a zero.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from spapser_cli.catalog import Catalog
from spapser_cli.i18n import Message

if TYPE_CHECKING:  # at run time these are plain records with the same fields (see `records`)
    from spapser_cli.read.models import (
        ChangeIndicator,
        DifferenceIndicator,
        Indicator,
        Measures,
        Part,
        RateIndicator,
        RatioIndicator,
        Ref,
        ShareIndicator,
        ValueIndicator,
    )

Evaluated = tuple[float | None, dict[str, float | None], str | None]

DIVISION_BY_ZERO = "division by zero"


EarlierYear = Callable[[Callable[[int], bool]], "int | None"]
"""Given `has(year)`, the last year before this one where it holds (memoised by the engine)."""


class Formula:
    """Quantities of one year (and of the year it is compared with) combined by an
    indicator's formula."""

    def __init__(self, catalog: Catalog, year: int,
                 earlier_year: EarlierYear | None = None) -> None:
        self.catalog = catalog
        self.year = year
        self._earlier_year = earlier_year
        self.compared_with: int | None = None  # the year a change or difference is from
        self.breakdown_reason: str | None = None  # why the categories are n/d this year

    def _measures(self, year: int) -> Measures | None:
        return self.catalog.measures.get(year)

    def quantity(self, ref: Ref, year: int) -> tuple[float | None, str | None]:
        """The quantity in `year`: the variable summed over the selected categories, plus the
        variables added to it."""
        total = 0.0
        for part in [ref, *getattr(ref, "plus", [])]:
            value, reason = self._part(part, year)
            if value is None:
                return None, reason
            total += value
        return total, None

    def _part(self, ref: Part, year: int) -> tuple[float | None, str | None]:
        measures = self._measures(year)
        if measures is None:
            return None, self.catalog.year_missing(year)
        measure = measures.measures.get(ref.variable)
        if measure is None:
            recorded = next((entry.note for entry in getattr(measures, "not_measured", ())
                             if entry.variable == ref.variable), None)
            if recorded is not None:  # `NC` in a collection file: an answer, with its note
                return None, Message("{variable} recorded as not measured in {year}: {note}",
                                   variable=ref.variable, year=year, note=recorded)
            return None, Message("{variable} not measured in {year}", variable=ref.variable,
                                 year=year)
        variable = self.catalog.variable(ref.variable)
        every = [c.id for c in variable.categories] if variable else []
        if measure.value is not None:  # the total (a variable with categories may give it)
            if ref.categories and set(ref.categories) != set(every):
                return None, Message("{variable} was measured by its total only in {year}: "
                                     "no value for {categories}", variable=ref.variable,
                                     year=year, categories=", ".join(ref.categories))
            return measure.value, None
        values = measure.values or {}
        wanted = ref.categories or every or list(values)
        missing = [c for c in wanted if c not in values]
        if missing:
            return None, Message("{variable} has no value for {categories} in {year}",
                                 variable=ref.variable, categories=", ".join(missing), year=year)
        return sum(values[c] for c in wanted), None

    def by_category(self, ref: Ref, year: int) -> dict[str, float | None]:
        measures = self._measures(year)
        measure = measures.measures.get(ref.variable) if measures else None
        values = (measure.values or {}) if measure else {}
        variable = self.catalog.variable(ref.variable)
        wanted = ref.categories or ([c.id for c in variable.categories] if variable else [])
        if measure is not None and measure.value is not None and wanted and year == self.year:
            self.breakdown_reason = Message("{variable} was measured by its total only in "
                                            "{year}", variable=ref.variable, year=year)
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
        return None, {}, Message("{kind} indicators are not computed", kind=kind)

    def _value(self, indicator: ValueIndicator) -> Evaluated:
        quantity, reason = self.quantity(indicator.quantity, self.year)
        factor = indicator.factor
        parts = self._single_breakdown(indicator.quantity, self.year)
        return (_scale(quantity, factor), {c: _scale(v, factor) for c, v in parts.items()},
                reason)

    def _year_on_year(self, indicator: DifferenceIndicator | ChangeIndicator) -> Evaluated:
        """N − earlier for a difference, N / earlier − 1 in % for a change. The earlier year is
        the indicator's `reference_year`, else the last earlier year the quantity was
        measured (a gap in the years is bridged, and the year is named in `compared_with`)."""
        combine = _minus if indicator.kind == "difference" else _change
        ref = indicator.quantity
        now, reason = self.quantity(ref, self.year)
        earlier = getattr(indicator, "reference_year", None)
        if earlier is None and self._earlier_year is not None:
            earlier = self._earlier_year(lambda y: self.quantity(ref, y)[0] is not None)
        elif earlier is None and self.year - 1 in self.catalog.measures:
            earlier = self.year - 1
        parts_now = self._single_breakdown(ref, self.year)
        if earlier is None:
            # Nothing measured before: why the year before has nothing, as for a first year.
            _, reason_before = self.quantity(ref, self.year - 1)
            breakdown: dict[str, float | None] = {c: None for c in parts_now}
            return None, breakdown, (reason if now is None else
                                     Message("no previous year: {reason}",
                                             reason=reason_before))
        before, reason_before = self.quantity(ref, earlier)
        parts_before = self._single_breakdown(ref, earlier)
        breakdown = {c: combine(v, parts_before.get(c)) for c, v in parts_now.items()}
        if now is None:
            return None, breakdown, reason
        if before is None:
            if getattr(indicator, "reference_year", None) is None:
                return None, breakdown, Message("no previous year: {reason}",
                                                reason=reason_before)
            return None, breakdown, Message("no value in the reference year {year}: {reason}",
                                            year=earlier, reason=reason_before)
        if indicator.kind == "change" and before == 0:
            return None, breakdown, Message("division by zero: {variable} is 0 in {year}",
                                            variable=ref.variable, year=earlier)
        self.compared_with = earlier
        return combine(now, before), breakdown, None

    def _share(self, indicator: ShareIndicator) -> Evaluated:
        value, reason = self._divide(indicator.part, indicator.whole, 100.0)
        breakdown: dict[str, float | None] = {}
        if indicator.breakdown == "per-category":
            breakdown = self._per_category(indicator.part, indicator.whole, 100.0)
        elif indicator.breakdown == "composition":
            total, _why_missing = self.quantity(indicator.whole, self.year)
            breakdown = {c: (v / total * 100 if v is not None and total else None)
                         for c, v in self.by_category(indicator.whole, self.year).items()}
        return value, breakdown, reason

    def _single_breakdown(self, ref: Ref, year: int) -> dict[str, float | None]:
        variable = self.catalog.variable(ref.variable)
        if variable is None or not variable.categories or getattr(ref, "plus", None):
            return {}
        if ref.categories is not None and len(ref.categories) == 1:
            return {}
        parts = self.by_category(ref, year)
        total_only = self.breakdown_reason is not None and year == self.year
        # measured by its total only: every category is n/d, and `breakdown_reason` says why
        return parts if total_only or any(v is not None for v in parts.values()) else {}

    def _divide(self, top: Ref, bottom: Ref, scale: float) -> tuple[float | None, str | None]:
        a, reason_a = self.quantity(top, self.year)
        b, reason_b = self.quantity(bottom, self.year)
        if a is None:
            return None, reason_a
        if b is None:
            return None, reason_b
        if b == 0:
            return None, Message("division by zero: {variable} is 0 in {year}",
                                 variable=bottom.variable, year=self.year)
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
