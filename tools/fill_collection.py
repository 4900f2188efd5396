"""Fill a collection workbook as a pilot direction would, for demonstrations and the README.

    python tools/fill_collection.py reports/collecte-2017.xlsx fleet-bookings=-4 \\
        charging-points=vingt paper-consumption/fsc=73190

Each `ID[/CATEGORY]=VALUE` goes into the « Valeur YEAR » cell of the row whose hidden ids
(column « variable », or « indicateur » for a published figure, and « catégorie ») match;
a value that reads as a number is written as one, anything else as text, as someone typing
into Excel would. The workbook is written
back in place. A pilot's real workbook comes from `spapser template YEAR`; this script only
saves typing it in by hand.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import openpyxl

HEADER_ROW = 4  # the row of column titles in every data sheet of the template


def typed(text: str) -> float | int | str:
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


def fill(path: Path, values: dict[tuple[str, str], float | int | str]) -> None:
    try:
        workbook = openpyxl.load_workbook(path)
    except (OSError, ValueError, KeyError) as exc:  # missing, unreadable, not a workbook
        sys.exit(f"{path}: cannot open it as a workbook: {exc}")
    found: set[tuple[str, str]] = set()
    for ws in workbook.worksheets:
        headers = {c.value: c.column for c in ws[HEADER_ROW] if isinstance(c.value, str)}
        value_columns = [c for h, c in headers.items() if h.startswith("Valeur ")]
        if "variable" not in headers or not value_columns:
            continue  # the instructions sheet
        for row in range(HEADER_ROW + 1, ws.max_row + 1):
            ids = {h: str(ws.cell(row, headers[h]).value or "")
                   for h in ("variable", "indicateur", "catégorie") if h in headers}
            key = (ids.get("variable") or ids.get("indicateur", ""), ids.get("catégorie", ""))
            if key in values:
                ws.cell(row, value_columns[0]).value = values[key]
                found.add(key)
    missing = set(values) - found
    if missing:
        sys.exit(f"{path}: no row for {', '.join('/'.join(k).strip('/') for k in missing)}")
    partial = path.with_name(f".{path.name}.tmp")
    workbook.save(partial)
    os.replace(partial, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workbook", type=Path)
    parser.add_argument("values", nargs="+", metavar="ID[/CATEGORY]=VALUE")
    args = parser.parse_args()
    values: dict[tuple[str, str], float | int | str] = {}
    for item in args.values:
        name, _, value = item.partition("=")
        variable, _, category = name.partition("/")
        values[(variable, category)] = typed(value)
    fill(args.workbook, values)


if __name__ == "__main__":
    main()
