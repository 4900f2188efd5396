"""Show the engine's results: terminal tables, JSON and CSV. No computation here."""

from __future__ import annotations

import csv
import errno
import io
import os
import sys
import textwrap
from typing import IO, TYPE_CHECKING

from spapser_cli.engine import (
    STATUS_LABELS,
    JudgedTarget,
    Result,
    SeriesReport,
    YearReport,
    category_target,
)
from spapser_cli.render.formatting import COUNT_UNIT, format_number
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

if TYPE_CHECKING:
    from rich.console import Console

STATUS_STYLES = {
    "met": "green",
    "on-track": "green",
    "not-met": "red",
    "off-track": "yellow",
    "no-target": "dim",
    "no-data": "dim",
}
MILESTONE_LABELS = {"done": "done", "in-progress": "in progress", "not-started": "not started"}


def make_console(*, stderr: bool = False) -> Console:
    """A Rich console no wider than 120 columns (120 when the output is not a terminal).

    Rich honours NO_COLOR and drops styles when the output is not a terminal."""
    from rich.console import Console

    class ReportingConsole(Console):
        def on_broken_pipe(self) -> None:
            # Rich's own answer is a silent exit 1; the CLI says it in one line, exit 3.
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    stream = sys.stderr if stderr else sys.stdout
    return ReportingConsole(stderr=stderr, width=output_width(stream), highlight=False)


def render_compute(report: YearReport, fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json_text(report.to_dict()) + "\n")
    elif fmt in ("csv", "csv-fr"):
        text = compute_csv(report, french=fmt == "csv-fr")
        if fmt == "csv-fr":  # a BOM so that Excel opens UTF-8 as UTF-8
            sys.stdout.buffer.write(("\ufeff" + text).encode("utf-8"))
            sys.stdout.flush()
        else:
            sys.stdout.write(text)
        for warning in report.warnings:
            print(format_problem(warning), file=sys.stderr)
    else:
        write_compute_table(report, sys.stdout)


# -- cells ---------------------------------------------------------------------------------------


def cell_number(value: float | None, unit: str | None, *, exact: bool = False,
                signed: bool = False) -> str:
    """A number in a table cell: only `%` is repeated in cells; other units head the row."""
    if value is None:
        return ""
    text = format_number(value, unit, exact=exact, signed=signed)
    return f"{text} %" if unit == "%" else text


def change_text(change: float | None, unit: str | None) -> str:
    if change is None:
        return ""
    text = format_number(change, unit, signed=True)
    return f"{text} pts" if unit == "%" else text


def target_text(result: Result, target: JudgedTarget | None = None,
                *, category: bool = True) -> str:
    """`≥ 25 % by 2022`; a relative target adds where it comes from, `(+5 pts on 2021)`; a
    per-category one on the indicator's row names its category."""
    target = target if target is not None else result.target
    if target is None:
        return ""
    sign = "≥" if target.direction == "at-least" else "≤"
    by = f" by {target.year}" if target.year else ""
    of = f"{target.category} " if category and target.category else ""
    value = (cell_number(target.value, result.unit, exact=True) if target.value is not None
             else "n/d")
    relative = ""
    if target.change is not None:
        amount = (f"{target.change:+g} pts" if target.change_unit == "points" else
                  f"{target.change:+g} %")
        relative = f" ({amount} on {target.reference_year})"
    return f"{of}{sign} {value}{by}{relative}"


def value_text(result: Result) -> str:
    if result.kind == "milestone":
        text = MILESTONE_LABELS.get(result.milestone or "", "n/d")
        # carried forward: say from when, so that it is not read as reported this year
        return f"{text} (since {result.carried_from})" if result.carried_from else text
    if result.value is None:
        return "n/d"
    qualifier = {"more-than": "> ", "less-than": "< ", "about": "≈ "}.get(result.qualifier, "")
    exact = result.provenance == "reported"  # a published figure keeps its own decimals
    return qualifier + cell_number(result.value, result.unit, exact=exact)


def status_cell(result: Result) -> Cell:
    return Cell(STATUS_LABELS[result.status], STATUS_STYLES[result.status])


