"""Write the bilan workbook: the target checked, the workbook built, then saved atomically."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from spapser_cli.catalog import Catalog
from spapser_cli.export.bilan import ExportPlan, gather
from spapser_cli.files import (
    cannot_write,
    check_target,
    exists,
    office_lock_files,
    system_reason,
    write_atomic,
)
from spapser_cli.i18n import Message
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
            raise OutputError(Message("cannot create {path}: {reason}", path=str(target.parent),
                                      reason=system_reason(exc))) from None
    check_target(target)
    for lock in office_lock_files(target):
        if exists(lock):  # a name too long to exist is no lock
            raise OutputError(cannot_write(target, Message(
                "it is open in a spreadsheet application (lock file {lock}); close it and try "
                "again", lock=lock.name)))
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
