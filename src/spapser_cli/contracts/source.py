"""Which contracts a command reads: the DECP files it was given, or the data folder's
`contracts/` with the scheme's buyers and organisation.

Each way ends in one readable error (no such file, a file that is not DECP, no register in
the folder), so that the commands only choose and show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spapser_cli.contracts.register import Register, folder_register, read_register
from spapser_cli.i18n import N_, Message
from spapser_cli.problems import InvalidDataError, SpapserError, UsageError

NO_SUCH_FILE = N_("{path}: no such file")
NO_REGISTER = N_("no contract register: {folder} holds no DECP file (*.json, *.xml) or CSV "
                 "register")


@dataclass
class ContractsSource:
    """The register read, with what the scheme says about it (nothing for bare FILES)."""

    register: Register
    buyers: list[str] = field(default_factory=list)  # the scheme's `buyers:`, or every buyer
    organisation: str | None = None  # heads the outputs; None when FILES were given


def read_files(files: Sequence[Path]) -> Register:
    """The register of `files`; an error when one is missing or cannot be read."""
    for path in files:
        if not path.is_file():
            raise UsageError(Message(NO_SUCH_FILE, path=str(path)))
    register = read_register(files)
    if register.errors:
        raise InvalidDataError(register.problems)
    return register


def folder_contracts(folder: Path) -> Register | None:
    """The register of `folder/contracts/`, None when the folder has no contract file; an
    error when a file there cannot be read."""
    if not (folder / "contracts").is_dir():
        return None
    register, _problems = folder_register(folder)
    if register is not None and register.errors:
        raise InvalidDataError(register.problems)
    return register


def contracts_source(files: Sequence[Path], folder: Path | None) -> ContractsSource:
    """`files` when given (the scheme is not read), else the register of `folder` with the
    scheme's buyers and organisation."""
    if files or folder is None:
        return ContractsSource(read_files(files))
    from spapser_cli.read.load import require_catalog

    catalog, _problems = require_catalog(folder)
    register = folder_contracts(folder)
    if register is None:
        raise SpapserError(Message(NO_REGISTER, folder=str(folder / "contracts")))
    return ContractsSource(register, list(getattr(catalog.scheme, "buyers", None) or []),
                           catalog.scheme.organisation)
