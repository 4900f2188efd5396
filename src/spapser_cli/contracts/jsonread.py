"""Streaming reader of DECP JSON files: one contract at a time, with the line it starts on.

A national DECP file holds hundreds of thousands of contracts. Parsing it whole would hold
every contract as Python dicts, several times the file's size. Here the file is read in
chunks, the envelope (`{"marches": {"marche": [...], "contrat-concession": [...]}}`, or the
2019 layout `{"marches": [...]}`) is walked by hand, and each contract is decoded on its own,
handed to the caller, then dropped.

Decoding is most of the reading time. The chunks stay bytes, and a contract is decoded from
them by orjson when its end can be guessed: the `}` of one of the next `},{` (see
`_decoded_at`). Only a whole JSON value decodes, so a wrong guess (a `},{` inside the
contract, between two `titulaires`) fails and is never taken for a contract. Measured on
10 k contracts (best of 5, CPU): the standard library's scanner on decoded text 0.044 s,
orjson on the same text 0.042 s, orjson on the bytes 0.032 s, and the text need not be
decoded (0.012 s). Anything orjson refuses (NaN, which real files hold, huge integers, lone
surrogates) or that has no guess (the last contract of a list, one cut by the chunk) goes to
the standard library's decoder over a decoded window (`_Buffer.value`), which also explains
syntax errors with their line and column. Every contract keeps the line it starts on.

"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from typing import IO, Any, Protocol

import orjson

from spapser_cli.i18n import N_, Message

CHUNK = 1 << 22  # 4 MiB of bytes per read
_WHITESPACE = re.compile(rb"[ \t\n\r]*")
_WINDOW = 1 << 16  # bytes the careful path decodes first
NOT_UTF8 = N_("not valid UTF-8 ({reason})")
_DECODER = json.JSONDecoder()  # accepts NaN (seen in real files), which means "no value"
_NEXT_CONTRACT = re.compile(rb"\}[ \t\n\r]*,[ \t\n\r]*\{")
_GUESSES = 4
"""`},{` tried as a contract's end before the scanner takes over: a contract with several
`titulaires` or modifications holds one such `},{` per extra entry."""

Contract = tuple[str, dict[str, Any], int]
"""(kind "market" or "concession", the contract as decoded, its 1-based line)."""


class DecpFormatError(Exception):
    """The file is not DECP JSON (or not JSON): one message, with a line when known."""

    def __init__(self, code: str, message: str, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.code, self.line, self.column = code, line, column


class _Buffer:
    """The file's bytes read so far, with the line number of the first one.

    Bytes, not text: orjson decodes UTF-8 itself, so most of the file is never decoded by
    Python. Only the careful path (`value`) decodes, a window at a time."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.text = b""
        self.pos = 0
        self.eof = False
        self.base_line = 1  # line of text[0]
        self.dropped = 0  # bytes consumed and dropped before text[0] (and a BOM)
        self._counted_pos = 0  # text[:_counted_pos] holds _counted_lines newlines
        self._counted_lines = 0
        self._started = False

    def more(self) -> bool:
        """Append a chunk, dropping what was consumed; False at the end of the file."""
        if self.eof:
            return False
        data = self.stream.read(CHUNK)
        if not self._started:
            self._started = True
            if data.startswith(codecs.BOM_UTF8):  # written by some Windows tools
                data = data[len(codecs.BOM_UTF8):]
                self.dropped = len(codecs.BOM_UTF8)
        if not data:
            self.eof = True
            return False
        consumed_newlines = self.text.count(b"\n", 0, self.pos)
        self.base_line += consumed_newlines
        if self._counted_pos > self.pos:
            self._counted_lines -= consumed_newlines
            self._counted_pos -= self.pos
        else:
            self._counted_pos = self._counted_lines = 0
        self.dropped += self.pos
        self.text = self.text[self.pos:] + data
        self.pos = 0
        return True

    def skip_to(self, target: int) -> None:
        """Move to the absolute byte offset `target` without decoding what lies before
        (another process read it)."""
        while self.dropped + len(self.text) <= target and not self.eof:
            self.pos = len(self.text)
            self.more()
        self.pos = target - self.dropped

    def line(self, pos: int) -> int:
        """1-based line of text[pos]; positions asked for only move forward."""
        if pos < self._counted_pos:
            return self.base_line + self.text.count(b"\n", 0, pos)
        self._counted_lines += self.text.count(b"\n", self._counted_pos, pos)
        self._counted_pos = pos
        return self.base_line + self._counted_lines

    def column(self, pos: int) -> int:
        """1-based column of text[pos], in characters."""
        start = self.text.rfind(b"\n", 0, pos) + 1
        return len(self.text[start:pos].decode("utf-8", "replace")) + 1

    def skip_space(self) -> None:
        while True:
            self.pos = _WHITESPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text) or not self.more():
                return

    def peek(self) -> str:
        """The next character that is not white space ("" at the end), for the envelope's
        ASCII punctuation."""
        self.skip_space()
        return chr(self.text[self.pos]) if self.pos < len(self.text) else ""

    def expect(self, char: str, what: str) -> None:
        found = self.peek()
        if found != char:
            shown = (repr(self.text[self.pos:self.pos + 4].decode("utf-8", "replace")[:1])
                     if found else Message(N_("the end of the file")))
            raise DecpFormatError("json-syntax", Message(N_("expected {what}, found {found}"),
                                                         what=Message(what), found=shown),
                                  self.line(self.pos), self.column(self.pos))
        self.pos += 1

    def value(self) -> Any:
        """Decode one JSON value at the current position with the standard library (it
        accepts NaN and explains syntax errors), reading more as needed. The bytes are
        decoded a window at a time: the value is usually small, the buffer 4 MiB."""
        self.skip_space()
        window = _WINDOW
        while True:
            piece = self.text[self.pos:self.pos + window]
            whole = self.pos + window >= len(self.text)  # the window reaches the buffer's end
            final = whole and self.eof
            try:
                text = codecs.utf_8_decode(piece, "strict", final)[0]
            except UnicodeDecodeError as error:
                raise DecpFormatError("encoding", Message(NOT_UTF8, reason=error.reason),
                                      self.line(self.pos + error.start)) from None
            try:
                value, end = _DECODER.raw_decode(text, 0)
            except json.JSONDecodeError as error:
                if not whole:
                    window *= 4
                    continue
                if self.more():
                    continue  # the value runs past the chunk: read on and retry
                at = self.pos + len(text[:error.pos].encode("utf-8"))
                raise DecpFormatError("json-syntax", error.msg, self.line(at),
                                      self.column(at)) from None
            except RecursionError:
                raise DecpFormatError("json-syntax", Message(N_("nesting too deep")),
                                      self.line(self.pos)) from None
            if end == len(text) and not final and not isinstance(value, dict | list):
                # a number or literal cut by the window or the chunk ("12" of "123")
                if not whole:
                    window *= 4
                    continue
                if self.more():
                    continue
            self.pos += len(text[:end].encode("utf-8"))
            return value

    def members(self, what: str) -> Iterator[str]:
        """The keys of an object, the position left on each key's value."""
        self.expect("{", what)
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            if self.peek() != '"':
                self.expect('"', "a key")
            key = self.value()
            self.expect(":", "':'")
            yield key
            if self.peek() == ",":
                self.pos += 1
                continue
            self.expect("}", "',' or '}'")
            return


