"""The *Données* sheet: every measured and published value, with unit, source and line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spapser_cli.catalog import Catalog
from spapser_cli.export.cells import CellValue, Column, Sheet, Val, num, unit_label, write_table
from spapser_cli.export.labels import MILESTONE_FR, QUALIFIER_FR, QUALIFIER_PREFIX

if TYPE_CHECKING:
    from spapser_cli.export.bilan import Bilan


DATA_COLUMNS = [Column("Libellé", 40, wrap=True), Column("Identifiant", 22, wrap=True),
                Column("Année", 7), Column("Nature", 15), Column("Action", 8),
                Column("Catégorie", 24, wrap=True), Column("Valeur", 13), Column("Unité", 10),
                Column("Qualificatif", 12), Column("Texte ou état", 30, wrap=True),
                Column("Source", 55, wrap=True), Column("Note", 40, wrap=True),
                Column("Fichier", 24, wrap=True)]


def add_data_sheet(ws: Sheet, bilan: Bilan) -> None:
    """Every measured value and every published (reported) value, with unit and source."""
    rows: list[list[CellValue | Val]] = []
    for year in bilan.years:
        rows += measure_rows(bilan.catalog, year)
        rows += reported_rows(bilan.catalog, year)
    # The rows are built year, nature, action, id, label; the sheet leads with the label.
    write_table(ws, DATA_COLUMNS, [[r[4], r[3], *r[:3], *r[5:]] for r in once(rows)])


SOURCE, NOTE = 10, 11  # in the rows as built


def once(rows: list[list[CellValue | Val]]) -> list[list[CellValue | Val]]:
    """The rows, a value's source and note written on its first row only: the categories
    of a measure share them, and repeating a long source on every category row made the
    sheet (and its printout) several times longer."""
    kept: list[list[CellValue | Val]] = []
    previous: list[CellValue | Val] | None = None
    for row in rows:
        if (previous is not None and row[:5] == previous[:5]
                and row[SOURCE:NOTE + 1] == previous[SOURCE:NOTE + 1]):
            kept.append([*row[:SOURCE], None, None, *row[NOTE + 1:]])
        else:
            kept.append(row)
        previous = row
    return kept


def unit_column(unit: str | None) -> str:
    """The Unité column: empty for a percentage, whose cell already shows « % » (else the
    row would read « 0,5 % % »)."""
    return "" if unit == "%" else unit_label(unit)


def _where(catalog: Catalog, year: int, path: tuple[str, ...]) -> str:
    file = catalog.measures_files.get(year, "")
    document = catalog.documents.get(file)
    position = document.position(path) if document else None
    return f"{file}:{position[0]}" if position else file


def measure_rows(catalog: Catalog, year: int) -> list[list[CellValue | Val]]:
    homes = {v.id: code for code, a in catalog.actions.items() for v in a.variables}
    rows: list[list[CellValue | Val]] = []
    for variable_id, measure in catalog.measures[year].measures.items():
        variable = catalog.variable(variable_id)
        labels = {c.id: c.label for c in variable.categories} if variable else {}
        lead: list[CellValue | Val] = [year, "mesure", homes.get(variable_id), variable_id,
                                       variable.label if variable else None]
        tail: list[CellValue | Val] = [unit_column(measure.unit), None, None, measure.source,
                                       measure.note]
        where = _where(catalog, year, ("measures", variable_id))
        if measure.value is not None:
            rows.append([*lead, None, num(measure.value, measure.unit, exact=True), *tail,
                         where])
        for category, value in (measure.values or {}).items():
            at = ("measures", variable_id, "values", category)
            rows.append([*lead, labels.get(category, category),
                         num(value, measure.unit, exact=True), *tail, _where(catalog, year, at)])
        if measure.total is not None:
            total = num(measure.total, measure.unit, exact=True)
            rows.append([*lead, "total publié", total, *tail,
                         _where(catalog, year, ("measures", variable_id, "total"))])
    return rows


def reported_rows(catalog: Catalog, year: int) -> list[list[CellValue | Val]]:
    rows: list[list[CellValue | Val]] = []
    for indicator_id, reported in catalog.measures[year].reported.items():
        indicator = catalog.indicator(indicator_id)
        unit = catalog.indicator_unit(indicator) if indicator else reported.unit
        unit = reported.unit or unit
        categories = ({c.id: c.label for c in catalog.indicator_categories(indicator)}
                      if indicator else {})
        home = catalog.indicator_action(indicator_id).code if indicator else None
        lead: list[CellValue | Val] = [year, "valeur publiée", home, indicator_id,
                                       indicator.label if indicator else None]
        qualifier = QUALIFIER_FR.get(reported.qualifier, reported.qualifier) or None
        state = reported.text or MILESTONE_FR.get(reported.status or "")
        where = _where(catalog, year, ("reported", indicator_id))
        prefix = QUALIFIER_PREFIX.get(reported.qualifier, "")
        if reported.value is not None or state or not reported.breakdown:
            rows.append([*lead, None, num(reported.value, unit, prefix=prefix, exact=True),
                         unit_column(unit), qualifier, state, reported.source, reported.note,
                         where])
        for category, value in reported.breakdown.items():
            rows.append([*lead, categories.get(category, category), num(value, unit, exact=True),
                         unit_column(unit), qualifier, None, reported.source, reported.note,
                         _where(catalog, year, ("reported", indicator_id, "breakdown",
                                                category))])
    return rows
