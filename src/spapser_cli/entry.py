"""The `spapser` console script.

`spapser --help` is the first thing a user runs; importing Typer alone takes about 40 ms,
more than four times a bare `python -c pass` on our machines. So the top-level help is served
from `help.txt`, the text Typer itself renders for the app (a test keeps the two identical);
every other invocation goes through the Typer app in `cli.py`.

This is also the outermost edge of the failure model (docs/design.md): whatever happens, the
process ends with its exit code and at most one `Error:` line, never a traceback. Ctrl-C
exits 130 and SIGTERM 143, after the `finally` blocks have removed any temporary file; an
output that cannot be written (closed, full, a pipe whose reader left) exits 3; a working
folder that no longer exists exits 2.
"""

from __future__ import annotations

import os
import sys

try:  # Ctrl-C while the entry point itself loads, before `main` can handle it
    import shutil
    import signal
    from pathlib import Path
except KeyboardInterrupt:
    os.write(2, b"Error: interrupted\n")
    raise SystemExit(130) from None

TYPE_CHECKING = False  # `typing` costs ~3 ms, a tenth of `spapser --help`
if TYPE_CHECKING:
    from typing import Any, TextIO

HELP_FILE = Path(__file__).with_name("help.txt")
# The top-level help of each language (`help.txt` is English, the language of the source).
HELP_FILES = {"en": HELP_FILE, "fr": Path(__file__).with_name("help.fr.txt")}
HELP_WIDTH = 80  # Click wraps help at min(terminal width, 80) columns


def render_toplevel_help() -> str:
    """The help text as Typer renders it, in the language chosen when `cli` was first
    imported (imports Typer: for `write_help` and the tests)."""
    from typer.testing import CliRunner

    from .cli import app

    result = CliRunner().invoke(app, ["--help"], prog_name="spapser", terminal_width=HELP_WIDTH)
    return result.stdout


def write_help() -> None:
    """Regenerate help.txt and help.fr.txt after changing the commands or the catalogs:
    `python -m spapser_cli.entry`. Each language is rendered in a process of its own, since
    the help texts are translated when `cli` is imported."""
    import subprocess

    for language, path in HELP_FILES.items():
        code = "from spapser_cli.entry import render_toplevel_help as r; print(r(), end='')"
        text = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                              env={**os.environ, "SPAPSER_LANG": language}, text=True,
                              encoding="utf-8").stdout
        path.write_text(text, encoding="utf-8")


def N_(message: str) -> str:
    """Marks a message for the catalog (as `spapser_cli.i18n.N_`, without importing it)."""
    return message


# The few lines said before (or outside) a command, translated when shown (`_error_line`).
ENTRY_MESSAGES = (N_("interrupted"), N_("terminated"), N_("Error: {message}"))

_MAIN_PID = os.getpid()
_SIGNAL_LINES = {2: b"Error: interrupted\n", 15: b"Error: terminated\n"}


def _on_fatal_signal(signum: int, frame: object) -> None:
    """Ctrl-C or SIGTERM: remove the temporary files of the writes in progress, say so in one
    line, and end with 128 + the signal's number.

    Done here rather than by raising `KeyboardInterrupt`: a library's bare `except:` (there
    are some in openpyxl) would turn that exception into an error of its own, and the
    temporary file would stay. Worker processes (forked by `validate`) end silently."""
    if os.getpid() == _MAIN_PID:
        files = sys.modules.get("spapser_cli.files")
        if files is not None:
            files.remove_temporaries()
        line = _SIGNAL_LINES.get(signum, b"Error: interrupted\n")
        i18n = sys.modules.get("spapser_cli.i18n")
        if i18n is not None:  # the catalog is read by then, if one is needed
            try:
                reason = i18n._(ENTRY_MESSAGES[1] if signum == 15 else ENTRY_MESSAGES[0])
                line = (i18n._("Error: {message}").format(message=reason) + "\n").encode()
            except Exception:
                pass
        try:
            os.write(2, line)
        except OSError:
            pass
    os._exit(128 + signum)


