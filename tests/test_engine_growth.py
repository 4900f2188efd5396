"""Issue 9: the engine's work per indicator × year does not grow with the number of years.

Counts calls rather than timing them, so the test holds on a busy machine; the timings are
`benchmarks/bench_engine.py`'s, in the README. The datasets are the benchmark's generated,
SYNTHETIC ones.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from helpers import REPO

from spapser_cli.engine import Engine
from spapser_cli.read.load import load_catalog

sys.path.insert(0, str(REPO / "benchmarks"))
from bench_engine import write_dataset  # noqa: E402


def calls_per_indicator_year(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[float, int]:
    loaded = load_catalog(folder)
    assert loaded.catalog is not None and not loaded.errors, loaded.errors[:3]
    catalog = loaded.catalog
    counts = {"computed": 0, "compute": 0}
    computed, compute = Engine.computed, Engine._compute

    def counting_computed(self: Engine, *args: object) -> object:
        counts["computed"] += 1
        return computed(self, *args)  # type: ignore[arg-type]

    def counting_compute(self: Engine, *args: object) -> object:
        counts["compute"] += 1
        return compute(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Engine, "computed", counting_computed)
    monkeypatch.setattr(Engine, "_compute", counting_compute)
    engine = Engine(catalog)
    indicators = [i for _, i in catalog.indicators()]
    for year in catalog.years:
        for indicator in indicators:
            engine.result(indicator, year)
    cells = len(indicators) * len(catalog.years)
    assert counts["compute"] == cells  # each indicator × year computed once
    return counts["computed"] / cells, cells


def test_work_per_indicator_year_is_flat_from_8_to_111_years(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ratios = []
    for years in (8, 40, 111):
        write_dataset(tmp_path / str(years), 3, years)
        ratio, _ = calls_per_indicator_year(tmp_path / str(years), monkeypatch)
        ratios.append(ratio)
    # Before issue 9 these were 4.4, 9.8 and 21.7 (every baseline rescanned the years).
    assert max(ratios) < 3.5 and max(ratios) - min(ratios) < 0.25, ratios
