"""The models of the three data files, through `modelcheck`: codes, messages and positions."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from spapser_cli.read import models
from spapser_cli.read.modelcheck import validate_document
from spapser_cli.read.models import Action, Measures, Scheme, french_number_spelling
from spapser_cli.read.yamlio import load_text

Found = tuple[int | None, int | None, str, str]  # line, column, code, message


def check(model: type[BaseModel], text: str) -> list[Found]:
    instance, problems = validate_document(model, load_text(text, "f.yaml"))
    assert (instance is None) == bool(problems)
    return sorted(((p.line, p.column, p.code, p.message) for p in problems),
                  key=lambda f: (f[0] or 0, f[1] or 0, f[2]))


def measures(body: str, year: str = "2016") -> str:
    return f"year: {year}\nmeasures:\n{body}"


PAPER = """\
  paper-consumption:
    unit: kg
    values:
      recycled: 12
      fsc: {fsc}
    source: Bons de commande
"""


# ---------------------------------------------------------------------------------------------
# Numbers


@pytest.mark.parametrize(("text", "fixed"), [
    ("38,5", "38.5"),
    ("137 295", "137295"),
    ("137\u00a0295", "137295"),  # no-break space, as Excel and LibreOffice write it
    ("137\u202f295", "137295"),  # narrow no-break space
    ("1 234 567,89", "1234567.89"),
    ("-3,5", "-3.5"),
    ("\u22123,5", "-3.5"),  # the typographic minus sign
    ("12 %", "12 (the unit, %, is declared once for the variable)"),
    ("12%", "12 (the unit, %, is declared once for the variable)"),
    ("40,6 %", "40.6 (the unit, %, is declared once for the variable)"),
    ("12.5 %", "12.5 (the unit, %, is declared once for the variable)"),
])
def test_french_number_spelling(text: str, fixed: str) -> None:
    assert french_number_spelling(text) == fixed


@pytest.mark.parametrize("text", ["01053", "12", "abc", "1,234,567", "12 345 6", "1:30", "",
                                  "38,5 kg", "yes"])
def test_not_a_french_number(text: str) -> None:
    assert french_number_spelling(text) is None


@pytest.mark.parametrize(("written", "code", "message"), [
    ("38,5", "french-number", "'38,5' is a French-formatted number; write it as 38.5"),
    ("137 295", "french-number", "'137 295' is a French-formatted number; write it as 137295"),
    ("12 %", "french-number", "'12 %' is a French-formatted number; write it as 12 (the unit, "
     "%, is declared once for the variable)"),
    ("yes", "not-a-number", "expected a number, got the text 'yes'"),
    ("NO", "not-a-number", "expected a number, got the text 'NO'"),
    ("1:30", "not-a-number", "expected a number, got the text '1:30'"),
    ("'12'", "not-a-number", "expected a number, got the text '12'"),
    ("01053", "not-a-number", "expected a number, got the text '01053'"),
    ("true", "boolean-not-number", "expected a number, got the boolean true"),
    ("False", "boolean-not-number", "expected a number, got the boolean false"),
    (".nan", "not-a-number", "expected a finite number, got nan"),
    ("-.inf", "not-a-number", "expected a finite number, got -inf"),
    ("[38.5]", "wrong-type", "expected a number, got a list"),
    ("~", "wrong-type", "expected a number, got nothing (null)"),
])
def test_number_errors_at_the_deep_path(written: str, code: str, message: str) -> None:
    found = check(Measures, measures(PAPER.format(fsc=written)))
    assert found == [(7, 12, code, f"measures.paper-consumption.values.fsc: {message}")]


@pytest.mark.parametrize(("written", "value"), [("38.5", 38.5), ("1e3", 1000.0), ("0", 0.0),
                                                ("137295", 137295.0)])
def test_numbers_are_accepted(written: str, value: float) -> None:
    instance, problems = validate_document(
        Measures, load_text(measures(PAPER.format(fsc=written)), "f.yaml"))
    assert problems == []
    assert instance is not None
    got = instance.measures["paper-consumption"].values
    assert got == {"recycled": 12.0, "fsc": value}
    assert all(type(v) is float for v in got.values())


def test_reported_french_percent_points_at_its_line() -> None:
    text = ("year: 2016\nreported:\n  paper-recycled-share:\n    unit: \"%\"\n"
            "    value: 12 %\n    source: Rapport\n")
    assert check(Measures, text) == [
        (5, 12, "french-number", "reported.paper-recycled-share.value: '12 %' is a "
         "French-formatted number; write it as 12 (the unit, %, is declared once for the "
         "variable)")]


@pytest.mark.parametrize(("field", "written"), [
    ("axis", "true"), ("objective", "false"), ("axis", "1.0"),
])
def test_booleans_and_floats_never_become_counts(field: str, written: str) -> None:
    text = ACTION.replace(f"{field}: 1\n", f"{field}: {written}\n")
    assert text != ACTION
    [(line, column, code, message)] = check(Action, text)
    assert code == "wrong-type"
    assert message.startswith(f"{field}: expected an integer, got ")
    assert message.endswith(("the boolean true", "the boolean false", "1.0"))
    assert line == ACTION.splitlines().index(f"{field}: 1") + 1
    assert column == len(field) + 3


@pytest.mark.parametrize("written", ["true", "yes", "'2016'", "2016.0"])
def test_a_year_is_an_integer(written: str) -> None:
    [(line, column, code, _)] = check(Measures, f"year: {written}\n")
    assert (line, column) == (1, 7)
    assert code in ("boolean-not-number", "not-a-number", "wrong-type")


def test_year_out_of_range() -> None:
    assert check(Measures, "year: 1890\n") == [
        (1, 7, "invalid-value", "year: Input should be greater than or equal to 1990")]


def test_a_wrong_year_message_shows_the_value() -> None:
    [(_, _, code, message)] = check(Measures, "year: 2016.0\n")
    assert (code, message) == ("wrong-type", "year: expected a year such as 2015, got 2016.0")


# ---------------------------------------------------------------------------------------------
# Keys

ACTION = """\
code: 1-1.1
title: Papier
axis: 1
objective: 1
links: [{plan: Agenda 21, reference: action 1}]
pilots: [Direction des achats]
purpose: [Moins de papier]
summary: Acheter moins de papier.
variables:
  - id: paper
    label: Papier
    unit: kg
