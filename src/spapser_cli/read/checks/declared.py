"""What a data folder declares, gathered once for every cross-file check."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spapser_cli.catalog import Catalog
from spapser_cli.i18n import N_, Message
from spapser_cli.read.document import Document
from spapser_cli.read.models import Action, Indicator, Scheme, Variable


@dataclass
class Unchecked:
    """What the action files that failed their model declare. Their own errors are the root
    cause: the measures and references that use these ids are not reported again (one bad key
    in a sheet would otherwise turn every measure of its variables into an error)."""

    codes: set[str] = field(default_factory=set)
    variables: set[str] = field(default_factory=set)
    indicators: set[str] = field(default_factory=set)

    def add(self, code: str, data: Any) -> None:
        self.codes.add(code)
        if not isinstance(data, dict):
            return
        for key, ids in (("variables", self.variables), ("indicators", self.indicators)):
            items = data.get(key)
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    ids.add(item["id"])

    def __contains__(self, identifier: object) -> bool:
        return identifier in self.variables or identifier in self.indicators


@dataclass
class Declared:
    """The scheme, the action sheets, and the ids they declare.

    `listed`, `variables` and `indicators` are filled by the structure and identifier checks,
    which run first: a second declaration of an id is reported there and left out here."""

    scheme: Scheme
    scheme_doc: Document
    actions: dict[str, tuple[Action, Document]]
    listed: dict[str, tuple[int, int]] = field(default_factory=dict)  # code -> (axis, objective)
    variables: dict[str, Variable] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    unchecked: Unchecked = field(default_factory=Unchecked)

    def __post_init__(self) -> None:
        # The catalog's lookups (axes, units of indicators), over the sheets read so far.
        self.partial = Catalog(Path("."), self.scheme,
                               {c: a for c, (a, _) in self.actions.items()}, {})


CATEGORIES = N_("categories")  # what `did_you_mean` lists


def did_you_mean(name: str, known: Any, what: str = "") -> str:
    """`; did you mean 'x'?` when a known id is close to `name`; else, given `what`, the
    known ids when they are few (`(categories: a, b)`)."""
    import difflib

    choices = sorted(known)
    close = difflib.get_close_matches(name, choices, n=1)
    if close:
        return Message("; did you mean {close}?", close=repr(close[0]))
    if what and len(choices) <= 12:
        return Message(" ({what}: {known})", what=Message(what),
                       known=", ".join(choices) or Message("none"))
    return ""


def unknown_variable(d: Declared, name: str) -> str:
    """Why `name` is not a variable, and what was probably meant."""
    if name in d.indicators:
        return Message("{name} is an indicator, not a variable: name the variable it is "
                       "computed from", name=repr(name))
    return Message("no action declares a variable {name}{hint}", name=repr(name),
                   hint=did_you_mean(name, d.variables))


def spelt(value: float) -> str:
    """A number in a message, spelt as in the YAML file: `1000000`, `38500.5` (`:g` would
    print 1e+06 and round 1234567.5 to 1.23457e+06)."""
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
