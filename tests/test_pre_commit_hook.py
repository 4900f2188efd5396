"""The pre-commit hook this repository declares."""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml
from helpers import INVALID, MINIMAL, REPO


def _hooks() -> list[dict[str, object]]:
    return yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_spapser_validate_hook() -> None:
    [hook] = _hooks()
    assert hook["id"] == "spapser-validate"
    assert hook["language"] == "python"
    assert hook["entry"] == "spapser validate"
    # A changed action can break a measures file that did not change: check the whole folder.
    assert hook["pass_filenames"] is False
    assert hook["files"] == r"^data/.*\.ya?ml$"


def test_hook_file_pattern() -> None:
    [hook] = _hooks()
    pattern = re.compile(str(hook["files"]))
    for path in ["data/scheme.yaml", "data/actions/1-1.3.yaml", "data/measures/2015.yaml",
                 "data/measures/2015.yml"]:
        assert pattern.search(path), path
    for path in ["schemas/measures.schema.json", "tests/fixtures/valid/minimal/scheme.yaml",
                 "mydata/scheme.yaml", "data/notes.txt", "data/scheme.yaml.bak"]:
        assert not pattern.search(path), path


def test_hook_entry_is_the_console_script(tmp_path: Path) -> None:
    [hook] = _hooks()
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    command, *args = str(hook["entry"]).split()
    module, function = project["project"]["scripts"][command].split(":")
    assert callable(getattr(importlib.import_module(module), function))
    script = Path(sys.executable).with_name(command)
    # What pre-commit runs: the entry alone, at the root of a data repository.
    shutil.copytree(MINIMAL, tmp_path / "data")
    ok = subprocess.run([str(script), *args], cwd=tmp_path, capture_output=True, text=True,
                        timeout=60)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.endswith("file(s) checked: no problems\n")
    shutil.copy(INVALID / "negative-quantity" / "measures" / "2016.yaml",
                tmp_path / "data" / "measures" / "2016.yaml")
    bad = subprocess.run([str(script), *args], cwd=tmp_path, capture_output=True, text=True,
                         timeout=60)
    assert bad.returncode == 1
    assert bad.stdout.startswith("data/measures/2016.yaml:26:12: error[negative-quantity]: ")
    assert "Traceback" not in bad.stdout + bad.stderr
