"""Issue 9: a data folder is never a surprise. `spapser init` writes a ready one, `spapser
schema` writes schemas that know it, every command says which folder it read, and the workbook
speaks the scheme's words. Tried on the SYNTHETIC département of tests/fixtures.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, SYNTHETIC, assert_no_traceback, copy_of, edit, run_cli

from spapser_cli.problems import ExitCode, display_path

SCHEME_ORDER = ["ECO-02", "ECO-01", "ECO-10", "INS.1a", "INS.1b"]




def test_the_workbook_uses_the_schemes_words(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "bilan.xlsx"
    result = run_cli(["export", "2024", "--data-dir", str(SYNTHETIC), "-o", str(target)])
    assert result.exit_code == ExitCode.OK, result.output
    book = load_workbook(target)
    assert "Orientation 1" in book.sheetnames and "Orientation 2" in book.sheetnames
    assert not any(name.startswith("Axe") for name in book.sheetnames)
    summary = book["Synthèse"]
    first = int(summary.freeze_panes[1:]) - 1  # the table, under the head block
    header = [c.value for c in summary[first]]
    assert header[:5] == ["Indicateur", "Identifiant", "Orientation", "Engagement", "Action"]
    assert summary["A6"].value.startswith("Orientation 1 — ")  # the head block, per axis
    codes = list(dict.fromkeys(row[4].value for row in summary.iter_rows(min_row=first + 1)
                               if row[1].value is not None))
    assert codes == SCHEME_ORDER
    assert book["Orientation 2"]["A1"].value == "Orientation 2 — Des achats solidaires"


# -- 7. the data folder is never a surprise --------------------------------------------------

def test_a_scheme_in_the_current_folder_is_used(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPAPSER_DATA_DIR", raising=False)
    folder = copy_of(tmp_path)
    monkeypatch.chdir(folder)
    result = run_cli(["compute", "2024", "--action", "ECO-01"])
    assert result.exit_code == ExitCode.OK, result.output
    assert "charging-points-installed" in result.stdout
    assert result.stderr == "data: . (scheme.yaml in the current folder)\n"


def test_outside_a_data_folder_the_bundled_example_says_so(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    monkeypatch.delenv("SPAPSER_DATA_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    result = run_cli(["compute", "2015", "--action", "1-1.3"])
    assert result.exit_code == ExitCode.OK, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith("data: the bundled example (Pas-de-Calais 2017-2020)")
    assert "--data-dir" in line and "spapser init" in line


def test_in_an_empty_folder_every_command_says_it_uses_the_bundled_example(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPAPSER_DATA_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    for args in (["validate"], ["actions"], ["compute", "2015"], ["series", "paper-recycled-share"],
                 ["export", "2015"], ["schema", "-o", "out"]):
        result = run_cli(args)
        assert result.exit_code == ExitCode.OK, (args, result.output)
        assert result.stderr.startswith("data: the bundled example"), (args, result.stderr)
    refused = run_cli(["schema"])  # would write into the installed package
    assert refused.exit_code == ExitCode.USAGE
    assert refused.stderr.splitlines()[-1].startswith("Error: the bundled example ships with")


def test_every_command_names_its_data_folder(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPAPSER_DATA_DIR", raising=False)
    shown = display_path(SYNTHETIC)
    for args in (["validate"], ["actions"], ["compute", "2024"], ["series", "paper-tonnage"],
                 ["export", "2024", "-o", str(tmp_path / "b.xlsx")]):
        result = run_cli([*args, "--data-dir", str(SYNTHETIC)])
        assert result.exit_code == ExitCode.OK, (args, result.output)
        assert f"data: {shown} (--data-dir)\n" in result.stderr, args


# -- 8. spapser init -------------------------------------------------------------------------

def test_init_writes_a_data_repository_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "x"
    result = run_cli(["init", str(target), "--organisation", "Département d'Essai"])
    assert_no_traceback(result)
    assert result.exit_code == ExitCode.OK, result.output
    for name in ("scheme.yaml", ".pre-commit-config.yaml", ".gitignore",
                 "schemas/measures.schema.json"):
        assert (target / name).is_file(), name
    assert len(list((target / "actions").glob("*.yaml"))) == 1
    assert len(list((target / "measures").glob("*.yaml"))) == 1
    assert "reports/" in (target / ".gitignore").read_text(encoding="utf-8")
    assert "Département d'Essai" in (target / "scheme.yaml").read_text(encoding="utf-8")
    assert (target / ".git").is_dir()
    checked = run_cli(["validate", "--data-dir", str(target), "--strict"])
    assert checked.exit_code == ExitCode.OK, checked.output


def test_init_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "x"
    target.mkdir()
    (target / "scheme.yaml").write_text("# mine\n", encoding="utf-8")
    result = run_cli(["init", str(target), "--organisation", "Essai"])
    assert result.exit_code == ExitCode.CANNOT_WRITE
    assert result.stderr.count("\n") == 1 and "scheme.yaml" in result.stderr
    assert (target / "scheme.yaml").read_text(encoding="utf-8") == "# mine\n"
    assert sorted(p.name for p in target.iterdir()) == ["scheme.yaml"]


def test_init_hook_refuses_a_bad_commit(tmp_path: Path) -> None:
    import subprocess

    target = tmp_path / "x"
    assert run_cli(["init", str(target), "--organisation", "Essai"]).exit_code == 0
    git = ["git", "-C", str(target), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "add", "-A"], check=True, capture_output=True)
    good = subprocess.run([*git, "commit", "-qm", "init"], capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr
    measures = next((target / "measures").glob("*.yaml"))
    measures.write_text(measures.read_text(encoding="utf-8") + "bogus: 1\n", encoding="utf-8")
    subprocess.run([*git, "add", "-A"], check=True, capture_output=True)
    bad = subprocess.run([*git, "commit", "-qm", "bad"], capture_output=True, text=True)
    assert bad.returncode != 0
    assert "unknown-key" in bad.stdout + bad.stderr


# -- 9. schemas that know the data -----------------------------------------------------------

def test_schema_lists_this_datasets_variables_and_indicators(tmp_path: Path) -> None:
    folder = copy_of(tmp_path)
    result = run_cli(["schema", "--data-dir", str(folder)])
    assert result.exit_code == ExitCode.OK, result.output
    measures = json.loads((folder / "schemas" / "measures.schema.json").read_text("utf-8"))
    variables = measures["properties"]["measures"]["properties"]
    assert sorted(variables) == sorted([
        "paper-purchases", "charging-points", "fleet-km-electric", "fleet-km-thermal",
        "furniture-reused", "furniture-bought", "insertion-hours", "insertion-hours-local"])
    assert measures["properties"]["measures"]["additionalProperties"] is False
    points = json.dumps(variables["charging-points"])
    assert '"nombre"' in points and '"integer"' in points
    assert "espaces-verts" in json.dumps(variables["insertion-hours"])
    assert "furniture-reuse-ratio" in measures["properties"]["reported"]["properties"]


def test_the_dataset_schema_rejects_a_misspelt_variable(tmp_path: Path) -> None:
    import subprocess
    import sys

    folder = copy_of(tmp_path)
    assert run_cli(["schema", "--data-dir", str(folder)]).exit_code == ExitCode.OK
    check = Path(sys.executable).with_name("check-jsonschema")
    schema = str(folder / "schemas" / "measures.schema.json")
    files = sorted(str(p) for p in (folder / "measures").glob("*.yaml"))
    ok = subprocess.run([str(check), "--schemafile", schema, *files], capture_output=True,
                        text=True, timeout=120)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    edit(folder, "measures/2022.yaml", "  charging-points:", "  charging-point:")
    bad = subprocess.run([str(check), "--schemafile", schema, files[1]], capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "charging-point" in bad.stdout


def test_the_shipped_data_passes_its_own_schemas_which_reject_a_misspelt_variable(
        tmp_path: Path) -> None:
    import subprocess
    import sys

    data = tmp_path / "data"
    shutil.copytree(FIXTURES.parent.parent / "data", data)
    assert run_cli(["schema", "--data-dir", str(data)]).exit_code == ExitCode.OK
    check = Path(sys.executable).with_name("check-jsonschema")
    schemas = data / "schemas"
    for kind, pattern in (("scheme", "scheme.yaml"), ("action", "actions/*.yaml"),
                          ("measures", "measures/*.yaml")):
        files = sorted(str(p) for p in data.glob(pattern))
        done = subprocess.run([str(check), "--schemafile", str(schemas / f"{kind}.schema.json"),
                               *files], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
    measures = data / "measures" / "2015.yaml"
    measures.write_text(measures.read_text(encoding="utf-8").replace(
        "  paper-consumption:", "  paper-consumptin:"), encoding="utf-8")
    bad = subprocess.run([str(check), "--schemafile", str(schemas / "measures.schema.json"),
                          str(measures)], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "paper-consumptin" in bad.stdout, bad.stdout
