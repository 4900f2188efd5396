"""Unique ids, and the references from indicators to variables and categories."""

from __future__ import annotations

from typing import Any

from spapser_cli.catalog import PERCENT
from spapser_cli.i18n import N_, Message
from spapser_cli.problems import Problem
from spapser_cli.read.checks.declared import (
    CATEGORIES,
    Declared,
    did_you_mean,
    spelt,
    unknown_variable,
)
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
            if _claim(doc, ("variables", i, "id"), N_("variable"), variable.id,
                           variable_home, problems):
                d.variables[variable.id] = variable
            seen: dict[str, str] = {}
            for j, category in enumerate(variable.categories):
                _claim(doc, ("variables", i, "categories", j, "id"), N_("category"),
                            category.id, seen, problems)
        for i, indicator in enumerate(action.indicators):
            if _claim(doc, ("indicators", i, "id"), N_("indicator"), indicator.id,
                           indicator_home, problems):
                d.indicators[indicator.id] = indicator
    return problems


def _claim(doc: Document, where: tuple[Any, ...], what: str, identifier: str,
           homes: dict[str, str], problems: list[Problem]) -> bool:
    """Record where `identifier` is first declared; a second declaration is a problem."""
    if identifier in homes:
        message = (Message("{what} {id} is also declared in this file", what=Message(what),
                           id=repr(identifier)) if homes[identifier] == doc.file else
                   Message("{what} {id} is also declared in {file}", what=Message(what),
                           id=repr(identifier), file=homes[identifier]))
        problems.append(doc.problem(where, "duplicate-id", message))
        return False
    homes[identifier] = doc.file
    return True


def _check_ref(d: Declared, doc: Document, where: tuple[Any, ...], ref: Ref) -> list[Problem]:
    """The variables of a quantity exist, with the categories named, in one unit."""
    problems: list[Problem] = []
    parts = [(where, ref)] + [(where + ("plus", k), p) for k, p in enumerate(ref.plus)]
    units: set[str] = set()
    for at, part in parts:
        variable = d.variables.get(part.variable)
        if variable is None:
            if part.variable not in d.unchecked:
                problems.append(doc.problem(at + ("variable",), "unknown-variable",
                                            unknown_variable(d, part.variable)))
            continue
        if units and variable.unit not in units:
            problems.append(doc.problem(at + ("variable",), "unit-mismatch", Message(
                            "{id} is in {unit}: only variables in {wanted} can be added here",
                            id=variable.id, unit=repr(variable.unit),
                            wanted=repr(sorted(units)[0]))))
        units.add(variable.unit)
        known = [c.id for c in variable.categories]
        problems += [doc.problem(at + ("categories", k), "unknown-category", Message(
                                 "variable {id} has no category {category}{hint}",
                                 id=repr(variable.id), category=repr(c),
                                 hint=did_you_mean(c, known, CATEGORIES)))
                     for k, c in enumerate(part.categories or []) if c not in known]
    return problems


def check_indicators(d: Declared) -> list[Problem]:
    """Each indicator refers to declared variables and categories, has a breakdown its
    variables allow, and targets it can be judged against."""
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
            problems += _targets(d, doc, where, indicator)
    return problems


UNBOUNDED_PERCENT_KINDS = ("ratio", "change", "difference")
"""Percent kinds that may pass 100 (a ratio of 150 %) or go below 0 (a change): only a share
is a part of a whole."""


def _targets(d: Declared, doc: Document, where: tuple[Any, ...],
             indicator: Indicator) -> list[Problem]:
    """A share's target stays within 0-100 %; a per-category target names a category of the
    indicator's breakdown."""
    problems: list[Problem] = []
    bounded = (d.partial.indicator_unit(indicator) == PERCENT
               and indicator.kind not in UNBOUNDED_PERCENT_KINDS)
    categories = [c.id for c in d.partial.indicator_categories(indicator)]
    for t, target in enumerate(indicator.targets):
        at = where + ("targets", t)
        if bounded and target.value is not None and not 0 <= target.value <= 100:
            problems.append(doc.problem(at + ("value",), "percent-out-of-range", Message(
                            "a target of {percent} is outside 0-100",
                            percent=spelt(target.value) + " %")))
        if target.category is not None and target.category not in categories:
            problems.append(doc.problem(at + ("category",), "unknown-category",
                            Message("{id} has no category {category}{hint}",
                                    id=indicator.id, category=repr(target.category),
                                    hint=did_you_mean(target.category, categories, CATEGORIES))))
    return problems


def _breakdown_shape(d: Declared, doc: Document, where: tuple[Any, ...],
                     indicator: Indicator) -> list[Problem]:
    mode = getattr(indicator, "breakdown", "none")
    names = [getattr(indicator, n).variable for n in ("part", "whole", "numerator",
                                                      "denominator") if hasattr(indicator, n)]
    if mode == "none" or indicator.kind == "contracts" or any(n not in d.variables
                                                               for n in names):
        return []  # an unknown variable is reported once, by `_check_ref`; contracts: a field
    first, second = ((N_("part"), N_("whole")) if indicator.kind == "share"
                     else (N_("numerator"), N_("denominator")))
    if mode == "composition":
        whole = d.variables[indicator.whole.variable]  # type: ignore[union-attr]
        if not whole.categories:
            return [doc.problem(where + ("breakdown",), "missing-categories", Message(
                                "a composition breakdown needs a whole with categories"))]
        return []
    top, bottom = getattr(indicator, first), getattr(indicator, second)
    a, b = d.variables[top.variable], d.variables[bottom.variable]
    # Each category of the part (those it names, else all its variable's) must be in the
    # whole; the two variables need not declare the same list.
    wanted = top.categories or [c.id for c in a.categories]
    offered = set(bottom.categories or [c.id for c in b.categories])
    missing = [c for c in wanted if c not in offered]
    if not a.categories or top.plus or bottom.plus or missing:
        why = (Message("it adds several variables") if top.plus or bottom.plus else
               Message("{id} has no categories", id=repr(a.id)) if not a.categories else
               Message("the {second} lacks {missing}", second=Message(second),
                       missing=", ".join(missing)))
        return [doc.problem(where + ("breakdown",), "missing-categories", Message(
                            "a per-category breakdown needs each category of the {first} in "
                            "the {second} ({why})", first=Message(first),
                            second=Message(second), why=why))]
    return []
