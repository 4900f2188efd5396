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


def lines_after(out: str, first: str, count: int) -> list[str]:
    """`count` lines of `out` from the one that starts with `first`, right-stripped."""
    lines = [line.rstrip() for line in out.splitlines()]
    start = next(n for n, line in enumerate(lines) if line.startswith(first))
    return lines[start:start + count]


def test_contracts_table_leads_with_labels_in_english() -> None:
    code, out, _ = run("contracts", "2024", str(DECP))
    assert code == ExitCode.OK
    assert out.splitlines()[:2] == [
        "Contracts notified in 2024: the law's indicators (L.2111-3, « en nombre de contrats "
        "ou en valeur »)", "7 contract(s) from 1 file(s); 1 republication(s) removed"]
    assert lines_after(out, "  Share of contracts with at least one environmental", 9) == [
        "  Share of contracts with at least one environmental consideration",
        "    contracts-environmental-share          by number               71.4 %"
        "              5 / 7  ≥ 100 % by 2025  off track",
        "      · clause                                                     42.9 %",
        "      · criterion                                                  28.6 %",
        "      · CCAG Fournitures courantes et se…                            50 %",
        "      · CCAG Prestations intellectuelles                              0 %",
        "      · CCAG Travaux                                                100 %",
        "      · no CCAG (concessions)                                       100 %",
        "  Share by value of contracts with at least one environmental consideration"]
    assert lines_after(out, "    contracts-notified-value", 1) == [
        "    contracts-notified-value               by value   520 000 € excl. VAT"
        "                                      no target"]
    assert "« montant forfaitaire ou estimé maximum HT »" in out


def test_contracts_table_in_french() -> None:
    code, out, _ = run("--lang", "fr", "contracts", "2024", str(DECP))
    assert code == ExitCode.OK
    assert out.splitlines()[:2] == [
        "Contrats notifiés en 2024 : les indicateurs de la loi (L.2111-3, « en nombre de "
        "contrats ou en valeur »)", "7 contrat(s) de 1 fichier(s) ; 1 republication(s) "
        "retirée(s)"]
    assert lines_after(out, "indicateur · id", 1) == [
        "indicateur · id                               base               2024"
        "     partie / total               cible  statut"]
    assert lines_after(out, "  Part des contrats comportant au moins une considération "
                       "sociale", 5) == [
        "  Part des contrats comportant au moins une considération sociale",
        "    contracts-social-share                    en nombre        57,1 %"
        "              4 / 7   ≥ 30 % d'ici 2025  atteint",
        "      · clause                                                 14,3 %",
        "      · critère                                                14,3 %",
        "      · marché réservé                                         28,6 %"]
    assert lines_after(out, "    contracts-innovative-value-share", 1) == [
        "    contracts-innovative-value-share          en valeur         8,7 %"
        "   40\u202f000 / 460\u202f000                      sans cible"]  # narrow no-break
    assert lines_after(out, "    contracts-notified-value", 2) == [
        "    contracts-notified-value                  en valeur  520\u202f000 € HT"
        "                                         sans cible",
        "      · CCAG Fournitures courantes et servi…              70\u202f000 € HT"]
    assert "Les parts en valeur portent sur le « montant forfaitaire" in out


def test_contracts_json_is_the_same_in_every_language() -> None:
    outputs = [run(*lang, "contracts", "2024", str(DECP), "--format", fmt)[1]
               for fmt in ("json", "csv") for lang in ([], ["--lang", "fr"])]
    assert outputs[0] == outputs[1] and outputs[2] == outputs[3]


