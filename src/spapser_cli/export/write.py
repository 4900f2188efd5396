"""Write the bilan workbook: the target checked, the workbook built, then saved atomically."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from spapser_cli.catalog import Catalog
from spapser_cli.export.bilan import ExportPlan, gather
from spapser_cli.files import check_target, exists, office_lock_files, write_atomic
from spapser_cli.problems import OutputError, Problem

if TYPE_CHECKING:
    from spapser_cli.contracts import Register


def prepare_target(plan: ExportPlan) -> Path:
    """Create the default reports/ folder if needed and refuse a workbook open in Excel or
    LibreOffice. Raises `OutputError` (exit 3)."""
    target = plan.output
    if plan.default_output:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create {target.parent}: {exc.strerror or exc}") from None
    check_target(target)
    for lock in office_lock_files(target):
        if exists(lock):  # a name too long to exist is no lock
            raise OutputError(f"cannot write {target}: it is open in a spreadsheet application "
                              f"(lock file {lock.name}); close it and try again")
    return target


def export_workbook(catalog: Catalog, plan: ExportPlan, *, problems: list[Problem],
                    command: str, actions: list[str] | None = None,
                    register: Register | None = None) -> Path:
    """Write the bilan workbook atomically and return its path (`actions`: only these; with
    a contract `register`, a *Marchés* sheet when the year has contracts)."""
    bilan = gather(catalog, plan, problems=problems, command=command, actions=actions,
                   register=register)
    target = prepare_target(plan)
    collecting = gc.isenabled()
    gc.disable()  # the writer makes many small objects and no cycles worth collecting here
    try:
        from spapser_cli.export.workbook import write_workbook  # imports XlsxWriter

        write_atomic(target, lambda path: write_workbook(bilan, path))
    finally:
        if collecting:
            gc.enable()
    return target
