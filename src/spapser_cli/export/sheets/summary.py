"""The *Synthèse* sheet: one row per indicator of the summary year."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from openpyxl.worksheet.worksheet import Worksheet

from spapser_cli.export.cells import CENTRE, CellValue, Column, Val, write_table
from spapser_cli.export.rows import lead_pilot, result_cells, result_columns

if TYPE_CHECKING:
    from spapser_cli.export.bilan import Bilan


def add_summary_sheet(ws: Worksheet, bilan: Bilan) -> None:
    """One row per indicator of the summary year, in the scheme's order."""
    catalog, year = bilan.catalog, bilan.year
    axis_word, objective_word = catalog.words()
    columns = [Column(axis_word, 6, alignment=CENTRE), Column(objective_word, 9),
               Column("Action", 8), Column("Pilote", 30, wrap=True),
               Column("Indicateur", 30, wrap=True), Column("Libellé", 45, wrap=True),
               *result_columns(year, bilan.summary.results),
               Column(f"Évaluée en {year}", 11, alignment=CENTRE)]
    evaluated = bilan.evaluated

    def rows() -> Iterator[list[CellValue | Val]]:
        for result in bilan.summary.results:
            action = catalog.actions[result.action]
            yield [action.axis, f"{action.axis}-{action.objective}", action.code,
                   lead_pilot(action), result.id, result.label, *result_cells(result),
                   "oui" if action.code in evaluated else None]

    write_table(ws, columns, rows())
    ws.sheet_properties.tabColor = "1F4E78"
