"""The indicator engine: the catalog in, one `Result` per indicator and year out.

- `engine`: `compute_year`, `compute_series` and the memoising `Engine`;
- `formulas`: the formula of each quantitative kind;
- `targets`: which target applies, and the status against it;
- `results`: `Result`, `YearReport`, `SeriesReport` (plain data with `to_dict()`).

Pure: no I/O, no printing. May import `catalog` and the shared vocabulary only; renderers and
the exporter read its results.
"""

from spapser_cli.engine.engine import Engine, compute_series, compute_year
from spapser_cli.engine.results import (
    STATUS_LABELS,
    Computed,
    JudgedTarget,
    Provenance,
    Result,
    SeriesReport,
    Status,
    YearReport,
)
from spapser_cli.engine.targets import category_target, judge, select_target

__all__ = [
    "STATUS_LABELS", "Computed", "Engine", "JudgedTarget", "Provenance", "Result",
    "SeriesReport", "Status", "YearReport", "category_target", "compute_series",
    "compute_year", "judge", "select_target",
]
