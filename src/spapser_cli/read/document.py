"""A parsed data file: its plain data and where each key and value stands in the file."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from spapser_cli.problems import Problem, Severity

Path_ = tuple[Hashable, ...]
Position = tuple[int, int]  # 1-based line, column


def to_position(mark: Any) -> Position:
    """A parser mark (0-based) as a 1-based (line, column); positions pass through."""
    if isinstance(mark, tuple):
        return mark
    return (mark.line + 1, mark.column + 1)


@dataclass
class Document:
    """One parsed file: its data and where each key and value stands in it."""

    file: str  # as shown in messages
    data: Any
    # Parser marks, turned into positions only when a problem needs one (or when pickled).
    values: dict[Path_, Any] = field(default_factory=dict)
    keys: dict[Path_, Any] = field(default_factory=dict)

    def position(self, path: Path_, *, key: bool = False) -> Position | None:
        """Position of the value at `path` (or of its key), falling back to the nearest parent."""
        path = tuple(path)
        if key and path in self.keys:
            return to_position(self.keys[path])
        while True:
            if path in self.values:
                return to_position(self.values[path])
            if not path:
                return None
            path = path[:-1]

    def problem(self, path: Path_, code: str, message: str, *, key: bool = False,
                severity: Severity = "error") -> Problem:
        pos = self.position(path, key=key)
        return Problem(self.file, code, message, pos[0] if pos else None,
                       pos[1] if pos else None, severity)

    def __getstate__(self) -> dict[str, Any]:
        # libyaml's marks cannot be pickled: keep their positions instead.
        return {"file": self.file, "data": self.data,
                "values": {p: to_position(m) for p, m in self.values.items()},
                "keys": {p: to_position(m) for p, m in self.keys.items()}}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
