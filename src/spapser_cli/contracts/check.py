"""What `spapser validate` reports about contract files: reading problems and dirty values,
and the scheme's buyers that have no contract in the register."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from spapser_cli.contracts.register import (
    LINK_OUTSIDE,
    Register,
    folder_register,
    is_contract_file,
    read_register,
)
from spapser_cli.contracts.source import NO_SUCH_FILE
from spapser_cli.files import leads_outside
from spapser_cli.i18n import N_, Message
from spapser_cli.problems import Problem, UsageError, display_path

if TYPE_CHECKING:
    from spapser_cli.catalog import Catalog


def split_paths(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """(YAML data files, contract files) among the paths given to `validate`."""
    yaml_files = [p for p in paths if not is_contract_file(p)]
    return yaml_files, [p for p in paths if is_contract_file(p)]


def check_contracts(data_dir: Path, contract_paths: Sequence[Path], whole_folder: bool,
                    catalog: Catalog | None) -> tuple[list[Problem], list[str]]:
    """(problems, files checked): of the given contract files, else of the folder's."""
    for path in contract_paths:
        if not path.is_file():
            raise UsageError(Message(NO_SUCH_FILE, path=str(path)))
    register: Register | None
    links = [p for p in contract_paths if leads_outside(p, data_dir)]
    if links:  # files of the data folder that lead out of it: never read, never quoted
        return [Problem(display_path(p), "link-outside-data", Message(LINK_OUTSIDE))
                for p in links], []
    if contract_paths:
        register = read_register(contract_paths)
        problems = list(register.problems)
    elif whole_folder:
        register, strays = folder_register(data_dir)
        problems = list(register.problems) if register else strays
    else:
        return [], []
    if register is None:
        return problems, []
    if whole_folder and catalog is not None:
        problems += unknown_buyers(register, catalog)
    return problems, [display_path(Path(f)) if not isinstance(f, str) else f
                      for f in register.files]


def unknown_buyers(register: Register, catalog: Catalog) -> list[Problem]:
    """A warning for each buyer of the scheme with no contract at all in the register."""
    buyers = list(getattr(catalog.scheme, "buyers", None) or [])
    if not buyers:
        return []
    found = set(register.frame["buyer"].unique())
    doc = next((d for f, d in catalog.documents.items() if Path(f).name == "scheme.yaml"),
               None)
    problems = []
    for index, siret in enumerate(buyers):
        if siret in found:
            continue
        message = Message(N_("buyer {siret} has no contract in the register "
                             "(data/contracts/): its indicators will be n/d"), siret=siret)
        problems.append(doc.problem(("buyers", index), "unknown-buyer", message,
                                    severity="warning") if doc else
                        Problem("scheme.yaml", "unknown-buyer", message, severity="warning"))
    return problems
