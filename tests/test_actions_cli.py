"""`spapser actions`: the list of sheets, one whole sheet, and the JSON with every field."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from spapser_cli.cli import app

DATA = Path(__file__).resolve().parents[1] / "data"
runner = CliRunner()

CODES = ["1-1.1", "1-1.2", "1-1.3", "1-1.4", "1-1.5", "1-1.6", "1-2.1", "1-2.2", "1-3.1",
         "1-3.2", "1-3.3", "2-1.1", "2-1.2", "2-1.3", "2-2.1", "2-3.1", "3-1.1", "3-1.2",
         "3-2.1", "3-3.1", "3-3.2"]


def actions(*args: str):
    return runner.invoke(app, ["actions", "--data-dir", str(DATA), *args])


def test_json_lists_the_21_codes_in_scheme_order_with_every_field():
    result = actions("--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert [a["code"] for a in payload["actions"]] == CODES
    paper = payload["actions"][2]
    assert paper["pilots"] == ["Direction des Achats et de la Logistique",
                               "Direction des Systèmes d'Information"]
    assert paper["links"] == [{"plan": "Agenda 21", "reference": "action 7"}]
    assert paper["objective_title"].startswith("Favoriser le développement d'achats")
    share = next(i for i in paper["indicators"] if i["id"] == "paper-recycled-share")
    assert (share["kind"], share["unit"]) == ("share", "%")
    assert share["targets"][0]["value"] == 30 and share["targets"][0]["year"] == 2016
    assert {"summary", "schedule", "evaluation_methods", "variables", "partners",
            "impacted_directions", "purpose", "notes"} <= set(paper)


def test_axis_filter():
    result = actions("--axis", "2", "--format", "json")
    assert [a["code"] for a in json.loads(result.stdout)["actions"]] == [
        "2-1.1", "2-1.2", "2-1.3", "2-2.1", "2-3.1"]


def test_table_has_one_row_per_action_with_pilot_and_targets():
    result = actions()
    assert result.exit_code == 0
    rows = [line for line in result.stdout.splitlines() if line[:5] in CODES]
    assert [row[:5] for row in rows] == CODES
    paper = next(row for row in rows if row.startswith("1-1.3"))
    assert "Direction des Achats et de" in paper
    assert "21 action(s)" in result.stdout
    assert "≥ 30 %" in result.stdout


def test_one_sheet_in_full():
    result = actions("1-1.6")
    assert result.exit_code == 0
    text = result.stdout
    for expected in ("1-1.6 Installer des bornes de recharge", "Agenda 21 : action 19",
                     "Pilots", "Direction de l'Immobilier",
                     "Evaluation indicators", "charging-points-new", "difference N − N-1"):
        assert expected in text


def test_one_sheet_in_full_in_french():
    result = runner.invoke(app, ["--lang", "fr", "actions", "1-1.6"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for title in ("Pilotage de l'action", "Description (résumé)", "Indicateurs d'évaluation",
                  "Variables mesurées", "Modalités d'évaluation"):
        assert title in lines
    header = next(line for line in lines if line.startswith("libellé"))
    assert header.split() == ["libellé", "id", "nature", "unité", "cibles"]
    assert any("charging-points-new" in line and "écart N − N-1" in line for line in lines)


def test_the_actions_table_in_french():
    result = runner.invoke(app, ["--lang", "fr", "actions", "--axis", "1"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[2].split() == ["code", "axe", "obje.", "intitulé", "pilote", "ind.", "cibles"]
    assert "≥ 50 % d'ici 2017" in result.stdout
    assert lines[-1] == "11 action(s) ; `spapser actions CODE` affiche une fiche entière."


def test_unknown_code_is_a_usage_error():
    result = actions("9-9.9")
    assert result.exit_code == 2
    assert "no action '9-9.9'" in result.output
    assert "Traceback" not in result.output
