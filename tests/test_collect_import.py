"""`spapser import`: filled workbooks and CSV files into measures/YEAR.yaml, all or nothing.

The workbooks are filled by their hidden id columns, as a pilot's Excel would leave them.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml
from collect_helpers import DATA, cell_of, data_copy, fill, folder_digest, make_template
from helpers import FIXTURES, assert_no_traceback, parse_problems, run_cli

PAPER = {("paper-consumption", "fsc", ""): 70000, ("paper-consumption", "pefc", ""): 1500,
         ("paper-consumption", "recycled", ""): 50000}
PLATFORM = ("", "", "supplier-platform-registration-share")


def do_import(data: Path, *files: Path, extra: tuple[str, ...] = ()):
    return run_cli(["import", *map(str, files), "--data-dir", str(data), *extra])


def compute_json(data: Path, year: int) -> dict[str, dict]:
    result = run_cli(["compute", str(year), "--data-dir", str(data), "--format", "json"])
    assert result.exit_code == 0, result.output
    return {i["id"]: i for i in json.loads(result.stdout)["indicators"]}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return data_copy(tmp_path)


@pytest.fixture(scope="module")
def shipped_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2017 template of the shipped data, written once for the module."""
    return make_template(DATA, 2017, tmp_path_factory.mktemp("t") / "collecte-2017.xlsx")


@pytest.fixture
def template(shipped_template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(shipped_template, tmp_path / "collecte-2017.xlsx"))


def test_template_filled_then_imported_then_computed(data: Path, template: Path):
    filled = fill(template, 2017, {**PAPER, PLATFORM: 85, ("charging-points", "", ""): 26})
    result = do_import(data, filled)
    assert result.exit_code == 0, result.output
    assert "measures/2017.yaml: 5 value(s) added" in result.stdout
    written = yaml.safe_load((data / "measures" / "2017.yaml").read_text(encoding="utf-8"))
    assert written["measures"]["paper-consumption"] == {
        "unit": "kg", "values": {"fsc": 70000, "pefc": 1500, "recycled": 50000},
        "source": "Collecte 2017 – Direction des Achats et de la Logistique – "
                  "rempli-collecte-2017.xlsx"}
    assert run_cli(["validate", "--data-dir", str(data)]).exit_code == 0
    results = compute_json(data, 2017)
    assert results["paper-consumption-tonnage"]["value"] == 121.5
    platform = results["supplier-platform-registration-share"]
    assert (platform["value"], platform["previous"], platform["change"]) == (85, 80, 5)
    assert results["charging-points"]["value"] == 26


def test_reimporting_changes_nothing(data: Path, template: Path):
    filled = fill(template, 2017, PAPER)
    assert do_import(data, filled).exit_code == 0
    before = folder_digest(data)
    again = do_import(data, filled)
    assert again.exit_code == 0
    assert "nothing to change" in again.stdout
    assert folder_digest(data) == before


def test_a_changed_value_is_a_conflict_unless_replace(data: Path, template: Path):
    assert do_import(data, fill(template, 2017, PAPER)).exit_code == 0
    before = folder_digest(data)
    changed = fill(template, 2017, {**PAPER, ("paper-consumption", "fsc", ""): 71000},
                   target=template.with_name("v2.xlsx"))
    result = do_import(data, changed)
    assert result.exit_code == 1
    sheet, cell = cell_of(changed, ("paper-consumption", "fsc", ""), "Valeur 2017")
    [problem] = parse_problems(result.stderr)
    assert problem.location == f"{changed}!'{sheet}'!{cell}"
    assert problem.code == "import-conflict"
    assert "holds 70000, this file 71000" in problem.message
    assert folder_digest(data) == before
    replaced = do_import(data, changed, extra=("--replace",))
    assert replaced.exit_code == 0, replaced.output
    assert "1 replaced" in replaced.stdout
    written = yaml.safe_load((data / "measures" / "2017.yaml").read_text(encoding="utf-8"))
    assert written["measures"]["paper-consumption"]["values"]["fsc"] == 71000


