"""Pydantic models of the three kinds of data file, one module each.

- `scalars`: numbers, years, ids, text and the strict base model shared by every file;
- `scheme`: `scheme.yaml`; `action`: `actions/<code>.yaml`; `measures`: `measures/<year>.yaml`.

The models check one file at a time; checks that span files live in `read.checks`. Every
model refuses unknown keys. Importing this package imports Pydantic (~100 ms): only commands
that read files do.
"""

from .action import (
    QUANTITATIVE_KINDS,
    Action,
    Category,
    ChangeIndicator,
    ContractsIndicator,
    DifferenceIndicator,
    Indicator,
    IndicatorBase,
    MilestoneIndicator,
    Part,
    PlanLink,
    QualitativeIndicator,
    RateIndicator,
    RatioIndicator,
    Ref,
    ScheduleItem,
    ShareIndicator,
    Target,
    ValueIndicator,
    Variable,
)
from .measures import Measure, Measures, NotMeasured, Reported
from .scalars import StrictModel, french_number_spelling
from .scheme import (
    Axis,
    Evaluation,
    EvaluationYear,
    Objective,
    Period,
    Scheme,
    SteeringBody,
    TimelineEntry,
    Words,
)

__all__ = [
    "QUANTITATIVE_KINDS", "Action", "Axis", "Category", "ChangeIndicator", "ContractsIndicator",
    "DifferenceIndicator", "Evaluation", "EvaluationYear", "Indicator", "IndicatorBase",
    "Measure", "Measures", "MilestoneIndicator", "NotMeasured", "Objective", "Part", "Period",
    "PlanLink",
    "QualitativeIndicator",
    "RateIndicator", "RatioIndicator", "Ref", "Reported", "ScheduleItem", "Scheme",
    "ShareIndicator", "SteeringBody", "StrictModel", "Target", "TimelineEntry",
    "ValueIndicator", "Variable", "Words", "french_number_spelling",
]
