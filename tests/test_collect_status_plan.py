"""`spapser status` (completeness of a year) and `spapser plan` (the evaluation plan)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from collect_helpers import DATA, data_copy, fill, folder_digest, make_template
from helpers import FIXTURES, assert_no_traceback, parse_problems, run_cli

MINIMAL = FIXTURES / "valid" / "minimal"


def status(data: Path, year: int, *extra: str):
    return run_cli(["status", str(year), "--data-dir", str(data), *extra])


def test_status_json_per_action_and_pilot():
    result = status(MINIMAL, 2017, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["due"] == ["1-1.1"] and report["due_incomplete"] == []
    actions = {a["action"]: a for a in report["actions"]}
    assert actions["1-1.1"]["complete"] is True
    fleet = {i["id"]: i["state"] for i in actions["1-1.2"]["indicators"]}
    assert fleet["fuel-per-100km"] == "missing"
    variables = {v["id"]: v for v in actions["1-1.2"]["variables"]}
    assert variables["fuel-consumed"]["missing_categories"] == ["cars", "vans"]
    assert report["pilots"]["Direction de la commande publique"] == {
        "filled": 3, "not-measured": 0, "missing": 0}


def test_status_strict_fails_until_the_due_figures_are_imported(tmp_path: Path):
    data = data_copy(tmp_path, MINIMAL)
    failed = status(data, 2018, "--strict")
    assert failed.exit_code == 1
    assert "no measures file yet: `spapser template 2018`" in failed.stdout
    assert "Due in 2018: 1-1.2, 2-1.1; lacking figures: 1-1.2, 2-1.1" in failed.stdout
    book = make_template(data, 2018, tmp_path / "c.xlsx", "--evaluated")
    values = {(v, c, ""): n for v, cats, n in (
        ("fuel-consumed", ("cars", "vans"), 60000), ("distance-driven", ("cars", "vans"), 9e5),
        ("contracts-sme", ("works", "services", "supplies"), 30),
        ("contracts-all", ("works", "services", "supplies"), 50)) for c in cats}
    values[("charging-points", "", "")] = 18
    values[("", "", "buyer-survey")] = "Les dossiers sont jugés plus simples."
    values[("", "", "purchasing-rules-adopted")] = "réalisé"
    imported = run_cli(["import", str(fill(book, 2018, values)), "--data-dir", str(data)])
    assert imported.exit_code == 0, imported.output
    passed = status(data, 2018, "--strict")
    assert passed.exit_code == 0, passed.stdout
    assert "Due in 2018: 1-1.2, 2-1.1; all have their figures" in passed.stdout


def test_status_counts_not_measured_as_an_answer(tmp_path: Path):
    data = data_copy(tmp_path, MINIMAL)
    book = make_template(data, 2018, tmp_path / "c.xlsx")
    filled = fill(book, 2018, {("charging-points", "", ""): "NC"})
    assert run_cli(["import", str(filled), "--data-dir", str(data)]).exit_code == 0
    report = json.loads(status(data, 2018, "--format", "json").stdout)
    actions = {a["action"]: a for a in report["actions"]}
    states = {i["id"]: i["state"] for i in actions["1-1.2"]["indicators"]}
    assert states["charging-points-count"] == "not-measured"
    assert states["fuel-per-100km"] == "missing"


def test_plan_propose_splits_the_actions_into_thirds():
    result = run_cli(["plan", "--propose", "--data-dir", str(DATA)])
    assert result.exit_code == 0, result.output
    proposed = yaml.safe_load(result.stdout)["evaluation"]["plan"]
    assert [e["year"] for e in proposed] == [2017, 2018, 2019]
    assert [len(e["actions"]) for e in proposed] == [7, 7, 7]
    every = sorted(c for e in proposed for c in e["actions"])
    assert every == sorted(p.stem for p in (DATA / "actions").glob("*.yaml"))
    assert "# 2017: 7 action(s), 15 quantitative indicator(s), 6 pilot(s)" in result.stdout


def test_plan_propose_honours_the_years_decided(tmp_path: Path):
    data = data_copy(tmp_path, MINIMAL)
    result = run_cli(["plan", "--propose", "--data-dir", str(data)])
    proposed = yaml.safe_load(result.stdout)["evaluation"]["plan"]
    assert proposed == [{"year": 2017, "actions": ["1-1.1"]},
                        {"year": 2018, "actions": ["1-1.2", "2-1.1"]},
                        {"year": 2019, "actions": []}]
    assert "# 2017 (decided)" in result.stdout


def test_plan_write_keeps_comments_and_order(tmp_path: Path):
    data = data_copy(tmp_path)
    original = (data / "scheme.yaml").read_text(encoding="utf-8")
    result = run_cli(["plan", "--propose", "--write", "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    text = (data / "scheme.yaml").read_text(encoding="utf-8")
    before, after = original.split("  plan: []\n")
    assert text.startswith(before + "  plan:\n    - year: 2017\n      actions: [")
    assert text.endswith(after)
    assert run_cli(["validate", "--data-dir", str(data)]).exit_code == 0
    again = run_cli(["plan", "--data-dir", str(data)])
    assert again.stdout.splitlines()[0].startswith("2017: ")
    # Once planned, the years are decided: a second proposal is the same plan.
    digest = folder_digest(data)
    assert run_cli(["plan", "--propose", "--write", "--data-dir", str(data)]).exit_code == 0
    assert folder_digest(data) == digest


def test_plan_write_needs_propose():
    result = run_cli(["plan", "--write", "--data-dir", str(DATA)])
    assert result.exit_code == 2
    assert_no_traceback(result)


def test_plan_errors_are_validated(tmp_path: Path):
    data = data_copy(tmp_path, MINIMAL)
    scheme = data / "scheme.yaml"
    scheme.write_text(scheme.read_text(encoding="utf-8").replace(
        "actions: [1-1.1]", "actions: [1-1.1, 3-3.3]"), encoding="utf-8")
    result = run_cli(["validate", "--data-dir", str(data)])
    assert result.exit_code == 1
    [problem] = parse_problems(result.stdout)
    assert problem.code == "unknown-action" and "3-3.3" in problem.message