def test_dry_run_prints_the_change_and_writes_nothing(data: Path, template: Path):
    before = folder_digest(data)
    result = do_import(data, fill(template, 2017, PAPER), extra=("--dry-run",))
    assert result.exit_code == 0, result.output
    assert "+ measures.paper-consumption.values.fsc: 70000" in result.stdout
    assert "dry run: nothing written" in result.stdout
    assert folder_digest(data) == before


def test_not_measured_is_recorded_with_a_note_and_blank_is_nothing(data: Path,
                                                                   template: Path):
    filled = fill(template, 2017, {("charging-points", "", ""): "NC",
                                   ("charging-energy", "", ""): "n/d",
                                   ("charging-km", "", ""): None},
                  comments={("charging-points", "", ""): "inventaire en cours"})
    assert do_import(data, filled).exit_code == 0
    written = yaml.safe_load((data / "measures" / "2017.yaml").read_text(encoding="utf-8"))
    assert written.get("measures", {}) == {}
    assert written["not_measured"] == [
        {"variable": "charging-points", "note": "Non mesuré (NC) : inventaire en cours",
         "source": "Collecte 2017 – Direction des Achats et de la Logistique – "
                   "rempli-collecte-2017.xlsx"},
        {"variable": "charging-energy", "note": "Non mesuré (n/d)",
         "source": "Collecte 2017 – Direction des Achats et de la Logistique – "
                   "rempli-collecte-2017.xlsx"}]
    assert run_cli(["validate", "--data-dir", str(data)]).exit_code == 0
    results = compute_json(data, 2017)
    assert results["charging-points"]["value"] is None
    # The reason says it was answered "not measured", with its note, unlike a blank cell.
    assert results["charging-points"]["reason"] == (
        "charging-points recorded as not measured in 2017: Non mesuré (NC) : inventaire en cours")
    assert results["charging-km-driven"]["reason"] == "charging-km not measured in 2017"


def test_the_file_keeps_its_comments_order_and_modeline(tmp_path: Path):
    data = data_copy(tmp_path, FIXTURES / "valid" / "minimal")
    target = data / "measures" / "2017.yaml"
    original = target.read_text(encoding="utf-8")
    book = make_template(data, 2017, tmp_path / "c.xlsx")
    filled = fill(book, 2017, {("charging-points", "", ""): 15,
                               ("contracts-sme", "works", ""): 42})
    result = do_import(data, filled)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../../../schemas/"
                           "measures.schema.json\n")
    diff = [line for line in difflib.ndiff(original.splitlines(), text.splitlines())
            if line[:2] in ("+ ", "- ")]
    assert diff == ["+   contracts-sme:", "+     unit: nombre", "+     values:",
                    "+       works: 42",
                    "+     source: Collecte 2017 – Direction de la commande publique – "
                    "rempli-c.xlsx"]


def csv_rows(data: Path, tmp_path: Path) -> tuple[list[str], list[list[str]]]:
    result = run_cli(["template", "2017", "--data-dir", str(data), "--format", "csv", "-o",
                      str(tmp_path / "c.csv")])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO((tmp_path / "c.csv").read_text("utf-8-sig")),
                           delimiter=";"))
    return rows[0], rows[1:]


@pytest.mark.parametrize("encoding,delimiter", [("cp1252", ";"), ("utf-8-sig", ";"),
                                                ("utf-8", ",")])
