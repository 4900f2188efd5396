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
from pathlib import Path
from typing import Any

import yaml

from spapser_cli.files import DATA_FILE_LIMIT, FileTooLarge, NotRegularFile, read_capped
from spapser_cli.i18n import N_, Grouped, Message
from spapser_cli.problems import Problem, os_reason
from spapser_cli.read.document import Document, Path_, Position, to_position

__all__ = ["Document", "Path_", "Position", "YamlError", "load_bytes", "load_file",
           "load_text", "resolve_plain_scalar"]

MAX_FILE_BYTES = DATA_FILE_LIMIT

MAX_DEPTH = 64

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# YAML 1.2 core schema, with one deliberate change: integers and floats with a leading zero
# (`01053`, a postal or INSEE code) stay text instead of silently losing their zero.
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_NUMBER_STARTS = frozenset("0123456789+-.")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
         "FALSE": False}
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


MAX_INTEGER_CHARS = 100
"""An integer written with more characters is a mistake (and Python refuses to convert one of
more than 4,300 digits): the reader refuses it with its position."""


class IntegerTooLong(ValueError):
    """An integer literal longer than `MAX_INTEGER_CHARS`."""


def resolve_plain_scalar(text: str) -> Any:
    """The value of an unquoted scalar under the YAML 1.2 core schema (leading zeros stay text).

    Raises `IntegerTooLong` for an integer of more than `MAX_INTEGER_CHARS` characters."""
    first = text[:1]
    if first.isalpha() and first not in "nNtTfF":
        return text  # the common case, a word: no pattern can match
    if text in _NULLS:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if first not in _NUMBER_STARTS:
        return text
    if len(text) > MAX_INTEGER_CHARS and (_INT.match(text) or _INT_OCT.match(text)
                                          or _INT_HEX.match(text)):
        raise IntegerTooLong(text)
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


