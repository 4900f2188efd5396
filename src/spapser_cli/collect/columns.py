"""The contract between the collection template and the import: column names and markers.

Every data sheet (and the CSV form) has one header row with the visible columns
`Valeur YEAR`, `Source` and `Commentaire`, and the columns `variable`, `catégorie` and
`indicateur` holding the ids (hidden in the workbook). The import reads the ids, never the
labels, so that a pilot may re-sort the rows or edit a label safely.
"""

from __future__ import annotations

import re

SOURCE = "Source"
COMMENT = "Commentaire"
ID_VARIABLE = "variable"
ID_CATEGORY = "catégorie"
ID_INDICATOR = "indicateur"
ID_COLUMNS = (ID_VARIABLE, ID_CATEGORY, ID_INDICATOR)
PILOT = "Pilote"  # CSV only: a workbook has one sheet per pilot

# Columns shown for reference; the import ignores them.
REFERENCE = ("Action", "Intitulé de l'action", "Indicateur(s)", "Donnée", "Catégorie", "Unité",
             "Dernière valeur connue", "Année de cette valeur")

_VALUE_HEADER = re.compile(r"^\s*Valeur\s+(\d{4})\s*$", re.IGNORECASE)

# What a pilot writes for "not measured": recorded as such, with a note, never as zero.
NOT_MEASURED = ("nc", "n/d", "nd", "n.c.", "n/c", "-", "–", "—")

META_TAG = "spapser-collecte"  # first cell of the hidden sheet that describes the workbook
META_VERSION = 1


def value_header(year: int) -> str:
    return f"Valeur {year}"


def header_year(text: object) -> int | None:
    """The year of a `Valeur YEAR` header, or None if `text` is not one."""
    match = _VALUE_HEADER.match(text) if isinstance(text, str) else None
    return int(match[1]) if match else None


def expected_columns(year: int | None) -> str:
    value = value_header(year) if year else "Valeur ANNÉE"
    return ", ".join([value, SOURCE, COMMENT, *ID_COLUMNS])
