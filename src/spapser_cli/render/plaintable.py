"""A small, fast text table for the indicator tables, with optional ANSI colour.

`spapser compute` is run again and again by analysts and scripts; Rich takes ~50 ms to lay
out its table, more than the whole computation. Its layout is fixed (known columns, one line
per row), so plain padding does the job in a couple of milliseconds. Colour follows the usual
conventions: on for a terminal, off when NO_COLOR is set, forced by FORCE_COLOR.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from typing import IO, Literal

from spapser_cli.render.terminal import printable

MAX_WIDTH = 120
GAP = "  "

STYLES = {"bold": "1", "dim": "2", "green": "32", "red": "31", "yellow": "33", "cyan": "36"}


def use_color(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def output_width(stream: IO[str]) -> int:
    """The terminal's width, at most 120; 120 when the output is not a terminal."""
    if hasattr(stream, "isatty") and stream.isatty():
        return min(shutil.get_terminal_size((MAX_WIDTH, 24)).columns, MAX_WIDTH)
    return MAX_WIDTH


@dataclass(frozen=True)
class Column:
    header: str
    align: Literal["left", "right"] = "right"
    flexible: bool = False  # the one column that shrinks or grows to fit the width


@dataclass(frozen=True)
class Cell:
    text: str
    style: str | None = None  # a key of STYLES
    whole: bool = False  # never cut (an identifier the user types back): the line overflows


Row = list[Cell | str]


class Painter:
    """Applies styles, or not."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, style: str | None) -> str:
        text = printable(text)  # whatever the text holds, only our own escapes reach the terminal
        if not self.color or not style or not text:
            return text
        return f"\x1b[{STYLES[style]}m{text}\x1b[0m"


def fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def render_table(columns: list[Column], rows: list[Row | Cell], *, width: int,
                 paint: Painter) -> list[str]:
    """Lines of the table. A bare `Cell` in `rows` is a heading line across the table."""
    # Text from the data is made printable before it is measured (`render.terminal`).
    cells = [[Cell(printable(c.text), c.style, c.whole) if isinstance(c, Cell)
              else Cell(printable(c)) for c in row]
             for row in rows if not isinstance(row, Cell)]
    widths = [len(col.header) for col in columns]
    for cell_row in cells:
        for index, cell in enumerate(cell_row):
            widths[index] = max(widths[index], len(cell.text))
    flexible = next((i for i, col in enumerate(columns) if col.flexible), 0)
    fixed = sum(w for i, w in enumerate(widths) if i != flexible) + len(GAP) * (len(columns) - 1)
    uncut = max((len(row[flexible].text) for row in cells
                 if len(row) > flexible and row[flexible].whole), default=0)
    widths[flexible] = max(min(widths[flexible], max(12, width - fixed)), uncut)
    total = sum(widths) + len(GAP) * (len(columns) - 1)

    def line(row: list[Cell]) -> str:
        parts = []
        for index, column in enumerate(columns):
            cell = row[index] if index < len(row) else Cell("")
            text = fit(cell.text, widths[index])
            padded = text.ljust(widths[index]) if column.align == "left" else \
                text.rjust(widths[index])
            parts.append(paint(padded, cell.style) if cell.style else padded)
        return GAP.join(parts).rstrip()

    lines = [paint(line([Cell(c.header) for c in columns]), "bold"), "─" * total]
    body = iter(cells)
    for row in rows:
        if isinstance(row, Cell):
            lines.append(paint(fit(printable(row.text), total), row.style))
        else:
            lines.append(line(next(body)))  # the same row, its cells normalised above
    return lines
