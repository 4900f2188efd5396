"""Text from data files made safe to print on a terminal, on one line.

A data file can hold any character a YAML escape writes (`"\\e[2J"`, `"\\a"`, `"\\r"`), and a
file name any byte. Printed raw, an escape sequence clears the screen, sets the window title or
prints a fake "all indicators met"; a newline or U+2028 splits one problem over several lines;
a bidi override (U+202E) shows text in another order than it is stored; a zero-width character
hides a difference between two ids. So every human-readable output (tables, problem messages,
GitHub annotations, error lines) passes user text through `printable`, which writes each such
character as a visible escape (`\\x1b`, `\\n`, `\\u202e`). JSON output is written by `json_text`,
which writes them as JSON escapes (the data is unchanged for a JSON reader), and the workbook
removes what XML forbids (`export` cells).

Characters escaped: the Unicode categories Cc (controls), Cf (format: bidi, zero-width, soft
hyphen...), Cs (lone surrogates: the undecodable bytes of a file name), Zl and Zp (line and
paragraph separators). The ranges are written out because computing them from `unicodedata` at
start-up would cost ~100 ms; a test checks them against `unicodedata`.
"""

from __future__ import annotations

import json
import re
from typing import Any

_RANGES = (
    (0x0000, 0x001F), (0x007F, 0x009F), (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C),
    (0x06DD, 0x06DD), (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E),
    (0x200B, 0x200F), (0x2028, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xD800, 0xDFFF),
    (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD),
    (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)

UNSAFE = re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in _RANGES) + "]")
"""One character that must not reach a terminal as it is."""

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def printable(text: str) -> str:
    """`text` with every control, format and separator character written as an escape: what
    prints is what the file holds, on one line."""
    if UNSAFE.search(text) is None:  # the common case: nothing to replace
        return text
    return UNSAFE.sub(_escape, text)


def printable_lines(text: str) -> str:
    """`printable` on each line of a text of several lines, its line breaks kept."""
    return "\n".join(printable(line) for line in text.split("\n"))


# `json.dumps` already escapes C0 controls in strings; its own newlines are the indentation.
_JSON_UNSAFE = re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in _RANGES[1:]) + "]")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as JSON writes characters beyond U+FFFF
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_text(data: Any) -> str:
    """`data` as indented JSON, non-ASCII text kept readable, but every character `printable`
    escapes written as a `\\uXXXX` escape: `json.dumps` leaves C1 controls, bidi overrides and
    the lone surrogates of undecodable file names raw."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # Such characters can only be inside JSON strings, where an escape means the same.
    return _JSON_UNSAFE.sub(_json_escape, text)
