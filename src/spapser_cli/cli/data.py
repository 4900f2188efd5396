"""The commands about the data files themselves: `validate`, `schema`, `init`, `actions`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from spapser_cli.cli.app import (
    DataDirOption,
    ReportFormat,
    TableOrJson,
    _data_dir,
    _data_folder,
    app,
    handles_errors,
    positive,
)
from spapser_cli.files import system_reason
from spapser_cli.i18n import Message, _
from spapser_cli.problems import ExitCode

if TYPE_CHECKING:
    pass


@app.command(help=_(
    "Check the data files and report every problem with its file, line and column.\n"
    "\n"
    "Exit 0 when valid, 1 when there is an error (or a warning with --strict), 2 on "
    "a usage\n"
    "error.\n"
    "\n"
    "Example: spapser validate data/measures/2015.yaml --format github"))
@handles_errors
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(
        help=_("Files to check (default: every file of the data folder). A file outside the "
        "folder is checked against it and only its problems are shown; a file of the folder "
        "shows the whole folder's problems, since an edit can break another file."),
        show_default=False)] = None,
    data_dir: DataDirOption = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help=_("text, json, or GitHub "
                                              "workflow annotations."))] = ReportFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help=_("Fail on warnings too."))] = False,
) -> None:
    from spapser_cli.contracts.check import check_contracts, split_paths
    from spapser_cli.read.load import load_catalog
    from spapser_cli.render.problems import render_problems

    folder = _data_dir(data_dir)
    yaml_paths, contract_paths = split_paths(paths or [])
    problems, files, catalog = [], [], None
    if yaml_paths or not contract_paths:
        loaded = load_catalog(folder, yaml_paths).for_paths(folder, yaml_paths)
        problems, files, catalog = loaded.problems, loaded.files, loaded.catalog
    found, checked = check_contracts(folder, contract_paths, whole_folder=not paths,
                                     catalog=catalog)
    problems, files = [*problems, *found], [*files, *checked]
    typer.echo(render_problems(problems, files, fmt.value))
    failed = any(p.severity == "error" or strict for p in problems)
    raise typer.Exit(ExitCode.INVALID_DATA if failed else ExitCode.OK)


@app.command(help=_(
    "Write the JSON Schemas (draft-07) of the data folder, for editors and CI.\n"
    "\n"
    "The measures schema lists this folder's variables (units, categories, whole "
    "numbers)\n"
    "and, under `reported:`, its indicators: an editor completes them and flags a "
    "misspelt\n"
    "one. Data files point at the schemas with a first line such as\n"
    "`# yaml-language-server: $schema=../schemas/measures.schema.json`.\n"
    "\n"
    "Example: spapser schema --data-dir mydata"))
@handles_errors
def schema(
    output_dir: Annotated[Path | None, typer.Option(
        "--output-dir", "-o", help=_("Folder to write the JSON Schemas into (default: the data "
        "folder's schemas/; ./schemas with --generic)."), file_okay=False,
        show_default=False)] = None,
    data_dir: DataDirOption = None,
    generic: Annotated[bool, typer.Option("--generic", help=_("The schemas of the file formats "
                                          "alone, for any data folder (what the spapser "
                                          "repository ships in schemas/)."))] = False,
) -> None:
    from spapser_cli.problems import OutputError

    write: Callable[[Path], list[Path]]
    if generic:
        from spapser_cli.read.schemas import write_schemas

        target = output_dir or Path("schemas")
        write = write_schemas
    else:
        from spapser_cli.problems import InvalidDataError, UsageError
        from spapser_cli.read.dataset_schemas import write_dataset_schemas
        from spapser_cli.read.load import load_catalog

        found = _data_folder(data_dir)
        if found.origin == "bundled" and output_dir is None:
            raise UsageError(Message("the bundled example ships with its schemas: give your "
                                     "data folder (--data-dir DIR) or where to write (-o DIR)"))
        folder = found.path
        loaded = load_catalog(folder)
        if loaded.catalog is None:  # no valid scheme: nothing to list
            raise InvalidDataError(loaded.problems)
        catalog = loaded.catalog
        target = output_dir or folder / "schemas"

        def write(out: Path) -> list[Path]:
            return write_dataset_schemas(catalog, out)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(Message("cannot create {path}: {reason}", path=str(target),
                                  reason=system_reason(exc))) from None
    for written in write(target):
        typer.echo(str(written))


@app.command(help=_(
    "Start a data repository: a scheme with one axis, objective and action, that "
    "action's\n"
    "sheet, this year's measures, the JSON Schemas, a pre-commit hook and a "
    ".gitignore.\n"
    "\n"
    "It passes `spapser validate` at once and never overwrites a file.\n"
    "\n"
    "Example: spapser init mydata --organisation \"Département d'Essai\""))
@handles_errors
def init(
    folder: Annotated[Path, typer.Argument(help=_("The folder to create (default: the current "
                                           "folder)."), file_okay=False)] = Path("."),
    organisation: Annotated[str, typer.Option("--organisation", help=_("The organisation's "
                                              "name, as its scheme gives it."))] = "",
) -> None:
    from spapser_cli.problems import UsageError
    from spapser_cli.read.starter import init_data_folder

    if not organisation:
        raise UsageError(Message("give the organisation's name: --organisation "
                                 "\"Département de …\""))
    for line in init_data_folder(folder, organisation):
        typer.echo(line)
    typer.echo(_("next: edit {scheme}, then `spapser validate --data-dir {folder}`").format(
        scheme=folder / "scheme.yaml", folder=folder))


@app.command(help=_(
    "List the action sheets, or show one in full.\n"
    "\n"
    "Example: spapser actions 1-1.3"))
@handles_errors
def actions(
    code: Annotated[str | None, typer.Argument(help=_("An action code such as 1-1.3: show the "
                                               "whole sheet."), show_default=False)] = None,
    axis: Annotated[int | None, typer.Option("--axis", "-a", help=_("Only this axis (its number)."),
                                             parser=positive, metavar="INTEGER")] = None,
    data_dir: DataDirOption = None,
    fmt: Annotated[TableOrJson, typer.Option("--format", "-f")] = TableOrJson.table,
) -> None:
    from spapser_cli.problems import UsageError
    from spapser_cli.read.load import require_catalog
    from spapser_cli.render.actions import actions_json, print_action_sheet, print_actions_table

    catalog, _problems = require_catalog(_data_dir(data_dir))
    selected = [a for a in catalog.actions.values() if axis is None or a.axis == axis]
    if code is not None:
        selected = [a for a in selected if a.code == code]
        if not selected:
            known = ", ".join(catalog.actions)
            raise UsageError(
                Message("no action {code} on axis {axis} (actions: {known})", code=repr(code),
                        axis=axis, known=known) if axis else
                Message("no action {code} (actions: {known})", code=repr(code), known=known))
    elif axis is not None and not selected:
        raise UsageError(Message("axis {axis} has no actions", axis=axis))
    if fmt is TableOrJson.json:
        typer.echo(actions_json(catalog, selected))
    elif code is not None:
        print_action_sheet(catalog, selected[0])
    else:
        print_actions_table(catalog, selected)