def indicator_name(result: Result) -> Cell:
    """The indicator's id (never cut: it is what `spapser series` takes) and its unit."""
    name = f"  {result.id}"
    notes = [result.unit] if result.unit and result.unit not in ("%", COUNT_UNIT) else []
    if result.cumulative:
        notes.append("cumulative")  # a stock at the end of the year, not the year's flow
    if result.compared_with is not None and result.compared_with != result.year - 1:
        notes.append(f"vs {result.compared_with}")
    if notes:
        name += f" ({', '.join(notes)})"
    return Cell(name, whole=True)


def previous_text(result: Result, exact: bool, *, name_year: bool) -> str:
    text = cell_number(result.previous, result.unit, exact=exact)
    return f"{text} ({result.previous_year})" if text and name_year else text


# -- the year table ------------------------------------------------------------------------------


def write_compute_table(report: YearReport, stream: IO[str]) -> None:
    """Indicators grouped by axis and action; reasons for n/d and warnings below."""
    paint = Painter(use_color(stream))
    width = output_width(stream)
    catalog = report.catalog
    year = report.year
    by_action: dict[str, list[Result]] = {}
    for result in report.results:
        by_action.setdefault(result.action, []).append(result)
    # "Previous" is the last earlier year with a value: when that is not always N-1, the
    # column says "previous" and each cell names its year.
    gaps = any(r.previous_year not in (None, year - 1) for r in report.results)
    columns = [Column("indicator", "left", flexible=True), Column(str(year)),
               Column("previous" if gaps else str(year - 1)), Column("change"),
               Column("target"), Column("status", "left"), Column("provenance", "left")]
    axis_word = catalog.words()[0]
    lines = [paint(f"{catalog.scheme.title} — indicators {year}", "bold")]
    for axis in catalog.scheme.axes:
        codes = [c for o in axis.objectives for c in o.actions if c in by_action]
        if not codes:
            continue
        rows: list[Row | Cell] = []
        missing: list[Result] = []
        for code in codes:
            rows.append(Cell(f"{code} {catalog.actions[code].title}", "bold"))
            for result in by_action[code]:
                exact = result.provenance == "reported"  # published figures keep their decimals
                rows.append([indicator_name(result), value_text(result),
                             previous_text(result, exact, name_year=gaps),
                             change_text(result.change, result.unit), target_text(result),
                             status_cell(result), result.provenance or ""])
                for category, value in result.breakdown.items():
                    label = result.categories.get(category, category)
                    shown = ("n/d" if value is None and result.breakdown_reason else
                             cell_number(value, result.unit, exact=exact))
                    row: Row = [Cell(f"    · {label}", "dim"), Cell(shown, "dim")]
                    own = category_target(result, category)
                    if own is not None and own is not result.target:
                        row += ["", "", target_text(result, own, category=False),
                                Cell(STATUS_LABELS[own.status], STATUS_STYLES[own.status])]
                    rows.append(row)
                if (result.value is None and result.reason) or result.breakdown_reason:
                    missing.append(result)
        lines += ["", paint(f"{axis_word} {axis.number} · {axis.title}", "bold")]
        lines += render_table(columns, rows, width=width, paint=paint)
        if missing:
            lines.append(paint("n/d, why:", "dim"))
            for result in missing:
                text = printable(f"{result.id}: {result.reason}" if result.value is None else
                                 f"{result.id} by category: {result.breakdown_reason}")
                lines += [paint(part, "dim") for part in
                          textwrap.wrap(text, width, initial_indent="  ",
                                        subsequent_indent="    ")]
    if report.contracts is not None:  # the law's indicators, when the year has contracts
        from spapser_cli.render.contracts import legal_lines

        buyers = list(getattr(catalog.scheme, "buyers", None) or [])
        lines += ["", *legal_lines(report.contracts, width, paint, buyers=buyers)]
    warnings = [*report.warnings, *(report.contracts.warnings if report.contracts else [])]
    if warnings:
        lines += ["", paint("Warnings", "yellow")]
        if report.contracts is not None:
            from spapser_cli.render.contracts import warning_lines

            lines += ["  " + line for line in warning_lines(warnings)]
        else:
            lines += ["  " + format_problem(w) for w in warnings]
    stream.write("\n".join(lines) + "\n")


# -- CSV -----------------------------------------------------------------------------------------

CSV_COLUMNS = ["year", "axis", "objective", "action", "indicator", "label", "category", "value",
               "qualifier", "unit", "previous", "change", "target", "target_year", "status",
               "provenance", "reason", "previous_year", "compared_with", "cumulative"]


