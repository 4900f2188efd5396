"""The *Contrôles* sheet: validation warnings and gaps between published and computed values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spapser_cli.export.cells import CellValue, Column, Sheet, Val, write_table
from spapser_cli.export.labels import SEVERITY_FR
from spapser_cli.problems import Problem

if TYPE_CHECKING:
    from spapser_cli.export.bilan import Bilan


CHECK_COLUMNS = [Column("Origine", 22), Column("Gravité", 14), Column("Code", 22),
                 Column("Année", 7), Column("Fichier", 30), Column("Ligne", 7),
                 Column("Colonne", 9), Column("Message", 90, wrap=True)]


def add_checks_sheet(ws: Sheet, bilan: Bilan) -> None:
    """Validation warnings of the data folder, then the gaps between published and computed
    values that the engine found."""
    rows: list[list[CellValue | Val]] = []
    seen: set[tuple[object, ...]] = set()

    def add(origin: str, year: int | None, problem: Problem) -> None:
        key = (problem.file, problem.line, problem.column, problem.code, problem.message)
        if key in seen:
            return
        seen.add(key)
        rows.append([origin, Val(SEVERITY_FR.get(problem.severity, problem.severity),
                                 status="off-track"), problem.code, year, problem.file,
                     problem.line, problem.column, problem.message])

    for problem in bilan.warnings:
        add("validation", None, problem)
    for year, problem in bilan.gaps():
        add("écart publié / calculé", year, problem)
    if not rows:
        rows.append(["contrôles", Val("aucune anomalie", status="met"), None, None, None,
                     None, None, "Aucun avertissement de validation, aucun écart entre valeurs "
                     "publiées et calculées."])
    write_table(ws, CHECK_COLUMNS, rows)
