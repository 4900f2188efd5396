"""The sheets of the bilan workbook, one function each, fed by a `Bilan` (the engine's results).

Layout only: every figure comes from a `Result`, a measure or a reported value as the data
gives it. Sheet titles, headers and labels are in French, for the readers of the bilan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from . import __version__
from .catalog import Catalog
from .engine import Result
from .export import Bilan
from .export_charts import add_chart_sheet
from .export_xl import (
    BAND_FILL,
    BOLD,
    CENTRE,
    LINE_HEIGHT,
    SECTION_FILL,
    TITLE_FONT,
    TOP,
    WRAP,
    WRAP_LEFT,
    CellValue,
    Column,
    Val,
    clean_text,
    estimate_lines,
    merge_row,
    num,
    put,
    put_row,
    set_widths,
    setup_print,
    sheet_title,
    unit_label,
    write_header,
    write_table,
)
from .problems import Problem

if TYPE_CHECKING:
    from .models import Action  # the catalog holds records with the models' fields

STATUS_FR = {
    "met": "atteint",
    "not-met": "non atteint",
    "on-track": "en bonne voie",
    "off-track": "en retard",
    "no-target": "sans cible",
    "no-data": "non disponible",
}
PROVENANCE_FR = {"computed": "calculé", "reported": "publié"}
MILESTONE_FR = {"done": "réalisé", "in-progress": "en cours", "not-started": "non commencé"}
KIND_FR = {
    "value": "valeur",
    "difference": "écart N − N-1",
    "change": "évolution N / N-1",
    "ratio": "ratio",
    "share": "part",
    "rate": "taux",
    "qualitative": "qualitatif",
    "milestone": "jalon",
}
UNCOMPUTED_KINDS = ("qualitative", "milestone")  # assessed in words: no series, no chart
QUALIFIER_PREFIX = {"more-than": "> ", "less-than": "< ", "about": "≈ "}
QUALIFIER_FR = {"exact": "", "more-than": "plus de", "less-than": "moins de",
                "about": "environ"}

SUMMARY = "Synthèse"
SERIES = "Séries"
DATA = "Données"
CHECKS = "Contrôles"
ABOUT = "À propos"


def build_workbook(bilan: Bilan) -> Workbook:
    """The whole workbook, sheets in reading order, ready to save."""
    workbook = Workbook()
    title = workbook_title(bilan)
    summary_sheet = workbook.active
    assert summary_sheet is not None
    summary_sheet.title = SUMMARY
    add_summary_sheet(summary_sheet, bilan)
    for axis in bilan.catalog.scheme.axes:
        name = sheet_title(f"Axe {axis.number}", workbook.sheetnames)
        add_axis_sheet(workbook.create_sheet(name), bilan, axis.number)
    rows = add_series_sheet(workbook.create_sheet(SERIES), bilan)
    add_chart_sheet(workbook, workbook[SERIES], rows, bilan)
    add_data_sheet(workbook.create_sheet(DATA), bilan)
    add_checks_sheet(workbook.create_sheet(CHECKS), bilan)
    add_about_sheet(workbook.create_sheet(ABOUT), bilan)
    for sheet in workbook.worksheets:
        setup_print(sheet, title, repeat_header=sheet.freeze_panes == "A2")
    set_properties(workbook, bilan, title)
    return workbook


def workbook_title(bilan: Bilan) -> str:
    kind = "Bilan global" if bilan.plan.global_bilan else "Bilan"
    return f"{kind} {bilan.plan.label} — {bilan.catalog.scheme.title}"


# -- cells shared by the sheets -----------------------------------------------------------------
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


# The engine's reasons for a missing value (in English, like the CLI), in French: the shapes
# the engine writes, matched whole; any other reason stays as the engine wrote it.
_YEAR = r"(?P<year>\d{4})"
_VARIABLE = r"(?P<variable>[a-z0-9]+(?:-[a-z0-9]+)*)"  # an id, as the models define it
REASONS_FR: list[tuple[re.Pattern[str], str]] = [
    (re.compile(pattern), french) for pattern, french in [
        (rf"no measures for {_YEAR}", "aucune mesure pour {year}"),
        (rf"nothing reported for {_YEAR}", "rien n'a été publié pour {year}"),
        (r"no assessment reported", "aucune appréciation publiée"),
        (r"only a breakdown was reported", "seule la ventilation a été publiée"),
        (rf"{_VARIABLE} not measured in {_YEAR}", "pas de mesure pour {variable} en {year}"),
        (rf"{_VARIABLE} has no value for (?P<categories>.+) in {_YEAR}",
         "pas de valeur pour {variable} ({categories}) en {year}"),
        (rf"division by zero: {_VARIABLE} is 0 in {_YEAR}",
         "division par zéro : {variable} vaut 0 en {year}"),
        (r"(?P<kind>[a-z]+) indicators are not computed", "indicateur non calculé ({kind})"),
    ]
]
PREVIOUS_YEAR = "no previous year: "


def reason_fr(reason: str) -> str:
    """Why a value is missing, in French when the engine's reason has a known shape; else
    the engine's words, whole (not half translated)."""
    return _translated(reason) or reason


