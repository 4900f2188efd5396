"""A year's `not_measured` entries: figures recorded as not existing (`NC` in a collection
file). Each names a declared variable or indicator, and never one that has a value."""

from __future__ import annotations

from typing import Any

from spapser_cli.i18n import Message
from spapser_cli.problems import Problem
from spapser_cli.read.checks.declared import CATEGORIES, Declared
from spapser_cli.read.document import Document
from spapser_cli.read.models import Measures


def check_not_measured(d: Declared, year_measures: Measures, doc: Document) -> list[Problem]:
    problems: list[Problem] = []
    for i, entry in enumerate(year_measures.not_measured):
        at: tuple[Any, ...] = ("not_measured", i)
        if entry.variable is not None:
            variable = d.variables.get(entry.variable)
            if variable is None:
                problems.append(doc.problem(at + ("variable",), "unknown-variable", Message(
                                "no action declares a variable {name}{hint}",
                                name=repr(entry.variable), hint="")))
                continue
            known = [c.id for c in variable.categories]
            measure = year_measures.measures.get(entry.variable)
            held = measure is not None and (
                (measure.values or {}).get(entry.category) is not None if entry.category
                else True)
            name = entry.variable
        else:
            indicator = d.indicators.get(entry.indicator or "")
            if indicator is None:
                problems.append(doc.problem(at + ("indicator",), "unknown-indicator", Message(
                                "no action declares an indicator {id}{hint}",
                                id=repr(entry.indicator), hint="")))
                continue
            known = [c.id for c in d.partial.indicator_categories(indicator)]
            reported = year_measures.reported.get(indicator.id)
            held = reported is not None and (
                entry.category in reported.breakdown if entry.category
                else reported.value is not None or reported.status is not None
                or reported.text is not None)
            name = indicator.id
        if entry.category is not None and entry.category not in known:
            problems.append(doc.problem(at + ("category",), "unknown-category", Message(
                            "{id} has no category {category}{hint}", id=name,
                            category=repr(entry.category),
                            hint=Message(" ({what}: {known})", what=Message(CATEGORIES),
                                         known=", ".join(known) or Message("none")))))
        elif held:
            what = f"{name}.{entry.category}" if entry.category else name
            problems.append(doc.problem(at, "invalid-value", Message(
                            "{what} has a value this year and is also recorded as not "
                            "measured: keep one", what=what)))
    return problems
