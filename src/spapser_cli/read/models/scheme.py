"""The model of `scheme.yaml`: the scheme as adopted, its axes and objectives, its steering
and evaluation."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from spapser_cli.i18n import N_

from .scalars import ActionCode, Count, Date, StrictModel, Text, Year, custom_error
from .selection import Siret


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
            raise custom_error("invalid-value", N_("period end {end} is before start {start}"),
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


class Words(StrictModel):
    """What the scheme calls its levels, in every table, sheet name and title."""

    axis: Annotated[str, StringConstraints(min_length=1, max_length=24,
                                           strip_whitespace=True)] = "Axe"
    objective: Annotated[str, StringConstraints(min_length=1, max_length=24,
                                                strip_whitespace=True)] = "Objectif"


class Scheme(StrictModel):
    """The scheme as adopted: its axes, objectives and how it is steered and evaluated."""

    organisation: Text
    title: Text
    words: Words = Field(default_factory=Words, description="The scheme's own words for "
                         "« Axe » and « Objectif » (e.g. Orientation, Engagement).")
    period: Period
    adopted: Date
    adopted_by: Text | None = None
    source: Text | None = Field(None, description="The document this data was encoded from.")
    axes: list[Axis] = Field(min_length=1)
    evaluation: Evaluation | None = None
    governance: list[SteeringBody] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    buyers: list[Siret] = Field(default_factory=list, description="SIRETs of the buyers the "
                                "scheme covers; a shared scheme gives its contract "
                                "indicators per buyer and for all. Empty: every buyer of "
                                "the contract register.")


