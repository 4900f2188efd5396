"""The *Marchés* sheet: the law's indicators of the bilan's year from the contract register,
their breakdowns, a chart, and the contracts without an environmental consideration.

Present only when the year has contracts (data/contracts/). Figures are the engine's
(`engine.contracts.ContractsReport`), written as `spapser contracts YEAR --format json`
gives them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spapser_cli.export.cells import (
    MUTED_FONT,
    TITLE_FONT,
    Column,
    Sheet,
    Val,
    cm_to_pixels,
    num,
    put,
    put_row,
    set_widths,
    write_header,
)
from spapser_cli.export.labels import STATUS_FR

if TYPE_CHECKING:
    from spapser_cli.engine.contracts import ContractsReport, LegalScope

CONTRACTS_SHEET = "Marchés"
# What the readers see, in French, in one place.
LABELS_FR = {
    "title": "Marchés notifiés en {year} : indicateurs de l'article L.2111-3 du code de la "
             "commande publique (en nombre de contrats et en valeur)",
    "value_note": "En valeur : montant forfaitaire ou estimé maximum HT des contrats notifiés "
                  "(modifications comprises), non les dépenses. Un montant de 10 milliards "
                  "d'euros ou plus est tenu pour une erreur de saisie : compté en nombre, "
                  "exclu des taux en valeur.",
    "read": "{kept} contrat(s) lus dans {files} fichier(s) DECP ; {duplicates} republication(s) "
            "écartée(s) (la dernière publication compte).",
    "all": "Tous les acheteurs",
    "breakdowns": "Ventilations",
    "chart": "Parts des contrats de {year} (tous les acheteurs)",
    "missing": "Contrats de {year} sans considération environnementale",
    "missing_note": "Depuis le 21 août 2026, tout nouveau contrat doit prendre en compte son "
                    "impact environnemental. Les DECP ne donnent pas la date de lancement de "
                    "la consultation : la date de notification en tient lieu.",
    "none": "Aucun contrat sans considération environnementale.",
    "number": "en nombre", "value": "en valeur",
    "kind": "type de considération", "ccag": "CCAG",
}
KINDS_FR = {"clause": "clause", "criterion": "critère", "reserved": "marché réservé"}
INDICATORS_FR = {
    "contracts-notified": "Contrats notifiés",
    "contracts-notified-value": "Montant des contrats notifiés",
    "contracts-environmental-share": "Part avec une considération environnementale",
    "contracts-environmental-value-share": "Part avec une considération environnementale",
    "contracts-social-share": "Part avec une considération sociale",
    "contracts-social-value-share": "Part avec une considération sociale",
    "contracts-reserved-share": "Part des marchés réservés",
    "contracts-reserved-value-share": "Part des marchés réservés",
    "contracts-innovative-share": "Part des marchés innovants (parmi les marchés)",
    "contracts-innovative-value-share": "Part des marchés innovants (parmi les marchés)",
}
CHART_ROWS = (("Considération environnementale", "contracts-environmental"),
              ("Considération sociale", "contracts-social"),
              ("Marchés réservés", "contracts-reserved"),
              ("Marchés innovants", "contracts-innovative"))

LEGAL_COLUMNS = [Column("Périmètre", 22), Column("Indicateur", 36), Column("Libellé", 44,
                 wrap=True), Column("Base", 11), Column("Valeur", 14), Column("Numérateur", 16),
                 Column("Dénominateur", 16), Column("Cible", 30, wrap=True),
                 Column("Statut", 16)]
MISSING_COLUMNS = ["Acheteur (SIRET)", "Identifiant", "Notification", "Objet", "Montant HT",
                   "CCAG", "Après le 21/08/2026"]


def _scope(scope: LegalScope) -> str:
    return LABELS_FR["all"] if scope.buyer is None else scope.buyer


def add_contracts_sheet(ws: Sheet, report: ContractsReport) -> None:
    """The legal indicators (every scope), their breakdowns, a chart, then the list."""
    year = report.year
    put(ws, 1, 1, LABELS_FR["title"].format(year=year), font=TITLE_FONT)
    kept = report.overall.results[0].figure.value or 0
    put(ws, 2, 1, LABELS_FR["read"].format(kept=int(kept), files=len(report.files),
                                           duplicates=report.duplicates), font=MUTED_FONT)
    put(ws, 3, 1, LABELS_FR["value_note"], font=MUTED_FONT)
    row = 5
    write_header(ws, row, LEGAL_COLUMNS)
    ws.freeze(6)
    for scope in report.scopes:
        for result in scope.results:
            figure = result.figure
            unit = "%" if figure.unit == "%" else ("€ HT" if figure.unit == "€ HT" else None)
            part_unit = "€ HT" if figure.basis == "value" else None
            target = result.target
            row += 1
            put_row(ws, row, [
                _scope(scope), figure.id, INDICATORS_FR.get(figure.id, figure.label),
                LABELS_FR[figure.basis], num(figure.value, unit), num(figure.part, part_unit),
                num(figure.whole, part_unit),
                f"{target.value:g} % en {target.year} ({target.text})" if target else None,
                Val(STATUS_FR[result.status], status=result.status)], LEGAL_COLUMNS)
    set_widths(ws, LEGAL_COLUMNS)

    row += 2
    put(ws, row, 1, LABELS_FR["breakdowns"], font=TITLE_FONT)
    row += 1
    breakdown_columns = [Column("Périmètre", 22), Column("Indicateur", 36),
                         Column("Ventilation", 44), Column("Catégorie", 11),
                         Column("Valeur", 14)]
    write_header(ws, row, breakdown_columns)
    for scope in report.scopes:
        for result in scope.results:
            figure = result.figure
            unit = "%" if figure.unit == "%" else ("€ HT" if figure.unit == "€ HT" else None)
            for name, parts in (("kind", figure.by_kind), ("ccag", figure.by_ccag)):
                for category, value in parts.items():
                    row += 1
                    label = KINDS_FR.get(category, category) if name == "kind" else category
                    put_row(ws, row, [_scope(scope), figure.id, LABELS_FR[name], label,
                                      num(value, unit)])

    row = _chart(ws, report, row + 2)
    _missing(ws, report, row + 2)


def _chart(ws: Sheet, report: ContractsReport, row: int) -> int:
    """A small table of the main shares (all buyers), and a bar chart that reads it."""
    values = {r.figure.id: r.figure.value for r in report.overall.results}
    put(ws, row, 1, LABELS_FR["chart"].format(year=report.year), font=TITLE_FONT)
    header = row + 1
    write_header(ws, header, [Column("Part", 22), Column(LABELS_FR["number"], 36),
                              Column(LABELS_FR["value"], 44)])
    for offset, (label, stem) in enumerate(CHART_ROWS, start=1):
        put_row(ws, header + offset, [label, num(values.get(f"{stem}-share"), "%"),
                                      num(values.get(f"{stem}-value-share"), "%")])
    last = header + len(CHART_ROWS)
    chart = ws.book.add_chart({"type": "bar"})
    for column in (1, 2):  # in number, in value
        chart.add_series({"name": [ws.title, header - 1, column],
                          "categories": [ws.title, header, 0, last - 1, 0],
                          "values": [ws.title, header, column, last - 1, column]})
    chart.set_title({"name": LABELS_FR["chart"].format(year=report.year)})
    # In a bar chart the horizontal axis holds the values: XlsxWriter calls it x.
    chart.set_x_axis({"name": "%", "min": 0, "max": 100})
    chart.set_size({"width": cm_to_pixels(18), "height": cm_to_pixels(8)})
    ws.ws.insert_chart(row - 1, 4, chart)  # E{row}
    return max(last, row + 16)


def _missing(ws: Sheet, report: ContractsReport, row: int) -> None:
    from spapser_cli.contracts.vocabulary import OBLIGATION_DATE

    put(ws, row, 1, LABELS_FR["missing"].format(year=report.year), font=TITLE_FONT)
    put(ws, row + 1, 1, LABELS_FR["missing_note"], font=MUTED_FONT)
    header = row + 2
    write_header(ws, header, [Column(h, 16) for h in MISSING_COLUMNS])
    frame = report.without_environmental
    if frame.empty:
        put(ws, header + 1, 1, LABELS_FR["none"])
        return
    for offset, r in enumerate(frame.itertuples(index=False), start=1):
        amount = None if r.amount != r.amount else float(r.amount)
        after = "oui" if r.date and r.date >= OBLIGATION_DATE else "non"
        put_row(ws, header + offset, [r.buyer, r.id, r.date, r.object, num(amount, "€ HT"),
                                      r.ccag, after])
