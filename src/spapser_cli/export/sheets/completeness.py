"""The *Complétude* sheet: which figures of the bilan's year are in, action by action, and
which actions the evaluation plan evaluates that year (the same as `spapser status`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spapser_cli.export.cells import CENTRE, CellValue, Column, Sheet, Val, write_table

if TYPE_CHECKING:
    from spapser_cli.collect.status import ActionStatus
    from spapser_cli.export.bilan import Bilan

STATE_FR = {"filled": "renseigné", "partial": "incomplet", "not-measured": "non mesuré",
            "missing": "manquant"}


def add_completeness_sheet(ws: Sheet, bilan: Bilan) -> None:
    report = bilan.completeness
    year = report.year
    columns = [Column("Action", 8), Column("Intitulé", 36, wrap=True),
               Column("Pilote", 20, wrap=True), Column(f"Évaluée en {year}", 11,
                                                       alignment=CENTRE),
               Column("État", 16), Column("Indicateurs renseignés", 12),
               Column("Indicateurs manquants", 32, wrap=True),
               Column("Données manquantes", 32, wrap=True),
               Column("Non mesurés", 24, wrap=True)]

    def row(action: ActionStatus) -> list[CellValue | Val]:
        missing = [i.id for i in action.indicators if i.state in ("missing", "partial")]
        variables = [v.id + (f" ({', '.join(v.missing)})" if v.missing else "")
                     for v in action.variables if v.state in ("missing", "partial")]
        unmeasured = [i.id for i in (*action.indicators, *action.variables)
                      if i.state == "not-measured"]
        filled = sum(i.state == "filled" for i in action.indicators)
        state = (Val("complète", status="met") if action.complete else
                 Val(f"{len(missing)} manquant(s)", status="off-track" if action.due else None))
        return [action.code, action.title, action.pilot, "oui" if action.due else None, state,
                f"{filled}/{len(action.indicators)}", "\n".join(missing) or None,
                "\n".join(variables) or None, "\n".join(unmeasured) or None]

    shown = [a for a in report.actions if not bilan.only_evaluated or a.due]
    write_table(ws, columns, [row(a) for a in shown])
