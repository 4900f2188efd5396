"""The engine's work per indicator × year stays flat as years and actions grow (issue 9).

Generates SYNTHETIC data folders (made-up figures, no source document) of 8, 40 and 111 years ×
21 actions, and of 21, 100 and 400 actions × 8 years. Each action has the shipped mix of kinds
(value, change, difference, share, ratio) and a value first measured in the last year (whose
baseline search crosses every year). Every indicator of every year is then computed with one
engine, as `series` and `export` do. Prints, per dataset, the wall time per
indicator-year (the best of the runs: on a shared machine other work only adds time) and how
many times `Engine.computed` was called per indicator-year (exact, whatever the load).

Run: `python benchmarks/bench_engine.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

FIRST_YEAR = 1990
INDICATORS_PER_ACTION = 6


def write_dataset(folder: Path, actions: int, years: int) -> None:
    """A valid SYNTHETIC data folder: one axis per 80 actions, one objective per axis.

    Codes such as `3-1.42` are valid before and after free codes, so that one script measures
    both engines."""
    (folder / "actions").mkdir(parents=True)
    (folder / "measures").mkdir()
    codes = [f"{i // 80 + 1}-1.{i % 80 + 1}" for i in range(actions)]
    axes = [codes[i:i + 80] for i in range(0, actions, 80)]
    lines = ["organisation: Organisation générée (synthétique)", "title: Benchmark (synthétique)",
             f"period: {{start: {FIRST_YEAR}, end: {FIRST_YEAR + years - 1}}}",
             "adopted: 2020-01-01", "axes:"]
    for a, members in enumerate(axes, start=1):
        lines += [f"  - number: {a}", f"    title: Axe généré {a}", "    objectives:",
                  "      - number: 1", "        title: Objectif généré",
                  f"        actions: [{', '.join(members)}]"]
    (folder / "scheme.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    last = FIRST_YEAR + years - 1
    for i, code in enumerate(codes):
        axis = i // 80 + 1
        (folder / "actions" / f"{code}.yaml").write_text(f"""\
code: {code}
title: Action générée {i}
axis: {axis}
objective: 1
pilots: [Service généré]
purpose: [Mesurer]
summary: Action SYNTHÉTIQUE du benchmark.
variables:
  - id: v{i}
    label: Quantité {i}
    unit: kg
    categories: [{{id: a, label: A}}, {{id: b, label: B}}]
  - id: w{i}
    label: Compte {i}
    unit: nombre
  - id: u{i}
    label: Relevé tardif {i}
    unit: nombre
indicators:
  - {{id: value-{i}, kind: value, label: Valeur, quantity: {{variable: v{i}}}}}
  - {{id: change-{i}, kind: change, label: Évolution, quantity: {{variable: v{i}}}}}
  - {{id: difference-{i}, kind: difference, label: Écart, quantity: {{variable: w{i}}}}}
  - id: share-{i}
    kind: share
    label: Part
    part: {{variable: v{i}, categories: [a]}}
    whole: {{variable: v{i}}}
    targets: [{{value: 60, year: {last}, text: cible générée}}]
  - id: ratio-{i}
    kind: ratio
    label: Ratio
    numerator: {{variable: w{i}}}
    denominator: {{variable: v{i}}}
  - {{id: late-{i}, kind: value, label: Mesuré la dernière année, quantity: {{variable: u{i}}}}}
""", encoding="utf-8")
    for y in range(years):
        year = FIRST_YEAR + y
        body = [f"year: {year}", "measures:"]
        for i in range(actions):
            a, b = 100 + (7 * y + 3 * i) % 50, 80 + (5 * y + 11 * i) % 40
            body += [f"  v{i}: {{unit: kg, values: {{a: {a}, b: {b}}}, source: générée}}",
                     f"  w{i}: {{unit: nombre, value: {10 + (y + i) % 9}, source: générée}}"]
            if year == last:  # an indicator measured late: its baseline is the last year
                body.append(f"  u{i}: {{unit: nombre, value: {i}, source: générée}}")
        (folder / "measures" / f"{year}.yaml").write_text("\n".join(body) + "\n",
                                                          encoding="utf-8")


def load(folder: Path):  # type: ignore[no-untyped-def]
    try:
        from spapser_cli.read.load import load_catalog
    except ImportError:  # before the reshaping (issue 8)
        from spapser_cli.catalog import load_catalog  # type: ignore[no-redef]
    loaded = load_catalog(folder)
    if loaded.catalog is None or loaded.errors:
        raise SystemExit(f"generated data is invalid: {loaded.errors[:3]}")
    return loaded.catalog


def measure(catalog, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(best seconds per indicator-year, `Engine.computed` calls per indicator-year)."""
    from spapser_cli.engine import Engine

    pairs = [indicator for _, indicator in catalog.indicators()]
    cells = len(pairs) * len(catalog.years)
    calls = 0
    original = Engine.computed

    def counting(self, indicator, year):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return original(self, indicator, year)

    Engine.computed = counting  # type: ignore[method-assign]
    try:
        engine = Engine(catalog)
        for year in catalog.years:
            for indicator in pairs:
                engine.result(indicator, year)
    finally:
        Engine.computed = original  # type: ignore[method-assign]
    times = []
    for _ in range(runs):
        engine = Engine(catalog)
        start = time.perf_counter()
        for year in catalog.years:
            for indicator in pairs:
                engine.result(indicator, year)
        times.append(time.perf_counter() - start)
    return min(times) / cells, calls / cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    shapes = [(21, 8), (21, 40), (21, 111), (100, 8), (400, 8)]
    print("| actions × years | indicator-years | µs per indicator-year | "
          "`computed` calls per indicator-year |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for actions, years in shapes:
            folder = Path(tmp) / f"{actions}x{years}"
            write_dataset(folder, actions, years)
            catalog = load(folder)
            per_cell, calls = measure(catalog, args.runs)
            cells = actions * INDICATORS_PER_ACTION * years
            print(f"| {actions} × {years} | {cells:,} | {per_cell * 1e6:.1f} | {calls:.2f} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
