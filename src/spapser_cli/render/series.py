"""Show one indicator across the years (`spapser series`): a table with a bar per year, or JSON.

No computation here; the cells are spelt as in the `compute` table (`render.compute`)."""

from __future__ import annotations

import sys
import textwrap
from typing import IO

from spapser_cli.engine import (
    SeriesReport,
)
from spapser_cli.i18n import _
from spapser_cli.render.compute import (
    CHANGE_UNITS,
    cell_number,
    change_text,
    provenance_text,
    status_cell,
    target_text,
    value_text,
)
from spapser_cli.render.formatting import COUNT_UNIT, local_number
from spapser_cli.render.plaintable import (
    Cell,
    Column,
    Painter,
    Row,
    output_width,
    render_table,
    use_color,
)
from spapser_cli.render.problems import format_problem
from spapser_cli.render.terminal import json_text, printable

BAR_WIDTH = 40


def render_series(report: SeriesReport, fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json_text(report.to_dict()) + "\n")
        return
    write_series_table(report, sys.stdout)


def series_bar(value: float | None, scale_max: float, target: float | None,
               width: int = BAR_WIDTH) -> str:
    """A horizontal bar of `value` on a 0..scale_max axis, with `│` where the target stands."""
    cells = [" "] * width
    if value is not None and scale_max > 0 and value > 0:
        eighths = round(value / scale_max * width * 8)
        full, rest = divmod(min(eighths, width * 8), 8)
        for i in range(full):
            cells[i] = "█"
        if rest and full < width:
            cells[full] = " ▏▎▍▌▋▊▉"[rest]
    if target is not None and scale_max > 0 and 0 <= target <= scale_max:
        position = max(min(width - 1, round(target / scale_max * width) - 1), 0)
        cells[position] = "│" if cells[position] == " " else "┃"
    return "".join(cells)


def write_series_table(report: SeriesReport, stream: IO[str]) -> None:
    paint = Painter(use_color(stream))
    width = output_width(stream)
    unit = report.unit
    indicator = report.indicator
    lines = [paint(report.catalog.scheme.organisation, "bold"),
             paint(f"{indicator.label} — {indicator.id} ({report.action})", "bold")]
    judged = report.results[-1].targets if report.results else ()
    for i, target in enumerate(indicator.targets):
        shown = target_text(report.results[-1], judged[i]) if judged else ""
        if not shown:
            sign = "≥" if target.direction == "at-least" else "≤"
            by = _(" by {year}").format(year=target.year) if target.year else ""
            value = (cell_number(target.value, unit, exact=True) if target.value is not None
                     else _("{change} {unit} on {year}").format(
                         change=local_number(target.change, None, signed=True, exact=True),
                         unit=_(CHANGE_UNITS.get(target.change_unit, "%")),
                         year=target.reference_year))
            shown = f"{sign} {value}{by}"
        lines += textwrap.wrap(printable(_("target {target}: « {text} »").format(
            target=shown, text=target.text)), width, subsequent_indent="  ")
    if not report.results:
        lines.append(_("no year has a value for this indicator"))
        stream.write("\n".join(lines) + "\n")
        return
    values = [r.value for r in report.results if r.value is not None]
    if not values:  # only a breakdown was published (litres per 100 km by fuel...)
        lines += [""] + breakdown_series_lines(report, width, paint)
        stream.write("\n".join(lines) + "\n")
        return
    thresholds = [t.value for r in report.results for t in r.targets
                  if t.value is not None and t.category is None]
    scale_max = max([abs(v) for v in values] + thresholds + [0.0])
    # the scale's end spelt as its values are: 53 %, not 53.0 %, when all were published
    scale_text = cell_number(scale_max, unit,
                             exact=all(r.provenance == "reported" for r in report.results))
    columns = [Column(_("year"), "left"), Column(_("value")), Column(_("change")),
               Column(_("0 … {max} (│ target)").format(max=scale_text), "left"),
               Column(_("status"), "left"), Column(_("provenance"), "left")]
    rows: list[Row | Cell] = []
    for result in report.results:
        target_value = result.target.value if result.target else None
        bar = series_bar(result.value, scale_max, target_value) if (result.value or 0) >= 0 \
            else ""
        exact = result.provenance == "reported"
        rows.append([str(result.year), value_text(result),
                     change_text(result.change, unit, exact=exact,
                                 figures=(result.value, result.previous)),
                     Cell(bar, "cyan"), status_cell(result), provenance_text(result.provenance)])
    lines += [""] + render_table(columns, rows, width=width, paint=paint)
    if report.warnings:
        lines += ["", paint(_("Warnings"), "yellow")]
        lines += ["  " + format_problem(w) for w in report.warnings]
    stream.write("\n".join(lines) + "\n")


def breakdown_series_lines(report: SeriesReport, width: int, paint: Painter) -> list[str]:
    """A year × category table, for an indicator known only by its breakdown."""
    categories: dict[str, str] = {}
    for result in report.results:
        for category in result.breakdown:
            categories.setdefault(category, result.categories.get(category, category))
    columns = [Column(_("year"), "left")] + [Column(c) for c in categories] + [
        Column(_("provenance"), "left")]
    rows: list[Row | Cell] = [
        [str(r.year), *(cell_number(r.breakdown.get(c), report.unit,
                                    exact=r.provenance == "reported") for c in categories),
         provenance_text(r.provenance)] for r in report.results]
    unit = f" ({report.unit})" if report.unit and report.unit != COUNT_UNIT else ""
    legend = [paint(_("by category{unit}, no overall value published:").format(unit=unit),
                    "dim")]
    legend += [paint(f"  {c}: {label}", "dim") for c, label in categories.items()]
    return legend + render_table(columns, rows, width=width, paint=paint)
