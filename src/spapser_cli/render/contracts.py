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
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any

from spapser_cli.contracts.indicators import LABELS
from spapser_cli.engine.results import STATUS_LABELS, json_number
from spapser_cli.i18n import N_, _
from spapser_cli.render.formatting import local_number
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

# What the user reads: English here, French from the catalogs (`_`).
TITLE = N_("Contracts notified in {year}: the law's indicators (L.2111-3, « en nombre de "
           "contrats ou en valeur »)")
READ = N_("{kept} contract(s) from {files} file(s); {duplicates} republication(s) removed")
ALL_OF_SCHEME = N_("All buyers of the scheme")
ALL_OF_REGISTER = N_("All buyers of the register")
BUYER = N_("Buyer {siret}")
VALUE_NOTE = N_("Value shares are over the « montant forfaitaire ou estimé maximum HT » of "
                "the contracts (modifications applied), not over spending; amounts of 10 "
                "billion euros or more are left out of them.")
MISSING_TITLE = N_("Contracts notified on or after {since} without an environmental "
                   "consideration")
PROXY = N_("DECP has no consultation launch date: the notification date stands for it.")
NONE_MISSING = N_("no contract")
MORE_WARNINGS = N_("… and {more} more warning(s); `spapser validate` lists them all")
BASIS_WORDS = {"number": N_("by number"), "value": N_("by value")}
KIND_WORDS = {"clause": N_("clause"), "criterion": N_("criterion"),
              "reserved": N_("reserved contract")}
AMOUNT_UNIT = N_("€ excl. VAT")
NO_CCAG = "—"  # what `contracts.filters.breakdown_keys` names the contracts without one
STATUS_STYLES = {"met": "green", "on-track": "green", "not-met": "red", "off-track": "yellow",
                 "no-target": "dim", "no-data": "dim"}
WARNINGS_SHOWN = 20


def share_text(value: float | None) -> str:
    """A share as `compute` writes one: `71,4 %` in French, `71.4 %` in English."""
    return _("n/d") if value is None else f"{local_number(value, '%')} %"


def amount_text(value: float | None) -> str:
    return _("n/d") if value is None else local_number(round(value, 2)) + " " + _(AMOUNT_UNIT)


def figure_text(value: float | None, unit: str) -> str:
    """A figure in its unit: a share, an amount in € HT, or a count (bare)."""
    if unit == "%":
        return share_text(value)
    if unit == "€ HT":
        return amount_text(value)
    return _("n/d") if value is None else local_number(value)


def _target_text(result: LegalResult) -> str:
    target = result.target
    if target is None:
        return ""
    sign = "≥" if target.direction == "at-least" else "≤"
    value = f"{local_number(target.value, '%', exact=True)} %"
    by = _(" by {year}").format(year=target.year) if target.year else ""
    return f"{sign} {value}{by}"


def _status_cell(result: LegalResult) -> Cell:
    return Cell(_(STATUS_LABELS[result.status]), STATUS_STYLES.get(result.status))


def _scope_title(scope: LegalScope, shared: bool) -> str:
    if scope.buyer is not None:
        return _(BUYER).format(siret=scope.buyer)
    return _(ALL_OF_SCHEME) if shared else _(ALL_OF_REGISTER)


def ccag_text(ccag: str, translated: Callable[[str], str] = _) -> str:
    """`CCAG Travaux`; a concession has none (the register writes `—`)."""
    if ccag == NO_CCAG:
        return translated(N_("no CCAG (concessions)"))
    return translated(N_("CCAG {ccag}")).format(ccag=ccag)


def _label_lines(ident: str, width: int) -> list[Cell]:
    """The indicator's label, wrapped to the width: it leads, on its own lines, the row of
    figures that its id starts (as in `compute`)."""
    import textwrap

    label = _(LABELS.get(ident, ident))
    if len(label) + 2 <= width:
        return [Cell(f"  {label}", whole=True)]
    lines = textwrap.wrap(label, max(width, 40), initial_indent="  ", subsequent_indent="    ")
    return [Cell(line, whole=True) for line in lines]


