"""The collection workbook (and its CSV form) that each pilot direction fills in.

The workbook has a *Mode d'emploi* sheet, one sheet per lead pilot, and a very hidden sheet
that records the year and which sheet belongs to which pilot. Only the value, source and
comment cells are unlocked; the structure is protected without a password (protection
guards against slips, not against people). Everything a pilot reads is in French.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from spapser_cli import __version__
from spapser_cli.catalog import Catalog
from spapser_cli.collect import columns as col
from spapser_cli.collect.rows import GUIDE_SHEET, META_SHEET, STATUS_LABELS, CollectRow, sheet_names
from spapser_cli.files import write_atomic, write_text_atomic

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

TITLE_ROW, HELP_ROW, HEADER_ROW = 1, 2, 4
FIRST_ROW = HEADER_ROW + 1

GUIDE = (
    "Mode d'emploi du classeur de collecte {year}",
    "",
    "Ce classeur recueille les données {year} du schéma « {scheme} ».",
    "Chaque onglet regroupe les actions d'une direction pilote (le premier pilote de la fiche).",
    "",
    "Pour chaque ligne :",
    "  • saisissez la valeur {year} dans la colonne « Valeur {year} », dans l'unité indiquée ;",
    "  • indiquez d'où vient le chiffre dans « Source » (sinon : « Collecte {year} – pilote – "
    "nom du fichier ») ;",
    "  • ajoutez au besoin une précision dans « Commentaire ».",
    "",
    "Une cellule vide veut dire « non mesuré », jamais zéro. Écrivez NC (ou n/d, ou -) si la "
    "donnée n'existe pas : elle sera notée comme non mesurée, avec votre commentaire.",
    "Les jalons prennent un statut dans la liste : non commencé, en cours, réalisé ; "
    "le commentaire décrit où en est le jalon.",
    "Les pourcentages se saisissent de 0 à 100 (38,5 pour 38,5 %).",
    "La colonne « Dernière valeur connue » rappelle le dernier chiffre enregistré, pour "
    "comparaison.",
    "",
    "Vous pouvez trier les lignes et filtrer. Ne renommez pas les onglets et ne supprimez pas "
    "de colonne : des colonnes masquées portent les identifiants que l'import relit.",
    "",
    "Retour : renvoyez le fichier rempli ; il est importé par « spapser import {file} ».",
    "Toutes les erreurs de tous les fichiers sont signalées en une fois (onglet et cellule), "
    "et rien n'est enregistré tant qu'il en reste une.",
)

_INPUT_FILL = "FFF2CC"
_HEADER_FILL = "DDEBF7"
_WIDTHS = (9, 40, 36, 40, 24, 10, 14, 10, 16, 36, 36, 24, 18, 24)
_WRAPPED = (2, 3, 4, 5)  # title, indicators, labels: wrapped within their width


def _safe(value: Any) -> Any:
    """Text from the data as plain text: no control characters (openpyxl refuses them)."""
    if isinstance(value, str):
        return "".join(ch for ch in value if ch >= " " or ch in "\t\n")
    return value


def _put(ws: Worksheet, row: int, column: int, value: Any) -> Any:
    cell = ws.cell(row=row, column=column, value=_safe(value))
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # a label beginning with '=' stays text, never a formula
    return cell


def _reference_values(row: CollectRow) -> list[Any]:
    return [row.action, row.action_title, " ; ".join(row.indicator_labels), row.label,
            row.category_label or "", row.unit or "", row.last_value, row.last_year]


def _validation_key(row: CollectRow) -> tuple[str, str | None, str | None, str | None, str]:
    """(type, operator, formula1, formula2, prompt) of the value cell's data validation."""
    unit = row.unit or "sans unité"
    if row.kind == "milestone":
        return ("list", None, '"' + ",".join(STATUS_LABELS.values()) + '"', None,
                "Choisissez un statut dans la liste.")
    if row.kind == "qualitative":
        return ("textLength", "lessThanOrEqual", "4000", None, "Une appréciation, en texte.")
    tail = " NC si la donnée n'est pas mesurée."
    if row.percent:
        return ("decimal", "between", "0", "100", f"En % : un nombre de 0 à 100.{tail}")
    if row.signed:
        return ("decimal", "between", "-1000000000000", "1000000000000",
                f"En {unit} : un nombre, négatif s'il baisse.{tail}")
    if row.whole:
        return ("whole", "greaterThanOrEqual", "0", None,
                f"En {unit} : un nombre entier ≥ 0.{tail}")
    return ("decimal", "greaterThanOrEqual", "0", None, f"En {unit} : un nombre ≥ 0.{tail}")


