"""Time `spapser export` against `spapser compute`, on the shipped data and on generated sizes.

1. The shipped dataset: each command runs several times as a whole process (start-up
   included); the table shows the median and the ratio to `spapser compute` of the same year.
   Goal: an export takes at most 2x its compute.
2. Generated sizes (`--sizes`): synthetic data folders of 100 and 400 actions (copies of the
   shipped sheets, `bench_large.generate`) and one action whose variable has 500 categories
   (`categories_dataset`). For each: the cells of the workbook (counted in the file), the
   medians of `export 2015` and `compute 2015`, and the workbook's cost per cell, (export -
   compute) / cells: building and saving the workbook, the writer's import included. Goals:
   the 400-action export under 1.5 s, and a cost per cell that stays flat with the size.
3. The writers on the same cells (`--writers`): the cells of the 400-action workbook (values
   and number formats, read back) written by openpyxl and by XlsxWriter in child processes,
   in turn, import included; and each library's import alone against `python -c pass`.

Usage: python benchmarks/bench_export.py [--runs 10] [--year 2015 ...] [--sizes] [--writers]
       [--against OTHER_VENV/bin]
`--against` times the generated sizes with another installation too, in turn (for example
one that writes with openpyxl). Exit status 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from bench_large import generate
from timing import REPO, alternating_medians, tool

GOAL = 2.0
GOAL_400_ACTIONS = 1.5  # seconds
SIZES = (("shipped data", None), ("100 actions", 100), ("400 actions", 400),
         ("500 categories", "categories"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--year", type=int, action="append",
                        help="a year to export (repeatable; default: 2013 and 2015)")
    parser.add_argument("--sizes", action="store_true", help="the generated sizes too")
    parser.add_argument("--writers", action="store_true",
                        help="openpyxl and XlsxWriter on the same cells")
    parser.add_argument("--against", type=Path, default=None,
                        help="the bin/ folder of another installation (with --sizes)")
    args = parser.parse_args()
    numpy = importlib.util.find_spec("numpy") is not None
    print(f"numpy {'installed' if numpy else 'not installed'} "
          f"(Python {sys.version.split()[0]})")
    os.environ.pop("SPAPSER_DATA_DIR", None)
    missed = shipped(sorted(args.year or [2013, 2015]), args.runs)
    if args.sizes or args.writers:
        with tempfile.TemporaryDirectory() as work:
            folders = make_folders(Path(work))
            if args.sizes:
                missed |= sizes(folders, Path(work), args.runs, args.against)
            if args.writers:
                writers(folders["400 actions"], Path(work), args.runs)
    raise SystemExit(1 if missed else 0)


def shipped(years: list[int], runs: int) -> bool:
    """Each export and the compute of its year, run in turn (a busy machine then weighs on
    both alike)."""
    data = str(REPO / "data")
    # (export arguments, the year whose compute it is compared with)
    exports = [([str(y)], y) for y in years]
    if len(years) > 1:
        exports.append((["--from", str(years[0]), "--to", str(years[-1])], years[-1]))
    missed = False
    print(f"{'command':<40} {'median s':>9} {'x compute':>10} {'goal':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for extra, year in exports:
            out = str(Path(folder) / "bilan.xlsx")
            export, compute = alternating_medians(
                [([tool("spapser"), "export", *extra, "--data-dir", data, "-o", out], None),
                 ([tool("spapser"), "compute", str(year), "--data-dir", data], None)], runs)
            ratio = export / compute
            missed |= ratio > GOAL
            name = "spapser export " + " ".join(extra)
            print(f"{name:<40} {export:>9.3f} {ratio:>10.2f} {'≤' + f'{GOAL:g}x':>6} "
                  f"{'ok' if ratio <= GOAL else 'MISSED'}   (compute {year}: {compute:.3f} s)")
    return missed


# -- generated sizes --------------------------------------------------------------------------
LONG_SOURCE = ("Rapport annuel des services, tableau de suivi des consommations par catégorie "
               "(extraction du système d'information financier, données consolidées au 31 "
               "décembre, retraitées par la direction des achats)")


def categories_dataset(folder: Path, count: int = 500) -> None:
    """A valid SYNTHETIC data folder: one action whose variable has `count` categories,
    measured 2009-2016 with a long source, and two indicators over it."""
    (folder / "actions").mkdir(parents=True)
    (folder / "measures").mkdir()
    (folder / "scheme.yaml").write_text("""\