def test_csv_as_french_excel_saves_it(data: Path, tmp_path: Path, encoding: str,
                                      delimiter: str):
    header, rows = csv_rows(data, tmp_path)
    value, source = header.index("Valeur 2017"), header.index("Source")
    wanted = {("paper-consumption", "fsc"): "70 000,5", ("paper-consumption", "pefc"): "1500",
              ("paper-consumption", "recycled"): "50\u00a0000"}
    for row in rows:
        key = (row[header.index("variable")], row[header.index("catégorie")])
        if key in wanted:
            row[value] = wanted[key]
            row[source] = "Magasin départemental, état des stocks"
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows([header, *rows])
    path = tmp_path / "rempli.csv"
    path.write_bytes(out.getvalue().encode(encoding))
    result = do_import(data, path)
    assert result.exit_code == 0, result.output
    written = yaml.safe_load((data / "measures" / "2017.yaml").read_text(encoding="utf-8"))
    paper = written["measures"]["paper-consumption"]
    assert paper["values"] == {"fsc": 70000.5, "pefc": 1500, "recycled": 50000}
    assert paper["source"] == "Magasin départemental, état des stocks"


def test_a_csv_error_names_its_line_and_column(data: Path, tmp_path: Path):
    header, rows = csv_rows(data, tmp_path)
    value = header.index("Valeur 2017")
    line = next(i for i, r in enumerate(rows) if r[header.index("variable")] == "charging-km")
    rows[line][value] = "beaucoup"
    rows[0][header.index("Commentaire")] = "sur deux\nlignes"  # a quoted line break
    path = tmp_path / "rempli.csv"
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows([header, *rows])
    path.write_bytes(out.getvalue().encode("cp1252"))
    before = folder_digest(data)
    result = do_import(data, path)
    assert result.exit_code == 1
    [problem] = parse_problems(result.stderr)
    assert problem.location == f"{path}:{line + 3}:{value + 1}"
    assert problem.code == "not-a-number"
    assert folder_digest(data) == before


def rename_sheet(wb: openpyxl.Workbook) -> None:
    wb["Dir. Achats et de la Logistique"].title = "Achats"


def delete_id_column(wb: openpyxl.Workbook) -> None:
    wb["Dir. Achats et de la Logistique"].delete_cols(12)  # `variable`


@pytest.mark.parametrize("values,edit,code,where,message", [
    ({("charging-points", "", ""): "beaucoup"}, None, "not-a-number",
     ("charging-points", "", ""), "expected a number in nombre, got the text 'beaucoup'"),
    ({("charging-points", "", ""): -3}, None, "negative-quantity",
     ("charging-points", "", ""), "a quantity cannot be negative (-3 nombre)"),
    ({PLATFORM: 120}, None, "percent-out-of-range", PLATFORM, "120 % is outside 0-100"),
    ({("fleet-bookings", "", ""): 12.5}, None, "invalid-value", ("fleet-bookings", "", ""),
     "a count in nombre is a whole number, not 12.5"),
    ({}, rename_sheet, "unknown-sheet", "'Achats'!A1", "has no sheet 'Achats' of its own"),
    ({}, delete_id_column, "missing-column", "'Dir. Achats et de la Logistique'!A4",
     "the header row has no column 'variable'"),
])
def test_bad_fills_give_their_cell_and_write_nothing(data: Path, template: Path, values,
                                                     edit, code, where, message):
    filled = fill(template, 2017, {**PAPER, **values}, edit=edit)
    before = folder_digest(data)
    result = do_import(data, filled)
    assert_no_traceback(result)
    assert result.exit_code == 1
    [problem] = parse_problems(result.stderr)
    assert problem.code == code
    if isinstance(where, tuple):
        sheet, cell = cell_of(filled, where, "Valeur 2017")
        assert problem.location == f"{filled}!'{sheet}'!{cell}"
    else:
        assert problem.location == f"{filled}!{where}"
    assert message in problem.message
    assert folder_digest(data) == before


def test_another_years_workbook(data: Path, tmp_path: Path):
    book = make_template(data, 2016, tmp_path / "collecte-2016.xlsx")
    filled = fill(book, 2016, {("charging-points", "", ""): 3})
    before = folder_digest(data)
    result = do_import(data, filled, extra=("--year", "2017"))
    assert result.exit_code == 1
    [problem] = parse_problems(result.stderr)
    assert problem.location == f"{filled}!'Dir. Mobilité et Réseau Routier'!I4"
    assert problem.code == "collection-year-mismatch"
    assert "collects 2016 (column 'Valeur 2016'), not 2017" in problem.message
    assert folder_digest(data) == before


