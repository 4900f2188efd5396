"""The scheme's axes and objectives, and where each action sheet sits in them."""

from __future__ import annotations

from spapser_cli.i18n import Message
from spapser_cli.problems import Problem
from spapser_cli.read.checks.declared import Declared


def check_scheme(d: Declared) -> list[Problem]:
    """Axes and objectives numbered once, each action listed once, with a file of its own
    that names the objective it is listed under (codes are the organisation's own: their
    digits mean nothing)."""
    problems: list[Problem] = []
    doc = d.scheme_doc
    seen_axes: set[int] = set()
    listed: dict[str, tuple[int, int]] = {}
    for i, axis in enumerate(d.scheme.axes):
        if axis.number in seen_axes:
            problems.append(doc.problem(("axes", i, "number"), "duplicate-id",
                                        Message("axis {number} is defined twice",
                                                number=axis.number)))
        seen_axes.add(axis.number)
        seen_objectives: set[int] = set()
        for j, objective in enumerate(axis.objectives):
            where = ("axes", i, "objectives", j)
            if objective.number in seen_objectives:
                problems.append(doc.problem(where + ("number",), "duplicate-id",
                                Message("objective {axis}-{number} is defined twice",
                                        axis=axis.number, number=objective.number)))
            seen_objectives.add(objective.number)
            for k, code in enumerate(objective.actions):
                at = where + ("actions", k)
                if code in listed:
                    problems.append(doc.problem(at, "duplicate-id", Message(
                                    "action {code} is listed under two objectives", code=code)))
                    continue
                listed[code] = (axis.number, objective.number)
                found = d.actions.get(code)
                if found is None and code not in d.unchecked.codes:
                    problems.append(doc.problem(at, "missing-action", Message(
                                    "action {code} has no file actions/{code}.yaml",
                                    code=code)))
                elif found is not None and (found[0].axis, found[0].objective) != (
                        axis.number, objective.number):
                    problems.append(doc.problem(at, "objective-mismatch", Message(
                                    "action {code} is listed under objective {axis}-{number}, "
                                    "but its sheet {file} says axis {its_axis}, objective "
                                    "{its_objective}", code=code, axis=axis.number,
                                    number=objective.number, file=found[1].file,
                                    its_axis=found[0].axis, its_objective=found[0].objective)))
    d.listed.update(listed)
    return problems


def check_placement(d: Declared) -> list[Problem]:
    """Each action sheet names an axis and objective of the scheme, and the scheme lists it
    there."""
    problems: list[Problem] = []
    for code, (action, doc) in sorted(d.actions.items()):
        axis = d.partial.axis(action.axis)
        if axis is None:
            numbers = ", ".join(str(a.number) for a in d.scheme.axes)
            problems.append(doc.problem(("axis",), "unknown-axis", Message(
                            "axis {axis} does not exist in the scheme (axes: {numbers})",
                            axis=action.axis, numbers=numbers)))
            continue
        if d.partial.objective(action.axis, action.objective) is None:
            numbers = ", ".join(str(o.number) for o in axis.objectives)
            problems.append(doc.problem(("objective",), "unknown-objective", Message(
                            "axis {axis} has no objective {objective} (objectives: {numbers})",
                            axis=action.axis, objective=action.objective, numbers=numbers)))
            continue
        if code not in d.listed:
            problems.append(doc.problem(("code",), "unlisted-action", Message(
                            "action {code} is not listed under objective {axis}-{objective} "
                            "in scheme.yaml", code=code, axis=action.axis,
                            objective=action.objective)))
        elif d.listed[code] != (action.axis, action.objective):
            a, o = d.listed[code]
            field = "axis" if a != action.axis else "objective"
            problems.append(doc.problem((field,), "objective-mismatch", Message(
                            "scheme.yaml lists {code} under objective {axis}-{objective}, not "
                            "{its_axis}-{its_objective}", code=code, axis=a, objective=o,
                            its_axis=action.axis, its_objective=action.objective)))
    return problems
