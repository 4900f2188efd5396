"""Reading a large DECP JSON file on two cores: a forked process reads the end of the
contract list while this one reads the beginning.

The part's start is a guess: the `{` of a `},{` near the middle of the file
(`split_offset`). The guess is
checked, not trusted: the main reader hands over only if it meets a contract starting at
exactly that character, in a list of contracts; otherwise (the `},{` was inside a contract,
or in another list) it reads on and the other process's work is thrown away. The forked
process sends its rows back through a pipe; any failure there also means reading on here.
"""

from __future__ import annotations

import os
import pickle
import re
import signal
import sys
from pathlib import Path
from typing import Any

from spapser_cli.contracts.clean import RegisterBuilder
from spapser_cli.contracts.jsonread import CHUNK, TailReader

PARALLEL_MIN_BYTES = 32 << 20
"""Below this size a second process costs more (fork, pickling) than it saves."""

PICKLE_SHARE = 0.25
"""The other process also pickles its rows: a quarter of the time it took to read them
(measured on 10 k contracts, best of 5: 0.19 s of CPU to read, 0.047 s to pickle)."""

IMPORT_BYTES = 30 << 20
"""While the other process reads, this one must also import pandas (for the table built
next) unless it is imported already: 0.36-0.6 s, the time it takes to read about 30 MiB."""


def split_offset(size: int, pandas_imported: bool) -> int:
    """Where the second part starts, in bytes, so that both processes end together: this one
    reads `at` bytes and imports pandas; the other reads `size - at` and pickles its rows."""
    at = size * (1 + PICKLE_SHARE) / 2 - (0 if pandas_imported else IMPORT_BYTES / 2)
    return int(min(max(at, size * 0.2), size * 0.8))

_BOUNDARY = re.compile(rb"\}[ \t\r\n]*,[ \t\r\n]*\{")
_LAYOUT = re.compile(rb'"marches"[ \t\r\n]*:[ \t\r\n]*([\[{])')
_WINDOW = 1 << 22


def layout_of(path: Path) -> str | None:
    """"2019" (a flat list) or "2.0", from the file's first bytes; None when unsure."""
    with open(path, "rb") as stream:
        match = _LAYOUT.search(stream.read(1 << 16))
    if match is None:
        return None
    return "2019" if match[1] == b"[" else "2.0"


class SplitRead:
    """The second half of a file's contract list, read by a forked process."""

    def __init__(self, path: Path, builder: RegisterBuilder, file_index: int,
                 layout: str) -> None:
        self.builder, self.file_index, self.layout = builder, file_index, layout
        self.pid: int | None = None
        self.reader_fd: int | None = None
        self.at = -1
        start = split_offset(path.stat().st_size, "pandas" in sys.modules)
        with open(path, "rb") as stream:
            stream.seek(start)
            window = stream.read(_WINDOW)
            match = _BOUNDARY.search(window)
            if match is None:
                return
            offset = start + match.end() - 1  # the byte of the `{`
            lines = _count_lines(stream, offset)
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the forked process: read, send, leave without cleanup handlers
            os.close(read_fd)
            try:
                payload = self._read_half(path, offset, lines + 1)
            except BaseException:  # anything at all: the main process reads on itself
                payload = b""
            with os.fdopen(write_fd, "wb") as out:
                out.write(payload)
            os._exit(0)
        os.close(write_fd)
        self.pid, self.reader_fd, self.at = pid, read_fd, offset

    def _read_half(self, path: Path, offset: int, first_line: int) -> bytes:
        half = RegisterBuilder()
        half.files = list(self.builder.files)
        with open(path, "rb") as stream:
            stream.seek(offset)
            tail = TailReader(stream, first_line, self.layout)
            for kind, raw, line in tail:
                half.add(kind, raw, self.file_index, line, typed=True, layout=self.layout)
        if tail.end is None:
            return b""
        return pickle.dumps((half.rows, half.problems, offset + tail.end),
                            protocol=pickle.HIGHEST_PROTOCOL)

    def take(self, kind: str | None) -> int | None:
        """Add the other half's contracts; the offset of the list's `]`, or None."""
        import pandas  # noqa: F401  (the table needs it next: imported while the half ends)

        payload = self._receive()
        if not payload:
            return None
        rows, problems, end = pickle.loads(payload)
        if kind is not None and any(row[0] != kind for row in rows):
            return None  # a concession in a list of markets, or the reverse: read it here
        self.builder.rows.extend(rows)
        self.builder.problems.extend(problems)
        return int(end)

    def _receive(self) -> bytes:
        if self.reader_fd is None:
            return b""
        with os.fdopen(self.reader_fd, "rb") as source:
            self.reader_fd = None
            payload = source.read()
        self.close()
        return payload

    def close(self) -> None:
        """Stop and reap the forked process if its work was not taken."""
        if self.reader_fd is not None:
            os.close(self.reader_fd)
            self.reader_fd = None
        if self.pid is not None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)
            self.pid = None


def _count_lines(stream: Any, offset: int) -> int:
    """The newlines in the file's first `offset` bytes."""
    stream.seek(0)
    lines = 0
    left = offset
    while left > 0:
        data = stream.read(min(CHUNK, left))
        if not data:
            break
        left -= len(data)
        lines += data.count(b"\n")
    return lines


def can_split(path: Path) -> bool:
    return (hasattr(os, "fork") and (os.cpu_count() or 1) > 1
            and path.suffix.lower() == ".json" and path.stat().st_size >= PARALLEL_MIN_BYTES)