def test_every_error_of_every_file_at_once(data: Path, template: Path, tmp_path: Path):
    first = fill(template, 2017, {("charging-points", "", ""): "x",
                                  ("charging-km", "", ""): -1})
    second = fill(template, 2017, {PLATFORM: 101}, target=tmp_path / "second.xlsx")
    before = folder_digest(data)
    result = do_import(data, first, second)
    assert result.exit_code == 1
    codes = sorted(p.code for p in parse_problems(result.stderr))
    assert codes == ["negative-quantity", "not-a-number", "percent-out-of-range"]
    assert folder_digest(data) == before


def test_a_file_that_is_not_a_collection_workbook(data: Path, tmp_path: Path):
    path = tmp_path / "autre.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Nom", "Montant"])
    wb.save(path)
    result = do_import(data, path)
    assert result.exit_code == 1
    [problem] = parse_problems(result.stderr)
    assert problem.code == "not-a-collection-file"
    assert "not written by `spapser template`" in problem.message


def test_a_missing_file_is_a_usage_error(data: Path, tmp_path: Path):
    result = do_import(data, tmp_path / "absent.xlsx")
    assert result.exit_code == 2
    assert_no_traceback(result)


def test_milestones_and_assessments(tmp_path: Path):
    data = data_copy(tmp_path, FIXTURES / "valid" / "minimal")
    book = make_template(data, 2018, tmp_path / "c.xlsx")
    filled = fill(book, 2018, {("", "", "purchasing-rules-adopted"): "En cours",
                               ("", "", "buyer-survey"): "Dossiers plus simples."},
                  comments={("", "", "purchasing-rules-adopted"): "Délibération prévue."})
    result = do_import(data, filled)
    assert result.exit_code == 0, result.output
    written = yaml.safe_load((data / "measures" / "2018.yaml").read_text(encoding="utf-8"))
    rules = written["reported"]["purchasing-rules-adopted"]
    assert (rules["status"], rules["text"]) == ("in-progress", "Délibération prévue.")
    assert written["reported"]["buyer-survey"]["text"] == "Dossiers plus simples."
    bad = fill(book, 2018, {("", "", "purchasing-rules-adopted"): "fini"},
               target=tmp_path / "bad.xlsx")
    failed = do_import(data, bad)
    [problem] = parse_problems(failed.stderr)
    assert problem.code == "invalid-value"
    assert "expected a status (non commencé, en cours, réalisé), got the text 'fini'" in \
        problem.message


def add_typed_row(wb: openpyxl.Workbook) -> None:
    ws = wb["Dir. Achats et de la Logistique"]
    ws.cell(row=ws.max_row + 1, column=9).value = 12


def test_a_typed_row_without_ids(data: Path, template: Path):
    filled = fill(template, 2017, {}, edit=add_typed_row)
    result = do_import(data, filled)
    assert result.exit_code == 1
    [problem] = parse_problems(result.stderr)
    assert problem.code == "missing-id"
    assert problem.location.startswith(f"{filled}!'Dir. Achats et de la Logistique'!L")


def test_the_same_row_twice_with_different_values(data: Path, template: Path,
                                                  tmp_path: Path):
    first = fill(template, 2017, {("charging-points", "", ""): 20})
    second = fill(template, 2017, {("charging-points", "", ""): 21},
                  target=tmp_path / "second.xlsx")
    result = do_import(data, first, second)
    assert result.exit_code == 1
    [problem] = parse_problems(result.stderr)
    assert problem.code == "duplicate-id"
    assert "is also filled in at" in problem.message and "with 20, here with 21" in \
        problem.message


