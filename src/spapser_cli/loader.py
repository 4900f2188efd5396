"""Read a data folder, check each file against its model, then check across files.

Layout: `scheme.yaml`, `actions/<code>.yaml`, `measures/<year>.yaml`. Every file is read and
every problem collected; the catalog keeps only the files that passed their model (as plain
records), so that later stages never see half-valid data.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import yamlio
from .catalog import PERCENT, Catalog, CatalogLoad, display_path
from .document import Document
from .modelcheck import validate_document
from .models import (
    QUANTITATIVE_KINDS,
    Action,
    Indicator,
    Measures,
    Ref,
    Scheme,
    Variable,
)
from .problems import Problem, UsageError
from .records import to_record


def guess_kind(path: Path, data: Any) -> str | None:
    """`scheme`, `action` or `measures`, from the file's place, else from its top-level keys."""
    if path.name == "scheme.yaml":
        return "scheme"
    if path.parent.name in ("actions", "measures"):
        return path.parent.name.rstrip("s") if path.parent.name == "actions" else "measures"
    if isinstance(data, dict):
        if "axes" in data:
            return "scheme"
        if "code" in data:
            return "action"
        if "year" in data:
            return "measures"
    return None


def load_catalog(data_dir: Path, extra_files: Sequence[Path] = ()) -> CatalogLoad:
    """See `catalog.load_catalog`."""
    # Parsed files are trees without reference cycles, yet they hold many objects: left on,
    # the cyclic garbage collector rescans them again and again (a third of the time of
    # validating a thousand files). Nothing cyclic is created here, so pause it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _Loader(data_dir, extra_files).run()
    finally:
        if collecting:
            gc.enable()


