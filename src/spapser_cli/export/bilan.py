"""The bilan workbook: `spapser export YEAR` (annual bilan) and `--from Y1 --to Y2` (global bilan).

This module decides *what* the workbook holds — which years, which of the engine's results,
which checks. `workbook` lays it out with XlsxWriter and `write` saves it atomically; neither is
imported before a workbook is actually written, so that the rest of the CLI stays fast.

Figures are the engine's results, never recomputed here. Percentages are written as the
engine gives them, in percent (38.5 means 38.5 %), with a number format that adds the percent
sign (`0.0" %"`): the cells hold the very numbers `spapser compute --format json` prints
(rounded to 6 decimals, as there), and a change between two percentages reads in points
(`+11.9 pts`).
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from spapser_cli.catalog import Catalog
from spapser_cli.collect.status import StatusReport, year_status
from spapser_cli.engine import Engine, Result, YearReport, compute_year
from spapser_cli.files import absolute
from spapser_cli.i18n import Message
from spapser_cli.problems import Problem, SpapserError, UsageError

if TYPE_CHECKING:
    from spapser_cli.contracts import Register

DEFAULT_FOLDER = Path("reports")
WORKBOOK_SUFFIX = ".xlsx"


@dataclass(frozen=True)
class ExportPlan:
    """What `spapser export` was asked for: an annual or a global bilan, and where to write it."""

    first: int
    last: int
    output: Path
    default_output: bool  # the default reports/ folder is created when missing; -o's is not
    global_bilan: bool

    @property
    def label(self) -> str:
        """`2015` for an annual bilan, `2013-2015` for a global one."""
        return f"{self.first}-{self.last}" if self.global_bilan else str(self.last)


def plan_export(*, year: int | None, first: int | None, last: int | None,
                output: Path | None) -> ExportPlan:
    """Check the command's arguments (no I/O). Raises `UsageError` (exit 2)."""
    if year is not None and (first is not None or last is not None):
        raise UsageError(Message("give either YEAR (annual bilan) or --from and --to (global "
                                 "bilan), not both"))
    if year is None:
        if first is None or last is None:
            raise UsageError(Message("give a YEAR (e.g. `spapser export 2015`) or both --from "
                                     "and --to (e.g. `spapser export --from 2013 --to 2015`)"))
        if first > last:
            raise UsageError(Message("--from {first} is after --to {last}", first=first,
                                     last=last))
        start, end, is_global = first, last, True
    else:
        start, end, is_global = year, year, False
    label = f"{start}-{end}" if is_global else str(end)
    if output is None:
        return ExportPlan(start, end, DEFAULT_FOLDER / f"bilan-{label}{WORKBOOK_SUFFIX}",
                          True, is_global)
    if output.suffix.lower() != WORKBOOK_SUFFIX:
        raise UsageError(Message("{output}: the workbook must be an {suffix} file (Excel "
                                 "refuses a workbook whose name does not match its format)",
                                 output=str(output), suffix=WORKBOOK_SUFFIX))
    return ExportPlan(start, end, output, False, is_global)


@dataclass
class Bilan:
    """Everything the workbook shows, gathered from the engine before any layout."""

    catalog: Catalog
    plan: ExportPlan
    reports: dict[int, YearReport]  # every year with measures in the bilan's range, ascending
    warnings: list[Problem]  # validation warnings of the data folder
    command: str
    generated: datetime
    completeness: StatusReport  # of the summary year: the *Complétude* sheet
    only_evaluated: bool = False  # --evaluated: the actions the plan evaluates that year

    @property
    def evaluated(self) -> set[str]:
        """The actions the evaluation plan evaluates in the summary year."""
        return {a.code for a in self.completeness.actions if a.due}

    @property
    def years(self) -> list[int]:
        return list(self.reports)

    @property
    def year(self) -> int:
        """The year of the summary: the bilan's year, or the last year of a global bilan."""
        return self.years[-1]

    @property
    def summary(self) -> YearReport:
        return self.reports[self.year]

    def series(self, indicator_id: str) -> dict[int, Result]:
        """The indicator's result in every year of the bilan."""
        return self._by_indicator.get(indicator_id, {})

    @cached_property
    def _by_indicator(self) -> dict[str, dict[int, Result]]:
        found: dict[str, dict[int, Result]] = {}
        for year, report in self.reports.items():
            for result in report.results:
                found.setdefault(result.id, {})[year] = result
        return found

    def reproduce_command(self) -> str:
        """The command that writes this workbook again, whatever the folder it is run from."""
        plan = self.plan
        years = (f"--from {plan.first} --to {plan.last}" if plan.global_bilan
                 else str(plan.last))
        return shlex.join(["spapser", "export", *years.split(),
                           "--output", str(absolute(plan.output)),
                           "--data-dir", str(absolute(self.catalog.data_dir))])

    def gaps(self) -> list[tuple[int, Problem]]:
        """Reported values the measures contradict (the engine's warnings), by year."""
        return [(year, w) for year, report in self.reports.items() for w in report.warnings]


def gather(catalog: Catalog, plan: ExportPlan, *, problems: list[Problem],
           command: str, actions: list[str] | None = None,
           register: Register | None = None) -> Bilan:
    """Compute every year the bilan shows. An annual bilan shows its year and the years
    before it; a global bilan the years of its range that have measures, and both ends of
    the range must have some: the file is named after them and the summary is the last
    one's. Raises `SpapserError` (exit 1) for a year without measures. `actions`: only
    these actions (`--evaluated`)."""
    if plan.global_bilan:
        years = [y for y in catalog.years if plan.first <= y <= plan.last]
        if not years:
            available = ", ".join(str(y) for y in catalog.years) or Message("none")
            raise SpapserError(Message("no measures between {first} and {last}; years with "
                                       "data: {available}", first=plan.first, last=plan.last,
                                       available=available))
        ends = [plan.last, plan.first]
    else:
        years = [y for y in catalog.years if y < plan.last]
        ends = [plan.last]
    # The ends first: `compute_year` explains a year without measures as `compute` does.
    engine = Engine(catalog, register)
    reports = {y: compute_year(catalog, y, engine=engine, actions=actions) for y in ends}
    reports.update((y, compute_year(catalog, y, engine=engine, actions=actions)) for y in years
                   if y not in reports)
    warnings = [p for p in problems if p.severity == "warning"]
    return Bilan(catalog, plan, dict(sorted(reports.items())), warnings, command,
                 datetime.now().replace(microsecond=0), year_status(catalog, plan.last),
                 actions is not None)


def workbook_title(bilan: Bilan) -> str:
    """« Bilan 2015 — the scheme's title »: the document's title, on every sheet."""
    kind = "Bilan global" if bilan.plan.global_bilan else "Bilan"
    return f"{kind} {bilan.plan.label} — {bilan.catalog.scheme.title}"
