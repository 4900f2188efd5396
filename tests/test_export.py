"""`spapser export`: the bilan workbook, read back with openpyxl, pandas and LibreOffice.

Percentages are stored in percent (38.5, not 0.385) with a `#,##0.0" %"` number format, so
that every cell equals the figure `spapser compute --format json` prints.
"""

from __future__ import annotations

import csv
import errno
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import xlsxwriter
from helpers import REPO, assert_no_traceback, errors_of, run_cli
from openpyxl.utils import get_column_letter

from spapser_cli.export.bilan import plan_export
from spapser_cli.export.cells import (
    MIN_PRINT_SCALE,
    as_json,
    clean_text,
    number_format,
    print_scale,
    sheet_title,
)
from spapser_cli.export.labels import reason_fr
from spapser_cli.i18n import Message, set_language
from spapser_cli.problems import UsageError

DATA = REPO / "data"
SHEETS = ["Synthèse", "Axe 1", "Axe 2", "Axe 3", "Séries", "Graphiques", "Données graphiques",
          "Données", "Complétude", "Contrôles", "À propos"]
TABLES = ["Synthèse", "Séries", "Données", "Complétude", "Contrôles"]
STATUS_FR = {"met": "atteint", "not-met": "non atteint", "on-track": "en bonne voie",
             "off-track": "en retard", "no-target": "sans cible", "no-data": "non disponible"}
PROVENANCE_FR = {"computed": "calculé", "reported": "publié", None: None}
HYPERLINK = '=HYPERLINK("http://x","y")'


