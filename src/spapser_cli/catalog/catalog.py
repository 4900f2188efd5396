"""The `Catalog`: a data folder's scheme, action sheets and measures, checked, with lookups.

It holds only files that passed their model and the cross-file checks (see `read`), as plain
records, so that later stages never see half-valid data and never need Pydantic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # The catalog holds the models' fields as plain records (see `records`): annotated with
    # the model classes, which have the same attributes.
    from spapser_cli.read.document import Document
    from spapser_cli.read.models import (
        Action,
        Axis,
        Category,
        Indicator,
        Measures,
        Objective,
        Ref,
        Scheme,
        Variable,
    )

PERCENT = "%"

FIRST_YEAR, LAST_YEAR = 1990, 2100
"""The years a data file may hold, and so the years every command takes."""


@dataclass
class Catalog:
    """The scheme, its action sheets and its yearly measures, checked across files."""

    data_dir: Path
    scheme: Scheme
    actions: dict[str, Action]  # by code, in the scheme's order
    measures: dict[int, Measures]  # by year, ascending
    documents: dict[str, Document] = field(default_factory=dict)  # by display path
    action_files: dict[str, str] = field(default_factory=dict)  # code -> display path
    measures_files: dict[int, str] = field(default_factory=dict)  # year -> display path
    # Years whose measures file has errors, left out until it is fixed: year -> display path
    broken_measures: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._variables: dict[str, tuple[Variable, str]] = {}
        self._indicators: dict[str, tuple[Indicator, str]] = {}
        for code, action in self.actions.items():
            for variable in action.variables:
                self._variables.setdefault(variable.id, (variable, code))
            for indicator in action.indicators:
                self._indicators.setdefault(indicator.id, (indicator, code))

    # -- lookups -------------------------------------------------------------------------------
    @property
    def years(self) -> list[int]:
        return sorted(self.measures)

    def year_missing(self, year: int) -> str:
        """Why `year` has no measures: its file has errors, or it has none."""
        if year in self.broken_measures:
            return f"{self.broken_measures[year]} has errors"
        return f"no measures for {year}"

    def variable(self, variable_id: str) -> Variable | None:
        entry = self._variables.get(variable_id)
        return entry[0] if entry else None

    def indicator(self, indicator_id: str) -> Indicator | None:
        entry = self._indicators.get(indicator_id)
        return entry[0] if entry else None

    def indicator_action(self, indicator_id: str) -> Action:
        return self.actions[self._indicators[indicator_id][1]]

    def indicators(self) -> Iterable[tuple[Action, Indicator]]:
        """Every indicator with its action, in the scheme's order."""
        for action in self.actions.values():
            for indicator in action.indicators:
                yield action, indicator

    def axis(self, number: int) -> Axis | None:
        return next((a for a in self.scheme.axes if a.number == number), None)

    def objective(self, axis: int, number: int) -> Objective | None:
        found = self.axis(axis)
        return next((o for o in found.objectives if o.number == number), None) if found else None

    def indicator_unit(self, indicator: Indicator) -> str | None:
        """The unit of the indicator's values: `%` for shares, ratios and changes."""
        kind = indicator.kind
        if kind in ("change", "ratio", "share"):
            return PERCENT
        if kind == "rate":
            return indicator.unit  # type: ignore[union-attr]
        if kind == "contracts":  # a share of other contracts, a count, or a sum of amounts
            if indicator.share_of is not None:  # type: ignore[union-attr]
                return PERCENT
            return "contrats" if indicator.measure == "count" else "€ HT"  # type: ignore[union-attr]
        if kind in ("value", "difference"):
            own = getattr(indicator, "unit", None)
            variable = self.variable(indicator.quantity.variable)  # type: ignore[union-attr]
            return own or (variable.unit if variable else None)
        return None

    def indicator_is_cumulative(self, indicator: Indicator) -> bool:
        """Whether the indicator's values are stocks at the end of the year (« à fin
        d'année »): a value, share, ratio or rate of cumulative variables only. A difference
        of a stock is the year's flow."""
        if indicator.kind not in ("value", "share", "ratio", "rate"):
            return False
        names = [part.variable for name in ("quantity", "part", "whole", "numerator",
                                             "denominator")
                 if (ref := getattr(indicator, name, None)) is not None
                 for part in [ref, *getattr(ref, "plus", [])]]
        variables = [self.variable(n) for n in names]
        return bool(variables) and all(v is not None and getattr(v, "cumulative", False)
                                       for v in variables)

    def words(self) -> tuple[str, str]:
        """What the scheme calls an axis and an objective (« Axe », « Objectif » by default)."""
        words = getattr(self.scheme, "words", None)
        return (words.axis, words.objective) if words is not None else ("Axe", "Objectif")

    def indicator_categories(self, indicator: Indicator) -> list[Category]:
        """The categories an indicator's breakdown is given by (empty when it has none)."""
        kind = indicator.kind
        ref: Ref | None = None
        if kind in ("value", "difference", "change"):
            ref = indicator.quantity  # type: ignore[union-attr]
        elif kind == "share":
            mode = indicator.breakdown  # type: ignore[union-attr]
            if mode == "per-category":
                ref = indicator.part  # type: ignore[union-attr]
            elif mode == "composition":
                ref = indicator.whole  # type: ignore[union-attr]
        elif kind == "rate" and indicator.breakdown == "per-category":  # type: ignore[union-attr]
            ref = indicator.numerator  # type: ignore[union-attr]
        if ref is None or getattr(ref, "plus", None):
            return []  # a sum of several variables has no breakdown
        variable = self.variable(ref.variable)
        if variable is None:
            return []
        wanted = set(ref.categories or [c.id for c in variable.categories])
        return [c for c in variable.categories if c.id in wanted]
