"""The `spapser` command line: options in, one core call, a renderer, an exit code.

Kept thin on purpose: no computation here, and heavy modules (openpyxl, rich, Pydantic, the
engine) are imported inside the commands that need them, so that start-up stays fast.
"""

from __future__ import annotations

import functools
import shlex
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from spapser_cli import __version__

if TYPE_CHECKING:
    from spapser_cli.read.datadir import DataFolder
from spapser_cli.catalog import FIRST_YEAR, LAST_YEAR
from spapser_cli.i18n import _
from spapser_cli.problems import ExitCode, InvalidDataError, SpapserError

if TYPE_CHECKING:
    from spapser_cli.catalog import Catalog

app = typer.Typer(
    name="spapser",
    help=_("Follow a schéma de promotion des achats publics socialement et écologiquement "
    "responsables: validate its YAML data, compute its indicators, export the annual bilan."),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain click help: importing rich would double the start-up time
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False}

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str, code: int) -> typer.Exit:
    from spapser_cli.render.terminal import printable

    # one line, whatever it quotes
    typer.echo(printable(_("Error: {message}").format(message=message)), err=True)
    return typer.Exit(code)



def _message(exc: Exception) -> str:
    """The error's message in the user's language (a `Message` is translated; `str(exc)`
    would give its English text)."""
    from spapser_cli.i18n import translate

    first = exc.args[0] if len(exc.args) == 1 else None
    return translate(first) if isinstance(first, str) else str(exc)


