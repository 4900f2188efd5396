"""The model of `measures/<year>.yaml`: what was measured in one year, and what was published."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from spapser_cli.i18n import N_

from .scalars import Id, NonNegativeNumber, Number, StrictModel, Text, Unit, Year, custom_error


class Measure(StrictModel):
    """A variable's value for the year: `value` (its total), or `values` per category."""

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
            raise custom_error("missing-key", N_("give either `value` or `values` "
                                      "(one number per category), not both or neither"))
        if self.total is not None and self.values is None:
            raise custom_error("invalid-value", N_("`total` only goes with `values`"))
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
            raise custom_error("missing-key", N_("a reported entry needs `value`, "
                                      "`breakdown`, `status` or `text`"))
        if (self.value is not None or self.breakdown) and self.unit is None:
            raise custom_error("missing-key", N_("a reported number needs its `unit`"))
        return self


class NotMeasured(StrictModel):
    """A figure that does not exist for the year (`NC`, `n/d` or `-` in a collection file):
    recorded with a note so that it reads as an answer, never as a zero."""

    variable: Id | None = Field(None, description="The variable not measured...")
    indicator: Id | None = Field(None, description="...or the indicator not published.")
    category: Id | None = Field(None, description="Only this category of it.")
    note: Text
    source: Text

    @model_validator(mode="after")
    def _one_owner(self) -> NotMeasured:
        if (self.variable is None) == (self.indicator is None):
            raise custom_error("missing-key", N_("give either `variable` or `indicator`, "
                                      "not both or neither"))
        return self


class Measures(StrictModel):
    """What was measured in one year, and what was published for it."""

    year: Year
    measures: dict[Id, Measure] = Field(default_factory=dict)
    reported: dict[Id, Reported] = Field(default_factory=dict)
    not_measured: list[NotMeasured] = Field(default_factory=list, description="Figures "
                                            "that do not exist for the year, with why.")
