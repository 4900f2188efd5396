"""The model of `actions/<code>.yaml`: one action sheet, its variables and its indicators."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .scalars import (
    ActionCode,
    Count,
    Due,
    Id,
    NonNegativeNumber,
    Number,
    PositiveNumber,
    StrictModel,
    Text,
    Unit,
    Year,
)


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


