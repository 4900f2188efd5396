"""The evaluation plan (`evaluation.plan` of scheme.yaml): which actions are evaluated when.

Unknown actions and years outside the scheme's period are errors. Once every year of a cycle
has its entry, an action evaluated in none of them is a warning: the scheme evaluates each
action once per cycle (« évaluation annuelle des actions par tiers »).
"""

from __future__ import annotations

from spapser_cli.i18n import Message
from spapser_cli.problems import Problem
from spapser_cli.read.checks.declared import Declared


def check_plan(d: Declared) -> list[Problem]:
    evaluation = d.scheme.evaluation
    if evaluation is None or not evaluation.plan:
        return []
    problems: list[Problem] = []
    doc = d.scheme_doc
    period = d.scheme.period
    listed = [c for axis in d.scheme.axes for o in axis.objectives for c in o.actions]
    seen: dict[int, int] = {}
    for i, entry in enumerate(evaluation.plan):
        at = ("evaluation", "plan", i)
        if entry.year in seen:
            problems.append(doc.problem(at + ("year",), "duplicate-id", Message(
                            "the plan gives {year} twice (entries {first} and {second})",
                            year=entry.year, first=seen[entry.year] + 1, second=i + 1)))
        seen.setdefault(entry.year, i)
        if not period.start <= entry.year <= period.end:
            problems.append(doc.problem(at + ("year",), "year-out-of-period", Message(
                            "{year} is outside the scheme's period {start}-{end}",
                            year=entry.year, start=period.start, end=period.end)))
        for k, code in enumerate(entry.actions):
            if code not in listed:
                problems.append(doc.problem(at + ("actions", k), "unknown-action", Message(
                                "the scheme lists no action {code} (actions: {actions})",
                                code=code, actions=", ".join(listed))))
    cycle = evaluation.cycle_years
    by_year = {e.year: set(e.actions) for e in evaluation.plan}
    for start in range(period.start, period.end + 1, cycle):
        years = [y for y in range(start, start + cycle) if y <= period.end]
        if len(years) < cycle or any(y not in by_year for y in years):
            continue  # a cycle not fully planned yet (or cut by the end of the period)
        evaluated = set().union(*(by_year[y] for y in years))
        for code in listed:
            if code not in evaluated:
                problems.append(doc.problem(("evaluation", "plan"), "action-not-evaluated",
                                Message("action {code} is evaluated in none of the years "
                                        "{first}-{last} of the cycle", code=code,
                                        first=years[0], last=years[-1]), severity="warning"))
    return problems
