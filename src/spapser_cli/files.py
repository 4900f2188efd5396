"""Atomic writes: a temporary file in the target folder, then a rename.

A failure at any point leaves the previous file untouched and no half-written file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from spapser_cli.problems import OutputError


def office_lock_files(target: Path) -> list[Path]:
    """The lock files Excel (`~$name`) and LibreOffice (`.~lock.name#`) keep beside an open file."""
    return [target.with_name(f"~${target.name}"), target.with_name(f".~lock.{target.name}#")]


def write_atomic(target: Path, write: Callable[[Path], object]) -> None:
    """Call `write(tmp_path)` then rename the temporary file onto `target`.

    Raises `OutputError` (exit 3) when the folder is missing or not writable.
    """
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError(f"cannot write {target}: it is a folder")
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: folder {folder} does not exist")
    try:
        handle, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                            dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(target: Path, text: str) -> None:
    write_atomic(target, lambda tmp: tmp.write_text(text, encoding="utf-8", newline="\n"))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
