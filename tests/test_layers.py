"""The package's layers (pyproject.toml, [tool.importlinter]) hold, and breaking them fails.

`lint-imports` builds the import graph of `spapser_cli` statically, so these tests run it in a
subprocess on the real package, and on a copy with one upward import added.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "spapser_cli"


def lint_imports(config: Path, package_parent: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    command = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"
    return subprocess.run([sys.executable, "-c", command, "--config", str(config), "--no-cache"],
                          capture_output=True, text=True, env=env, cwd=config.parent,
                          timeout=120)


def test_every_layer_imports_only_the_layers_below_it() -> None:
    done = lint_imports(REPO / "pyproject.toml", REPO / "src")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Layers follow the data flow KEPT" in done.stdout
    assert "No cycles between the modules of a package KEPT" in done.stdout


@pytest.mark.parametrize(("module", "upward"), [
    ("engine/results.py", "spapser_cli.render.formatting"),  # the engine importing a renderer
    ("read/yamlio.py", "spapser_cli.engine"),                 # the reader importing the engine
    ("catalog/records.py", "spapser_cli.read.models"),        # the catalog importing Pydantic
    ("render/plaintable.py", "spapser_cli.export.cells"),     # a renderer importing the export
])
def test_an_upward_import_breaks_the_layers(tmp_path: Path, module: str, upward: str) -> None:
    copy = tmp_path / "src" / "spapser_cli"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    with (copy / module).open("a", encoding="utf-8") as file:
        file.write(f"\nimport {upward}  # noqa\n")
    done = lint_imports(tmp_path / "pyproject.toml", tmp_path / "src")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Layers follow the data flow BROKEN" in done.stdout
    importer = "spapser_cli." + module.removesuffix(".py").replace("/", ".")
    assert f"{importer} -> {upward}" in done.stdout


def test_a_cycle_between_two_modules_of_a_package_breaks_the_contract(tmp_path: Path) -> None:
    copy = tmp_path / "src" / "spapser_cli"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    # formulas is imported by engine; make it import engine back
    with (copy / "engine" / "formulas.py").open("a", encoding="utf-8") as file:
        file.write("\nimport spapser_cli.engine.engine  # noqa\n")
    done = lint_imports(tmp_path / "pyproject.toml", tmp_path / "src")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "No cycles between the modules of a package BROKEN" in done.stdout
