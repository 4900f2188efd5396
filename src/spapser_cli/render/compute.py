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
    YearReport,
    category_target,
)
from spapser_cli.i18n import N_, _, translate
from spapser_cli.i18n import french as in_french
from spapser_cli.render.formatting import COUNT_UNIT, local_number, printed_decimals
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
MILESTONE_LABELS = {"done": N_("done"), "in-progress": N_("in progress"),
                    "not-started": N_("not started")}
PROVENANCE_LABELS = {"computed": N_("computed"), "reported": N_("reported")}
KIND_LABELS = {  # an indicator's kind as a reader says it (the workbook's words too)
    "value": N_("value"), "difference": N_("difference N − N-1"),
    "change": N_("change N / N-1"), "ratio": N_("ratio"), "share": N_("share"),
    "rate": N_("rate"), "qualitative": N_("qualitative"), "milestone": N_("milestone"),
    "contracts": N_("contracts (register)"),
}
CHANGE_UNITS = {"points": N_("points"), "%": "%"}
QUALIFIERS = {"more-than": "> ", "less-than": "< ", "about": "≈ "}


def status_text(status: str) -> str:
    return _(STATUS_LABELS[status])


def provenance_text(provenance: str | None) -> str:
    return _(PROVENANCE_LABELS[provenance]) if provenance else ""


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
    text = local_number(value, unit, exact=exact, signed=signed)
    return f"{text} %" if unit == "%" else text


def change_text(change: float | None, unit: str | None, *,
                figures: tuple[float | None, ...] = (), exact: bool = False) -> str:
    """`+11 pts`: a change between two figures keeps their printed decimals (53 % and 42 %
    give +11 pts, not +11.0 pts; -8.61 % and 4.18 % give -12.79 pts)."""
    if change is None:
        return ""
    digits = None
    shown = [v for v in figures if v is not None]
    if shown:
        digits = max(printed_decimals(v, unit, exact=exact) for v in shown)
    text = local_number(change, unit, signed=True, digits=digits)
    return _("{change} pts").format(change=text) if unit == "%" else text


def target_text(result: Result, target: JudgedTarget | None = None,
                *, category: bool = True) -> str:
    """`≥ 25 % by 2022`; a relative target adds where it comes from, `(+5 pts on 2021)`; a
    per-category one on the indicator's row names its category."""
    target = target if target is not None else result.target
    if target is None:
        return ""
    sign = "≥" if target.direction == "at-least" else "≤"
    by = _(" by {year}").format(year=target.year) if target.year else ""
    of = f"{target.category} " if category and target.category else ""
    value = (cell_number(target.value, result.unit, exact=True) if target.value is not None
             else _("n/d"))
    relative = ""
    if target.change is not None:
        change = local_number(target.change, None, signed=True, exact=True)
        amount = (_("{change} pts").format(change=change) if target.change_unit == "points"
                  else f"{change} %")
        relative = _(" ({amount} on {year})").format(amount=amount, year=target.reference_year)
    return f"{of}{sign} {value}{by}{relative}"


def value_text(result: Result) -> str:
    if result.kind == "milestone":
        text = _(MILESTONE_LABELS.get(result.milestone or "", N_("n/d")))
        # carried forward: say from when, so that it is not read as reported this year
        return (_("{status} (since {year})").format(status=text, year=result.carried_from)
                if result.carried_from else text)
    if result.value is None:
        return _("n/d")
    qualifier = QUALIFIERS.get(result.qualifier, "")
    exact = result.provenance == "reported"  # a published figure keeps its own decimals
    return qualifier + cell_number(result.value, result.unit, exact=exact)


def status_cell(result: Result) -> Cell:
    return Cell(status_text(result.status), STATUS_STYLES[result.status])


