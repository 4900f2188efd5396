"""Pydantic models of the three kinds of data file: the scheme, an action sheet, a year of measures.

The models check one file at a time; checks that span files live in `loader`. Every model
refuses unknown keys, and numbers are never taken from booleans or text: a French-formatted
number (`38,5`, `137 295`, `12 %`) gets a message that shows the correct spelling.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

# --------------------------------------------------------------------------------------------
# Scalar types


def _as_number(value: Any) -> Any:
    """Accept int/float only; explain booleans and text (French spellings above all)."""
    if isinstance(value, bool):
        raise PydanticCustomError(
            "boolean-not-number",
            "expected a number, got the boolean {value}",
            {"value": str(value).lower()},
        )
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise PydanticCustomError("not-a-number", "expected a finite number, got {value}",
                                      {"value": str(value)})
        return value
    if isinstance(value, str):
        fixed = french_number_spelling(value)
        if fixed is not None:
            raise PydanticCustomError(
                "french-number",
                "'{text}' is a French-formatted number; write it as {fixed}",
                {"text": value, "fixed": fixed},
            )
        raise PydanticCustomError(
            "not-a-number", "expected a number, got the text '{text}'", {"text": value}
        )
    return value  # anything else fails the float type check below with `wrong-type`


_SPACES = "\u0020\u00a0\u202f"
_FRENCH_NUMBER = re.compile(
    rf"^\s*(?P<sign>[-+−]?)\s*(?P<int>\d{{1,3}}(?:(?P<group>[{_SPACES}.])\d{{3}})"
    rf"(?:(?P=group)\d{{3}})*|\d+)(?:(?P<sep>[,.])(?P<frac>\d+))?\s*(?P<pct>%)?\s*$"
)


def french_number_spelling(text: str) -> str | None:
    """The YAML spelling of a number written the French way, or None if `text` is not one.

    >>> french_number_spelling("137 295"), french_number_spelling("38,5")
    ('137295', '38.5')
    >>> french_number_spelling("1.554,5"), french_number_spelling("−1554")
    ('1554.5', '-1554')
    >>> french_number_spelling("12 %")
    '12 (the unit, %, is declared once for the variable)'
    >>> french_number_spelling("73,190")
    '73.190, or 73190 if the comma separates thousands'
    """
    match = _FRENCH_NUMBER.match(text)
    if not match:
        return None
    group, sep = match["group"], match["sep"]
    if group == "." and sep != ",":
        return None  # "1.554" or "1.554.000": not a French spelling we can be sure of
    integer = re.sub(f"[{_SPACES}.]", "", match["int"]) if group else match["int"]
    unicode_minus = match["sign"] == "−"
    percent = match["pct"] is not None
    if not (group or sep == "," or percent or unicode_minus):
        return None  # e.g. "01053": a code that happens to be digits, not a French spelling
    sign = "-" if match["sign"] in ("-", "−") else ""
    number = f"{sign}{integer}" + (f".{match['frac']}" if match["frac"] else "")
    if percent:
        return f"{number} (the unit, %, is declared once for the variable)"
    if sep == "," and not group and len(match["frac"]) == 3:
        return f"{number}, or {sign}{integer}{match['frac']} if the comma separates thousands"
    return number


# Constraints go before the validator: after it, Pydantic cannot translate them into JSON Schema
# `minimum`/`exclusiveMinimum` and emits raw `ge`/`gt` keys that editors ignore.
Number = Annotated[float, Field(strict=False), BeforeValidator(_as_number)]
NonNegativeNumber = Annotated[float, Field(ge=0, strict=False), BeforeValidator(_as_number)]
PositiveNumber = Annotated[float, Field(gt=0, strict=False), BeforeValidator(_as_number)]


def _as_year(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        _as_number(value)  # explains text and booleans
        raise PydanticCustomError("wrong-type", "expected a year such as 2015, got {value}",
                                  {"value": repr(value)})
    return value


Year = Annotated[int, Field(ge=1990, le=2100), BeforeValidator(_as_year)]
Count = Annotated[int, Field(ge=1, strict=True)]


def _as_date(value: Any) -> Any:
    # Dates stay text in YAML (the reader does not resolve timestamps); parse them here.
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("invalid-date", "expected a date as YYYY-MM-DD, got {value}",
                              {"value": repr(value)})


Date = Annotated[date, BeforeValidator(_as_date)]

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
"""A stable identifier: lower-case ASCII kebab-case (`paper-recycled-share`)."""

ActionCode = Annotated[str, StringConstraints(pattern=r"^[1-9]-[1-9]\.[1-9][0-9]?$")]
"""An action sheet's code: axis-objective.number (`1-1.3`)."""

Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Unit = Annotated[str, StringConstraints(min_length=1, max_length=30, strip_whitespace=True)]
"""A unit symbol as shown to readers: `kg`, `km`, `kWh`, `L/100 km`, `%`, `€ HT`, `nombre`."""

