"""Time `validate`, `compute` and `export` on a large synthetic data folder (2,021 actions).

The folder is synthetic: a scheme of 9 axes × 9 objectives, and 2,021 action sheets that are
copies of the shipped ones, their variable and indicator ids suffixed (`-c17`), with the
shipped measures copied for each. It is the size the security probe of issue 13 measured
(validate 3.9 s, compute cold 7.3 s, export 15.9 s and 319 MB).

Each command runs as a whole process; the table gives the median wall time and the largest
peak memory (maximum resident set size) of the runs.

Usage: python benchmarks/bench_large.py [--actions 2021] [--runs 3] [--against OTHER_VENV/bin]

`--against` times the same commands with another installation in the same run, in turn.
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from timing import REPO, tool

AXES = OBJECTIVES = 9


def _renamer(ids: list[str], suffix: str) -> tuple[re.Pattern[str], dict[str, str]]:
    names = {old: f"{old}{suffix}" for old in ids}
    pattern = re.compile(r"(?<![a-z0-9-])(" + "|".join(map(re.escape, sorted(ids, key=len,
                                                                     reverse=True)))
                         + r")(?![a-z0-9-])")
    return pattern, names


def generate(folder: Path, count: int) -> None:
    """A valid data folder of `count` actions (synthetic copies of the shipped ones)."""
    shipped = sorted((REPO / "data" / "actions").glob("*.yaml"))
    sources = [(path.read_text(encoding="utf-8"), yaml.safe_load(path.read_text("utf-8")))
               for path in shipped]
    years = {path.stem: yaml.safe_load(path.read_text("utf-8"))
             for path in sorted((REPO / "data" / "measures").glob("*.yaml"))}
    out_years: dict[str, dict[str, Any]] = {
        y: {"year": data["year"], "measures": {}, "reported": {}} for y, data in years.items()}
    (folder / "actions").mkdir(parents=True)
    (folder / "measures").mkdir()
    codes: dict[tuple[int, int], list[str]] = {}
    for k in range(count):
        axis, objective = k % AXES + 1, (k // AXES) % OBJECTIVES + 1
        number = k // (AXES * OBJECTIVES) + 1
        code = f"{axis}-{objective}.{number}"
        codes.setdefault((axis, objective), []).append(code)
        text, data = sources[k % len(sources)]
        ids = [v["id"] for v in data.get("variables", [])] + \
            [i["id"] for i in data.get("indicators", [])]
        pattern, names = _renamer(ids, f"-c{k}")
        text = pattern.sub(lambda match: names[match.group(1)], text)  # noqa: B023 (used at once)
        text = re.sub(r"(?m)^code: .*$", f"code: {code}", text)
        text = re.sub(r"(?m)^axis: .*$", f"axis: {axis}", text)
        text = re.sub(r"(?m)^objective: .*$", f"objective: {objective}", text)
        (folder / "actions" / f"{code}.yaml").write_text(text, encoding="utf-8")
        for year, source in years.items():
            for section in ("measures", "reported"):
                for key, value in (source.get(section) or {}).items():
                    if key in names:
                        out_years[year][section][names[key]] = copy.deepcopy(value)
    scheme = yaml.safe_load((REPO / "data" / "scheme.yaml").read_text("utf-8"))
    template_axis, template_objective = scheme["axes"][0], scheme["axes"][0]["objectives"][0]
    scheme["axes"] = [
        {**template_axis, "number": a, "title": f"Axe synthétique {a}",
         "objectives": [{**template_objective, "number": o, "title": f"Objectif {a}-{o}",
                         "actions": codes.get((a, o), [])}
                        for o in range(1, OBJECTIVES + 1) if codes.get((a, o))]}
        for a in range(1, AXES + 1)]
    (folder / "scheme.yaml").write_text(yaml.safe_dump(scheme, allow_unicode=True,
                                                       sort_keys=False), encoding="utf-8")
    for year, data in out_years.items():
        for section in ("measures", "reported"):
            if not data[section]:
                del data[section]
        (folder / "measures" / f"{year}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=2021)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", type=Path, default=None,
                        help="the bin/ folder of another installation, timed in turn")
    args = parser.parse_args()
    installs = [("", tool("spapser"))]
    if args.against is not None:
        installs.append((" [against]", str(args.against / "spapser")))
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "data"
        generate(folder, args.actions)
        sizes = sum(p.stat().st_size for p in folder.rglob("*.yaml"))
        print(f"{args.actions:,} actions, {len(list(folder.rglob('*.yaml'))):,} files, "
              f"{sizes / 1e6:.1f} MB (synthetic)")
        print(f"{'command':<48} {'median s':>9} {'peak MB':>9}")
        results: dict[str, list[tuple[float, float]]] = {}
        names: list[str] = []
        for run in range(args.runs):
            # Installations in turn, each with its own cache: a busy machine weighs on both.
            for suffix, spapser in installs:
                cache = Path(work) / f"cache{suffix.strip(' []')}"
                env = {**os.environ, "SPAPSER_CACHE_DIR": str(cache)}
                env.pop("SPAPSER_NO_CACHE", None)
                out = str(Path(work) / "bilan.xlsx")
                data = ["--data-dir", str(folder)]
                cases = [
                    ("validate", [spapser, "validate", *data], False),
                    ("compute 2015, cold (no snapshot)", [spapser, "compute", "2015", *data],
                     True),
                    ("compute 2015, warm (snapshot)", [spapser, "compute", "2015", *data],
                     False),
                    ("export 2015 (warm)", [spapser, "export", "2015", *data, "-o", out], False),
                ]
                for name, command, clear in cases:
                    key = name + suffix
                    if run == 0:
                        names.append(key)
                    results.setdefault(key, []).append(_measured_in_child(command, env, clear))
        for key in sorted(names, key=lambda k: (k.replace(" [against]", ""), k)):
            runs = results[key]
            seconds = statistics.median(r[0] for r in runs)
            print(f"{key:<48} {seconds:>9.2f} {max(r[1] for r in runs):>9.0f}")


def _measured_in_child(command: list[str], env: dict[str, str], clear: bool
                       ) -> tuple[float, float]:
    """Run one measurement in a child interpreter, so that peak memory is this run's."""
    code = ("import sys, json, resource, subprocess, time, pathlib\n"
            "command, env, clear = json.loads(sys.argv[1])\n"
            "if clear:\n"
            "    [p.unlink() for p in pathlib.Path(env['SPAPSER_CACHE_DIR']).glob('catalog-*')]\n"
            "start = time.perf_counter()\n"
            "done = subprocess.run(command, capture_output=True, env=env)\n"
            "seconds = time.perf_counter() - start\n"
            "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
            "print(json.dumps([done.returncode, seconds, peak, done.stderr.decode()[-2000:]]))\n")
    import json

    done = subprocess.run([sys.executable, "-c", code, json.dumps([command, env, clear])],
                          capture_output=True, text=True, check=True)
    status, seconds, peak, stderr = json.loads(done.stdout)
    if status != 0:
        raise SystemExit(f"{' '.join(command[:3])}… exited {status}:\n{stderr}")
    return seconds, peak


if __name__ == "__main__":
    main()
