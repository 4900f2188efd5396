"""Load a data folder into a `Catalog` and check what no single file can check on its own.

Layout: `scheme.yaml`, `actions/<code>.yaml`, `measures/<year>.yaml`. Every file is read and
every problem collected; the catalog keeps only the files that passed their model, so that
later stages never see half-valid data.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .document import Document
from .problems import InvalidDataError, Problem

if TYPE_CHECKING:
    # The catalog holds the models' fields as plain records (see `records`): annotated with
    # the model classes, which have the same attributes.
    from .models import (
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


def display_path(path: Path) -> str:
    """A path as messages show it: relative to the working folder when below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


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
        if kind in ("value", "difference"):
            own = getattr(indicator, "unit", None)
            variable = self.variable(indicator.quantity.variable)  # type: ignore[union-attr]
            return own or (variable.unit if variable else None)
        return None

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
        if ref is None:
            return []
        variable = self.variable(ref.variable)
        if variable is None:
            return []
        wanted = set(ref.categories or [c.id for c in variable.categories])
        return [c for c in variable.categories if c.id in wanted]


@dataclass
class CatalogLoad:
    catalog: Catalog | None
    problems: list[Problem]
    files: list[str]  # every file read, as displayed

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def for_paths(self, data_dir: Path, paths: Sequence[Path]) -> CatalogLoad:
        """What `spapser validate PATH…` reports.

        A file outside the data folder (a candidate, a file from another branch) is checked
        against the folder and only its own problems are reported. A file of the folder is a
        change to the folder: an edited action can break a measures file that did not change,
        so the whole folder's problems are reported."""
        folder = data_dir.resolve()
        if not paths or any(folder in Path(p).resolve().parents for p in paths):
            return self
        wanted = {display_path(p) for p in paths}
        return CatalogLoad(self.catalog, [p for p in self.problems if p.file in wanted],
                           [f for f in self.files if f in wanted])


def require_catalog(data_dir: Path) -> tuple[Catalog, list[Problem]]:
    """Load for a command that needs valid data: raises `InvalidDataError` on any error.

    A catalog that passed is kept in the snapshot cache, so that the next command on unchanged
    files skips reading, validating and importing Pydantic altogether."""
    from . import cache

    stamp = cache.fingerprint(data_dir) if cache.cache_dir() is not None else ""
    cached = cache.load(data_dir, stamp) if stamp else None
    if cached is not None:
        return cached
    loaded = load_catalog(data_dir)
    if loaded.errors or loaded.catalog is None:
        raise InvalidDataError(loaded.problems)
    if stamp:
        cache.save(data_dir, stamp, loaded.catalog, loaded.problems)
    return loaded.catalog, loaded.problems


def load_catalog(data_dir: Path, extra_files: Sequence[Path] = ()) -> CatalogLoad:
    """Read every file of `data_dir` (plus `extra_files`, which take the place of the file of
    the same kind and name) and return the catalog with every problem found."""
    from .loader import load_catalog as load

    return load(data_dir, extra_files)