indicators:
  - id: paper-change
    kind: change
    label: Tonnage N / N-1
    quantity:
      variable: paper
"""


def test_the_action_fixture_is_valid() -> None:
    assert check(Action, ACTION) == []


@pytest.mark.parametrize(("typo", "hint"), [
    ("totl: 3", "; did you mean 'total'?"),
    ("notes: x", "; did you mean 'note'?"),  # `notes` is a key of actions, not of measures
    ("sorce: x", "; did you mean 'source'?"),
    ("zzzzzz: 1", ""),
])
def test_unknown_key_with_a_did_you_mean_hint(typo: str, hint: str) -> None:
    body = "  paper:\n    unit: kg\n    value: 3\n    source: s\n    " + typo + "\n"
    name = typo.split(":")[0]
    assert check(Measures, measures(body)) == [
        (7, 5, "unknown-key", f"measures.paper.{name}: unknown key {name!r}{hint}")]


def test_unknown_key_at_the_top_and_inside_an_indicator() -> None:
    # A misspelt required key is one problem, at the typo: `title` is not also reported
    # missing on another line.
    text = ACTION.replace("title: Papier\n", "titel: Papier\n").replace(
        "    kind: change\n", "    kind: change\n    tolerence: 1\n")
    assert check(Action, text) == [
        (2, 1, "unknown-key", "titel: unknown key 'titel'; did you mean 'title'?"),
        (16, 5, "unknown-key", "indicators.0.tolerence: unknown key 'tolerence'; did you mean "
         "'tolerance'?"),
    ]


def test_the_hint_comes_from_the_keys_allowed_there() -> None:
    # `breakdown` belongs to shares and rates, `quantitative` to the scheme: a change
    # indicator has neither, so no hint rather than a wrong one.
    text = ACTION.replace("    kind: change\n", "    kind: change\n    breakdown: none\n")
    assert check(Action, text) == [
        (16, 5, "unknown-key", "indicators.0.breakdown: unknown key 'breakdown'")]
    share = ACTION.replace("    kind: change\n", "    kind: share\n").replace(
        "    quantity:\n      variable: paper\n",
        "    part: {variable: paper}\n    whole: {variable: paper}\n    brekdown: composition\n")
    assert check(Action, share) == [
        (19, 5, "unknown-key", "indicators.0.brekdown: unknown key 'brekdown'; did you mean "
         "'breakdown'?")]


def test_a_misspelt_required_key_is_not_also_missing() -> None:
    body = "  paper:\n    unit: kg\n    value: 3\n    sourse: s\n"
    assert check(Measures, measures(body)) == [
        (6, 5, "unknown-key", "measures.paper.sourse: unknown key 'sourse'; did you mean "
         "'source'?")]
    # A key that is merely unknown leaves the missing one reported.
    other = "  paper:\n    unit: kg\n    value: 3\n    zzzzzz: s\n"
    assert [code for _, _, code, _ in check(Measures, measures(other))] == [
        "missing-key", "unknown-key"]


def test_missing_key_points_at_its_mapping() -> None:
    body = "  paper:\n    unit: kg\n    value: 3\n"
    assert check(Measures, measures(body)) == [
        (4, 5, "missing-key", "measures.paper.source: required key 'source' is missing")]


def test_value_and_values_exclusive() -> None:
    both = "  paper:\n    unit: kg\n    value: 3\n    values: {a: 1}\n    source: s\n"
    assert check(Measures, measures(both)) == [
        (4, 5, "missing-key", "measures.paper: give either `value` or `values` (one number per "
         "category), not both or neither")]
    total = "  paper:\n    unit: kg\n    value: 3\n    total: 3\n    source: s\n"
    assert check(Measures, measures(total)) == [
        (4, 5, "invalid-value", "measures.paper: `total` only goes with `values`")]


def test_reported_needs_something_and_a_unit() -> None:
    nothing = "year: 2016\nreported:\n  x:\n    source: s\n"
    assert check(Measures, nothing)[0][2:] == (
        "missing-key", "reported.x: a reported entry needs `value`, `breakdown`, `status` or "
        "`text`")
    no_unit = "year: 2016\nreported:\n  x:\n    value: 3\n    source: s\n"
    assert check(Measures, no_unit) == [
        (4, 5, "missing-key", "reported.x: a reported number needs its `unit`")]


def test_identifiers_are_kebab_case() -> None:
    body = "  Paper_Consumption:\n    unit: kg\n    value: 3\n    source: s\n"
    assert check(Measures, measures(body)) == [
        (3, 3, "invalid-value", "measures.Paper_Consumption: 'Paper_Consumption' is not an "
         "identifier in lower-case kebab-case (such as paper-recycled-share)")]


def test_not_a_mapping_at_the_top() -> None:
    assert check(Measures, "- 2016\n") == [
        (1, 1, "wrong-type", "(top level): expected a mapping, got a list")]
    assert check(Scheme, "just text\n") == [
        (1, 1, "wrong-type", "(top level): expected a mapping, got the text 'just text'")]


# ---------------------------------------------------------------------------------------------
# Indicator kinds: a discriminated union on `kind`


def test_unknown_kind_points_at_the_kind() -> None:
    text = ACTION.replace("    kind: change\n", "    kind: percentage\n")
    assert check(Action, text) == [
        (15, 11, "unknown-kind", "indicators.0: unknown kind 'percentage'; expected one of "
         "'value', 'difference', 'change', 'ratio', 'share', 'rate', 'qualitative', "
         "'milestone', 'contracts'")]


def test_missing_kind() -> None:
    text = ACTION.replace("    kind: change\n", "")
    assert check(Action, text) == [
        (14, 5, "missing-key", "indicators.0: required key 'kind' is missing")]


def test_the_kind_decides_the_keys() -> None:
    share = ACTION.replace("    kind: change\n", "    kind: share\n")
    assert check(Action, share) == [
        (14, 5, "missing-key", "indicators.0.part: required key 'part' is missing"),
        (14, 5, "missing-key", "indicators.0.whole: required key 'whole' is missing"),
        (17, 5, "unknown-key", "indicators.0.quantity: unknown key 'quantity'"),
    ]


KIND_BODIES = {
    "value": "quantity: {variable: paper}\n    factor: 0.001\n    unit: t",
    "difference": "quantity: {variable: paper}",
    "change": "quantity: {variable: paper}",
    "ratio": "numerator: {variable: paper}\n    denominator: {variable: paper}",
    "share": "part: {variable: paper}\n    whole: {variable: paper}\n    breakdown: composition",
    "rate": "numerator: {variable: paper}\n    denominator: {variable: paper}\n    unit: kg/100",
    "qualitative": "method: Questionnaire",
    "milestone": "due: 2017-06",
}


@pytest.mark.parametrize("kind", sorted(KIND_BODIES))
def test_each_kind_selects_its_model(kind: str) -> None:
    text = ACTION.replace("""\
    kind: change
    label: Tonnage N / N-1
    quantity:
      variable: paper
