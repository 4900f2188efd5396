"""Paths and helpers shared by the tests (imported as `helpers`: tests/ is on sys.path)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner, Result

from spapser_cli.cli import app

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
MINIMAL = FIXTURES / "valid" / "minimal"
INVALID = FIXTURES / "invalid"
SYNTHETIC = FIXTURES / "synthetic-departement"  # a fictional département, labelled synthetic

# `file:line:col: severity[code]: message`, line and column optional.
PROBLEM_LINE = re.compile(
    r"^(?P<file>[^:\n]+?)(?::(?P<line>\d+)(?::(?P<col>\d+))?)?: "
    r"(?P<severity>error|warning)\[(?P<code>[a-z0-9-]+)\]: (?P<message>.+)$",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Reported:
    location: str  # `file:line:col`, as far as known
    severity: str
    code: str
    message: str


def parse_problems(output: str) -> list[Reported]:
    """Every problem line of a text report."""
    found = []
    for match in PROBLEM_LINE.finditer(output):
        location = ":".join(p for p in (match["file"], match["line"], match["col"]) if p)
        found.append(Reported(location, match["severity"], match["code"], match["message"]))
    return found


def run_cli(args: Sequence[str], env: dict[str, str] | None = None) -> Result:
    """Run `spapser ARGS` in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=True)


def errors_of(result: Result) -> str:
    """stderr without the line that names the data folder read (`data: …`, issue 9)."""
    return "".join(line for line in result.stderr.splitlines(keepends=True)
                   if not line.startswith("data: "))


def assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    # CliRunner turns an uncaught exception into `result.exception`; only exits are expected.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def copy_of(tmp_path: Path) -> Path:
    """A copy of the synthetic département's data folder, to edit."""
    folder = tmp_path / "essai"
    shutil.copytree(SYNTHETIC, folder)
    return folder


def edit(folder: Path, file: str, old: str, new: str) -> None:
    """Replace `old` (which must be there) by `new` once in `folder/file`."""
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (file, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
