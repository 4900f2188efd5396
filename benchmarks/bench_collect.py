"""Time the yearly cycle as whole processes: `spapser template` against `spapser export`, and
`spapser import` of a workbook that fills every variable of the shipped scheme.

Goals: the import takes under 1 s; generating the template costs at most one export.

Usage: python benchmarks/bench_collect.py [--runs 10]
Exit status 1 when a goal is missed.

Besides the wall-clock median, the table gives the median CPU time (user + system) of the
process: on a shared machine the wall clock also counts the time other jobs hold the cores,
while the CPU time stays close to what the command costs on a quiet one.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from timing import REPO, median_seconds, run_times, tool

IMPORT_GOAL = 1.0  # seconds
TEMPLATE_GOAL = 1.0  # x one export


def cpu_seconds(command: list[str], runs: int, prepare: object = None) -> float:
    """Median CPU time (user + system) of `runs` runs of `command` as a child process."""
    times = []
    for n in range(runs):
        args = prepare(n) if callable(prepare) else command
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(args, capture_output=True, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args[:3])}… exited {done.returncode}")
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times)


def fill_everything(template: Path, target: Path) -> int:
    """Fill every value cell of the template (by its hidden ids); returns how many."""
    wb = openpyxl.load_workbook(template)
    filled = 0
    for ws in wb.worksheets:
        if ws.sheet_state != "visible" or ws.title == "Mode d'emploi":
            continue
        cols = {c.value: c.column for c in ws[4] if c.value}
        for row in range(5, ws.max_row + 1):
            unit = ws.cell(row=row, column=cols["Unité"]).value
            variable = ws.cell(row=row, column=cols["variable"]).value
            validation = [dv for dv in ws.data_validations.dataValidation
                          if ws.cell(row=row, column=cols["Valeur 2017"]).coordinate in dv.sqref]
            kind = validation[0].type if validation else None
            value: object
            if kind == "list":
                value = "en cours"
            elif kind == "textLength":
                value = "Appréciation (synthétique)"
            elif variable:
                value = 40 if unit == "nombre" else 1234.5
            else:
                value = 50
            ws.cell(row=row, column=cols["Valeur 2017"]).value = value
            filled += 1
    wb.save(target)
    return filled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    os.environ.pop("SPAPSER_DATA_DIR", None)
    spapser = tool("spapser")
    missed = False
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        data = folder / "data"
        shutil.copytree(REPO / "data", data)
        book = folder / "collecte-2017.xlsx"
        template_command = [spapser, "template", "2017", "--data-dir", str(data), "-o",
                            str(book)]
        export_command = [spapser, "export", "2015", "--data-dir", str(data), "-o",
                          str(folder / "bilan.xlsx")]
        template = median_seconds(template_command, args.runs)
        export = median_seconds(export_command, args.runs)
        cpu = {"template": cpu_seconds(template_command, args.runs),
               "export": cpu_seconds(export_command, args.runs)}
        filled = folder / "rempli.xlsx"
        cells = fill_everything(book, filled)
        dry_command = [spapser, "import", str(filled), "--data-dir", str(data), "--dry-run"]
        dry_run = median_seconds(dry_command, args.runs)
        cpu["dry-run"] = cpu_seconds(dry_command, args.runs)
        # The real import, once per run on a fresh copy (a second import is a no-op).
        writes = []
        for n in range(args.runs):
            copy = folder / f"data-{n}"
            shutil.copytree(data, copy)
            writes += run_times([spapser, "import", str(filled), "--data-dir", str(copy)], 1)
            if n == 0:
                shutil.copytree(copy, folder / "check")
        written = sorted(writes)[len(writes) // 2]

        def fresh(n: int) -> list[str]:
            copy = folder / f"cpu-{n}"
            shutil.copytree(data, copy)
            return [spapser, "import", str(filled), "--data-dir", str(copy)]

        cpu["written"] = cpu_seconds([], args.runs, fresh)
        valid = run_times([spapser, "validate", "--data-dir", str(folder / "check")], 1)
        del valid  # run_times raised if the written file did not pass validate
    load = os.getloadavg()[0]
    print(f"{'command':<46} {'wall s':>7} {'cpu s':>7} {'ratio':>6} {'goal':>7}")
    ratio = template / export
    missed |= ratio > TEMPLATE_GOAL
    print(f"{'spapser export 2015':<46} {export:>7.3f} {cpu['export']:>7.3f} {1.0:>6.2f}")
    print(f"{'spapser template 2017':<46} {template:>7.3f} {cpu['template']:>7.3f} "
          f"{ratio:>6.2f} {'≤ 1 x':>7}")
    for name, seconds, key in ((f"spapser import ({cells} cells) --dry-run", dry_run,
                                "dry-run"),
                               (f"spapser import ({cells} cells), written", written,
                                "written")):
        missed |= seconds >= IMPORT_GOAL
        print(f"{name:<46} {seconds:>7.3f} {cpu[key]:>7.3f} {'':>6} {'< 1 s':>7}")
    print(f"(median of {args.runs} runs, Python {sys.version.split()[0]}, load average "
          f"{load:.1f} on {os.cpu_count()} cores; 'written' runs on a fresh copy each time, "
          "with no snapshot cache)")
    raise SystemExit(1 if missed else 0)


if __name__ == "__main__":
    main()
