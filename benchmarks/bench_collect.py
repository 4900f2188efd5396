"""Time the yearly cycle as whole processes: `spapser template` against `spapser export`, and
`spapser import` of a workbook that fills every variable of the shipped scheme.

Goals: the import takes under 1 s; generating the template costs at most one export.

Usage: python benchmarks/bench_collect.py [--runs 10]
Exit status 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

import openpyxl
from timing import REPO, median_seconds, run_times, tool

IMPORT_GOAL = 1.0  # seconds
TEMPLATE_GOAL = 1.0  # x one export


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
        template = median_seconds([spapser, "template", "2017", "--data-dir", str(data),
                                   "-o", str(book)], args.runs)
        export = median_seconds([spapser, "export", "2015", "--data-dir", str(data), "-o",
                                 str(folder / "bilan.xlsx")], args.runs)
        filled = folder / "rempli.xlsx"
        cells = fill_everything(book, filled)
        dry_run = median_seconds([spapser, "import", str(filled), "--data-dir", str(data),
                                  "--dry-run"], args.runs)
        # The real import, once per run on a fresh copy (a second import is a no-op).
        writes = []
        for n in range(args.runs):
            copy = folder / f"data-{n}"
            shutil.copytree(data, copy)
            writes += run_times([spapser, "import", str(filled), "--data-dir", str(copy)], 1)
            if n == 0:
                shutil.copytree(copy, folder / "check")
        written = sorted(writes)[len(writes) // 2]
        valid = run_times([spapser, "validate", "--data-dir", str(folder / "check")], 1)
        del valid  # run_times raised if the written file did not pass validate
    print(f"{'command':<52} {'median s':>9} {'ratio':>7} {'goal':>8}")
    ratio = template / export
    missed |= ratio > TEMPLATE_GOAL
    print(f"{'spapser export 2015':<52} {export:>9.3f} {1.0:>7.2f}")
    print(f"{'spapser template 2017':<52} {template:>9.3f} {ratio:>7.2f} {'≤ 1 x':>8}")
    for name, seconds in ((f"spapser import ({cells} cells) --dry-run", dry_run),
                          (f"spapser import ({cells} cells), written", written)):
        missed |= seconds >= IMPORT_GOAL
        print(f"{name:<52} {seconds:>9.3f} {'':>7} {'< 1 s':>8}")
    print(f"(median of {args.runs} runs, Python {sys.version.split()[0]})")
    raise SystemExit(1 if missed else 0)


if __name__ == "__main__":
    main()
