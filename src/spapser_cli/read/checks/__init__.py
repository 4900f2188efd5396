"""Checks across files: what no single file can check on its own.

One module per family, each a set of functions that return `Problem`s placed on the
offending line:

- `declared`: what the scheme and the action sheets declare, gathered once (`Declared`);
- `structure`: the scheme's axes and objectives, and where each action sits in them;
- `references`: unique ids, and references from indicators to variables and categories;
- `measures`: a year of measures against the declarations: units, ranges, parts and wholes;
- `plan`: the evaluation plan (known actions, years in the period, each action once a cycle);
- `unmeasured`: a year's figures recorded as not measured.

`CrossChecks` runs them all; `CrossChecks.year` checks one more measures file against the
same declarations (a file given on the command line).
"""

from __future__ import annotations

from spapser_cli.problems import Problem
from spapser_cli.read.checks.declared import Declared, Unchecked
from spapser_cli.read.document import Document
from spapser_cli.read.models import Action, Measures, Scheme

from . import measures, plan, references, structure, unmeasured


class CrossChecks:
    """Every cross-file check of a data folder, in a fixed order."""

    def __init__(self, scheme: Scheme, scheme_doc: Document,
                 actions: dict[str, tuple[Action, Document]],
                 year_files: dict[int, tuple[Measures, Document]],
                 unchecked: Unchecked | None = None) -> None:
        self.declared = Declared(scheme, scheme_doc, actions,
                                 unchecked=unchecked or Unchecked())
        self.year_files = year_files

    def run(self) -> list[Problem]:
        problems: list[Problem] = []
        problems += structure.check_scheme(self.declared)
        problems += structure.check_placement(self.declared)
        problems += references.check_identifiers(self.declared)
        problems += references.check_indicators(self.declared)
        problems += plan.check_plan(self.declared)
        for year_measures, doc in self.year_files.values():
            problems += self.year(year_measures, doc)
        return problems

    def year(self, year_measures: Measures, doc: Document) -> list[Problem]:
        return (measures.check_year(self.declared, year_measures, doc)
                + unmeasured.check_not_measured(self.declared, year_measures, doc))


__all__ = ["CrossChecks", "Unchecked"]
