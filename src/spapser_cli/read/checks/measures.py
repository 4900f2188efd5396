"""A year of measures against what the actions declare: units, ranges, parts within wholes."""

from __future__ import annotations

from typing import Any

from spapser_cli.catalog import PERCENT
from spapser_cli.i18n import Message
from spapser_cli.problems import Problem
from spapser_cli.read.checks.declared import (
    CATEGORIES,
    Declared,
    did_you_mean,
    spelt,
    unknown_variable,
)
from spapser_cli.read.checks.references import UNBOUNDED_PERCENT_KINDS
from spapser_cli.read.document import Document
from spapser_cli.read.models import QUANTITATIVE_KINDS, Measures, Ref


def check_year(d: Declared, year_measures: Measures, doc: Document) -> list[Problem]:
    """One year of measures against the declarations: known ids, units, categories, signs,
    percentages, published totals, and parts within their wholes."""
    problems: list[Problem] = []
    for variable_id, measure in year_measures.measures.items():
        at: tuple[Any, ...] = ("measures", variable_id)
        variable = d.variables.get(variable_id)
        if variable is None:
            if variable_id in d.indicators:
                problems.append(doc.problem(at, "indicator-as-variable", Message(
                                "{id}: this is an indicator: put it under `reported:` "
                                "(`measures:` holds the variables it is computed from)",
                                id=variable_id), key=True))
            elif variable_id not in d.unchecked:
                problems.append(doc.problem(at, "unknown-variable",
                                            unknown_variable(d, variable_id), key=True))
            continue
        if measure.unit != variable.unit:
            problems.append(doc.problem(at + ("unit",), "unit-mismatch", Message(
                            "{id} is declared in {declared}, not {given}", id=variable_id,
                            declared=repr(variable.unit), given=repr(measure.unit))))
        known = {c.id for c in variable.categories}
        # A variable with categories may be measured by its total alone (`value:`).
        if not known and measure.values is not None:
            problems.append(doc.problem(at + ("values",), "missing-categories",
                            Message("{id} has no categories: give one `value`", id=variable_id)))
        quantities: list[tuple[tuple[str, ...], float]] = (
            [((), measure.value)] if measure.value is not None else
            [(("values", c), v) for c, v in (measure.values or {}).items()])
        for sub, number in quantities:
            if sub and known and sub[1] not in known:
                problems.append(doc.problem(at + sub, "unknown-category", Message(
                                "{id} has no category {category}{hint}", id=variable_id,
                                category=repr(sub[1]),
                                hint=did_you_mean(sub[1], known, CATEGORIES)), key=True))
            path = at + (sub or ("value",))
            if variable.whole_number and not float(number).is_integer():
                problems.append(doc.problem(path, "not-a-whole-number", Message(
                                "{id} takes whole numbers only ({unit}), not {number}",
                                id=variable_id, unit=variable.unit, number=spelt(number))))
            if number < 0:
                problems.append(doc.problem(path, "negative-quantity", Message(
                                "a quantity cannot be negative ({number} {unit})",
                                number=spelt(number), unit=measure.unit)))
            elif variable.unit == PERCENT and number > 100:
                problems.append(doc.problem(path, "percent-out-of-range",
                                            Message("{number} % is above 100",
                                                    number=spelt(number))))
        if measure.total is not None and measure.values is not None:
            total = sum(measure.values.values())
            if abs(total - measure.total) > 1e-9 * max(1.0, abs(total)):
                problems.append(doc.problem(at + ("total",), "total-mismatch", Message(
                                "the categories add up to {total}, the published total is "
                                "{published}", total=spelt(total),
                                published=spelt(measure.total)), severity="warning"))
    for indicator_id, reported in year_measures.reported.items():
        at = ("reported", indicator_id)
        indicator = d.indicators.get(indicator_id)
        if indicator is None:
            if indicator_id not in d.unchecked:
                hint = (Message(": it is a variable, its measure goes under `measures:`")
                        if indicator_id in d.variables else
                        did_you_mean(indicator_id, d.indicators))
                problems.append(doc.problem(at, "unknown-indicator", Message(
                    "no action declares an indicator {id}{hint}", id=repr(indicator_id),
                    hint=hint), key=True))
            continue
        unit = d.partial.indicator_unit(indicator)
        if reported.unit is not None and reported.unit != unit:
            problems.append(doc.problem(at + ("unit",), "unit-mismatch", Message(
                            "{id} is in {unit}, not {given}", id=indicator_id, unit=repr(unit),
                            given=repr(reported.unit)) if unit else Message(
                            "{id} has no unit ({kind})", id=indicator_id, kind=indicator.kind)))
        known = {c.id for c in d.partial.indicator_categories(indicator)}
        numbers: list[tuple[tuple[str, ...], float]] = (
            [(("value",), reported.value)] if reported.value is not None else [])
        for c, v in reported.breakdown.items():
            numbers.append((("breakdown", c), v))
            if c not in known:
                problems.append(doc.problem(at + ("breakdown", c), "unknown-category",
                                Message("{id} has no category {category}{hint}",
                                        id=indicator_id, category=repr(c),
                                        hint=did_you_mean(c, known, CATEGORIES)), key=True))
        signed = indicator.kind in ("change", "difference")
        bounded = indicator.kind not in UNBOUNDED_PERCENT_KINDS  # a ratio may pass 100 %
        for sub, number in numbers:
            if unit == PERCENT and bounded and not 0 <= number <= 100:
                problems.append(doc.problem(at + sub, "percent-out-of-range", Message(
                                "{percent} is outside 0-100", percent=spelt(number) + " %")))
            elif not signed and number < 0 and indicator.kind in QUANTITATIVE_KINDS:
                problems.append(doc.problem(at + sub, "negative-quantity", Message(
                                "{id} cannot be negative ({number})", id=indicator_id,
                                number=spelt(number))))
    problems += _parts_within_wholes(d, year_measures, doc)
    return problems


def _parts_within_wholes(d: Declared, year_measures: Measures,
                         doc: Document) -> list[Problem]:
    problems: list[Problem] = []
    values = year_measures.measures
    for indicator in d.indicators.values():
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
            pairs = [(None, _ref_sum(values, part), _ref_sum(values, whole))]
        for category, p, w in pairs:
            if p is not None and w is not None and p > w:
                at: tuple[Any, ...] = ("measures", part.variable)
                at += ("values", category) if category else ()
                fields = {"part": part.variable, "value": spelt(p), "whole": whole.variable,
                          "total": spelt(w), "id": indicator.id}
                problems.append(doc.problem(at, "part-exceeds-whole", Message(
                                "{part} for {category} ({value}) exceeds {whole} ({total}), "
                                "its whole in {id}", category=category, **fields) if category
                                else Message("{part} ({value}) exceeds {whole} ({total}), its "
                                             "whole in {id}", **fields)))
    return problems


def _ref_sum(values: dict[str, Any], ref: Ref) -> float | None:
    """The quantity `ref` in one year's measures; None when a part of it is missing (or
    measured by its total only when categories are named)."""
    total = 0.0
    for part in [ref, *ref.plus]:
        measure = values.get(part.variable)
        if measure is None:
            return None
        found = _sum(measure.value if not part.categories or measure.values else None,
                     measure.values, part.categories)
        if found is None:
            return None
        total += found
    return total


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
