"""Reading the user's files and writing ours without being tricked by what is on disk.

Shared by every layer that touches files (`read`, the snapshot cache, the exports).

- `read_capped` reads only regular files, and never more than a cap: a FIFO would block every
  command forever, and `/dev/zero` (or a link to it, which git can commit) has a size of 0 and
  no end.
- `private_folder` is a folder only this user can enter, or an error: what is written there
  and read back (the snapshot cache) must come from this user.
- `create_exclusive` creates a file that did not exist, never through a symbolic link: a link
  planted at the name cannot make us write somewhere else.
- `write_atomic` writes a file in a private temporary folder beside the target, then renames
  it onto the target: a failure or an interruption leaves the previous file and no temporary.
  Only SIGKILL (or a power cut) can leave that folder behind; the next write in the same
  folder removes such leftovers once they are a day old (a write never takes that long).
"""

from __future__ import annotations

import errno
import gc
import os
import shutil
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from spapser_cli.i18n import Message
from spapser_cli.problems import OutputError, os_reason

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)  # Windows
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)

READ_CHUNK = 1 << 16

DATA_FILE_LIMIT = 1_048_576
"""Data files are hand-edited: anything bigger than 1 MiB is a mistake, not a scheme."""


class NotRegularFile(OSError):
    """A FIFO, a device, a socket or a folder where a file is expected."""


class FileTooLarge(OSError):
    """More bytes than the cap; `size` is at least the cap plus one."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"the file is {size:,} bytes or more; the limit is {limit:,}")
        self.size = size
        self.limit = limit


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_capped(path: Path | str, limit: int, *, follow: bool = True) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Raises `NotRegularFile`, `FileTooLarge`, or the `OSError` of opening or reading it. The
    file is checked before it is opened (opening a device can have effects) and again once
    open (it may have been replaced in between); a FIFO is opened without blocking."""
    flags = os.O_RDONLY | _NONBLOCK | _BINARY | _CLOEXEC | (0 if follow else _NOFOLLOW)
    info = os.stat(path, follow_symlinks=follow)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(f"this is {kind_of(info.st_mode)}, not a file")
    if info.st_size > limit:
        raise FileTooLarge(info.st_size, limit)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(f"this is {kind_of(info.st_mode)}, not a file")
        chunks = []
        left = limit + 1  # one byte more than allowed tells a file that grew past the cap
        while left > 0:
            chunk = os.read(fd, min(READ_CHUNK, left))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > limit:
        raise FileTooLarge(len(raw), limit)
    return raw


def require_regular(path: Path | str) -> None:
    """Raise `NotRegularFile` unless `path` is a regular file: for readers that stream a file
    too large for `read_capped` (a FIFO would block them, a device never end)."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(f"this is {kind_of(info.st_mode)}, not a file")


class NotPrivate(OSError):
    """A folder others can write into or that is not ours."""


def private_folder(path: Path) -> Path:
    """`path` as a folder only this user can use: created with mode 0700 when missing; an
    existing one must be a real folder (not a link), owned by this user, with no access for
    group or others. Raises `NotPrivate` or the `OSError` of creating it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode):
        raise NotPrivate(f"{path} is not a folder")
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o077):
        raise NotPrivate(f"{path} is not private (owner and mode 0700 required)")
    return path


def create_exclusive(path: Path | str, mode: int = 0o600) -> int:
    """A new file, open for writing: fails if anything, even a dangling link, has the name."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY | _CLOEXEC
    return os.open(path, flags, mode)


def absolute(path: Path) -> Path:
    """`path` resolved, or made absolute when it cannot be (a symbolic-link loop)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def leads_outside(path: Path, folder: Path) -> bool:
    """Whether `path`, named inside `folder`, is a link (or below a link) to a place outside
    it. Git commits links: followed, one would show its target's content in a CI log."""
    named = Path(os.path.abspath(path))
    if Path(os.path.abspath(folder)) not in named.parents:
        return False  # not a file of the folder: read where the user put it
    return absolute(folder) not in absolute(path).parents


def exists(path: Path) -> bool:
    """Whether something has this name; False when the name cannot exist (too long)."""
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


# -- the output stream -------------------------------------------------------------------------
OUTPUT_ERRNOS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO,
                           errno.EBADF})
"""Failures to write a command's output (a full disk, a pipe whose reader left): an output
that cannot be written (exit 3), not a bug."""


def output_failure(exc: BaseException) -> str | None:
    """The one-line reason when `exc` is a failure to write the output, else None."""
    if not isinstance(exc, OSError) or exc.errno not in OUTPUT_ERRNOS:
        return None
    if exc.errno == errno.EPIPE:
        return "cannot write the output: the reader of the output stopped reading"
    return f"cannot write the output: {exc.strerror or exc}"


# -- atomic writes ------------------------------------------------------------------------------
def office_lock_files(target: Path) -> list[Path]:
    """The lock files Excel (`~$name`) and LibreOffice (`.~lock.name#`) keep beside an open file."""
    return [target.with_name(f"~${target.name}"), target.with_name(f".~lock.{target.name}#")]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _ignore_unraisable(_: object) -> None:
    pass