class PrintableStderr:
    """stderr, with every control, format and separator character but the newline written as
    a visible escape: a safety net under the renderers for what Click prints itself (it
    quotes an unknown option as typed). spapser never colours stderr."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from spapser_cli.render.terminal import printable_lines

        self._stream.write(printable_lines(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:  # flush, fileno, isatty, encoding...
        if name == "buffer":  # Click would write to the bytes underneath
            raise AttributeError(name)
        return getattr(self._stream, name)


def _error_line(message: str) -> None:
    """The one line a failure prints, in the user's language; stderr itself may be closed or
    full."""
    try:
        from spapser_cli.i18n import _, translate

        line = _("Error: {message}").format(message=translate(message))
    except Exception:  # a broken installation: the English line rather than none
        line = f"Error: {message}"
    try:
        if sys.stderr is not None:
            sys.stderr.write(f"{line}\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _flush_output(code: int) -> int:
    """Write what is still buffered: a full disk or a closed pipe shows only now. Exit 3
    then, with one line (unless a failure to write was already reported)."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
        return code
    except (OSError, ValueError) as exc:
        # The interpreter flushes again at exit: let that one go nowhere, silently.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        if code == 3:
            return code
        from spapser_cli.files import output_failure

        _error_line(output_failure(exc) or f"cannot write the output: {exc}")
        return 3


def main() -> None:
    global _MAIN_PID
    _MAIN_PID = os.getpid()
    code: int = 0
    try:
        for name in ("SIGINT", "SIGTERM"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), _on_fatal_signal)
        code = _run()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except KeyboardInterrupt:  # raised before the handler was in place
        _error_line("interrupted")
        code = 130
    except Exception as exc:  # outside any command: the help, Click's own messages
        from spapser_cli.files import output_failure

        reason = output_failure(exc)
        _error_line(reason or _internal_line(exc))
        code = 3 if reason else 70
    raise SystemExit(_flush_output(code))


def _internal_line(exc: Exception) -> str:
    try:
        from spapser_cli.i18n import _
    except Exception:
        return f"internal error: {type(exc).__name__}: {exc} (please report it)"
    return _("internal error: {kind}: {error} (please report it)").format(
        kind=type(exc).__name__, error=exc)


def _run() -> int:
    if sys.stdout is None:  # started with `>&-`
        _error_line(N_("cannot write the output: the standard output is closed"))
        return 3
    try:
        os.getcwd()
    except OSError:
        _error_line(N_("the working folder no longer exists (or cannot be read): change to "
                       "another folder and run the command again"))
        return 2
    if sys.stderr is not None:
        sys.stderr = PrintableStderr(sys.stderr)
    # spapser uses no Pydantic plugin; looking for them scans every installed package's
    # metadata (~10 ms at each start-up).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from spapser_cli.i18n import current_language, language_from_argv, set_language

    chosen = language_from_argv(sys.argv[1:])
    set_language(chosen)  # before `cli` renders its help texts
    if without_lang(sys.argv[1:], chosen) in (["--help"], ["-h"]) and \
            shutil.get_terminal_size((HELP_WIDTH, 24)).columns >= HELP_WIDTH:
        try:
            text = HELP_FILES[current_language()].read_text(encoding="utf-8")
        except OSError:
            pass  # fall back on Typer
        else:
            sys.stdout.write(text)
            return 0
    if sys.argv[1:2] in (["template"], ["import"]):  # export writes with XlsxWriter
        import_openpyxl_without_numpy()
    from .cli import main as run

    run()
    return 0


def without_lang(args: list[str], chosen: str | None) -> list[str]:
    """The arguments without a leading, valid `--lang X` (`--help` alone is then served from
    the help file)."""
    if chosen is not None and args[:1] == ["--lang"]:
        return args[2:]
    if chosen is not None and args[:1] and args[0].startswith("--lang="):
        return args[1:]
    return args


def import_openpyxl_without_numpy() -> None:
    """Import openpyxl with numpy out of sight, in the `spapser template`/`import` process
    only.

    openpyxl imports numpy whenever it is installed (the test extra brings it with pandas),
    only to accept numpy numbers in cells: about 45 ms. Those commands write Python numbers,
    and this process ends with the command, so nothing will ever hand openpyxl a numpy number
    here. Library callers are untouched: their openpyxl is imported the ordinary way. (The
    bilan workbook is written with XlsxWriter, which does not import numpy.)"""
    if "numpy" in sys.modules or "openpyxl" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` now fails
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        pass  # reported by the command itself, with its usual message
    finally:
        del sys.modules["numpy"]


if __name__ == "__main__":
    write_help()