organisation: Organisation générée (synthétique)
title: Benchmark des catégories (synthétique)
period: {start: 2009, end: 2016}
adopted: 2009-01-01
axes:
  - number: 1
    title: Axe généré
    objectives:
      - {number: 1, title: Objectif généré, actions: [1-1.1]}
""", encoding="utf-8")
    categories = ", ".join(f"{{id: c{i}, label: Catégorie générée {i}}}" for i in range(count))
    (folder / "actions" / "1-1.1.yaml").write_text(f"""\
code: 1-1.1
title: Action générée
axis: 1
objective: 1
pilots: [Service généré]
purpose: [Mesurer]
summary: Action SYNTHÉTIQUE du benchmark.
variables:
  - id: v
    label: Quantité par catégorie
    unit: kg
    categories: [{categories}]
indicators:
  - {{id: value, kind: value, label: Valeur, quantity: {{variable: v}}}}
  - id: share
    kind: share
    label: Part de la première catégorie
    part: {{variable: v, categories: [c0]}}
    whole: {{variable: v}}
    targets: [{{value: 60, year: 2016, text: cible générée}}]
""", encoding="utf-8")
    for year in range(2009, 2017):
        values = ", ".join(f"c{i}: {100 + (7 * year + 3 * i) % 50}" for i in range(count))
        (folder / "measures" / f"{year}.yaml").write_text(
            f"year: {year}\nmeasures:\n  v: {{unit: kg, values: {{{values}}}, "
            f"source: \"{LONG_SOURCE}\", note: Valeurs générées}}\n", encoding="utf-8")


def make_folders(work: Path) -> dict[str, Path]:
    folders = {}
    for name, size in SIZES:
        if size is None:
            folders[name] = REPO / "data"
            continue
        folder = work / name.replace(" ", "-")
        if size == "categories":
            categories_dataset(folder)
        else:
            generate(folder, int(size))
        folders[name] = folder
    return folders


def cells_of(book: Path) -> int:
    """The cells the workbook holds, counted in its sheets' XML."""
    with zipfile.ZipFile(book) as archive:
        return sum(len(re.findall(rb"<c r=", archive.read(name)))
                   for name in archive.namelist()
                   if name.startswith("xl/worksheets/sheet"))


def sizes(folders: dict[str, Path], work: Path, runs: int, against: Path | None) -> bool:
    installs = [("", tool("spapser"))]
    if against is not None:
        installs.append((" [against]", str(against / "spapser")))
    print(f"\n{'size':<27} {'cells':>8} {'export s':>9} {'compute s':>10} {'µs/cell':>8} "
          f"{'x compute':>10}")
    missed = False
    for name, folder in folders.items():
        commands = []
        for suffix, spapser in installs:
            env = {**os.environ, "SPAPSER_CACHE_DIR": str(work / f"cache{suffix.strip(' []')}")}
            env.pop("SPAPSER_NO_CACHE", None)
            out = str(work / f"bilan{suffix.strip(' []')}.xlsx")
            data = ["--data-dir", str(folder)]
            commands += [([spapser, "export", "2015", *data, "-o", out], env),
                         ([spapser, "compute", "2015", *data], env)]
        medians = alternating_medians(commands, runs)
        for index, (suffix, _) in enumerate(installs):
            export, compute = medians[2 * index], medians[2 * index + 1]
            cells = cells_of(work / f"bilan{suffix.strip(' []')}.xlsx")
            per_cell = (export - compute) / cells * 1e6
            print(f"{name + suffix:<27} {cells:>8,} {export:>9.3f} {compute:>10.3f} "
                  f"{per_cell:>8.1f} {export / compute:>10.2f}")
            if name == "400 actions" and not suffix and export >= GOAL_400_ACTIONS:
                print(f"  MISSED: the 400-action export takes {export:.2f} s "
                      f"(goal < {GOAL_400_ACTIONS:g} s)")
                missed = True
    return missed


