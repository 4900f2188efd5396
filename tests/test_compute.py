"""The engine and `spapser compute` / `spapser series` reproduce the figures the scheme published.

Every expected number below is printed in the reference document (the Pas-de-Calais scheme
2017-2020); the engine recomputes it from the shipped measures, or carries the published value
with provenance "reported" where the document gives no quantities.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spapser_cli.cli import app
from spapser_cli.engine import compute_series, compute_year, judge, select_target
from spapser_cli.read.load import require_catalog
from spapser_cli.read.models import Target

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env)


@pytest.fixture(scope="module")
def catalog():
    loaded, _ = require_catalog(DATA)
    return loaded


@pytest.fixture(scope="module")
def year_2015() -> dict[str, dict]:
    result = run("compute", "2015", "--data-dir", str(DATA), "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["year"] == 2015
    return {item["id"]: item for item in payload["indicators"]}


# -- published figures, through the JSON output ------------------------------------------------

@pytest.mark.parametrize(("year", "published"), [
    (2009, 0.5), (2010, 2.8), (2011, 8.2), (2012, 5.5), (2013, 15.5), (2014, 26.6), (2015, 38.5),
])
def test_recycled_paper_share_is_recomputed_from_the_kg_table(year: int, published: float):
    result = run("compute", str(year), "--data-dir", str(DATA), "--format", "json",
                 "--action", "1-1.3")
    assert result.exit_code == 0, result.output
    share = next(i for i in json.loads(result.stdout)["indicators"]
                 if i["id"] == "paper-recycled-share")
    assert share["provenance"] == "computed"
    assert share["unit"] == "%"
    assert round(share["value"], 1) == published


def test_2015_paper_figures(year_2015):
    share = year_2015["paper-recycled-share"]
    assert round(share["previous"], 1) == 26.6
    assert share["target"] == {"value": 30, "year": 2016, "direction": "at-least",
                               "text": share["target"]["text"]}
    assert share["status"] == "met"  # « l'objectif de 30% à horizon 2016 atteint dès 2015 »
    assert {k: round(v) for k, v in share["breakdown"].items()} == {
        "fsc": 60, "pefc": 1, "recycled": 38}

    change = year_2015["paper-consumption-change"]
    assert change["provenance"] == "computed"
    assert round(change["value"], 1) == -8.6

    tonnage = year_2015["paper-consumption-tonnage"]
    assert tonnage["unit"] == "t"
    assert tonnage["value"] == pytest.approx(121.492)
    assert tonnage["change"] == pytest.approx(-11.45)  # « soit 11,45 tonnes »

    ratio = year_2015["paper-recycled-to-virgin-ratio"]
    assert ratio["unit"] == "%"
    assert round(ratio["value"], 1) == 62.5  # 46 748 / (73 190 + 1 554)


def test_2015_charging_points(year_2015):
    new = year_2015["charging-points-new"]
    assert (new["value"], new["provenance"]) == (2, "computed")
    points = year_2015["charging-points"]
    assert (points["value"], points["previous"], points["change"]) == (20, 18, 2)
    energy = year_2015["charging-energy"]
    assert (energy["value"], energy["previous"], energy["unit"]) == (32962, 15215, "kWh")


def test_2015_fleet_shares_are_reported(year_2015):
    low = year_2015["fleet-low-emission-km-share"]
    electric = year_2015["fleet-electric-km-share"]
    assert (low["value"], low["previous"], low["provenance"]) == (53, 42, "reported")
    assert (electric["value"], electric["previous"], electric["provenance"]) == (
        1.26, 0.79, "reported")
    fuel = year_2015["fleet-fuel-consumption"]
    assert fuel["value"] is None and fuel["provenance"] == "reported"
    assert fuel["breakdown"] == {"essence": 6.25, "gazole": 5.53, "gpl-essence": 4.78,
                                 "hybride-essence": 5.13, "hybride-gazole": 6.41}


def test_2015_local_and_organic_purchases_are_reported_not_recomputed(year_2015):
    local = year_2015["local-purchase-share"]
    assert (local["value"], local["provenance"], local["unit"]) == (54.62, "reported", "%")
    assert local["breakdown"] == {"poisson-frais": 100, "viandes-fraiches": 43.01,
                                  "fromage-coupe": 42.01, "oeufs-pasteurises": 25.34,
                                  "boissons": 67.27}
    # The published total is weighted by amounts the document does not give.
    assert local["value"] != pytest.approx(sum(local["breakdown"].values()) / 5, abs=0.5)
    organic = year_2015["organic-purchase-share"]
    assert (organic["value"], organic["provenance"]) == (11.28, "reported")
    assert organic["breakdown"]["oeufs"] == 23.49
    assert organic["target"]["value"] == 20 and organic["target"]["year"] is None
    assert organic["status"] == "not-met"


def test_2016_supplier_registration():
    result = run("compute", "2016", "--data-dir", str(DATA), "--format", "json",
                 "--action", "2-1.1")
    assert result.exit_code == 0, result.output
    share = next(i for i in json.loads(result.stdout)["indicators"]
                 if i["id"] == "supplier-platform-registration-share")
    assert (share["value"], share["provenance"], share["unit"]) == (80, "reported", "%")
    assert share["target"]["value"] == 100
    assert share["status"] == "not-met"


def test_json_entries_have_the_documented_keys(year_2015):
    for entry in year_2015.values():
        assert {"id", "action", "label", "value", "unit", "previous", "change", "target",
                "status", "provenance", "breakdown", "reason"} <= set(entry)
        assert entry["status"] in {"met", "not-met", "on-track", "off-track", "no-target",
                                   "no-data"}
        if entry["value"] is None and not entry["breakdown"] and entry["kind"] not in (
                "qualitative", "milestone"):
            assert entry["reason"], entry["id"]  # never a silent n/d


def test_no_gap_between_reported_and_computed_paper_figures(catalog):
    for year in range(2009, 2016):
        assert compute_year(catalog, year).warnings == []


# -- what cannot be computed ---------------------------------------------------------------------

def test_a_year_without_measures_exits_1_and_lists_the_years():
    result = run("compute", "2018", "--data-dir", str(DATA))
    assert result.exit_code == 1
    assert "no measures for 2018" in result.output
    assert "2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016" in result.output
    assert "Traceback" not in result.output


def test_no_previous_year_is_a_reason_not_a_zero(catalog):
    report = compute_year(catalog, 2014, action="1-1.6")
    new = next(r for r in report.results if r.id == "charging-points-new")
    assert new.value is None
    assert new.status == "no-data"
    assert new.reason == "no previous year: no measures for 2013" or \
        new.reason.startswith("no previous year")


def test_missing_variable_gives_its_name(catalog):
    report = compute_year(catalog, 2015, action="3-1.2")
    reserved, counted = report.results
    assert reserved.value is None
    assert reserved.reason == "reserved-contracts-iae not measured in 2015"
    assert (counted.id, counted.value) == ("reserved-contracts", None)
    assert counted.reason == "no contract register for 2015"


@pytest.fixture()
def zero_data(tmp_path: Path) -> Path:
    """A copy of the shipped data where 2014 paper consumption is all zeros."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "measures" / "2014.yaml").write_text(
        "year: 2014\n"
        "measures:\n"
        "  paper-consumption:\n"
        "    unit: kg\n"
        "    values: {fsc: 0, pefc: 0, recycled: 0}\n"
        "    source: test\n", encoding="utf-8")
    return folder


