"""The *Synthèse* sheet: the organisation, a head block counting the statuses (overall and
per axis), then one row per indicator of the summary year, its breakdown grouped under it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from spapser_cli.engine import Result
from spapser_cli.export.bilan import workbook_title
from spapser_cli.export.cells import (
    CENTRE,
    HEADER_ALIGN,
    HEADER_FILL,
    HEADER_FONT,
    LINE_HEIGHT,
    TITLE_FONT,
    CellValue,
    Column,
    Grouped,
    Sheet,
    Val,
    estimate_lines,
    num,
    put,
    write_table,
)
from spapser_cli.export.labels import STATUS_FR
from spapser_cli.export.rows import lead_pilot, result_cells, result_columns

if TYPE_CHECKING:
    from spapser_cli.export.bilan import Bilan

STATUS_ORDER = ("met", "on-track", "off-track", "not-met", "no-target", "no-data")
WORDS = {"statuses": "Statuts {year}", "overall": "Ensemble", "total": "Total"}
LABEL_COLUMN = Column("Indicateur", 38, wrap=True)
ID_COLUMN = Column("Identifiant", 16, wrap=True)


def status_counts(results: Sequence[Result]) -> dict[str, int]:
    """How many indicators have each status, every status present (0 when none)."""
    found: Counter[str] = Counter(r.status for r in results)
    return {status: found[status] for status in STATUS_ORDER}


def add_summary_sheet(ws: Sheet, bilan: Bilan) -> None:
    """The head block, then one row per indicator of the summary year in the scheme's
    order, each category of its breakdown on a grouped row under it."""
    catalog, year = bilan.catalog, bilan.year
    axis_word, objective_word = catalog.words()
    columns = [LABEL_COLUMN, ID_COLUMN, Column(axis_word, 6, alignment=CENTRE),
               Column(objective_word, 9), Column("Action", 8),
               Column("Pilote", 15, wrap=True),
               *result_columns(year, bilan.summary.results),
               Column(f"Évaluée en {year}", 9, alignment=CENTRE)]
    evaluated = bilan.evaluated
    value_column = next(i for i, c in enumerate(columns) if c.header == f"Valeur {year}")

    def rows() -> Iterator[list[CellValue | Val]]:
        for result in bilan.summary.results:
            action = catalog.actions[result.action]
            yield [result.label, result.id, action.axis, f"{action.axis}-{action.objective}",
                   action.code, lead_pilot(action), *result_cells(result),
                   "oui" if action.code in evaluated else None]
            exact = result.provenance == "reported"
            for category, value in result.breakdown.items():
                detail: Grouped = Grouped([None] * len(columns))
                detail[0] = Val(f"· {result.categories.get(category, category)}", indent=True)
                detail[value_column] = num(value, result.unit, exact=exact)
                yield detail

    header_row = head_block(ws, bilan, columns)
    write_table(ws, columns, rows(), header_row=header_row)
    # A category row belongs to the row above: the outline's button sits on that row.
    ws.ws.outline_settings(True, False, True, False)
    ws.ws.set_tab_color("#1F4E78")


def head_block(ws: Sheet, bilan: Bilan, columns: Sequence[Column]) -> int:
    """The organisation, the bilan, and the statuses counted overall and per axis. Returns
    the row of the indicators' table header."""
    put(ws, 1, 1, bilan.catalog.scheme.organisation, font=TITLE_FONT)
    put(ws, 2, 1, Val(workbook_title(bilan), bold=True))
    header = 4
    labels = [WORDS["statuses"].format(year=bilan.year),
              *(STATUS_FR[s] for s in STATUS_ORDER), WORDS["total"]]
    for index, label in enumerate(labels, start=1):
        put(ws, header, index, label, alignment=HEADER_ALIGN, font=HEADER_FONT,
            fill=HEADER_FILL)
    ws.set_height(header, LINE_HEIGHT * max(
        estimate_lines(label, columns[i].width) for i, label in enumerate(labels)))
    results = bilan.summary.results
    axis_word = bilan.catalog.words()[0]
    groups = [(WORDS["overall"], results)] + [
        (f"{axis_word} {axis.number} — {axis.title}",
         [r for r in results if bilan.catalog.actions[r.action].axis == axis.number])
        for axis in bilan.catalog.scheme.axes]
    row = header
    for name, group in groups:
        row += 1
        counts = status_counts(group)
        put(ws, row, 1, Val(name, bold=row == header + 1))
        for index, (status, count) in enumerate(counts.items(), start=2):
            put(ws, row, index, Val(count, status=status if count else None),
                alignment=CENTRE)
        put(ws, row, len(labels), Val(len(group), bold=True), alignment=CENTRE)
    return row + 2
