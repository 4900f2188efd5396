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
    from .cli import main as run

    run()


if __name__ == "__main__":
    write_help()
