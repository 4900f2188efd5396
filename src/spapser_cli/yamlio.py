"""A strict YAML reader for hand-edited data files.

It builds plain Python data straight from the parser's events, which gives full control:

- UTF-8 only (a BOM and CRLF line ends are fine), a size cap, exactly one document;
- YAML 1.2 core scalars, not PyYAML's YAML 1.1 ones: `NO`, `on`, `1:30` and `01053` stay text,
  `1e3` is a number, and dates stay text for the models to parse;
- duplicate keys, anchors/aliases, merge keys, tags and complex keys are refused with their
  position; an alias bomb is refused at its first anchor, before any expansion;
- every key and value keeps its line and column, so a model error deep in a file points at
  its exact line.

The libyaml parser is used when PyYAML was built with it, the pure-Python one otherwise; both
emit the same events.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

MAX_FILE_BYTES = 1_048_576
"""Data files are hand-edited: anything bigger than 1 MiB is a mistake, not a scheme."""

MAX_DEPTH = 64

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[Hashable, ...]
Position = tuple[int, int]  # 1-based line, column

# YAML 1.2 core schema, with one deliberate change: integers and floats with a leading zero
# (`01053`, a postal or INSEE code) stay text instead of silently losing their zero.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
         "FALSE": False}
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


def resolve_plain_scalar(text: str) -> Any:
    """The value of an unquoted scalar under the YAML 1.2 core schema (leading zeros stay text)."""
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _INT_OCT.match(text):
        return int(text[2:], 8)
    if _INT_HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


@dataclass
class Document:
    """One parsed file: its data and where each key and value stands in it."""

    file: str  # as shown in messages
    data: Any
    values: dict[Path_, Position] = field(default_factory=dict)
    keys: dict[Path_, Position] = field(default_factory=dict)

    def position(self, path: Path_, *, key: bool = False) -> Position | None:
        """Position of the value at `path` (or of its key), falling back to the nearest parent."""
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]
        while True:
            if path in self.values:
                return self.values[path]
            if not path:
                return None
            path = path[:-1]

    def problem(self, path: Path_, code: str, message: str, *, key: bool = False,
                severity: str = "error") -> Problem:
        pos = self.position(path, key=key)
        return Problem(self.file, code, message, pos[0] if pos else None,
                       pos[1] if pos else None, severity)  # type: ignore[arg-type]


class YamlError(Exception):
    """The file cannot be turned into data; carries the one problem that says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def load_file(path: Path, display: str | None = None) -> Document:
    """Read, decode and parse one data file. Raises `YamlError`."""
    shown = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise YamlError(Problem(shown, "file-too-large", f"the file is {size:,} bytes; the "
                                    f"limit for a data file is {MAX_FILE_BYTES:,} bytes"))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise YamlError(Problem(shown, "file-not-found", "no such file")) from None
    except IsADirectoryError:
        raise YamlError(Problem(shown, "unreadable-file", "this is a folder, not a file")) from None
    except OSError as exc:
        raise YamlError(Problem(shown, "unreadable-file", exc.strerror or str(exc))) from None
    return load_bytes(raw, shown)


def load_bytes(raw: bytes, file: str) -> Document:
    """Decode (strict UTF-8) and parse. Raises `YamlError`."""
    if len(raw) > MAX_FILE_BYTES:
        raise YamlError(Problem(file, "file-too-large", f"the file is {len(raw):,} bytes; the "
                                f"limit for a data file is {MAX_FILE_BYTES:,} bytes"))
    return load_text(decode_utf8(raw, file), file)


def decode_utf8(raw: bytes, file: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlError(Problem(file, "encoding", "the file is UTF-16; save it as UTF-8", 1, 1))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start]
        hint = " (Latin-1/Windows-1252? save the file as UTF-8)" if byte >= 0x80 else ""
        raise YamlError(Problem(
            file, "encoding",
            f"byte 0x{byte:02X} at byte offset {exc.start} is not valid UTF-8{hint}",
            line, column)) from None


