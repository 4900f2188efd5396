"""Helpers for the collection tests: copies of the data, filled workbooks by hidden ids."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
from helpers import REPO, run_cli

DATA = REPO / "data"
ID_COLUMNS = ("variable", "catégorie", "indicateur")
HEADER_ROW = 4


def data_copy(tmp_path: Path, source: Path = DATA) -> Path:
    target = tmp_path / "data"
    shutil.copytree(source, target)
    return target


def folder_digest(folder: Path) -> dict[str, str]:
    """Every file of `folder` and the hash of its bytes: to prove nothing was written."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def make_template(data: Path, year: int, target: Path, *extra: str) -> Path:
    result = run_cli(["template", str(year), "--data-dir", str(data), "-o", str(target),
                      *extra])
    assert result.exit_code == 0, result.output
    return target


def columns(ws: Any) -> dict[str, int]:
    """Header text -> 1-based column of a data sheet."""
    return {c.value: c.column for c in ws[HEADER_ROW] if c.value}


def fill(path: Path, year: int, values: dict[tuple[str, str, str], Any],
         *, comments: dict[tuple[str, str, str], str] | None = None,
         edit: Callable[[openpyxl.Workbook], None] | None = None,
         target: Path | None = None) -> Path:
    """Fill the value cells found by their hidden ids (variable, category, indicator)."""
    wb = openpyxl.load_workbook(path)
    found = set()
    for ws in wb.worksheets:
        if ws.sheet_state != "visible" or ws.title == "Mode d'emploi":
            continue
        cols = columns(ws)
        for row in range(HEADER_ROW + 1, ws.max_row + 1):
            key = tuple(ws.cell(row=row, column=cols[c]).value or "" for c in ID_COLUMNS)
            if key in values:
                ws.cell(row=row, column=cols[f"Valeur {year}"]).value = values[key]
                found.add(key)
            if comments and key in comments:
                ws.cell(row=row, column=cols["Commentaire"]).value = comments[key]
    assert found == set(values), set(values) - found
    if edit:
        edit(wb)
    out = target or path.with_name("rempli-" + path.name)
    wb.save(out)
    return out


def cell_of(path: Path, key: tuple[str, str, str], header: str) -> tuple[str, str]:
    """(sheet title, cell coordinate) of a row's cell in a workbook."""
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        if ws.sheet_state != "visible" or ws.title == "Mode d'emploi":
            continue
        cols = columns(ws)
        for row in range(HEADER_ROW + 1, ws.max_row + 1):
            if tuple(ws.cell(row=row, column=cols[c]).value or "" for c in ID_COLUMNS) == key:
                return ws.title, ws.cell(row=row, column=cols[header]).coordinate
    raise AssertionError(f"no row {key}")
