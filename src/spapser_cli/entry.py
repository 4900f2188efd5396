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


def main() -> None:
    # spapser uses no Pydantic plugin; looking for them scans every installed package's
    # metadata (~10 ms at each start-up).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from spapser_cli.i18n import current_language, language_from_argv, set_language

    chosen = language_from_argv(sys.argv[1:])
    set_language(chosen)  # before `cli` renders its help texts
    if without_lang(sys.argv[1:], chosen) in (["--help"], ["-h"]) and \
            shutil.get_terminal_size((HELP_WIDTH, 24)).columns >= HELP_WIDTH:
        try:
            sys.stdout.write(HELP_FILES[current_language()].read_text(encoding="utf-8"))
            return
        except OSError:
            pass  # fall back on Typer
    if sys.argv[1:2] in (["export"], ["template"], ["import"]):
        import_openpyxl_without_numpy()
    from .cli import main as run

    run()


def without_lang(args: list[str], chosen: str | None) -> list[str]:
    """The arguments without a leading, valid `--lang X` (`--help` alone is then served from
    the help file)."""
    if chosen is not None and args[:1] == ["--lang"]:
        return args[2:]
    if chosen is not None and args[:1] and args[0].startswith("--lang="):
        return args[1:]
    return args


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