def write_workbook(rows: Sequence[CollectRow], year: int, scheme_title: str,
                   target: Path) -> None:
    """Write the collection workbook of `rows` to `target`, atomically."""
    from openpyxl import Workbook

    wb = Workbook()
    guide = wb.active
    assert guide is not None
    guide.title = GUIDE_SHEET
    for i, line in enumerate(GUIDE, start=1):
        guide.cell(row=i, column=1, value=line.format(year=year, scheme=scheme_title,
                                                       file=target.name))
    guide["A1"].font = _font(bold=True, size=14)
    guide.column_dimensions["A"].width = 110
    for row in guide.iter_rows():
        row[0].alignment = _wrapped()
    guide.protection.sheet = True
    _print_setup(guide)

    pilots = list(dict.fromkeys(r.pilot for r in rows))
    names = sheet_names(pilots)
    for pilot in pilots:
        _data_sheet(wb.create_sheet(names[pilot]), pilot, year,
                    [r for r in rows if r.pilot == pilot])

    meta = wb.create_sheet(META_SHEET)
    meta.append([col.META_TAG, col.META_VERSION, f"spapser {__version__}"])
    meta.append(["année", year])
    for pilot in pilots:
        meta.append(["onglet", names[pilot], pilot])
    meta.sheet_state = "veryHidden"

    wb.properties.title = f"Collecte {year}"
    wb.properties.subject = scheme_title
    wb.properties.creator = "spapser"
    write_atomic(target, wb.save)


def _wrapped() -> Any:
    from openpyxl.styles import Alignment

    return Alignment(wrap_text=True, vertical="top")


def _print_setup(ws: Worksheet, header_row: int | None = None) -> None:
    """Landscape, fitted to the page width, the header row repeated on every page."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"


def _font(**kwargs: Any) -> Any:
    from openpyxl.styles import Font

    return Font(**kwargs)


def _data_sheet(ws: Worksheet, pilot: str, year: int, rows: Sequence[CollectRow]) -> None:
    from openpyxl.styles import Alignment, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    headers = [*col.REFERENCE, col.value_header(year), col.SOURCE, col.COMMENT, *col.ID_COLUMNS]
    value_col = len(col.REFERENCE) + 1
    _put(ws, TITLE_ROW, 1, f"Collecte {year} – {pilot}").font = _font(bold=True, size=13)
    _put(ws, HELP_ROW, 1, f"Saisissez les valeurs {year} dans les cellules jaunes ; une "
         "cellule vide veut dire « non mesuré ». Voir l'onglet « Mode d'emploi ».")
    header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    for c, header in enumerate(headers, start=1):
        cell = _put(ws, HEADER_ROW, c, header)
        cell.font = _font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    unlocked = Protection(locked=False)
    input_fill = PatternFill("solid", fgColor=_INPUT_FILL)
    validations: dict[tuple[str, str | None, str | None, str | None, str], Any] = {}
    wrapped = _wrapped()
    for r, row in enumerate(rows, start=FIRST_ROW):
        lines = 1
        for c, value in enumerate(_reference_values(row), start=1):
            _put(ws, r, c, value).alignment = wrapped
            if isinstance(value, str) and c in _WRAPPED:
                lines = max(lines, -(-len(value) // int(_WIDTHS[c - 1] * 1.1)))
        # Spreadsheets do not grow a row for wrapped text they did not lay out themselves.
        ws.row_dimensions[r].height = 15 * min(lines, 4)
        for c in (value_col, value_col + 1, value_col + 2):
            entry = ws.cell(row=r, column=c)
            entry.protection = unlocked
            entry.fill = input_fill
        for c, value in enumerate(row.key, start=value_col + 3):
            _put(ws, r, c, value or None)
        key = _validation_key(row)
        if key not in validations:
            kind, operator, low, high, prompt = key
            dv = DataValidation(type=cast(Any, kind), operator=cast(Any, operator),
                                formula1=low, formula2=high,
                                allow_blank=True, showInputMessage=True, showErrorMessage=True,
                                promptTitle="Valeur attendue", prompt=prompt,
                                errorTitle="Valeur inattendue", error=prompt,
                                # a warning, not a stop: NC stays possible in a number cell
                                errorStyle="stop" if kind == "list" else "warning")
            ws.add_data_validation(dv)
            validations[key] = dv
        validations[key].add(ws.cell(row=r, column=value_col))
    for c, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    for c in range(value_col + 3, value_col + 6):
        ws.column_dimensions[get_column_letter(c)].hidden = True
    last = get_column_letter(len(headers))
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(HEADER_ROW, HEADER_ROW + len(rows))}"
    _print_setup(ws, HEADER_ROW)
    ws.protection.sheet = True  # no password: it prevents slips, it is not a lock
    ws.protection.sort = False  # False allows: pilots may sort and filter
    ws.protection.autoFilter = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def csv_text(rows: Sequence[CollectRow], year: int) -> str:
    """The same rows as one CSV for French Excel: `;` separators, decimal commas, a BOM."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([col.PILOT, *col.REFERENCE, col.value_header(year), col.SOURCE, col.COMMENT,
                     *col.ID_COLUMNS])
    for row in rows:
        reference = [_csv_cell(v) for v in _reference_values(row)]
        writer.writerow([_csv_cell(row.pilot), *reference, "", "", "", *row.key])
    return "\ufeff" + out.getvalue()


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = repr(value) if not value.is_integer() else str(int(value))
        return text.replace(".", ",")
    text = str(_safe(value))
    # A spreadsheet would run text starting with these as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@") and len(text) > 1 else text