def _translated(reason: str) -> str | None:
    if reason.startswith(PREVIOUS_YEAR):
        inner = _translated(reason[len(PREVIOUS_YEAR):])
        return None if inner is None else f"pas de valeur l'année précédente ({inner})"
    for pattern, french in REASONS_FR:
        match = pattern.fullmatch(reason)
        if match:
            groups = match.groupdict()
            if "kind" in groups:
                groups["kind"] = KIND_FR.get(groups["kind"], groups["kind"])
            return french.format(**groups)
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


# -- Synthèse -----------------------------------------------------------------------------------
def add_summary_sheet(ws: Worksheet, bilan: Bilan) -> None:
    """One row per indicator of the summary year, in the scheme's order."""
    catalog, year = bilan.catalog, bilan.year
    columns = [Column("Axe", 6, alignment=CENTRE), Column("Objectif", 9), Column("Action", 8),
               Column("Pilote", 30, wrap=True), Column("Indicateur", 30, wrap=True),
               Column("Libellé", 45, wrap=True), *result_columns(year)]

    def rows() -> Iterator[list[CellValue | Val]]:
        for result in bilan.summary.results:
            action = catalog.actions[result.action]
            yield [action.axis, f"{action.axis}-{action.objective}", action.code,
                   lead_pilot(action), result.id, result.label, *result_cells(result)]

    write_table(ws, columns, rows())
    ws.sheet_properties.tabColor = "1F4E78"


# -- Axe n --------------------------------------------------------------------------------------
AXIS_COLUMNS_LEAD = [Column("Indicateur", 32, wrap=True), Column("Libellé", 42, wrap=True),
                     Column("Type", 15)]


def add_axis_sheet(ws: Worksheet, bilan: Bilan, number: int) -> None:
    """The axis's action sheets: their key fields, then their indicators for the year
    (qualitative ones included, with their breakdowns)."""
    catalog = bilan.catalog
    axis = catalog.axis(number)
    assert axis is not None
    columns = [*AXIS_COLUMNS_LEAD, *result_columns(bilan.year), Column("Note", 45, wrap=True)]
    set_widths(ws, columns)
    put(ws, 1, 1, f"Axe {axis.number} — {axis.title}", font=TITLE_FONT)
    row = 2
    if axis.summary:
        row = merged_text(ws, row, axis.summary, columns) + 1
    by_action: dict[str, list[Result]] = {}
    for result in bilan.summary.results:
        by_action.setdefault(result.action, []).append(result)
    for objective in axis.objectives:
        row += 1
        title = f"Objectif {axis.number}-{objective.number} — {objective.title}"
        row = merged_text(ws, row, Val(title, bold=True), columns, fill=SECTION_FILL) + 1
        for code in objective.actions:
            action = catalog.actions.get(code)
            if action is not None:
                row = action_block(ws, row, bilan, action, by_action.get(code, []), columns)
    ws.freeze_panes = "A2"


