"""Output of the contract register: the law's indicators (table, CSV, JSON), the per-buyer
observatory table, and the contracts without an environmental consideration.

Renderers never compute: they read `engine.contracts.ContractsReport` and the frames the
contracts package gives.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections import Counter
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

from spapser_cli.engine.results import STATUS_LABELS, json_number
from spapser_cli.render.formatting import format_number
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

if TYPE_CHECKING:
    import pandas as pd

    from spapser_cli.engine.contracts import ContractsReport, LegalResult, LegalScope
    from spapser_cli.problems import Problem

# What the user reads, in one place (for the later gettext catalogs).
TEXT = {
    "title": "Contracts notified in {year}: the law's indicators (L.2111-3, « en nombre de "
             "contrats ou en valeur »)",
    "read": "{kept} contract(s) from {files} file(s); {duplicates} republication(s) removed",
    "all": "All buyers of the scheme",
    "everyone": "All buyers of the register",
    "buyer": "Buyer {siret}",
    "value_note": "Value shares are over the « montant forfaitaire ou estimé maximum HT » of "
                  "the contracts (modifications applied), not over spending; amounts of 10 "
                  "billion euros or more are left out of them.",
    "missing_title": "Contracts notified on or after {since} without an environmental "
                     "consideration",
    "proxy": "DECP has no consultation launch date: the notification date stands for it.",
    "none_missing": "none",
    "more_warnings": "… and {more} more warning(s); `spapser validate` lists them all",
}
SHARE_BREAKDOWN_LABELS = {"clause": "clause", "criterion": "criterion", "reserved": "reserved"}
WARNINGS_SHOWN = 20


def _unit_text(value: float | None, unit: str) -> str:
    if value is None:
        return "n/d"
    if unit == "%":
        return f"{format_number(value, '%')} %"
    if unit == "€ HT":
        return f"{format_number(round(value, 2))} € HT"
    return format_number(value)


def _target_text(result: LegalResult) -> str:
    target = result.target
    if target is None:
        return ""
    sign = "≥" if target.direction == "at-least" else "≤"
    return f"{sign} {format_number(target.value, '%')} % by {target.year}" if target.year \
        else f"{sign} {format_number(target.value, '%')} %"


def _status_cell(result: LegalResult) -> Cell:
    style = {"met": "green", "on-track": "green", "not-met": "red", "off-track": "red"}
    return Cell(STATUS_LABELS[result.status], style.get(result.status))


def _scope_title(scope: LegalScope, shared: bool) -> str:
    if scope.buyer is not None:
        return TEXT["buyer"].format(siret=scope.buyer)
    return TEXT["all"] if shared else TEXT["everyone"]


def legal_lines(report: ContractsReport, width: int, paint: Painter, *,
                buyers: Sequence[str] = ()) -> list[str]:
    """The legal indicators as table lines, one table per scope."""
    kept = int(report.overall.results[0].figure.value or 0)
    lines = [paint(TEXT["title"].format(year=report.year), "bold"),
             paint(TEXT["read"].format(kept=kept, files=len(report.files),
                                       duplicates=report.duplicates), "dim")]
    columns = [Column("indicator", "left", flexible=True), Column("basis", "left"),
               Column(str(report.year)), Column("part / whole"), Column("target"),
               Column("status", "left")]
    for scope in report.scopes:
        rows: list[Row | Cell] = []
        for result in scope.results:
            figure = result.figure
            ratio = ""
            if figure.part is not None and figure.whole is not None:
                unit = "€ HT" if figure.basis == "value" else "contrats"
                ratio = (f"{_unit_text(figure.part, unit)} / {_unit_text(figure.whole, unit)}"
                         if figure.basis == "value" else
                         f"{format_number(figure.part)} / {format_number(figure.whole)}")
            rows.append([Cell(figure.id, whole=True), figure.basis,
                         _unit_text(figure.value, figure.unit), ratio, _target_text(result),
                         _status_cell(result)])
            for kind, value in figure.by_kind.items():
                rows.append([Cell(f"    · {SHARE_BREAKDOWN_LABELS.get(kind, kind)}", "dim"), "",
                             Cell(_unit_text(value, figure.unit), "dim")])
            for ccag, value in figure.by_ccag.items():
                rows.append([Cell(f"    · ccag {ccag}", "dim"), "",
                             Cell(_unit_text(value, figure.unit), "dim")])
        lines += ["", paint(_scope_title(scope, bool(buyers)), "bold")]
        lines += render_table(columns, rows, width=width, paint=paint)
    lines += ["", paint(TEXT["value_note"], "dim")]
    return lines


def missing_lines(report: ContractsReport, width: int, paint: Painter) -> list[str]:
    from spapser_cli.contracts.vocabulary import OBLIGATION_DATE

    lines = [paint(TEXT["missing_title"].format(since=OBLIGATION_DATE), "bold"),
             paint(TEXT["proxy"], "dim")]
    frame = report.missing
    if frame.empty:
        return [*lines, TEXT["none_missing"]]
    columns = [Column("buyer", "left"), Column("id", "left"), Column("date", "left"),
               Column("object", "left", flexible=True), Column("amount"), Column("ccag", "left")]
    rows: list[Row | Cell] = [
        [r.buyer, Cell(r.id, whole=True), r.date or "", r.object or "",
         _unit_text(None if r.amount != r.amount else float(r.amount), "€ HT"), r.ccag or ""]
        for r in frame.itertuples(index=False)]
    return [*lines, *render_table(columns, rows, width=width, paint=paint)]


def warning_lines(problems: Sequence[Problem], limit: int = WARNINGS_SHOWN) -> list[str]:
    """The first warnings, then how many more of each code."""
    shown = [format_problem(p) for p in problems[:limit]]
    rest = problems[limit:]
    if rest:
        counts = Counter(p.code for p in rest)
        detail = ", ".join(f"{code} × {n}" for code, n in counts.most_common())
        shown.append(TEXT["more_warnings"].format(more=len(rest)) + f" ({detail})")
    return shown


# -- the command's outputs ----------------------------------------------------------------------


def render_contracts(report: ContractsReport, fmt: str, *, missing_only: bool = False,
                     buyers: Sequence[str] = ()) -> None:
    """`spapser contracts YEAR [--missing-environmental]` in table, CSV or JSON."""
    out = sys.stdout
    if fmt == "json":
        data = report.to_dict()
        if missing_only:
            data = {"year": report.year, **data["missing_environmental"]}
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        out.write(missing_csv(report) if missing_only else legal_csv(report))
        if missing_only:
            print(TEXT["proxy"], file=sys.stderr)
    else:
        paint = Painter(use_color(out))
        width = output_width(out)
        lines = (missing_lines(report, width, paint) if missing_only else
                 legal_lines(report, width, paint, buyers=buyers))
        out.write("\n".join(lines) + "\n")
    for line in warning_lines(report.warnings):
        print(line, file=sys.stderr)


LEGAL_CSV_COLUMNS = ["year", "buyer", "indicator", "basis", "breakdown", "category", "value",
                     "unit", "part", "whole", "target", "target_year", "status"]


def _num(value: float | None) -> str:
    number = json_number(value)
    return "" if number is None else str(number)


def legal_csv(report: ContractsReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(LEGAL_CSV_COLUMNS)
    for scope in report.scopes:
        for result in scope.results:
            f = result.figure
            target = result.target
            base = [str(report.year), scope.buyer or "all", f.id, f.basis]
            writer.writerow(base + ["", "", _num(f.value), f.unit, _num(f.part),
                                    _num(f.whole), _num(target.value) if target else "",
                                    str(target.year or "") if target else "", result.status])
            for name, parts in (("kind", f.by_kind), ("ccag", f.by_ccag)):
                for category, value in parts.items():
                    writer.writerow(base + [name, category, _num(value), f.unit] + [""] * 5)
    return buffer.getvalue()


def missing_csv(report: ContractsReport) -> str:
    from spapser_cli.engine.contracts import missing_records

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = ["buyer", "id", "date", "object", "amount", "ccag"]
    writer.writerow(columns)
    for record in missing_records(report.missing):
        writer.writerow([_csv_safe(record[c]) for c in columns])
    return buffer.getvalue()


def _csv_safe(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# -- the observatory view -----------------------------------------------------------------------

BUYER_HEADERS = {"buyer": "buyer", "contracts": "contracts", "amount": "amount (€ HT)",
                 "excluded_amounts": "amounts left out",
                 "environmental_share": "env. %", "environmental_value_share": "env. value %",
                 "social_share": "social %", "social_value_share": "social value %",
                 "reserved_share": "reserved %", "innovative_share": "innovative %"}


def render_by_buyer(table: pd.DataFrame, year: int, fmt: str,
                    warnings: Sequence[Problem], stream: IO[str] | None = None) -> None:
    """`spapser contracts YEAR --by-buyer FILE…`: one row per buyer SIRET."""
    out = stream or sys.stdout
    columns = list(BUYER_HEADERS)
    if fmt == "json":
        rows = [{c: (json_number(None if v != v else float(v)) if c != "buyer" else v)
                 for c, v in zip(columns, record, strict=True)}
                for record in table[columns].itertuples(index=False)]
        out.write(json.dumps({"year": year, "buyers": rows}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        frame = table[columns].round(6)
        out.write(frame.to_csv(index=False, lineterminator="\r\n"))
    else:
        paint = Painter(use_color(out))
        heads = [Column(BUYER_HEADERS[c], "left" if c == "buyer" else "right") for c in columns]
        body: list[Row | Cell] = []
        for record in table[columns].itertuples(index=False):
            cells: Row = [Cell(record[0], whole=True), format_number(float(record[1])),
                          format_number(round(float(record[2]), 2)),
                          format_number(float(record[3]))]
            cells += [_unit_text(None if v != v else float(v), "%") for v in record[4:]]
            body.append(cells)
        lines = render_table(heads, body, width=output_width(out), paint=paint)
        out.write("\n".join(lines) + "\n")
    for line in warning_lines(warnings):
        print(line, file=sys.stderr)
