"""Native Excel charts of the series sheet: one per quantitative indicator that has a value.

Quantities (values, year-on-year differences) are drawn as columns, rates, shares and
changes as lines; the target, where the indicator has one, is a second series (a dashed red
line) read from the row under the values. Charts live on their own sheet so that filtering
the series sheet never blanks them, and they still plot hidden rows for the same reason.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Literal

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.marker import Marker
from openpyxl.chart.series import Series
from openpyxl.chart.series_factory import SeriesFactory
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.line import LineProperties
from openpyxl.drawing.text import (
    CharacterProperties,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
)
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from spapser_cli.export.cells import TITLE_FONT, Val, clean_text, put, sheet_title, unit_label

if TYPE_CHECKING:
    from spapser_cli.export.bilan import Bilan
    from spapser_cli.export.sheets.series import SeriesRows

CHARTS = "Graphiques"
CHART_WIDTH_CM = 16
CHART_HEIGHT_CM = 9.0
CHARTS_PER_ROW = 2
COLUMNS_PER_CHART = 10  # default columns are about 1.7 cm wide
ROWS_PER_CHART = 19  # default rows are about 0.53 cm high
FIRST_CHART_ROW = 3
ROWS_PER_PAGE = 2  # rows of charts on a printed page
BAR_KINDS = ("value", "difference")
VALUE_COLOUR = "1F4E78"
TARGET_COLOUR = "C00000"
MAX_TITLE = 110
TITLE_SIZE = 1100  # hundredths of a point


def add_chart_sheet(workbook: Workbook, series_ws: Worksheet, layout: list[SeriesRows],
                    bilan: Bilan) -> Worksheet:
    """A sheet of charts laid out two by two, each reading its rows of the series sheet."""
    ws: Worksheet = workbook.create_sheet(sheet_title(CHARTS, workbook.sheetnames))
    put(ws, 1, 1, f"Indicateurs chiffrés, {bilan.years[0]}-{bilan.years[-1]} — données : "
                  f"feuille « {series_ws.title} »", font=TITLE_FONT)
    charted = [rows for rows in layout if rows.has_values]
    if not charted:
        put(ws, FIRST_CHART_ROW, 1, Val("Aucun indicateur chiffré n'a de valeur sur ces "
                                        "années.", muted=True))
    for index, rows in enumerate(charted):
        chart = indicator_chart(series_ws, rows)
        column = 1 + (index % CHARTS_PER_ROW) * COLUMNS_PER_CHART
        row = FIRST_CHART_ROW + (index // CHARTS_PER_ROW) * ROWS_PER_CHART
        ws.add_chart(chart, f"{get_column_letter(column)}{row}")
        if index % (CHARTS_PER_ROW * ROWS_PER_PAGE) == 0 and index:
            ws.row_breaks.append(Break(id=row - 1))  # two rows of charts per printed page
    ws.sheet_view.zoomScale = 90
    return ws


def indicator_chart(series_ws: Worksheet, rows: SeriesRows) -> BarChart | LineChart:
    """A column or line chart of one indicator's row, with its target row when it has one."""

    def row_ref(row: int) -> Reference:
        return Reference(series_ws, min_col=rows.first_column, max_col=rows.last_column,
                         min_row=row, max_row=row)

    years = row_ref(1)
    values = SeriesFactory(row_ref(rows.value_row), title="Valeur")
    target = (None if rows.target_row is None
              else SeriesFactory(row_ref(rows.target_row), title="Cible"))
    if target is not None:
        style_line(target, TARGET_COLOUR, marker="dash", dashed=True)
    chart = (column_chart(values, target, years) if rows.kind in BAR_KINDS
             else line_chart(values, target, years))
    decorate(chart, rows)
    return chart


def column_chart(values: Series, target: Series | None, years: Reference) -> BarChart:
    chart = BarChart()
    chart.type = "col"
    chart.gapWidth = 80
    values.graphicalProperties.solidFill = VALUE_COLOUR
    values.graphicalProperties.line.solidFill = VALUE_COLOUR
    chart.series.append(values)
    chart.set_categories(years)
    if target is not None:  # a line over the columns, on the same axes
        overlay = LineChart()
        overlay.series.append(target)
        overlay.set_categories(years)
        chart += overlay
    return chart


def line_chart(values: Series, target: Series | None, years: Reference) -> LineChart:
    chart = LineChart()
    style_line(values, VALUE_COLOUR, marker="circle")
    chart.series.append(values)
    if target is not None:
        chart.series.append(target)
    chart.set_categories(years)
    return chart


def style_line(series: Series, colour: str, *, marker: Literal["circle", "dash"],
               dashed: bool = False) -> None:
    series.smooth = False
    line = series.graphicalProperties.line
    line.solidFill = colour
    line.width = 28575  # 2.25 pt, in EMU
    if dashed:
        line.dashStyle = "dash"
    fill = GraphicalProperties(solidFill=colour, ln=LineProperties(solidFill=colour))
    series.marker = Marker(symbol=marker, size=7 if marker == "circle" else 12, spPr=fill)


def decorate(chart: BarChart | LineChart, rows: SeriesRows) -> None:
    """Title, axes, legend, size; and keep plotting rows a filter hides."""
    title = clean_text(f"{rows.action} · {rows.label}")
    chart.title = chart_title(title if len(title) <= MAX_TITLE
                              else title[: MAX_TITLE - 1].rstrip() + "…")
    chart.y_axis.title = clean_text(unit_label(rows.unit) or "nombre")
    chart.y_axis.number_format = '#,##0" %"' if rows.unit == "%" else "#,##0"
    chart.x_axis.number_format = "0"
    chart.x_axis.tickLblPos = "low"  # years stay under the plot when values go negative
    if isinstance(chart, BarChart):
        chart.y_axis.scaling.min = math.floor(min(0.0, *rows.values))  # columns from zero
    # openpyxl 3.1 leaves `delete` unset and recent Excel then hides both axes.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width = CHART_WIDTH_CM
    chart.height = CHART_HEIGHT_CM
    chart.visible_cells_only = False
    chart.display_blanks = "gap"
    if rows.target_row is None:
        chart.legend = None
    elif chart.legend is not None:
        chart.legend.position = "b"


def chart_title(text: str) -> Title:
    """A title in 11 pt bold: the default 14 pt leaves little room for the plot."""
    font = CharacterProperties(sz=TITLE_SIZE, b=True)
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=font),
                          r=[RegularTextRun(rPr=font, t=text)])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)