def write_csv(rows: Sequence[CollectRow], year: int, target: Path) -> None:
    write_text_atomic(target, csv_text(rows, year))


DEFAULT_FOLDER = Path("reports")
FORMATS = ("xlsx", "csv")


def slug(text: str) -> str:
    """A file-name part from a sheet name: `Dir. de la Commande Publique` →
    `dir-de-la-commande-publique`."""
    import re
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "pilote"


def write_templates(catalog: Catalog, year: int, *, pilot: str | None = None,
                    evaluated: bool = False, output: Path | None = None,
                    by_pilot: Path | None = None, fmt: str = "xlsx") -> list[Path]:
    """Write the collection file(s) of `year` and return their paths.

    One file (default `reports/collecte-YEAR.xlsx`), or with `by_pilot` one file per lead
    pilot in that folder. Raises `UsageError` for bad arguments, `OutputError` (exit 3) for
    a target that cannot be written or is open in Excel."""
    from spapser_cli.collect.rows import collect_rows, evaluated_actions, select_actions
    from spapser_cli.files import office_lock_files
    from spapser_cli.i18n import Message
    from spapser_cli.problems import OutputError, UsageError, os_reason

    if fmt not in FORMATS:
        raise UsageError(Message("--format {format}: expected xlsx or csv", format=repr(fmt)))
    if output is not None and by_pilot is not None:
        raise UsageError(Message("give either -o FILE or --by-pilot DIR, not both"))
    suffix = f".{fmt}"
    if output is not None and output.suffix.lower() != suffix:
        raise UsageError(Message("{file}: with --format {format}, the file must end in "
                                 "{suffix}", file=str(output), format=fmt, suffix=suffix))
    wanted = evaluated_actions(catalog, year) if evaluated else None
    actions = select_actions(catalog, actions=wanted, pilot=pilot)
    rows = collect_rows(catalog, year, actions)
    if not rows:
        raise UsageError(Message("nothing to collect for {year} with these options",
                                 year=year))
    if by_pilot is not None:
        try:
            by_pilot.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(Message("cannot create {folder}: {reason}", folder=str(by_pilot),
                                      reason=os_reason(exc.strerror or str(exc)))) from None
        names = sheet_names(dict.fromkeys(r.pilot for r in rows))
        jobs = [(by_pilot / f"collecte-{year}-{slug(name)}{suffix}",
                 [r for r in rows if r.pilot == p]) for p, name in names.items()]
    else:
        target = output or DEFAULT_FOLDER / f"collecte-{year}{suffix}"
        if output is None:
            target.parent.mkdir(parents=True, exist_ok=True)
        jobs = [(target, rows)]
    for target, chosen in jobs:
        if any(lock.exists() for lock in office_lock_files(target)):
            raise OutputError(Message("cannot write {target}: it is open in Excel or "
                                      "LibreOffice; close it and try again",
                                      target=str(target)))
        if fmt == "csv":
            write_csv(chosen, year, target)
        else:
            write_workbook(chosen, year, catalog.scheme.title, target)
    return [target for target, _ in jobs]
