"""Targets: which one applies in a year, and the status of a value against it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from spapser_cli.engine.results import JudgedTarget, Result, Status

if TYPE_CHECKING:
    from spapser_cli.read.models import Target

T = TypeVar("T", "Target", JudgedTarget)


def select_target(targets: Sequence[T], year: int) -> T | None:
    """The target that applies in `year`: the nearest one still ahead (or one without a
    year), else the last one once all have passed."""
    upcoming = [t for t in targets if t.year is None or t.year >= year]
    if upcoming:
        return min(upcoming, key=lambda t: (t.year is None, t.year or 0))
    return max(targets, key=lambda t: t.year or 0) if targets else None


def category_target(result: Result, category: str) -> JudgedTarget | None:
    """The target of one category of `result` that applies in its year, if it has any."""
    return select_target([t for t in result.targets if t.category == category], result.year)


def judge(kind: str, value: float | None, milestone: str | None, year: int,
          target: Target | JudgedTarget | None, baseline_year: int | None,
          baseline_value: float | None,
          due: str | None = None) -> tuple[Status, float | None]:
    """The status of a value against its target, and the trajectory value when relevant.

    Before the target year a value that has not reached the target is judged on the straight
    line from the baseline (« temps 0 ») to the target: on track if at or beyond that line.
    """
    if kind == "milestone":
        if milestone is None:
            return "no-data", None
        if milestone == "done":
            return "met", None
        due_year = int(due[:4]) if due else None
        return ("not-met" if due_year is not None and year >= due_year else "on-track"), None
    if value is None:
        return "no-data", None
    if target is None or target.value is None:  # a relative target not resolved yet
        return "no-target", None
    at_least = target.direction == "at-least"
    if (value >= target.value) if at_least else (value <= target.value):
        return "met", None
    if target.year is None or year >= target.year:
        return "not-met", None
    if baseline_year is None or baseline_value is None or baseline_year > year:
        return "off-track", None
    span = target.year - baseline_year
    expected = baseline_value + (target.value - baseline_value) * (year - baseline_year) / span
    on_track = value >= expected if at_least else value <= expected
    return ("on-track" if on_track else "off-track"), expected
