"""Time the everyday commands side by side with `python -c pass`, in one run.

Each command runs as a whole process (start-up included) on the shipped dataset, several
times; the table shows the median and the ratio to a bare interpreter start.
Goals: `spapser --help` <= 5x and `spapser compute 2015` <= 12x `python -c pass`.

Usage: python benchmarks/bench_startup.py [--runs 20] [--against OTHER_VENV/bin]

`--against` times the same commands with another installation of spapser too (another
checkout, before a change), in the same run, so that the two can be compared on a busy machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from timing import REPO, alternating_medians, tool


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--against", type=Path, default=None,
                        help="the bin/ folder of another environment with spapser installed")
    args = parser.parse_args()
    os.environ.pop("SPAPSER_DATA_DIR", None)
    data = str(REPO / "data")
    installs = [("", tool("spapser"))]
    if args.against is not None:
        installs.append((" [against]", str(args.against / "spapser")))
    commands: list[tuple[str, list[str], float | None, dict[str, str] | None]] = [
        ("python -c pass", [sys.executable, "-c", "pass"], None, None)]
    for suffix, spapser in installs:
        # Each installation keeps its own snapshot cache: two versions sharing one would
        # overwrite each other's snapshot at every turn.
        env = {**os.environ, "SPAPSER_CACHE_DIR": tempfile.mkdtemp(prefix="spapser-bench-")}
        commands += [
            ("spapser --help" + suffix, [spapser, "--help"], 5.0, env),
            ("spapser validate" + suffix, [spapser, "validate", "--data-dir", data], None, env),
            ("spapser compute 2015" + suffix, [spapser, "compute", "2015", "--data-dir", data],
             12.0, env),
            ("spapser compute 2015 --format json" + suffix,
             [spapser, "compute", "2015", "--data-dir", data, "--format", "json"], 12.0, env),
        ]
    # Every command in turn, run after run: load that comes and goes on a shared machine
    # then weighs on all of them alike, and their ratios hold.
    medians = alternating_medians([(command, env) for _, command, _, env in commands],
                                  args.runs)
    base = medians[0]
    print(f"{'command':<46} {'median s':>9} {'x python':>9} {'goal':>6}")
    for (name, _, goal, _), seconds in zip(commands, medians, strict=True):
        ratio = seconds / base
        verdict = "" if goal is None else ("ok" if ratio <= goal else "MISSED")
        goal_text = "" if goal is None else f"<={goal:g}x"
        print(f"{name:<46} {seconds:>9.3f} {ratio:>9.1f} {goal_text:>6} {verdict}")

if __name__ == "__main__":
    main()