""", f"    kind: {kind}\n    label: Indicateur\n    {KIND_BODIES[kind]}\n")
    instance, problems = validate_document(Action, load_text(text, "f.yaml"))
    assert problems == []
    assert instance is not None
    [indicator] = instance.indicators
    assert type(indicator).__name__ == f"{kind.capitalize()}Indicator"
    assert indicator.kind == kind
    assert (kind in models.QUANTITATIVE_KINDS) == (kind not in ("qualitative", "milestone"))


def test_breakdown_is_checked_per_kind() -> None:
    rate = ACTION.replace("""\
    kind: change
    label: Tonnage N / N-1
    quantity:
      variable: paper
""", """\
    kind: rate
    label: Litres aux 100 km
    numerator: {variable: paper}
    denominator: {variable: paper}
    unit: L/100 km
    breakdown: composition
""")
    assert check(Action, rate) == [
        (20, 16, "invalid-value", "indicators.0.breakdown: Input should be 'none' or "
         "'per-category'")]


# ---------------------------------------------------------------------------------------------
# Dates and patterns

SCHEME = """\
organisation: Département
title: Schéma
period: {start: 2017, end: 2020}
adopted: 2017-02-27
axes:
  - number: 1
    title: Axe
    objectives:
      - number: 1
        title: Objectif
        actions: [1-1.1]