def test_an_unknown_id_in_a_csv(data: Path, tmp_path: Path):
    header, rows = csv_rows(data, tmp_path)
    rows[0][header.index("variable")] = "paper-consumptoin"
    rows[0][header.index("Valeur 2017")] = "3"
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows([header, *rows])
    path = tmp_path / "rempli.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    result = do_import(data, path)
    [problem] = parse_problems(result.stderr)
    assert problem.code == "unknown-variable"
    assert "'paper-consumptoin'" in problem.message


def test_csv_without_a_header_row(data: Path, tmp_path: Path):
    path = tmp_path / "autre.csv"
    path.write_text("nom;montant\nx;3\n", encoding="utf-8")
    result = do_import(data, path)
    assert result.exit_code == 1
    [problem] = parse_problems(result.stderr)
    assert (problem.location, problem.code) == (str(path), "not-a-collection-file")


def test_a_broken_target_year_is_not_imported_into(data: Path, template: Path):
    (data / "measures" / "2017.yaml").write_text("year: 2017\nmeasures:\n  nope:\n    unit: kg\n"
                                                 "    value: 1\n    source: x\n",
                                                 encoding="utf-8")
    before = folder_digest(data)
    result = do_import(data, fill(template, 2017, PAPER))
    assert result.exit_code == 1
    [problem] = parse_problems(result.stderr)
    assert "has errors; fix them first" in problem.message
    assert folder_digest(data) == before


def test_the_csv_import_computes(data: Path, tmp_path: Path):
    header, rows = csv_rows(data, tmp_path)
    value = header.index("Valeur 2017")
    for row in rows:
        if row[header.index("indicateur")] == "supplier-platform-registration-share" and \
                not row[header.index("catégorie")]:
            row[value] = "82,5"
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows([header, *rows])
    path = tmp_path / "rempli.csv"
    path.write_bytes(out.getvalue().encode("cp1252"))
    assert do_import(data, path).exit_code == 0
    platform = compute_json(data, 2017)["supplier-platform-registration-share"]
    assert (platform["value"], platform["previous"]) == (82.5, 80)


def test_crlf_and_bom_of_the_measures_file_are_kept(tmp_path: Path):
    data = data_copy(tmp_path, FIXTURES / "valid" / "minimal")
    target = data / "measures" / "2017.yaml"
    original = b"\xef\xbb\xbf" + target.read_bytes().replace(b"\n", b"\r\n")
    target.write_bytes(original)
    book = make_template(data, 2017, tmp_path / "c.xlsx")
    result = do_import(data, fill(book, 2017, {("contracts-sme", "works", ""): 42}))
    assert result.exit_code == 0, result.output
    written = target.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf# yaml-language-server")
    assert b"\n" not in written.replace(b"\r\n", b"")
    diff = [line for line in difflib.ndiff(original.decode("utf-8-sig").split("\r\n"),
                                           written.decode("utf-8-sig").split("\r\n"))
            if line[:2] in ("+ ", "- ")]
    assert diff == ["+   contracts-sme:", "+     unit: nombre", "+     values:",
                    "+       works: 42",
                    "+     source: Collecte 2017 – Direction de la commande publique – "
                    "rempli-c.xlsx"]


def percent_format(wb: openpyxl.Workbook) -> None:
    ws = wb["Dir. de la Commande Publique"]
    for row in ws.iter_rows(min_row=5):
        if row[13].value == "supplier-platform-registration-share" and not row[12].value:
            row[8].number_format = "0.0%"


def test_a_percentage_typed_with_its_sign_in_excel(data: Path, template: Path):
    # French Excel stores "85,5 %" typed in a cell as 0.855 with a percent format.
    filled = fill(template, 2017, {PLATFORM: 0.855}, edit=percent_format)
    assert do_import(data, filled).exit_code == 0
    written = yaml.safe_load((data / "measures" / "2017.yaml").read_text(encoding="utf-8"))
    assert written["reported"]["supplier-platform-registration-share"]["value"] == 85.5


