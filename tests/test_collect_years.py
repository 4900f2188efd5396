"""Working on one year while the others stand: a broken measures file blocks only its year."""

from __future__ import annotations

import json
from pathlib import Path

from collect_helpers import data_copy
from helpers import assert_no_traceback, parse_problems, run_cli


def break_2014(tmp_path: Path) -> Path:
    data = data_copy(tmp_path)
    path = data / "measures" / "2014.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  charging-points:", "  charging-pointz:"), encoding="utf-8")
    return data


def test_other_years_still_compute_with_one_warning_line(tmp_path: Path):
    data = break_2014(tmp_path)
    result = run_cli(["compute", "2015", "--data-dir", str(data), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    [warning] = report["warnings"]
    assert warning["code"] == "broken-year"
    assert warning["file"] == str(data / "measures" / "2014.yaml")
    results = {i["id"]: i for i in report["indicators"]}
    assert results["charging-points"]["value"] == 20
    new = results["charging-points-new"]
    assert new["value"] is None
    assert new["reason"] == f"no previous year: {data / 'measures' / '2014.yaml'} has errors"
    # A change is never bridged over the broken year to 2013, as over a gap: the measures of
    # 2014 are unknown, so the computed change is n/d and the published -9 % stands, with no
    # reported-gap warning against a change from 2013.
    change = results["paper-consumption-change"]
    assert (change["value"], change["provenance"], change["previous"]) == (-9, "reported", None)
    table = run_cli(["compute", "2015", "--data-dir", str(data)])
    assert table.stdout.count("broken-year") == 1


def test_the_broken_year_itself_and_validate_still_fail(tmp_path: Path):
    data = break_2014(tmp_path)
    result = run_cli(["compute", "2014", "--data-dir", str(data)])
    assert result.exit_code == 1
    assert f"{data / 'measures' / '2014.yaml'} has errors: fix them first" in result.stderr
    assert_no_traceback(result)
    status = run_cli(["status", "2014", "--data-dir", str(data)])
    assert status.exit_code == 1 and "has errors: fix them first" in status.stderr
    validate = run_cli(["validate", "--data-dir", str(data)])
    assert validate.exit_code == 1
    [problem] = [p for p in parse_problems(validate.stdout) if p.severity == "error"]
    assert problem.code == "unknown-variable"


def test_an_error_outside_the_measures_still_blocks_everything(tmp_path: Path):
    data = data_copy(tmp_path)
    sheet = data / "actions" / "1-1.3.yaml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("axis: 1", "axis: 9"),
                     encoding="utf-8")
    result = run_cli(["compute", "2015", "--data-dir", str(data)])
    assert result.exit_code == 1
    assert "unknown-axis" in result.stderr


def test_a_year_to_start_says_how(tmp_path: Path):
    result = run_cli(["compute", "2018", "--data-dir", str(data_copy(tmp_path))])
    assert result.exit_code == 1
    assert "to start 2018: `spapser template 2018`" in result.stderr
