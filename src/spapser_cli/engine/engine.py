"""The indicator engine: a year of measures in, one `Result` per indicator out.

Pure: no I/O and no printing. Every number comes from the catalog (measures or reported
values); the code holds only formulas (`formulas`) and the rules of targets (`targets`). When
an indicator cannot be computed the result says why (`reason`) instead of inventing a zero.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from spapser_cli.catalog import Catalog
from spapser_cli.engine.formulas import DIVISION_BY_ZERO, Formula
from spapser_cli.engine.results import Computed, Result, SeriesReport, YearReport
from spapser_cli.engine.targets import judge, select_target
from spapser_cli.problems import Problem, SpapserError, UsageError

if TYPE_CHECKING:  # at run time these are plain records with the same fields (see `records`)
    from spapser_cli.read.models import Indicator, Reported

DEFAULT_TOLERANCE = 0.05
"""Largest gap accepted between a reported and a computed value when neither the indicator
nor the reported entry states one: half a unit of the first decimal, the precision at which
the reference document prints its percentages."""

ABOUT_TOLERANCE = 0.10
"""A value reported as « about » (« proche de ») is accepted within 10 % of the computed one."""



# ----------------------------------------------------------------------------------------------
# Public entry points


def compute_year(catalog: Catalog, year: int, *, axis: int | None = None,
                 action: str | None = None, load_warnings: Sequence[Problem] = (),
                 engine: Engine | None = None,
                 actions: Collection[str] | None = None) -> YearReport:
    """Every indicator (optionally of one axis or action) for `year`.

    `load_warnings`: the warnings found when the data was read (a published total that
    disagrees with its parts...), carried into the report so that they are not lost.
    `engine`: one engine of this catalog shared by several years, so that baselines and
    previous years are computed once (the bilan workbook shows every year).
    `actions`: only these actions (those the evaluation plan evaluates that year)."""
    if year not in catalog.measures:
        available = ", ".join(str(y) for y in catalog.years) or "none"
        if year in catalog.broken_measures:
            file = catalog.broken_measures[year]
            raise SpapserError(f"{file} has errors: fix them first (`spapser validate "
                               f"{file}`); years with data: {available}")
        start = (f"; to start {year}: `spapser template {year}`, then `spapser import` the "
                 "filled workbook") if not catalog.years or year > catalog.years[-1] else ""
        raise SpapserError(f"no measures for {year} (measures/{year}.yaml); years with data: "
                           f"{available}{start}")
    if action is not None and action not in catalog.actions:
        raise UsageError(f"no action {action!r} (actions: {', '.join(catalog.actions)})")
    if axis is not None and catalog.axis(axis) is None:
        numbers = ", ".join(str(a.number) for a in catalog.scheme.axes)
        raise UsageError(f"no axis {axis} (axes: {numbers})")
    engine = engine or Engine(catalog)
    results = [engine.result(indicator, year) for act, indicator in catalog.indicators()
               if (axis is None or act.axis == axis) and (action is None or act.code == action)
               and (actions is None or act.code in actions)]
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
            return Computed(None, reason=self.catalog.year_missing(year))
        reported = measures.reported.get(indicator.id)
        if indicator.kind in ("qualitative", "milestone"):
            if reported is None:
                return Computed(None, reason=f"nothing reported for {year}")
            return Computed(None, provenance="reported", text=reported.text,
                            milestone=reported.status, source=reported.source,
                            reason=None if (reported.text or reported.status) else
                            "no assessment reported")
        formula = Formula(self.catalog, year)
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
