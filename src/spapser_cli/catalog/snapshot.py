"""The snapshot format: a validated catalog as JSON, read back without running any code.

A snapshot used to be a pickle, and unpickling runs whatever code the file names: anyone who can
put a file in the cache folder (a restored CI cache, a backup, a copied home folder) could run
code as the user. JSON holds only text, numbers, lists and mappings, so reading a snapshot can
at worst give wrong data; `decode` checks its shape so that it cannot give a broken catalog
either: anything unexpected raises `SnapshotError`, and the cache treats it as a miss.

What is stored is what the commands that use the cache read: the catalog's records, the
positions of the values of each file (for warnings placed on a line), and the load's warnings.
The parsed data of each file is not kept (it is only used while validating).

Encoding: a record is a JSON object of its fields; a mapping (whose keys may be integers) is
`{"\\u0000": [[key, value], ...]}` and a date `{"\\u0001": "2020-12-31"}`: neither key can be a
record field name.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from spapser_cli.catalog.catalog import Catalog
from spapser_cli.catalog.records import Record
from spapser_cli.problems import PROBLEM_CODES, Problem, Severity

FORMAT = 4  # bump when the stored shape changes

_MAPPING = "\u0000"
_DATE = "\u0001"
_RESERVED = frozenset(dir(Record))  # a field named `to_dict` would hide the method


@contextmanager
def paused_gc() -> Iterator[None]:
    """Encoding and parsing positions build many small objects and no cycle, next to a large
    heap (the parsed files, the records): left on, the cyclic collector would rescan that heap
    again and again (seconds for 2,000 files)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


class SnapshotError(ValueError):
    """The snapshot is not one this version of spapser wrote."""


# -- writing ------------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return {name: _plain(item) for name, item in vars(value).items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {_MAPPING: [[key, _plain(item)] for key, item in value.items()]}
    if isinstance(value, date):
        return {_DATE: value.isoformat()}
    if value is None or isinstance(value, str | int | float):  # bool is an int
        return value
    raise SnapshotError(f"cannot store a {type(value).__name__} in a snapshot")


def _positions(marks: dict[Any, Any]) -> list[list[Any]]:
    """Parser marks (0-based) or positions (1-based) as `[path, line, column]`, 1-based."""
    return [[list(path), *(mark if isinstance(mark, tuple) else (mark.line + 1,
                                                                 mark.column + 1))]
            for path, mark in marks.items()]


def encode(catalog: Catalog, problems: list[Problem]) -> bytes:
    """The snapshot of a catalog that passed validation, with the warnings of its load."""
    with paused_gc():
        return _encode(catalog, problems)


def _reported(document: Any) -> Any:
    data = getattr(document, "data", None)
    return data.get("reported") if isinstance(data, dict) else None