def _decoded_at(text: bytes, start: int) -> tuple[Any, int]:
    """(the contract at text[start], the position after it), decoded by orjson up to one of
    the next `},{`.

    Raises ValueError when none of them ends it (the last contract of a list, a contract
    cut by the chunk, NaN, a syntax error): the caller's careful path reads on or explains."""
    if text.startswith(b"{", start):
        search = _NEXT_CONTRACT.search
        loads = orjson.loads
        pos = start
        for _ in range(_GUESSES):
            found = search(text, pos)
            if found is None:
                break
            end = found.start() + 1
            try:
                return loads(text[start:end]), end
            except orjson.JSONDecodeError:
                pos = end
    raise ValueError("no guess")


def _kind_2019(contract: dict[str, Any]) -> str:
    """The 2019 layout lists markets and concessions together; `_type` or the authority tell."""
    if "concession" in str(contract.get("_type", "")).lower():
        return "concession"
    return "concession" if isinstance(contract.get("autoriteConcedante"), dict) else "market"


def _array_contracts(buffer: _Buffer, split: Split | None = None,
                     kind: str | None = None) -> Iterator[tuple[Any, int]]:
    """(element, line) of every element of the array at the current position.

    The loop decodes a whole contract in the buffer itself (`_decoded_at`, the common
    case); anything else (a contract cut by the chunk, a syntax error, the end of the list)
    goes through the buffer's careful methods. `split`: where another process took over
    the rest of this array (see `contracts.split`)."""
    split_at = split.at if split is not None else -1
    buffer.expect("[", N_("a list of contracts"))
    if buffer.peek() == "]":
        buffer.pos += 1
        return
    decoded_at = _decoded_at
    space = _WHITESPACE.match
    while True:
        text = buffer.text
        start = space(text, buffer.pos).end()  # type: ignore[union-attr]
        if buffer.dropped + start == split_at and split is not None:
            split_at = -1
            resume = split.take(kind)
            if resume is not None:  # the other process read up to this array's end
                buffer.skip_to(resume)
                buffer.expect("]", "']'")
                return
        value: Any = None
        try:
            value, end = decoded_at(text, start)
        except ValueError:
            end = -1  # cut by the chunk, or bad: the careful path reads on or explains
        if end < 0 or (end >= len(text) and not buffer.eof):
            buffer.pos = start
            buffer.skip_space()
            line = buffer.line(buffer.pos)
            yield buffer.value(), line
        else:
            line = buffer.line(start)
            buffer.pos = end
            yield value, line
        text = buffer.text
        after = space(text, buffer.pos).end()  # type: ignore[union-attr]
        if text[after:after + 1] == b",":
            buffer.pos = after + 1
            continue
        if buffer.peek() == ",":
            buffer.pos += 1
            continue
        buffer.expect("]", "',' or ']'")
        return


