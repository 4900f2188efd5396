"""Published figures against computed ones: a gap beyond tolerance is a `reported-gap` warning.

The tolerance is the one stated (on the reported entry, else on the indicator); otherwise half
a unit of the last decimal the figure is printed with (53 → ±0.5, 28.3 → ±0.05, 54.62 →
±0.005), which is how any published figure was rounded.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from spapser_cli.catalog import Catalog
from spapser_cli.problems import Problem

if TYPE_CHECKING:  # at run time these are plain records with the same fields (see `records`)
    from spapser_cli.read.models import Indicator, Reported

DEFAULT_TOLERANCE = 0.05
"""The tolerance of a published figure whose printed spelling is unknown (it was not read from
a YAML file): half a unit of the first decimal."""

ABOUT_TOLERANCE = 0.10
"""A value reported as « about » (« proche de ») is accepted within 10 % of the computed one."""


def printed_tolerance(number: Any) -> float:
    """Half a unit of the last printed decimal: 53 → 0.5, 28.3 → 0.05, 54.62 → 0.005.

    `number` is the value as the YAML reader parsed it, so an integer is still an integer. A
    float's shortest spelling is its printed one, except for trailing zeros (`28.30` reads
    as 28.3): state a tolerance for those.

    >>> printed_tolerance(53), printed_tolerance(28.3), printed_tolerance(54.62)
    (0.5, 0.05, 0.005)
    """
    if isinstance(number, bool) or not isinstance(number, int | float):
        return DEFAULT_TOLERANCE
    if isinstance(number, int):
        return 0.5
    exponent = Decimal(repr(number)).as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return float(Decimal(5).scaleb(-decimals - 1))


def reported_gap(catalog: Catalog, indicator: Indicator, year: int, value: float | None,
                 breakdown: dict[str, float | None], reported: Reported) -> Problem | None:
    """The warning for a computed value (or category) that departs from the published one."""
    stated = reported.tolerance if reported.tolerance is not None else indicator.tolerance
    file = catalog.measures_files.get(year)
    doc = catalog.documents.get(file) if file else None
    printed = _entry(doc.data if doc is not None else None, indicator.id)
    pairs: list[tuple[tuple[str, ...], float | None, float]] = []
    if reported.value is not None:
        pairs.append((("value",), value, reported.value))
    for category, published in reported.breakdown.items():
        pairs.append((("breakdown", category), breakdown.get(category), published))
    gaps = []
    for path, computed, published in pairs:
        if computed is None:
            continue
        tolerance = (stated if stated is not None else
                     printed_tolerance(_dig(printed, path, published)))
        if not _agrees(computed, published, reported.qualifier, tolerance):
            where = "" if path == ("value",) else f" for {path[1]}"
            gaps.append((path, f"{indicator.id} in {year}{where}: computed {computed:.4g}, "
                         f"reported {_qualified(published, reported.qualifier)} "
                         f"(tolerance {tolerance:g})"))
    if not gaps:
        return None
    path, message = gaps[0]
    if len(gaps) > 1:
        message += f"; and {len(gaps) - 1} other gap(s)"
    at = ("reported", indicator.id) + path
    return (doc.problem(at, "reported-gap", message, severity="warning") if doc else
            Problem(file or "", "reported-gap", message, severity="warning"))


def _entry(data: Any, indicator_id: str) -> Any:
    """The reported entry as parsed, before the models turned its numbers into floats."""
    reported = data.get("reported") if isinstance(data, dict) else None
    return reported.get(indicator_id) if isinstance(reported, dict) else None


def _dig(data: Any, path: tuple[str, ...], default: float) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return default
        data = data[key]
    return data


def _agrees(computed: float, published: float, qualifier: str, tolerance: float) -> bool:
    if qualifier == "more-than":
        return computed >= published - tolerance
    if qualifier == "less-than":
        return computed <= published + tolerance
    if qualifier == "about":
        return abs(computed - published) <= max(tolerance, ABOUT_TOLERANCE * abs(published))
    return abs(computed - published) <= tolerance + 1e-9


def _qualified(value: float, qualifier: str) -> str:
    prefix = {"more-than": "more than ", "less-than": "less than ", "about": "about "}
    return f"{prefix.get(qualifier, '')}{value:g}"