def indicator_heading(result: Result, width: int) -> list[Cell]:
    """The indicator's label as the scheme words it, with its unit, wrapped to the width: it
    leads, on its own lines, the row of figures that the id starts."""
    name = result.label
    notes = [result.unit] if result.unit and result.unit not in ("%", COUNT_UNIT) else []
    if result.cumulative:
        notes.append(_("cumulative"))  # a stock at the end of the year, not the year's flow
    if result.compared_with is not None and result.compared_with != result.year - 1:
        notes.append(_("vs {year}").format(year=result.compared_with))
    if notes:
        name += f" ({', '.join(notes)})"
    if len(name) + 2 <= width:  # most labels: no need for textwrap's regular expressions
        return [Cell(f"  {name}", whole=True)]
    lines = textwrap.wrap(name, max(width, 40), initial_indent="  ", subsequent_indent="    ")
    return [Cell(line, whole=True) for line in lines]


def indicator_id(result: Result) -> Cell:
    """The id, never cut: it is what `spapser series` takes."""
    return Cell(f"    {result.id}", "dim", whole=True)


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
    columns = [Column(_("indicator · id"), "left", flexible=True), Column(str(year)),
               Column(_("previous") if gaps else str(year - 1)), Column(_("change")),
               Column(_("target")), Column(_("status"), "left"),
               Column(_("provenance"), "left")]
    axis_word = catalog.words()[0]
    lines = [paint(catalog.scheme.organisation, "bold"),
             paint(_("{title} — indicators {year}").format(title=catalog.scheme.title,
                                                          year=year), "bold")]
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
                rows += indicator_heading(result, width)
                rows.append([indicator_id(result), value_text(result),
                             previous_text(result, exact, name_year=gaps),
                             change_text(result.change, result.unit, exact=exact,
                                         figures=(result.value, result.previous)),
                             target_text(result), status_cell(result),
                             provenance_text(result.provenance)])
                for category, value in result.breakdown.items():
                    label = result.categories.get(category, category)
                    shown = (_("n/d") if value is None and result.breakdown_reason else
                             cell_number(value, result.unit, exact=exact))
                    row: Row = [Cell(f"      · {label}", "dim"), Cell(shown, "dim")]
                    own = category_target(result, category)
                    if own is not None and own is not result.target:
                        row += ["", "", target_text(result, own, category=False),
                                Cell(status_text(own.status), STATUS_STYLES[own.status])]
                    rows.append(row)
                if (result.value is None and result.reason) or result.breakdown_reason:
                    missing.append(result)
        lines += ["", paint(f"{axis_word} {axis.number} · {axis.title}", "bold")]
        lines += render_table(columns, rows, width=width, paint=paint)
        if missing:
            lines.append(paint(_("n/d, why:"), "dim"))
            for result in missing:
                text = printable(_("{id}: {reason}").format(
                    id=result.id, reason=translate(result.reason or ""))
                    if result.value is None else _("{id} by category: {reason}").format(
                        id=result.id, reason=translate(result.breakdown_reason or "")))
                lines += [paint(part, "dim") for part in
                          textwrap.wrap(text, width, initial_indent="  ",
                                        subsequent_indent="    ")]
    if report.contracts is not None:  # the law's indicators, when the year has contracts
        from spapser_cli.render.contracts import legal_lines

        lines += ["", *legal_lines(report.contracts, width, paint)]
    warnings = [*report.warnings, *(report.contracts.warnings if report.contracts else [])]
    if warnings:
        lines += ["", paint(_("Warnings"), "yellow")]
        if report.contracts is not None:
            from spapser_cli.render.contracts import warning_lines

            lines += ["  " + line for line in warning_lines(warnings)]
        else:
            lines += ["  " + format_problem(w) for w in warnings]
    stream.write("\n".join(lines) + "\n")


# -- CSV -----------------------------------------------------------------------------------------

CSV_COLUMNS = ["year", "axis", "objective", "action", "indicator", "label", "category", "value",
               "qualifier", "unit", "previous", "change", "target", "target_year", "status",
               "provenance", "reason", "previous_year", "compared_with", "cumulative", "buyer"]
