"""The clean register: every contract file read, cleaned, deduplicated, in one table.

- Duplicates (the same buyer SIRET and id, published again) keep the latest publication.
- Modifications are applied when each contract is cleaned (`clean`).
- A contract belongs to the year of its notification (`dateSignature` for a concession).

A file that cannot be read (not DECP, bad JSON/XML, an entity bomb) is one error naming it,
and none of its contracts enter the register: a file is read whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spapser_cli.contracts.clean import RegisterBuilder
from spapser_cli.contracts.csvread import read_csv_contracts
from spapser_cli.contracts.jsonread import Contract, DecpFormatError, read_json_contracts
from spapser_cli.contracts.vocabulary import COLUMNS
from spapser_cli.contracts.xmlread import read_xml_contracts
from spapser_cli.files import leads_outside, require_regular
from spapser_cli.i18n import N_, Message
from spapser_cli.problems import Problem, display_path

if TYPE_CHECKING:
    import pandas as pd

    from spapser_cli.contracts.jsonread import Split
    from spapser_cli.contracts.split import SplitRead

CONTRACT_SUFFIXES = (".json", ".xml", ".csv")
STRAY_FILE = N_("spapser reads only *.json, *.xml (DECP) and *.csv (the CSV register) files "
                "here; this file is ignored")
LINK_OUTSIDE = N_("this is a symbolic link to a file outside the data folder; spapser does "
                  "not follow it: copy the file into the folder instead")


@dataclass
class Register:
    """Every contract of the files read, one row each (see `vocabulary.COLUMNS`)."""

    frame: pd.DataFrame
    files: list[str]
    problems: list[Problem] = field(default_factory=list)
    read: int = 0  # contracts read, before duplicates were removed
    duplicates: int = 0
    layouts: dict[str, str] = field(default_factory=dict)  # file -> "2.0", "2019" or "csv"

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def years(self) -> list[int]:
        """The years that have at least one contract."""
        return sorted(int(y) for y in self.frame["year"].unique() if y)

    def of_year(self, year: int) -> pd.DataFrame:
        return self.frame[self.frame["year"] == year]

    def of_buyers(self, frame: pd.DataFrame, buyers: Iterable[str]) -> pd.DataFrame:
        return frame[frame["buyer"].isin(list(buyers))]


def contract_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """(the contract files of `folder`, sorted; the other files there)."""
    if not folder.is_dir():
        return [], []
    files: list[Path] = []
    others: list[Path] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        (files if path.suffix.lower() in CONTRACT_SUFFIXES else others).append(path)
    return files, others


def _contracts_of(path: Path, stream: Any, layouts: dict[str, str], name: str,
                  split: Split | None) -> Iterator[tuple[Contract, bool]]:
    suffix = path.suffix.lower()

    def layout(found: str) -> None:
        layouts[name] = found

    if suffix == ".xml":
        for contract in read_xml_contracts(stream, layout):
            yield contract, False
    elif suffix == ".csv":
        layouts[name] = "csv"
        for contract in read_csv_contracts(stream):
            yield contract, False
    else:
        for contract in read_json_contracts(stream, layout, split):
            yield contract, True


def read_register(paths: Iterable[Path]) -> Register:
    """Read contract files (DECP JSON or XML, or the CSV register) into one clean register."""
    import gc

    builder = RegisterBuilder()
    layouts: dict[str, str] = {}
    file_errors: list[Problem] = []
    # Decoding creates millions of short-lived dicts and keeps none: the cyclic garbage
    # collector would walk the growing register again and again for nothing. Building the
    # table too: with the rows still alive, collections there took 0.3 s per 100 k contracts.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for path in paths:
            _read_file(path, builder, layouts, file_errors)
        return _build(builder, layouts, file_errors)
    finally:
        if gc_was_enabled:
            gc.enable()


def _read_file(path: Path, builder: RegisterBuilder, layouts: dict[str, str],
               file_errors: list[Problem]) -> None:
    """Add one file's contracts to `builder`, all of them or (on an error) none."""
    name = display_path(path)
    index = builder.add_file(name)
    rows_mark = len(builder.rows)
    problems_mark = len(builder.problems)
    split: SplitRead | None = None
    try:
        require_regular(path)  # a FIFO would block the reader, a device never end
        split = _split(path, builder, index)
        with open(path, "rb") as stream:
            for (kind, raw, line), typed in _contracts_of(path, stream, layouts, name, split):
                builder.add(kind, raw, index, line, typed=typed,
                            layout=layouts.get(name, "2.0"))
    except DecpFormatError as error:
        del builder.rows[rows_mark:]  # all or nothing
        del builder.problems[problems_mark:]
        file_errors.append(Problem(name, error.code, Message(
            N_("{error} (no contract of this file was read)"), error=error.args[0]),
            error.line, error.column))
    except OSError as error:
        file_errors.append(Problem(name, "unreadable-file", Message(
            N_("cannot read the file: {reason}"), reason=str(error.strerror or error))))
    finally:
        if split is not None:
            split.close()
    if layouts.get(name) == "2019":
        builder.problems.append(Problem(
            name, "invalid-value", Message(N_(
                "the 2019 layout (a flat 'marches' list): it has no social or environmental "
                "considerations, so its contracts count as having none")), 1,
            severity="warning"))