# -- the writers on the same cells ------------------------------------------------------------
# openpyxl imports numpy when it is installed; the openpyxl export kept it out (45 ms).
NO_NUMPY = "import sys; sys.modules['numpy'] = None\n"
WRITE = {
    "openpyxl": NO_NUMPY + """
import openpyxl
book = openpyxl.Workbook()
book.remove(book.active)
for name, cells in sheets:
    ws = book.create_sheet(name)
    for row, column, value, number_format in cells:
        cell = ws.cell(row=row, column=column, value=value)
        if number_format != "General":
            cell.number_format = number_format
book.save(target)
""",
    "xlsxwriter": """
import xlsxwriter
book = xlsxwriter.Workbook(target, {"strings_to_formulas": False, "strings_to_urls": False,
                                    "in_memory": True})
formats = {}
for name, cells in sheets:
    ws = book.add_worksheet(name)
    for row, column, value, number_format in cells:
        style = None
        if number_format != "General":
            style = formats.get(number_format)
            if style is None:
                style = formats[number_format] = book.add_format({"num_format": number_format})
        if isinstance(value, str):
            ws.write_string(row - 1, column - 1, value, style)
        else:
            ws.write_number(row - 1, column - 1, value, style)
book.close()
""",
}
CHILD = """import json, sys, time
start = time.perf_counter()
target = sys.argv[2]
sheets = json.load(open(sys.argv[1], encoding="utf-8"))
loaded = time.perf_counter() - start
{write}
print(time.perf_counter() - start - loaded)
"""


def writers(folder: Path, work: Path, runs: int) -> None:
    """openpyxl and XlsxWriter write the same cells (values and number formats of the
    400-action workbook), each in a child process, in turn; import included, reading the
    cells from JSON left out."""
    import openpyxl

    book = work / "cells.xlsx"
    subprocess.run([tool("spapser"), "export", "2015", "--data-dir", str(folder), "-o",
                    str(book)], check=True, capture_output=True)
    sheets = []
    count = 0
    for ws in openpyxl.load_workbook(book).worksheets:
        cells = [(c.row, c.column, c.value, c.number_format) for row in ws.iter_rows()
                 for c in row if isinstance(c.value, int | float | str)]
        count += len(cells)
        sheets.append((ws.title, cells))
    source = work / "cells.json"
    source.write_text(json.dumps(sheets), encoding="utf-8")
    times: dict[str, list[float]] = {name: [] for name in WRITE}
    for _ in range(runs):
        for name, code in WRITE.items():
            done = subprocess.run([sys.executable, "-c", CHILD.format(write=code), str(source),
                                   str(work / f"{name}.xlsx")],
                                  capture_output=True, text=True, check=True)
            times[name].append(float(done.stdout))
    medians = {name: statistics.median(t) for name, t in times.items()}
    print(f"\nthe same {count:,} cells (400 actions), import + write + save, median of {runs}:")
    for name, seconds in medians.items():
        print(f"  {name:<11} {seconds:>7.3f} s  {seconds / count * 1e6:>6.1f} µs/cell")
    print(f"  openpyxl / XlsxWriter: {medians['openpyxl'] / medians['xlsxwriter']:.2f}x")
    bare = [[sys.executable, "-c", "pass"], [sys.executable, "-c", NO_NUMPY + "import openpyxl"],
            [sys.executable, "-c", "import xlsxwriter"]]
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled modules, as an installed spapser has
    imports = alternating_medians([(c, env) for c in bare], max(runs, 15))
    print(f"  import alone: openpyxl {imports[1] / imports[0]:.1f}x, XlsxWriter "
          f"{imports[2] / imports[0]:.1f}x `python -c pass` ({imports[0] * 1e3:.1f} ms)")


if __name__ == "__main__":
    main()