def _pos(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


class _Frame:
    __slots__ = ("container", "path", "pending_key", "has_key", "first_key_line")

    def __init__(self, container: Any, path: Path_) -> None:
        self.container = container
        self.path = path
        self.pending_key: Any = None
        self.has_key = False
        self.first_key_line: dict[Any, int] = {}


def load_text(text: str, file: str) -> Document:
    """Parse YAML text into plain data with positions. Raises `YamlError`."""
    if text.startswith("\ufeff"):
        text = text[1:]
    doc = Document(file, None)

    def fail(code: str, message: str, mark: Any) -> YamlError:
        line, column = _pos(mark)
        return YamlError(Problem(file, code, message, line, column))

    stack: list[_Frame] = []
    documents = 0
    root_set = False
    try:
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise fail("multiple-documents", "a data file holds exactly one YAML "
                               "document; remove the second `---` or split the file",
                               event.start_mark)
                continue
            if kind in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
                continue
            if kind is yaml.AliasEvent:
                raise fail("anchor-alias", f"alias *{event.anchor} is not allowed: write the "
                           "value out in full", event.start_mark)
            if kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                stack.pop()
                continue
            # A node: scalar, or the start of a mapping or sequence.
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                raise fail("anchor-alias", f"anchor &{anchor} is not allowed: data files do "
                           "not share values", event.start_mark)
            tag = getattr(event, "tag", None)
            if tag is not None:
                raise fail("tag", f"tag {_short_tag(tag)} is not allowed: data files hold plain text, "
                           "numbers, lists and mappings", event.start_mark)
            parent = stack[-1] if stack else None
            if parent is not None and isinstance(parent.container, dict) and not parent.has_key:
                # This node is a key.
                if kind is not yaml.ScalarEvent:
                    raise fail("complex-key", "a key must be a plain text or number, not a "
                               "list or mapping", event.start_mark)
                key = _scalar(event)
                if _is_plain(event) and event.value == "<<":
                    raise fail("merge-key", "merge keys (<<) are not allowed: write the keys "
                               "out in full", event.start_mark)
                if not isinstance(key, Hashable) or isinstance(key, float):
                    raise fail("complex-key", f"a key must be a text or an integer, not "
                               f"{event.value!r}", event.start_mark)
                if key in parent.first_key_line:
                    raise fail("duplicate-key", f"duplicate key {event.value!r} (first defined "
                               f"on line {parent.first_key_line[key]})", event.start_mark)
                parent.first_key_line[key] = event.start_mark.line + 1
                parent.pending_key = key
                parent.has_key = True
                doc.keys[parent.path + (key,)] = _pos(event.start_mark)
                continue
            # This node is a value.
            if kind is yaml.ScalarEvent:
                value: Any = _scalar(event)
            elif kind is yaml.MappingStartEvent:
                value = {}
            else:
                value = []
            if parent is None:
                if root_set:  # cannot happen with one document; kept as a guard
                    raise fail("multiple-documents", "more than one root node",
                               event.start_mark)
                path: Path_ = ()
                doc.data = value
                root_set = True
            elif isinstance(parent.container, dict):
                path = parent.path + (parent.pending_key,)
                parent.container[parent.pending_key] = value
                parent.has_key = False
            else:
                path = parent.path + (len(parent.container),)
                parent.container.append(value)
            doc.values[path] = _pos(event.start_mark)
            if kind is not yaml.ScalarEvent:
                if len(stack) >= MAX_DEPTH:
                    raise fail("yaml-syntax", f"nesting deeper than {MAX_DEPTH} levels",
                               event.start_mark)
                stack.append(_Frame(value, path))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = _syntax_message(exc, text)
        if mark is None:
            raise YamlError(Problem(file, "yaml-syntax", message)) from None
        raise fail("yaml-syntax", message, mark) from None
    except yaml.reader.ReaderError as exc:  # a control character such as NUL or BEL
        # libyaml counts the offset in UTF-8 bytes, the pure-Python reader in characters.
        before = (text[:exc.position] if exc.encoding == "unicode"
                  else text.encode("utf-8")[:exc.position].decode("utf-8", "ignore"))
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        raise YamlError(Problem(file, "yaml-syntax", f"character U+{exc.character:04X} is not "
                                "allowed in a data file (an invisible control character: "
                                "delete it)", line, column)) from None
    except yaml.YAMLError as exc:
        raise YamlError(Problem(file, "yaml-syntax", str(exc).replace("\n", " "))) from None
    if documents == 0:
        raise YamlError(Problem(file, "empty-file", "the file is empty: it should hold a "
                                "mapping of keys and values", 1, 1))
    return doc


def _is_plain(event: Any) -> bool:
    return event.style is None or event.style == ""


def _scalar(event: Any) -> Any:
    if _is_plain(event):
        return resolve_plain_scalar(event.value)
    return event.value  # quoted, literal or folded: always text


def _short_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


def _syntax_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    mark = exc.problem_mark
    if mark is not None:
        lines = text.splitlines()
        if mark.line < len(lines) and lines[mark.line][mark.column:mark.column + 1] == "\t":
            return "a tab character cannot be used here (YAML indents with spaces)"
    problem = (exc.problem or "invalid YAML").strip()
    context = (exc.context or "").strip()
    if context and exc.context_mark is not None:
        context = f"{context} started on line {exc.context_mark.line + 1}"
    message = f"{problem} ({context})" if context else problem
    return message.replace("\n", " ")
