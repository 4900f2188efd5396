"""The contract register: reading DECP JSON, XML, the 2019 layout and the CSV register,
cleaning, deduplicating, and the law's indicators, checked against hand counts.

The fixtures (tests/fixtures/contracts/) are synthetic. Hand count of 2024 in
synthetic-decp.json (B-001 is published twice: the later publication counts):

    contract  ccag          amount      environmental  social              innovative
    A-001     Travaux       100 000     clause         clause
    A-002     FCS            50 000     criterion
    A-003     FCS            20 000                    marché réservé
    A-004     PI             40 000 (modified twice; 30 000 at first)       yes
    A-005     Travaux        1e17 (absurd: out of value rates) clause
    B-001     Travaux       250 000     clause         criterion
    C-1       (concession)   60 000     criterion      concession réservée

7 contracts; value base 100+50+20+40+250+60 = 520 000 (A-005 left out).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from helpers import FIXTURES

from spapser_cli.contracts import ContractFilter, jsonread, read_register, xmlread
from spapser_cli.contracts.indicators import (
    by_buyer,
    evaluate,
    legal_figures,
    missing_environmental,
)

CONTRACTS = FIXTURES / "contracts"
SAMPLES = Path("/work/shared/decp-samples")
A, B = "11111111100011", "22222222200022"

HAND_COUNT = {  # id: (value, part, whole)
    "contracts-notified": (7, None, None),
    "contracts-notified-value": (520000, None, None),
    "contracts-environmental-share": (5 / 7 * 100, 5, 7),
    "contracts-environmental-value-share": (460000 / 520000 * 100, 460000, 520000),
    "contracts-social-share": (4 / 7 * 100, 4, 7),
    "contracts-social-value-share": (430000 / 520000 * 100, 430000, 520000),
    "contracts-reserved-share": (2 / 7 * 100, 2, 7),
    "contracts-reserved-value-share": (80000 / 520000 * 100, 80000, 520000),
    "contracts-innovative-share": (1 / 6 * 100, 1, 6),  # among the 6 markets
    "contracts-innovative-value-share": (40000 / 460000 * 100, 40000, 460000),
}


def figures(path: Path, year: int = 2024) -> dict[str, object]:
    register = read_register([path])
    return {f.id: f for f in legal_figures(register.of_year(year))}


@pytest.mark.parametrize("name", ["synthetic-decp.json", "synthetic-decp.xml"])
def test_legal_indicators_match_the_hand_count(name: str) -> None:
    found = figures(CONTRACTS / name)
    assert list(found) == list(HAND_COUNT)
    for ident, (value, part, whole) in HAND_COUNT.items():
        figure = found[ident]
        assert figure.value == pytest.approx(value), ident
        assert figure.part == (None if part is None else pytest.approx(part)), ident
        assert figure.whole == (None if whole is None else pytest.approx(whole)), ident


def test_breakdowns_by_kind_of_consideration_and_by_ccag() -> None:
    found = figures(CONTRACTS / "synthetic-decp.json")
    env = found["contracts-environmental-share"]
    assert env.by_kind == {"clause": pytest.approx(3 / 7 * 100),
                           "criterion": pytest.approx(2 / 7 * 100)}
    assert env.by_ccag == {"Fournitures courantes et services": 50.0,
                           "Prestations intellectuelles": 0.0, "Travaux": 100.0, "—": 100.0}
    social = found["contracts-social-share"]
    assert social.by_kind == {"clause": pytest.approx(100 / 7), "criterion": pytest.approx(100 / 7),
                              "reserved": pytest.approx(200 / 7)}
    value = found["contracts-environmental-value-share"]
    # Travaux: A-001 100 000 + B-001 250 000, both environmental (A-005 out of value rates)
    assert value.by_ccag["Travaux"] == 100.0
    assert value.by_ccag["Fournitures courantes et services"] == pytest.approx(50 / 70 * 100)


def test_json_and_xml_give_the_same_register() -> None:
    from_json = read_register([CONTRACTS / "synthetic-decp.json"]).frame
    from_xml = read_register([CONTRACTS / "synthetic-decp.xml"]).frame
    columns = [c for c in from_json.columns if c not in ("file", "line")]
    assert from_json[columns].astype(str).values.tolist() == \
        from_xml[columns].astype(str).values.tolist()


def test_latest_publication_and_modifications_count() -> None:
    register = read_register([CONTRACTS / "synthetic-decp.json"])
    assert (register.read, register.duplicates) == (10, 1)
    rows = register.frame.set_index("id")
    assert rows.loc["B-001", "amount"] == 250000  # republished on 2024-06-30
    assert bool(rows.loc["B-001", "env_clause"])
    assert (rows.loc["A-004", "amount"], rows.loc["A-004", "duration"]) == (40000, 18)
    assert register.years() == [2023, 2024, 2026]


@pytest.mark.parametrize(("name", "line"), [("synthetic-decp.json", 131),
                                            ("synthetic-decp.xml", 111)])
def test_an_absurd_amount_is_a_warning_on_its_line(name: str, line: int) -> None:
    register = read_register([CONTRACTS / name])
    (warning,) = register.problems
    assert (warning.code, warning.line, warning.severity) == ("absurd-amount", line, "warning")
    assert warning.message == ("contract 'A-005': its amount is 1e+17 €, 10 billion euros or "
                               "more: counted in the number rates, left out of the value rates")


def test_every_dirty_value_is_a_warning_with_its_contract() -> None:
    register = read_register([CONTRACTS / "synthetic-dirty.json"])
    found = [(p.line, p.code, p.message) for p in register.problems]
    assert [(line, code) for line, code, _ in found] == [
        (4, "wrong-type"), (4, "invalid-value"), (4, "wrong-type"), (4, "not-a-number"),
        (21, "invalid-value"), (21, "invalid-value"), (21, "invalid-value"),
        (21, "invalid-value"), (21, "absurd-amount"), (21, "invalid-value"),
        (38, "missing-key"), (38, "invalid-date"), (38, "missing-key"), (38, "missing-key"),
    ]
    assert all(p.severity == "warning" for p in register.problems)
    assert found[0][2] == "contract 'D-001': marcheInnovant: a boolean written as text ('oui')"
    assert found[3][2] == ("contract 'D-001': dureeMois: expected a number, got the text "
                           "'NC'; left out")
    rows = register.frame.set_index("id")
    assert rows.loc["D-001", "amount"] == 12000 and bool(rows.loc["D-001", "innovative"])
    assert rows.loc["D-003", "year"] == 0  # a date as 15/03/2024 belongs to no year
    # 2024: D-001, D-002 (absurd), D-004; values over D-001 and D-004 only
    found_2024 = {f.id: f for f in legal_figures(register.of_year(2024))}
    assert found_2024["contracts-notified"].value == 3
    assert found_2024["contracts-environmental-share"].value == pytest.approx(200 / 3)
    assert found_2024["contracts-environmental-value-share"].value == pytest.approx(
        8000 / 20000 * 100)


def test_the_2019_layout() -> None:
    register = read_register([CONTRACTS / "synthetic-2019.json"])
    assert list(register.layouts.values()) == ["2019"]
    rows = register.frame.set_index("id")
    assert (rows.loc["2019-001", "kind"], rows.loc["2019-001", "amount"]) == ("market", 99000)
    assert rows.loc["2019-001", "duration"] == 30
    assert (rows.loc["2019-002", "kind"], rows.loc["2019-002", "year"]) == ("concession", 2021)
    (warning,) = register.problems
    assert (warning.code, warning.line) == ("invalid-value", 1)
    assert "count as having none" in warning.message


def test_the_csv_register() -> None:
    register = read_register([CONTRACTS / "synthetic-register.csv"])
    assert register.problems == []
    rows = register.frame.set_index("id")
    assert rows.loc["S-001", "amount"] == 12500.5  # a decimal comma
    assert bool(rows.loc["S-001", "social_clause"]) and bool(rows.loc["S-001", "env_clause"])
    assert bool(rows.loc["S-002", "innovative"]) and bool(rows.loc["S-002", "env_criterion"])
    assert list(rows["line"]) == [2, 3]


def test_an_entity_bomb_is_refused_at_once() -> None:
    start = time.perf_counter()
    register = read_register([CONTRACTS / "entity-bomb.xml"])
    assert time.perf_counter() - start < 1.0
    (error,) = register.problems
    assert (error.code, error.severity, error.line) == ("xml-entities", "error", 4)
    assert register.frame.empty


def test_a_file_is_read_whole_or_not_at_all() -> None:
    register = read_register([CONTRACTS / "synthetic-dirty.json", CONTRACTS / "broken.json",
                              CONTRACTS / "not-decp.json"])
    errors = [(p.file.rsplit("/", 1)[-1], p.code, p.line, p.column) for p in register.errors]
    assert errors == [("broken.json", "json-syntax", 4, 35), ("not-decp.json", "not-decp",
                                                              None, None)]
    assert sorted(register.frame["id"]) == ["D-001", "D-002", "D-003", "D-004"]


def test_chunk_boundaries_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Contracts, numbers and multi-byte characters cut by a chunk: same register, same lines."""
    whole = read_register([CONTRACTS / "synthetic-decp.json", CONTRACTS / "synthetic-dirty.json",
                           CONTRACTS / "synthetic-decp.xml"])
    for size in (7, 64, 1000):
        monkeypatch.setattr(jsonread, "CHUNK", size)
        monkeypatch.setattr(xmlread, "CHUNK", size)
        cut = read_register([CONTRACTS / "synthetic-decp.json",
                             CONTRACTS / "synthetic-dirty.json", CONTRACTS / "synthetic-decp.xml"])
        assert cut.frame.astype(str).values.tolist() == \
            whole.frame.astype(str).values.tolist(), size
        assert cut.problems == whole.problems, size