def _split(path: Path, builder: RegisterBuilder, index: int) -> SplitRead | None:
    """A second process for the second half of a large JSON file (`split`), or None."""
    from spapser_cli.contracts.split import SplitRead, can_split, layout_of

    if not can_split(path):
        return None
    layout = layout_of(path)
    if layout is None:
        return None
    split = SplitRead(path, builder, index, layout)
    return split if split.at >= 0 else None


def superseded_rows(rows: list[tuple[Any, ...]]) -> list[int]:
    """The rows of contracts published again later: for each (buyer, id), every row but the
    latest publication (`datePublicationDonnees`; the row read last on a tie)."""
    latest: dict[tuple[Any, Any], tuple[int, str]] = {}
    superseded = []
    for row_index, row in enumerate(rows):
        key, published = (row[1], row[2]), row[11]
        seen = latest.get(key)
        if seen is None or published >= seen[1]:
            latest[key] = (row_index, published)
            if seen is not None:
                superseded.append(seen[0])
        else:
            superseded.append(row_index)
    return superseded


def _build(builder: RegisterBuilder, layouts: dict[str, str],
           file_errors: list[Problem]) -> Register:
    import numpy as np
    import pandas as pd

    rows = builder.rows
    read = len(rows)
    arrays: dict[str, Any] = {}
    # Transposed in C (zip); each column then becomes one typed array.
    columns = zip(*rows, strict=True) if rows else ((),) * len(COLUMNS)
    for name, values in zip(COLUMNS, columns, strict=True):
        dtype = (bool if name in _BOOLEAN_COLUMNS else float if name in _FLOAT_COLUMNS else
                 np.int64 if name in _INT_COLUMNS else object)
        arrays[name] = np.array(values, dtype=dtype)
    frame = pd.DataFrame(arrays, copy=False)
    # Only the contracts published more than once go through the Python loop (hashing the
    # keys in pandas takes a tenth of the loop's time over every row).
    published_again = np.flatnonzero(frame.duplicated(["buyer", "id"], keep=False).to_numpy())
    superseded = [int(published_again[i]) for i in
                  superseded_rows([rows[i] for i in published_again])]
    rows.clear()
    if superseded:  # duplicates: keep each contract's latest publication
        keep = np.ones(read, dtype=bool)
        keep[superseded] = False
        frame = frame[keep].reset_index(drop=True)
    return Register(frame=frame, files=builder.files,
                    problems=[*file_errors, *builder.problems], read=read,
                    duplicates=read - len(frame), layouts=layouts)


_BOOLEAN_COLUMNS = frozenset({"innovative", "amount_ok", "env_clause", "env_criterion",
                              "social_clause", "social_criterion", "reserved"})
_FLOAT_COLUMNS = frozenset({"amount", "duration"})
_INT_COLUMNS = frozenset({"year", "file", "line"})


def folder_register(data_dir: Path) -> tuple[Register | None, list[Problem]]:
    """The register of `data_dir/contracts/` (None when it holds no contract file), and a
    warning for each other file there."""
    files, others = contract_files(data_dir / "contracts")
    strays = [Problem(display_path(p), "stray-file", Message(STRAY_FILE), severity="warning")
              for p in others]
    links = [p for p in files if leads_outside(p, data_dir)]  # never read, never quoted
    strays += [Problem(display_path(p), "link-outside-data", Message(LINK_OUTSIDE))
               for p in links]
    files = [p for p in files if p not in links]
    if not files:
        return None, strays
    register = read_register(files)
    register.problems[:0] = strays
    return register, strays


def is_contract_file(path: Path) -> bool:
    """A file `spapser validate` checks as contracts: by its suffix, or its folder."""
    return path.suffix.lower() in CONTRACT_SUFFIXES or path.parent.name == "contracts"
