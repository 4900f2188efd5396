"""The commands of the yearly cycle: `plan`, `template`, `import`, `status`.

Registered on the same Typer app as the other commands (cli.py imports this module); each one
turns its options into one call of `spapser_cli.collect` and prints the outcome.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from spapser_cli.cli.app import (
    DataDirOption,
    TableOrJson,
    _data_dir,
    app,
    handles_errors,
    parse_year,
)
from spapser_cli.i18n import _
from spapser_cli.problems import ExitCode
from spapser_cli.render.terminal import printable, printable_lines


class TemplateFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"


@app.command(help=_(
    "Write the collection workbook the pilot directions fill in for YEAR.\n"
    "\n"
    "Example: spapser template 2017 --by-pilot reports/collecte-2017"))
@handles_errors
def template(
    year: Annotated[int, typer.Argument(help=_("The year to collect, e.g. 2017."),
                                        parser=parse_year, metavar="YEAR")],
    pilot: Annotated[str | None, typer.Option("--pilot", help=_("Only the actions this "
                                              "direction leads."))] = None,
    evaluated: Annotated[bool, typer.Option("--evaluated", help=_("Only the actions the "
                                            "evaluation plan evaluates that year."))] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=_("File to write "
                                                "(default: reports/collecte-YEAR.xlsx)."),
                                                dir_okay=False)] = None,
    by_pilot: Annotated[Path | None, typer.Option("--by-pilot", help=_("Write one file per "
                                                  "pilot direction into this folder."),
                                                  file_okay=False)] = None,
    fmt: Annotated[TemplateFormat, typer.Option("--format", "-f", help=_("xlsx (a workbook "
                                                "with one sheet per pilot) or csv (one "
                                                "table)."))] = TemplateFormat.xlsx,
    data_dir: DataDirOption = None,
) -> None:
    from spapser_cli.collect.template import write_templates
    from spapser_cli.read.load import require_catalog

    catalog, _warnings = require_catalog(_data_dir(data_dir))
    for written in write_templates(catalog, year, pilot=pilot, evaluated=evaluated,
                                   output=output, by_pilot=by_pilot, fmt=fmt.value):
        typer.echo(str(written))


@app.command("import", help=_(
    "Merge filled collection files into measures/YEAR.yaml: every error of every "
    "file at\n"
    "once, and nothing written while one remains.\n"
    "\n"
    "Example: spapser import reports/collecte-2017.xlsx --dry-run"))
@handles_errors
def import_(
    files: Annotated[list[Path], typer.Argument(help=_("Filled collection files (.xlsx or "
                                                ".csv)."), exists=True, dir_okay=False)],
    year: Annotated[int | None, typer.Option("--year", help=_("The year the files must "
                                             "collect (default: theirs)."),
                                             parser=parse_year, metavar="YEAR")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_("Show the changes, write "
                                          "nothing."))] = False,
    replace: Annotated[bool, typer.Option("--replace", help=_("Take the imported value where "
                                          "the measures file holds another one."))] = False,
    data_dir: DataDirOption = None,
) -> None:
    from spapser_cli.collect.importing import plan_import, write_import
    from spapser_cli.problems import display_path
    from spapser_cli.read.load import require_catalog
    from spapser_cli.render.problems import format_problem

    catalog, _warnings = require_catalog(_data_dir(data_dir))
    result = plan_import(catalog, files, year=year, replace=replace)
    if result.errors:
        for problem in result.errors:
            typer.echo(format_problem(problem), err=True)
        typer.echo(_("Error: {message}").format(message=_(
            "{count} error(s); nothing was written").format(count=len(result.errors))),
            err=True)
        raise typer.Exit(ExitCode.INVALID_DATA)
    assert result.target is not None
    target = display_path(result.target)
    if not result.filled:
        typer.echo(_("nothing to import: every value cell is blank (a blank cell means "
                     "'not measured')"))
        return
    if not result.changes:
        typer.echo(printable(_("nothing to change: {target} already holds these values").format(
            target=target)))
        return
    for change in result.changes:
        if dry_run:
            typer.echo(printable(change.line()))
    for problem in result.problems:  # warnings only: an error stops before writing
        typer.echo(format_problem(problem), err=True)
    added = sum(c.old is None for c in result.changes)
    summary = _("{target}: {added} value(s) added, {replaced} replaced").format(
        target=target, added=added, replaced=len(result.changes) - added)
    if dry_run:
        typer.echo(printable(_("{summary} (dry run: nothing written)").format(summary=summary)))
        return
    write_import(result)
    typer.echo(printable(summary))


@app.command(help=_(
    "Show which figures of YEAR are in and which are missing, per pilot and action.\n"
    "\n"
    "Example: spapser status 2017 --strict"))
@handles_errors
def status(
    year: Annotated[int, typer.Argument(help=_("The year to check, e.g. 2017."), parser=parse_year,
                                        metavar="YEAR")],
    fmt: Annotated[TableOrJson, typer.Option("--format", "-f")] = TableOrJson.table,
    strict: Annotated[bool, typer.Option("--strict", help=_("Exit 1 when an action the plan "
                                         "evaluates this year lacks figures."))] = False,
    data_dir: DataDirOption = None,
) -> None:

    from spapser_cli.collect.status import year_status
    from spapser_cli.read.load import require_catalog
    from spapser_cli.render.status import status_text

    catalog, _warnings = require_catalog(_data_dir(data_dir))
    report = year_status(catalog, year)
    if fmt is TableOrJson.json:
        from spapser_cli.render.terminal import json_text

        typer.echo(json_text(report.to_dict()))
    else:
        import sys

        from spapser_cli.render.plaintable import Painter, output_width, use_color

        typer.echo(printable_lines(status_text(
            report, catalog.scheme.organisation, width=output_width(sys.stdout),
            paint=Painter(use_color(sys.stdout)))))
    if strict and report.due_incomplete:
        raise typer.Exit(ExitCode.INVALID_DATA)


@app.command(help=_(
    "Show the evaluation plan, or propose one (years already decided are kept).\n"
    "\n"
    "Example: spapser plan --propose --write"))
@handles_errors
def plan(
    propose: Annotated[bool, typer.Option("--propose", help=_("Propose a split of the actions "
                                          "into thirds over the cycle."))] = False,
    write: Annotated[bool, typer.Option("--write", help=_("Write the proposal into "
                                        "scheme.yaml (comments and order kept)."))] = False,
    data_dir: DataDirOption = None,
) -> None:
    from spapser_cli.collect.plan import plan_yaml, propose_plan, write_plan
    from spapser_cli.problems import UsageError
    from spapser_cli.read.load import require_catalog

    folder = _data_dir(data_dir)
    catalog, _warnings = require_catalog(folder)
    if write and not propose:
        raise UsageError(_("--write goes with --propose"))
    if not propose:
        evaluation = catalog.scheme.evaluation
        entries = evaluation.plan if evaluation else []
        if not entries:
            typer.echo(_("no evaluation plan yet: `spapser plan --propose` proposes one"))
        for entry in entries:
            typer.echo(printable(f"{entry.year}: {', '.join(entry.actions)}"))
        return
    proposal = propose_plan(catalog)
    if not write:
        for proposed in proposal:
            decided = _(" (decided)") if proposed.decided else ""
            typer.echo("# " + _("{year}{decided}: {actions} action(s), {quantitative} "
                                "quantitative indicator(s), {pilots} pilot(s)").format(
                year=proposed.year, decided=decided, actions=len(proposed.actions),
                quantitative=proposed.quantitative, pilots=proposed.pilots))
        typer.echo(printable_lines(plan_yaml(proposal)), nl=False)
        return
    from spapser_cli.collect.plan import check_and_write_scheme

    written = check_and_write_scheme(folder, write_plan(folder / "scheme.yaml", proposal))
    typer.echo(str(written))
