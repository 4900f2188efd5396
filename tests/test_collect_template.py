"""`spapser template`: the collection workbook and its CSV form, read back with openpyxl."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from collect_helpers import DATA, HEADER_ROW, columns, make_template
from helpers import assert_no_traceback, run_cli

PAPER = "Dir. Achats et de la Logistique"


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(DATA, 2017, tmp_path_factory.mktemp("t") / "collecte-2017.xlsx")


def rows_by_key(ws: openpyxl.worksheet.worksheet.Worksheet) -> dict[tuple[str, str, str], int]:
    cols = columns(ws)
    return {tuple(ws.cell(row=r, column=cols[c]).value or "" for c in
                  ("variable", "catégorie", "indicateur")): r
            for r in range(HEADER_ROW + 1, ws.max_row + 1)}


def test_sheets_guide_first_then_one_per_lead_pilot(book: Path):
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames[0] == "Mode d'emploi"
    assert wb["Mode d'emploi"]["A1"].value == "Mode d'emploi du classeur de collecte 2017"
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert visible == ["Mode d'emploi", "Dir. Mobilité et Réseau Routier", PAPER,
                       "Pôle Amén. & Dév. Territorial", "Dir. Achats & Log., restauratio",
                       "Dir. de la Commande Publique", "Direction de la Communication",
                       "Dir. Développement Solidarités"]
    assert all(len(name) <= 31 for name in wb.sheetnames)
    assert wb["spapser"].sheet_state == "veryHidden"
    assert wb[PAPER]["A1"].value == "Collecte 2017 – Direction des Achats et de la Logistique"


def test_header_row_and_hidden_id_columns(book: Path):
    ws = openpyxl.load_workbook(book)[PAPER]
    cols = columns(ws)
    assert list(cols) == ["Action", "Intitulé de l'action", "Indicateur(s)", "Donnée",
                          "Catégorie", "Unité", "Dernière valeur connue",
                          "Année de cette valeur", "Valeur 2017", "Source", "Commentaire",
                          "variable", "catégorie", "indicateur"]
    hidden = {letter for letter, dim in ws.column_dimensions.items() if dim.hidden}
    assert hidden == {"L", "M", "N"}


def test_a_variable_row_shows_its_labels_and_last_known_value(book: Path):
    ws = openpyxl.load_workbook(book)[PAPER]
    row = rows_by_key(ws)[("paper-consumption", "recycled", "")]
    values = [ws.cell(row=row, column=c).value for c in range(1, 9)]
    assert values[0] == "1-1.3"
    assert values[3:8] == ["Consommation de papier du magasin départemental", "Recyclé", "kg",
                           46748, 2015]
    assert "Consommation de papier (tonnage)" in values[2]


def test_published_values_and_milestones_get_rows(book: Path):
    wb = openpyxl.load_workbook(book)
    share = rows_by_key(wb[PAPER])
    # The fleet shares were published without the km behind them: their value is asked for.
    assert ("", "", "fleet-electric-km-share") in share
    # The paper shares were published beside the kg they are computed from: the kg are asked
    # for, not the percentage (or a pilot would type both, and they could disagree).
    assert ("paper-consumption", "recycled", "") in share
    assert not any(key[2] == "paper-recycled-share" for key in share)
    platform = rows_by_key(wb["Dir. de la Commande Publique"])
    ws = wb["Dir. de la Commande Publique"]
    row = platform[("", "", "supplier-platform-registration-share")]
    assert [ws.cell(row=row, column=c).value for c in (6, 7, 8)] == ["%", 80, 2016]
    assert ("", "", "procurement-rules-rewritten") in platform  # a milestone


def test_only_value_source_and_comment_cells_are_unlocked(book: Path):
    ws = openpyxl.load_workbook(book)[PAPER]
    assert ws.protection.sheet is True
    assert not ws.protection.password
    row = HEADER_ROW + 1
    unlocked = [c for c in range(1, 15) if not ws.cell(row=row, column=c).protection.locked]
    assert unlocked == [9, 10, 11]


def validation_of(ws, coordinate: str):
    found = [dv for dv in ws.data_validations.dataValidation if coordinate in dv.sqref]
    assert len(found) == 1, coordinate
    return found[0]


def test_every_value_cell_has_its_data_validation(book: Path):
    wb = openpyxl.load_workbook(book)
    ws = wb[PAPER]
    keys = rows_by_key(ws)
    for _key, row in keys.items():
        validation_of(ws, f"I{row}")
    paper = validation_of(ws, f"I{keys[('paper-consumption', 'fsc', '')]}")
    assert (paper.type, paper.operator, paper.formula1) == ("decimal", "greaterThanOrEqual", "0")
    assert paper.prompt.startswith("En kg : un nombre ≥ 0.")
    assert paper.errorStyle == "warning"  # NC stays possible
    share = validation_of(ws, f"I{keys[('', '', 'fleet-electric-km-share')]}")
    assert (share.type, share.operator, share.formula1, share.formula2) == (
        "decimal", "between", "0", "100")
    bookings = validation_of(ws, f"I{keys[('fleet-bookings', '', '')]}")
    assert (bookings.type, bookings.formula1) == ("whole", "0")
    public = wb["Dir. de la Commande Publique"]
    row = rows_by_key(public)[("", "", "procurement-rules-rewritten")]
    milestone = validation_of(public, f"I{row}")
    assert (milestone.type, milestone.formula1) == (
        "list", '"non commencé,en cours,réalisé"')


def test_default_path_is_in_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    result = run_cli(["template", "2017", "--data-dir", str(DATA)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(Path("reports") / "collecte-2017.xlsx")
    assert (tmp_path / "reports" / "collecte-2017.xlsx").is_file()


def test_one_pilot_and_one_workbook_per_pilot(tmp_path: Path):
    one = make_template(DATA, 2017, tmp_path / "dcp.xlsx", "--pilot",
                        "direction de la commande publique")
    visible = [ws.title for ws in openpyxl.load_workbook(one).worksheets
               if ws.sheet_state == "visible"]
    assert visible == ["Mode d'emploi", "Dir. de la Commande Publique"]
    result = run_cli(["template", "2017", "--data-dir", str(DATA), "--by-pilot",
                      str(tmp_path / "pilotes")])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "pilotes").iterdir())
    assert len(written) == 7
    assert "collecte-2017-dir-de-la-commande-publique.xlsx" in written


def test_unknown_pilot_is_a_usage_error(tmp_path: Path):
    result = run_cli(["template", "2017", "--data-dir", str(DATA), "--pilot", "Nulle part",
                      "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2
    assert "is not the lead pilot of any action" in result.stderr
    assert_no_traceback(result)


def test_csv_form_has_the_same_rows_and_columns(tmp_path: Path, book: Path):
    result = run_cli(["template", "2017", "--data-dir", str(DATA), "--format", "csv", "-o",
                      str(tmp_path / "collecte-2017.csv")])
    assert result.exit_code == 0, result.output
    raw = (tmp_path / "collecte-2017.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Pilote"
    assert {"Valeur 2017", "Source", "Commentaire", "variable", "catégorie",
            "indicateur"} <= set(rows[0])
    wb = openpyxl.load_workbook(book)
    workbook_rows = sum(len(rows_by_key(ws)) for ws in wb.worksheets
                        if ws.sheet_state == "visible" and ws.title != "Mode d'emploi")
    assert len(rows) - 1 == workbook_rows
    header = rows[0]
    share = next(r for r in rows if r[header.index("indicateur")] == "fleet-electric-km-share"
                 and r[header.index("catégorie")] == "")
    assert share[header.index("Dernière valeur connue")] == "1,26"


def test_evaluated_keeps_to_the_plan(tmp_path: Path):
    minimal = Path(__file__).parent / "fixtures" / "valid" / "minimal"
    book = make_template(minimal, 2018, tmp_path / "c.xlsx", "--evaluated")
    wb = openpyxl.load_workbook(book)
    actions = {ws.cell(row=r, column=1).value for ws in wb.worksheets
               if ws.sheet_state == "visible" and ws.title != "Mode d'emploi"
               for r in range(HEADER_ROW + 1, ws.max_row + 1)}
    assert actions == {"1-1.2", "2-1.1"}
    result = run_cli(["template", "2017", "--data-dir", str(DATA), "--evaluated", "-o",
                      str(tmp_path / "d.xlsx")])
    assert result.exit_code == 2
    assert "has no entry for 2017" in result.stderr and "spapser plan --propose" in result.stderr


def test_every_variable_and_category_has_one_row(book: Path):
    import yaml

    wanted = set()
    for path in (DATA / "actions").glob("*.yaml"):
        sheet = yaml.safe_load(path.read_text(encoding="utf-8"))
        used = {ref["variable"] for i in sheet.get("indicators", [])
                for name in ("quantity", "part", "whole", "numerator", "denominator")
                if (ref := i.get(name))}
        for variable in sheet.get("variables", []):
            if variable["id"] in used:
                wanted |= {(variable["id"], c["id"], "") for c in variable.get("categories", [])}
                if not variable.get("categories"):
                    wanted.add((variable["id"], "", ""))
    wb = openpyxl.load_workbook(book)
    keys = [k for ws in wb.worksheets if ws.sheet_state == "visible"
            and ws.title != "Mode d'emploi" for k in rows_by_key(ws)]
    measured = [k for k in keys if k[0]]
    assert len(measured) == len(set(measured))  # one row each
    assert set(measured) == wanted