def _year_as_text(value: Any) -> Any:
    # `due: 2018` is read as a number; a bare year is a fine due date.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


_DUE_PATTERN = r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?$"
Due = Annotated[
    str,
    StringConstraints(pattern=_DUE_PATTERN),
    BeforeValidator(_year_as_text),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": _DUE_PATTERN},
                              {"type": "integer", "minimum": 1000, "maximum": 9999}]}),
]
"""A due date as precise as the document gives it: `2017`, `2017-04` or `2017-04-30`."""


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --------------------------------------------------------------------------------------------
# data/scheme.yaml


class Objective(StrictModel):
    number: Count
    title: Text
    actions: list[ActionCode] = Field(description="Codes of the action sheets serving it.")


class Axis(StrictModel):
    number: Count
    title: Text
    summary: Text | None = None
    objectives: list[Objective] = Field(min_length=1)


class Period(StrictModel):
    start: Year
    end: Year

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise PydanticCustomError("invalid-value", "period end {end} is before start {start}",
                                      {"end": self.end, "start": self.start})
        return self


class EvaluationYear(StrictModel):
    year: Year
    actions: list[ActionCode]


class Evaluation(StrictModel):
    """How the scheme is evaluated (section « L'évaluation du Schéma »)."""

    cycle_years: Count = Field(description="Actions are evaluated by thirds over this many "
                               "years; a global bilan is published every cycle.")
    exit_after_years: Count | None = Field(None, description="An action can leave the scheme "
                                           "only after this many years.")
    rules: list[Text] = Field(default_factory=list)
    quantitative: Text | None = None
    qualitative: Text | None = None
    plan: list[EvaluationYear] = Field(default_factory=list, description="Which actions are "
                                       "evaluated which year, once the committee has chosen.")


class SteeringBody(StrictModel):
    name: Text
    role: Text
    members: list[Text] = Field(default_factory=list)


class TimelineEntry(StrictModel):
    year: Year
    body: Text
    text: Text


class Scheme(StrictModel):
    """The scheme as adopted: its axes, objectives and how it is steered and evaluated."""

    organisation: Text
    title: Text
    period: Period
    adopted: Date
    adopted_by: Text | None = None
    source: Text | None = Field(None, description="The document this data was encoded from.")
    axes: list[Axis] = Field(min_length=1)
    evaluation: Evaluation | None = None
    governance: list[SteeringBody] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)


# --------------------------------------------------------------------------------------------
# data/actions/<code>.yaml


class ScheduleItem(StrictModel):
    text: Text
    due: Due | None = None


class Category(StrictModel):
    id: Id
    label: Text


class Variable(StrictModel):
    """A raw quantity the action measures each year, optionally broken down by category."""

    id: Id
    label: Text
    unit: Unit
    categories: list[Category] = Field(default_factory=list)
    description: Text | None = None


class Ref(StrictModel):
    """A quantity: a variable, summed over some of its categories (all when omitted)."""

    variable: Id
    categories: list[Id] | None = Field(None, min_length=1)


class Target(StrictModel):
    value: Number
    year: Year | None = Field(None, description="Year by which the value is due; none when "
                              "the document gives no date.")
    direction: Literal["at-least", "at-most"] = "at-least"
    text: Text = Field(description="The words of the document that set the target.")
    source: Text | None = None


class IndicatorBase(StrictModel):
    id: Id
    label: Text
    note: Text | None = Field(None, description="Caveats, e.g. where the document disagrees "
                              "with itself.")
    targets: list[Target] = Field(default_factory=list)
    baseline_year: Year | None = Field(None, description="« Temps 0 »: first year with data "
                                       "unless given here.")
    tolerance: NonNegativeNumber | None = Field(None, description="Largest accepted gap "
                                                "between a reported and a computed value.")


class ValueIndicator(IndicatorBase):
    """A measured quantity as is (a count, an amount), optionally converted."""

    kind: Literal["value"]
    quantity: Ref
    unit: Unit | None = Field(None, description="Unit after `factor`; the variable's by default.")
    factor: PositiveNumber = 1.0


class DifferenceIndicator(IndicatorBase):
    """N − (N−1) of a quantity."""

    kind: Literal["difference"]
    quantity: Ref