def test_warnings_of_the_new_file_are_shown(tmp_path: Path):
    data = data_copy(tmp_path, FIXTURES / "valid" / "minimal")
    book = make_template(data, 2017, tmp_path / "c.xlsx")
    filled = fill(book, 2017, {("paper-purchased", "fsc", ""): 31000})
    conflict = do_import(data, filled)
    assert conflict.exit_code == 1
    result = do_import(data, filled, extra=("--replace",))
    assert result.exit_code == 0, result.output
    [warning] = parse_problems(result.stderr)
    assert (warning.severity, warning.code) == ("warning", "total-mismatch")
    assert warning.location.startswith(f"{data / 'measures' / '2017.yaml'} (as imported)")
    assert "the categories add up to 86000, the published total is 85000" in warning.message


def test_a_blank_workbook_imports_nothing(data: Path, template: Path):
    before = folder_digest(data)
    result = do_import(data, template)
    assert result.exit_code == 0
    assert result.stdout.startswith("nothing to import: every value cell is blank")
    assert folder_digest(data) == before


def delete_other_sheets(wb: openpyxl.Workbook) -> None:
    for name in wb.sheetnames:
        if name not in ("Mode d'emploi", "spapser", "Dir. Achats et de la Logistique"):
            del wb[name]


def test_a_pilot_may_send_back_only_its_own_sheet(data: Path, template: Path):
    filled = fill(template, 2017, PAPER, edit=delete_other_sheets)
    result = do_import(data, filled)
    assert result.exit_code == 0, result.output
    assert "3 value(s) added" in result.stdout


def test_not_measured_and_values_replace_each_other_only_with_replace(tmp_path: Path):
    data = data_copy(tmp_path, FIXTURES / "valid" / "minimal")
    target = data / "measures" / "2017.yaml"
    book = make_template(data, 2017, tmp_path / "c.xlsx")
    nc = fill(book, 2017, {("charging-points", "", ""): "NC",
                           ("paper-purchased", "pefc", ""): "-"},
              target=tmp_path / "nc.xlsx")
    conflict = do_import(data, nc)
    assert conflict.exit_code == 1
    assert sorted(p.code for p in parse_problems(conflict.stderr)) == ["import-conflict"] * 2
    assert "holds 15, this file not measured (NC)" in conflict.stderr
    assert do_import(data, nc, extra=("--replace",)).exit_code == 0
    written = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert "charging-points" not in written["measures"]
    assert written["measures"]["paper-purchased"]["values"] == {"recycled": 45000, "fsc": 30000}
    assert [(e.get("variable"), e.get("category")) for e in written["not_measured"]] == [
        ("paper-purchased", "pefc"), ("charging-points", None)]
    assert run_cli(["validate", "--data-dir", str(data)]).exit_code == 0
    value = fill(book, 2017, {("charging-points", "", ""): 16}, target=tmp_path / "v.xlsx")
    again = do_import(data, value)
    assert again.exit_code == 1
    assert "holds not measured (NC), this file 16" in again.stderr
    assert do_import(data, value, extra=("--replace",)).exit_code == 0
    written = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert written["measures"]["charging-points"]["value"] == 16
    assert [e.get("variable") for e in written["not_measured"]] == ["paper-purchased"]
    assert run_cli(["validate", "--data-dir", str(data)]).exit_code == 0


def rename_comment_header(wb: openpyxl.Workbook) -> None:
    wb["Dir. Achats et de la Logistique"]["K4"] = "Commentaires"


def test_a_renamed_column_is_named(data: Path, template: Path):
    filled = fill(template, 2017, PAPER, edit=rename_comment_header)
    result = do_import(data, filled)
    assert result.exit_code == 1
    [problem] = parse_problems(result.stderr)
    assert problem.code == "missing-column"
    assert problem.message.startswith("the header row has no column 'Commentaire' (you wrote "
                                      "'Commentaires' instead of 'Commentaire'): ")
