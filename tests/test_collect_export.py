"""`--evaluated` on compute and export, and the bilan's *Complétude* sheet."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from helpers import FIXTURES, run_cli

MINIMAL = FIXTURES / "valid" / "minimal"


def test_compute_evaluated_keeps_to_the_years_actions():
    result = run_cli(["compute", "2017", "--data-dir", str(MINIMAL), "--evaluated",
                      "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {i["action"] for i in json.loads(result.stdout)["indicators"]} == {"1-1.1"}
    unplanned = run_cli(["compute", "2016", "--data-dir", str(MINIMAL), "--evaluated"])
    assert unplanned.exit_code == 2
    assert "has no entry for 2016" in unplanned.stderr


def rows(ws) -> list[dict[str, object]]:
    """A table's rows by header; the Synthèse's table is under its head block (its frozen
    row), and its grouped category rows (no id) are left out."""
    first = int(ws.freeze_panes[1:]) - 1
    header = [c.value for c in ws[first]]
    found = [dict(zip(header, r, strict=True))
             for r in ws.iter_rows(min_row=first + 1, values_only=True)]
    return [r for r in found if r.get("Identifiant", True) is not None]


def test_bilan_marks_the_evaluated_actions_and_shows_completeness(tmp_path: Path):
    target = tmp_path / "bilan.xlsx"
    result = run_cli(["export", "2017", "--data-dir", str(MINIMAL), "-o", str(target)])
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(target)
    summary = rows(wb["Synthèse"])
    marked = {r["Action"] for r in summary if r["Évaluée en 2017"] == "oui"}
    assert marked == {"1-1.1"}
    completeness = {r["Action"]: r for r in rows(wb["Complétude"])}
    assert list(completeness) == ["1-1.1", "1-1.2", "2-1.1"]
    assert completeness["1-1.1"]["Évaluée en 2017"] == "oui"
    assert completeness["1-1.1"]["État"] == "complète"
    fleet = completeness["1-1.2"]
    assert fleet["État"] == "2 manquant(s)"
    assert fleet["Indicateurs manquants"] == "fuel-per-100km\ndistance-driven-thousands"
    assert fleet["Données manquantes"] == "fuel-consumed (cars, vans)\ndistance-driven (cars, vans)"
    assert fleet["Indicateurs renseignés"] == "2/4"


def test_export_evaluated_keeps_to_the_years_actions(tmp_path: Path):
    target = tmp_path / "bilan.xlsx"
    result = run_cli(["export", "2017", "--data-dir", str(MINIMAL), "-o", str(target),
                      "--evaluated"])
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(target)
    assert {r["Action"] for r in rows(wb["Synthèse"])} == {"1-1.1"}
    assert [r["Action"] for r in rows(wb["Complétude"])] == ["1-1.1"]
