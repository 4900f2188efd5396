"""Issue 9: any buyer's scheme, tried on a second, SYNTHETIC département (tests/fixtures/
synthetic-departement): its own action codes (ECO-01, INS.1a), its own words (Orientation,
Engagement), categories measured by their total only, quantities adding two variables, whole
and cumulative counts, relative, per-category and several targets, and a gap in the years
(2021, 2022, 2024).

Every expected figure is computed by hand in the comment next to it, from the fixture's
measures files; none comes from the program.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import SYNTHETIC, assert_no_traceback, copy_of, edit, parse_problems, run_cli

from spapser_cli.problems import ExitCode, display_path

SCHEME_ORDER = ["ECO-02", "ECO-01", "ECO-10", "INS.1a", "INS.1b"]


def compute(year: int, *args: str, data: Path = SYNTHETIC) -> dict[str, dict]:
    result = run_cli(["compute", str(year), "--data-dir", str(data), "--format", "json", *args])
    assert_no_traceback(result)
    assert result.exit_code == ExitCode.OK, result.output
    payload = json.loads(result.stdout)
    assert payload["warnings"] == [], payload["warnings"]
    return {entry["id"]: entry for entry in payload["indicators"]}


@pytest.fixture(scope="module")
def y2021() -> dict[str, dict]:
    return compute(2021)


@pytest.fixture(scope="module")
def y2022() -> dict[str, dict]:
    return compute(2022)


@pytest.fixture(scope="module")
def y2024() -> dict[str, dict]:
    return compute(2024)




# -- the folder is valid ---------------------------------------------------------------------

def test_the_synthetic_scheme_validates_strictly() -> None:
    result = run_cli(["validate", "--data-dir", str(SYNTHETIC), "--strict"])
    assert_no_traceback(result)
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout.endswith("9 file(s) checked: no problems\n")


# -- 1. free action codes, scheme order ------------------------------------------------------

def test_actions_keep_their_own_codes_in_scheme_order() -> None:
    result = run_cli(["actions", "--data-dir", str(SYNTHETIC), "--format", "json"])
    assert result.exit_code == ExitCode.OK, result.output
    actions = json.loads(result.stdout)["actions"]
    assert [a["code"] for a in actions] == SCHEME_ORDER  # ECO-02 is listed before ECO-01
    # axis and objective come from the fields and the listing, never from the digits
    assert [(a["axis"], a["objective"]) for a in actions] == [
        (1, 1), (1, 1), (1, 2), (2, 12), (2, 12)]
    assert actions[1]["links"] == [{"plan": "Plan climat (fictif)", "reference": "action 4"}]


def test_compute_lists_indicators_in_scheme_order_and_filters_by_free_code(y2024) -> None:
    assert list(dict.fromkeys(e["action"] for e in y2024.values())) == SCHEME_ORDER
    only = compute(2024, "--action", "INS.1a")
    assert list(only) == ["insertion-hours-total", "insertion-local-share"]
    axis_2 = compute(2024, "--axis", "2")
    assert {e["action"] for e in axis_2.values()} == {"INS.1a", "INS.1b"}


@pytest.mark.parametrize("code", ["-bad", "a b", "é-1", ".x"])
def test_a_code_must_start_with_a_letter_or_digit(tmp_path: Path, code: str) -> None:
    folder = copy_of(tmp_path)
    edit(folder, "actions/ECO-10.yaml", "code: ECO-10", f"code: '{code}'")
    result = run_cli(["validate", "--data-dir", str(folder)])
    assert result.exit_code == ExitCode.INVALID_DATA
    codes = [(p.location, p.code) for p in parse_problems(result.stdout)]
    assert (f"{folder / 'actions' / 'ECO-10.yaml'}:3:7", "invalid-value") in codes


# -- 2. the scheme's own words ---------------------------------------------------------------

def test_tables_use_the_schemes_words(y2024) -> None:
    result = run_cli(["compute", "2024", "--data-dir", str(SYNTHETIC)], env={"COLUMNS": "200"})
    assert result.exit_code == ExitCode.OK, result.output
    assert "Orientation 1 · Des achats sobres" in result.stdout
    assert "Orientation 2 · Des achats solidaires" in result.stdout
    assert "Axe" not in result.stdout
    sheet = run_cli(["actions", "ECO-10", "--data-dir", str(SYNTHETIC)], env={"COLUMNS": "200"})
    assert sheet.exit_code == ExitCode.OK, sheet.output
    assert "Orientation 1 · Des achats sobres — Engagement 1-2 · Réemployer le mobilier" \
        in sheet.stdout


def test_the_bundled_scheme_keeps_axe_and_objectif() -> None:
    result = run_cli(["compute", "2015", "--action", "1-1.3"], env={"COLUMNS": "200"})
    assert result.exit_code == ExitCode.OK, result.output
    assert "Axe 1 · Écologiquement responsable" in result.stdout


# -- 3. quantities ---------------------------------------------------------------------------

def test_a_categorised_variable_measured_by_its_total(y2022, y2024) -> None:
    # 2024: paper-purchases is 7500 kg, total only -> 7.5 t; per label n/d with the reason.
    tonnage = y2024["paper-tonnage"]
    assert tonnage["value"] == 7.5
    assert tonnage["breakdown"] == {"recycled": None, "virgin": None}
    assert tonnage["breakdown_reason"] == "paper-purchases was measured by its total only in 2024"
    # 2022: insertion-hours is 12000 h, total only
    hours = y2022["insertion-hours-total"]
    assert hours["value"] == 12000
    assert hours["breakdown"] == {"btp": None, "services": None, "espaces-verts": None}
    # the recycled share needs the recycled category: n/d in 2024, with why
    share = y2024["paper-recycled-share"]
    assert share["value"] is None and share["status"] == "no-data"
    assert share["reason"] == ("paper-purchases was measured by its total only in 2024: "
                               "no value for recycled")


def test_a_per_category_share_over_a_subset_of_categories(y2021, y2024) -> None:
    # part: insertion-hours-local {btp, services}; whole: insertion-hours [btp, services]
    # 2021: (3000 + 1500) / (6000 + 3000) = 50 %; btp 3000/6000 = 50 %; services 1500/3000 = 50 %
    share = y2021["insertion-local-share"]
    assert share["value"] == 50
    assert share["breakdown"] == {"btp": 50, "services": 50}
    # 2024: (6300 + 1000) / (9000 + 2500) = 7300 / 11500 = 63.478261 %; btp 70 %; services 40 %
    share = y2024["insertion-local-share"]
    assert share["value"] == pytest.approx(63.478261, abs=1e-6)
    assert share["breakdown"] == {"btp": 70, "services": 40}


def test_a_quantity_adding_two_variables(y2021, y2024) -> None:
    # 20000 + 180000 and 50000 + 150000 km
    assert y2021["fleet-km-total"]["value"] == 200000
    assert y2021["fleet-km-total"]["unit"] == "km"
    # 2021: 20000 / 200000 = 10 %; 2024: 50000 / 200000 = 25 %
    assert y2021["fleet-electric-km-share"]["value"] == 10
    assert y2024["fleet-electric-km-share"]["value"] == 25


def test_whole_numbers_refuse_a_fraction(tmp_path: Path) -> None:
    folder = copy_of(tmp_path)
    edit(folder, "measures/2022.yaml", "value: 6\n", "value: 6.5\n")
    result = run_cli(["validate", "--data-dir", str(folder)])
    assert result.exit_code == ExitCode.INVALID_DATA
    [problem] = parse_problems(result.stdout)
    assert (problem.location, problem.code) == (
        f"{folder / 'measures' / '2022.yaml'}:11:12", "not-a-whole-number")
    assert problem.message == ("charging-points takes whole numbers only (nombre), "
                               "not 6.5")


def test_cumulative_figures_say_so(y2024) -> None:
    assert y2024["charging-points-installed"]["cumulative"] is True
    assert y2024["charging-points-new"]["cumulative"] is False
    assert y2024["fleet-km-total"]["cumulative"] is False
    result = run_cli(["compute", "2024", "--data-dir", str(SYNTHETIC), "--action", "ECO-01"],
                     env={"COLUMNS": "200"})
    lines = result.stdout.splitlines()
    at = next(i for i, x in enumerate(lines) if "charging-points-installed" in x)
    assert "cumulative" in lines[at - 1]  # the label line above the id's row


# -- 4. targets ------------------------------------------------------------------------------

def test_an_absolute_target_and_the_next_one(y2021, y2022, y2024) -> None:
    # 10 points by 2024, then 15 by 2026; baseline 2021 = 4.
    # 2022: the line from (2021, 4) to (2024, 10) stands at 4 + 6 × 1/3 = 6 -> 6 is on track.
    points = y2022["charging-points-installed"]
    assert (points["value"], points["target"]["value"], points["status"]) == (6, 10, "on-track")
    assert points["expected"] == 6
    assert y2021["charging-points-installed"]["status"] == "on-track"  # the baseline year
    # 2024: 11 ≥ 10, met; the 2026 target is listed too: line at 4 + 11 × 3/5 = 10.6, on track
    points = y2024["charging-points-installed"]
    assert (points["target"]["value"], points["status"]) == (10, "met")
    assert [(t["value"], t["year"], t["status"]) for t in points["targets"]] == [
        (10, 2024, "met"), (15, 2026, "on-track")]
    assert points["targets"][1]["expected"] == pytest.approx(10.6)


def test_a_target_in_points_relative_to_a_reference_year(y2021, y2022) -> None:
    # +5 points on 2021 (20 %) by 2022 -> 25 %; then 50 % by 2025.
    share = y2022["paper-recycled-share"]
    assert share["value"] == pytest.approx(33.333333, abs=1e-6)  # 3000 / 9000
    assert share["target"] == {
        "value": 25, "year": 2022, "direction": "at-least", "text": share["target"]["text"],
        "change": 5, "change_unit": "points", "reference_year": 2021}
    assert share["status"] == "met"
    # the 50 % target: line from (2021, 20) to (2025, 50) at 27.5 in 2022 -> on track
    assert [(t["value"], t["status"]) for t in share["targets"]] == [(25, "met"),
                                                                    (50, "on-track")]
    assert share["targets"][1]["expected"] == 27.5
    assert y2021["paper-recycled-share"]["status"] == "on-track"


def test_a_target_in_percent_relative_to_a_reference_year(y2021, y2022, y2024) -> None:
    # +20 % on 10000 h (2021) by 2024 -> 12000 h
    assert y2021["insertion-hours-total"]["target"]["value"] == 12000
    assert y2021["insertion-hours-total"]["status"] == "on-track"
    assert y2022["insertion-hours-total"]["status"] == "met"  # 12000 ≥ 12000
    assert y2024["insertion-hours-total"]["status"] == "met"  # 13000
    # +10 points on 10 % by 2024 -> 20 %; 2022: line at 10 + 10 × 1/3 = 13.33, 15 on track
    km = y2022["fleet-electric-km-share"]
    assert (km["target"]["value"], km["status"]) == (20, "on-track")
    assert km["expected"] == pytest.approx(13.333333, abs=1e-6)
    assert y2024["fleet-electric-km-share"]["status"] == "met"


def test_a_target_for_one_category(y2021, y2022, y2024) -> None:
    # btp ≥ 60 % by 2024: 50 % in 2021 (its baseline, on track), n/d in 2022, 70 % in 2024
    assert y2021["insertion-local-share"]["target"]["category"] == "btp"
    assert y2021["insertion-local-share"]["status"] == "on-track"
    assert y2022["insertion-local-share"]["status"] == "no-data"
    share = y2024["insertion-local-share"]
    assert (share["target"]["value"], share["status"]) == (60, "met")
    assert [(t["category"], t["status"]) for t in share["targets"]] == [("btp", "met")]


def test_a_ratio_above_100_percent(y2021, y2022, y2024) -> None:
    # 30/20 = 150 %, 40/25 = 160 %, 44/20 = 220 %; target 200 % by 2024 from 150 % in 2021:
    # line at 150 + 50 × 1/3 = 166.67 in 2022 -> 160 is off track
    assert y2021["furniture-reuse-ratio"]["value"] == 150
    assert y2021["furniture-reuse-ratio"]["provenance"] == "computed"  # reported 150 agrees
    assert (y2022["furniture-reuse-ratio"]["value"], y2022["furniture-reuse-ratio"]["status"]) \
        == (160, "off-track")
    assert (y2024["furniture-reuse-ratio"]["value"], y2024["furniture-reuse-ratio"]["status"]) \
        == (220, "met")


def test_the_ratio_kind_has_no_0_100_bound(tmp_path: Path) -> None:
    folder = copy_of(tmp_path)
    edit(folder, "measures/2021.yaml", "value: 150\n", "value: 150.2\n")  # a published 150.2 %
    result = run_cli(["validate", "--data-dir", str(folder), "--strict"])
    assert result.exit_code == ExitCode.OK, result.output


# -- 5. comparisons that survive gaps --------------------------------------------------------

def test_previous_is_the_last_earlier_year_with_a_value(y2022, y2024) -> None:
    # 2024 follows 2022: no 2023 file
    tonnage = y2024["paper-tonnage"]
    assert (tonnage["previous"], tonnage["previous_year"]) == (9, 2022)
    assert tonnage["change"] == -1.5  # 7.5 - 9
    assert y2022["paper-tonnage"]["previous_year"] == 2021
    points = y2024["charging-points-installed"]
    assert (points["previous"], points["previous_year"], points["change"]) == (6, 2022, 5)


def test_year_on_year_kinds_compare_with_the_last_year_measured(y2021, y2022, y2024) -> None:
    # difference: 6 - 4 = 2 (2022), 11 - 6 = 5 (2024, on 2022)
    assert y2021["charging-points-new"]["value"] is None
    assert y2021["charging-points-new"]["reason"].startswith("no previous year")
    assert (y2022["charging-points-new"]["value"], y2022["charging-points-new"]["compared_with"]
            ) == (2, 2021)
    assert (y2024["charging-points-new"]["value"], y2024["charging-points-new"]["compared_with"]
            ) == (5, 2022)
    # change: 9000/10000 - 1 = -10 %; 7500/9000 - 1 = -16.666667 %
    assert y2022["paper-purchases-change"]["value"] == -10
    assert y2022["paper-purchases-change"]["breakdown"] == {"recycled": 50, "virgin": -25}
    change = y2024["paper-purchases-change"]
    assert change["value"] == pytest.approx(-16.666667, abs=1e-6)
    assert change["compared_with"] == 2022


def test_a_change_from_a_fixed_reference_year(y2021, y2022, y2024) -> None:
    # 9000/10000 - 1 = -10 %; 7500/10000 - 1 = -25 %; target ≤ -20 % by 2025
    assert y2021["paper-change-since-2021"]["value"] == 0
    change = y2022["paper-change-since-2021"]
    assert (change["value"], change["compared_with"]) == (-10, 2021)
    # line from (2021, 0) to (2025, -20) at -5 in 2022: -10 is on track (at most)
    assert (change["status"], change["expected"]) == ("on-track", -5)
    change = y2024["paper-change-since-2021"]
    assert (change["value"], change["compared_with"], change["status"]) == (-25, 2021, "met")
    assert (change["previous"], change["previous_year"], change["change"]) == (-10, 2022, -15)


def test_a_done_milestone_is_carried_forward(y2021, y2022, y2024) -> None:
    assert (y2021["reserved-contracts-rule"]["milestone"],
            y2021["reserved-contracts-rule"]["status"]) == ("in-progress", "on-track")
    assert y2022["reserved-contracts-rule"]["carried_from"] is None
    rule = y2024["reserved-contracts-rule"]  # nothing reported in 2024
    assert (rule["milestone"], rule["status"], rule["carried_from"]) == ("done", "met", 2022)


def test_a_later_report_overrides_a_carried_milestone(tmp_path: Path) -> None:
    folder = copy_of(tmp_path)
    edit(folder, "measures/2024.yaml", "reported:\n",
         "reported:\n  reserved-contracts-rule:\n    status: in-progress\n"
         "    source: Comité 2024 (synthétique)\n")
    rule = compute(2024, data=folder)["reserved-contracts-rule"]
    assert (rule["milestone"], rule["status"], rule["carried_from"]) == (
        "in-progress", "not-met", None)  # due 2023, not done in 2024


def test_the_table_names_the_previous_year_when_it_is_not_n_minus_1() -> None:
    result = run_cli(["compute", "2024", "--data-dir", str(SYNTHETIC), "--action", "ECO-02"],
                     env={"COLUMNS": "200"})
    assert result.exit_code == ExitCode.OK, result.output
    header = next(x for x in result.stdout.splitlines() if x.startswith("indicator"))
    assert "previous" in header and "2023" not in header  # the header names no single year
    line = next(x for x in result.stdout.splitlines() if "paper-tonnage" in x)
    assert "9 (2022)" in line


# -- 6. tolerance from the printed precision -------------------------------------------------

def test_a_reported_whole_number_is_compared_within_half_a_unit(y2024) -> None:
    # reported 63 %, computed 63.478 %: |gap| 0.478 ≤ 0.5 -> no warning (the fixture's 2024)
    assert y2024["insertion-local-share"]["provenance"] == "computed"


@pytest.mark.parametrize(("printed", "warned", "tolerance"), [
    ("63.5", False, "0.05"),   # |63.478 - 63.5| = 0.022 ≤ 0.05
    ("63.4", True, "0.05"),    # 0.078 > 0.05
    ("63.48", False, "0.005"),  # 0.0017 ≤ 0.005
    ("63.47", True, "0.005"),   # 0.0083 > 0.005
    ("64", True, "0.5"),       # 0.52 > 0.5
])
def test_tolerance_is_half_a_unit_of_the_last_printed_decimal(
        tmp_path: Path, printed: str, warned: bool, tolerance: str) -> None:
    folder = copy_of(tmp_path)
    edit(folder, "measures/2024.yaml", "value: 63\n", f"value: {printed}\n")
    result = run_cli(["compute", "2024", "--data-dir", str(folder), "--format", "json"])
    warnings = json.loads(result.stdout)["warnings"]
    assert [w["code"] for w in warnings] == (["reported-gap"] if warned else [])
    if warned:
        assert warnings[0]["message"].endswith(f"(tolerance {tolerance})")


def test_a_stated_tolerance_wins(tmp_path: Path) -> None:
    folder = copy_of(tmp_path)
    edit(folder, "measures/2024.yaml", "value: 63\n", "value: 64\n    tolerance: 1\n")
    assert compute(2024, data=folder)["insertion-local-share"]["provenance"] == "computed"


# -- 10. messages that point at the fix ------------------------------------------------------

def test_an_unknown_variable_gets_a_did_you_mean(tmp_path: Path) -> None:
    folder = copy_of(tmp_path)
    edit(folder, "measures/2022.yaml", "  charging-points:", "  charging-point:")
    result = run_cli(["validate", "--data-dir", str(folder)])
    [problem] = parse_problems(result.stdout)
    assert problem.code == "unknown-variable"
    assert problem.message.endswith("did you mean 'charging-points'?")


def test_an_indicator_under_measures_says_where_it_goes(tmp_path: Path) -> None:
    folder = copy_of(tmp_path)
    edit(folder, "measures/2022.yaml", "reported:\n  fleet-electric-km-share:",
         "  fleet-electric-km-share:")
    edit(folder, "measures/2022.yaml", "  reserved-contracts-rule:",
         "reported:\n  reserved-contracts-rule:")
    result = run_cli(["validate", "--data-dir", str(folder)])
    problems = parse_problems(result.stdout)
    assert [p.code for p in problems] == ["indicator-as-variable"]
    assert "this is an indicator: put it under `reported:`" in problems[0].message


def test_one_bad_key_in_an_action_is_one_line_not_a_cascade(tmp_path: Path) -> None:
    folder = copy_of(tmp_path)
    edit(folder, "actions/INS.1a.yaml", "pilots:", "pilotes: [x]\npilots:")
    result = run_cli(["validate", "--data-dir", str(folder)])
    assert result.exit_code == ExitCode.INVALID_DATA
    problems = parse_problems(result.stdout)
    assert [p.code for p in problems] == ["unknown-key"], result.stdout


def problems_of(folder: Path) -> list[tuple[str, str, str]]:
    result = run_cli(["validate", "--data-dir", str(folder)])
    assert_no_traceback(result)
    return [(p.location.removeprefix(str(folder) + "/"), p.code, p.message)
            for p in parse_problems(result.stdout)]


def test_did_you_mean_for_categories_and_indicators(tmp_path: Path) -> None:
    folder = copy_of(tmp_path)
    edit(folder, "measures/2024.yaml", "{btp: 9000,", "{bpt: 9000,")
    edit(folder, "measures/2024.yaml", "  insertion-local-share:", "  insertion-local-shar:")
    assert problems_of(folder) == [
        ("measures/2024.yaml:31:14", "unknown-category",
         "insertion-hours has no category 'bpt'; did you mean 'btp'?"),
        ("measures/2024.yaml:38:3", "unknown-indicator",
         "no action declares an indicator 'insertion-local-shar'; did you mean "
         "'insertion-local-share'?")]


def test_what_a_new_target_or_quantity_can_get_wrong(tmp_path: Path) -> None:
    folder = copy_of(tmp_path)
    edit(folder, "actions/INS.1a.yaml", "      - category: btp", "      - category: tp")
    edit(folder, "actions/ECO-01.yaml", "        - variable: fleet-km-thermal\n    targets:",
         "        - variable: charging-points\n    targets:")
    edit(folder, "actions/ECO-02.yaml", "        reference_year: 2021\n        year: 2022",
         "        year: 2022")
    found = problems_of(folder)
    assert ("actions/INS.1a.yaml:56:19", "unknown-category",
            "insertion-local-share has no category 'tp'; did you mean 'btp'?") in found
    assert ("actions/ECO-01.yaml:65:21", "unit-mismatch", "charging-points is in 'nombre': "
            "only variables in 'km' can be added here") in found
    assert ("actions/ECO-02.yaml:59:9", "missing-key",
            "indicators.3.targets.0: a `change` target needs its `reference_year`") in found


def test_a_per_category_share_needs_each_part_category_in_the_whole(tmp_path: Path) -> None:
    folder = copy_of(tmp_path)
    edit(folder, "actions/INS.1a.yaml", "      categories: [btp, services]",
         "      categories: [btp, espaces-verts]")
    assert problems_of(folder) == [
        ("actions/INS.1a.yaml:54:16", "missing-categories", "a per-category breakdown needs "
         "each category of the part in the whole (the whole lacks services)")]


def test_the_scheme_listing_and_the_sheet_must_agree(tmp_path: Path) -> None:
    folder = copy_of(tmp_path)
    edit(folder, "actions/ECO-10.yaml", "objective: 2", "objective: 1")
    assert problems_of(folder) == [
        ("actions/ECO-10.yaml:6:12", "objective-mismatch",
         "scheme.yaml lists ECO-10 under objective 1-2, not 1-1"),
        ("scheme.yaml:32:13", "objective-mismatch",
         f"action ECO-10 is listed under objective 1-2, but its sheet "
         f"{display_path(folder / 'actions' / 'ECO-10.yaml')} says axis 1, objective 1")]


def test_a_code_that_yaml_reads_as_a_decimal_must_be_quoted(tmp_path: Path) -> None:
    folder = copy_of(tmp_path)
    edit(folder, "scheme.yaml", "          - ECO-10", "          - 1.10")
    assert ("scheme.yaml:32:13", "wrong-type", "axes.0.objectives.1.actions.0: 1.1 reads as a "
            "number: write the code in quotes, e.g. '1.1'") in problems_of(folder)


def test_axes_and_objectives_are_not_limited_to_9(tmp_path: Path) -> None:
    folder = copy_of(tmp_path)
    edit(folder, "scheme.yaml", "\n  - number: 2\n", "\n  - number: 14\n")
    for code in ("INS.1a", "INS.1b"):
        edit(folder, f"actions/{code}.yaml", "axis: 2\n", "axis: 14\n")
    result = run_cli(["compute", "2024", "--data-dir", str(folder), "--axis", "14",
                      "--format", "json"])
    assert result.exit_code == ExitCode.OK, result.output
    assert {e["action"] for e in json.loads(result.stdout)["indicators"]} == {"INS.1a",
                                                                              "INS.1b"}
