"""Time `spapser export` against `spapser compute` for the same year, as whole processes.

Each command runs several times on the shipped dataset (start-up included); the table shows
the median and the ratio to `spapser compute` of the same year. Goal: an export takes less
than 3x its compute.

Usage: python benchmarks/bench_export.py [--runs 10] [--year 2015 ...]
Exit status 1 when an export misses the goal.

Run it in the environment you want to measure. openpyxl imports numpy whenever numpy is
installed (about 45 ms); a user install (`pip install .`) has no numpy, while the test extra
brings it with pandas. The script says which case it measured.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
from pathlib import Path

from timing import REPO, median_seconds, tool

GOAL = 3.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--year", type=int, action="append",
                        help="a year to export (repeatable; default: 2013 and 2015)")
    args = parser.parse_args()
    numpy = importlib.util.find_spec("numpy") is not None
    print(f"numpy {'installed: openpyxl imports it' if numpy else 'not installed'} "
          f"(Python {sys.version.split()[0]})")
    os.environ.pop("SPAPSER_DATA_DIR", None)
    data = str(REPO / "data")
    years = sorted(args.year or [2013, 2015])
    # (export arguments, the year whose compute it is compared with)
    exports = [([str(y)], y) for y in years]
    if len(years) > 1:
        exports.append((["--from", str(years[0]), "--to", str(years[-1])], years[-1]))
    missed = False
    computes: dict[int, float] = {}
    print(f"{'command':<40} {'median s':>9} {'x compute':>10} {'goal':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for extra, year in exports:
            if year not in computes:
                computes[year] = median_seconds(
                    [tool("spapser"), "compute", str(year), "--data-dir", data], args.runs)
                print(f"{'spapser compute ' + str(year):<40} {computes[year]:>9.3f} "
                      f"{1.0:>10.2f}")
            command = ["export", *extra, "--data-dir", data, "-o",
                       str(Path(folder) / "bilan.xlsx")]
            seconds = median_seconds([tool("spapser"), *command], args.runs)
            ratio = seconds / computes[year]
            missed |= ratio >= GOAL
            name = "spapser export " + " ".join(extra)
            print(f"{name:<40} {seconds:>9.3f} {ratio:>10.2f} {'<' + f'{GOAL:g}x':>6} "
                  f"{'ok' if ratio < GOAL else 'MISSED'}")
    raise SystemExit(1 if missed else 0)


if __name__ == "__main__":
    main()
