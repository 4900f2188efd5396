"""The whole bilan workbook: its sheets in reading order, print setup and document properties.

Imports XlsxWriter (through `cells`): only `spapser export` loads this module."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from spapser_cli import __version__
from spapser_cli.export.bilan import workbook_title
from spapser_cli.export.cells import Book, clean_text, setup_print
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


def write_workbook(bilan: Bilan, path: Path) -> None:
    """Write the whole workbook to `path`, sheets in reading order."""
    book = Book(str(path))
    title = workbook_title(bilan)
    add_summary_sheet(book.create_sheet(SUMMARY), bilan)
    axis_word = bilan.catalog.words()[0]  # « Axe », or the scheme's own word
    for axis in bilan.catalog.scheme.axes:
        add_axis_sheet(book.create_sheet(f"{axis_word} {axis.number}"), bilan, axis.number)
    series = book.create_sheet(SERIES)
    add_series_sheet(series, bilan)
    add_chart_sheet(book, series, bilan)
    contracts = bilan.summary.contracts
    if contracts is not None:  # the year has contracts (data/contracts/)
        from spapser_cli.export.sheets.contracts import CONTRACTS_SHEET, add_contracts_sheet

        add_contracts_sheet(book.create_sheet(CONTRACTS_SHEET), contracts)
    add_data_sheet(book.create_sheet(DATA), bilan)
    add_completeness_sheet(book.create_sheet(COMPLETENESS), bilan)
    add_checks_sheet(book.create_sheet(CHECKS), bilan)
    add_about_sheet(book.create_sheet(ABOUT), bilan)
    for sheet in book.sheets:
        setup_print(sheet, title.split(" — ")[0], bilan.catalog.scheme.organisation)
    set_properties(book, bilan, title)
    book.close()


def set_properties(book: Book, bilan: Bilan, title: str) -> None:
    scheme = bilan.catalog.scheme
    book.xlsx.set_properties({
        "title": clean_text(title),
        "subject": clean_text(f"{scheme.title} — {scheme.organisation}"),
        "author": f"spapser {__version__}",  # also the last one to modify it
        "comments": clean_text(bilan.command),
        "keywords": f"SPASER; achats responsables; bilan {bilan.plan.label}",
        "created": bilan.generated,  # and modified
    })