class _Loader:
    def __init__(self, data_dir: Path, extra_files: Sequence[Path]) -> None:
        self.data_dir = data_dir
        self.extra = list(dict.fromkeys(Path(p) for p in extra_files))  # each file once
        self.problems: list[Problem] = []
        self.files: list[str] = []
        self.docs: dict[str, Document] = {}
        self.unreadable: set[str] = set()

    # -- reading --------------------------------------------------------------------------------
    def _read(self, path: Path) -> Document | None:
        shown = display_path(path)
        if shown in self.docs or shown in self.unreadable:  # read once, reported once
            return self.docs.get(shown)
        self.files.append(shown)
        try:
            doc = yamlio.load_file(path, shown)
        except yamlio.YamlError as exc:
            self.problems.append(exc.problem)
            self.unreadable.add(shown)
            return None
        self.docs[shown] = doc
        return doc

    def _data_files(self) -> tuple[Path | None, list[Path], list[Path]]:
        scheme = self.data_dir / "scheme.yaml"
        actions = sorted((self.data_dir / "actions").glob("*.yaml"))
        measures = sorted((self.data_dir / "measures").glob("*.yaml"))
        for folder in (self.data_dir / "actions", self.data_dir / "measures"):
            if folder.is_dir():
                for stray in sorted(folder.iterdir()):
                    if stray.suffix != ".yaml" and not stray.name.startswith("."):
                        hint = " (rename it to .yaml)" if stray.suffix == ".yml" else ""
                        self.problems.append(Problem(display_path(stray), "stray-file",
                                                     f"spapser reads only *.yaml files here; "
                                                     f"this file is ignored{hint}",
                                                     severity="warning"))
        for extra in self.extra:
            if not extra.exists():
                raise UsageError(f"{extra}: no such file")
            if extra.is_dir():
                raise UsageError(f"{extra}: is a folder; give files, or use --data-dir")
        return (scheme if scheme.is_file() else None), actions, measures

    def _measures(self, path: Path, doc: Document | None,
                  ) -> tuple[Measures, Document] | None:
        """Model-check one measures file and its name."""
        if doc is None:
            return None
        year_measures, found = validate_document(Measures, doc)
        self.problems.extend(found)
        if year_measures is None:
            return None
        if path.stem != str(year_measures.year):
            self.problems.append(doc.problem(("year",), "year-mismatch",
                                 f"this file holds year {year_measures.year} but is named "
                                 f"{path.name}: correct `year`, or name the file "
                                 f"{year_measures.year}.yaml"))
            return None
        return year_measures, doc

    def _check_explicit_measures(self, items: list[tuple[Path, Document | None]],
                                 checks: _CrossChecks) -> None:
        """Check measures files given on the command line, each against the folder's scheme
        and actions. Many files are shared out between processes (forked, so each inherits
        the checks already built)."""
        import multiprocessing

        unread = [path for path, doc in items if doc is None]
        global _FORKED_CHECKS
        workers = min(os.cpu_count() or 1, 8)
        if (len(unread) >= PARALLEL_MIN_FILES and workers > 1
                and "fork" in multiprocessing.get_all_start_methods()):
            _FORKED_CHECKS = checks
            try:
                with multiprocessing.get_context("fork").Pool(workers) as pool:
                    results = pool.map(_check_measures_file, unread,
                                       chunksize=max(1, len(unread) // (workers * 4)))
            finally:
                _FORKED_CHECKS = None
            for shown, problems in results:
                self.files.append(shown)
                self.problems.extend(problems)
        else:
            for path in unread:
                checked = self._measures(path, self._read(path))
                if checked is not None:
                    self.problems.extend(checks.year(*checked))
        for path, doc in items:
            if doc is not None and (checked := self._measures(path, doc)) is not None:
                self.problems.extend(checks.year(*checked))

    def run(self) -> CatalogLoad:
        scheme_path, action_paths, measures_paths = self._data_files()
        extra_docs: dict[str, list[tuple[Path, Document | None]]] = {
            "scheme": [], "action": [], "measures": []}
        for path in self.extra:
            if path.parent.name == "measures":  # read later, in parallel when there are many
                extra_docs["measures"].append((path, None))
                continue
            doc = self._read(path)
            kind = guess_kind(path, doc.data if doc else None)
            if kind is None:
                if doc is not None:
                    self.problems.append(doc.problem((), "wrong-type", "cannot tell whether "
                                         "this is a scheme, an action or a measures file"))
                continue
            extra_docs[kind].append((path, doc))

        def replaced(paths: list[Path], kind: str) -> list[tuple[Path, Document | None]]:
            names = {p.name for p, _ in extra_docs[kind]}
            own = [(p, None) for p in paths if p.name not in names]
            return sorted(own + extra_docs[kind], key=lambda item: item[0].name)

        # The scheme
        scheme: Scheme | None = None
        scheme_doc: Document | None = None
        scheme_items = extra_docs["scheme"][-1:] or ([(scheme_path, None)] if scheme_path else [])
        if not scheme_items:
            folder = display_path(self.data_dir)
            self.problems.append(Problem(display_path(self.data_dir / "scheme.yaml"),
                                         "missing-scheme", f"no scheme.yaml in {folder}: "
                                         "is this a spapser data folder?"))
        for path, doc in scheme_items:
            scheme_doc = doc or self._read(path)
            if scheme_doc is not None:
                scheme, found = validate_document(Scheme, scheme_doc)
                self.problems.extend(found)

        actions: dict[str, tuple[Action, Document]] = {}
        for path, maybe in replaced(action_paths, "action"):
            doc = maybe or self._read(path)
            if doc is None:
                continue
            action, found = validate_document(Action, doc)
            self.problems.extend(found)
            if action is None:
                continue
            if path.stem != action.code:
                self.problems.append(doc.problem(("code",), "file-name-mismatch",
                                     f"the file of action {action.code} must be named "
                                     f"{action.code}.yaml, not {path.name}"))
            if action.code in actions:
                self.problems.append(doc.problem(("code",), "duplicate-id", f"action "
                                     f"{action.code} is also defined in "
                                     f"{actions[action.code][1].file}"))
                continue
            actions[action.code] = (action, doc)

        # Measures files given explicitly are checked one by one against the folder's scheme
        # and actions, each in place of the folder's file for its year (a pre-commit hook
        # passes changed files; a benchmark passes a thousand files of the same year).
        explicit_names = {p.name for p, _ in extra_docs["measures"]}
        measures: dict[int, tuple[Measures, Document]] = {}
        for path in measures_paths:
            if path.name in explicit_names:
                continue
            checked = self._measures(path, self._read(path))
            if checked is None:
                continue
            if checked[0].year in measures:
                self.problems.append(checked[1].problem(("year",), "duplicate-id", f"year "
                                     f"{checked[0].year} is also in "
                                     f"{measures[checked[0].year][1].file}"))
                continue
            measures[checked[0].year] = checked

        if scheme is None or scheme_doc is None:
            for path, doc in extra_docs["measures"]:
                self._measures(path, doc or self._read(path))
            return CatalogLoad(None, self.problems, self.files)

        checks = _CrossChecks(scheme, scheme_doc, actions, measures)
        self.problems.extend(checks.run())
        self._check_explicit_measures(extra_docs["measures"], checks)
        ordered_codes = [c for axis in scheme.axes for o in axis.objectives for c in o.actions]
        ordered = {c: actions[c][0] for c in ordered_codes if c in actions}
        ordered.update({c: a for c, (a, _) in sorted(actions.items()) if c not in ordered})
        catalog = Catalog(
            data_dir=self.data_dir,
            scheme=to_record(scheme),
            actions={code: to_record(action) for code, action in ordered.items()},
            measures={y: to_record(m) for y, (m, _) in sorted(measures.items())},
            documents=self.docs,
            action_files={c: d.file for c, (_, d) in actions.items()},
            measures_files={y: d.file for y, (_, d) in measures.items()},
        )
        return CatalogLoad(catalog, self.problems, self.files)


PARALLEL_MIN_FILES = 64
"""Below this many files, starting worker processes costs more than it saves."""

_FORKED_CHECKS: _CrossChecks | None = None


def _check_measures_file(path: Path) -> tuple[str, list[Problem]]:
    """Worker: every problem of one measures file (runs in a forked process)."""
    assert _FORKED_CHECKS is not None
    loader = _Loader(Path("."), ())
    checked = loader._measures(path, loader._read(path))
    if checked is not None:
        loader.problems.extend(_FORKED_CHECKS.year(*checked))
    return display_path(path), loader.problems


class _CrossChecks:
    """Checks across files; each method yields problems placed on the offending line."""

    def __init__(self, scheme: Scheme, scheme_doc: Document,
                 actions: dict[str, tuple[Action, Document]],
                 measures: dict[int, tuple[Measures, Document]]) -> None:
        self.scheme = scheme
        self.scheme_doc = scheme_doc
        self.actions = actions
        self.measures = measures
        self.variables: dict[str, Variable] = {}
        self.indicators: dict[str, Indicator] = {}
        self.partial = Catalog(Path("."), scheme, {c: a for c, (a, _) in actions.items()}, {})

    def run(self) -> list[Problem]:
        problems: list[Problem] = []
        problems += self.scheme_structure()
        problems += self.action_placement()
        problems += self.identifiers()
        problems += self.references()
        for year_measures, doc in self.measures.values():
            problems += self.year(year_measures, doc)
        return problems

    def scheme_structure(self) -> list[Problem]:
        problems: list[Problem] = []
        doc = self.scheme_doc
        seen_axes: set[int] = set()
        listed: dict[str, tuple[int, int]] = {}
        for i, axis in enumerate(self.scheme.axes):
            if axis.number in seen_axes:
                problems.append(doc.problem(("axes", i, "number"), "duplicate-id",
                                            f"axis {axis.number} is defined twice"))
            seen_axes.add(axis.number)
            seen_objectives: set[int] = set()
            for j, objective in enumerate(axis.objectives):
                where = ("axes", i, "objectives", j)
                if objective.number in seen_objectives:
                    problems.append(doc.problem(where + ("number",), "duplicate-id",
                                    f"objective {axis.number}-{objective.number} is defined twice"))
                seen_objectives.add(objective.number)
                for k, code in enumerate(objective.actions):
                    at = where + ("actions", k)
                    if code in listed:
                        problems.append(doc.problem(at, "duplicate-id", f"action {code} is "
                                        "listed under two objectives"))
                        continue
                    listed[code] = (axis.number, objective.number)
                    prefix = f"{axis.number}-{objective.number}."
                    if not code.startswith(prefix):
                        problems.append(doc.problem(at, "objective-mismatch", f"action {code} "
                                        f"is listed under objective {axis.number}-"
                                        f"{objective.number}; its code must start with {prefix}"))
                    if code not in self.actions:
                        problems.append(doc.problem(at, "missing-action", f"action {code} has "
                                        f"no file actions/{code}.yaml"))
        self.listed = listed
        return problems

    def action_placement(self) -> list[Problem]:
        problems: list[Problem] = []
        for code, (action, doc) in sorted(self.actions.items()):
            axis = self.partial.axis(action.axis)
            if axis is None:
                numbers = ", ".join(str(a.number) for a in self.scheme.axes)
                problems.append(doc.problem(("axis",), "unknown-axis", f"axis {action.axis} "
                                f"does not exist in the scheme (axes: {numbers})"))
                continue
            if self.partial.objective(action.axis, action.objective) is None:
                numbers = ", ".join(str(o.number) for o in axis.objectives)
                problems.append(doc.problem(("objective",), "unknown-objective",
                                f"axis {action.axis} has no objective {action.objective} "
                                f"(objectives: {numbers})"))
                continue
            if not code.startswith(f"{action.axis}-{action.objective}."):
                problems.append(doc.problem(("code",), "objective-mismatch", f"code {code} does "
                                f"not match axis {action.axis}, objective {action.objective}"))
            elif code not in self.listed:
                problems.append(doc.problem(("code",), "unlisted-action", f"action {code} is "
                                f"not listed under objective {action.axis}-{action.objective} "
                                "in scheme.yaml"))
            elif self.listed[code] != (action.axis, action.objective):
                a, o = self.listed[code]
                problems.append(doc.problem(("objective",), "objective-mismatch", f"scheme.yaml "
                                f"lists {code} under objective {a}-{o}"))
        return problems

    def identifiers(self) -> list[Problem]:
        """Variable and indicator ids are unique across every action; categories within their
        variable."""
        problems: list[Problem] = []
        variable_home: dict[str, str] = {}
        indicator_home: dict[str, str] = {}
        for _code, (action, doc) in sorted(self.actions.items()):
            for i, variable in enumerate(action.variables):
                if self._claim(doc, ("variables", i, "id"), "variable", variable.id,
                               variable_home, problems):
                    self.variables[variable.id] = variable
                seen: dict[str, str] = {}
                for j, category in enumerate(variable.categories):
                    self._claim(doc, ("variables", i, "categories", j, "id"), "category",
                                category.id, seen, problems)
            for i, indicator in enumerate(action.indicators):
                if self._claim(doc, ("indicators", i, "id"), "indicator", indicator.id,
                               indicator_home, problems):
                    self.indicators[indicator.id] = indicator
        return problems

    @staticmethod
    def _claim(doc: Document, where: tuple[Any, ...], what: str, identifier: str,
               homes: dict[str, str], problems: list[Problem]) -> bool:
        """Record where `identifier` is first declared; a second declaration is a problem."""
        if identifier in homes:
            place = "in this file" if homes[identifier] == doc.file else f"in {homes[identifier]}"
            problems.append(doc.problem(where, "duplicate-id", f"{what} {identifier!r} is "
                                        f"also declared {place}"))
            return False
        homes[identifier] = doc.file
        return True

    def _check_ref(self, doc: Document, where: tuple[Any, ...], ref: Ref) -> list[Problem]:
        variable = self.variables.get(ref.variable)
        if variable is None:
            return [doc.problem(where + ("variable",), "unknown-variable", f"no action declares "
                                f"a variable {ref.variable!r}")]
        known = {c.id for c in variable.categories}
        return [doc.problem(where + ("categories", k), "unknown-category", f"variable "
                            f"{variable.id!r} has no category {c!r} (categories: "
                            f"{', '.join(sorted(known)) or 'none'})")
                for k, c in enumerate(ref.categories or []) if c not in known]

    def references(self) -> list[Problem]:
        problems: list[Problem] = []
        for _code, (action, doc) in sorted(self.actions.items()):
            for i, indicator in enumerate(action.indicators):
                where: tuple[Any, ...] = ("indicators", i)
                refs = [(name, getattr(indicator, name)) for name in
                        ("quantity", "part", "whole", "numerator", "denominator")
                        if getattr(indicator, name, None) is not None]
                found = [p for name, ref in refs
                         for p in self._check_ref(doc, where + (name,), ref)]
                problems += found
                if not found:
                    problems += self._breakdown_shape(doc, where, indicator)
                if self.partial.indicator_unit(indicator) == PERCENT:
                    for t, target in enumerate(indicator.targets):
                        if indicator.kind != "change" and not 0 <= target.value <= 100:
                            problems.append(doc.problem(where + ("targets", t, "value"),
                                            "percent-out-of-range", f"a target of "
                                            f"{_num(target.value)} % is outside 0-100"))
        return problems

    def _breakdown_shape(self, doc: Document, where: tuple[Any, ...],
                         indicator: Indicator) -> list[Problem]:
        mode = getattr(indicator, "breakdown", "none")
        if mode == "none":
            return []
        first, second = (("part", "whole") if indicator.kind == "share"
                         else ("numerator", "denominator"))
        if mode == "composition":
            whole = self.variables[indicator.whole.variable]  # type: ignore[union-attr]
            if not whole.categories:
                return [doc.problem(where + ("breakdown",), "missing-categories", "a "
                                    "composition breakdown needs a whole with categories")]
            return []
        a = self.variables[getattr(indicator, first).variable]
        b = self.variables[getattr(indicator, second).variable]
        if not a.categories or {c.id for c in a.categories} != {c.id for c in b.categories}:
            return [doc.problem(where + ("breakdown",), "missing-categories", f"a per-category "
                                f"breakdown needs {first} and {second} variables with the same "
                                f"categories ({a.id!r} and {b.id!r} differ)")]
        return []

    def year(self, year_measures: Measures, doc: Document) -> list[Problem]:
        problems: list[Problem] = []
        for variable_id, measure in year_measures.measures.items():
            at: tuple[Any, ...] = ("measures", variable_id)
            variable = self.variables.get(variable_id)
            if variable is None:
                problems.append(doc.problem(at, "unknown-variable", f"no action declares a "
                                f"variable {variable_id!r}", key=True))
                continue
            if measure.unit != variable.unit:
                problems.append(doc.problem(at + ("unit",), "unit-mismatch", f"{variable_id} "
                                f"is declared in {variable.unit!r}, not {measure.unit!r}"))
            known = {c.id for c in variable.categories}
            if known and measure.values is None:
                problems.append(doc.problem(at + ("value",), "missing-categories", f"{variable_id}"
                                f" is broken down by {', '.join(sorted(known))}: give `values`"))
            if not known and measure.values is not None:
                problems.append(doc.problem(at + ("values",), "missing-categories",
                                f"{variable_id} has no categories: give one `value`"))
            quantities: list[tuple[tuple[str, ...], float]] = (
                [((), measure.value)] if measure.value is not None else
                [(("values", c), v) for c, v in (measure.values or {}).items()])
            for sub, number in quantities:
                if sub and known and sub[1] not in known:
                    problems.append(doc.problem(at + sub, "unknown-category", f"{variable_id} "
                                    f"has no category {sub[1]!r} (categories: "
                                    f"{', '.join(sorted(known))})", key=True))
                path = at + (sub or ("value",))
                if number < 0:
                    problems.append(doc.problem(path, "negative-quantity", f"a quantity cannot "
                                    f"be negative ({_num(number)} {measure.unit})"))
                elif variable.unit == PERCENT and number > 100:
                    problems.append(doc.problem(path, "percent-out-of-range",
                                                f"{_num(number)} % is "
                                    "above 100"))
            if measure.total is not None and measure.values is not None:
                total = sum(measure.values.values())
                if abs(total - measure.total) > 1e-9 * max(1.0, abs(total)):
                    problems.append(doc.problem(at + ("total",), "total-mismatch", f"the "
                                    f"categories add up to {_num(total)}, the published total is "
                                    f"{_num(measure.total)}", severity="warning"))
        for indicator_id, reported in year_measures.reported.items():
            at = ("reported", indicator_id)
            indicator = self.indicators.get(indicator_id)
            if indicator is None:
                problems.append(doc.problem(at, "unknown-indicator", f"no action declares an "
                                f"indicator {indicator_id!r}", key=True))
                continue
            unit = self.partial.indicator_unit(indicator)
            if reported.unit is not None and reported.unit != unit:
                problems.append(doc.problem(at + ("unit",), "unit-mismatch", f"{indicator_id} "
                                f"is in {unit!r}, not {reported.unit!r}"
                                if unit else f"{indicator_id} has no unit ({indicator.kind})"))
            known = {c.id for c in self.partial.indicator_categories(indicator)}
            numbers: list[tuple[tuple[str, ...], float]] = (
                [(("value",), reported.value)] if reported.value is not None else [])
            for c, v in reported.breakdown.items():
                numbers.append((("breakdown", c), v))
                if c not in known:
                    problems.append(doc.problem(at + ("breakdown", c), "unknown-category",
                                    f"{indicator_id} has no category {c!r} (categories: "
                                    f"{', '.join(sorted(known)) or 'none'})", key=True))
            signed = indicator.kind in ("change", "difference")
            for sub, number in numbers:
                if unit == PERCENT and not signed and not 0 <= number <= 100:
                    problems.append(doc.problem(at + sub, "percent-out-of-range", f"{_num(number)} "
                                    "% is outside 0-100"))
                elif not signed and number < 0 and indicator.kind in QUANTITATIVE_KINDS:
                    problems.append(doc.problem(at + sub, "negative-quantity", f"{indicator_id} "
                                    f"cannot be negative ({_num(number)})"))
        problems += self._parts_within_wholes(year_measures, doc)
        return problems

    def _parts_within_wholes(self, year_measures: Measures,
                             doc: Document) -> list[Problem]:
        problems: list[Problem] = []
        values = year_measures.measures
        for indicator in self.indicators.values():
            if indicator.kind != "share":
                continue
            part, whole = indicator.part, indicator.whole
            if part.variable not in values or whole.variable not in values:
                continue
            pairs: list[tuple[str | None, float | None, float | None]]
            if indicator.breakdown == "per-category":
                pv, wv = values[part.variable].values or {}, values[whole.variable].values or {}
                pairs = [(c, pv[c], wv[c]) for c in pv if c in wv]
            else:
                pairs = [(None, _sum(values[part.variable].value, values[part.variable].values,
                                     part.categories),
                          _sum(values[whole.variable].value, values[whole.variable].values,
                               whole.categories))]
            for category, p, w in pairs:
                if p is not None and w is not None and p > w:
                    at: tuple[Any, ...] = ("measures", part.variable)
                    at += ("values", category) if category else ()
                    label = f" for {category}" if category else ""
                    problems.append(doc.problem(at, "part-exceeds-whole", f"{part.variable}"
                                    f"{label} ({_num(p)}) exceeds {whole.variable} "
                                    f"({_num(w)}), its "
                                    f"whole in {indicator.id}"))
        return problems


def _num(value: float) -> str:
    """A number in a message, spelt as in the YAML file: `1000000`, `38500.5` (`:g` would
    print 1e+06 and round 1234567.5 to 1.23457e+06)."""
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)


def _sum(value: float | None, values: dict[str, float] | None,
         categories: list[str] | None) -> float | None:
    if value is not None:
        return value
    if values is None:
        return None
    chosen = categories or list(values)
    if any(c not in values for c in chosen):
        return None
    return sum(values[c] for c in chosen)