def test_contracts_follow_the_locale() -> None:
    """LANG=fr_FR.UTF-8: French; LANG=C: English; the JSON the same (a real process)."""
    import os
    import subprocess
    import sys

    def spapser(lang: str, *args: str) -> str:
        env = {k: v for k, v in os.environ.items()
               if k not in ("SPAPSER_LANG", "LC_ALL", "LC_MESSAGES")}
        done = subprocess.run([sys.executable, "-m", "spapser_cli", "contracts", "2024",
                               str(DECP), *args], capture_output=True, text=True,
                              env={**env, "LANG": lang}, check=True)
        return done.stdout

    assert spapser("fr_FR.UTF-8").startswith("Contrats notifiés en 2024 : ")
    assert spapser("C").startswith("Contracts notified in 2024: ")
    assert spapser("fr_FR.UTF-8", "--format", "json") == spapser("C", "--format", "json")


def test_contracts_csv() -> None:
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
    assert [line.rstrip() for line in out.splitlines()] == [
        "Contracts notified in 2024, per buyer",
        "buyer           contracts  amount (€ excl. VAT)  amounts left out  env. %  env. value %"
        "  social %  social value %  reserved %  innovative %",
        "─" * 139,
        f"{A}          6               270 000                 1  66.7 %        77.8 %"
        "      50 %          66.7 %      33.3 %          20 %",
        f"{B}          1               250 000                 0   100 %         100 %"
        "     100 %           100 %         0 %           0 %"]
    code, out, _ = run("--lang", "fr", "contracts", "2024", "--by-buyer", str(DECP))
    assert [line.rstrip() for line in out.splitlines()][:2] == [
        "Contrats notifiés en 2024, par acheteur",
        "acheteur        contrats  montant (€ HT)  montants exclus  env. %  env. valeur %"
        "  social %  social valeur %  réservés %  innovants %"]
    assert out.splitlines()[3].rstrip() == (
        f"{A}         6         270\u202f000                1  66,7 %         77,8 %      50 %"
        "           66,7 %      33,3 %         20 %")


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
    code, out, _ = run("--lang", "fr", "contracts", "2026", str(DECP),
                       "--missing-environmental")
    assert [line.rstrip() for line in out.splitlines()] == [
        "Contrats notifiés à partir du 2026-08-21 sans considération environnementale",
        "Les DECP ne donnent pas la date de lancement de la consultation : la date de "
        "notification en tient lieu.",
        "acheteur        id     date        objet                                    montant"
        "  CCAG", "─" * 118,
        f"{A}  A-007  2026-09-01  Fournitures de bureau (synthétique)  15\u202f000 € HT"
        "  Fournitures courantes et services"]


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
    assert "Contracts notified in 2015" in out and "    contracts-social-share" in out


LEGAL_ENV = "Part des contrats comportant au moins une considération environnementale"


def test_compute_csv_has_the_contracts_section(data_with_contracts: Path) -> None:
    code, out, _ = run("compute", "2015", "--data-dir", str(data_with_contracts),
                       "--format", "csv")
    assert code == ExitCode.OK
    lines = out.splitlines()
    assert lines[0].endswith(",compared_with,cumulative,buyer")
    assert lines[1].endswith(",,")  # the scheme's indicators have no buyer
    env = [line for line in lines if ",contracts-environmental-share," in line]
    assert env[:3] == [
        f"2015,,,,contracts-environmental-share,{LEGAL_ENV},,71.428571,,%,,,100,2025,"
        "on-track,computed,,,,,all",
        f"2015,,,,contracts-environmental-share,{LEGAL_ENV},kind:clause,42.857143,,%,,,,,,"
        "computed,,,,,all",
        f"2015,,,,contracts-environmental-share,{LEGAL_ENV},kind:criterion,28.571429,,%,,,,,,"
        "computed,,,,,all"]
    assert f"2015,,,,contracts-environmental-share,{LEGAL_ENV},ccag:—,100,,%,,,,,,computed," \
        ",,,,all" in lines
    notified = [line for line in lines if ",contracts-notified," in line]
    assert notified[0] == ("2015,,,,contracts-notified,Contrats notifiés,,7,,contrats,,,,,"
                           "no-target,computed,,,,,all")
    assert len(notified) == 5  # the figure and its 4 CCAG rows
    code, json_out, _ = run("compute", "2015", "--data-dir", str(data_with_contracts),
                            "--format", "json")
    assert len([line for line in lines if ",all" in line]) == sum(
        1 + len(i["by_kind"]) + len(i["by_ccag"])
        for i in json.loads(json_out)["contracts"]["scopes"][0]["indicators"])