class Split(Protocol):
    """Another process reads a contract array from the character offset `at` to its end."""

    at: int

    def take(self, kind: str | None) -> int | None:
        """Its contracts are added; the offset of the array's closing `]`, or None to read
        on here (its result could not be used)."""


def read_json_contracts(stream: IO[bytes], on_layout: Callable[[str], None],
                        split: Split | None = None) -> Iterator[Contract]:
    """Every contract of a DECP JSON file; `on_layout` hears "2.0" or "2019" once known.

    Raises DecpFormatError when the file is not JSON or has no `marches`."""
    buffer = _Buffer(stream)
    if buffer.peek() != "{":
        raise DecpFormatError("not-decp", Message(N_("a DECP file is a JSON object with a "
                                                     "'marches' key")))
    found = False
    for key in buffer.members(N_("a JSON object")):
        if key != "marches":
            buffer.value()  # skipped: not part of the format, or metadata
            continue
        found = True
        start = buffer.peek()
        if start == "[":
            on_layout("2019")
            for contract, line in _array_contracts(buffer, split):
                if isinstance(contract, dict):
                    yield _kind_2019(contract), contract, line
                else:
                    yield "market", {"\0not-an-object": contract}, line
        elif start == "{":
            on_layout("2.0")
            for section in buffer.members(N_("an object")):
                kind = {"marche": "market", "contrat-concession": "concession"}.get(section)
                if kind is not None and buffer.peek() == "{":  # one contract, not in a list
                    buffer.skip_space()
                    line = buffer.line(buffer.pos)
                    yield kind, buffer.value(), line
                    continue
                if kind is None or buffer.peek() != "[":
                    buffer.value()
                    continue
                for contract, line in _array_contracts(buffer, split, kind):
                    yield kind, (contract if isinstance(contract, dict)
                                 else {"\0not-an-object": contract}), line
        else:
            raise DecpFormatError("not-decp", Message(N_(
                "'marches' must hold a list or an object of 'marche' and 'contrat-concession' "
                "lists")),
                                  buffer.line(buffer.pos))
    if not found:
        raise DecpFormatError("not-decp", Message(N_("no 'marches' key: not a DECP file")))
    if buffer.peek():
        raise DecpFormatError("json-syntax", Message(N_("extra data after the JSON object")),
                              buffer.line(buffer.pos), buffer.column(buffer.pos))


class TailReader:
    """The contracts of an array from the stream's position (a contract's `{`) to the
    array's end, for `contracts.split`; then `end`: the characters read up to its `]`."""

    def __init__(self, stream: IO[bytes], first_line: int, layout: str) -> None:
        self.buffer = _Buffer(stream)
        self.first_line = first_line
        self.layout = layout
        self.end: int | None = None

    def __iter__(self) -> Iterator[Contract]:
        buffer = self.buffer
        while True:
            buffer.skip_space()
            start = buffer.pos
            line = self.first_line - 1 + buffer.line(start)
            try:
                contract, end = _decoded_at(buffer.text, start)
            except ValueError:
                end = -1
            if end < 0 or (end >= len(buffer.text) and not buffer.eof):
                contract = buffer.value()  # cut by the chunk, or bad: read on or explain
            else:
                buffer.pos = end
            if not isinstance(contract, dict):
                raise DecpFormatError("json-syntax", Message(N_("not a contract")), line)
            if self.layout == "2019":
                yield _kind_2019(contract), contract, line
            else:
                yield ("concession" if isinstance(contract.get("autoriteConcedante"), dict)
                       else "market"), contract, line
            if buffer.peek() == ",":
                buffer.pos += 1
                continue
            buffer.expect("]", "',' or ']'")
            self.end = buffer.dropped + buffer.pos - 1  # the `]`
            return
