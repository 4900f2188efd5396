"""The cells every sheet shows for a `Result`: value, previous value, change, target, status."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spapser_cli.engine import Result
from spapser_cli.export.cells import CellValue, Column, Val, num, unit_label
from spapser_cli.export.labels import (
    MILESTONE_FR,
    PROVENANCE_FR,
    QUALIFIER_PREFIX,
    STATUS_FR,
    reason_fr,
)

if TYPE_CHECKING:
    from spapser_cli.read.models import Action  # the catalog holds records with the models' fields


def value_cell(result: Result) -> Val:
    if result.kind == "milestone":
        return Val(MILESTONE_FR.get(result.milestone or ""))
    return num(result.value, result.unit, prefix=QUALIFIER_PREFIX.get(result.qualifier, ""),
               exact=result.provenance == "reported")


def target_cells(result: Result) -> list[CellValue | Val]:
    target = result.target
    if target is None:
        return [None, None]
    sign = "≥ " if target.direction == "at-least" else "≤ "
    of = f"{target.category} " if target.category else ""  # a target for one category
    return [num(target.value, result.unit, prefix=of + sign, exact=True), target.year]


def comment(result: Result) -> str | None:
    """The words that explain a row: the assessment of a qualitative indicator, why a value
    is missing, and what a French reader must know to read it (the year the previous value
    is from, a target relative to a reference year, a milestone carried forward)."""
    if result.text:
        return result.text
    notes = []
    if result.reason and (result.value is None or result.kind == "milestone"):
        notes.append(f"non disponible : {reason_fr(result.reason)}")
    if result.carried_from:
        notes.append(f"réalisé en {result.carried_from}, reporté")
    if result.previous_year is not None and result.previous_year != result.year - 1:
        notes.append(f"valeur précédente : {result.previous_year}")
    if result.compared_with is not None and result.compared_with != result.year - 1:
        notes.append(f"évolution calculée par rapport à {result.compared_with}")
    target = result.target
    if target is not None and target.change is not None:
        amount = (f"{target.change:+g} points".replace(".", ",")
                  if target.change_unit == "points" else
                  f"{target.change:+g} %".replace(".", ","))
        notes.append(f"cible : {amount} par rapport à {target.reference_year}")
    if result.breakdown_reason:
        notes.append(f"détail non disponible : {reason_fr(result.breakdown_reason)}")
    return " ; ".join(notes) or None



def result_cells(result: Result) -> list[CellValue | Val]:
    """Unit, value N, value N-1, change, target, due year, status, provenance, comment."""
    unit = unit_label(result.unit)
    if result.cumulative:  # a stock at the end of the year, never to be read as a flow
        unit = f"{unit} (cumul fin d'année)" if unit else "cumul fin d'année"
    return [unit, value_cell(result), num(result.previous, result.unit),
            num(result.change, result.unit, signed=True, points=True), *target_cells(result),
            Val(STATUS_FR[result.status], status=result.status),
            PROVENANCE_FR.get(result.provenance or "", ""), comment(result)]


def result_columns(year: int, results: Sequence[Result] = ()) -> list[Column]:
    """The headers of `result_cells`. The previous value is N-1's unless a gap in the years
    makes it an earlier one: the header then says « précédente » and the comment the year."""
    gaps = any(r.previous_year not in (None, year - 1) for r in results)
    previous = "Valeur précédente" if gaps else f"Valeur {year - 1}"
    change = "Évolution" if gaps else f"Évolution {year - 1}-{year}"
    # Narrow enough for a sheet to print on A4 landscape at a readable scale.
    return [Column("Unité", 10, wrap=True), Column(f"Valeur {year}", 11), Column(previous, 11),
            Column(change, 12), Column("Cible", 10),
            Column("Échéance", 9), Column("Statut", 13), Column("Provenance", 11),
            Column("Commentaire", 29, wrap=True)]


def pilots(action: Action) -> str:
    return "\n".join(action.pilots)


def lead_pilot(action: Action) -> str:
    """The first pilot direction, and how many others share the piloting."""
    others = len(action.pilots) - 1
    return action.pilots[0] + (f" (+{others})" if others else "")
