"""A snapshot cache of validated catalogs, so that repeated commands start fast.

`spapser compute` is run again and again on data that rarely changes. Reading, validating and
importing Pydantic take ~100 ms; reading back the catalog that passed last time takes ~3 ms.

A snapshot is used only when its fingerprint matches: the spapser version, the source of
spapser itself, the working folder (paths in messages are relative to it), where the data
folder and its subfolders really are, the names of every file of the data folder, the target
of every link, and the exact bytes of every data file, each field prefixed by its length. Any
change, or any problem reading the cache, means a normal load. `spapser validate` never uses
the cache.

What the cache trusts, and why (docs/design.md, "Failure model"):
- a snapshot is JSON (`snapshot`), never code: whoever wrote the file, reading it runs
  nothing, and a snapshot of the wrong shape is a miss;
- the folder must be private (a real folder, the user's own, mode 0700): anything else is
  neither read nor written, so nobody else can plant a snapshot or a link;
- snapshots are written atomically, through an exclusive, no-follow temporary file.

Location: `$SPAPSER_CACHE_DIR`, else `$XDG_CACHE_HOME/spapser`, else `~/.cache/spapser`; a
relative path is ignored (the XDG rule: it would name a folder of whatever checkout the
command runs in). `SPAPSER_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING

from spapser_cli import __version__
from spapser_cli.files import (
    DATA_FILE_LIMIT,
    NotPrivate,
    absolute,
    private_folder,
    read_capped,
    write_atomic,
)
from spapser_cli.problems import OutputError

if TYPE_CHECKING:
    from spapser_cli.catalog import Catalog
    from spapser_cli.problems import Problem

FORMAT = 4  # bump when the stored shape changes (4: JSON instead of pickle)
SNAPSHOT_LIMIT = 512 * 1024 * 1024  # far above any real catalog; never read more


def cache_dir() -> Path | None:
    if os.environ.get("SPAPSER_NO_CACHE"):
        return None
    chosen = os.environ.get("SPAPSER_CACHE_DIR", "")
    if os.path.isabs(chosen):
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "spapser" if os.path.isabs(base) else None


def _source_stamp() -> bytes:
    """Size and modification time of spapser's own modules (an edited checkout or a new
    release invalidates every snapshot)."""
    package = Path(__file__).resolve().parents[1]  # spapser_cli/catalog/cache.py -> spapser_cli
    stamps = []
    for module in sorted(package.rglob("*.py")):
        stat = module.stat()
        stamps.append(f"{module.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(stamps).encode()


class _Digest:
    """SHA-256 of a sequence of fields, each prefixed by its length: moving bytes from one
    field to the next (the end of a file to the start of the next) changes the digest."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()

    def field(self, value: bytes | str) -> None:
        raw = value.encode("utf-8", "surrogateescape") if isinstance(value, str) else value
        self._hash.update(len(raw).to_bytes(8, "big"))
        self._hash.update(raw)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def fingerprint(data_dir: Path) -> str:
    digest = _Digest()
    for part in (str(FORMAT), __version__, os.getcwd(), str(absolute(data_dir))):
        digest.field(part)
    digest.field(_source_stamp())
    for folder in (data_dir, data_dir / "actions", data_dir / "measures"):
        digest.field(str(absolute(folder)))
        try:
            names = sorted(os.listdir(folder))
        except OSError as exc:
            names = []
            digest.field(f"unlistable:{exc.errno}")
        digest.field(str(len(names)))
        for name in names:
            digest.field(name)
            path = folder / name
            try:
                if os.path.islink(path):
                    digest.field(b"link:" + os.fsencode(os.readlink(path)))
            except OSError as exc:
                digest.field(f"unreadable-link:{exc.errno}")
            if name.endswith(".yaml"):
                try:
                    digest.field(b"bytes:" + read_capped(path, DATA_FILE_LIMIT))
                except OSError as exc:  # the full load reports it; the stamp only differs
                    digest.field(f"unreadable:{type(exc).__name__}:{exc.errno}")
    return digest.hexdigest()


def _snapshot_path(folder: Path, data_dir: Path) -> Path:
    key = hashlib.sha256(f"{os.getcwd()}|{absolute(data_dir)}".encode("utf-8", "surrogateescape")
                         ).hexdigest()[:24]
    return folder / f"catalog-{key}.json"


def _header(stamp: str, payload: bytes | memoryview) -> bytes:
    return f"spapser-snapshot {FORMAT} {stamp} {hashlib.sha256(payload).hexdigest()}\n".encode()


def _is_private(folder: Path) -> bool:
    """An existing real folder of this user that nobody else can enter."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    return not hasattr(os, "getuid") or (info.st_uid == os.getuid()
                                         and not info.st_mode & 0o077)


def load(data_dir: Path, stamp: str) -> tuple[Catalog, list[Problem]] | None:
    """The snapshot of `data_dir` if its fingerprint is `stamp`, else None."""
    from spapser_cli.catalog.snapshot import SnapshotError, decode

    folder = cache_dir()
    if folder is None or not _is_private(folder):
        return None
    try:
        raw = read_capped(_snapshot_path(folder, data_dir), SNAPSHOT_LIMIT, follow=False)
    except OSError:  # missing, a link, a FIFO, unreadable: a normal load
        return None
    start = raw.find(b"\n") + 1  # the payload follows the header line
    payload = memoryview(raw)[start:]  # no copy of what can be tens of megabytes
    if start == 0 or raw[:start] != _header(stamp, payload):  # another fingerprint, version
        return None
    try:
        return decode(raw, start)
    except SnapshotError:
        return None


def save(data_dir: Path, stamp: str, catalog: Catalog, problems: list[Problem]) -> None:
    """Keep a snapshot of what was read when the files had fingerprint `stamp`.

    Nothing is kept if the files changed while they were being read (an editor saving, a
    `git checkout`): the snapshot could then mix old data with the new fingerprint. Silently
    does nothing when the cache folder is not private or not writable."""
    from spapser_cli.catalog.snapshot import encode

    folder = cache_dir()
    if folder is None or fingerprint(data_dir) != stamp:
        return
    target = _snapshot_path(folder, data_dir)
    try:
        payload = encode(catalog, problems)
        private_folder(folder)
        header = _header(stamp, payload)

        def write(tmp: Path) -> None:
            with open(tmp, "wb") as stream:  # header, then payload: no copy of the payload
                stream.write(header)
                stream.write(payload)

        write_atomic(target, write, mode=0o600)
        _prune(folder, keep=target)
    except (OSError, OutputError, NotPrivate, ValueError):  # SnapshotError is a ValueError
        pass  # no snapshot: the next command reads the files again


MAX_AGE_SECONDS = 30 * 24 * 3600


def _prune(folder: Path, keep: Path) -> None:
    """Forget snapshots unused for 30 days (one exists per working folder and data folder),
    and those of older formats (pickles, never read again)."""
    limit = time.time() - MAX_AGE_SECONDS
    for old in folder.glob("catalog-*"):
        try:
            if old != keep and (old.suffix == ".pickle" or old.lstat().st_mtime < limit):
                old.unlink()
        except OSError:
            pass
