"""Unique ids, and the references from indicators to variables and categories."""

from __future__ import annotations

from typing import Any

from spapser_cli.catalog import PERCENT
from spapser_cli.problems import Problem
from spapser_cli.read.checks.declared import Declared, spelt
from spapser_cli.read.document import Document
from spapser_cli.read.models import Indicator, Ref


def check_identifiers(d: Declared) -> list[Problem]:
    """Variable and indicator ids are unique across every action; categories within their
    variable."""
    problems: list[Problem] = []
    variable_home: dict[str, str] = {}
    indicator_home: dict[str, str] = {}
    for _code, (action, doc) in sorted(d.actions.items()):
        for i, variable in enumerate(action.variables):
            if _claim(doc, ("variables", i, "id"), "variable", variable.id,
                           variable_home, problems):
                d.variables[variable.id] = variable
            seen: dict[str, str] = {}
            for j, category in enumerate(variable.categories):
                _claim(doc, ("variables", i, "categories", j, "id"), "category",
                            category.id, seen, problems)
        for i, indicator in enumerate(action.indicators):
            if _claim(doc, ("indicators", i, "id"), "indicator", indicator.id,
                           indicator_home, problems):
                d.indicators[indicator.id] = indicator
    return problems


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


def _check_ref(d: Declared, doc: Document, where: tuple[Any, ...], ref: Ref) -> list[Problem]:
    variable = d.variables.get(ref.variable)
    if variable is None:
        return [doc.problem(where + ("variable",), "unknown-variable", f"no action declares "
                            f"a variable {ref.variable!r}")]
    known = {c.id for c in variable.categories}
    return [doc.problem(where + ("categories", k), "unknown-category", f"variable "
                        f"{variable.id!r} has no category {c!r} (categories: "
                        f"{', '.join(sorted(known)) or 'none'})")
            for k, c in enumerate(ref.categories or []) if c not in known]


def check_indicators(d: Declared) -> list[Problem]:
    """Each indicator refers to declared variables and categories, has a breakdown its
    variables allow, and a percentage target within 0-100."""
    problems: list[Problem] = []
    for _code, (action, doc) in sorted(d.actions.items()):
        for i, indicator in enumerate(action.indicators):
            where: tuple[Any, ...] = ("indicators", i)
            refs = [(name, getattr(indicator, name)) for name in
                    ("quantity", "part", "whole", "numerator", "denominator")
                    if getattr(indicator, name, None) is not None]
            found = [p for name, ref in refs
                     for p in _check_ref(d, doc, where + (name,), ref)]
            problems += found
            if not found:
                problems += _breakdown_shape(d, doc, where, indicator)
            if d.partial.indicator_unit(indicator) == PERCENT:
                for t, target in enumerate(indicator.targets):
                    if indicator.kind != "change" and not 0 <= target.value <= 100:
                        problems.append(doc.problem(where + ("targets", t, "value"),
                                        "percent-out-of-range", f"a target of "
                                        f"{spelt(target.value)} % is outside 0-100"))
    return problems


def _breakdown_shape(d: Declared, doc: Document, where: tuple[Any, ...],
                     indicator: Indicator) -> list[Problem]:
    mode = getattr(indicator, "breakdown", "none")
    if mode == "none":
        return []
    first, second = (("part", "whole") if indicator.kind == "share"
                     else ("numerator", "denominator"))
    if mode == "composition":
        whole = d.variables[indicator.whole.variable]  # type: ignore[union-attr]
        if not whole.categories:
            return [doc.problem(where + ("breakdown",), "missing-categories", "a "
                                "composition breakdown needs a whole with categories")]
        return []
    a = d.variables[getattr(indicator, first).variable]
    b = d.variables[getattr(indicator, second).variable]
    if not a.categories or {c.id for c in a.categories} != {c.id for c in b.categories}:
        return [doc.problem(where + ("breakdown",), "missing-categories", f"a per-category "
                            f"breakdown needs {first} and {second} variables with the same "
                            f"categories ({a.id!r} and {b.id!r} differ)")]
    return []
