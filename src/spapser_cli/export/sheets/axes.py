"""One sheet per axis: each action sheet's key fields, then its indicators for the year."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spapser_cli.catalog import Catalog
from spapser_cli.engine import Result
from spapser_cli.export.cells import (
    BAND_FILL,
    BOLD,
    LINE_HEIGHT,
    SECTION_FILL,
    TITLE_FONT,
    TOP,
    WRAP,
    Column,
    Fill,
    Sheet,
    Val,
    estimate_lines,
    num,
    put,
    put_merged,
    put_row,
    set_widths,
    write_header,
)
from spapser_cli.export.labels import KIND_FR
from spapser_cli.export.rows import pilots, result_cells, result_columns

if TYPE_CHECKING:
    from spapser_cli.export.bilan import Bilan
    from spapser_cli.read.models import Action  # the catalog holds records with the models' fields


AXIS_COLUMNS_LEAD = [Column("Indicateur", 38, wrap=True), Column("Identifiant", 16, wrap=True),
                     Column("Type", 11, wrap=True)]


def add_axis_sheet(ws: Sheet, bilan: Bilan, number: int) -> None:
    """The axis's action sheets: their key fields, then their indicators for the year
    (qualitative ones included, with their breakdowns)."""
    catalog = bilan.catalog
    axis = catalog.axis(number)
    assert axis is not None
    columns = [*AXIS_COLUMNS_LEAD, *result_columns(bilan.year, bilan.summary.results),
               Column("Note", 28, wrap=True)]
    set_widths(ws, columns)
    axis_word, objective_word = catalog.words()
    put(ws, 1, 1, f"{axis_word} {axis.number} — {axis.title}", font=TITLE_FONT)
    row = 2
    if axis.summary:
        row = merged_text(ws, row, axis.summary, columns) + 1
    by_action: dict[str, list[Result]] = {}
    for result in bilan.summary.results:
        by_action.setdefault(result.action, []).append(result)
    for objective in axis.objectives:
        row += 1
        title = f"{objective_word} {axis.number}-{objective.number} — {objective.title}"
        row = merged_text(ws, row, Val(title, bold=True), columns, fill=SECTION_FILL) + 1
        for code in objective.actions:
            action = catalog.actions.get(code)
            if action is not None:
                row = action_block(ws, row, bilan, action, by_action.get(code, []), columns)
    ws.freeze(2)


def merged_text(ws: Sheet, row: int, text: str | Val, columns: Sequence[Column], *,
                first_column: int = 1, fill: Fill | None = None) -> int:
    """Write `text` in a cell merged up to the last column, wrapped, and size the row (the
    merged range takes its look from that first cell)."""
    written = put_merged(ws, row, first_column, len(columns), text, alignment=WRAP, fill=fill)
    width = sum(c.width for c in columns[first_column - 1:])
    if isinstance(written, str):
        ws.set_height(row, LINE_HEIGHT * estimate_lines(written, width))
    return row


def action_fields(catalog: Catalog, action: Action) -> list[tuple[str, str]]:
    """The sheet's key fields, as label and text; empty ones left out."""
    objective = catalog.objective(action.axis, action.objective)
    schedule = [f"{item.text} ({item.due})" if item.due else item.text
                for item in action.schedule]
    evaluation = catalog.scheme.evaluation
    planned = [str(p.year) for p in (evaluation.plan if evaluation else [])
               if action.code in p.actions]
    fields = [
        (catalog.words()[1], f"{action.axis}-{action.objective} · {objective.title}"
         if objective else ""),
        ("Pilotage", pilots(action)),
        ("Objectif de l'action", "\n".join(action.purpose)),
        ("Directions impactées", "\n".join(action.impacted_directions)),
        ("Partenaires", "\n".join(action.partners)),
        ("Calendrier", "\n".join(schedule)),
        ("Méthodes d'évaluation", "\n".join(action.evaluation_methods)),
        ("Évaluation par le comité", ", ".join(planned)),
        ("Description", action.summary),
        ("Remarques", "\n".join(action.notes)),
    ]
    return [(label, text) for label, text in fields if text]


def action_block(ws: Sheet, row: int, bilan: Bilan, action: Action,
                 results: list[Result], columns: Sequence[Column]) -> int:
    """One action: a title row, its fields, its indicators. Returns the next free row."""
    put(ws, row, 1, Val(action.code, bold=True), alignment=TOP, fill=BAND_FILL)
    merged_text(ws, row, Val(action.title, bold=True), columns, first_column=2, fill=BAND_FILL)
    for label, text in action_fields(bilan.catalog, action):
        row += 1
        put(ws, row, 1, Val(label, muted=True), alignment=TOP)
        merged_text(ws, row, text, columns, first_column=2)
    row += 1
    write_header(ws, row, columns, fill=BAND_FILL, font=BOLD)
    for result in results:
        row += 1
        put_row(ws, row, [result.label, result.id, KIND_FR.get(result.kind, result.kind),
                          *result_cells(result), result.note], columns)
        exact = result.provenance == "reported"
        for category, value in result.breakdown.items():
            row += 1
            label = result.categories.get(category, category)
            put(ws, row, 1, Val(f"· {label}", indent=True))
            put(ws, row, 5, num(value, result.unit, exact=exact))
    if not results:
        row += 1
        put(ws, row, 1, Val("Aucun indicateur", muted=True))
    return row + 2