def check_target(target: Path) -> None:
    """Refuse, with the system's reason, a target that cannot be a file we write: a folder,
    a link loop, a name too long, a missing folder. Raises `OutputError` (exit 3)."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        if not stat.S_ISDIR(os.stat(folder).st_mode):
            raise OutputError(cannot_write(target, Message("{folder} is not a folder",
                                                           folder=str(folder))))
    except FileNotFoundError:
        raise OutputError(cannot_write(target, Message("folder {folder} does not exist",
                                                       folder=str(folder)))) from None
    except (OSError, ValueError) as exc:  # a link loop, a name too long, no permission
        raise OutputError(cannot_write(target, system_reason(exc))) from None
    try:
        if stat.S_ISDIR(os.stat(target).st_mode):
            raise OutputError(cannot_write(target, Message("it is a folder")))
    except FileNotFoundError:
        pass  # a new file (or a dangling link, which the rename replaces)
    except (OSError, ValueError) as exc:
        raise OutputError(cannot_write(target, system_reason(exc))) from None


def system_reason(exc: BaseException) -> str:
    """Why a file operation failed, as the system words it, translated when it is one of
    `problems.OS_REASONS`."""
    strerror = getattr(exc, "strerror", None)
    return os_reason(strerror if isinstance(strerror, str) and strerror else str(exc))


def cannot_write(target: Path, reason: str) -> Message:
    """« cannot write reports/bilan-2015.xlsx: Permission denied », in the user's language."""
    return Message("cannot write {target}: {reason}", target=str(target), reason=reason)


_TEMPORARIES: set[Path] = set()


def remove_temporaries() -> None:
    """Remove the temporary folders of the writes in progress: what the handler of Ctrl-C
    and SIGTERM calls before the process ends (`entry`)."""
    for workspace in list(_TEMPORARIES):
        shutil.rmtree(workspace, ignore_errors=True)


def write_atomic(target: Path, write: Callable[[Path], object], *, mode: int | None = None
                 ) -> None:
    """Call `write(tmp_path)`, then rename the temporary file onto `target`.

    The temporary file is created exclusively (`O_EXCL|O_NOFOLLOW`) inside a new private
    folder beside the target, so nothing planted in the target's folder can redirect the
    write. The file gets `mode`, by default what the umask allows (0644 with the usual
    umask). Raises `OutputError` (exit 3) when the target cannot be written."""
    folder = target.parent if str(target.parent) else Path(".")
    check_target(target)
    # Registered before it exists, so that a fatal signal at any point finds it.
    workspace = folder / f"{WORKSPACE_PREFIX}{os.urandom(8).hex()}{WORKSPACE_SUFFIX}"
    _TEMPORARIES.add(workspace)
    try:
        os.mkdir(workspace, 0o700)  # fails if anything has the name, never follows a link
    except OSError as exc:
        _TEMPORARIES.discard(workspace)
        raise OutputError(cannot_write(target, system_reason(exc))) from None
    sweep_leftovers(folder, keep=workspace)
    tmp = workspace / "part"
    failure: str | None = None
    # A writer that failed (a full disk) can leave objects whose finalizer writes again and
    # fails again: `zipfile.ZipFile.__del__` would print `Exception ignored in ...` after our
    # one-line message. That failure is the one reported: silence it while it is collected.
    hook, sys.unraisablehook = sys.unraisablehook, _ignore_unraisable
    try:
        try:
            os.close(create_exclusive(tmp))
            write(tmp)
            os.chmod(tmp, 0o666 & ~_umask() if mode is None else mode)
            os.replace(tmp, target)
        except OSError as exc:
            failure = system_reason(exc)
        if failure is not None:
            gc.collect()
    finally:
        sys.unraisablehook = hook
        shutil.rmtree(workspace, ignore_errors=True)
        _TEMPORARIES.discard(workspace)
    if failure is not None:
        raise OutputError(cannot_write(target, failure))


LEFTOVER_AGE = 24 * 3600  # seconds: far longer than any write, so never one in progress
WORKSPACE_PREFIX, WORKSPACE_SUFFIX = ".spapser-", ".tmp"


def sweep_leftovers(folder: Path, *, keep: Path) -> None:
    """Remove the temporary folders that a killed process left in `folder`: only ours (our
    name, a folder, owned by this user) and only a day old. Failures are ignored: this is
    tidying, never a reason for the write to fail."""
    import time

    try:
        names = os.listdir(folder)
    except OSError:
        return
    now = time.time()
    for name in names:
        if not (name.startswith(WORKSPACE_PREFIX) and name.endswith(WORKSPACE_SUFFIX)):
            continue
        path = folder / name
        try:
            info = os.lstat(path)
        except OSError:
            continue
        if (path != keep and stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
                and now - info.st_mtime > LEFTOVER_AGE):
            shutil.rmtree(path, ignore_errors=True)


def write_text_atomic(target: Path, text: str) -> None:
    write_atomic(target, lambda tmp: tmp.write_text(text, encoding="utf-8", newline="\n"))