def export(*args: str, data: Path = DATA) -> Path:
    """Run `spapser export ARGS --data-dir DATA` and return the workbook it wrote."""
    result = run_cli(["export", *args, "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    written = Path(result.stdout.strip())
    assert written.is_file()
    return written


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shipped data exported once per module: three annual bilans and a global one."""
    folder = tmp_path_factory.mktemp("books")
    return {label: export(*args, "-o", str(folder / f"bilan-{label}.xlsx"))
            for label, args in [("2013", ["2013"]), ("2015", ["2015"]), ("2016", ["2016"]),
                                ("2013-2015", ["--from", "2013", "--to", "2015"])]}


def summary_header_row(ws: openpyxl.worksheet.worksheet.Worksheet) -> int:
    """The row of the indicators' table, under the Synthèse's head block (its frozen row)."""
    return int(ws.freeze_panes[1:]) - 1


def summary(path: Path) -> pd.DataFrame:
    """The Synthèse's indicators, one row each (the grouped category rows left out)."""
    header = summary_header_row(openpyxl.load_workbook(path)["Synthèse"])
    df = pd.read_excel(path, sheet_name="Synthèse", header=header - 1)
    return df[df["Identifiant"].notna()].set_index("Identifiant")


def summary_cell(path: Path, indicator: str, header: str) -> openpyxl.cell.cell.Cell:
    ws = openpyxl.load_workbook(path)["Synthèse"]
    first = summary_header_row(ws)
    headers = [c.value for c in ws[first]]
    ids = headers.index("Identifiant")
    row = next(r for r in ws.iter_rows(min_row=first + 1) if r[ids].value == indicator)
    return row[headers.index(header)]


# -- arguments --------------------------------------------------------------------------------
def test_plan_defaults_to_the_reports_folder():
    annual = plan_export(year=2015, first=None, last=None, output=None)
    assert annual.output == Path("reports/bilan-2015.xlsx") and annual.default_output
    assert (annual.first, annual.last, annual.global_bilan) == (2015, 2015, False)
    overall = plan_export(year=None, first=2013, last=2015, output=None)
    assert overall.output == Path("reports/bilan-2013-2015.xlsx") and overall.global_bilan
    chosen = plan_export(year=2015, first=None, last=None, output=Path("out/b.XLSX"))
    assert chosen.output == Path("out/b.XLSX") and not chosen.default_output


@pytest.mark.parametrize("year, first, last, output", [
    (2015, 2013, None, None),  # both forms
    (None, 2013, None, None),  # --from without --to
    (None, None, None, None),  # nothing
    (None, 2015, 2013, None),  # reversed
    (2015, None, None, Path("bilan.xls")),  # not an .xlsx
])
def test_plan_refuses_bad_arguments(year, first, last, output):
    with pytest.raises(UsageError):
        plan_export(year=year, first=first, last=last, output=output)


def test_usage_errors_exit_2_in_one_line():
    result = run_cli(["export", "2015", "--from", "2013", "--to", "2015", "-d", str(DATA)])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "not both" in result.stderr
    assert_no_traceback(result)


def test_a_year_without_measures_is_explained():
    result = run_cli(["export", "2031", "-d", str(DATA), "-o", "never.xlsx"])
    assert result.exit_code == 1 and "no measures for 2031" in result.stderr
    result = run_cli(["export", "--from", "2030", "--to", "2031", "-d", str(DATA)])
    assert result.exit_code == 1 and "no measures between 2030 and 2031" in result.stderr
    assert not Path("never.xlsx").exists()


@pytest.mark.parametrize("first, last, missing", [
    ("2013", "2018", "2018"),  # the data ends in 2016: not a bilan « 2013-2018 » of 2013-2016
    ("2005", "2015", "2005"),  # the data starts in 2009
])
def test_a_global_bilan_must_start_and_end_with_data(tmp_path: Path, first: str, last: str,
                                                      missing: str):
    target = tmp_path / "b.xlsx"
    result = run_cli(["export", "--from", first, "--to", last, "-d", str(DATA),
                      "-o", str(target)])
    assert result.exit_code == 1
    compute = run_cli(["compute", missing, "-d", str(DATA)])
    assert compute.exit_code == 1
    assert result.stderr == compute.stderr  # the same message as `compute`
    # A year after the data is one to start: the message says how.
    start = (f"; to start {missing}: `spapser template {missing}`, then `spapser import` the "
             "filled workbook") if int(missing) > 2016 else ""
    assert errors_of(result) == (f"Error: no measures for {missing} (measures/{missing}.yaml); "
                             "years with data: 2009, 2010, 2011, 2012, 2013, 2014, 2015, "
                             f"2016{start}\n")
    assert_no_traceback(result)
    assert not target.exists()


# -- published figures --------------------------------------------------------------------------
def test_published_figures_of_2015(books: dict[str, Path]):
    df = summary(books["2015"])
    value = df["Valeur 2015"]
    assert value["paper-recycled-share"] == pytest.approx(38.5, abs=0.05)
    assert round(value["paper-consumption-change"], 1) == -8.6
    assert round(value["paper-recycled-to-virgin-ratio"], 1) == 62.5
    assert value["charging-points-new"] == 2
    assert value["local-purchase-share"] == 54.62
    assert value["organic-purchase-share"] == 11.28
    assert df.loc["local-purchase-share", "Provenance"] == "publié"
    assert df.loc["organic-purchase-share", "Provenance"] == "publié"
    assert df.loc["paper-recycled-share", "Provenance"] == "calculé"
    assert df.loc["paper-recycled-share", "Statut"] == "atteint"
    assert df.loc["paper-recycled-share", "Valeur 2014"] == pytest.approx(26.6, abs=0.05)
    assert df.loc["paper-recycled-share", "Cible"] == 30


def test_supplier_registration_in_2016(books: dict[str, Path]):
    df = summary(books["2016"])
    assert df.loc["supplier-platform-registration-share", "Valeur 2016"] == 80
    assert df.loc["supplier-platform-registration-share", "Provenance"] == "publié"


def test_percentages_are_percent_numbers_with_a_percent_format(books: dict[str, Path]):
    share = summary_cell(books["2015"], "paper-recycled-share", "Valeur 2015")
    assert share.data_type == "n" and 38 < share.value < 39  # 38.5, not 0.385
    assert share.number_format == '#,##0.0" %"'
    local = summary_cell(books["2015"], "local-purchase-share", "Valeur 2015")
    assert local.number_format == '#,##0.00" %"'  # a published figure keeps its decimals
    change = summary_cell(books["2015"], "paper-recycled-share", "Évolution 2014-2015")
    assert change.number_format.startswith('"+"#,##0.0" pts"')
    target = summary_cell(books["2015"], "paper-recycled-share", "Cible")
    assert target.number_format == '"≥ "#,##0" %"'
    energy = summary_cell(books["2015"], "charging-energy", "Valeur 2015")
    assert (energy.value, energy.number_format) == (32962, "#,##0")  # thousands grouped


@pytest.mark.parametrize("year", ["2013", "2015", "2016"])
def test_every_figure_matches_compute_json(books: dict[str, Path], year: str):
    computed = run_cli(["compute", year, "--format", "json", "-d", str(DATA)])
    assert computed.exit_code == 0, computed.output
    expected = {i["id"]: i for i in json.loads(computed.stdout)["indicators"]}
    df = summary(books[year])
    assert list(df.index) == list(expected)  # one row per indicator, in the same order
    y = int(year)
    for indicator, row in df.iterrows():
        want = expected[indicator]
        for column, key in [(f"Valeur {y}", "value"), (f"Valeur {y - 1}", "previous"),
                            (f"Évolution {y - 1}-{y}", "change")]:
            got = row[column]
            if want[key] is None:
                assert pd.isna(got) or want["kind"] == "milestone", (indicator, column)
            else:
                assert got == want[key], (indicator, column)  # equal, not approximately
        assert row["Statut"] == STATUS_FR[want["status"]], indicator
        assert (None if pd.isna(row["Provenance"]) else row["Provenance"]) == \
            PROVENANCE_FR[want["provenance"]]
        target = want["target"]
        assert (pd.isna(row["Cible"]) if target is None else row["Cible"] == target["value"])


def test_synthese_cells_hold_the_json_numbers_exactly(books: dict[str, Path]):
    """Every number of the summary is the one `compute --format json` prints: rounded to 6
    decimals, a whole number as an integer."""
    computed = run_cli(["compute", "2015", "--format", "json", "-d", str(DATA)])
    expected = {i["id"]: i for i in json.loads(computed.stdout)["indicators"]}
    ws = openpyxl.load_workbook(books["2015"])["Synthèse"]
    first = summary_header_row(ws)
    headers = [c.value for c in ws[first]]
    columns = {"Valeur 2015": "value", "Valeur 2014": "previous",
               "Évolution 2014-2015": "change"}
    checked = 0
    for row in ws.iter_rows(min_row=first + 1, values_only=True):
        if row[headers.index("Identifiant")] is None:
            continue  # a category of the indicator above
        want = expected[row[headers.index("Identifiant")]]
        for header, key in columns.items():
            got = row[headers.index(header)]
            if isinstance(got, int | float):
                assert (type(got), got) == (type(want[key]), want[key]), (want["id"], key)
                checked += 1
    assert checked > 20
    assert as_json(0.1 + 0.2) == 0.3 and as_json(26.600000000000001) == 26.6
    assert as_json(2.0) == 2 and isinstance(as_json(2.0), int)


# -- layout -------------------------------------------------------------------------------------
# The README's claim: which sheets have a frozen header row, and which have filters.
FROZEN_WITH_FILTERS = ["Synthèse", "Séries", "Données", "Complétude", "Contrôles"]
FROZEN_ONLY = ["À propos", "Axe 1", "Axe 2", "Axe 3"]  # Axe sheets: their title row
NEITHER = ["Graphiques", "Données graphiques"]  # the charts' rows, on a hidden sheet


def widths(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[float | None]:
    """The widths of the sheet's used columns, as the file has them (None: the default)."""
    found = [ws.column_dimensions.get(get_column_letter(c)) for c in range(1, ws.max_column + 1)]
    return [d.width if d is not None and d.customWidth else None for d in found]


def test_sheets_titles_and_properties(books: dict[str, Path]):
    wb = openpyxl.load_workbook(books["2015"])
    assert wb.sheetnames == SHEETS
    assert sorted(FROZEN_WITH_FILTERS + FROZEN_ONLY + NEITHER) == sorted(SHEETS)
    for ws in wb.worksheets:
        assert len(ws.title) <= 31 and not set(ws.title) & set("[]:*?/\\")
        assert ws.page_setup.orientation == "landscape"
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        setup = ws.sheet_properties.pageSetUpPr
        if setup is not None and setup.fitToPage:  # fitted to the width, readable
            # (a missing fitToWidth is 1, the file format's default)
            assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
            assert print_scale(widths(ws)) is None, ws.title
        else:  # too wide: at the smallest readable scale, over more pages, left to right
            assert ws.page_setup.scale == MIN_PRINT_SCALE >= 65, ws.title
            assert ws.page_setup.pageOrder == "overThenDown" and ws.print_title_cols
        assert "Pas-de-Calais" in ws.oddHeader.center.text, ws.title
        frozen = ws.title not in NEITHER
        top = summary_header_row(ws) + 1 if ws.title == "Synthèse" else 2
        assert ws.freeze_panes == (f"A{top}" if frozen else None), ws.title
        assert ws.print_title_rows == (f"${top - 1}:${top - 1}" if frozen else None), ws.title
        assert bool(ws.auto_filter.ref) == (ws.title in FROZEN_WITH_FILTERS), ws.title
    setup = wb["Données"].sheet_properties.pageSetUpPr  # was printed at 46 %
    assert setup is None or not setup.fitToPage
    assert wb["Données graphiques"].sheet_state == "hidden"
    for name in TABLES:
        ws = wb[name]
        top = summary_header_row(ws) if name == "Synthèse" else 1
        assert ws.auto_filter.ref.startswith(f"A{top}:")
        assert all(ws.column_dimensions[c].width >= 6 for c in "ABCDEF")
    assert wb["Axe 1"]["A1"].value.startswith("Axe 1 — ")  # the frozen row of an Axe sheet
    assert wb.properties.title.startswith("Bilan 2015 — Schéma de promotion")
    assert "Pas-de-Calais" in wb.properties.subject
    assert wb.properties.creator.startswith("spapser ")
    about = dict(openpyxl.load_workbook(books["2015"])["À propos"].iter_rows(
        min_row=2, values_only=True))
    assert about["Document"] == "Bilan annuel 2015"
    assert about["Dossier de données"] == str(DATA.resolve())
    assert about["Commande pour le reproduire"].startswith("spapser export 2015 --output ")
    assert about["Version de spapser"] == wb.properties.creator.split()[1]


def test_axis_sheets_hold_the_actions_and_qualitative_indicators(books: dict[str, Path]):
    ws = openpyxl.load_workbook(books["2015"])["Axe 1"]
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert cells[0] == "Axe 1 — Écologiquement responsable"
    pilots = "Direction des Achats et de la Logistique\nDirection des Systèmes d'Information"
    for expected in ["1-1.3", "Pilotage", pilots,
                     "Calendrier", "paper-recycled-share", "· Recyclé", "qualitatif"]:
        assert expected in cells


def test_qualitative_and_milestone_values_in_the_axis_sheet(minimal_copy: Path,
                                                            tmp_path: Path):
    book = export("2017", "-o", str(tmp_path / "m.xlsx"), data=minimal_copy)
    rows = list(openpyxl.load_workbook(book)["Axe 2"].iter_rows(values_only=True))
    survey = next(r for r in rows if r[1] == "buyer-survey")
    assert "Les entreprises jugent les dossiers plus simples." in survey
    rules = next(r for r in rows if r[1] == "purchasing-rules-adopted")
    assert "réalisé" in rules and "atteint" in rules


NOT_MEASURED_2014 = Message("{variable} not measured in {year}", variable="paper-consumption",
                            year=2014)


@pytest.mark.parametrize("reason, french", [
    (Message("no measures for {year}", year=2015), "pas de mesures pour 2015"),
    (Message("nothing reported for {year}", year=2015), "rien n'a été publié pour 2015"),
    (Message("{variable} not measured in {year}", variable="paper-consumption", year=2015),
     "paper-consumption non mesuré en 2015"),
    (Message("division by zero: {variable} is 0 in {year}", variable="fleet-vehicles",
             year=2014), "division par zéro : fleet-vehicles vaut 0 en 2014"),
    (Message("no previous year: {reason}", reason=NOT_MEASURED_2014),  # nested, both French
     "pas d'année précédente : paper-consumption non mesuré en 2014"),
    # A message the catalog does not know, or a plain string: the engine's words, whole.
    (Message("a reason from a newer engine in {year}", year=2015),
     "a reason from a newer engine in 2015"),
    ("no previous year: something new", "no previous year: something new"),
])
def test_reasons_come_from_the_french_catalog(reason: str, french: str):
    assert reason_fr(reason) == french
    set_language("en")  # whatever the language of the command line
    try:
        assert reason_fr(reason) == french
    finally:
        set_language(None)  # back to the environment's


def test_comments_of_the_summary_are_in_french(books: dict[str, Path]):
    comments = [c for c in summary(books["2015"])["Commentaire"] if isinstance(c, str)]
    missing = [c for c in comments if c.startswith("non disponible : ")]
    assert len(missing) > 10
    assert "non disponible : rien n'a été publié pour 2015" in missing  # the French catalog's
    assert any(re.fullmatch(r"non disponible : [a-z0-9-]+ non mesuré en 2015", c)
               for c in missing)
    english = re.compile(r"\b(not measured|nothing reported|no measures|division by zero|"
                         r"no previous year|only a breakdown|has no value)\b")
    assert not [c for c in missing if english.search(c)]


def test_series_sheet_has_every_year_and_the_targets(books: dict[str, Path]):
    series = pd.read_excel(books["2015"], sheet_name="Séries")
    years = [c for c in series.columns if isinstance(c, int)]
    assert years == list(range(2009, 2016))
    paper = series[series["Identifiant"] == "paper-recycled-share"].set_index("Série")
    assert paper.loc["valeur", 2015] == pytest.approx(38.5, abs=0.05)
    assert paper.loc["valeur", 2014] == pytest.approx(26.6, abs=0.05)
    assert paper.loc["cible", 2015] == 30
    overall = pd.read_excel(books["2013-2015"], sheet_name="Séries")
    assert [c for c in overall.columns if isinstance(c, int)] == [2013, 2014, 2015]
    early = pd.read_excel(books["2013"], sheet_name="Séries")
    assert max(c for c in early.columns if isinstance(c, int)) == 2013


def test_global_bilan_summarises_its_last_year(books: dict[str, Path]):
    df = summary(books["2013-2015"])
    assert df.loc["paper-recycled-share", "Valeur 2015"] == pytest.approx(38.5, abs=0.05)
    wb = openpyxl.load_workbook(books["2013-2015"])
    assert wb.properties.title.startswith("Bilan global 2013-2015")
    assert wb["À propos"]["B2"].value == "Bilan global 2013-2015"
    columns = list(summary(books["2013"]).columns)
    assert "Valeur 2013" in columns and "Valeur 2012" in columns and "Valeur 2014" not in columns


def test_data_sheet_traces_every_value_to_its_source(books: dict[str, Path]):
    data = pd.read_excel(books["2015"], sheet_name="Données")
    paper = data[(data["Année"] == 2015) & (data["Identifiant"] == "paper-consumption")]
    assert set(paper["Catégorie"]) >= {"Recyclé", "total publié"}
    assert paper.set_index("Catégorie").loc["Recyclé", "Valeur"] == 46748
    assert (paper["Unité"] == "kg").all()
    # The source on the measure's first row only: its categories share it.
    assert paper["Source"].iloc[0].startswith("Fiche 1-1.3") and len(paper) > 1
    assert paper["Source"].iloc[1:].isna().all()
    assert paper["Fichier"].str.match(r".*measures/2015\.yaml:\d+$").all()
    local = data[(data["Identifiant"] == "local-purchase-share") & data["Catégorie"].isna()]
    assert list(local["Nature"]) == ["valeur publiée"] and list(local["Valeur"]) == [54.62]
    # a share's cell shows its « % » (0.5 %): the Unité column does not say it again
    assert local["Unité"].isna().all()
    assert set(data["Année"]) == set(range(2009, 2016))


def test_checks_list_validation_warnings_and_reported_gaps(minimal_copy: Path,
                                                           tmp_path: Path):
    measures = minimal_copy / "measures" / "2016.yaml"
    text = measures.read_text(encoding="utf-8").replace("value: 40.6", "value: 60")
    measures.write_text(text, encoding="utf-8")  # the published share now contradicts
    measures = minimal_copy / "measures" / "2015.yaml"
    text = measures.read_text(encoding="utf-8").replace("total: 100000", "total: 99000")
    measures.write_text(text, encoding="utf-8")  # a published total that does not add up
    book = export("2016", "-o", str(tmp_path / "b.xlsx"), data=minimal_copy)
    checks = pd.read_excel(book, sheet_name="Contrôles")
    by_code = checks.set_index("Code")
    assert by_code.loc["total-mismatch", "Origine"] == "validation"
    assert by_code.loc["total-mismatch", "Fichier"].endswith("measures/2015.yaml")
    gap = by_code.loc["reported-gap"]
    assert (gap["Origine"], gap["Année"]) == ("écart publié / calculé", 2016)
    assert "paper-recycled-share" in gap["Message"] and gap["Ligne"] > 0


# -- charts -------------------------------------------------------------------------------------
def charts_of(book: Path) -> dict[str, dict[str, object]]:
    """Each chart by the id of its indicator: kinds, axis minimum, title, years, values and
    targets (title -> {year: value}) as read back from its hidden data rows."""
    wb = openpyxl.load_workbook(book)
    data = wb["Données graphiques"]

    def read(ref: str) -> list[object]:
        return [c.value for row in data[ref.split("!")[1]] for c in row]

    found = {}
    for chart in wb["Graphiques"]._charts:
        series = [s for part in chart._charts for s in part.series]
        years = read(series[0].cat.strRef.f)
        values_ref = series[0].val.numRef.f
        indicator = data.cell(row=int(values_ref.rsplit("$", 1)[1]) - 1, column=1).value
        targets = {}
        for target in series[1:]:
            title = data[target.tx.strRef.f.split("!")[1]].value
            targets[title] = {y: v for y, v in zip(years, read(target.val.numRef.f),
                                                   strict=True) if v is not None}
        found[indicator] = {
            "kinds": [type(p).__name__ for p in chart._charts],
            "min": chart.y_axis.scaling.min, "title": chart.title.tx.rich.p[0].r[0].t,
            "years": years, "labelled": bool(series[0].dLbls and series[0].dLbls.showVal),
            "values": dict(zip(years, read(values_ref), strict=True)), "targets": targets}
    return found


def test_charts_start_at_zero_and_match_compute(books: dict[str, Path]):
    charts = charts_of(books["2015"])
    computed = run_cli(["compute", "2015", "--format", "json", "-d", str(DATA)])
    expected = {i["id"]: i for i in json.loads(computed.stdout)["indicators"]}
    assert len(charts) > 5
    for indicator, chart in charts.items():
        assert chart["labelled"], indicator  # every value carries its label
        if "axe à partir de" in chart["title"]:  # only a fall takes the axis below zero
            assert chart["min"] < 0 and expected[indicator]["kind"] in ("change", "difference")
        else:
            assert chart["min"] == 0, indicator
    paper = charts["paper-recycled-share"]
    assert paper["values"]["2015"] == expected["paper-recycled-share"]["value"]
    assert charts["charging-points"]["kinds"] == ["BarChart"]  # no target: no line
    assert charts["paper-consumption-change"]["min"] == -11
    assert "axe à partir de −11 %" in charts["paper-consumption-change"]["title"]


def test_each_target_is_a_segment_up_to_its_year(books: dict[str, Path]):
    charts = charts_of(books["2015"])
    road = charts["roadworks-recycled-materials-share"]  # the law: 50 % by 2017, 60 % by 2020
    assert road["years"][-1] == "2020"  # the axis runs on to the last target
    assert road["targets"] == {"Cible ≥ 50 % en 2017": {"2017": 50},
                               "Cible ≥ 60 % en 2020": {str(y): 60 for y in range(2017, 2021)}}
    assert "aucune valeur" in road["title"]
    paper = charts["paper-recycled-share"]  # from its baseline (2009) to its year (2016)
    assert paper["years"] == [str(y) for y in range(2009, 2017)]
    assert paper["targets"] == {"Cible ≥ 30 % en 2016": {str(y): 30 for y in range(2009, 2017)}}
    assert paper["values"]["2016"] is None  # after the bilan: no value, not n/d


def test_the_chart_xml_plots_hidden_cells_and_leaves_gaps(books: dict[str, Path]):
    """What the file itself says of every chart: hidden cells (the data sheet) plotted, empty
    cells as gaps (the format's default when `dispBlanksAs` is absent, as XlsxWriter writes
    it), years as text, the value axis bounded, the targets dashed, the values labelled."""
    with zipfile.ZipFile(books["2015"]) as archive:
        charts = [archive.read(n).decode() for n in archive.namelist()
                  if n.startswith("xl/charts/chart")]
    assert len(charts) > 5
    for xml in charts:
        assert '<c:plotVisOnly val="1"' not in xml
        assert re.findall(r'<c:dispBlanksAs val="(\w+)"', xml) in ([], ["gap"])
        assert "<c:cat><c:numRef>" not in xml and "<c:cat><c:strRef>" in xml
        assert re.search(r'<c:min val="-?\d', xml)
        assert "<c:showVal val=\"1\"/>" in xml
    road = next(x for x in charts if "Cible ≥ 60 % en 2020" in x or
                "1-1.1 · Part des matériaux" in x)
    assert road.count('<a:prstDash val="dash"/>') >= 2  # both targets, dashed


def test_years_without_a_value_are_labelled_gaps(books: dict[str, Path]):
    change = charts_of(books["2015"])["paper-consumption-change"]
    assert change["years"][0] == "2009 n/d" and change["values"]["2009 n/d"] is None
    assert all(v is not None for y, v in change["values"].items() if "n/d" not in y)


def test_a_single_value_is_a_labelled_figure_with_its_qualifier(books: dict[str, Path]):
    wb = openpyxl.load_workbook(books["2015"])
    charts = charts_of(books["2015"])
    assert "insertion-clause-contracts" not in charts  # one value (> 1 000), no target
    ws = wb["Graphiques"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    assert "Indicateurs à une seule valeur" in cells
    figures = [r for r in ws.iter_rows() if r[7].data_type == "n" and r[7].value is not None]
    formats = {r[7].number_format for r in figures}
    assert {r[0].value.split(" · ")[0] for r in figures} == {"1-1.6", "1-3.2", "3-2.1"}
    assert '"> "#,##0' in formats and '"≈ "#,##0" %"' in formats


def test_a_qualified_value_keeps_its_qualifier_in_the_chart(minimal_copy: Path,
                                                             tmp_path: Path):
    measures = minimal_copy / "measures" / "2017.yaml"  # synthetic: ≈ 55 % instead of parts
    text = measures.read_text(encoding="utf-8")
    text = text.replace("""    breakdown:
      works: 70
      services: 52
    source: Rapport sur les achats 2017""", """    value: 55
    qualifier: about
    source: Rapport sur les achats 2017""")
    measures.write_text(text, encoding="utf-8")
    book = export("2017", "-o", str(tmp_path / "q.xlsx"), data=minimal_copy)
    sme = charts_of(book)["sme-share"]
    assert sme["values"] == {"2015 n/d": None, "2016": 50, "2017": 55}
    assert sme["labelled"] and sme["min"] == 0
    data = openpyxl.load_workbook(book)["Données graphiques"]
    cell = next(c for row in data.iter_rows() for c in row if c.value == 55)
    assert cell.number_format == '"≈ "#,##0" %"'  # the data label shows « ≈ 55 % »
    assert sme["targets"] == {"Cible ≥ 60 % sans échéance": {"2016": 60, "2017": 60}}


def test_cumulative_figures_are_charted_apart(tmp_path: Path):
    from test_any_buyer import SYNTHETIC  # the synthetic département

    book = export("2024", "-o", str(tmp_path / "s.xlsx"), data=SYNTHETIC)
    ws = openpyxl.load_workbook(book)["Graphiques"]
    heading = next(c.row for row in ws.iter_rows() for c in row
                   if c.value == "Valeurs cumulées (stock en fin d'année)")
    cumulative = [c for c in ws._charts if "cumul fin d'année" in c.title.tx.rich.p[0].r[0].t]
    assert cumulative and all(c.anchor._from.row + 1 > heading for c in cumulative)
    annual = [c for c in ws._charts if c not in cumulative]
    assert all(c.anchor._from.row + 1 < heading for c in annual)


def test_synthese_counts_the_statuses_of_compute(books: dict[str, Path]):
    computed = run_cli(["compute", "2015", "--format", "json", "-d", str(DATA)])
    indicators = json.loads(computed.stdout)["indicators"]
    ws = openpyxl.load_workbook(books["2015"])["Synthèse"]
    assert ws["A1"].value == "Département du Pas-de-Calais"
    header = [c.value for c in ws[4]][:8]
    assert header[1:] == ["atteint", "en bonne voie", "en retard", "non atteint", "sans cible",
                          "non disponible", "Total"]
    statuses = ["met", "on-track", "off-track", "not-met", "no-target", "no-data"]
    rows = {r[0]: r[1:8] for r in ws.iter_rows(min_row=5, max_row=8, values_only=True)}
    overall = [sum(i["status"] == s for i in indicators) for s in statuses]
    assert list(rows["Ensemble"]) == [*overall, len(indicators)]
    for axis in (1, 2, 3):
        name = next(n for n in rows if n.startswith(f"Axe {axis} — "))
        mine = [i for i in indicators if i["action"].startswith(f"{axis}-")]
        assert list(rows[name]) == [*(sum(i["status"] == s for i in mine) for s in statuses),
                                    len(mine)]


def test_synthese_shows_breakdowns_grouped_and_labels_first(books: dict[str, Path]):
    ws = openpyxl.load_workbook(books["2015"])["Synthèse"]
    first = summary_header_row(ws)
    headers = [c.value for c in ws[first]]
    assert headers[:2] == ["Indicateur", "Identifiant"]
    assert ws.column_dimensions["B"].width < ws.column_dimensions["A"].width
    rows = list(ws.iter_rows(min_row=first + 1))
    paper = next(i for i, r in enumerate(rows) if r[1].value == "paper-recycled-share")
    assert rows[paper][0].value.startswith("Part des consommations totales de papier")
    details = rows[paper + 1: paper + 4]
    value = headers.index("Valeur 2015")
    assert [r[0].value for r in details] == ["· FSC", "· PECF (A3 et ramettes couleur)",
                                             "· Recyclé"]
    assert details[2][value].value == pytest.approx(38.5, abs=0.05)
    assert all(ws.row_dimensions[r[0].row].outlineLevel == 1 for r in details)
    assert ws.row_dimensions[rows[paper][0].row].outlineLevel == 0


def test_charts_of_a_quantity_are_columns_with_a_target_line(minimal_copy: Path,
                                                             tmp_path: Path):
    book = export("2017", "-o", str(tmp_path / "m.xlsx"), data=minimal_copy)
    charts = openpyxl.load_workbook(book)["Graphiques"]._charts
    kinds = {c.title.tx.rich.p[0].r[0].t: [type(p).__name__ for p in c._charts]
             for c in charts}
    assert kinds["1-1.2 · Nombre de points de recharge"] == ["BarChart", "LineChart"]
    assert kinds["1-1.1 · Part du papier recyclé"] == ["LineChart"]


# -- text stays text ----------------------------------------------------------------------------
def poison(folder: Path) -> None:
    """A measure source that is a formula, titles that look like formulas, a bell character."""
    measures = folder / "measures" / "2016.yaml"
    text = measures.read_text(encoding="utf-8")
    text = text.replace("source: Cartes carburant",
                        "source: '" + HYPERLINK.replace("'", "''") + "'")
    text = text.replace("source: Relevés kilométriques", 'source: "Relevés\\a kilométriques"')
    measures.write_text(text, encoding="utf-8")
    action = folder / "actions" / "1-1.2.yaml"
    text = action.read_text(encoding="utf-8")
    text = text.replace("label: Consommation aux 100 km", "label: '+Consommation aux 100 km'")
    text = text.replace("label: Nombre de points de recharge", "label: '@SUM(A1:A2)'")
    text = text.replace("label: Kilomètres parcourus (milliers)",
                        "label: '-1+2 kilomètres (milliers)'")
    action.write_text(text, encoding="utf-8")


def test_text_from_the_data_never_becomes_a_formula(minimal_copy: Path, tmp_path: Path):
    poison(minimal_copy)
    book = export("2016", "-o", str(tmp_path / "b.xlsx"), data=minimal_copy)
    wb = openpyxl.load_workbook(book)
    cells = {c.value: c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)}
    for text in [HYPERLINK, "+Consommation aux 100 km", "@SUM(A1:A2)",
                 "-1+2 kilomètres (milliers)"]:
        assert text in cells, text
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text
    assert "Relevés kilométriques" in cells  # the bell is gone
    with zipfile.ZipFile(book) as archive:  # not a single formula in the file
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    data = pd.read_excel(book, sheet_name="Données")
    assert HYPERLINK in set(data["Source"])


def test_control_characters_are_cleaned():
    assert clean_text("a\x07b\x00c\td\ne") == "abc\td\ne"
    assert len(clean_text("x" * 40_000)) == 32_767


@pytest.mark.parametrize("wanted, expected", [
    ("Axe 1", "Axe 1"),
    ("Bilan [2015]: a/b\\c?*", "Bilan 2015 a b c"),
    ("'quoted'", "quoted"),
    ("x" * 40, "x" * 31),
    ("History", "History (1)"),
    ("", "Feuille"),
])
def test_sheet_titles_respect_excel_limits(wanted: str, expected: str):
    assert sheet_title(wanted) == expected


def test_sheet_titles_are_unique():
    assert sheet_title("Axe 1", ["axe 1"]) == "Axe 1 (2)"
    assert sheet_title("y" * 31, ["y" * 31]) == "y" * 27 + " (2)"


@pytest.mark.parametrize("value, unit, options, expected", [
    (38.478, "%", {}, '#,##0.0" %"'),
    (1.26, "%", {}, '#,##0.00" %"'),
    (54.62, "%", {"exact": True}, '#,##0.00" %"'),
    (32962, "kWh", {}, "#,##0"),
    (121.492, "t", {}, "#,##0.00"),
    (30, "%", {"prefix": "≥ ", "exact": True}, '"≥ "#,##0" %"'),
    (11.9, "%", {"signed": True, "points": True},
     '"+"#,##0.0" pts";"-"#,##0.0" pts";0.0" pts"'),
])
def test_number_formats(value, unit, options, expected):
    assert number_format(value, unit, **options) == expected


# -- where the file goes ------------------------------------------------------------------------
def test_default_output_creates_the_reports_folder(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    written = export("2015")
    assert written == Path("reports/bilan-2015.xlsx")
    assert (tmp_path / "reports" / "bilan-2015.xlsx").is_file()
    assert export("--from", "2013", "--to", "2015") == Path("reports/bilan-2013-2015.xlsx")


def test_explicit_output_into_a_missing_folder_exits_3(tmp_path: Path):
    result = run_cli(["export", "2015", "-d", str(DATA), "-o",
                      str(tmp_path / "missing" / "b.xlsx")])
    assert result.exit_code == 3
    errors = errors_of(result)
    assert errors.startswith("Error: cannot write") and "does not exist" in errors
    assert errors.count("\n") == 1
    assert_no_traceback(result)
    assert not (tmp_path / "missing").exists()


def unwritable_folder(tmp_path: Path) -> Path:
    """A read-only folder; root writes anywhere except in kernel folders such as /sys."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    for candidate in (folder, Path("/sys")):
        try:
            tempfile.TemporaryFile(dir=candidate).close()
        except OSError:
            return candidate
    pytest.skip("no unwritable folder here (running as root without a read-only /sys)")


def test_unwritable_target_exits_3_without_traceback(tmp_path: Path):
    folder = unwritable_folder(tmp_path)
    result = run_cli(["export", "2015", "-d", str(DATA), "-o", str(folder / "b.xlsx")])
    assert result.exit_code == 3, result.output
    assert errors_of(result).startswith(f"Error: cannot write {folder / 'b.xlsx'}")
    assert errors_of(result).count("\n") == 1
    assert_no_traceback(result)


@pytest.mark.parametrize("lock", ["~$bilan.xlsx", ".~lock.bilan.xlsx#"])
def test_workbook_open_in_a_spreadsheet_exits_3(tmp_path: Path, lock: str):
    target = tmp_path / "bilan.xlsx"
    target.write_bytes(b"previous")
    (tmp_path / lock).write_text("someone")
    result = run_cli(["export", "2015", "-d", str(DATA), "-o", str(target)])
    assert result.exit_code == 3
    assert "open in a spreadsheet application" in result.stderr and lock in result.stderr
    assert errors_of(result).count("\n") == 1
    assert target.read_bytes() == b"previous"


@pytest.mark.parametrize("failure, code", [
    (OSError(errno.ENOSPC, "No space left on device"), 3),
    (RuntimeError("boom"), 70),
])
def test_a_failed_write_keeps_the_previous_workbook(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    failure: Exception, code: int):
    target = tmp_path / "bilan.xlsx"
    previous = export("2015", "-o", str(target)).read_bytes()
    saved = []

    def half_save(workbook: xlsxwriter.Workbook) -> None:
        filename = workbook.filename
        Path(filename).write_bytes(b"PK\x03\x04 half a workbook")  # then the disk fills up
        saved.append(Path(filename))
        raise failure

    monkeypatch.setattr(xlsxwriter.Workbook, "close", half_save)
    result = run_cli(["export", "2013", "-d", str(DATA), "-o", str(target)])
    assert result.exit_code == code
    assert_no_traceback(result)
    # a temporary file, in a private folder of its own beside the target
    assert saved and saved[0] != target and saved[0].parent.parent == tmp_path
    assert target.read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bilan.xlsx"]


# -- imports --------------------------------------------------------------------------------------
def test_the_writers_are_imported_only_to_write_a_workbook():
    code = ("import sys, spapser_cli.cli, spapser_cli.export.bilan, spapser_cli.export.write; "
            "assert 'openpyxl' not in sys.modules and 'pandas' not in sys.modules; "
            "assert 'xlsxwriter' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_an_export_writes_with_xlsxwriter_alone(tmp_path: Path):
    """The `spapser export` process imports neither openpyxl (which reads and writes the
    collection workbooks) nor numpy."""
    code = ("import sys; from spapser_cli.entry import main; "
            f"sys.argv = ['spapser', 'export', '2015', '-d', {str(DATA)!r}, "
            f"'-o', {str(tmp_path / 'b.xlsx')!r}]\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "assert 'xlsxwriter' in sys.modules and 'openpyxl' not in sys.modules\n"
            "assert 'numpy' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_an_export_leaves_openpyxl_as_it_is_for_numpy_numbers(tmp_path: Path):
    """The exporter imports openpyxl plainly: a program that exports, then writes numpy values
    with openpyxl, works as if the exporter had not been there."""
    code = f"""if True:
    from spapser_cli.cli import app
    from typer.testing import CliRunner
    done = CliRunner().invoke(app, ["export", "2015", "-d", {str(DATA)!r},
                                    "-o", {str(tmp_path / "b.xlsx")!r}])
    assert done.exit_code == 0, done.output
    import numpy, openpyxl
    book = openpyxl.Workbook()
    book.active["A1"] = numpy.int64(3)
    book.active["A2"] = numpy.float32(1.5)
    book.save({str(tmp_path / "n.xlsx")!r})
"""
    subprocess.run([sys.executable, "-c", code], check=True)


# -- a real spreadsheet application ---------------------------------------------------------------
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                    "apt-get install libreoffice-calc-nogui")
def test_libreoffice_opens_the_workbook(tmp_path: Path, minimal_copy: Path):
    poison(minimal_copy)
    books = [export("2015", "-o", str(tmp_path / "bilan-2015.xlsx")),
             export("2016", "-o", str(tmp_path / "poisoned.xlsx"), data=minimal_copy)]
    out = tmp_path / "out"
    profile = (tmp_path / "profile").as_uri()  # an isolated profile: no first-run dialogs

    def convert(book: Path, target: str) -> None:
        done = subprocess.run([SOFFICE, "--headless", "--norestore",
                               f"-env:UserInstallation={profile}", "--convert-to", target,
                               "--outdir", str(out), str(book)],
                              capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stderr
        assert "Error" not in done.stderr, done.stderr

    # Every sheet as CSV, cells as shown: LibreOffice read the figures and their formats.
    all_sheets_as_shown = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true," \
                          "false,false,-1"
    for book in books:
        convert(book, "pdf")
        assert (out / f"{book.stem}.pdf").stat().st_size > 10_000
        convert(book, all_sheets_as_shown)
    with open(out / "bilan-2015-Synthèse.csv", encoding="utf-8", newline="") as handle:
        lines = handle.read().splitlines()  # the table under the head block
        table = lines[next(i for i, line in enumerate(lines)
                           if line.startswith("Indicateur,Identifiant,")):]
        rows = {r["Identifiant"]: r for r in csv.DictReader(table)}
    assert rows["paper-recycled-share"]["Valeur 2015"] == "38.5 %"
    assert rows["paper-recycled-share"]["Évolution 2014-2015"] == "+11.9 pts"
    assert rows["paper-recycled-share"]["Cible"] == "≥ 30 %"
    assert rows["local-purchase-share"]["Valeur 2015"] == "54.62 %"
    assert rows["charging-points-new"]["Valeur 2015"] == "2"
    with open(out / "poisoned-Données.csv", encoding="utf-8", newline="") as handle:
        sources = {r["Source"] for r in csv.DictReader(handle)}
    assert HYPERLINK in sources  # shown as its text, not computed into "y"
