"""The `spapser` console script.

`spapser --help` is the first thing a user runs; importing Typer alone takes about 40 ms,
more than four times a bare `python -c pass` on our machines. So the top-level help is served
from `help.txt`, the text Typer itself renders for the app (a test keeps the two identical);
every other invocation goes through the Typer app in `cli.py`.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

HELP_FILE = Path(__file__).with_name("help.txt")
HELP_WIDTH = 80  # Click wraps help at min(terminal width, 80) columns


def render_toplevel_help() -> str:
    """The help text as Typer renders it (imports Typer: for `write_help` and the tests)."""
    from typer.testing import CliRunner

    from .cli import app

    result = CliRunner().invoke(app, ["--help"], prog_name="spapser", terminal_width=HELP_WIDTH)
    return result.stdout


def write_help() -> None:
    """Regenerate help.txt after changing the commands: `python -m spapser_cli.entry`."""
    HELP_FILE.write_text(render_toplevel_help(), encoding="utf-8")


def main() -> None:
    # spapser uses no Pydantic plugin; looking for them scans every installed package's
    # metadata (~10 ms at each start-up).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if sys.argv[1:] in (["--help"], ["-h"]) and \
            shutil.get_terminal_size((HELP_WIDTH, 24)).columns >= HELP_WIDTH:
        try:
            sys.stdout.write(HELP_FILE.read_text(encoding="utf-8"))
            return
        except OSError:
            pass  # fall back on Typer
    if sys.argv[1:2] in (["export"], ["template"], ["import"]):
        import_openpyxl_without_numpy()
    from .cli import main as run

    run()


def import_openpyxl_without_numpy() -> None:
    """Import openpyxl with numpy out of sight, in the `spapser export` process only.

    openpyxl imports numpy whenever it is installed (the test extra brings it with pandas),
    only to accept numpy numbers in cells: about 45 ms, a fifth of an export. The exporter
    writes Python numbers, and this process ends with the export, so nothing will ever hand
    openpyxl a numpy number here. Library callers of `export.export_workbook` are untouched:
    their openpyxl is imported the ordinary way."""
    if "numpy" in sys.modules or "openpyxl" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` now fails
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        pass  # reported by the export itself, with its usual message
    finally:
        del sys.modules["numpy"]


if __name__ == "__main__":
    write_help()