def handles_errors(command: F) -> F:
    """Turn expected failures into one line on stderr and their exit code; anything else into
    exit 70 with one line, or the traceback under `--debug`."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except InvalidDataError as exc:
            from spapser_cli.render.problems import format_problem

            for problem in exc.problems:
                if problem.severity == "error":
                    typer.echo(format_problem(problem), err=True)
            raise _fail(_message(exc), exc.exit_code) from None
        except SpapserError as exc:
            raise _fail(_message(exc), exc.exit_code) from None
        except KeyboardInterrupt:
            raise _fail("interrupted", 130) from None
        except OSError as exc:
            from spapser_cli.files import output_failure

            reason = output_failure(exc)
            if reason is None or _state["debug"]:
                raise _internal(exc) from None
            raise _fail(reason, ExitCode.CANNOT_WRITE) from None
        except Exception as exc:
            raise _internal(exc) from None

    return wrapper  # type: ignore[return-value]


def _internal(exc: Exception) -> BaseException:
    """Exit 70 with one line: a bug of ours (the traceback under `--debug`)."""
    if _state["debug"]:
        return exc
    return _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the "
                 "traceback, and please report it)", ExitCode.INTERNAL)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"spapser {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help=_("Show the traceback of an internal "
                                        "error."))] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help=_("Show the version and exit."))] = False,
    lang: Annotated[Language | None, typer.Option(
        "--lang", help=_("fr or en (default: $SPAPSER_LANG, else the locale: LC_ALL, "
        "LC_MESSAGES, LANG). Codes, ids and JSON keys stay the same."),
        show_default=False)] = None,
) -> None:
    _state["debug"] = debug
    if lang is not None:  # `spapser` itself read it already; this is for library callers
        from spapser_cli.i18n import set_language

        set_language(lang.value)


# Shared options: every command spells them the same way.
DataDirOption = Annotated[
    Path | None,
    typer.Option("--data-dir", "-d", help=_("Data folder (default: $SPAPSER_DATA_DIR, else the "
                 "current folder or ./data if it holds a scheme.yaml, else the bundled "
                 "example). Every command says on stderr which folder it read."),
                 file_okay=False, show_default=False),
]


def _data_folder(option: Path | None) -> DataFolder:
    """The data folder, named on stderr: the bundled example is never taken for yours."""
    from spapser_cli.read.datadir import locate_data_dir

    found = locate_data_dir(option)
    typer.echo(found.describe(), err=True)
    return found


def _data_dir(option: Path | None) -> Path:
    return _data_folder(option).path


EvaluatedOption = Annotated[bool, typer.Option(
    "--evaluated", help=_("Only the actions the evaluation plan (scheme.yaml) evaluates that "
    "year."))]


def _evaluated(catalog: Catalog, year: int) -> list[str]:
    from spapser_cli.collect.rows import evaluated_actions

    return evaluated_actions(catalog, year)


MAX_DIGITS = 9


def ascii_int(value: Any, minimum: int | None = None) -> int:
    """A whole number written with the digits 0-9 only. Python's `int()`, which Click uses,
    also takes `٢٠١٥`, `２０１５`, `2_015` and `' 2015'`: a year nobody meant to type."""
    if isinstance(value, int):
        return value
    text = str(value)
    if not (text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS):
        shown = repr(text if len(text) <= 20 else text[:20] + "…")  # repr: one line
        raise typer.BadParameter(f"{shown} is not a whole number written with the digits "
                                 f"0-9 (at most {MAX_DIGITS})")
    number = int(text)
    if minimum is not None and number < minimum:
        raise typer.BadParameter(f"{number} is below {minimum}")
    return number


def integer(value: Any) -> int:
    return ascii_int(value)


def positive(value: Any) -> int:
    return ascii_int(value, minimum=1)


def parse_year(value: Any) -> int:
    """A year, as every command takes it: the digits 0-9, within the years the data files may
    hold (a year `compute` would refuse is refused by `template` alike, and the other way)."""
    number = ascii_int(value)
    if not FIRST_YEAR <= number <= LAST_YEAR:
        raise typer.BadParameter(f"{number} is not a year from {FIRST_YEAR} to {LAST_YEAR}")
    return number


class Language(StrEnum):
    fr = "fr"
    en = "en"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class TableOrJson(StrEnum):
    table = "table"
    json = "json"


class ComputeFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    csv_fr = "csv-fr"


# ----------------------------------------------------------------------------------------------
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
            raise UsageError("the bundled example ships with its schemas: give your data "
                             "folder (--data-dir DIR) or where to write (-o DIR)")
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
        raise OutputError(f"cannot create {target}: {exc.strerror or exc}") from None
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
        raise UsageError("give the organisation's name: --organisation \"Département de …\"")
    for line in init_data_folder(folder, organisation):
        typer.echo(line)
    typer.echo(f"next: edit {folder / 'scheme.yaml'}, then `spapser validate --data-dir "
               f"{folder}`")


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

    catalog, _ = require_catalog(_data_dir(data_dir))
    selected = [a for a in catalog.actions.values() if axis is None or a.axis == axis]
    if code is not None:
        selected = [a for a in selected if a.code == code]
        if not selected:
            known = ", ".join(catalog.actions)
            raise UsageError(f"no action {code!r}{' on axis ' + str(axis) if axis else ''} "
                             f"(actions: {known})")
    elif axis is not None and not selected:
        raise UsageError(f"axis {axis} has no actions")
    if fmt is TableOrJson.json:
        typer.echo(actions_json(catalog, selected))
    elif code is not None:
        print_action_sheet(catalog, selected[0])
    else:
        print_actions_table(catalog, selected)


@app.command(help=_(
    "Compute every indicator for YEAR and compare it with its target.\n"
    "\n"
    "Example: spapser compute 2015 --format json"))
@handles_errors
def compute(
    year: Annotated[int, typer.Argument(help=_("The year to compute, e.g. 2015."),
                                                 parser=parse_year)],
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
    "Show one indicator across every year with data, against its target.\n"
    "\n"
    "Example: spapser series paper-recycled-share --from 2009 --to 2015"))
@handles_errors
def series(
    indicator: Annotated[str, typer.Argument(help=_("An indicator id, e.g. "
                                             "paper-recycled-share."))],
    first: Annotated[int | None, typer.Option("--from", help=_("First year."),
                                                             parser=parse_year)] = None,
    last: Annotated[int | None, typer.Option("--to", help=_("Last year."),
                                                            parser=parse_year)] = None,
    data_dir: DataDirOption = None,
    fmt: Annotated[TableOrJson, typer.Option("--format", "-f")] = TableOrJson.table,
) -> None:
    from spapser_cli.engine import compute_series
    from spapser_cli.read.load import require_catalog
    from spapser_cli.render.compute import render_series

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
                                               parser=parse_year, show_default=False)] = None,
    first: Annotated[int | None, typer.Option("--from", help=_("First year of a global "
                                              "bilan."), parser=parse_year)] = None,
    last: Annotated[int | None, typer.Option("--to", help=_("Last year of a global bilan."),
                                             parser=parse_year)]
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
    from spapser_cli.contracts.register import folder_register

    register, _ = folder_register(folder)
    if register is not None and register.errors:
        raise InvalidDataError(register.problems)
    return register


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
    from spapser_cli.problems import UsageError

    if by_buyer and not files:
        raise UsageError("--by-buyer needs the DECP FILES to read")
    if by_buyer and missing_environmental:
        raise UsageError("--by-buyer and --missing-environmental go separately")
    if files:
        from spapser_cli.contracts import read_register

        for path in files:
            if not path.is_file():
                raise UsageError(f"{path}: no such file")
        register = read_register(files)
        if register.errors:
            raise InvalidDataError(register.problems)
        buyers: list[str] = []
    else:
        from spapser_cli.read.load import require_catalog

        folder = _data_dir(data_dir)
        catalog, _ = require_catalog(folder)
        register = _register(folder)
        if register is None:
            raise SpapserError(f"no contract register: {folder / 'contracts'} holds no DECP "
                               "file (*.json, *.xml) or CSV register")
        buyers = list(getattr(catalog.scheme, "buyers", None) or [])
    if by_buyer:
        from spapser_cli.engine.contracts import observatory
        from spapser_cli.render.contracts import render_by_buyer

        render_by_buyer(observatory(register, year), year, fmt.value, register.warnings)
        return
    from spapser_cli.engine.contracts import contracts_report
    from spapser_cli.render.contracts import render_contracts

    report = contracts_report(register, year, buyers)
    render_contracts(report, fmt.value, missing_only=missing_environmental, buyers=buyers)


def main() -> None:
    """Console-script entry point. A usage error is one line too, as every other error:
    Click's three-line block (usage, hint, blank line) becomes `Error: … (see spapser X -h)`."""
    try:  # the Typer releases spapser allows carry their own copy of Click
        from typer._click import exceptions as click_errors
    except ImportError:  # pragma: no cover - a Typer that uses the installed Click
        from click import exceptions as click_errors  # type: ignore[no-redef]

    try:
        code = app(prog_name="spapser", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as exc:
        exc.show()  # `spapser` alone: the help, as Click gives it
        raise SystemExit(exc.exit_code) from None
    except click_errors.UsageError as exc:
        where = f" (see `{exc.ctx.command_path} -h`)" if exc.ctx is not None else ""
        typer.echo(f"Error: {exc.format_message()}{where}", err=True)
        raise SystemExit(exc.exit_code) from None
    except click_errors.Abort:
        typer.echo("Error: interrupted", err=True)
        raise SystemExit(130) from None
    raise SystemExit(code if isinstance(code, int) else 0)


# The yearly cycle's commands (plan, template, import, status) live in their own module.
from spapser_cli import cli_collect  # noqa: E402,F401