"""


def test_the_scheme_fixture_is_valid() -> None:
    instance, problems = validate_document(Scheme, load_text(SCHEME, "f.yaml"))
    assert problems == []
    assert instance is not None
    assert str(instance.adopted) == "2017-02-27"


@pytest.mark.parametrize("written", ["27/02/2017", "2017-02-30", "2017-2-27", "27 février 2017",
                                     "20170227"])
def test_invalid_dates(written: str) -> None:
    [(line, column, code, message)] = check(Scheme, SCHEME.replace("2017-02-27", written))
    assert (line, column, code) == (4, 10, "invalid-date")
    assert message.startswith("adopted: expected a date as YYYY-MM-DD, got ")


def test_an_invalid_date_message_shows_the_value() -> None:
    [(_, _, _, message)] = check(Scheme, SCHEME.replace("2017-02-27", "27/02/2017"))
    assert message == "adopted: expected a date as YYYY-MM-DD, got '27/02/2017'"


def test_period_must_be_ordered() -> None:
    text = SCHEME.replace("{start: 2017, end: 2020}", "{start: 2020, end: 2017}")
    assert check(Scheme, text) == [
        (3, 9, "invalid-value", "period: period end 2017 is before start 2020")]


def test_action_codes_and_due_dates_follow_their_pattern() -> None:
    # Issue 9: codes are the organisation's own (1.1.1 is now a valid code); they still
    # start with a letter or digit and hold only ASCII letters, digits, '.', '-' and '_'.
    assert check(Scheme, SCHEME.replace("actions: [1-1.1]", "actions: [1.1.1]")) == []
    text = SCHEME.replace("actions: [1-1.1]", "actions: [_1.1]")
    assert check(Scheme, text) == [
        (11, 19, "invalid-value", "axes.0.objectives.0.actions.0: '_1.1' is not an action "
         "code (ASCII letters, digits, '.', '-' and '_', starting with a letter or digit, "
         "such as ECO-01)")]
    due = ACTION + "schedule:\n  - text: Marché\n    due: 2017-13\n"
    assert check(Action, due) == [
        (21, 10, "invalid-value", "schedule.0.due: '2017-13' is not a due date as YYYY, "
         "YYYY-MM or YYYY-MM-DD")]


def test_empty_text_is_refused() -> None:
    assert check(Scheme, SCHEME.replace("title: Schéma", "title: '  '")) == [
        (2, 8, "invalid-value", "title: the text is empty")]


def test_a_due_date_may_be_a_bare_year_written_as_a_number() -> None:
    from spapser_cli.read.models import ScheduleItem

    assert ScheduleItem.model_validate({"text": "x", "due": 2018}).due == "2018"
    assert ScheduleItem.model_validate({"text": "x", "due": "2017-04"}).due == "2017-04"
    for wrong in (201, True, "2017-13"):
        with pytest.raises(ValidationError):
            ScheduleItem.model_validate({"text": "x", "due": wrong})


@pytest.mark.parametrize(("text", "hint"), [
    ("1.554,5", "1554.5"),  # dots between thousands, a decimal comma
    ("−1554", "-1554"),  # a typographic minus
    ("73,190", "73.190, or 73190 if the comma separates thousands"),
])
def test_more_french_spellings_get_their_correction(text: str, hint: str) -> None:
    from spapser_cli.read.models import Measure

    with pytest.raises(ValidationError) as caught:
        Measure.model_validate({"unit": "kg", "value": text, "source": "s"})
    (error,) = caught.value.errors()
    assert error["type"] == "french-number"
    assert error["msg"] == f"'{text}' is a French-formatted number; write it as {hint}"


@pytest.mark.parametrize("text", ["1.554", "1554 kg", "01053", "1 55"])
def test_text_that_is_not_a_french_number_gets_no_guess(text: str) -> None:
    from spapser_cli.read.models import Measure

    with pytest.raises(ValidationError) as caught:
        Measure.model_validate({"unit": "kg", "value": text, "source": "s"})
    assert caught.value.errors()[0]["type"] == "not-a-number"


def test_the_examples_in_the_docstrings_hold() -> None:
    import doctest

    from spapser_cli.read.models import scalars as models

    failures, tried = doctest.testmod(models)
    assert (failures, tried > 0) == (0, True)
