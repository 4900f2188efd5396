"""Benchmark `spapser validate` against check-jsonschema, and start-up against `python -c pass`.

Generates 1,000 measures files (copies of the shipped 2015 file with varied figures, each in
its own `NNNN/measures/2015.yaml`), then times, as whole processes:

- `spapser validate FILE…` (the files checked against the bundled scheme and actions);
- `check-jsonschema --schemafile schemas/measures.schema.json FILE…` on the same files;
- `spapser --help` and `python -c pass`.

Usage: python benchmarks/bench_validate.py [--files 1000] [--runs 5]
Requires the package installed with its `test` extra (check-jsonschema).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

from timing import REPO, run_times, tool


def generate(folder: Path, count: int) -> list[Path]:
    """`count` valid measures files, the shipped 2015 figures scaled at random."""
    template = (REPO / "data" / "measures" / "2015.yaml").read_text(encoding="utf-8")
    rng = random.Random(2015)
    files = []
    for index in range(count):
        fsc, recycled = round(73190 * rng.uniform(0.5, 1.5)), round(46748 * rng.uniform(0.5, 1.5))
        text = (template.replace("73190", str(fsc)).replace("46748", str(recycled))
                .replace("121492", str(fsc + 1554 + recycled)))
        target = folder / f"{index:04d}" / "measures" / "2015.yaml"
        target.parent.mkdir(parents=True)
        target.write_text(text.replace("../../schemas/", str(REPO / "schemas") + "/"),
                          encoding="utf-8")
        files.append(target)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.pop("SPAPSER_DATA_DIR", None)
    spapser = tool("spapser")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        files = [str(f) for f in generate(Path(tmp), args.files)]
        data = str(REPO / "data")
        ours = run_times([spapser, "validate", "--data-dir", data, *files], args.runs)
        theirs = run_times([tool("check-jsonschema"), "--schemafile",
                        str(REPO / "schemas" / "measures.schema.json"), *files],
                       max(1, args.runs // 2))
        rows.append((f"spapser validate ({args.files} files)", ours))
        rows.append((f"check-jsonschema ({args.files} files)", theirs))
    help_times = run_times([spapser, "--help"], args.runs * 4)
    bare = run_times([sys.executable, "-c", "pass"], args.runs * 4)
    rows.append(("spapser --help", help_times))
    rows.append(("python -c pass", bare))

    print(f"{'command':<40} {'median s':>9} {'min s':>7}")
    for name, times in rows:
        print(f"{name:<40} {statistics.median(times):>9.3f} {min(times):>7.3f}")
    speedup = statistics.median(theirs) / statistics.median(ours)
    startup = statistics.median(help_times) / statistics.median(bare)
    print(f"\nvalidate is {speedup:.1f}x faster than check-jsonschema (goal: >= 10x)")
    print(f"spapser --help takes {startup:.1f}x python -c pass (goal: <= 5x)")


if __name__ == "__main__":
    main()