def csv_text(text: str) -> str:
    """Text from the data as a spreadsheet shows it, never as a formula: a cell starting with
    = + - @ (or a tab or carriage return) is what Excel executes, so it gets a leading quote."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def compute_csv(report: YearReport, *, french: bool = False) -> str:
    """One row per indicator, then one per breakdown category. `french`: `;` and a decimal
    comma, as French Excel expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if french else ",", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)

    def num(value: float | None) -> str:
        if value is None:
            return ""
        text = repr(round(value, 6)) if not float(value).is_integer() else str(int(value))
        return text.replace(".", ",") if french else text

    catalog = report.catalog
    for result in report.results:
        action = catalog.actions[result.action]
        target = result.target
        unit = csv_text(result.unit or "")
        base = [str(report.year), str(action.axis), f"{action.axis}-{action.objective}",
                result.action, result.id, csv_text(result.label)]
        writer.writerow(base + ["", num(result.value), result.qualifier, unit,
                                num(result.previous), num(result.change),
                                num(target.value) if target else "",
                                str(target.year or "") if target else "", result.status,
                                result.provenance or "", csv_text(result.reason or ""),
                                str(result.previous_year or ""),
                                str(result.compared_with or ""),
                                "yes" if result.cumulative else ""])
        for category, value in result.breakdown.items():
            own = category_target(result, category)
            writer.writerow(base + [category, num(value), result.qualifier, unit, "", "",
                                    num(own.value) if own else "",
                                    str(own.year or "") if own else "",
                                    own.status if own else "", result.provenance or "",
                                    csv_text(result.breakdown_reason or "")
                                    if value is None else "", "", "", ""])
    return buffer.getvalue()


# -- series --------------------------------------------------------------------------------------

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
    lines = [paint(f"{indicator.id} ({report.action}) — {indicator.label}", "bold")]
    judged = report.results[-1].targets if report.results else ()
    for i, target in enumerate(indicator.targets):
        shown = target_text(report.results[-1], judged[i]) if judged else ""
        if not shown:
            sign = "≥" if target.direction == "at-least" else "≤"
            by = f" by {target.year}" if target.year else ""
            value = (cell_number(target.value, unit, exact=True) if target.value is not None
                     else f"{target.change:+g} {target.change_unit} on {target.reference_year}")
            shown = f"{sign} {value}{by}"
        lines += textwrap.wrap(printable(f"target {shown}: « {target.text} »"), width,
                               subsequent_indent="  ")
    if not report.results:
        lines.append("no year has a value for this indicator")
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
    columns = [Column("year", "left"), Column("value"), Column("change"),
               Column(f"0 … {cell_number(scale_max, unit)} (│ target)", "left"),
               Column("status", "left"), Column("provenance", "left")]
    rows: list[Row | Cell] = []
    for result in report.results:
        target_value = result.target.value if result.target else None
        bar = series_bar(result.value, scale_max, target_value) if (result.value or 0) >= 0 \
            else ""
        rows.append([str(result.year), value_text(result), change_text(result.change, unit),
                     Cell(bar, "cyan"), status_cell(result), result.provenance or ""])
    lines += [""] + render_table(columns, rows, width=width, paint=paint)
    if report.warnings:
        lines += ["", paint("Warnings", "yellow")]
        lines += ["  " + format_problem(w) for w in report.warnings]
    stream.write("\n".join(lines) + "\n")


def breakdown_series_lines(report: SeriesReport, width: int, paint: Painter) -> list[str]:
    """A year × category table, for an indicator known only by its breakdown."""
    categories: dict[str, str] = {}
    for result in report.results:
        for category in result.breakdown:
            categories.setdefault(category, result.categories.get(category, category))
    columns = [Column("year", "left")] + [Column(c) for c in categories] + [
        Column("provenance", "left")]
    rows: list[Row | Cell] = [
        [str(r.year), *(cell_number(r.breakdown.get(c), report.unit,
                                    exact=r.provenance == "reported") for c in categories),
         r.provenance or ""] for r in report.results]
    unit = f" ({report.unit})" if report.unit and report.unit != COUNT_UNIT else ""
    legend = [paint(f"by category{unit}, no overall value published:", "dim")]
    legend += [paint(f"  {c}: {label}", "dim") for c, label in categories.items()]
    return legend + render_table(columns, rows, width=width, paint=paint)
