"""A snapshot cache of validated catalogs, so that repeated commands start fast.

`spapser compute` is run again and again on data that rarely changes. Reading, validating and
importing Pydantic take ~100 ms; unpickling the catalog that passed last time takes ~3 ms.

A snapshot is used only when its fingerprint matches: the spapser version, the source of
spapser itself, the working folder (paths in messages are relative to it), the names of every
file of the data folder and the exact bytes of every data file. Any change, or any problem
reading the cache, means a normal load. `spapser validate` never uses the cache.

Location: `$SPAPSER_CACHE_DIR`, else `$XDG_CACHE_HOME/spapser`, else `~/.cache/spapser`.
`SPAPSER_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from spapser_cli import __version__

if TYPE_CHECKING:
    from spapser_cli.catalog import Catalog
    from spapser_cli.problems import Problem

FORMAT = 3  # bump when the pickled shape changes (3: broken_measures, not_measured)


def cache_dir() -> Path | None:
    if os.environ.get("SPAPSER_NO_CACHE"):
        return None
    if os.environ.get("SPAPSER_CACHE_DIR"):
        return Path(os.environ["SPAPSER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "spapser"


def _source_stamp() -> bytes:
    """Size and modification time of spapser's own modules (an edited checkout or a new
    release invalidates every snapshot)."""
    package = Path(__file__).resolve().parents[1]  # spapser_cli/catalog/cache.py -> spapser_cli
    stamps = []
    for module in sorted(package.rglob("*.py")):
        stat = module.stat()
        stamps.append(f"{module.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(stamps).encode()


def fingerprint(data_dir: Path) -> str:
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}|{__version__}|{os.getcwd()}|{data_dir.resolve()}".encode())
    digest.update(_source_stamp())
    for folder in (data_dir, data_dir / "actions", data_dir / "measures"):
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            names = []
        for name in names:
            digest.update(f"\0{folder.name}/{name}".encode())
            path = folder / name
            if name.endswith(".yaml") and path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _snapshot_path(folder: Path, data_dir: Path) -> Path:
    key = hashlib.sha256(f"{os.getcwd()}|{data_dir.resolve()}".encode()).hexdigest()[:24]
    return folder / f"catalog-{key}.pickle"


def _header(stamp: str) -> bytes:
    return f"spapser-snapshot {FORMAT} {stamp}\n".encode()


def _trusted(handle: BinaryIO) -> bool:
    """Only a snapshot this user wrote and nobody else can write is unpickled: unpickling
    runs code, so a file planted in a shared cache folder must never be loaded."""
    if not hasattr(os, "getuid"):
        return True  # Windows: the per-user profile folder is private
    info = os.fstat(handle.fileno())
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load(data_dir: Path, stamp: str) -> tuple[Catalog, list[Problem]] | None:
    """The snapshot of `data_dir` if its fingerprint is `stamp`, else None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(_snapshot_path(folder, data_dir), "rb") as handle:
            # The fingerprint is read and compared before anything is unpickled.
            if not _trusted(handle) or handle.readline() != _header(stamp):
                return None
            catalog, problems = pickle.load(handle)
    except Exception:  # missing, unreadable or from another version: a normal load
        return None
    return catalog, problems


def save(data_dir: Path, stamp: str, catalog: Catalog, problems: list[Problem]) -> None:
    """Keep a snapshot of what was read when the files had fingerprint `stamp`.

    Nothing is kept if the files changed while they were being read (an editor saving, a
    `git checkout`): the snapshot could then mix old data with the new fingerprint. Silently
    does nothing when the cache folder is not writable."""
    folder = cache_dir()
    if folder is None or fingerprint(data_dir) != stamp:
        return
    target = _snapshot_path(folder, data_dir)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
            handle.write(_header(stamp))
            pickle.dump((catalog, problems), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
        _prune(folder, keep=target)
    except (OSError, pickle.PicklingError):
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


MAX_AGE_SECONDS = 30 * 24 * 3600


def _prune(folder: Path, keep: Path) -> None:
    """Forget snapshots unused for 30 days (one exists per working folder and data folder)."""
    limit = time.time() - MAX_AGE_SECONDS
    for old in folder.glob("catalog-*.pickle"):
        try:
            if old != keep and old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass
