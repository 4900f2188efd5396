"""The indicator engine: a year of measures in, one `Result` per indicator out.

Pure: no I/O and no printing. Every number comes from the catalog (measures or reported
values); the code holds only formulas (`formulas`) and the rules of targets (`targets`). When
an indicator cannot be computed the result says why (`reason`) instead of inventing a zero.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spapser_cli.catalog import Catalog
from spapser_cli.engine.formulas import DIVISION_BY_ZERO, Formula
from spapser_cli.engine.reported import reported_gap
from spapser_cli.engine.results import (
    Computed,
    JudgedTarget,
    Result,
    SeriesReport,
    Status,
    YearReport,
)
from spapser_cli.engine.targets import judge, select_target
from spapser_cli.i18n import Message
from spapser_cli.problems import Problem, SpapserError, UsageError

if TYPE_CHECKING:  # at run time these are plain records with the same fields (see `records`)
    from spapser_cli.contracts import Register
    from spapser_cli.read.models import Indicator, Target



# ----------------------------------------------------------------------------------------------
# Public entry points


def compute_year(catalog: Catalog, year: int, *, axis: int | None = None,
                 action: str | None = None, load_warnings: Sequence[Problem] = (),
                 engine: Engine | None = None,
                 actions: Collection[str] | None = None,
                 register: Register | None = None) -> YearReport:
    """Every indicator (optionally of one axis or action) for `year`.

    `load_warnings`: the warnings found when the data was read (a published total that
    disagrees with its parts...), carried into the report so that they are not lost.
    `engine`: one engine of this catalog shared by several years, so that baselines and
    previous years are computed once (the bilan workbook shows every year).
    `actions`: only these actions (those the evaluation plan evaluates that year).
    `register`: the contract register (data/contracts/), for `contracts` indicators and the
    law's indicators of the year (`YearReport.contracts`)."""
    if year not in catalog.measures:
        available = ", ".join(str(y) for y in catalog.years) or Message("none")
        if year in catalog.broken_measures:
            file = catalog.broken_measures[year]
            raise SpapserError(Message("{file} has errors: fix them first (`spapser validate "
                                       "{file}`); years with data: {years}", file=file,
                                       years=available))
        start = (Message("; to start {year}: `spapser template {year}`, then `spapser import` "
                         "the filled workbook", year=year)
                 if not catalog.years or year > catalog.years[-1] else "")
        raise SpapserError(Message("no measures for {year} (measures/{year}.yaml); years with "
                                   "data: {years}{start}", year=year, years=available,
                                   start=start))
    if action is not None and action not in catalog.actions:
        raise UsageError(Message("no action {action} (actions: {known})", action=repr(action),
                                 known=", ".join(catalog.actions)))
    if axis is not None and catalog.axis(axis) is None:
        numbers = ", ".join(str(a.number) for a in catalog.scheme.axes)
        raise UsageError(Message("no axis {axis} (axes: {known})", axis=axis, known=numbers))
    engine = engine or Engine(catalog, register)
    results = [engine.result(indicator, year) for act, indicator in catalog.indicators()
               if (axis is None or act.axis == axis) and (action is None or act.code == action)
               and (actions is None or act.code in actions)]
    wanted = {r.id for r in results}
    warnings = [w for (ind, y), w in engine.gaps.items() if y == year and ind in wanted]
    legal = None
    if engine.register is not None and year in engine.register.years():
        from spapser_cli.engine.contracts import contracts_report

        legal = contracts_report(engine.register, year, _buyers(catalog),
                                 organisation=catalog.scheme.organisation)
    return YearReport(year, catalog, results, [*load_warnings, *warnings], contracts=legal)


def _buyers(catalog: Catalog) -> list[str]:
    return list(getattr(catalog.scheme, "buyers", None) or [])


def compute_series(catalog: Catalog, indicator_id: str, *, first: int | None = None,
                   last: int | None = None, load_warnings: Sequence[Problem] = (),
                   register: Register | None = None) -> SeriesReport:
    """One indicator in every year of the data folder between `first` and `last`: the
    years without a value too, each with the reason it has none (`Result.reason`)."""
    indicator = catalog.indicator(indicator_id)
    if indicator is None:
        known = [i.id for _, i in catalog.indicators()]
        import difflib  # only for this message

        close = difflib.get_close_matches(indicator_id, known, n=3)
        hint = Message("; did you mean {close}?", close=", ".join(close)) if close else ""
        raise UsageError(Message("no indicator {id}{hint} (`spapser actions` lists them)",
                                 id=repr(indicator_id), hint=hint))
    if first is not None and last is not None and first > last:
        raise UsageError(Message("--from {first} is after --to {last}", first=first,
                                 last=last))
    engine = Engine(catalog, register)
    years = [y for y in catalog.years
             if (first is None or y >= first) and (last is None or y <= last)]
    results = [engine.result(indicator, y) for y in years]
    shown = set(years)
    warnings = [*load_warnings,
                *(w for (ind, y), w in engine.gaps.items() if ind == indicator_id and y in shown)]
    return SeriesReport(indicator, catalog.indicator_action(indicator_id).code,
                        catalog.indicator_unit(indicator), catalog, results, warnings)