def merged_text(ws: Worksheet, row: int, text: str | Val, columns: Sequence[Column], *,
                first_column: int = 1, fill: PatternFill | None = None) -> int:
    """Write `text` in a cell merged up to the last column, wrapped, and size the row (the
    merged range takes its look from that first cell)."""
    cell = put(ws, row, first_column, text, alignment=WRAP, fill=fill)
    merge_row(ws, row, first_column, len(columns))
    width = sum(c.width for c in columns[first_column - 1:])
    if isinstance(cell.value, str):
        ws.row_dimensions[row].height = LINE_HEIGHT * estimate_lines(cell.value, width)
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
        ("Objectif", f"{action.axis}-{action.objective} · {objective.title}" if objective
         else ""),
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


def action_block(ws: Worksheet, row: int, bilan: Bilan, action: Action,
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
        put_row(ws, row, [result.id, result.label, KIND_FR.get(result.kind, result.kind),
                          *result_cells(result), result.note], columns)
        exact = result.provenance == "reported"
        for category, value in result.breakdown.items():
            row += 1
            label = result.categories.get(category, category)
            put(ws, row, 2, Val(f"· {label}", indent=True))
            put(ws, row, 5, num(value, result.unit, exact=exact))
    if not results:
        row += 1
        put(ws, row, 1, Val("Aucun indicateur", muted=True))
    return row + 2


# -- Séries -------------------------------------------------------------------------------------
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


SERIES_LEAD = [Column("Axe", 6, alignment=CENTRE), Column("Action", 8),
               Column("Indicateur", 32, wrap=True), Column("Libellé", 45, wrap=True),
               Column("Unité", 10), Column("Série", 8)]
FIRST_YEAR_COLUMN = len(SERIES_LEAD) + 1


def add_series_sheet(ws: Worksheet, bilan: Bilan) -> list[SeriesRows]:
    """Every quantitative indicator × every year of the bilan, its target on the row below."""
    columns = [*SERIES_LEAD, *(Column(str(y), 11) for y in bilan.years)]
    last_column = len(columns)
    layout: list[SeriesRows] = []
    rows: list[list[CellValue | Val]] = []
    for action, indicator in bilan.catalog.indicators():
        if indicator.kind in UNCOMPUTED_KINDS:
            continue
        series = bilan.series(indicator.id)
        unit = bilan.catalog.indicator_unit(indicator)
        lead: list[CellValue | Val] = [action.axis, action.code, indicator.id, indicator.label,
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
        ws.cell(row=1, column=index).value = bilan.years[index - FIRST_YEAR_COLUMN]
    return layout


# -- Données ------------------------------------------------------------------------------------
DATA_COLUMNS = [Column("Année", 7), Column("Nature", 15), Column("Action", 8),
                Column("Identifiant", 30, wrap=True), Column("Libellé", 40, wrap=True),
                Column("Catégorie", 24, wrap=True), Column("Valeur", 13), Column("Unité", 10),
                Column("Qualificatif", 12), Column("Texte ou état", 30, wrap=True),
                Column("Source", 55, wrap=True), Column("Note", 40, wrap=True),
                Column("Fichier", 28)]


def add_data_sheet(ws: Worksheet, bilan: Bilan) -> None:
    """Every measured value and every published (reported) value, with unit and source."""
    rows: list[list[CellValue | Val]] = []
    for year in bilan.years:
        rows += measure_rows(bilan.catalog, year)
        rows += reported_rows(bilan.catalog, year)
    write_table(ws, DATA_COLUMNS, rows)


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
        tail: list[CellValue | Val] = [unit_label(measure.unit), None, None, measure.source,
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
                         unit_label(unit), qualifier, state, reported.source, reported.note,
                         where])
        for category, value in reported.breakdown.items():
            rows.append([*lead, categories.get(category, category), num(value, unit, exact=True),
                         unit_label(unit), qualifier, None, reported.source, reported.note,
                         _where(catalog, year, ("reported", indicator_id, "breakdown",
                                                category))])
    return rows


# -- Contrôles ----------------------------------------------------------------------------------
CHECK_COLUMNS = [Column("Origine", 22), Column("Gravité", 14), Column("Code", 22),
                 Column("Année", 7), Column("Fichier", 30), Column("Ligne", 7),
                 Column("Colonne", 9), Column("Message", 90, wrap=True)]
SEVERITY_FR = {"error": "erreur", "warning": "avertissement"}


def add_checks_sheet(ws: Worksheet, bilan: Bilan) -> None:
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


# -- À propos -----------------------------------------------------------------------------------
def add_about_sheet(ws: Worksheet, bilan: Bilan) -> None:
    """The scheme, the data folder, when and how the file was made, and how to read it."""
    scheme = bilan.catalog.scheme
    plan = bilan.plan
    kind = (f"Bilan global {plan.first}-{plan.last}" if plan.global_bilan
            else f"Bilan annuel {plan.last}")
    evaluated = [", ".join(p.actions) for p in (scheme.evaluation.plan if scheme.evaluation
                                                 else []) if p.year == bilan.year]
    reproduce = bilan.reproduce_command()
    rows: list[tuple[str, CellValue | Val]] = [
        ("Document", Val(kind, bold=True)),
        ("Schéma", scheme.title),
        ("Organisation", scheme.organisation),
        ("Période du schéma", f"{scheme.period.start}-{scheme.period.end}"),
        ("Adopté le", Val(scheme.adopted, "DD/MM/YYYY")),
        ("Adopté par", scheme.adopted_by),
        ("Document d'origine", scheme.source),
        ("Années présentées", ", ".join(str(y) for y in bilan.years)),
        ("Valeurs de la synthèse", str(bilan.year)),
        (f"Actions évaluées en {bilan.year}", "; ".join(evaluated) or None),
        ("Dossier de données", str(bilan.catalog.data_dir.resolve())),
        ("Généré le", Val(bilan.generated, "DD/MM/YYYY HH:MM")),
        ("Version de spapser", __version__),
        ("Commande pour le reproduire", reproduce),
        ("Commande exécutée", bilan.command if bilan.command != reproduce else None),
        ("Pourcentages", "Nombres en pour cent, affichés avec « % » (38,5 signifie 38,5 %). "
         "L'évolution d'un pourcentage est en points (pts)."),
        ("Provenance", "« calculé » : calculé à partir des mesures ; « publié » : seul le "
         "chiffre publié est connu (recopié du document source)."),
        ("Statuts", "atteint · en bonne voie (au niveau de la trajectoire de l'année de "
         "référence vers la cible) · en retard · non atteint · sans cible · non disponible."),
        ("Qualificatifs", "≈ environ · > plus de · < moins de, comme le document source."),
        ("Feuilles", f"{SUMMARY} : un indicateur par ligne ({bilan.year}). Axe 1, 2… : "
         f"fiches actions et indicateurs. {SERIES} : chaque indicateur chiffré, année par "
         f"année, et sa cible. Graphiques : une courbe ou un histogramme par indicateur. "
         f"{DATA} : chaque valeur mesurée ou publiée, avec sa source. {CHECKS} : "
         "avertissements et écarts entre valeurs publiées et calculées."),
    ]
    columns = [Column("Rubrique", 26), Column("Valeur", 100, wrap=True, alignment=WRAP_LEFT)]
    write_table(ws, columns, [[Val(label, bold=True), value] for label, value in rows
                              if value is not None])
    ws.auto_filter.ref = None


def set_properties(workbook: Workbook, bilan: Bilan, title: str) -> None:
    scheme = bilan.catalog.scheme
    properties = workbook.properties
    properties.title = clean_text(title)
    properties.subject = clean_text(f"{scheme.title} — {scheme.organisation}")
    properties.creator = f"spapser {__version__}"
    properties.lastModifiedBy = f"spapser {__version__}"
    properties.description = clean_text(bilan.command)
    properties.keywords = f"SPASER; achats responsables; bilan {bilan.plan.label}"
    properties.language = "fr-FR"
    properties.created = bilan.generated
    properties.modified = bilan.generated