def _encode(catalog: Catalog, problems: list[Problem]) -> bytes:
    documents = [[doc.file, _positions(doc.values), _positions(doc.keys)]
                 for doc in catalog.documents.values()]
    body = [
        FORMAT,
        str(catalog.data_dir),
        _plain(catalog.scheme),
        _plain(catalog.actions),
        _plain(catalog.measures),
        _plain(catalog.action_files),
        _plain(catalog.measures_files),
        _plain(catalog.broken_measures),
        list(catalog.documents),
        # The reported values as the files spell them (`38` or `38.0`: the engine's tolerance
        # for a published figure depends on it), for the measures files only.
        [[file, _plain(_reported(catalog.documents.get(file)))]
         for file in catalog.measures_files.values() if file in catalog.documents],
        [[p.file, p.code, p.message, p.line, p.column, p.severity] for p in problems],
    ]
    # Two JSON texts on two lines (JSON escapes every newline inside a text). A file name
    # that is not UTF-8 holds lone surrogates, which UTF-8 cannot encode: JSON escapes.
    return b"\n".join(
        _SURROGATE.sub(_escape_surrogate, json.dumps(part, ensure_ascii=False,
                                                     separators=(",", ":"))).encode()
        for part in (body, documents))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_surrogate(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


# -- reading ------------------------------------------------------------------------------------
def _object(fields: dict[str, Any]) -> Any:
    """Called by the JSON parser for every object, innermost first."""
    if len(fields) == 1:
        if _MAPPING in fields:
            pairs = fields[_MAPPING]
            _expect(isinstance(pairs, list) and all(
                isinstance(pair, list) and len(pair) == 2 and _is_key(pair[0])
                for pair in pairs), "a mapping")
            return {key: value for key, value in pairs}
        if _DATE in fields:
            _expect(isinstance(fields[_DATE], str), "a date")
            try:
                return date.fromisoformat(fields[_DATE])
            except ValueError:
                raise SnapshotError("a date") from None
    for name in fields:
        _expect(name.isidentifier() and not name.startswith("_") and name not in _RESERVED,
                "a field name")
    return Record(**fields)


def _is_key(key: Any) -> bool:
    return isinstance(key, str) or (isinstance(key, int) and not isinstance(key, bool))


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise SnapshotError(f"not {what}")


def _constant(name: str) -> float:
    """NaN and infinities are floats; the validated data never holds them, so refuse them."""
    raise SnapshotError(f"unexpected {name}")


def _typed(value: Any, kind: type | tuple[type, ...], what: str) -> Any:
    _expect(isinstance(value, kind) and not (kind is int and isinstance(value, bool)), what)
    return value


def _records(value: Any, what: str) -> list[Any]:
    _typed(value, list, what)
    for item in value:
        _typed(item, Record, what)
    return value  # type: ignore[no-any-return]


def _mapping(value: Any, key: type, what: str) -> dict[Any, Any]:
    _typed(value, dict, what)
    for name in value:
        _typed(name, key, what)
    return value  # type: ignore[no-any-return]


def _check_scheme(scheme: Any) -> None:
    _typed(scheme, Record, "a scheme")
    _typed(getattr(scheme, "title", None), str, "a scheme title")
    for axis in _records(getattr(scheme, "axes", None), "the axes"):
        _typed(getattr(axis, "number", None), int, "an axis number")
        _typed(getattr(axis, "title", None), str, "an axis title")
        for objective in _records(getattr(axis, "objectives", None), "the objectives"):
            _typed(getattr(objective, "number", None), int, "an objective number")
            for code in _typed(getattr(objective, "actions", None), list, "the actions"):
                _typed(code, str, "an action code")


def _check_action(code: str, action: Any) -> None:
    _typed(action, Record, "an action")
    _expect(getattr(action, "code", None) == code, "an action filed under its code")
    _typed(getattr(action, "axis", None), int, "an axis number")
    _typed(getattr(action, "objective", None), int, "an objective number")
    for variable in _records(getattr(action, "variables", None), "the variables"):
        _typed(getattr(variable, "id", None), str, "a variable id")
        _records(getattr(variable, "categories", None), "the categories")
    for indicator in _records(getattr(action, "indicators", None), "the indicators"):
        _typed(getattr(indicator, "id", None), str, "an indicator id")
        _typed(getattr(indicator, "kind", None), str, "an indicator kind")


def _check_measures(year: int, measures: Any) -> None:
    _typed(measures, Record, "a measures file")
    _expect(getattr(measures, "year", None) == year, "measures filed under their year")
    _mapping(getattr(measures, "measures", None), str, "the measures")


class _Positions:
    """The positions of every stored file, parsed on first use: only a warning placed on a
    line needs them. The JSON is read once, each file's marks only when that file is asked
    for (the *Données* sheet asks for the measures files, never for the action sheets)."""

    def __init__(self, raw: bytes, start: int) -> None:
        self.raw: bytes | None = raw  # the snapshot; its positions begin at `start`
        self.start = start
        self.entries: dict[str, tuple[Any, Any]] = {}  # file -> its stored values and keys
        self.parsed: dict[str, tuple[dict[Any, Any], dict[Any, Any]]] = {}

    def of(self, file: str) -> tuple[dict[Any, Any], dict[Any, Any]]:
        if self.raw is not None:
            raw, self.raw = self.raw, None
            try:
                with paused_gc():
                    self.entries = _parse_positions(memoryview(raw)[self.start:].tobytes())
            except (SnapshotError, ValueError, TypeError, RecursionError):
                pass  # a damaged part: messages lose their line, nothing else
        found = self.parsed.get(file)
        if found is None:
            values, keys = self.entries.pop(file, ((), ()))
            try:
                found = (_marks(values), _marks(keys))
            except (SnapshotError, ValueError, TypeError, RecursionError):
                found = ({}, {})  # a damaged file's positions: its messages lose their line
            self.parsed[file] = found
        return found


def _parse_positions(raw: bytes) -> dict[str, tuple[Any, Any]]:
    documents = json.loads(raw)
    _typed(documents, list, "the documents")
    entries = {}
    for file, values, keys in documents:
        entries[_typed(file, str, "a file name")] = (values, keys)
    return entries


def _marks(entries: Any) -> dict[tuple[Any, ...], tuple[int, int]]:
    marks = {}
    for path, line, column in entries:
        _expect(type(line) is int and type(column) is int, "a position")
        _expect(all(map(_is_key, path)), "a path")
        marks[tuple(path)] = (line, column)
    return marks


class StoredDocument:
    """A file of a snapshot: where its values stand, read when first asked for.

    It answers what the commands ask a `read.document.Document` (`position`, `problem`, the
    `reported` part of `data`), without the rest of its parsed data; `catalog` may not import
    `read`, hence this small twin."""

    def __init__(self, file: str, stored: _Positions) -> None:
        self.file = file
        self.data: Any = None  # a measures file's `reported` section, as spelled
        self._stored: _Positions | None = stored
        self.values: dict[Any, Any] = {}
        self.keys: dict[Any, Any] = {}

    def position(self, path: Any, *, key: bool = False) -> tuple[int, int] | None:
        """Position of the value at `path` (or of its key), else of its nearest parent."""
        if self._stored is not None:
            self.values, self.keys = self._stored.of(self.file)
            self._stored = None
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]  # type: ignore[no-any-return]
        while True:
            if path in self.values:
                return self.values[path]  # type: ignore[no-any-return]
            if not path:
                return None
            path = path[:-1]

    def problem(self, path: Any, code: str, message: str, *, key: bool = False,
                severity: Severity = "error") -> Problem:
        pos = self.position(path, key=key)
        return Problem(self.file, code, message, pos[0] if pos else None,
                       pos[1] if pos else None, severity)


