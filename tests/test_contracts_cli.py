"""`spapser contracts`, the contract section of `compute`, the `contracts` indicator kind,
the scheme's `buyers:`, and `validate` on contract files, through the command line.

Fixtures are synthetic (tests/fixtures/contracts/); figures are the hand counts of
test_contracts_register.py.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, REPO, assert_no_traceback, run_cli

from spapser_cli.problems import ExitCode

CONTRACTS = FIXTURES / "contracts"
DECP = CONTRACTS / "synthetic-decp.json"
A, B = "11111111100011", "22222222200022"


def run(*args: str) -> tuple[int, str, str]:
    result = run_cli(list(args))
    assert_no_traceback(result)
    return result.exit_code, result.stdout, result.stderr


def test_contracts_json_gives_the_hand_counted_rates() -> None:
    code, out, err = run("contracts", "2024", str(DECP), "--format", "json")
    assert code == ExitCode.OK
    data = json.loads(out)
    (scope,) = data["scopes"]
    found = {i["id"]: i for i in scope["indicators"]}
    assert found["contracts-notified"]["value"] == 7
    assert found["contracts-notified-value"]["value"] == 520000
    assert found["contracts-environmental-share"]["value"] == round(500 / 7, 6)
    assert found["contracts-environmental-value-share"]["value"] == round(46000000 / 520000,
                                                                            6)
    assert found["contracts-social-share"]["target"]["value"] == 30
    assert found["contracts-social-share"]["status"] == "met"  # 57.1 % ≥ 30 %
    assert "Plan national pour des achats durables" in \
        found["contracts-social-share"]["target"]["source"]
    assert found["contracts-environmental-value-share"]["note"].startswith("en valeur : "
                                                                            "montant forfaitaire")
    assert (data["contracts_read"], data["duplicates_removed"]) == (10, 1)
    assert "absurd-amount" in err and "synthetic-decp.json:131" in err


def test_contracts_table_and_csv() -> None:
    code, out, _ = run("contracts", "2024", str(DECP))
    assert code == ExitCode.OK
    row = next(line for line in out.splitlines()
               if line.startswith("contracts-environmental-share "))
    assert row.split()[:4] == ["contracts-environmental-share", "number", "71.4", "%"]
    assert "≥ 100 % by 2025" in row  # one spelling: never `100.0 %`
    assert "montant forfaitaire ou estimé maximum HT" in out
    code, out, _ = run("contracts", "2024", str(DECP), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    env = [r for r in rows if r["indicator"] == "contracts-environmental-share"]
    assert env[0]["value"] == str(round(500 / 7, 6)) and env[0]["target"] == "100"
    assert {(r["breakdown"], r["category"], r["value"]) for r in env[1:]} >= {
        ("kind", "clause", str(round(300 / 7, 6))), ("ccag", "Travaux", "100")}


def test_by_buyer_is_one_row_per_siret() -> None:
    code, out, _ = run("contracts", "2024", "--by-buyer", str(DECP), "--format", "csv")
    assert code == ExitCode.OK
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["buyer"] for r in rows] == [A, B]
    assert rows[0]["contracts"] == "6" and rows[0]["environmental_share"] == "66.666667"
    code, out, _ = run("contracts", "2024", "--by-buyer", str(DECP), "--format", "json")
    data = json.loads(out)
    assert data["buyers"][1] == {
        "buyer": B, "contracts": 1, "amount": 250000, "excluded_amounts": 0,
        "environmental_share": 100, "environmental_value_share": 100, "social_share": 100,
        "social_value_share": 100, "reserved_share": 0, "innovative_share": 0}
    code, out, _ = run("contracts", "2024", "--by-buyer", str(DECP))
    assert A in out and "66.7 %" in out


def test_missing_environmental_lists_contracts_and_says_the_date_is_a_proxy() -> None:
    code, out, _ = run("contracts", "2026", str(DECP), "--missing-environmental",
                       "--format", "json")
    assert code == ExitCode.OK
    data = json.loads(out)
    assert data["since"] == "2026-08-21" and "notification date" in data["note"]
    assert data["contracts"] == [{"buyer": A, "id": "A-007", "date": "2026-09-01",
                                  "object": "Fournitures de bureau (synthétique)",
                                  "amount": 15000, "ccag": "Fournitures courantes et services"}]
    code, out, _ = run("contracts", "2026", str(DECP), "--missing-environmental")
    assert "DECP has no consultation launch date" in out and "A-007" in out


@pytest.mark.parametrize(("args", "exit_code", "message"), [
    (["contracts", "2024", "--by-buyer"], ExitCode.USAGE, "--by-buyer needs the DECP FILES"),
    (["contracts", "2024", "nowhere.json"], ExitCode.USAGE, "nowhere.json: no such file"),
    (["contracts", "2031", str(DECP)], ExitCode.INVALID_DATA,
     "no contract notified in 2031 in the register; years with contracts: 2023, 2024, 2026"),
    (["contracts", "2024", str(CONTRACTS / "not-decp.json")], ExitCode.INVALID_DATA,
     "not-decp"),
    (["contracts", "2024", "--data-dir", str(REPO / "data")], ExitCode.INVALID_DATA,
     "no contract register"),
])
def test_contracts_errors_are_one_line(args: list[str], exit_code: int, message: str) -> None:
    code, out, err = run(*args)
    assert code == exit_code
    assert message in err
    assert out == ""


# -- the data folder: compute, contracts kind, buyers --------------------------------------------


@pytest.fixture()
def data_with_contracts(tmp_path: Path) -> Path:
    """The shipped data, plus the synthetic contracts moved to 2015 (a year with measures)."""
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    (folder / "contracts").mkdir()
    text = DECP.read_text(encoding="utf-8").replace('"2024-', '"2015-')
    (folder / "contracts" / "decp-2015.json").write_text(text, encoding="utf-8")
    return folder


def test_compute_gives_contract_indicators_and_the_legal_section(
        data_with_contracts: Path) -> None:
    code, out, _ = run("compute", "2015", "--data-dir", str(data_with_contracts),
                       "--format", "json")
    assert code == ExitCode.OK
    data = json.loads(out)
    found = {i["id"]: i for i in data["indicators"]}
    reserved = found["reserved-contracts"]  # 3-1.2: marchés réservés (A-003; C-1 is not one)
    assert (reserved["value"], reserved["unit"], reserved["reason"]) == (1, "contrats", None)
    assert reserved["breakdown"]["Fournitures courantes et services"] == 1
    amounts = found["insertion-clause-contract-amounts"]  # 3-2.1: A-001 has a Clause sociale
    assert (amounts["value"], amounts["unit"]) == (100000, "€ HT")
    assert amounts["breakdown"] == {"Travaux": 100000}
    innovative = found["innovative-contracts-share"]  # 2-2.1: A-004 among 6 markets
    assert (innovative["value"], innovative["unit"]) == (round(100 / 6, 6), "%")
    legal = {i["id"]: i for i in data["contracts"]["scopes"][0]["indicators"]}
    assert legal["contracts-notified"]["value"] == 7
    code, out, _ = run("compute", "2015", "--data-dir", str(data_with_contracts))
    assert "Contracts notified in 2015" in out and "contracts-social-share" in out


def test_compute_2015_on_the_bundled_data_says_why_contracts_are_nd() -> None:
    code, out, _ = run("compute", "2015", "--format", "json")
    data = json.loads(out)
    assert "contracts" not in data
    found = {i["id"]: i for i in data["indicators"]}
    for ident in ("reserved-contracts", "insertion-clause-contract-amounts",
                  "innovative-contracts-share"):
        assert found[ident]["value"] is None
        assert found[ident]["reason"] == "no contract register for 2015"


def test_a_shared_scheme_gives_its_indicators_per_buyer(data_with_contracts: Path) -> None:
    scheme = data_with_contracts / "scheme.yaml"
    text = scheme.read_text(encoding="utf-8")
    scheme.write_text(text.replace("\naxes:", f'\nbuyers: ["{A}", "{B}"]\naxes:', 1),
                      encoding="utf-8")
    code, out, _ = run("contracts", "2015", "--data-dir", str(data_with_contracts),
                       "--format", "json")
    assert code == ExitCode.OK, out
    scopes = json.loads(out)["scopes"]
    assert [s["buyer"] for s in scopes] == [None, A, B]
    a_env = {i["id"]: i for i in scopes[1]["indicators"]}["contracts-environmental-share"]
    assert a_env["value"] == round(400 / 6, 6) and (a_env["part"], a_env["whole"]) == (4, 6)
    code, out, _ = run("contracts", "2015", "--data-dir", str(data_with_contracts))
    assert f"Buyer {A}" in out and "All buyers of the scheme" in out


def test_a_scheme_with_one_buyer_counts_only_its_contracts(data_with_contracts: Path) -> None:
    scheme = data_with_contracts / "scheme.yaml"
    text = scheme.read_text(encoding="utf-8")
    scheme.write_text(text.replace("\naxes:", f'\nbuyers: ["{B}"]\naxes:', 1), encoding="utf-8")
    code, out, _ = run("compute", "2015", "--data-dir", str(data_with_contracts),
                       "--format", "json", "--action", "3-2.1")
    found = {i["id"]: i for i in json.loads(out)["indicators"]}
    assert found["insertion-clause-contract-amounts"]["value"] == 0  # B-001: a criterion only


def test_validate_checks_the_folder_contracts(data_with_contracts: Path) -> None:
    shutil.copy(CONTRACTS / "synthetic-dirty.json", data_with_contracts / "contracts")
    (data_with_contracts / "contracts" / "notes.txt").write_text("x", encoding="utf-8")
    code, out, _ = run("validate", "--data-dir", str(data_with_contracts), "--format", "json")
    assert code == ExitCode.OK  # warnings only
    data = json.loads(out)
    codes = [(Path(p["file"]).name, p["line"], p["code"]) for p in data["problems"]]
    assert ("decp-2015.json", 131, "absurd-amount") in codes
    assert ("synthetic-dirty.json", 21, "absurd-amount") in codes
    assert ("notes.txt", None, "stray-file") in codes
    assert data["warnings"] == 16 and data["errors"] == 0
    code, out, _ = run("validate", "--data-dir", str(data_with_contracts), "--strict")
    assert code == ExitCode.INVALID_DATA


def test_validate_a_contract_file_alone() -> None:
    code, out, _ = run("validate", str(CONTRACTS / "synthetic-decp.xml"), "--format", "github")
    assert code == ExitCode.OK
    assert out.startswith("::warning file=tests/fixtures/contracts/synthetic-decp.xml,line=111")


def test_compute_refuses_a_broken_contract_file(data_with_contracts: Path) -> None:
    shutil.copy(CONTRACTS / "broken.json", data_with_contracts / "contracts")
    code, out, err = run("compute", "2015", "--data-dir", str(data_with_contracts))
    assert code == ExitCode.INVALID_DATA
    assert "broken.json:4:35: error[json-syntax]" in err


def test_the_bilan_has_a_marches_sheet(data_with_contracts: Path, tmp_path: Path) -> None:
    import openpyxl

    target = tmp_path / "bilan.xlsx"
    code, out, _ = run("export", "2015", "--data-dir", str(data_with_contracts),
                       "-o", str(target))
    assert code == ExitCode.OK, out
    workbook = openpyxl.load_workbook(target)
    assert "Marchés" in workbook.sheetnames
    ws = workbook["Marchés"]
    rows = list(ws.iter_rows(values_only=True))
    legal = {r[1]: r for r in rows if r[0] == "Tous les acheteurs" and r[3] in
             ("en nombre", "en valeur")}
    assert legal["contracts-notified"][4] == 7
    assert legal["contracts-environmental-share"][4:7] == (round(500 / 7, 6), 5, 7)
    assert legal["contracts-environmental-value-share"][4:7] == (round(46000000 / 520000, 6),
                                                                 460000, 520000)
    assert legal["contracts-social-share"][8] == "atteint"
    breakdown = [r for r in rows if r[1] == "contracts-environmental-share" and r[2] == "CCAG"]
    assert ("Travaux", 100) in [(r[3], r[4]) for r in breakdown]
    listed = [r for r in rows if r[1] in ("A-003", "A-004")]
    assert [(r[1], r[4], r[6]) for r in listed] == [("A-003", 20000, "non"),
                                                    ("A-004", 40000, "non")]
    assert len(ws._charts) == 1
    code, out, _ = run("export", "2015", "-o", str(tmp_path / "plain.xlsx"))
    assert "Marchés" not in openpyxl.load_workbook(tmp_path / "plain.xlsx").sheetnames


def test_compute_without_contracts_imports_neither_pandas_nor_the_register() -> None:
    import subprocess
    import sys

    code = ("import sys\nfrom spapser_cli.cli import app\n"
            "try:\n    app(['compute', '2015', '--format', 'json'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pandas', 'numpy', "
            "'defusedxml') or m.startswith('spapser_cli.contracts')), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=REPO)
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_series_and_years_without_contracts(data_with_contracts: Path) -> None:
    code, out, _ = run("series", "reserved-contracts", "--data-dir", str(data_with_contracts),
                       "--format", "json")
    assert code == ExitCode.OK
    years = json.loads(out)["years"]
    assert [(y["year"], y["value"]) for y in years if y["value"] is not None] == [(2015, 1)]
    assert {y["reason"] for y in years if y["year"] == 2014} == {
        "no contract notified in 2014 in the contract register"}
    code, out, _ = run("compute", "2014", "--data-dir", str(data_with_contracts),
                       "--format", "json", "--action", "3-1.2")
    counted = {i["id"]: i for i in json.loads(out)["indicators"]}["reserved-contracts"]
    assert counted["reason"] == "no contract notified in 2014 in the contract register"


def test_contract_indicators_are_not_collected_from_pilots() -> None:
    code, out, _ = run("status", "2015", "--format", "json")
    assert code in (ExitCode.OK, ExitCode.INVALID_DATA)
    for ident in ("innovative-contracts-share", "reserved-contracts",
                  "insertion-clause-contract-amounts"):
        assert f'"{ident}"' not in out
