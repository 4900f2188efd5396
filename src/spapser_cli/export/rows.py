"""The cells every sheet shows for a `Result`: value, previous value, change, target, status."""

from __future__ import annotations

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
    return [num(target.value, result.unit, prefix=sign, exact=True), target.year]


def comment(result: Result) -> str | None:
    """The words that explain a row: the assessment of a qualitative indicator, or why a
    value is missing."""
    if result.text:
        return result.text
    if result.reason and (result.value is None or result.kind == "milestone"):
        return f"non disponible : {reason_fr(result.reason)}"
    return None



def result_cells(result: Result) -> list[CellValue | Val]:
    """Unit, value N, value N-1, change, target, due year, status, provenance, comment."""
    return [unit_label(result.unit), value_cell(result), num(result.previous, result.unit),
            num(result.change, result.unit, signed=True, points=True), *target_cells(result),
            Val(STATUS_FR[result.status], status=result.status),
            PROVENANCE_FR.get(result.provenance or "", ""), comment(result)]


def result_columns(year: int) -> list[Column]:
    return [Column("Unité", 10), Column(f"Valeur {year}", 13), Column(f"Valeur {year - 1}", 13),
            Column(f"Évolution {year - 1}-{year}", 13), Column("Cible", 11),
            Column("Échéance", 10), Column("Statut", 15), Column("Provenance", 12),
            Column("Commentaire", 45, wrap=True)]


def pilots(action: Action) -> str:
    return "\n".join(action.pilots)


def lead_pilot(action: Action) -> str:
    """The first pilot direction, and how many others share the piloting."""
    others = len(action.pilots) - 1
    return action.pilots[0] + (f" (+{others})" if others else "")