def _problem(entry: Any) -> Problem:
    _expect(isinstance(entry, list) and len(entry) == 6, "a problem")
    file, code, message, line, column, severity = entry
    _typed(file, str, "a file name")
    _expect(code in PROBLEM_CODES, "a problem code")
    _typed(message, str, "a message")
    _expect(line is None or isinstance(line, int), "a line")
    _expect(column is None or isinstance(column, int), "a column")
    _expect(severity in ("error", "warning"), "a severity")
    return Problem(file, code, message, line, column, severity)


def decode(raw: bytes, start: int = 0) -> tuple[Catalog, list[Problem]]:
    """The catalog and warnings `encode` stored in `raw` from `start` on. Raises
    `SnapshotError` for anything else. `raw` is kept until the positions are needed."""
    end = raw.find(b"\n", start)
    if end < 0:
        raise SnapshotError("not a snapshot")
    try:
        body = json.loads(memoryview(raw)[start:end].tobytes(), object_hook=_object,
                          parse_constant=_constant)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, TypeError):
        raise SnapshotError("not JSON") from None
    _expect(isinstance(body, list) and len(body) == 11 and body[0] == FORMAT, "a snapshot")
    (_, data_dir, scheme, actions, measures, action_files, measures_files, broken_measures,
     documents, printed, found) = body
    _check_scheme(scheme)
    for code, action in _mapping(actions, str, "the actions").items():
        _check_action(code, action)
    for year, year_measures in _mapping(measures, int, "the measures").items():
        _check_measures(year, year_measures)
    for mapping, key in ((action_files, str), (measures_files, int), (broken_measures, int)):
        for file in _mapping(mapping, key, "the files").values():
            _typed(file, str, "a file name")
    stored = _Positions(raw, end + 1)
    docs = {_typed(file, str, "a file name"): StoredDocument(file, stored)
            for file in _typed(documents, list, "the documents")}
    for entry in _typed(printed, list, "the reported values"):
        _expect(isinstance(entry, list) and len(entry) == 2 and entry[0] in docs,
                "reported values")
        docs[entry[0]].data = {"reported": entry[1]}
    problems = [_problem(entry) for entry in _typed(found, list, "the problems")]
    catalog = Catalog(Path(_typed(data_dir, str, "a folder")), scheme, actions, measures,
                      docs, action_files, measures_files,  # type: ignore[arg-type]
                      broken_measures)
    return catalog, problems
