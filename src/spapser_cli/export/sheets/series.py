"""The *Séries* sheet: every quantitative indicator × every year, with its target row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spapser_cli.export.cells import (
    CENTRE,
    HEADER_ALIGN,
    HEADER_FILL,
    HEADER_FONT,
    CellValue,
    Column,
    Sheet,
    Val,
    put,
    unit_label,
    write_table,
)
from spapser_cli.export.labels import UNCOMPUTED_KINDS
from spapser_cli.export.rows import target_cells, value_cell

if TYPE_CHECKING:
    from spapser_cli.export.bilan import Bilan


@dataclass(frozen=True)
class SeriesRows:
    """Where an indicator's values (and targets) stand in the series sheet, for its chart."""

    indicator: str
    action: str
    label: str
    kind: str
    unit: str | None
    value_row: int
    target_row: int | None
    first_column: int  # of the years, the header row holding the years themselves
    last_column: int
    values: tuple[float, ...]  # the values shown, to scale the chart

    @property
    def has_values(self) -> bool:
        return bool(self.values)


SERIES_LEAD = [Column("Indicateur", 45, wrap=True), Column("Identifiant", 22, wrap=True),
               Column("Axe", 6, alignment=CENTRE), Column("Action", 8),  # « Axe »: see below
               Column("Unité", 10), Column("Série", 8)]
FIRST_YEAR_COLUMN = len(SERIES_LEAD) + 1


def add_series_sheet(ws: Sheet, bilan: Bilan) -> list[SeriesRows]:
    """Every quantitative indicator × every year of the bilan, its target on the row below."""
    axis_word = bilan.catalog.words()[0]  # the scheme's word for « Axe »
    columns = [*SERIES_LEAD[:2], Column(axis_word, 6, alignment=CENTRE), *SERIES_LEAD[3:],
               *(Column(str(y), 11) for y in bilan.years)]
    last_column = len(columns)
    layout: list[SeriesRows] = []
    rows: list[list[CellValue | Val]] = []
    for action, indicator in bilan.catalog.indicators():
        if indicator.kind in UNCOMPUTED_KINDS:
            continue
        series = bilan.series(indicator.id)
        unit = bilan.catalog.indicator_unit(indicator)
        lead: list[CellValue | Val] = [indicator.label, indicator.id, action.axis, action.code,
                                       unit_label(unit)]
        values = [series.get(y) for y in bilan.years]
        rows.append([*lead, "valeur", *(value_cell(r) if r else None for r in values)])
        value_row = len(rows) + 1  # the header takes row 1
        target_row = None
        if any(r is not None and r.target is not None for r in values):
            rows.append([*lead, "cible",
                         *(target_cells(r)[0] if r else None for r in values)])
            target_row = len(rows) + 1
        layout.append(SeriesRows(indicator.id, action.code, indicator.label, indicator.kind,
                                 unit, value_row, target_row, FIRST_YEAR_COLUMN, last_column,
                                 tuple(r.value for r in values if r and r.value is not None)))
    write_table(ws, columns, rows)
    for index in range(FIRST_YEAR_COLUMN, len(columns) + 1):  # years as numbers, for charts
        put(ws, 1, index, bilan.years[index - FIRST_YEAR_COLUMN], alignment=HEADER_ALIGN,
            font=HEADER_FONT, fill=HEADER_FILL)
    return layout
