"""The commands that compute and show results: `compute`, `series`, `export`, `contracts`."""

from __future__ import annotations

import shlex
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from spapser_cli.cli.app import (
    ComputeFormat,
    DataDirOption,
    EvaluatedOption,
    TableOrJson,
    _data_dir,
    _evaluated,
    app,
    handles_errors,
    parse_year,
    positive,
)
from spapser_cli.i18n import _


@app.command(help=_(
    "Compute every indicator for YEAR and compare it with its target.\n"
    "\n"
    "Example: spapser compute 2015 --format json"))
@handles_errors
def compute(
    year: Annotated[int, typer.Argument(help=_("The year to compute, e.g. 2015."),
                                                 parser=parse_year, metavar="YEAR")],
    data_dir: DataDirOption = None,
    axis: Annotated[int | None, typer.Option("--axis", "-a", help=_("Only this axis."),
                                             parser=positive, metavar="INTEGER")] = None,
    action: Annotated[str | None, typer.Option("--action", help=_("Only this action, e.g. "
                                               "1-1.3."))] = None,
    fmt: Annotated[ComputeFormat, typer.Option(
        "--format", "-f", help=_("table; json; csv; csv-fr (semicolons, decimal comma and a "
        "BOM, for French Excel)."))] = ComputeFormat.table,
    evaluated: EvaluatedOption = False,
) -> None:
    from spapser_cli.engine import compute_year
    from spapser_cli.read.load import require_catalog
    from spapser_cli.render.compute import render_compute

    folder = _data_dir(data_dir)
    catalog, problems = require_catalog(folder)
    report = compute_year(catalog, year, axis=axis, action=action, load_warnings=problems,
                          actions=_evaluated(catalog, year) if evaluated else None,
                          register=_register(folder))
    render_compute(report, fmt.value)


@app.command(help=_(
    "Show one indicator in every year of the data folder, against its targets.\n"
    "\n"
    "Example: spapser series paper-recycled-share --from 2009 --to 2015"))
@handles_errors
def series(
    indicator: Annotated[str, typer.Argument(help=_("An indicator id, e.g. "
                                             "paper-recycled-share."))],
    first: Annotated[int | None, typer.Option("--from", help=_("First year."),
                                              parser=parse_year, metavar="YEAR")] = None,
    last: Annotated[int | None, typer.Option("--to", help=_("Last year."),
                                             parser=parse_year, metavar="YEAR")] = None,
    data_dir: DataDirOption = None,
    fmt: Annotated[TableOrJson, typer.Option("--format", "-f")] = TableOrJson.table,
) -> None:
    from spapser_cli.engine import compute_series
    from spapser_cli.read.load import require_catalog
    from spapser_cli.render.series import render_series

    folder = _data_dir(data_dir)
    catalog, problems = require_catalog(folder)
    report = compute_series(catalog, indicator, first=first, last=last, load_warnings=problems,
                            register=_register(folder))
    render_series(report, fmt.value)


@app.command(help=_(
    "Write the bilan workbook (.xlsx) of YEAR, or the global bilan of --from..--to.\n"
    "\n"
    "Example: spapser export 2015 -o reports/bilan-2015.xlsx"))
@handles_errors
def export(
    year: Annotated[int | None, typer.Argument(help=_("The year of the annual bilan."),
                                               parser=parse_year, metavar="YEAR",
                                               show_default=False)] = None,
    first: Annotated[int | None, typer.Option("--from", help=_("First year of a global "
                                              "bilan."), parser=parse_year, metavar="YEAR")] = None,
    last: Annotated[int | None, typer.Option("--to", help=_("Last year of a global bilan."),
                                             parser=parse_year, metavar="YEAR")]
    = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=_("Workbook to write "
                                                "(default: reports/bilan-YEAR.xlsx)."),
                                                dir_okay=False)] = None,
    data_dir: DataDirOption = None,
    evaluated: EvaluatedOption = False,
) -> None:
    from spapser_cli.export.bilan import plan_export
    from spapser_cli.export.write import export_workbook
    from spapser_cli.read.load import require_catalog

    plan = plan_export(year=year, first=first, last=last, output=output)
    folder = _data_dir(data_dir)
    catalog, problems = require_catalog(folder)
    actions = _evaluated(catalog, plan.last) if evaluated else None
    written = export_workbook(catalog, plan, problems=problems, actions=actions,
                              command=shlex.join(["spapser", *sys.argv[1:]]),
                              register=_register(folder))
    typer.echo(str(written))


def _register(folder: Path) -> Any:
    """The folder's contract register (data/contracts/), or None when it holds no file.

    Only then are pandas and the DECP readers imported: `compute` on a folder without
    contracts starts as fast as before."""
    if not (folder / "contracts").is_dir():
        return None
    from spapser_cli.contracts.source import folder_contracts

    return folder_contracts(folder)


class ContractsFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command(help=_(
    "The law's indicators over the contracts notified in YEAR, by number and by "
    "value.\n"
    "\n"
    "Reads the DECP files of the data folder's contracts/ (or FILES), and gives each "
    "share per\n"
    "buyer of the scheme (buyers:) and for all.\n"
    "\n"
    "Example: spapser contracts 2024 --by-buyer decp-2024.json --format csv"))
@handles_errors
def contracts(
    year: Annotated[int, typer.Argument(help=_("The year of notification, e.g. 2024."),
                                        parser=parse_year, metavar="YEAR")],
    files: Annotated[list[Path] | None, typer.Argument(
        help=_("DECP files (JSON or XML) or CSV registers to read instead of the data "
        "folder's contracts/."), show_default=False)] = None,
    missing_environmental: Annotated[bool, typer.Option(
        "--missing-environmental", help=_("List the contracts notified on or after 2026-08-21 "
        "with no environmental consideration."))] = False,
    by_buyer: Annotated[bool, typer.Option(
        "--by-buyer", help=_("One row per buyer SIRET found in FILES (a national DECP file): "
        "the observatory view."))] = False,
    data_dir: DataDirOption = None,
    fmt: Annotated[ContractsFormat, typer.Option("--format", "-f")] = ContractsFormat.table,
) -> None:
    from spapser_cli.contracts.source import contracts_source
    from spapser_cli.problems import UsageError

    if by_buyer and not files:
        raise UsageError(_("--by-buyer needs the DECP FILES to read"))
    if by_buyer and missing_environmental:
        raise UsageError(_("--by-buyer and --missing-environmental go separately"))
    source = contracts_source(files or (), None if files else _data_dir(data_dir))
    if by_buyer:
        from spapser_cli.engine.contracts import observatory
        from spapser_cli.render.contracts import render_by_buyer

        render_by_buyer(observatory(source.register, year), year, fmt.value,
                        source.register.warnings)
        return
    from spapser_cli.engine.contracts import contracts_report
    from spapser_cli.render.contracts import render_contracts

    report = contracts_report(source.register, year, source.buyers,
                              organisation=source.organisation)
    render_contracts(report, fmt.value, missing_only=missing_environmental)
