"""Native Excel charts of the bilan: one per quantitative indicator (`chartplan` decides what
each shows and why), on the *Graphiques* sheet.

Quantities (values, year-on-year differences) are drawn as columns, rates, shares and
changes as lines; each target is a dashed red segment over them. A chart reads its rows from
a hidden sheet (*Données graphiques*), because its years can run past the bilan's up to a
target's year and its year labels say « n/d »; the *Séries* sheet keeps the table a reader
filters. Every value is labelled with its cell's number format, qualifier included
(« ≈ 40 % », « > 1 000 »). Annual figures come first, cumulative ones in their own section,
and indicators with a single value are a table of labelled figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.label import DataLabelList
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

from spapser_cli.export.cells import (
    BOLD,
    DEFAULT_WIDTH,
    LINE_HEIGHT,
    TITLE_FONT,
    TOP,
    WRAP,
    Column,
    Val,
    clean_text,
    estimate_lines,
    merge_row,
    num,
    put,
    sheet_title,
    unit_label,
    write_header,
)
from spapser_cli.export.chartplan import ChartPlan, chart_plans
from spapser_cli.export.rows import target_cells, value_cell

if TYPE_CHECKING:
    from spapser_cli.export.bilan import Bilan

CHARTS = "Graphiques"
CHART_DATA = "Données graphiques"
CHART_WIDTH_CM = 16
CHART_HEIGHT_CM = 9.0
CHARTS_PER_ROW = 2
COLUMNS_PER_CHART = 10  # default columns are about 1.7 cm wide
ROWS_PER_CHART = 19  # default rows are about 0.53 cm high
ROWS_PER_PAGE = 2  # rows of charts on a printed page
VALUE_COLOUR = "1F4E78"
TARGET_COLOURS = ("C00000", "ED7D31", "7030A0")  # one per target of an indicator
MAX_TITLE = 110
TITLE_SIZE = 1100  # hundredths of a point
# What the readers see, in French, in one place.
WORDS = {
    "title": "Indicateurs chiffrés, {first}-{last} — données : feuille « {series} »",
    "annual": "Valeurs annuelles",
    "cumulative": "Valeurs cumulées (stock en fin d'année)",
    "figures": "Indicateurs à une seule valeur",
    "none": "Aucun indicateur chiffré n'a de valeur ni de cible sur ces années.",
    "cumulative_suffix": " (cumul fin d'année)",
    "axis_from": " — axe à partir de {min}",
    "no_value": " — aucune valeur, cibles seules",
    "value": "Valeur",
    "axis_count": "nombre",
}
# The figures sit in the charts' grid of default-width columns (widening one would move the
# charts): the label spans the first six, then one column each.
LABEL_SPAN = 6
FIGURE_HEADERS = ["Indicateur", "Année", "Valeur", "Unité", "Cible", "Échéance"]


def add_chart_sheet(workbook: Workbook, series_ws: Worksheet, bilan: Bilan) -> Worksheet:
    """The charts, two by two, annual then cumulative, then the single figures."""
    ws: Worksheet = workbook.create_sheet(sheet_title(CHARTS, workbook.sheetnames))
    data_ws: Worksheet = workbook.create_sheet(sheet_title(CHART_DATA, workbook.sheetnames))
    data_ws.sheet_state = "hidden"
    put(ws, 1, 1, WORDS["title"].format(first=bilan.years[0], last=bilan.years[-1],
                                        series=series_ws.title), font=TITLE_FONT)
    put(ws, 2, 1, bilan.catalog.scheme.organisation, font=BOLD)
    plans = chart_plans(bilan)
    charted = [p for p in plans if not p.is_figure]
    figures = [p for p in plans if p.is_figure]
    row = 4
    if not plans:
        put(ws, row, 1, Val(WORDS["none"], muted=True))
    data_row = 1
    for heading, group in ((WORDS["annual"], [p for p in charted if not p.cumulative]),
                           (WORDS["cumulative"], [p for p in charted if p.cumulative])):
        if not group:
            continue
        if row > 4:
            ws.row_breaks.append(Break(id=row - 1))  # a section starts a page
        put(ws, row, 1, heading, font=TITLE_FONT)
        row += 1
        for index, plan in enumerate(group):
            data_row, refs = write_chart_data(data_ws, data_row, plan)
            chart = indicator_chart(plan, *refs)
            column = 1 + (index % CHARTS_PER_ROW) * COLUMNS_PER_CHART
            at = row + (index // CHARTS_PER_ROW) * ROWS_PER_CHART
            if index % (CHARTS_PER_ROW * ROWS_PER_PAGE) == 0 and index:
                ws.row_breaks.append(Break(id=at - 1))  # two rows of charts per printed page
            ws.add_chart(chart, f"{get_column_letter(column)}{at}")
        row += -(-len(group) // CHARTS_PER_ROW) * ROWS_PER_CHART + 1
    if figures:
        if row > 4:
            ws.row_breaks.append(Break(id=row - 1))
        add_figures(ws, row, figures)
    ws.sheet_view.zoomScale = 90
    return ws


def add_figures(ws: Worksheet, row: int, figures: Sequence[ChartPlan]) -> None:
    """The indicators with a single value: a table of labelled figures, not charts."""
    put(ws, row, 1, WORDS["figures"], font=TITLE_FONT)
    width = LABEL_SPAN * DEFAULT_WIDTH
    columns = [Column(FIGURE_HEADERS[0], width, wrap=True),
               *(Column(h, DEFAULT_WIDTH) for h in FIGURE_HEADERS[1:])]
    header = [columns[0], *([Column("", DEFAULT_WIDTH)] * (LABEL_SPAN - 1)), *columns[1:]]
    write_header(ws, row + 1, header)
    merge_row(ws, row + 1, 1, LABEL_SPAN)
    for offset, plan in enumerate(figures, start=2):
        index = next(i for i, v in enumerate(plan.values) if v is not None)
        result = plan.results[index]
        assert result is not None
        unit = "" if plan.unit == "%" else unit_label(plan.unit)  # the value shows its %
        at = row + offset
        put(ws, at, 1, f"{plan.action} · {plan.label}", alignment=WRAP)
        merge_row(ws, at, 1, LABEL_SPAN)
        ws.row_dimensions[at].height = LINE_HEIGHT * estimate_lines(
            f"{plan.action} · {plan.label}", width)
        for column, value in enumerate([plan.years[index], value_cell(result), unit,
                                        *target_cells(result)], start=LABEL_SPAN + 1):
            put(ws, at, column, value, alignment=TOP)


def write_chart_data(ws: Worksheet, row: int, plan: ChartPlan
                     ) -> tuple[int, tuple[Reference, Reference, list[Reference]]]:
    """The plan's rows on the hidden data sheet: year labels, values (with their number
    formats, qualifiers included), one row per target. Returns the next free row and the
    references of the years, the values and each target."""
    last_column = 1 + len(plan.years)

    def ref(at: int, first: int = 2) -> Reference:
        return Reference(ws, min_col=first, max_col=last_column, min_row=at, max_row=at)

    put(ws, row, 1, plan.indicator)
    for index in range(len(plan.years)):
        put(ws, row, 2 + index, plan.category(index))
    put(ws, row + 1, 1, WORDS["value"])
    for index, result in enumerate(plan.results):
        if result is not None and result.value is not None:
            put(ws, row + 1, 2 + index, value_cell(result))
    targets = []
    for offset, segment in enumerate(plan.targets, start=2):
        put(ws, row + offset, 1, segment.label)
        for index in range(len(plan.years)):
            put(ws, row + offset, 2 + index,
                num(plan.segment_value(segment, index), plan.unit, exact=True))
        targets.append(ref(row + offset, first=1))  # the label is the series' title
    values = ref(row + 1, first=1)
    return row + 3 + len(plan.targets), (ref(row), values, targets)


def indicator_chart(plan: ChartPlan, years: Reference, values_ref: Reference,
                    target_refs: list[Reference]) -> BarChart | LineChart:
    """A column or line chart of one indicator, a dashed segment per target."""
    values = SeriesFactory(values_ref, title_from_data=True)
    targets = [SeriesFactory(r, title_from_data=True) for r in target_refs]
    for index, target in enumerate(targets):
        style_line(target, TARGET_COLOURS[index % len(TARGET_COLOURS)], marker="dash",
                   dashed=True)
    label_values(values, plan)
    chart = (column_chart(values, targets, years) if plan.bar
             else line_chart(values, targets, years))
    decorate(chart, plan)
    return chart


def label_values(values: Series, plan: ChartPlan) -> None:
    """Each value labelled as its cell shows it (« ≈ 40 % », « > 1 000 »)."""
    labels = DataLabelList()
    labels.showVal = True
    for flag in ("showSerName", "showCatName", "showLegendKey", "showPercent"):
        setattr(labels, flag, False)
    labels.position = "outEnd" if plan.bar else "t"
    values.dLbls = labels


def column_chart(values: Series, targets: list[Series], years: Reference) -> BarChart:
    chart = BarChart()
    chart.type = "col"
    chart.gapWidth = 80
    values.graphicalProperties.solidFill = VALUE_COLOUR
    values.graphicalProperties.line.solidFill = VALUE_COLOUR
    chart.series.append(values)
    set_year_labels(chart, years)
    if targets:  # lines over the columns, on the same axes
        overlay = LineChart()
        overlay.series.extend(targets)
        set_year_labels(overlay, years)
        chart += overlay
    return chart


def line_chart(values: Series, targets: list[Series], years: Reference) -> LineChart:
    chart = LineChart()
    style_line(values, VALUE_COLOUR, marker="circle")
    chart.series.append(values)
    chart.series.extend(targets)
    set_year_labels(chart, years)
    return chart


def set_year_labels(chart: BarChart | LineChart, years: Reference) -> None:
    """The years as text categories (« 2012 n/d »): `set_categories` would declare them
    numbers, and Excel would then number the points 1, 2, 3."""
    for series in chart.series:
        series.cat = AxDataSource(strRef=StrRef(f=str(years)))


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


def chart_heading(plan: ChartPlan) -> str:
    """« action · label », and what a reader must know: cumulative, an axis below zero,
    no value yet."""
    suffix = WORDS["cumulative_suffix"] if plan.cumulative else ""
    if plan.axis_min < 0:
        bound = f"{plan.axis_min:g}".replace("-", "−") + (" %" if plan.unit == "%" else "")
        suffix += WORDS["axis_from"].format(min=bound)
    if not plan.known:
        suffix += WORDS["no_value"]
    title = clean_text(f"{plan.action} · {plan.label}")
    room = MAX_TITLE - len(suffix)
    if len(title) > room:
        title = title[: room - 1].rstrip() + "…"
    return title + suffix


def decorate(chart: BarChart | LineChart, plan: ChartPlan) -> None:
    """Title, axes from zero, legend, size; and keep plotting hidden cells."""
    chart.title = chart_title(chart_heading(plan))
    chart.y_axis.title = clean_text(unit_label(plan.unit) or WORDS["axis_count"])
    chart.y_axis.number_format = '#,##0" %"' if plan.unit == "%" else "#,##0"
    chart.y_axis.scaling.min = plan.axis_min
    chart.x_axis.tickLblPos = "low"  # years stay under the plot when values go negative
    # openpyxl 3.1 leaves `delete` unset and recent Excel then hides both axes.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width = CHART_WIDTH_CM
    chart.height = CHART_HEIGHT_CM
    chart.visible_cells_only = False  # the data sheet is hidden
    chart.display_blanks = "gap"  # an n/d year is a gap, not a zero
    if not plan.targets:
        chart.legend = None
    elif chart.legend is not None:
        chart.legend.position = "b"


def chart_title(text: str) -> Title:
    """A title in 11 pt bold: the default 14 pt leaves little room for the plot."""
    font = CharacterProperties(sz=TITLE_SIZE, b=True)
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=font),
                          r=[RegularTextRun(rPr=font, t=text)])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)