def test_filters_shares_and_breakdowns() -> None:
    frame = read_register([CONTRACTS / "synthetic-decp.json"]).of_year(2024)
    markets = ContractFilter(kind=("market",))
    value, parts, reason = evaluate(frame, ContractFilter(social=("clause",)), "amount",
                                    breakdown="ccag")
    assert (value, reason) == (100000, None)
    assert parts == {"Travaux": 100000}  # per ccag found among the contracts counted
    value, parts, _ = evaluate(frame, ContractFilter(innovative=True), "count", markets, "ccag")
    assert value == pytest.approx(100 / 6)
    assert parts["Prestations intellectuelles"] == 100.0 and parts["Travaux"] == 0.0
    assert evaluate(frame, ContractFilter(cpv=("45",)), "count")[0] == 3  # works CPV
    # 50 000 ≤ amount < 250 000, C-1 (B-001 is 250 000; A-005 is absurd)
    assert evaluate(frame, ContractFilter(amount_min=50000, amount_max=250000),
                    "count")[0] == 3
    assert evaluate(frame, ContractFilter(buyers=(B,)), "amount")[0] == 250000
    assert evaluate(frame, ContractFilter(environmental=("none",)), "count")[0] == 2
    assert evaluate(frame, ContractFilter(social=("reserved",), kind=("concession",)),
                    "count")[0] == 1
    empty = frame[frame["buyer"] == "none"]
    assert evaluate(empty, ContractFilter(), "count", markets)[2] == \
        "division by zero: no contract in the whole"


