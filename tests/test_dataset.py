"""The embedded dataset against the document it encodes.

Source: Département du Pas-de-Calais, « Schéma de promotion des achats publics socialement et
écologiquement responsables 2017-2020 ». Every number asserted here is copied from that
document (tables of sheets 1-1.3, 1-1.5, 1-1.6, 1-3.2, 1-3.3, text of 2-1.1 and of the
introduction). The files are read with plain `yaml.safe_load`, independently of the app code.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(__file__).resolve().parent.parent / "data"


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


SCHEME = load(DATA / "scheme.yaml")
ACTIONS: dict[str, dict[str, Any]] = {
    p.stem: load(p) for p in sorted((DATA / "actions").glob("*.yaml"))
}
MEASURES: dict[int, dict[str, Any]] = {
    int(p.stem): load(p) for p in sorted((DATA / "measures").glob("*.yaml"))
}
INDICATORS: dict[str, dict[str, Any]] = {
    i["id"]: i for a in ACTIONS.values() for i in a.get("indicators", [])
}
VARIABLES: dict[str, dict[str, Any]] = {
    v["id"]: v for a in ACTIONS.values() for v in a.get("variables", [])
}

# --------------------------------------------------------------------------------------------
# Structure: axes, objectives, sheets

# (axis, objective) -> sheet codes, as listed in « Les objectifs de l'axe N ».
OBJECTIVES = {
    (1, 1): ["1-1.1", "1-1.2", "1-1.3", "1-1.4", "1-1.5", "1-1.6"],
    (1, 2): ["1-2.1", "1-2.2"],
    (1, 3): ["1-3.1", "1-3.2", "1-3.3"],
    (2, 1): ["2-1.1", "2-1.2", "2-1.3"],
    (2, 2): ["2-2.1"],
    (2, 3): ["2-3.1"],
    (3, 1): ["3-1.1", "3-1.2"],
    (3, 2): ["3-2.1"],
    (3, 3): ["3-3.1", "3-3.2"],
}
ALL_CODES = [code for codes in OBJECTIVES.values() for code in codes]


def scheme_objectives() -> dict[tuple[int, int], list[str]]:
    return {
        (axis["number"], obj["number"]): obj["actions"]
        for axis in SCHEME["axes"]
        for obj in axis["objectives"]
    }


def test_scheme_identity() -> None:
    assert SCHEME["organisation"] == "Département du Pas-de-Calais"
    assert SCHEME["period"] == {"start": 2017, "end": 2020}
    assert str(SCHEME["adopted"]) == "2017-02-27"
    assert "unanimité" in SCHEME["adopted_by"]
    assert SCHEME["source"]


def test_three_axes_nine_objectives() -> None:
    assert [a["number"] for a in SCHEME["axes"]] == [1, 2, 3]
    assert [a["title"] for a in SCHEME["axes"]] == [
        "Écologiquement responsable",
        "Économiquement responsable",
        "Socialement responsable",
    ]
    assert all(a["summary"] for a in SCHEME["axes"])
    assert [len(a["objectives"]) for a in SCHEME["axes"]] == [3, 3, 3]
    assert all(o["title"] for a in SCHEME["axes"] for o in a["objectives"])


def test_actions_per_objective() -> None:
    objectives = scheme_objectives()
    assert objectives == OBJECTIVES
    assert [len(codes) for codes in objectives.values()] == [6, 2, 3, 3, 1, 1, 2, 1, 2]


def test_twenty_one_action_files() -> None:
    assert sorted(ACTIONS) == sorted(ALL_CODES)
    assert len(ACTIONS) == 21
    for name, action in ACTIONS.items():
        assert action["code"] == name


@pytest.mark.parametrize(("axis", "objective"), list(OBJECTIVES))
def test_action_axis_and_objective_match_scheme(axis: int, objective: int) -> None:
    for code in scheme_objectives()[(axis, objective)]:
        assert code in ACTIONS
        assert (ACTIONS[code]["axis"], ACTIONS[code]["objective"]) == (axis, objective)


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: p.name)
def test_schema_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    kind = {"data": "scheme", "actions": "action", "measures": "measures"}[path.parent.name]
    prefix = "" if path.parent.name == "data" else "../"  # data/schemas/ (issue 9)
    assert first == f"# yaml-language-server: $schema={prefix}schemas/{kind}.schema.json"


@pytest.mark.parametrize(
    ("code", "pilots"),
    [
        ("1-1.3", ["Direction des Achats et de la Logistique",
                   "Direction des Systèmes d'Information"]),
        ("1-1.6", ["Direction des Achats et de la Logistique", "Direction de l'Immobilier"]),
        ("2-3.1", ["Direction de la Communication"]),
        ("3-2.1", ["Direction du Développement des Solidarités"]),
        ("3-3.2", ["Direction du Développement des Solidarités",
                   "Pôle Aménagement et Développement Territorial"]),
    ],
)
def test_pilots(code: str, pilots: list[str]) -> None:
    assert ACTIONS[code]["pilots"] == pilots


def test_agenda21_actions() -> None:
    found = {c: a["links"] for c, a in ACTIONS.items() if "links" in a}
    assert found == {code: [{"plan": "Agenda 21", "reference": f"action {n}"}]
                     for code, n in (("1-1.3", 7), ("1-1.5", 18), ("1-1.6", 19))}


def test_every_sheet_is_filled_in() -> None:
    for code, action in ACTIONS.items():
        assert action["title"] and action["pilots"] and action["purpose"], code
        assert action["summary"], code
        assert action["indicators"], f"{code} has no indicator"


def test_related_projects_of_2_3_1() -> None:
    assert len(ACTIONS["2-3.1"]["related_projects"]) == 2


@pytest.mark.parametrize(
    ("code", "deadlines"),
    [
        ("1-1.3", ["2017-01"]),
        ("1-1.4", ["2017-11"]),
        ("1-2.1", ["2018"]),
        ("3-1.1", ["2017-06"]),
        ("3-1.2", ["2017-06", "2017-06", "2019"]),
        ("3-3.1", ["2017-04", "2017-09"]),
    ],
)
def test_schedule_deadlines(code: str, deadlines: list[str]) -> None:
    assert [s["due"] for s in ACTIONS[code]["schedule"] if "due" in s] == deadlines


# --------------------------------------------------------------------------------------------
# Identifiers

STABLE_IDS = {
    "paper-recycled-share": ("1-1.3", "share"),
    "paper-consumption-change": ("1-1.3", "change"),
    "paper-recycled-to-virgin-ratio": ("1-1.3", "ratio"),
    "fleet-low-emission-km-share": ("1-1.5", "share"),
    "fleet-electric-km-share": ("1-1.5", "share"),
    "fleet-fuel-consumption": ("1-1.5", "rate"),
    "charging-points": ("1-1.6", "value"),
    "charging-points-new": ("1-1.6", "difference"),
    "charging-energy": ("1-1.6", "value"),
    "local-purchase-share": ("1-3.2", "share"),
    "organic-purchase-share": ("1-3.3", "share"),
    "supplier-platform-registration-share": ("2-1.1", "share"),
}


def all_indicator_ids() -> list[str]:
    return [i["id"] for a in ACTIONS.values() for i in a.get("indicators", [])]


@pytest.mark.parametrize("indicator_id", sorted(STABLE_IDS))
def test_stable_id_present_once(indicator_id: str) -> None:
    assert all_indicator_ids().count(indicator_id) == 1
    code, kind = STABLE_IDS[indicator_id]
    assert indicator_id in {i["id"] for i in ACTIONS[code]["indicators"]}
    assert INDICATORS[indicator_id]["kind"] == kind


def test_ids_unique_across_files() -> None:
    indicators = Counter(all_indicator_ids())
    variables = Counter(v["id"] for a in ACTIONS.values() for v in a.get("variables", []))
    assert [i for i, n in indicators.items() if n > 1] == []
    assert [v for v, n in variables.items() if n > 1] == []


def refs(indicator: dict[str, Any]) -> list[dict[str, Any]]:
    keys = ("quantity", "part", "whole", "numerator", "denominator")
    return [indicator[k] for k in keys if k in indicator]


def test_indicator_references_resolve() -> None:
    for indicator in INDICATORS.values():
        for ref in refs(indicator):
            variable = VARIABLES[ref["variable"]]
            declared = {c["id"] for c in variable.get("categories", [])}
            assert set(ref.get("categories") or []) <= declared, indicator["id"]


# Indicators the sheets list (« Indicateurs d'évaluation »): none may be dropped.
SHEET_INDICATOR_COUNTS = {
    "1-1.1": 3, "1-1.2": 3, "1-1.3": 2, "1-1.4": 2, "1-1.5": 4, "1-1.6": 2,
    "1-2.1": 1, "1-2.2": 1, "1-3.1": 2, "1-3.2": 1, "1-3.3": 2,
    "2-1.1": 2, "2-1.2": 1, "2-1.3": 2, "2-2.1": 2, "2-3.1": 2,
    "3-1.1": 1, "3-1.2": 1, "3-2.1": 1, "3-3.1": 2, "3-3.2": 1,
}


@pytest.mark.parametrize("code", sorted(SHEET_INDICATOR_COUNTS))
def test_no_sheet_indicator_dropped(code: str) -> None:
    assert len(ACTIONS[code]["indicators"]) >= SHEET_INDICATOR_COUNTS[code]


def test_paper_indicators_as_decided() -> None:
    ratio = INDICATORS["paper-recycled-to-virgin-ratio"]
    assert ratio["numerator"] == {"variable": "paper-consumption", "categories": ["recycled"]}
    assert ratio["denominator"] == {"variable": "paper-consumption",
                                    "categories": ["fsc", "pefc"]}
    share = INDICATORS["paper-recycled-share"]
    assert share["part"] == {"variable": "paper-consumption", "categories": ["recycled"]}
    assert share["whole"] == {"variable": "paper-consumption"}
    assert share["breakdown"] == "composition"
    # The document disagrees with itself: both notes must say so.
    assert "recyclé / TOTAL" in ratio["note"] or "recyclé / total" in ratio["note"]
    assert "fibres vierges" in share["note"]
    tonnage = INDICATORS["paper-consumption-tonnage"]
    assert (tonnage["kind"], tonnage["unit"], tonnage["factor"]) == ("value", "t", 0.001)


# --------------------------------------------------------------------------------------------
# Targets


def targets(indicator_id: str) -> list[tuple[float, int | None, str]]:
    return [(t["value"], t.get("year"), t.get("direction", "at-least"))
            for t in INDICATORS[indicator_id]["targets"]]


@pytest.mark.parametrize(
    ("indicator_id", "expected"),
    [
        ("paper-recycled-share", [(30, 2016, "at-least")]),
        ("roadworks-recycled-materials-share", [(50, 2017, "at-least"), (60, 2020, "at-least")]),
        ("construction-waste-recovery-share", [(70, 2020, "at-least")]),
        ("supplier-platform-registration-share", [(100, None, "at-least")]),
        ("supplier-platform-directions-access-share", [(100, None, "at-least")]),
        ("organic-purchase-share", [(20, None, "at-least")]),
    ],
)
def test_targets(indicator_id: str, expected: list[tuple[float, int | None, str]]) -> None:
    assert targets(indicator_id) == expected
    assert all(t["text"] for t in INDICATORS[indicator_id]["targets"])


def test_no_other_targets() -> None:
    with_targets = {i for i, ind in INDICATORS.items() if ind.get("targets")}
    assert with_targets == {
        "paper-recycled-share", "roadworks-recycled-materials-share",
        "construction-waste-recovery-share", "supplier-platform-registration-share",
        "supplier-platform-directions-access-share", "organic-purchase-share",
    }


# --------------------------------------------------------------------------------------------
# Figures of the document's tables


def test_measure_years() -> None:
    assert sorted(MEASURES) == list(range(2009, 2017))
    for year, m in MEASURES.items():
        assert m["year"] == year


def measure(year: int, variable: str) -> dict[str, Any]:
    m = MEASURES[year]["measures"][variable]
    assert m["source"].strip(), (year, variable)
    return m


def reported(year: int, indicator: str) -> dict[str, Any]:
    r = MEASURES[year]["reported"][indicator]
    assert r["source"].strip(), (year, indicator)
    return r


# Fiche 1-1.3, « Magasin départemental – consommation en kg »:
# year: (FSC, PECF, RECYCLE, TOTAL, % recyclé, (% FSC, % PECF, % recyclé per label))
PAPER = {
    2009: (131378, 5215, 702, 137295, 0.5, (96, 4, 1)),
    2010: (114910, 3978, 3406, 122294, 2.8, (94, 3, 3)),
    2011: (112562, 3313, 10335, 126210, 8.2, (89, 3, 8)),
    2012: (114143, 3048, 6854, 124045, 5.5, (92, 2, 6)),
    2013: (105457, 2311, 19838, 127606, 15.5, (83, 2, 16)),
    2014: (95261, 2360, 35321, 132942, 26.6, (72, 2, 27)),
    2015: (73190, 1554, 46748, 121492, 38.5, (60, 1, 38)),
}


@pytest.mark.parametrize("year", sorted(PAPER))
def test_paper_table(year: int) -> None:
    fsc, pefc, recycled, total, pct, (p_fsc, p_pefc, p_rec) = PAPER[year]
    m = measure(year, "paper-consumption")
    assert m["unit"] == "kg"
    assert m["values"] == {"fsc": fsc, "pefc": pefc, "recycled": recycled}
    assert m["total"] == total
    r = reported(year, "paper-recycled-share")
    assert (r["unit"], r["value"]) == ("%", pct)
    assert r["breakdown"] == {"fsc": p_fsc, "pefc": p_pefc, "recycled": p_rec}
    assert r["tolerance"] == 0.5


@pytest.mark.parametrize("year", sorted(PAPER))
def test_paper_total_is_sum_of_labels(year: int) -> None:
    m = measure(year, "paper-consumption")
    assert sum(m["values"].values()) == m["total"]


@pytest.mark.parametrize("year", sorted(PAPER))
def test_paper_printed_percentages_agree_with_kg(year: int) -> None:
    fsc, pefc, recycled, total, pct, (p_fsc, p_pefc, p_rec) = PAPER[year]
    assert abs(100 * recycled / total - pct) <= 0.05
    for kg, printed in ((fsc, p_fsc), (pefc, p_pefc), (recycled, p_rec)):
        assert abs(100 * kg / total - printed) <= 0.5


def test_paper_2015_text() -> None:
    r = reported(2015, "paper-consumption-change")
    assert (r["unit"], r["value"], r["tolerance"]) == ("%", -9, 0.5)
    # « soit 11,45 tonnes »
    assert PAPER[2014][3] - PAPER[2015][3] == 11450
    assert "1,5 tonne" in MEASURES[2014]["measures"]["paper-consumption"]["note"]


# Fiche 1-1.5, table of indicators 1-3.
FLEET = {
    2013: (26, 0.05, {"essence": 7.04, "gazole": 5.82, "gpl-essence": 8.3}),
    2014: (42, 0.79, {"essence": 6.86, "gazole": 5.84, "gpl-essence": 7.3,
                      "hybride-essence": 5.9, "hybride-gazole": 6.75}),
    2015: (53, 1.26, {"essence": 6.25, "gazole": 5.53, "gpl-essence": 4.78,
                      "hybride-essence": 5.13, "hybride-gazole": 6.41}),
}


@pytest.mark.parametrize("year", sorted(FLEET))
def test_fleet_table(year: int) -> None:
    low, electric, litres = FLEET[year]
    r = reported(year, "fleet-low-emission-km-share")
    assert (r["unit"], r["value"]) == ("%", low)
    r = reported(year, "fleet-electric-km-share")
    assert (r["unit"], r["value"]) == ("%", electric)
    r = reported(year, "fleet-fuel-consumption")
    assert r["unit"] == "L/100 km"
    assert "value" not in r  # the document gives no all-fuel figure
    assert r["breakdown"] == litres


def test_fleet_has_no_invented_quantities() -> None:
    fleet_vars = {v for v in VARIABLES if v.startswith("fleet-")}
    for m in MEASURES.values():
        assert not fleet_vars & set(m.get("measures", {}))


# Fiche 1-1.6: year: (points, KW(h), km)
CHARGING = {2014: (18, 15215, 81896), 2015: (20, 32962, 122406)}


@pytest.mark.parametrize("year", sorted(CHARGING))
def test_charging_table(year: int) -> None:
    points, energy, km = CHARGING[year]
    assert (measure(year, "charging-points")["value"], measure(year, "charging-points")["unit"]) \
        == (points, "nombre")
    assert (measure(year, "charging-energy")["value"], measure(year, "charging-energy")["unit"]) \
        == (energy, "kWh")
    assert (measure(year, "charging-km")["value"], measure(year, "charging-km")["unit"]) \
        == (km, "km")


def test_charging_indicators() -> None:
    assert INDICATORS["charging-points-new"]["quantity"] == {"variable": "charging-points"}
    assert INDICATORS["charging-km-driven"]["kind"] == "value"
    assert "Pas d'objectif chiffré" in ACTIONS["1-1.6"]["notes"]


LOCAL_2015 = {"poisson-frais": 100, "viandes-fraiches": 43.01, "fromage-coupe": 42.01,
              "oeufs-pasteurises": 25.34, "boissons": 67.27}
ORGANIC_2015 = {"fruits-legumes": 5.15, "viande-froide": 4.69, "oeufs-coquilles": 10.42,
                "yaourts": 16.72, "oeufs": 23.49}


@pytest.mark.parametrize(
    ("indicator_id", "total", "families"),
    [("local-purchase-share", 54.62, LOCAL_2015), ("organic-purchase-share", 11.28, ORGANIC_2015)],
)
def test_food_tables_2015(indicator_id: str, total: float, families: dict[str, float]) -> None:
    r = reported(2015, indicator_id)
    assert (r["unit"], r["value"]) == ("%", total)
    assert r["breakdown"] == families
    indicator = INDICATORS[indicator_id]
    assert indicator["breakdown"] == "per-category"
    declared = [c["id"] for c in VARIABLES[indicator["part"]["variable"]]["categories"]]
    assert declared == list(families)
    # The published total is weighted: it is not the mean of the families.
    assert round(sum(families.values()) / len(families), 2) != total


def test_supplier_registration_2016() -> None:
    r = reported(2016, "supplier-platform-registration-share")
    assert (r["unit"], r["value"]) == ("%", 80)


def test_introduction_figures() -> None:
    r = reported(2015, "insertion-clause-contracts")
    assert (r["value"], r["qualifier"]) == (1000, "more-than")
    assert reported(2015, "insertion-hours")["value"] == 420000
    r = reported(2015, "insertion-dynamic-exit-rate")
    assert (r["unit"], r["value"], r["qualifier"]) == ("%", 40, "about")
    assert reported(2016, "partner-clause-operations")["value"] == 90
    r = reported(2016, "partner-clause-hours")
    assert (r["value"], r["qualifier"]) == (84000, "more-than")


# --------------------------------------------------------------------------------------------
# Consistency of the measures files


def indicator_unit(indicator: dict[str, Any]) -> str:
    kind = indicator["kind"]
    if kind in ("share", "ratio", "change"):
        return "%"
    if kind == "rate":
        return str(indicator["unit"])
    variable_unit = str(VARIABLES[indicator["quantity"]["variable"]]["unit"])
    return str(indicator.get("unit", variable_unit))


@pytest.mark.parametrize("year", sorted(MEASURES))
def test_measures_refer_to_declared_things(year: int) -> None:
    m = MEASURES[year]
    for variable_id, entry in (m.get("measures") or {}).items():
        variable = VARIABLES[variable_id]
        assert entry["unit"] == variable["unit"]
        assert entry["source"].strip()
        categories = [c["id"] for c in variable.get("categories", [])]
        if categories:
            assert sorted(entry["values"]) == sorted(categories)
        else:
            assert "value" in entry
    for indicator_id, entry in (m.get("reported") or {}).items():
        assert entry["unit"] == indicator_unit(INDICATORS[indicator_id])
        assert entry["source"].strip()


def all_numbers(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [n for v in node.values() for n in all_numbers(v)]
    if isinstance(node, list):
        return [n for v in node for n in all_numbers(v)]
    return [node] if isinstance(node, int | float) and not isinstance(node, bool) else []


def test_no_zero_placeholders() -> None:
    for year, m in MEASURES.items():
        assert 0 not in all_numbers({"m": m.get("measures"), "r": m.get("reported")}), year
