"""Show one indicator across the years (`spapser series`): a table with a bar per year, or JSON.

Everything the data holds is shown: every year of the range (an n/d year with its reason), a
milestone's state and a qualitative indicator's text per year, and the per-category values
of every year that has them, whether or not a total was published. No computation here; the
cells are spelt as in the `compute` table (`render.compute`)."""

from __future__ import annotations

import sys
import textwrap
from typing import IO

from spapser_cli.engine import Result, SeriesReport
from spapser_cli.i18n import _, translate
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
    lines = heading_lines(report, width, paint)
    results = report.results
    if not results:
        years = report.catalog.years
        lines.append(_("no year of the data folder is in this range (its years: {years})")
                     .format(years=f"{years[0]}–{years[-1]}" if years else "—"))
    else:
        if report.indicator.kind in ("milestone", "qualitative"):
            lines += [""] + words_lines(report, width, paint)
        elif any(r.value is not None for r in results):
            lines += [""] + value_lines(report, width, paint)
        if any(r.breakdown for r in results):
            lines += [""] + breakdown_lines(report, width, paint)
        lines += missing_lines(results, width, paint)
    if report.warnings:
        lines += ["", paint(_("Warnings"), "yellow")]
        lines += ["  " + format_problem(w) for w in report.warnings]
    stream.write("\n".join(lines) + "\n")


def has_data(result: Result) -> bool:
    return (result.value is not None or result.text is not None
            or result.milestone is not None
            or any(v is not None for v in result.breakdown.values()))


def heading_lines(report: SeriesReport, width: int, paint: Painter) -> list[str]:
    """The organisation, the indicator (label first), its targets and a milestone's due date."""
    indicator, unit = report.indicator, report.unit
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
    due = getattr(indicator, "due", None)
    if due:
        lines.append(_("due: {date}").format(date=due))
    return lines


def value_lines(report: SeriesReport, width: int, paint: Painter) -> list[str]:
    """Year, value, change, a bar against the target, status, provenance: every year."""
    unit, results = report.unit, report.results
    values = [r.value for r in results if r.value is not None]
    thresholds = [t.value for r in results for t in r.targets
                  if t.value is not None and t.category is None]
    scale_max = max([abs(v) for v in values] + thresholds + [0.0])
    # the scale's end spelt as its values are: 53 %, not 53.0 %, when all were published
    scale_text = cell_number(scale_max, unit, exact=all(
        r.provenance == "reported" for r in results if r.value is not None))
    columns = [Column(_("year"), "left"), Column(_("value")), Column(_("change")),
               Column(_("0 … {max} (│ target)").format(max=scale_text), "left"),
               Column(_("status"), "left"), Column(_("provenance"), "left")]
    rows: list[Row | Cell] = []
    for result in results:
        target_value = result.target.value if result.target else None
        bar = series_bar(result.value, scale_max, target_value) if (result.value or 0) >= 0 \
            else ""
        exact = result.provenance == "reported"
        rows.append([str(result.year), value_text(result),
                     change_text(result.change, unit, exact=exact,
                                 figures=(result.value, result.previous)),
                     Cell(bar, "cyan"), status_cell(result), provenance_text(result.provenance)])
    return render_table(columns, rows, width=width, paint=paint)


def words_lines(report: SeriesReport, width: int, paint: Painter) -> list[str]:
    """A milestone's state or a qualitative indicator's assessment, year by year, with the
    text reported for it."""
    columns = [Column(_("year"), "left"), Column(_("state"), "left"),
               Column(_("status"), "left"), Column(_("provenance"), "left"),
               Column(_("text"), "left", flexible=True)]
    rows: list[Row | Cell] = [
        [str(r.year), value_text(r) if report.indicator.kind == "milestone"
         else (_("assessed") if r.text else _("n/d")),
         status_cell(r), provenance_text(r.provenance), r.text or ""] for r in report.results]
    return render_table(columns, rows, width=width, paint=paint)


def breakdown_lines(report: SeriesReport, width: int, paint: Painter) -> list[str]:
    """A year × category table of every year (n/d where a category has no value), with the
    year's overall value when one exists: the categories never vanish behind a total."""
    categories: dict[str, str] = {}
    for result in report.results:
        for category in result.breakdown:
            categories.setdefault(category, result.categories.get(category, category))
    totals = any(r.value is not None for r in report.results)
    columns = [Column(_("year"), "left"), *(Column(c) for c in categories)]
    if totals:
        columns.append(Column(_("overall")))
    else:  # the only table: it carries the status and provenance
        columns += [Column(_("status"), "left"), Column(_("provenance"), "left")]
    rows: list[Row | Cell] = []
    for r in report.results:
        exact = r.provenance == "reported"
        row: Row = [str(r.year)]
        row += [cell_number(r.breakdown[c], report.unit, exact=exact)
                if r.breakdown.get(c) is not None else _("n/d") for c in categories]
        if totals:
            row.append(value_text(r))
        else:
            row += [status_cell(r), provenance_text(r.provenance)]
        rows.append(row)
    unit = f" ({report.unit})" if report.unit and report.unit != COUNT_UNIT else ""
    title = (_("by category{unit}:") if totals else
             _("by category{unit}, no overall value published:")).format(unit=unit)
    legend = [paint(title, "dim")]
    legend += [paint(f"  {c}: {label}", "dim") for c, label in categories.items()]
    return legend + render_table(columns, rows, width=width, paint=paint)


def missing_lines(results: list[Result], width: int, paint: Painter) -> list[str]:
    """Why each n/d is n/d: the year's reason, and the categories' own."""
    notes = []
    for r in results:
        if r.reason and not has_data(r):
            notes.append(_("{year}: {reason}").format(year=r.year, reason=translate(r.reason)))
        if r.breakdown_reason:
            notes.append(_("{year} by category: {reason}").format(
                year=r.year, reason=translate(r.breakdown_reason)))
    if not notes:
        return []
    lines = [paint(_("n/d, why:"), "dim")]
    for note in notes:
        lines += [paint(part, "dim") for part in textwrap.wrap(
            printable(note), width, initial_indent="  ", subsequent_indent="    ")]
    return lines