def test_rates_per_buyer() -> None:
    table = by_buyer(read_register([CONTRACTS / "synthetic-decp.json"]).of_year(2024))
    rows = {r["buyer"]: r for r in table.to_dict("records")}
    assert rows[A]["contracts"] == 6 and rows[A]["amount"] == 270000  # A-005 left out
    assert rows[A]["excluded_amounts"] == 1
    assert rows[A]["environmental_share"] == pytest.approx(4 / 6 * 100)
    assert rows[A]["environmental_value_share"] == pytest.approx(210000 / 270000 * 100)
    assert rows[A]["innovative_share"] == pytest.approx(20.0)  # 1 of 5 markets
    assert rows[B]["social_share"] == 100.0 and rows[B]["reserved_share"] == 0.0


def test_contracts_without_environmental_consideration_after_the_obligation() -> None:
    frame = read_register([CONTRACTS / "synthetic-decp.json"]).frame
    found = missing_environmental(frame).to_dict("records")
    assert found == [{"buyer": A, "id": "A-007", "date": "2026-09-01",
                      "object": "Fournitures de bureau (synthétique)", "amount": 15000.0,
                      "ccag": "Fournitures courantes et services"}]


# -- public files no one here wrote (skipped when the shared samples are absent) -----------------

needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared DECP samples absent")


