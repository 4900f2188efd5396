"""The optional CSV register, for contracts DECP does not cover (under 40 k€, or missing
from a buyer's profile).

One row per contract; the header names are the DECP field names (see CSV_COLUMNS). The
separator is `,` or `;` (as French Excel writes it), decimal commas are accepted, lists of
considerations are separated by `;` inside their cell (or `|`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import IO, Any

from spapser_cli.contracts.jsonread import NOT_UTF8, Contract, DecpFormatError
from spapser_cli.i18n import N_, Message

CSV_REQUIRED = ("id", "acheteur_id", "dateNotification", "montant")
CSV_OPTIONAL = ("nature", "objet", "codeCPV", "procedure", "ccag", "marcheInnovant",
                "considerationsSociales", "considerationsEnvironnementales",
                "datePublicationDonnees", "dureeMois", "offresRecues")
CSV_COLUMNS = CSV_REQUIRED + CSV_OPTIONAL
"""The documented column set (README, « The CSV register »)."""

_LISTS = {"considerationsSociales": "considerationSociale",
          "considerationsEnvironnementales": "considerationEnvironnementale"}


def read_csv_contracts(stream: IO[bytes]) -> Iterator[Contract]:
    """Every row of a CSV register as a DECP-shaped market."""
    try:
        text = stream.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DecpFormatError("encoding", Message(NOT_UTF8, reason=error.reason)) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        raise DecpFormatError("not-decp", Message(N_("an empty CSV file")))
    header = [h.strip() for h in header]
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if unknown:
        import difflib

        close = difflib.get_close_matches(unknown[0], CSV_COLUMNS, n=1)
        hint = Message(N_(" (did you mean {name}?)"), name=close[0]) if close else ""
        raise DecpFormatError("unknown-key", Message(
            N_("unknown column {name}{hint}; the columns are {columns}"),
            name=repr(unknown[0]), hint=hint, columns=", ".join(CSV_COLUMNS)), 1,
                              header.index(unknown[0]) + 1)
    missing = [h for h in CSV_REQUIRED if h not in header]
    if missing:
        raise DecpFormatError("missing-key", Message(N_("missing column(s) {names}"),
                                                     names=", ".join(missing)), 1)
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        line = reader.line_num
        raw: dict[str, Any] = {}
        for name, cell in zip(header, row, strict=False):
            cell = cell.strip()
            if not cell:
                continue
            if name == "acheteur_id":
                raw["acheteur"] = {"id": cell}
            elif name in _LISTS:
                raw[name] = {_LISTS[name]: [part.strip() for part in
                                            cell.replace("|", ";").split(";") if part.strip()]}
            else:
                raw[name] = cell
        yield "market", raw, line
