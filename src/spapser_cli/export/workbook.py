"""The whole bilan workbook: its sheets in reading order, print setup and document properties.

Imports openpyxl: only `spapser export` loads this module."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl import Workbook

from spapser_cli import __version__
from spapser_cli.export.bilan import workbook_title
from spapser_cli.export.cells import clean_text, setup_print, sheet_title
from spapser_cli.export.charts import add_chart_sheet
from spapser_cli.export.labels import ABOUT, CHECKS, COMPLETENESS, DATA, SERIES, SUMMARY
from spapser_cli.export.sheets.about import add_about_sheet
from spapser_cli.export.sheets.axes import add_axis_sheet
from spapser_cli.export.sheets.checks import add_checks_sheet
from spapser_cli.export.sheets.completeness import add_completeness_sheet
from spapser_cli.export.sheets.data import add_data_sheet
from spapser_cli.export.sheets.series import add_series_sheet
from spapser_cli.export.sheets.summary import add_summary_sheet

if TYPE_CHECKING:
    from spapser_cli.export.bilan import Bilan


def build_workbook(bilan: Bilan) -> Workbook:
    """The whole workbook, sheets in reading order, ready to save."""
    workbook = Workbook()
    title = workbook_title(bilan)
    summary_sheet = workbook.active
    assert summary_sheet is not None
    summary_sheet.title = SUMMARY
    add_summary_sheet(summary_sheet, bilan)
    axis_word = bilan.catalog.words()[0]  # « Axe », or the scheme's own word
    for axis in bilan.catalog.scheme.axes:
        name = sheet_title(f"{axis_word} {axis.number}", workbook.sheetnames)
        add_axis_sheet(workbook.create_sheet(name), bilan, axis.number)
    add_series_sheet(workbook.create_sheet(SERIES), bilan)
    add_chart_sheet(workbook, workbook[SERIES], bilan)
    contracts = bilan.summary.contracts
    if contracts is not None:  # the year has contracts (data/contracts/)
        from spapser_cli.export.sheets.contracts import CONTRACTS_SHEET, add_contracts_sheet

        add_contracts_sheet(workbook.create_sheet(CONTRACTS_SHEET), contracts)
    add_data_sheet(workbook.create_sheet(DATA), bilan)
    add_completeness_sheet(workbook.create_sheet(COMPLETENESS), bilan)
    add_checks_sheet(workbook.create_sheet(CHECKS), bilan)
    add_about_sheet(workbook.create_sheet(ABOUT), bilan)
    for sheet in workbook.worksheets:
        setup_print(sheet, title.split(" — ")[0], bilan.catalog.scheme.organisation)
    set_properties(workbook, bilan, title)
    return workbook





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
