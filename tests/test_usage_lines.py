"""Usage errors through the real entry point: one `Error:` line naming where help is, exit 2.

CliRunner calls the Typer app directly, past `cli.main`, which is what turns Click's
three-line usage block into one line; so these run the installed entry point.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from spapser_cli.problems import ExitCode


def spapser(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SPAPSER_NO_CACHE": "1"}
    return subprocess.run([sys.executable, "-m", "spapser_cli", *args], capture_output=True,
                          text=True, env=env, timeout=60, check=False)


@pytest.mark.parametrize(("args", "line"), [
    (["compute", "2O15"], "Error: Invalid value for 'YEAR': '2O15' is not a whole number "
     "written with the digits 0-9 (at most 9) (see `spapser compute -h`)"),
    # Every command takes the same years: one `compute` refuses, `template` refuses too.
    (["compute", "99999"], "Error: Invalid value for 'YEAR': 99999 is not a year from 1990 to "
     "2100 (see `spapser compute -h`)"),
    (["template", "15"], "Error: Invalid value for 'YEAR': 15 is not a year from 1990 to 2100 "
     "(see `spapser template -h`)"),
    (["status", "15"], "Error: Invalid value for 'YEAR': 15 is not a year from 1990 to 2100 "
     "(see `spapser status -h`)"),
    (["series", "paper-recycled-share", "--from", "20"], "Error: Invalid value for '--from': "
     "20 is not a year from 1990 to 2100 (see `spapser series -h`)"),
    (["validate", "--bogus"], "Error: No such option: --bogus (see `spapser validate -h`)"),
    (["bogus"], "Error: No such command 'bogus'. (see `spapser -h`)"),
])
def test_a_usage_error_is_one_line(args: list[str], line: str) -> None:
    done = spapser(*args)
    assert done.returncode == ExitCode.USAGE
    assert done.stdout == ""
    assert [x for x in done.stderr.splitlines() if not x.startswith("data: ")] == [line]


def test_spapser_alone_shows_the_help() -> None:
    done = spapser()
    assert done.returncode == ExitCode.USAGE
    assert (done.stdout + done.stderr).startswith("Usage: spapser [OPTIONS] COMMAND")
    assert "Error:" not in done.stdout + done.stderr