@needs_samples
def test_official_examples() -> None:
    xml = read_register([SAMPLES / "official_Marche.xml"])
    assert (xml.problems, xml.read, xml.duplicates) == ([], 2, 1)
    assert xml.frame.loc[0, "amount"] == 575000 and bool(xml.frame.loc[0, "innovative"])
    modified = read_register([SAMPLES / "official_marches_avec_modifications.json"])
    assert modified.problems == []
    assert list(modified.frame["amount"]) == [123457.87, 123457.87]  # the modification's
    concessions = read_register([SAMPLES / "official_concessions.json"])
    assert list(concessions.frame["kind"]) == ["concession", "concession"]
    found = {f.id: f.value for f in legal_figures(concessions.of_year(2024))}
    assert found["contracts-reserved-share"] == 0.0 and found["contracts-social-share"] == 100


@needs_samples
def test_a_dirty_file_from_an_open_source_pipeline() -> None:
    register = read_register([SAMPLES / "dirty_decp_test_2022.json"])
    assert register.errors == []
    codes = sorted((p.line, p.code) for p in register.problems)
    assert (4, "not-a-number") in codes and (101, "absurd-amount") in codes
    rows = register.frame.set_index("id")
    assert rows.loc["2020F00075", "amount"] == 22540  # its latest modification, not 1e17
    legacy = read_register([SAMPLES / "dirty_decp_test_2019.json"])
    assert [p.code for p in legacy.problems] == ["not-a-number", "invalid-value"]