# ----------------------------------------------------------------------------------------------


class Engine:
    """Computes results, memoising every step per indicator × year, so that each result costs
    O(1) amortised however many years there are: a change needs an earlier year, a status the
    baseline (the first year with a value), and each is found once."""

    def __init__(self, catalog: Catalog, register: Register | None = None) -> None:
        self.catalog = catalog
        self.register = register
        # A year whose measures file has errors stays in the walk over earlier years: what it
        # holds is unknown, so a change or a previous value must not bridge it as if it were a
        # gap (its value and quantities are n/d, "… has errors").
        self._broken = set(catalog.broken_measures)
        self.years = sorted({*catalog.years, *self._broken})
        self._position = {year: i for i, year in enumerate(self.years)}
        self._computed: dict[tuple[str, int], Computed] = {}
        self._results: dict[tuple[str, int], Result] = {}
        self._baselines: dict[tuple[str, str | None], tuple[int | None, float | None]] = {}
        self._earlier: dict[tuple[str, str, int], int | None] = {}
        self._facts: dict[str, tuple[str, str | None, dict[str, str], bool]] = {}
        self.gaps: dict[tuple[str, int], Problem] = {}

    # -- results -------------------------------------------------------------------------------
    def result(self, indicator: Indicator, year: int) -> Result:
        key = (indicator.id, year)
        if key not in self._results:
            self._results[key] = self._result(indicator, year)
        return self._results[key]

    def _result(self, indicator: Indicator, year: int) -> Result:
        current = self.computed(indicator, year)
        previous_year = self.earlier_year(indicator, year, "value",
                                          lambda y: self.computed(indicator, y).value is not None)
        previous = self.computed(indicator, previous_year).value if previous_year else None
        change = (current.value - previous
                  if current.value is not None and previous is not None else None)
        baseline_year, baseline_value = self.baseline(indicator)
        targets = tuple(self._judge_target(indicator, t, year, current)
                        for t in indicator.targets)
        # The status is the nearest target's still ahead: a whole-indicator target first, a
        # per-category one when the indicator has no other.
        target = select_target([t for t in targets if t.category is None] or list(targets), year)
        status: Status
        expected: float | None
        if indicator.kind == "milestone" or target is None:
            status, expected = judge(indicator.kind, current.value, current.milestone, year, None,
                                     None, None, getattr(indicator, "due", None))
        else:
            status, expected = target.status, target.expected
        if indicator.kind == "qualitative" and current.text:
            status = "no-target"  # assessed in words: reported, just not a figure
        elif (status == "no-data" and target is None
              and any(v is not None for v in current.breakdown.values())):
            status = "no-target"  # published by category only, with nothing to judge it by
        action, unit, categories, cumulative = self._facts_of(indicator)
        return Result(
            id=indicator.id,
            action=action,
            label=indicator.label,
            kind=indicator.kind,
            year=year,
            unit=unit,
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
            previous_year=previous_year,
            compared_with=current.compared_with,
            cumulative=cumulative,
            targets=targets,
            carried_from=current.carried_from,
            breakdown_reason=current.breakdown_reason,
        )

    def _facts_of(self, indicator: Indicator) -> tuple[str, str | None, dict[str, str], bool]:
        """What does not change from year to year: action, unit, categories, cumulative."""
        facts = self._facts.get(indicator.id)
        if facts is None:
            catalog = self.catalog
            facts = (catalog.indicator_action(indicator.id).code,
                     catalog.indicator_unit(indicator),
                     {c.id: c.label for c in catalog.indicator_categories(indicator)},
                     catalog.indicator_is_cumulative(indicator))
            self._facts[indicator.id] = facts
        return facts

    def _judge_target(self, indicator: Indicator, target: Target, year: int,
                      current: Computed) -> JudgedTarget:
        """Resolve a target to its threshold (a relative one from the indicator's value in
        its reference year) and judge this year's value against it."""
        category = target.category
        threshold = target.value
        if target.change is not None and target.reference_year is not None:
            reference = self._value_of(indicator, target.reference_year, category)
            threshold = (None if reference is None else
                         reference + target.change if target.change_unit == "points" else
                         reference * (1 + target.change / 100))
        judged = JudgedTarget(threshold, target.year, target.direction, target.text, category,
                              target.change,
                              target.change_unit if target.change is not None else None,
                              target.reference_year, target.source)
        value = current.value if category is None else current.breakdown.get(category)
        if threshold is None:  # the reference year has no value: nothing to judge against
            return replace(judged, status="no-data" if value is None else "no-target")
        baseline_year, baseline_value = self.baseline(indicator, category)
        status, expected = judge(indicator.kind, value, None, year, judged, baseline_year,
                                 baseline_value)
        return replace(judged, status=status, expected=expected)

    def _value_of(self, indicator: Indicator, year: int, category: str | None) -> float | None:
        if year not in self._position:
            return None
        found = self.computed(indicator, year)
        return found.value if category is None else found.breakdown.get(category)

    def baseline(self, indicator: Indicator,
                 category: str | None = None) -> tuple[int | None, float | None]:
        """« Temps 0 »: the declared baseline year, else the first year with a value (of
        `category`, for a per-category target). Found once per indicator."""
        key = (indicator.id, category)
        if key not in self._baselines:
            self._baselines[key] = self._baseline(indicator, category)
        return self._baselines[key]

    def _baseline(self, indicator: Indicator,
                  category: str | None) -> tuple[int | None, float | None]:
        if indicator.baseline_year is not None:
            return indicator.baseline_year, self._value_of(indicator, indicator.baseline_year,
                                                           category)
        for year in self.years:
            value = self._value_of(indicator, year, category)
            if value is not None:
                return year, value
        return None, None

    def earlier_year(self, indicator: Indicator, year: int, what: str,
                     has: Callable[[int], bool]) -> int | None:
        """The last year with measures before `year` where `has(year)` (the indicator has a
        value, its quantity was measured...). Each year's answer is built from the one before
        and kept, so a walk over every year costs O(1) per year."""
        if year not in self._position:  # a year without measures (no command asks for one)
            return next((y for y in reversed(self.years)
                         if y < year and (y in self._broken or has(y))), None)
        position = self._position[year]
        memo, key = self._earlier, (indicator.id, what)
        # Walk down to the first year already answered, then answer upwards: no recursion.
        pending = []
        i = position
        while i > 0 and (*key, self.years[i]) not in memo:
            pending.append(i)
            i -= 1
        for i in reversed(pending):
            previous = self.years[i - 1]
            stops = previous in self._broken or has(previous)
            memo[(*key, self.years[i])] = previous if stops else memo.get((*key, previous))
        return memo.get((*key, year))

    # -- values --------------------------------------------------------------------------------
    def computed(self, indicator: Indicator, year: int) -> Computed:
        key = (indicator.id, year)
        if key not in self._computed:
            self._computed[key] = self._compute(indicator, year)
        return self._computed[key]

    def _compute(self, indicator: Indicator, year: int) -> Computed:
        measures = self.catalog.measures.get(year)
        if measures is None:
            return Computed(None, reason=self.catalog.year_missing(year))
        reported = measures.reported.get(indicator.id)
        if indicator.kind in ("qualitative", "milestone"):
            if reported is None:
                return self._carried(indicator, year)
            return Computed(None, provenance="reported", text=reported.text,
                            milestone=reported.status, source=reported.source,
                            reason=None if (reported.text or reported.status) else
                            Message("no assessment reported"))
        if indicator.kind == "contracts":
            if self.register is None:  # decided here: no need to import the register code
                return Computed(None, reason=Message("no contract register for {year}", year=year))
            from spapser_cli.engine.contracts import computed_contracts

            return computed_contracts(self.register, _buyers(self.catalog), indicator, year)
        formula = Formula(self.catalog, year, lambda has: self.earlier_year(
            indicator, year, "quantity", has))
        value, breakdown, reason = formula.evaluate(indicator)
        if value is not None or any(v is not None for v in breakdown.values()):
            if reported is not None:
                gap = reported_gap(self.catalog, indicator, year, value, breakdown, reported)
                if gap is not None:
                    self.gaps[(indicator.id, year)] = gap
            return Computed(value, breakdown, "computed", None if value is not None else reason,
                            compared_with=formula.compared_with,
                            breakdown_reason=formula.breakdown_reason)
        if reason and reason.startswith(DIVISION_BY_ZERO):
            # The quantities exist but cannot be divided: say so rather than fall back on a
            # published figure that the measures contradict.
            return Computed(None, reason=reason)
        if reported is not None and (reported.value is not None or reported.breakdown):
            return Computed(reported.value, dict(reported.breakdown), "reported",
                            None if reported.value is not None else
                            Message("only a breakdown was reported"),
                            qualifier=reported.qualifier, source=reported.source)
        if formula.breakdown_reason is None:
            return Computed(None, reason=reason)
        return Computed(None, breakdown, reason=reason, breakdown_reason=formula.breakdown_reason)

    def _carried(self, indicator: Indicator, year: int) -> Computed:
        """A milestone done in an earlier year stays done in the years that report nothing;
        any later report wins. Memoised through `computed`: each year looks one year back."""
        nothing = Computed(None, reason=Message("nothing reported for {year}",
                                                        year=year))
        position = self._position.get(year, 0)
        if indicator.kind != "milestone" or position == 0:
            return nothing
        before_year = self.years[position - 1]
        before = self.computed(indicator, before_year)
        if before.milestone != "done":
            return nothing
        return Computed(None, provenance="reported", milestone="done", source=before.source,
                        carried_from=before.carried_from or before_year)