class YamlError(Exception):
    """The file cannot be turned into data; carries the one problem that says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def load_file(path: Path, display: str | None = None) -> Document:
    """Read, decode and parse one data file. Raises `YamlError`."""
    shown = display or str(path)
    try:
        # Only a regular file, and never more than the cap, whatever its size claims: a FIFO
        # would block, /dev/zero never ends.
        raw = read_capped(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise YamlError(Problem(shown, "file-not-found", Message("no such file"))) from None
    except FileTooLarge as exc:
        sizes = {"size": Grouped(exc.size), "limit": Grouped(MAX_FILE_BYTES)}
        raise YamlError(Problem(shown, "file-too-large", Message(
            "the file is {size} bytes or more; the limit for a data file is {limit} bytes",
            **sizes) if exc.size == exc.limit + 1 else Message(
            "the file is {size} bytes; the limit for a data file is {limit} bytes",
            **sizes))) from None
    except NotRegularFile as exc:
        raise YamlError(Problem(shown, "unreadable-file", os_reason(exc.args[0]))) from None
    except OSError as exc:
        raise YamlError(Problem(shown, "unreadable-file",
                                os_reason(exc.strerror or str(exc)))) from None
    except ValueError as exc:  # a NUL in the name
        raise YamlError(Problem(shown, "unreadable-file", str(exc))) from None
    return load_bytes(raw, shown)


def load_bytes(raw: bytes, file: str) -> Document:
    """Decode (strict UTF-8) and parse. Raises `YamlError`."""
    if len(raw) > MAX_FILE_BYTES:
        raise YamlError(Problem(file, "file-too-large", Message(
            "the file is {size} bytes; the limit for a data file is {limit} bytes",
            size=Grouped(len(raw)), limit=Grouped(MAX_FILE_BYTES))))
    return load_text(decode_utf8(raw, file), file)


def decode_utf8(raw: bytes, file: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlError(Problem(file, "encoding",
                                Message("the file is UTF-16; save it as UTF-8"), 1, 1))
    bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    try:
        return raw[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start  # in the file as it is on disk
        line_start = raw.rfind(b"\n", 0, offset) + 1
        line = raw.count(b"\n", 0, offset) + 1
        # Columns count characters, as in every other message: decode what precedes the bad
        # byte on its line (a BOM is not a character of the first line).
        before = raw[max(line_start, bom):offset].decode("utf-8", "replace")
        byte = raw[offset]
        raise YamlError(Problem(
            file, "encoding",
            Message("byte 0x{byte} at byte offset {offset} is not valid UTF-8 "
                    "(Latin-1/Windows-1252? save the file as UTF-8)", byte=f"{byte:02X}",
                    offset=offset) if byte >= 0x80 else
            Message("byte 0x{byte} at byte offset {offset} is not valid UTF-8",
                    byte=f"{byte:02X}", offset=offset),
            line, len(before) + 1)) from None


_pos = to_position


class _Frame:
    __slots__ = ("container", "path", "is_map", "pending_key", "has_key", "first_key_line")

    def __init__(self, container: Any, path: Path_) -> None:
        self.container = container
        self.path = path
        self.is_map = isinstance(container, dict)
        self.pending_key: Any = None
        self.has_key = False
        self.first_key_line: dict[Any, int] = {}


_ScalarEvent = yaml.ScalarEvent
_MappingStartEvent = yaml.MappingStartEvent
_SequenceStartEvent = yaml.SequenceStartEvent
_END_EVENTS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_SKIPPED_EVENTS = (yaml.StreamStartEvent, yaml.DocumentEndEvent)


def load_text(text: str, file: str) -> Document:
    """Parse YAML text into plain data with positions. Raises `YamlError`."""
    if text.startswith("\ufeff"):
        text = text[1:]
    doc = Document(file, None)
    values, keys = doc.values, doc.keys

    def fail(code: str, message: Message, mark: Any) -> YamlError:
        line, column = _pos(mark)
        return YamlError(Problem(file, code, message, line, column))

    stack: list[_Frame] = []
    parent: _Frame | None = None
    documents = 0
    # The last value read, when it was a plain integer: `{pefc: 12,5}` is YAML for `pefc: 12`
    # and a key `5`, which only this position tells apart from a French decimal.
    last_integer: tuple[int, int, str, Any] | None = None
    # Events are pulled straight from the parser (libyaml when available): this loop is the
    # hot path of `spapser validate`, so it avoids attribute look-ups it does not need.
    parser = None
    try:
        parser = _Loader(text)  # the pure-Python reader already refuses control characters here
        while True:
            event = parser.get_event()
            kind = event.__class__
            if kind is _ScalarEvent or kind is _MappingStartEvent or kind is _SequenceStartEvent:
                if event.anchor is not None:
                    raise fail("anchor-alias", Message("anchor &{name} is not allowed: data "
                               "files do not share values", name=event.anchor),
                               event.start_mark)
                if event.tag is not None:
                    raise fail("tag", Message("tag {tag} is not allowed: data files hold "
                               "plain text, numbers, lists and mappings",
                               tag=_short_tag(event.tag)), event.start_mark)
                mark = event.start_mark
                if parent is not None and parent.is_map and not parent.has_key:
                    # This node is a key.
                    if kind is not _ScalarEvent:
                        raise fail("complex-key", Message("a key must be a plain text or "
                                   "number, not a list or mapping"), mark)
                    plain = event.style is None or event.style == ""
                    key = resolve_plain_scalar(event.value) if plain else event.value
                    if plain and key == "<<":
                        raise fail("merge-key", Message("merge keys (<<) are not allowed: "
                                   "write the keys out in full"), mark)
                    if key is None or isinstance(key, bool | float) or \
                            not isinstance(key, Hashable):
                        shown = (repr(event.value) if event.value else
                                 Message("an empty key"))
                        raise fail("complex-key", Message("a key must be a text or an "
                                   "integer, not {shown}", shown=shown), mark)
                    if plain and isinstance(key, int) and last_integer is not None and \
                            last_integer[:2] == (mark.line, mark.column - 1):
                        number, decimals = last_integer[2], event.value
                        raise fail("french-number", Message(
                                   "'{number},{decimals}' is a French-formatted number, which "
                                   "a {braces} mapping reads as {number} and a key "
                                   "{decimals}; write it as {number}.{decimals}",
                                   number=number, decimals=decimals, braces="{…}"),
                                   last_integer[3])
                    last_integer = None
                    if key in parent.first_key_line:
                        raise fail("duplicate-key", Message(
                                   "duplicate key {key} (first defined on line {line})",
                                   key=repr(event.value), line=parent.first_key_line[key]),
                                   mark)
                    parent.first_key_line[key] = mark.line + 1
                    parent.pending_key = key
                    parent.has_key = True
                    keys[parent.path + (key,)] = mark
                    continue
                # This node is a value.
                if kind is _ScalarEvent:
                    value: Any = (resolve_plain_scalar(event.value)
                                  if event.style is None or event.style == "" else event.value)
                    last_integer = ((event.end_mark.line, event.end_mark.column, event.value,
                                     mark) if type(value) is int else None)
                elif kind is _MappingStartEvent:
                    value = {}
                else:
                    value = []
                if parent is None:
                    path: Path_ = ()
                    doc.data = value
                elif parent.is_map:
                    path = parent.path + (parent.pending_key,)
                    parent.container[parent.pending_key] = value
                    parent.has_key = False
                else:
                    path = parent.path + (len(parent.container),)
                    parent.container.append(value)
                values[path] = mark
                if kind is not _ScalarEvent:
                    if len(stack) >= MAX_DEPTH:
                        raise fail("yaml-syntax", Message("nesting deeper than {depth} "
                                   "levels", depth=MAX_DEPTH), mark)
                    parent = _Frame(value, path)
                    stack.append(parent)
            elif kind in _END_EVENTS:
                stack.pop()
                parent = stack[-1] if stack else None
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise fail("multiple-documents", Message(
                           "a data file holds exactly one YAML document; remove the second "
                           "`---` or split the file"), event.start_mark)
            elif kind is yaml.AliasEvent:
                raise fail("anchor-alias", Message("alias *{name} is not allowed: write "
                           "the value out in full", name=event.anchor), event.start_mark)
            elif kind is yaml.StreamEndEvent:
                break
            elif kind not in _SKIPPED_EVENTS:
                raise fail("yaml-syntax", Message("unexpected {event}", event=kind.__name__),
                           event.start_mark)
    except IntegerTooLong as exc:
        raise fail("invalid-value", Message("this integer is written with {count} "
                   "characters; a data file's numbers have at most {most}",
                   count=Grouped(len(str(exc))), most=MAX_INTEGER_CHARS), mark) from None
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
        raise YamlError(Problem(file, "yaml-syntax", Message(
            "character U+{code} is not allowed in a data file (an invisible control "
            "character: delete it)", code=f"{exc.character:04X}"), line, column)) from None
    except yaml.YAMLError as exc:
        raise YamlError(Problem(file, "yaml-syntax",
                                Message(str(exc).replace("\n", " ")))) from None
    finally:
        if parser is not None:
            parser.dispose()
    if documents == 0 or doc.data is None:  # nothing, only comments, or a bare `---`
        raise YamlError(Problem(file, "empty-file", Message(
            "the file is empty: it should hold a mapping of keys and values"), 1, 1))
    return doc


def _short_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


# What the libyaml parser says (PyYAML's pure-Python parser words a few differently; those
# stay English): each phrase is a message of the catalog, so a French user reads it in French.
_PARSER_PHRASES = (
    N_("mapping values are not allowed in this context"),
    N_("mapping values are not allowed here"),
    N_("did not find expected ',' or ']'"),
    N_("did not find expected ',' or '}'"),
    N_("did not find expected '-' indicator"),
    N_("did not find expected key"),
    N_("did not find expected node content"),
    N_("did not find expected <document start>"),
    N_("found character that cannot start any token"),
    N_("found unexpected end of stream"),
    N_("found unknown escape character"),
    N_("found unexpected ':'"),
    N_("could not find expected ':'"),
    N_("block sequence entries are not allowed in this context"),
    N_("while parsing a flow sequence"),
    N_("while parsing a flow mapping"),
    N_("while parsing a block collection"),
    N_("while parsing a block mapping"),
    N_("while parsing a block node"),
    N_("while parsing a flow node"),
    N_("while parsing a quoted scalar"),
    N_("while scanning a quoted scalar"),
    N_("while scanning a simple key"),
    N_("while scanning for the next token"),
    N_("while scanning a plain scalar"),
    N_("invalid YAML"),
)


def _syntax_message(exc: yaml.MarkedYAMLError, text: str) -> Message:
    mark = exc.problem_mark
    if mark is not None:
        lines = text.splitlines()
        if mark.line < len(lines) and lines[mark.line][mark.column:mark.column + 1] == "\t":
            return Message("a tab character cannot be used here (YAML indents with spaces)")
    problem = Message((exc.problem or "invalid YAML").strip().replace("\n", " "))
    context = (exc.context or "").strip().replace("\n", " ")
    if not context:
        return problem
    said: Message = Message(context)
    if exc.context_mark is not None:
        said = Message("{context} started on line {line}", context=said,
                       line=exc.context_mark.line + 1)
    return Message("{problem} ({context})", problem=problem, context=said)
