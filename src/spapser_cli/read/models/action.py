"""The model of `actions/<code>.yaml`: one action sheet, its variables and its indicators."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from spapser_cli.i18n import N_

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
    custom_error,
)
from .selection import ContractSelection


class ScheduleItem(StrictModel):
    text: Text
    due: Due | None = None


class Category(StrictModel):
    id: Id
    label: Text


class Variable(StrictModel):
    """A raw quantity the action measures each year, optionally broken down by category.

    A variable with categories may still be measured by its total alone (`value:`)."""

    id: Id
    label: Text
    unit: Unit
    categories: list[Category] = Field(default_factory=list)
    whole_number: bool = Field(False, description="Takes whole numbers only (a count).")
    cumulative: bool = Field(False, description="A stock at the end of each year (« à fin "
                             "d'année », since the start), not the year's flow.")
    description: Text | None = None


class Part(StrictModel):
    """A variable, summed over some of its categories (all when omitted)."""

    variable: Id
    categories: list[Id] | None = Field(None, min_length=1)


class Ref(Part):
    """A quantity: a variable (summed over some of its categories, all when omitted), plus
    other variables in the same unit."""

    plus: list[Part] = Field(default_factory=list, description="Variables added to this one "
                             "(in the same unit).")


class Target(StrictModel):
    """A value to reach by a year: absolute (`value`), or a `change` from the indicator's
    value in `reference_year`, in % of it or in points (the indicator's unit)."""

    value: Number | None = None
    change: Number | None = Field(None, description="Instead of `value`: −20 for « −20 % par "
                                  "rapport à 2021 », 5 with `change_unit: points`.")
    change_unit: Literal["%", "points"] = "%"
    reference_year: Year | None = Field(None, description="The year `change` is from.")
    category: Id | None = Field(None, description="A target for this category only.")
    year: Year | None = Field(None, description="Year by which the value is due; none when "
                              "the document gives no date.")
    direction: Literal["at-least", "at-most"] = "at-least"
    text: Text = Field(description="The words of the document that set the target.")
    source: Text | None = None

    @model_validator(mode="after")
    def _absolute_or_relative(self) -> Target:
        if (self.value is None) == (self.change is None):
            raise custom_error("missing-key", N_("give either `value` or `change` (with "
                                      "`reference_year`), not both or neither"))
        if self.change is not None and self.reference_year is None:
            raise custom_error("missing-key", N_("a `change` target needs its "
                                      "`reference_year`"))
        if self.value is not None and self.reference_year is not None:
            raise custom_error("invalid-value", N_("`reference_year` goes with `change`, "
                                      "not with `value`"))
        return self


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
    """N − the previous year measured (or `reference_year`) of a quantity."""

    kind: Literal["difference"]
    quantity: Ref
    reference_year: Year | None = Field(None, description="Compare with this year instead of "
                                        "the last earlier year measured.")


class ChangeIndicator(IndicatorBase):
    """N / the previous year measured (or `reference_year`) − 1 of a quantity, in percent."""

    kind: Literal["change"]
    quantity: Ref
    reference_year: Year | None = Field(None, description="Compare with this year instead of "
                                        "the last earlier year measured.")


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


class ContractsIndicator(IndicatorBase):
    """A count, or a sum of amounts, of the year's contracts that pass `filter` (from the
    contract register, data/contracts/); with `share_of`, its share in % of the contracts
    that pass that other filter. `breakdown` gives the same figure per value of a field."""

    kind: Literal["contracts"]
    measure: Literal["count", "amount"] = Field("count", description="count: number of "
                                                "contracts; amount: sum of their amounts "
                                                "(montant forfaitaire ou estimé maximum HT).")
    filter: ContractSelection = Field(description="Which contracts count ({} for all).")
    share_of: ContractSelection | None = None
    breakdown: Literal["ccag", "nature", "procedure", "kind", "buyer", "cpv-division",
                       "environmental", "social"] | None = None


Indicator = Annotated[
    ValueIndicator
    | DifferenceIndicator
    | ChangeIndicator
    | RatioIndicator
    | ShareIndicator
    | RateIndicator
    | QualitativeIndicator
    | MilestoneIndicator
    | ContractsIndicator,
    Field(discriminator="kind"),
]

QUANTITATIVE_KINDS = ("value", "difference", "change", "ratio", "share", "rate", "contracts")


class PlanLink(StrictModel):
    """A link to another plan of the organisation: its name and the item it refers to."""

    plan: Text
    reference: Text | None = None


class Action(StrictModel):
    """One action sheet (« fiche action »)."""

    code: ActionCode
    title: Text
    axis: Count
    objective: Count
    links: list[PlanLink] = Field(default_factory=list, description="Other plans the "
                                  "action continues or serves (Agenda 21, plan climat...).")
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


