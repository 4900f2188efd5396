"""What a data folder declares, gathered once for every cross-file check."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spapser_cli.catalog import Catalog
from spapser_cli.read.document import Document
from spapser_cli.read.models import Action, Indicator, Scheme, Variable


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

    def __post_init__(self) -> None:
        # The catalog's lookups (axes, units of indicators), over the sheets read so far.
        self.partial = Catalog(Path("."), self.scheme,
                               {c: a for c, (a, _) in self.actions.items()}, {})


def spelt(value: float) -> str:
    """A number in a message, spelt as in the YAML file: `1000000`, `38500.5` (`:g` would
    print 1e+06 and round 1234567.5 to 1.23457e+06)."""
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
