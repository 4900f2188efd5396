"""Time the everyday commands side by side with `python -c pass`, in one run.

Each command runs as a whole process (start-up included) on the shipped dataset, several
times; the table shows the median and the ratio to a bare interpreter start.
Goals: `spapser --help` <= 5x and `spapser compute 2015` <= 12x `python -c pass`.

Usage: python benchmarks/bench_startup.py [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import sys

from timing import REPO, median_seconds, tool


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    os.environ.pop("SPAPSER_DATA_DIR", None)
    data = str(REPO / "data")
    commands = [
        ("python -c pass", [sys.executable, "-c", "pass"], None),
        ("spapser --help", [tool("spapser"), "--help"], 5.0),
        ("spapser validate", [tool("spapser"), "validate", "--data-dir", data], None),
        ("spapser compute 2015", [tool("spapser"), "compute", "2015", "--data-dir", data], 12.0),
        ("spapser compute 2015 --format json",
         [tool("spapser"), "compute", "2015", "--data-dir", data, "--format", "json"], 12.0),
    ]
    base = None
    print(f"{'command':<36} {'median s':>9} {'x python':>9} {'goal':>6}")
    for name, command, goal in commands:
        seconds = median_seconds(command, args.runs)
        base = base or seconds
        ratio = seconds / base
        verdict = "" if goal is None else ("ok" if ratio <= goal else "MISSED")
        goal_text = "" if goal is None else f"<={goal:g}x"
        print(f"{name:<36} {seconds:>9.3f} {ratio:>9.1f} {goal_text:>6} {verdict}")


if __name__ == "__main__":
    main()
