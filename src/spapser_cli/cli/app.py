"""The Typer app and what every command shares: error handling, options, argument parsers,
output formats, and `main`, the console script's way in."""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from spapser_cli import __version__
from spapser_cli.cli import clicktext

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

clicktext.install()  # Click's and Typer's own words (`Usage:`, `Options`) in the user's language

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
            raise _fail(_("interrupted"), 130) from None
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
    return _fail(_("internal error: {kind}: {error} (run with --debug for the traceback, and "
                   "please report it)").format(kind=type(exc).__name__, error=exc),
                 ExitCode.INTERNAL)


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
        raise typer.BadParameter(_("{value} is not a whole number written with the digits "
                                   "0-9 (at most {digits})").format(value=shown,
                                                                    digits=MAX_DIGITS))
    number = int(text)
    if minimum is not None and number < minimum:
        raise typer.BadParameter(_("{number} is below {minimum}").format(number=number,
                                                                         minimum=minimum))
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
        raise typer.BadParameter(_("{number} is not a year from {first} to {last}").format(
            number=number, first=FIRST_YEAR, last=LAST_YEAR))
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
        message = clicktext.usage_message(exc)
        if exc.ctx is not None:
            message += _(" (see `{command} -h`)").format(command=exc.ctx.command_path)
        typer.echo(_("Error: {message}").format(message=message), err=True)
        raise SystemExit(exc.exit_code) from None
    except click_errors.Abort:
        typer.echo(_("Error: {message}").format(message=_("interrupted")), err=True)
        raise SystemExit(130) from None
    raise SystemExit(code if isinstance(code, int) else 0)