class ChangeIndicator(IndicatorBase):
    """N / (N−1) − 1 of a quantity, in percent."""

    kind: Literal["change"]
    quantity: Ref


class RatioIndicator(IndicatorBase):
    """numerator / denominator, in percent."""

    kind: Literal["ratio"]
    numerator: Ref
    denominator: Ref


class ShareIndicator(IndicatorBase):
    """part / whole in percent, with an optional breakdown.

    `per-category`: part and whole share their categories; each category is part[c] / whole[c]
    and the total is weighted (Σ part / Σ whole). `composition`: each category of the whole
    over the whole, e.g. the label mix of paper.
    """

    kind: Literal["share"]
    part: Ref
    whole: Ref
    breakdown: Literal["none", "per-category", "composition"] = "none"


class RateIndicator(IndicatorBase):
    """numerator per `per` units of denominator (litres per 100 km)."""

    kind: Literal["rate"]
    numerator: Ref
    denominator: Ref
    per: PositiveNumber = 100.0
    unit: Unit
    breakdown: Literal["none", "per-category"] = "none"


class QualitativeIndicator(IndicatorBase):
    """Not computed: assessed in words (survey, "Sans objet"...)."""

    kind: Literal["qualitative"]
    method: Text | None = None


class MilestoneIndicator(IndicatorBase):
    """Not computed: done or not, by a due date."""

    kind: Literal["milestone"]
    due: Due | None = None


Indicator = Annotated[
    ValueIndicator
    | DifferenceIndicator
    | ChangeIndicator
    | RatioIndicator
    | ShareIndicator
    | RateIndicator
    | QualitativeIndicator
    | MilestoneIndicator,
    Field(discriminator="kind"),
]

QUANTITATIVE_KINDS = ("value", "difference", "change", "ratio", "share", "rate")


class Action(StrictModel):
    """One action sheet (« fiche action »)."""

    code: ActionCode
    title: Text
    axis: Count
    objective: Count
    agenda21_action: Count | None = Field(None, description="Number of the Agenda 21 action "
                                          "the sheet continues.")
    pilots: list[Text] = Field(min_length=1, description="« Pilotage de l'action ».")
    purpose: list[Text] = Field(min_length=1, description="« Objectif de l'action ».")
    impacted_directions: list[Text] = Field(default_factory=list)
    summary: Text = Field(description="The detailed description, summarised.")
    partners: list[Text] = Field(default_factory=list)
    related_projects: list[Text] = Field(default_factory=list)
    schedule: list[ScheduleItem] = Field(default_factory=list)
    evaluation_methods: list[Text] = Field(default_factory=list)
    variables: list[Variable] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    notes: list[Text] = Field(default_factory=list)


# --------------------------------------------------------------------------------------------
# data/measures/<year>.yaml


class Measure(StrictModel):
    """A variable's value for the year: `value`, or `values` per category."""

    unit: Unit
    value: Number | None = None
    values: dict[Id, Number] | None = None
    total: Number | None = Field(None, description="The total the source prints, checked "
                                 "against the sum of `values`.")
    source: Text
    note: Text | None = None

    @model_validator(mode="after")
    def _one_of_value_values(self) -> Measure:
        if (self.value is None) == (self.values is None):
            raise PydanticCustomError("missing-key", "give either `value` or `values` "
                                      "(one number per category), not both or neither")
        if self.total is not None and self.values is None:
            raise PydanticCustomError("invalid-value", "`total` only goes with `values`")
        return self


class Reported(StrictModel):
    """An indicator value as published, typed in because the quantities behind it are unknown."""

    unit: Unit | None = None
    value: Number | None = None
    breakdown: dict[Id, Number] = Field(default_factory=dict)
    qualifier: Literal["exact", "about", "more-than", "less-than"] = "exact"
    status: Literal["not-started", "in-progress", "done"] | None = Field(
        None, description="For milestones.")
    text: Text | None = Field(None, description="For qualitative indicators.")
    tolerance: NonNegativeNumber | None = None
    source: Text
    note: Text | None = None

    @model_validator(mode="after")
    def _something_reported(self) -> Reported:
        if self.value is None and not self.breakdown and self.status is None and self.text is None:
            raise PydanticCustomError("missing-key", "a reported entry needs `value`, "
                                      "`breakdown`, `status` or `text`")
        if (self.value is not None or self.breakdown) and self.unit is None:
            raise PydanticCustomError("missing-key", "a reported number needs its `unit`")
        return self


class Measures(StrictModel):
    """What was measured in one year, and what was published for it."""

    year: Year
    measures: dict[Id, Measure] = Field(default_factory=dict)
    reported: dict[Id, Reported] = Field(default_factory=dict)