# `buyer`: the law's contract indicators (no axis nor action) are given for all the scheme's
# buyers (`all`) and, when it is shared, for each SIRET; empty for the scheme's indicators.
# `csv-fr` is for French spreadsheets: its headers and words are French in every language
# (from the French catalog); plain `csv` keeps the ids, for scripts.
CSV_FR_COLUMNS = {
    "year": N_("year"), "axis": N_("axis"), "objective": N_("objective"),
    "action": N_("action"), "indicator": N_("indicator"), "label": N_("label"),
    "category": N_("category"), "value": N_("value"), "qualifier": N_("qualifier"),
    "unit": N_("unit"), "previous": N_("previous"), "change": N_("change"),
    "target": N_("target"), "target_year": N_("target year"), "status": N_("status"),
    "provenance": N_("provenance"), "reason": N_("reason"), "previous_year": N_("previous year"),
    "compared_with": N_("compared with"), "cumulative": N_("cumulative"), "buyer": N_("buyer"),
}
ALL_BUYERS = N_("all")
YES = {"yes": N_("yes")}
QUALIFIER_WORDS = {"exact": N_("exact"), "more-than": N_("more than"),
                   "less-than": N_("less than"), "about": N_("about")}


def csv_text(text: str) -> str:
    """Text from the data as a spreadsheet shows it, never as a formula: a cell starting with
    = + - @ (or a tab or carriage return) is what Excel executes, so it gets a leading quote."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def compute_csv(report: YearReport, *, french: bool = False) -> str:
    """One row per indicator, then one per breakdown category. `french`: `;` and a decimal
    comma, as French Excel expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if french else ",", lineterminator="\r\n")
    writer.writerow([in_french(CSV_FR_COLUMNS[c]) for c in CSV_COLUMNS] if french else
                    CSV_COLUMNS)

    def word(value: str | None, labels: dict[str, str]) -> str:
        """An id in `csv`; its French word in `csv-fr`."""
        if not value:
            return ""
        return in_french(labels.get(value, value)) if french else value

    def reason(text: str | None) -> str:
        if not text:
            return ""
        return csv_text(translate(text, "fr") if french else text)

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
        qualifier = word(result.qualifier, QUALIFIER_WORDS)
        provenance = word(result.provenance, PROVENANCE_LABELS)
        writer.writerow(base + ["", num(result.value), qualifier, unit,
                                num(result.previous), num(result.change),
                                num(target.value) if target else "",
                                str(target.year or "") if target else "",
                                word(result.status, STATUS_LABELS), provenance,
                                reason(result.reason), str(result.previous_year or ""),
                                str(result.compared_with or ""),
                                word("yes", YES) if result.cumulative else "", ""])
        for category, value in result.breakdown.items():
            own = category_target(result, category)
            writer.writerow(base + [category, num(value), qualifier, unit, "", "",
                                    num(own.value) if own else "",
                                    str(own.year or "") if own else "",
                                    word(own.status, STATUS_LABELS) if own else "", provenance,
                                    reason(result.breakdown_reason) if value is None else "",
                                    "", "", "", ""])
    if report.contracts is not None:
        from spapser_cli.render.contracts import KIND_WORDS, ccag_text

        def legal_category(breakdown: str, key: str) -> str:
            """`kind:clause`, `ccag:Travaux` in `csv`; `critère`, `CCAG Travaux` in `csv-fr`."""
            if not french:
                return csv_text(f"{breakdown}:{key}")
            return csv_text(in_french(KIND_WORDS.get(key, key)) if breakdown == "kind"
                            else ccag_text(key, in_french))

        for scope in report.contracts.scopes:
            buyer = scope.buyer or word("all", {"all": ALL_BUYERS})
            for legal in scope.results:
                figure, aim = legal.figure, legal.target
                base = [str(report.year), "", "", "", figure.id, csv_text(figure.label)]
                unit = csv_text(figure.unit)
                provenance = word("computed", PROVENANCE_LABELS)
                writer.writerow(base + ["", num(figure.value), "", unit, "", "",
                                        num(aim.value) if aim else "",
                                        str(aim.year or "") if aim else "",
                                        word(legal.status, STATUS_LABELS), provenance,
                                        reason(figure.reason), "", "", "", buyer])
                for breakdown, parts in (("kind", figure.by_kind), ("ccag", figure.by_ccag)):
                    for key, value in parts.items():
                        writer.writerow(base + [legal_category(breakdown, key), num(value), "",
                                                unit]
                                        + [""] * 5 + [provenance] + [""] * 4 + [buyer])
    return buffer.getvalue()
