"""The scheme's axes and objectives, and where each action sheet sits in them."""

from __future__ import annotations

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
                found = d.actions.get(code)
                if found is None and code not in d.unchecked.codes:
                    problems.append(doc.problem(at, "missing-action", f"action {code} has "
                                    f"no file actions/{code}.yaml"))
                elif found is not None and (found[0].axis, found[0].objective) != (
                        axis.number, objective.number):
                    problems.append(doc.problem(at, "objective-mismatch", f"action {code} "
                                    f"is listed under objective {axis.number}-"
                                    f"{objective.number}, but its sheet {found[1].file} says "
                                    f"axis {found[0].axis}, objective {found[0].objective}"))
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
            problems.append(doc.problem(("axis",), "unknown-axis", f"axis {action.axis} "
                            f"does not exist in the scheme (axes: {numbers})"))
            continue
        if d.partial.objective(action.axis, action.objective) is None:
            numbers = ", ".join(str(o.number) for o in axis.objectives)
            problems.append(doc.problem(("objective",), "unknown-objective",
                            f"axis {action.axis} has no objective {action.objective} "
                            f"(objectives: {numbers})"))
            continue
        if code not in d.listed:
            problems.append(doc.problem(("code",), "unlisted-action", f"action {code} is "
                            f"not listed under objective {action.axis}-{action.objective} "
                            "in scheme.yaml"))
        elif d.listed[code] != (action.axis, action.objective):
            a, o = d.listed[code]
            field = "axis" if a != action.axis else "objective"
            problems.append(doc.problem((field,), "objective-mismatch", f"scheme.yaml "
                            f"lists {code} under objective {a}-{o}, not "
                            f"{action.axis}-{action.objective}"))
    return problems
