"""Show the engine's results: terminal tables (rich), JSON and CSV. No computation here."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from typing import TYPE_CHECKING

from .engine import STATUS_LABELS, Result, SeriesReport, YearReport
from .numbers import COUNT_UNIT, format_change, format_number, format_quantity
from .report import format_problem

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
MAX_WIDTH = 120
MILESTONE_LABELS = {"done": "done", "in-progress": "in progress", "not-started": "not started"}


def make_console(*, stderr: bool = False) -> Console:
    """A console no wider than 120 columns; 120 when the output is not a terminal.

    Rich honours NO_COLOR and drops styles when the output is not a terminal."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    width = MAX_WIDTH
    if stream.isatty():
        width = min(shutil.get_terminal_size((MAX_WIDTH, 24)).columns, MAX_WIDTH)
    return Console(stderr=stderr, width=width, highlight=False)


def render_compute(report: YearReport, fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
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
        print_compute_table(report, make_console())


# -- table ---------------------------------------------------------------------------------------


def _status_text(result: Result) -> str:
    label = STATUS_LABELS[result.status]
    style = STATUS_STYLES[result.status]
    return f"[{style}]{label}[/{style}]"


def _target_text(result: Result) -> str:
    target = result.target
    if target is None:
        return ""
    sign = "≥" if target.direction == "at-least" else "≤"
    by = f" by {target.year}" if target.year else ""
    return f"{sign} {format_quantity(target.value, result.unit, exact=True)}{by}"


def _value_text(result: Result) -> str:
    if result.kind == "milestone":
        return MILESTONE_LABELS.get(result.milestone or "", "[dim]n/d[/dim]")
    if result.value is None:
        return "[dim]n/d[/dim]"
    qualifier = {"more-than": "> ", "less-than": "< ", "about": "≈ "}.get(result.qualifier, "")
    exact = result.provenance == "reported"  # show a published figure as it was published
    return qualifier + _cell(result.value, result.unit, exact=exact)


def _cell(value: float | None, unit: str | None, *, exact: bool = False,
          signed: bool = False) -> str:
    """A number in a table cell: only `%` is repeated in cells; other units head the row."""
    if value is None:
        return ""
    text = format_number(value, unit, exact=exact, signed=signed)
    return f"{text} %" if unit == "%" else text


def _change_cell(change: float | None, unit: str | None) -> str:
    if change is None:
        return ""
    text = format_number(change, unit, signed=True)
    return f"{text} pts" if unit == "%" else text


def print_compute_table(report: YearReport, console: Console) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    catalog = report.catalog
    year = report.year
    by_action: dict[str, list[Result]] = {}
    for result in report.results:
        by_action.setdefault(result.action, []).append(result)
    console.print(f"[bold]{escape(catalog.scheme.title)}[/bold] — indicators {year}")
    for axis in catalog.scheme.axes:
        codes = [c for o in axis.objectives for c in o.actions if c in by_action]
        if not codes:
            continue
        console.print(f"[bold]Axe {axis.number} · {escape(axis.title)}[/bold]")
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column("indicator", min_width=44, max_width=46)
        table.add_column(str(year), justify="right", no_wrap=True)
        table.add_column(str(year - 1), justify="right", no_wrap=True)
        table.add_column("change", justify="right", no_wrap=True)
        table.add_column("target", justify="right", no_wrap=True)
        table.add_column("status", no_wrap=True)
        table.add_column("source", no_wrap=True)
        missing: list[Result] = []
        for objective in axis.objectives:
            for code in objective.actions:
                if code not in by_action:
                    continue
                action = catalog.actions[code]
                heading = Text.from_markup(f"[bold]{code} {escape(action.title)}[/bold]",
                                           overflow="ellipsis")
                heading.no_wrap = True
                table.add_row(heading)
                for result in by_action[code]:
                    _add_result_rows(table, result)
                    if result.value is None and result.reason and not result.breakdown:
                        missing.append(result)
        console.print(table)
        if missing:
            console.print("[dim]n/d, why:[/dim]")
            for result in missing:
                console.print(f"[dim]  {escape(result.id)}: {escape(result.reason or '')}[/dim]")
        console.print()
    if report.warnings:
        console.print("[yellow]Warnings[/yellow]")
        for warning in report.warnings:
            console.print("  " + escape(format_problem(warning)), soft_wrap=True)


def _add_result_rows(table: object, result: Result) -> None:
    from rich.markup import escape

    name = f"  {escape(result.id)}"
    if result.unit and result.unit not in ("%", COUNT_UNIT):
        name += f" [dim]({escape(result.unit)})[/dim]"
    if result.value is None and result.reason and result.breakdown:
        name += f"\n    [dim]{escape(result.reason)}[/dim]"
    elif result.text:
        name += f"\n    [dim]{escape(_shorten(result.text, 80))}[/dim]"
    table.add_row(  # type: ignore[attr-defined]
        name, _value_text(result), _cell(result.previous, result.unit),
        _change_cell(result.change, result.unit),
        escape(_target_text(result)), _status_text(result), result.provenance or "")
    for category, value in result.breakdown.items():
        label = result.categories.get(category, category)
        exact = result.provenance == "reported"
        table.add_row(f"    [dim]· {escape(_shorten(label, 50))}[/dim]",  # type: ignore[attr-defined]
                      f"[dim]{_cell(value, result.unit, exact=exact)}[/dim]",
                      "", "", "", "", "")


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# -- CSV -----------------------------------------------------------------------------------------

CSV_COLUMNS = ["year", "axis", "objective", "action", "indicator", "label", "category", "value",
               "unit", "previous", "change", "target", "target_year", "status", "provenance",
               "reason"]


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
        base = [str(report.year), str(action.axis), f"{action.axis}-{action.objective}",
                result.action, result.id, result.label]
        writer.writerow(base + ["", num(result.value), result.unit or "", num(result.previous),
                                num(result.change), num(target.value) if target else "",
                                str(target.year or "") if target else "", result.status,
                                result.provenance or "", result.reason or ""])
        for category, value in result.breakdown.items():
            writer.writerow(base + [category, num(value), result.unit or "", "", "", "", "",
                                    "", result.provenance or "", ""])
    return buffer.getvalue()


# -- series --------------------------------------------------------------------------------------

BAR_WIDTH = 40


def render_series(report: SeriesReport, fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    print_series_table(report, make_console())


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
        position = min(width - 1, round(target / scale_max * width) - 1 if target else 0)
        cells[max(position, 0)] = "│" if cells[max(position, 0)] == " " else "┃"
    return "".join(cells)


def print_series_table(report: SeriesReport, console: Console) -> None:
    from rich.markup import escape
    from rich.table import Table

    unit = report.unit
    indicator = report.indicator
    console.print(f"[bold]{escape(indicator.id)}[/bold] ({report.action}) — "
                  f"{escape(indicator.label)}", soft_wrap=False)
    for target in indicator.targets:
        sign = "≥" if target.direction == "at-least" else "≤"
        by = f" by {target.year}" if target.year else ""
        console.print(f"target {sign} {format_quantity(target.value, unit, exact=True)}{by}: "
                      f"[dim]« {escape(target.text)} »[/dim]")
    if not report.results:
        console.print("[dim]no year has a value for this indicator[/dim]")
        return
    values = [r.value for r in report.results if r.value is not None]
    targets = [t.value for t in indicator.targets]
    scale_max = max([abs(v) for v in values] + targets + [0.0])
    table = Table(expand=False, pad_edge=False, box=None)
    table.add_column("year", justify="right")
    table.add_column("value", justify="right", no_wrap=True)
    table.add_column("change", justify="right", no_wrap=True)
    table.add_column(f"0 … {format_quantity(scale_max, unit)}  (│ target)", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("provenance", no_wrap=True)
    for result in report.results:
        target = result.target.value if result.target else None
        bar = series_bar(result.value, scale_max, target) if result.value is None or \
            result.value >= 0 else ""
        table.add_row(str(result.year), _value_text(result),
                      format_change(result.change, unit), f"[cyan]{bar}[/cyan]",
                      _status_text(result), result.provenance or "")
    console.print(table)
    if report.warnings:
        console.print("[yellow]Warnings[/yellow]")
        for warning in report.warnings:
            console.print("  " + escape(format_problem(warning)), soft_wrap=True)


__all__ = ["render_compute", "render_series", "compute_csv", "series_bar", "format_number"]
