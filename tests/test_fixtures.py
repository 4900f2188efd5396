"""Walk `tests/fixtures/`: every valid case passes, every invalid case fails with exactly the
problems its `expect.txt` lists, at the exact line and column, and leaves every file as it was.

`tests/fixtures/invalid/<code>[--<variant>]/expect.txt`:

    # comments
    mode: files          files: `spapser validate <every file of the folder> --data-dir minimal`
                         folder: `spapser validate --data-dir <the folder>`
    options: --strict    (optional) more arguments
    measures/2016.yaml:8:17 french-number     one line per expected problem (all of them)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from helpers import FIXTURES, INVALID, MINIMAL, assert_no_traceback, parse_problems, run_cli

from spapser_cli.problems import PROBLEM_CODES, ExitCode

# Codes no data file can trigger through `spapser validate`, and why.
NOT_FROM_VALIDATE: dict[str, str] = {
    "reported-gap": "compares a reported value with the value the engine computes: raised by "
                    "`spapser compute`, not by the validation layer",
    # Raised by `spapser import` about the collection files it reads (not data files):
    # tests/test_collect_import.py gives each its file and cell.
    "not-a-collection-file": "spapser import", "collection-year-mismatch": "spapser import",
    "missing-column": "spapser import", "unknown-sheet": "spapser import",
    "missing-id": "spapser import", "import-conflict": "spapser import",
    # A warning of the commands that read the data while one year's file is broken
    # (tests/test_collect_years.py); validate reports the file's own errors instead.
    "broken-year": "compute, series, export",
}


@dataclass
class Expectation:
    folder: Path
    mode: str
    options: list[str] = field(default_factory=list)
    problems: set[tuple[str, str]] = field(default_factory=set)  # (location, code)

    @property
    def code(self) -> str:
        return self.folder.name.split("--")[0]


def read_expectation(folder: Path) -> Expectation:
    expectation = Expectation(folder, mode="")
    for raw in (folder / "expect.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("mode:"):
            expectation.mode = line.split(":", 1)[1].strip()
        elif line.startswith("options:"):
            expectation.options = line.split(":", 1)[1].split()
        else:
            location, code = line.rsplit(" ", 1)
            expectation.problems.add((location, code))
    assert expectation.mode in ("files", "folder"), f"{folder}/expect.txt: bad mode"
    assert expectation.problems, f"{folder}/expect.txt lists no problem"
    return expectation


def data_files(folder: Path) -> list[str]:
    """The fixture's data files, relative to it, sorted."""
    return sorted(
        str(path.relative_to(folder)) for path in folder.rglob("*")
        if (path.is_file() or path.is_symlink()) and path.name not in ("expect.txt", ".gitkeep")
    )


def snapshot(*folders: Path) -> dict[str, tuple[bytes | str, int]]:
    """Every entry's content (or link target) and modification time."""
    state: dict[str, tuple[bytes | str, int]] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            info = path.lstat()
            if path.is_symlink():
                state[str(path)] = (os.readlink(path), info.st_mtime_ns)
            elif path.is_file():
                state[str(path)] = (path.read_bytes(), info.st_mtime_ns)
            else:
                state[str(path)] = ("<dir>", info.st_mtime_ns)
    return state


INVALID_CASES = sorted(p for p in INVALID.iterdir() if p.is_dir())
VALID_EDGE_CASES = sorted(p for p in (FIXTURES / "valid").iterdir()
                          if p.is_dir() and p != MINIMAL)


@pytest.mark.parametrize("folder", INVALID_CASES, ids=lambda p: p.name)
def test_invalid_fixture(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expectation = read_expectation(folder)
    assert expectation.code in PROBLEM_CODES, f"{folder.name}: not a problem code"
    assert expectation.code in {code for _, code in expectation.problems}
    if folder.name == "file-not-found" and not (folder / "measures/2016.yaml").is_symlink():
        pytest.skip("symbolic links were checked out as plain files")
    monkeypatch.chdir(folder)  # so that messages name files relative to the fixture
    if expectation.mode == "files":
        args = ["validate", *data_files(folder), "--data-dir", str(MINIMAL)]
    else:
        args = ["validate", "--data-dir", "."]
    before = snapshot(folder, MINIMAL)

    result = run_cli(args + expectation.options)

    assert_no_traceback(result)
    assert result.exit_code == ExitCode.INVALID_DATA, result.output
    found = sorted((p.location, p.code) for p in parse_problems(result.stdout))
    assert found == sorted(expectation.problems), result.output  # each reported once
    assert snapshot(folder, MINIMAL) == before


@pytest.mark.parametrize("folder", VALID_EDGE_CASES, ids=lambda p: p.name)
def test_valid_edge_case(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = data_files(folder)
    assert files
    monkeypatch.chdir(folder)
    before = snapshot(folder, MINIMAL)

    result = run_cli(["validate", *files, "--data-dir", str(MINIMAL)])

    assert_no_traceback(result)
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout == f"{len(files)} file(s) checked: no problems\n"
    assert snapshot(folder, MINIMAL) == before


def test_minimal_folder_is_valid() -> None:
    result = run_cli(["validate", "--data-dir", str(MINIMAL), "--strict"])
    assert_no_traceback(result)
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout.endswith("7 file(s) checked: no problems\n")


def test_edge_case_bytes_survived_checkout() -> None:
    """Guard against git normalising the line ends or dropping the byte-order mark."""
    bom = (FIXTURES / "valid/bom/measures/2016.yaml").read_bytes()
    assert bom.startswith(b"\xef\xbb\xbf# yaml-language-server")
    crlf = (FIXTURES / "valid/crlf/actions/1-1.1.yaml").read_bytes()
    assert crlf.count(b"\r\n") == crlf.count(b"\n") > 50
    both = (FIXTURES / "valid/bom-crlf/scheme.yaml").read_bytes()
    assert both.startswith(b"\xef\xbb\xbf") and b"\r\n" in both and b"\n\n" not in both
    latin1 = (INVALID / "encoding/measures/2016.yaml").read_bytes()
    assert b"Relev\xe9s" in latin1


def test_every_problem_code_has_a_fixture() -> None:
    covered = {read_expectation(folder).code for folder in INVALID_CASES}
    missing = set(PROBLEM_CODES) - covered - set(NOT_FROM_VALIDATE)
    assert not missing, f"problem codes without a fixture in tests/fixtures/invalid: {missing}"
    # An exclusion must stay justified: drop it once the code gets a fixture.
    assert set(NOT_FROM_VALIDATE) <= set(PROBLEM_CODES)
    assert not set(NOT_FROM_VALIDATE) & covered


def test_fixture_folders_are_named_after_their_code() -> None:
    for folder in INVALID_CASES:
        assert folder.name.split("--")[0] in PROBLEM_CODES, folder.name