def test_a_lone_contract_outside_a_list_is_read(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    text = (CONTRACTS / "synthetic-decp.json").read_text(encoding="utf-8")
    import json

    data = json.loads(text)
    data["marches"]["marche"] = data["marches"]["marche"][0]  # as some converters write it
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    register = read_register([path])
    assert list(register.frame["id"]) == ["A-001", "C-1"]
    assert register.problems == []


def test_two_processes_read_the_same_register(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    """A large JSON file is read on two cores: the same rows, warnings and lines as alone."""
    import sys

    sys.path.insert(0, str(FIXTURES.parents[1] / "benchmarks"))
    from bench_contracts import write_synthetic  # the benchmark's generator (synthetic)

    from spapser_cli.contracts import split

    national = tmp_path / "national.json"
    write_synthetic(national, 3000)
    files = [national, CONTRACTS / "synthetic-decp.json", CONTRACTS / "synthetic-dirty.json",
             CONTRACTS / "synthetic-2019.json"]
    alone = read_register(files)
    taken = []
    original = split.SplitRead.take

    def take(self: split.SplitRead, kind: str | None) -> int | None:
        taken.append(result := original(self, kind))
        return result

    monkeypatch.setattr(split, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(split.SplitRead, "take", take)
    monkeypatch.setattr(jsonread, "CHUNK", 4096)
    both = read_register(files)
    assert len(taken) >= 3 and None not in taken[:1]  # the split was used
    assert both.frame.astype(str).values.tolist() == alone.frame.astype(str).values.tolist()
    assert both.problems == alone.problems
    assert (both.read, both.duplicates) == (alone.read, alone.duplicates)


def test_csv_register_header_errors(tmp_path: Path) -> None:
    typo = tmp_path / "typo.csv"
    typo.write_text("id,acheteur_id,dateNotification,montant,consideration_sociale\n"
                    "S-1,11111111100011,2024-01-01,100,\n", encoding="utf-8")
    missing = tmp_path / "missing.csv"
    missing.write_text("id;montant\nS-1;100\n", encoding="utf-8")
    register = read_register([typo, missing])
    found = [(p.code, p.line, p.column, p.message.split(";")[0]) for p in register.errors]
    assert found == [
        ("unknown-key", 1, 5, "unknown column 'consideration_sociale' (did you mean "
         "considerationsSociales?)"),
        ("missing-key", 1, None, "missing column(s) acheteur_id, dateNotification "
         "(no contract of this file was read)"),
    ]


def test_dirty_xml_values_are_warnings_on_their_contract(tmp_path: Path) -> None:
    path = tmp_path / "dirty.xml"
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?>\n<!-- synthetic -->\n<marches>\n"
        "  <marche>\n    <id>X-1</id>\n    <acheteur><id>11111111100011</id></acheteur>\n"
        "    <nature>Marché</nature>\n    <ccag>Travaux</ccag>\n"
        "    <marcheInnovant>peut-être</marcheInnovant>\n    <dureeMois>NC</dureeMois>\n"
        "    <dateNotification>2024-02-30</dateNotification>\n    <montant>12 000,50</montant>\n"
        "    <considerationsSociales><considerationSociale>Clause sociale</considerationSociale>"
        "</considerationsSociales>\n    <considerationsEnvironnementales>"
        "<considerationEnvironnementale>Clause verte</considerationEnvironnementale>"
        "</considerationsEnvironnementales>\n  </marche>\n</marches>\n", encoding="utf-8")
    register = read_register([path])
    assert [(p.line, p.code) for p in register.problems] == [
        (4, "wrong-type"), (4, "invalid-date"), (4, "not-a-number"), (4, "invalid-value")]
    row = register.frame.iloc[0]
    assert row["amount"] == 12000.5 and row["year"] == 0


def test_the_fast_decoder_gives_the_scanners_register(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    """orjson decodes a contract up to the next `},{`; a `},{` inside a contract (in a text,
    between titulaires), a NaN, a huge integer or the last contract of a list go to the
    standard library's scanner: the same rows, warnings and lines either way."""
    import json

    data = json.loads((CONTRACTS / "synthetic-decp.json").read_text(encoding="utf-8"))
    first = data["marches"]["marche"][0]
    extra = [
        dict(first, id="T-1", objet="lots },{ 1 et 2", montant="12 000"),
        dict(first, id="T-2", titulaires=[{"titulaire": {"typeIdentifiant": "SIRET",
                                                         "id": str(10**13 + n)}}
                                          for n in range(6)], dureeMois="NC"),
        dict(first, id="T-3", montant=10**30),
        dict(first, id=None),
    ]
    data["marches"]["marche"][1:1] = extra
    text = json.dumps(data, ensure_ascii=False, indent=1).replace('"NC"', '"NC", "x": NaN')
    path = tmp_path / "tricky.json"
    path.write_text(text, encoding="utf-8")
    fast = read_register([path])
    monkeypatch.setattr(jsonread, "_GUESSES", 0)  # the scanner alone
    scanner = read_register([path])
    assert fast.frame.astype(str).values.tolist() == scanner.frame.astype(str).values.tolist()
    assert fast.problems == scanner.problems
    lines = text.splitlines()
    starts = {ident: next(n for n, line in enumerate(lines, 1) if f'"id": "{ident}"' in line)
              for ident in ("T-1", "T-2", "T-3")}
    found = {(p.code, p.line) for p in fast.problems}
    assert {("wrong-type", starts["T-1"] - 1), ("not-a-number", starts["T-2"] - 1),
            ("absurd-amount", starts["T-3"] - 1)} <= found


def test_contracts_source_reads_files_or_the_data_folder(tmp_path: Path) -> None:
    """What `spapser contracts` reads, chosen by the core (the CLI only parses options)."""
    import shutil

    from spapser_cli.contracts.source import contracts_source
    from spapser_cli.problems import InvalidDataError, SpapserError, UsageError

    given = contracts_source([CONTRACTS / "synthetic-decp.json"], None)
    assert (len(given.register.frame), given.buyers, given.organisation) == (9, [], None)
    with pytest.raises(UsageError, match="nowhere.json: no such file"):
        contracts_source([tmp_path / "nowhere.json"], None)
    with pytest.raises(InvalidDataError):
        contracts_source([CONTRACTS / "not-decp.json"], None)
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES.parents[1] / "data", folder)
    with pytest.raises(SpapserError, match="no contract register: .* holds no DECP file"):
        contracts_source([], folder)
    (folder / "contracts").mkdir()
    shutil.copy(CONTRACTS / "synthetic-decp.json", folder / "contracts")
    scheme = folder / "scheme.yaml"
    scheme.write_text(scheme.read_text(encoding="utf-8").replace(
        "\naxes:", f'\nbuyers: ["{B}"]\naxes:', 1), encoding="utf-8")
    found = contracts_source([], folder)
    assert (found.buyers, found.organisation) == ([B], "Département du Pas-de-Calais")
    assert len(found.register.frame) == 9
