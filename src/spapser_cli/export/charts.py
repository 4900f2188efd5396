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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spapser_cli.export.cells import (
    BOLD,
    DEFAULT_WIDTH,
    HEADER_ALIGN,
    HEADER_FILL,
    HEADER_FONT,
    LINE_HEIGHT,
    TITLE_FONT,
    TOP,
    WRAP,
    Book,
    Column,
    Sheet,
    Val,
    clean_text,
    cm_to_pixels,
    estimate_lines,
    num,
    put,
    put_merged,
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
TITLE_SIZE = 11  # points: the default 14 leaves little room for the plot
LINE_WIDTH = 2.25  # points
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




@dataclass(frozen=True)
class Range:
    """A row of cells of the hidden data sheet, counted from 1: what a series reads."""

    sheet: str
    row: int
    first_column: int
    last_column: int

    def cells(self) -> list[str | int]:  # XlsxWriter's form, counted from 0
        return [self.sheet, self.row - 1, self.first_column - 1, self.row - 1,
                self.last_column - 1]

    def title(self) -> list[str | int]:  # the cell before the range: the series' name
        return [self.sheet, self.row - 1, self.first_column - 2]


def add_chart_sheet(book: Book, series_ws: Sheet, bilan: Bilan) -> Sheet:
    """The charts, two by two, annual then cumulative, then the single figures."""
    ws = book.create_sheet(CHARTS)
    data_ws = book.create_sheet(CHART_DATA)
    data_ws.ws.hide()
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
            ws.row_breaks.append(row - 1)  # a section starts a page
        put(ws, row, 1, heading, font=TITLE_FONT)
        row += 1
        for index, plan in enumerate(group):
            data_row, refs = write_chart_data(data_ws, data_row, plan)
            chart = indicator_chart(book, plan, *refs)
            column = 1 + (index % CHARTS_PER_ROW) * COLUMNS_PER_CHART
            at = row + (index // CHARTS_PER_ROW) * ROWS_PER_CHART
            if index % (CHARTS_PER_ROW * ROWS_PER_PAGE) == 0 and index:
                ws.row_breaks.append(at - 1)  # two rows of charts per printed page
            ws.ws.insert_chart(at - 1, column - 1, chart)
        row += -(-len(group) // CHARTS_PER_ROW) * ROWS_PER_CHART + 1
    if figures:
        if row > 4:
            ws.row_breaks.append(row - 1)
        add_figures(ws, row, figures)
    ws.ws.set_zoom(90)
    return ws


def add_figures(ws: Sheet, row: int, figures: Sequence[ChartPlan]) -> None:
    """The indicators with a single value: a table of labelled figures, not charts."""
    put(ws, row, 1, WORDS["figures"], font=TITLE_FONT)
    width = LABEL_SPAN * DEFAULT_WIDTH
    columns = [Column(FIGURE_HEADERS[0], width, wrap=True),
               *(Column(h, DEFAULT_WIDTH) for h in FIGURE_HEADERS[1:])]
    header = [columns[0], *([Column("", DEFAULT_WIDTH)] * (LABEL_SPAN - 1)), *columns[1:]]
    write_header(ws, row + 1, header)
    first = header[0]
    put_merged(ws, row + 1, 1, LABEL_SPAN, first.header, alignment=first.alignment or
               HEADER_ALIGN, font=HEADER_FONT, fill=HEADER_FILL)
    for offset, plan in enumerate(figures, start=2):
        index = next(i for i, v in enumerate(plan.values) if v is not None)
        result = plan.results[index]
        assert result is not None
        unit = "" if plan.unit == "%" else unit_label(plan.unit)  # the value shows its %
        at = row + offset
        label = f"{plan.action} · {plan.label}"
        put_merged(ws, at, 1, LABEL_SPAN, label, alignment=WRAP)
        ws.set_height(at, LINE_HEIGHT * estimate_lines(label, width))
        for column, value in enumerate([plan.years[index], value_cell(result), unit,
                                        *target_cells(result)], start=LABEL_SPAN + 1):
            put(ws, at, column, value, alignment=TOP)


def write_chart_data(ws: Sheet, row: int, plan: ChartPlan
                     ) -> tuple[int, tuple[Range, Range, list[Range]]]:
    """The plan's rows on the hidden data sheet: year labels, values (with their number
    formats, qualifiers included), one row per target. Returns the next free row and the
    ranges of the years, the values and each target (their titles in the first column)."""
    last_column = 1 + len(plan.years)

    def ref(at: int) -> Range:
        return Range(ws.title, at, 2, last_column)

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
        targets.append(ref(row + offset))
    return row + 3 + len(plan.targets), (ref(row), ref(row + 1), targets)


def indicator_chart(book: Book, plan: ChartPlan, years: Range, values: Range,
                    targets: list[Range]) -> Any:
    """A column or line chart of one indicator, a dashed segment per target."""
    chart = book.add_chart({"type": "column" if plan.bar else "line"})
    value_series: dict[str, Any] = {
        "name": values.title(), "categories": years.cells(), "values": values.cells(),
        # Each value labelled as its cell shows it (« ≈ 40 % », « > 1 000 »): no format of
        # the label's own, so the cell's is used.
        "data_labels": {"value": True, "position": "outside_end" if plan.bar else "above"},
    }
    if plan.bar:
        value_series.update(fill={"color": "#" + VALUE_COLOUR},
                            border={"color": "#" + VALUE_COLOUR}, gap=80)
    else:
        value_series.update(line_style(VALUE_COLOUR, "circle"))
    chart.add_series(value_series)
    lines = book.add_chart({"type": "line"}) if plan.bar and targets else chart
    for index, target in enumerate(targets):
        lines.add_series({"name": target.title(), "categories": years.cells(),
                          "values": target.cells(),
                          **line_style(TARGET_COLOURS[index % len(TARGET_COLOURS)], "dash",
                                       dashed=True)})
    if lines is not chart:
        chart.combine(lines)  # lines over the columns, on the same axes
    for drawn in {id(chart): chart, id(lines): lines}.values():
        text_categories(drawn)
    decorate(chart, plan)
    return chart


def text_categories(chart: Any) -> None:
    """Declare the years text categories (« 2012 », « 2012 n/d »), as their cells are.

    XlsxWriter declares categories numbers when every label reads as one, and Excel then
    numbers the points 1, 2, 3 once it reads the text cells again. Its only switch is the
    method that guesses the type (used for categories alone), replaced on this chart."""
    chart._get_data_type = lambda data: "str" if data else "none"


def line_style(colour: str, marker: str, *, dashed: bool = False) -> dict[str, Any]:
    line: dict[str, Any] = {"color": "#" + colour, "width": LINE_WIDTH}
    if dashed:
        line["dash_type"] = "dash"
    return {"smooth": False, "line": line,
            "marker": {"type": marker, "size": 7 if marker == "circle" else 12,
                       "fill": {"color": "#" + colour}, "border": {"color": "#" + colour}}}


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


def decorate(chart: Any, plan: ChartPlan) -> None:
    """Title, axes from zero, legend, size; and keep plotting hidden cells."""
    chart.set_title({"name": chart_heading(plan), "overlay": False,
                     "name_font": {"size": TITLE_SIZE, "bold": True}})
    chart.set_y_axis({"name": clean_text(unit_label(plan.unit) or WORDS["axis_count"]),
                      "num_format": '#,##0" %"' if plan.unit == "%" else "#,##0",
                      "min": plan.axis_min})
    chart.set_x_axis({"label_position": "low"})  # years under the plot when values go negative
    chart.set_size({"width": cm_to_pixels(CHART_WIDTH_CM),
                    "height": cm_to_pixels(CHART_HEIGHT_CM)})
    chart.show_hidden_data()  # the data sheet is hidden
    chart.show_blanks_as("gap")  # an n/d year is a gap, not a zero
    chart.set_legend({"none": True} if not plan.targets else {"position": "bottom"})