def legal_lines(report: ContractsReport, width: int, paint: Painter) -> list[str]:
    """The legal indicators as table lines, one table per scope."""
    kept = int(report.overall.results[0].figure.value or 0)
    lines = [paint(_(TITLE).format(year=report.year), "bold"),
             paint(_(READ).format(kept=local_number(kept), files=len(report.files),
                                  duplicates=local_number(report.duplicates)), "dim")]
    columns = [Column(_("indicator · id"), "left", flexible=True), Column(_("basis"), "left"),
               Column(str(report.year)), Column(_("part / whole")), Column(_("target")),
               Column(_("status"), "left")]
    for scope in report.scopes:
        rows: list[Row | Cell] = []
        for result in scope.results:
            figure = result.figure
            ratio = ""
            if figure.part is not None and figure.whole is not None:
                # amounts bare: the basis column and the note below say they are € HT
                ratio = (f"{local_number(round(figure.part, 2))} / "
                         f"{local_number(round(figure.whole, 2))}")
            rows += _label_lines(figure.id, width)
            rows.append([Cell(f"    {figure.id}", "dim", whole=True),
                         _(BASIS_WORDS[figure.basis]), figure_text(figure.value, figure.unit),
                         ratio, _target_text(result), _status_cell(result)])
            for kind, value in figure.by_kind.items():
                word = _(KIND_WORDS[kind]) if kind in KIND_WORDS else kind
                rows.append([Cell(f"      · {word}", "dim"), "",
                             Cell(figure_text(value, figure.unit), "dim")])
            for ccag, value in figure.by_ccag.items():
                rows.append([Cell(f"      · {ccag_text(ccag)}", "dim"), "",
                             Cell(figure_text(value, figure.unit), "dim")])
        lines += ["", paint(_scope_title(scope, bool(report.buyers)), "bold")]
        lines += render_table(columns, rows, width=width, paint=paint)
    lines += ["", *_wrapped(_(VALUE_NOTE), width, paint)]
    return lines


def _wrapped(text: str, width: int, paint: Painter) -> list[str]:
    import textwrap

    return [paint(line, "dim") for line in textwrap.wrap(text, width)]


def missing_lines(report: ContractsReport, width: int, paint: Painter) -> list[str]:
    from spapser_cli.contracts.vocabulary import OBLIGATION_DATE

    lines = [paint(_(MISSING_TITLE).format(since=OBLIGATION_DATE), "bold"),
             *_wrapped(_(PROXY), width, paint)]
    frame = report.missing
    if frame.empty:
        return [*lines, _(NONE_MISSING)]
    columns = [Column(_("buyer"), "left"), Column(_("id"), "left"), Column(_("date"), "left"),
               Column(_("object"), "left", flexible=True), Column(_("amount")),
               Column(_("CCAG"), "left")]
    rows: list[Row | Cell] = [
        [r.buyer, Cell(r.id, whole=True), r.date or "", r.object or "",
         amount_text(None if r.amount != r.amount else float(r.amount)), r.ccag or ""]
        for r in frame.itertuples(index=False)]
    return [*lines, *render_table(columns, rows, width=width, paint=paint)]


def warning_lines(problems: Sequence[Problem], limit: int = WARNINGS_SHOWN) -> list[str]:
    """The first warnings, then how many more of each code."""
    shown = [format_problem(p) for p in problems[:limit]]
    rest = problems[limit:]
    if rest:
        counts = Counter(p.code for p in rest)
        detail = ", ".join(f"{code} × {n}" for code, n in counts.most_common())
        shown.append(_(MORE_WARNINGS).format(more=local_number(len(rest))) + f" ({detail})")
    return shown


def heading_lines(report: ContractsReport, paint: Painter) -> list[str]:
    """The organisation's name heads the output (none with bare FILES: no scheme is read)."""
    return [paint(report.organisation, "bold")] if report.organisation else []


# -- the command's outputs ----------------------------------------------------------------------


def render_contracts(report: ContractsReport, fmt: str, *, missing_only: bool = False
                     ) -> None:
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
            print(_(PROXY), file=sys.stderr)
    else:
        paint = Painter(use_color(out))
        width = output_width(out)
        lines = heading_lines(report, paint) + (
            missing_lines(report, width, paint) if missing_only else
            legal_lines(report, width, paint))
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

BUYER_HEADERS = {"buyer": N_("buyer"), "contracts": N_("contracts"),
                 "amount": N_("amount (€ excl. VAT)"), "excluded_amounts": N_("amounts left out"),
                 "environmental_share": N_("env. %"),
                 "environmental_value_share": N_("env. value %"), "social_share": N_("social %"),
                 "social_value_share": N_("social value %"), "reserved_share": N_("reserved %"),
                 "innovative_share": N_("innovative %")}


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
        heads = [Column(_(BUYER_HEADERS[c]), "left" if c == "buyer" else "right")
                 for c in columns]
        body: list[Row | Cell] = []
        for record in table[columns].itertuples(index=False):
            cells: Row = [Cell(record[0], whole=True), local_number(float(record[1])),
                          local_number(round(float(record[2]), 2)),
                          local_number(float(record[3]))]
            cells += [share_text(None if v != v else float(v)) for v in record[4:]]
            body.append(cells)
        lines = [paint(_("Contracts notified in {year}, per buyer").format(year=year), "bold"),
                 *render_table(heads, body, width=output_width(out), paint=paint)]
        out.write("\n".join(lines) + "\n")
    for line in warning_lines(warnings):
        print(line, file=sys.stderr)
