"""What reading a snapshot costs: the JSON format against the pickle it replaced.

Both hold the catalog of the shipped data and the warnings of its load, as `spapser compute`
reads them from the cache. Reading a pickle runs code named by the file (issue 13); JSON is
checked for shape instead. Times are in-process medians, in one run; `positions` is the extra
cost paid only when a warning or the workbook needs the line of a value.

Usage: python benchmarks/bench_snapshot.py [--runs 200]
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import time
from collections.abc import Callable

from timing import REPO

from spapser_cli.catalog import snapshot
from spapser_cli.read.load import load_catalog


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    loaded = load_catalog(REPO / "data")
    assert loaded.catalog is not None
    as_json = snapshot.encode(loaded.catalog, loaded.problems)
    as_pickle = pickle.dumps((loaded.catalog, loaded.problems), protocol=pickle.HIGHEST_PROTOCOL)

    def json_with_positions() -> None:
        catalog, _ = snapshot.decode(as_json)
        for document in catalog.documents.values():
            document.position(())

    rows = [
        ("pickle.loads (before)", len(as_pickle), median_ms(lambda: pickle.loads(as_pickle),
                                                            args.runs)),
        ("snapshot.decode (JSON, checked)", len(as_json),
         median_ms(lambda: snapshot.decode(as_json), args.runs)),
        ("  + positions, when needed", len(as_json), median_ms(json_with_positions, args.runs)),
    ]
    print(f"{'read':<34} {'bytes':>9} {'median ms':>10}")
    for name, size, ms in rows:
        print(f"{name:<34} {size:>9,} {ms:>10.2f}")


if __name__ == "__main__":
    main()