def test_zero_denominator_is_reported_as_division_by_zero(zero_data: Path):
    catalog, _ = require_catalog(zero_data)
    report = compute_year(catalog, 2015, action="1-1.3")
    change = next(r for r in report.results if r.id == "paper-consumption-change")
    assert change.value is None
    assert change.reason == "division by zero: paper-consumption is 0 in 2014"
    report_2014 = compute_year(catalog, 2014, action="1-1.3")
    share = next(r for r in report_2014.results if r.id == "paper-recycled-share")
    assert share.value is None and share.reason.startswith("division by zero")


def edited_copy(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of the shipped data with one replacement in one file."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_gap_between_reported_and_computed_is_a_warning(tmp_path: Path):
    folder = edited_copy(tmp_path, "measures/2015.yaml", "value: 38.5", "value: 35.5")
    result = run("compute", "2015", "--data-dir", str(folder), "--format", "json")
    assert result.exit_code == 0
    warnings = json.loads(result.stdout)["warnings"]
    assert [w["code"] for w in warnings] == ["reported-gap"]
    assert warnings[0]["file"].endswith("2015.yaml") and warnings[0]["line"] > 1
    assert "computed 38.48, reported 35.5" in warnings[0]["message"]


# -- targets and statuses -----------------------------------------------------------------------

def _target(value: float, year: int | None, direction: str = "at-least") -> Target:
    return Target(value=value, year=year, direction=direction, text="t")


def test_select_target_takes_the_next_one_due():
    targets = [_target(50, 2017), _target(60, 2020)]
    assert select_target(targets, 2016).value == 50
    assert select_target(targets, 2018).value == 60
    assert select_target(targets, 2021).value == 60  # all passed: the last one
    assert select_target([], 2016) is None


def test_judge_uses_the_straight_line_from_the_baseline():
    target = _target(30, 2016)
    # baseline 2009 at 0.5 %, target 30 % in 2016: the line stands at 25.79 in 2015
    status, expected = judge("share", 26.6, None, 2015, target, 2009, 0.5)
    assert status == "on-track" and expected == pytest.approx(25.7857, abs=1e-3)
    assert judge("share", 20.0, None, 2015, target, 2009, 0.5)[0] == "off-track"
    assert judge("share", 31.0, None, 2015, target, 2009, 0.5)[0] == "met"
    assert judge("share", 29.0, None, 2016, target, 2009, 0.5)[0] == "not-met"
    assert judge("share", None, None, 2016, target, 2009, 0.5)[0] == "no-data"
    assert judge("share", 12.0, None, 2016, None, 2009, 0.5)[0] == "no-target"
    at_most = _target(100, 2020, "at-most")
    assert judge("value", 90.0, None, 2019, at_most, 2015, 120.0)[0] == "met"


def test_baseline_is_the_first_year_with_data(catalog):
    report = compute_year(catalog, 2015, action="1-1.3")
    share = next(r for r in report.results if r.id == "paper-recycled-share")
    assert (share.baseline_year, round(share.baseline_value, 2)) == (2009, 0.51)


# -- output formats -----------------------------------------------------------------------------

def test_table_fits_120_columns_and_shows_the_figures():
    result = run("compute", "2015", "--data-dir", str(DATA), env={"COLUMNS": "200"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 120
    paper = next(line for line in lines if line.strip().startswith("paper-recycled-share"))
    assert "38.5 %" in paper and "26.6 %" in paper and "+11.9 pts" in paper
    assert "met" in paper and "computed" in paper
    assert "≥ 30 % by 2016" in paper
    assert any(line.strip().startswith("n/d, why:") for line in lines)
    assert "Axe 3 · Socialement responsable" in result.stdout


def test_no_color_is_honoured():
    colored = run("compute", "2015", "--data-dir", str(DATA), env={"FORCE_COLOR": "1"})
    assert "\x1b[32m" in colored.stdout  # green "met" when colour is forced
    plain = run("compute", "2015", "--data-dir", str(DATA),
                env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[32m" not in plain.stdout and "\x1b[31m" not in plain.stdout


def test_csv_has_one_row_per_indicator_and_category():
    result = run("compute", "2015", "--data-dir", str(DATA), "--format", "csv",
                 "--action", "1-3.2")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["indicator"], r["category"], r["value"]) for r in rows] == [
        ("local-purchase-share", "", "54.62"),
        ("local-purchase-share", "poisson-frais", "100"),
        ("local-purchase-share", "viandes-fraiches", "43.01"),
        ("local-purchase-share", "fromage-coupe", "42.01"),
        ("local-purchase-share", "oeufs-pasteurises", "25.34"),
        ("local-purchase-share", "boissons", "67.27"),
    ]
    assert rows[0]["provenance"] == "reported" and rows[0]["unit"] == "%"


def test_csv_fr_is_semicolon_decimal_comma_with_bom():
    result = run("compute", "2015", "--data-dir", str(DATA), "--format", "csv-fr",
                 "--action", "1-1.3")
    assert result.exit_code == 0
    raw = result.stdout_bytes
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    # French headers and words, whatever the language: csv-fr is for French spreadsheets
    share = next(r for r in rows if r["indicateur"] == "paper-recycled-share" and
                 not r["catégorie"])
    assert share["valeur"].startswith("38,47")
    assert share["cible"] == "30" and share["année cible"] == "2016"
    assert share["statut"] == "atteint" and share["provenance"] == "calculé"
    assert share["qualificatif"] == "exact"


def test_filters_and_usage_errors():
    only = run("compute", "2015", "--data-dir", str(DATA), "--format", "json", "--axis", "3")
    assert {i["action"][0] for i in json.loads(only.stdout)["indicators"]} == {"3"}
    unknown = run("compute", "2015", "--data-dir", str(DATA), "--action", "9-9.9")
    assert unknown.exit_code == 2 and "no action '9-9.9'" in unknown.output


# -- series -------------------------------------------------------------------------------------

def test_series_json_covers_every_year_of_the_data_folder():
    result = run("series", "paper-recycled-share", "--data-dir", str(DATA), "--format", "json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert [y["year"] for y in payload["years"]] == list(range(2009, 2017))
    assert [y["value"] and round(y["value"], 1) for y in payload["years"]] == [
        0.5, 2.8, 8.2, 5.5, 15.5, 26.6, 38.5, None]
    # the year without data says why, and keeps its per-category values (none here)
    assert payload["years"][-1]["reason"] == "paper-consumption not measured in 2016"
    assert payload["years"][-1]["status"] == "no-data"
    assert round(payload["years"][6]["breakdown"]["fsc"], 1) == 60.2
    assert payload["targets"][0]["value"] == 30


def test_series_range_and_table(catalog):
    report = compute_series(catalog, "fleet-electric-km-share", first=2014, last=2015)
    assert [(r.year, r.value) for r in report.results] == [(2014, 0.79), (2015, 1.26)]
    result = run("series", "paper-recycled-share", "--data-dir", str(DATA), "--from", "2013")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    row_2015 = next(line for line in lines if line.startswith("2015"))
    assert "38.5 %" in row_2015 and "█" in row_2015 and "met" in row_2015
    assert not any(line.startswith("2012") for line in lines)


def test_series_unknown_indicator_suggests_close_ids():
    result = run("series", "paper-recycled-shar", "--data-dir", str(DATA))
    assert result.exit_code == 2
    assert "did you mean paper-recycled-share" in result.output


def test_csv_keeps_the_qualifier_of_a_published_figure():
    result = run("compute", "2015", "--data-dir", str(DATA), "--format", "csv",
                 "--action", "3-2.1")
    rows = {r["indicator"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert (rows["insertion-clause-contracts"]["value"],
            rows["insertion-clause-contracts"]["qualifier"]) == ("1000", "more-than")
    assert rows["insertion-dynamic-exit-rate"]["qualifier"] == "about"
    assert rows["insertion-hours"]["qualifier"] == "exact"


def test_csv_text_from_the_data_never_becomes_a_formula(tmp_path: Path):
    folder = edited_copy(tmp_path, "actions/1-1.6.yaml",
                         "label: Nombre de points de recharge\n    note:",
                         "label: \"=HYPERLINK('http://x','y')\"\n    note:")
    result = run("compute", "2015", "--data-dir", str(folder), "--format", "csv-fr",
                 "--action", "1-1.6")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig")),
                               delimiter=";"))
    points = next(r for r in rows if r["indicateur"] == "charging-points")
    assert points["libellé"] == "'=HYPERLINK('http://x','y')"
    assert points["valeur"] == "20"  # numbers stay numbers, signs included
    change = next(r for r in rows if r["indicateur"] == "charging-energy")
    assert change["évolution"] == "17747"


def test_warnings_found_while_reading_are_shown_by_compute(tmp_path: Path):
    folder = edited_copy(tmp_path, "measures/2015.yaml", "total: 121492", "total: 121493")
    result = run("compute", "2015", "--data-dir", str(folder), "--format", "json")
    assert result.exit_code == 0
    (warning,) = json.loads(result.stdout)["warnings"]
    assert warning["code"] == "total-mismatch" and warning["file"].endswith("2015.yaml")
    table = run("compute", "2015", "--data-dir", str(folder), "--action", "1-1.6")
    assert "Warnings" in table.stdout and "warning[total-mismatch]" in table.stdout


def test_series_of_an_indicator_published_only_by_category():
    result = run("series", "fleet-fuel-consumption", "--data-dir", str(DATA))
    assert result.exit_code == 0
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()
            if line[:4].isdigit() and not line[4:6] == " :"}
    # Fiche 1-1.5, « consommation Litres au 100 km »: essence, gazole, GPL, hybrides.
    assert rows["2013"] == ["7.04", "5.82", "8.3", "n/d", "n/d", "no", "target",
                            "reported"]  # no hybrid in 2013 (« - » in the table)
    assert rows["2015"] == ["6.25", "5.53", "4.78", "5.13", "6.41", "no", "target", "reported"]
    assert rows["2012"] == ["n/d"] * 5 + ["no", "data"]
    assert "no overall value published" in result.stdout
    assert "  2012: fleet-fuel-litres not measured in 2012" in result.stdout.splitlines()


def test_an_indicator_published_only_by_category_has_data_but_no_target():
    payload = json.loads(run("compute", "2015", "--data-dir", str(DATA), "--format",
                             "json").stdout)
    fuel = next(i for i in payload["indicators"] if i["id"] == "fleet-fuel-consumption")
    assert (fuel["status"], fuel["provenance"], fuel["breakdown"]["gazole"]) == (
        "no-target", "reported", 5.53)
    assert fuel["reason"] == "only a breakdown was reported"


def test_series_keeps_the_categories_of_years_with_a_total():
    lines = run("series", "paper-recycled-share", "--data-dir", str(DATA)).stdout.splitlines()
    at = lines.index("by category (%):")
    table = lines[at:]
    header = next(line for line in table if line.startswith("year"))
    assert header.split() == ["year", "fsc", "pefc", "recycled", "overall"]
    rows = {line.split()[0]: line.split()[1:] for line in table if line[:4].isdigit()}
    assert rows["2009"] == ["95.7", "%", "3.8", "%", "0.51", "%", "0.51", "%"]
    assert rows["2015"] == ["60.2", "%", "1.28", "%", "38.5", "%", "38.5", "%"]
    assert rows["2016"] == ["n/d"] * 4


def test_series_of_a_milestone_shows_its_state_every_year(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    measures = data / "measures" / "2014.yaml"
    measures.write_text(measures.read_text(encoding="utf-8").replace(
        "reported:\n", "reported:\n  procurement-rules-rewritten:\n    status: in-progress\n"
        "    text: Projet de règlement soumis à la Direction générale.\n"
        "    source: exemple synthétique du test, pas une donnée du document\n", 1),
        encoding="utf-8")
    result = run("series", "procurement-rules-rewritten", "--data-dir", str(data))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "due: 2017-06" in lines
    assert next(x for x in lines if x.startswith("year")).split() == [
        "year", "state", "status", "provenance", "text"]
    rows = {line[:4]: line.split(None, 1)[1] for line in lines if line[:4].isdigit()
            and line[4:6] != ": "}
    assert rows["2014"].split()[:5] == ["in", "progress", "on", "track", "reported"]
    assert rows["2014"].endswith("Projet de règlement soumis à la Direction générale.")
    assert rows["2015"].split() == ["n/d", "no", "data"]
    assert "  2015: nothing reported for 2015" in lines


def test_series_of_a_range_without_years_says_which_years_the_data_has():
    result = run("series", "paper-recycled-share", "--data-dir", str(DATA), "--from", "2030")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == (
        "no year of the data folder is in this range (its years: 2009–2016)")