def test_compute_csv_fr_has_the_contracts_section_in_french(data_with_contracts: Path) -> None:
    result = run_cli(["compute", "2015", "--data-dir", str(data_with_contracts), "--format",
                      "csv-fr"])
    lines = result.stdout_bytes.decode("utf-8-sig").splitlines()
    assert lines[0].endswith(";comparé à;cumulé;acheteur")
    env = [line for line in lines if ";contracts-environmental-share;" in line]
    assert env[0] == (f"2015;;;;contracts-environmental-share;{LEGAL_ENV};;71,428571;;%;;;100;"
                      "2025;en bonne voie;calculé;;;;;tous")
    assert env[2] == (f"2015;;;;contracts-environmental-share;{LEGAL_ENV};critère;28,571429;;"
                      "%;;;;;;calculé;;;;;tous")
    assert f"2015;;;;contracts-environmental-share;{LEGAL_ENV};sans CCAG (concessions);100;;" \
        "%;;;;;;calculé;;;;;tous" in lines


def test_compute_table_has_the_contracts_section_in_french(data_with_contracts: Path) -> None:
    code, out, _ = run("--lang", "fr", "compute", "2015", "--data-dir",
                       str(data_with_contracts))
    assert out.splitlines()[0] == "Département du Pas-de-Calais"
    assert lines_after(out, "Contrats notifiés en 2015", 7) == [
        "Contrats notifiés en 2015 : les indicateurs de la loi (L.2111-3, « en nombre de "
        "contrats ou en valeur »)",
        "7 contrat(s) de 1 fichier(s) ; 1 republication(s) retirée(s)",
        "",
        "Tous les acheteurs du registre",
        "indicateur · id                            base               2015     partie / total"
        "               cible  statut",
        "─" * 120,
        "  Contrats notifiés"]
    assert lines_after(out, "    contracts-environmental-share", 1) == [
        "    contracts-environmental-share          en nombre        71,4 %              5 / 7"
        "  ≥ 100 % d'ici 2025  en bonne voie"]


def test_contracts_from_the_data_folder_are_headed_by_the_organisation(
        data_with_contracts: Path) -> None:
    code, out, _ = run("--lang", "fr", "contracts", "2015", "--data-dir",
                       str(data_with_contracts))
    assert code == ExitCode.OK
    assert out.splitlines()[:2] == [
        "Département du Pas-de-Calais",
        "Contrats notifiés en 2015 : les indicateurs de la loi (L.2111-3, « en nombre de "
        "contrats ou en valeur »)"]


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


def test_contract_warnings_and_errors_in_french() -> None:
    code, _, err = run("--lang", "fr", "contracts", "2024", str(DECP))
    assert code == ExitCode.OK
    assert err.splitlines() == [
        "tests/fixtures/contracts/synthetic-decp.json:131: warning[absurd-amount]: contrat "
        "'A-005' : son montant est de 1e+17 €, 10 milliards d'euros ou plus : compté dans les "
        "taux en nombre, exclu des taux en valeur"]
    code, out, err = run("--lang", "fr", "contracts", "2031", str(DECP))
    assert code == ExitCode.INVALID_DATA and out == ""
    assert err.splitlines()[-1] == ("Erreur : aucun contrat notifié en 2031 dans le registre ; "
                                    "années avec des contrats : 2023, 2024, 2026")
    code, _, err = run("--lang", "fr", "contracts", "2024", "--by-buyer")
    assert code == ExitCode.USAGE and "--by-buyer demande les FICHIERS DECP à lire" in err
