"""What a year's collection asks for: one row per variable (× category), per published value
and per milestone or qualitative assessment that the year's indicators take.

Pure: from a `Catalog` to `CollectRow`s. The template writes them, the import checks filled
cells against them and the completeness report counts them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from spapser_cli.catalog import PERCENT, Catalog
from spapser_cli.i18n import Message
from spapser_cli.problems import UsageError

if TYPE_CHECKING:
    from spapser_cli.read.models import Action, Indicator, Variable

EntryKind = Literal["measure", "reported", "milestone", "qualitative"]

QUANTITATIVE = ("value", "difference", "change", "ratio", "share", "rate")
SIGNED = ("change", "difference")  # indicator kinds whose values may be negative
WHOLE_UNITS = ("nombre",)  # units counted in whole numbers

# Milestone statuses: what the workbook shows (French) and what the measures file stores.
STATUS_LABELS: dict[str, str] = {
    "not-started": "non commencé",
    "in-progress": "en cours",
    "done": "réalisé",
}


@dataclass(frozen=True)
class CollectRow:
    """One cell to fill in: a variable (or one of its categories), or an indicator's value."""

    pilot: str  # the action's lead pilot: its sheet
    action: str
    action_title: str
    indicators: tuple[str, ...]  # ids of the indicators the row feeds
    indicator_labels: tuple[str, ...]
    kind: EntryKind
    variable: str | None  # measure rows
    category: str | None
    indicator: str | None  # reported, milestone and qualitative rows
    label: str  # the variable's (or indicator's) label
    category_label: str | None
    unit: str | None
    whole: bool  # whole numbers only
    percent: bool  # 0-100
    signed: bool  # may be negative
    last_value: float | str | None  # the last known value, for reference
    last_year: int | None

    @property
    def key(self) -> tuple[str, str, str]:
        """The ids the import reads back: (variable, category, indicator), empty when none."""
        return (self.variable or "", self.category or "", self.indicator or "")


def lead_pilot(action: Action) -> str:
    """The direction whose sheet holds the action: the first pilot the sheet names."""
    return action.pilots[0]


def evaluated_actions(catalog: Catalog, year: int) -> list[str]:
    """The actions the evaluation plan says are evaluated in `year`; a usage error if the plan
    has no entry for it."""
    evaluation = catalog.scheme.evaluation
    plan = evaluation.plan if evaluation else []
    for entry in plan:
        if entry.year == year:
            return [code for code in catalog.actions if code in entry.actions]
    planned = ", ".join(str(e.year) for e in plan) or Message("none")
    raise UsageError(Message("the evaluation plan (scheme.yaml, evaluation.plan) has no entry "
                             "for {year} (planned years: {planned}); run `spapser plan "
                             "--propose`", year=year, planned=planned))


def select_actions(catalog: Catalog, *, actions: Sequence[str] | None = None,
                   pilot: str | None = None) -> list[Action]:
    """The actions to collect: those given (all by default), of one lead pilot if given."""
    chosen = [a for code, a in catalog.actions.items() if actions is None or code in actions]
    if pilot is None:
        return chosen
    pilots = list(dict.fromkeys(lead_pilot(a) for a in catalog.actions.values()))
    wanted = pilot.casefold().strip()
    matches = [p for p in pilots if p.casefold() == wanted] or \
              [p for p in pilots if wanted in p.casefold()]
    if len(matches) != 1:
        fields = {"pilot": repr(pilot), "pilots": "; ".join(pilots)}
        raise UsageError(Message("--pilot {pilot} matches several pilots (lead pilots: "
                                 "{pilots})", **fields) if matches else
                         Message("--pilot {pilot} is not the lead pilot of any action (lead "
                                 "pilots: {pilots})", **fields))
    return [a for a in chosen if lead_pilot(a) == matches[0]]


def collect_rows(catalog: Catalog, year: int, actions: Iterable[Action]) -> list[CollectRow]:
    """Every row the collection of `year` asks for, action by action in the scheme's order."""
    rows: dict[tuple[str, str, str], CollectRow] = {}
    for action in actions:
        for row in _action_rows(catalog, year, action):
            rows.setdefault(row.key, row)  # a variable another action uses too: asked once
    return list(rows.values())


def accepted_rows(catalog: Catalog, year: int) -> dict[tuple[str, str, str], CollectRow]:
    """Every row an import accepts, by its ids: the template's rows of every action, and a
    published value (and breakdown) for any quantitative indicator."""
    index: dict[tuple[str, str, str], CollectRow] = {}
    for action in catalog.actions.values():
        for row in _action_rows(catalog, year, action, every_indicator=True):
            index.setdefault(row.key, row)
    return index


def _refs(indicator: Indicator) -> list[str]:
    names = ("quantity", "part", "whole", "numerator", "denominator")
    return [getattr(indicator, n).variable for n in names if getattr(indicator, n, None)]


def _action_rows(catalog: Catalog, year: int, action: Action, *,
                 every_indicator: bool = False) -> list[CollectRow]:
    pilot = lead_pilot(action)
    fed: dict[str, list[Indicator]] = {}
    for indicator in action.indicators:
        if indicator.kind in QUANTITATIVE:
            for variable_id in _refs(indicator):
                users = fed.setdefault(variable_id, [])
                if indicator not in users:
                    users.append(indicator)
    rows: list[CollectRow] = []
    for variable_id, users in fed.items():
        variable = catalog.variable(variable_id)
        if variable is None:
            continue
        categories: list[tuple[str | None, str | None]] = (
            [(c.id, c.label) for c in variable.categories] or [(None, None)])
        for category, category_label in categories:
            last = _last_measure(catalog, year, variable, category)
            rows.append(CollectRow(
                pilot, action.code, action.title, tuple(i.id for i in users),
                tuple(i.label for i in users), "measure", variable.id, category, None,
                variable.label, category_label, variable.unit,
                whole=variable.unit in WHOLE_UNITS, percent=variable.unit == PERCENT,
                signed=False, last_value=last[0], last_year=last[1]))
    for indicator in action.indicators:
        if indicator.kind == "contracts":  # counted from the contract register: not collected
            continue
        rows += _indicator_rows(catalog, year, action, pilot, indicator, every_indicator)
    return rows


def _indicator_rows(catalog: Catalog, year: int, action: Action, pilot: str,
                    indicator: Indicator, every: bool) -> list[CollectRow]:
    """Milestones and qualitative indicators take a status or a text; a quantitative indicator
    takes a published value when earlier years were published rather than measured."""
    kind: EntryKind
    if indicator.kind == "milestone":
        kind = "milestone"
    elif indicator.kind == "qualitative":
        kind = "qualitative"
    else:
        kind = "reported"
    history = [(y, m.reported[indicator.id]) for y, m in sorted(catalog.measures.items())
               if y < year and indicator.id in m.reported]
    if kind == "reported" and not every:
        if not history:
            return []
        # Published beside the quantities it is computed from (the document's printed
        # percentages next to its kg): the quantities are collected, so the value is computed.
        measured = catalog.measures[history[-1][0]].measures
        if all(variable_id in measured for variable_id in _refs(indicator)):
            return []
    unit = catalog.indicator_unit(indicator)
    categories: list[tuple[str | None, str | None]] = [(None, None)]
    if kind == "reported" and (every or (history and history[-1][1].breakdown)):
        categories += [(c.id, c.label) for c in catalog.indicator_categories(indicator)]
    rows = []
    for category, category_label in categories:
        last_value: float | str | None = None
        last_year: int | None = None
        for y, reported in history:
            found: float | str | None
            if kind == "milestone":
                found = STATUS_LABELS.get(reported.status or "")
            elif kind == "qualitative":
                found = reported.text
            else:
                found = reported.breakdown.get(category) if category else reported.value
            if found is not None:
                last_value, last_year = found, y
        rows.append(CollectRow(
            pilot, action.code, action.title, (indicator.id,), (indicator.label,), kind, None,
            category, indicator.id, indicator.label, category_label, unit, whole=False,
            percent=unit == PERCENT and indicator.kind not in SIGNED,
            signed=indicator.kind in SIGNED, last_value=last_value, last_year=last_year))
    return rows


def _last_measure(catalog: Catalog, year: int, variable: Variable,
                  category: str | None) -> tuple[float | None, int | None]:
    for y in sorted(catalog.measures, reverse=True):
        if y >= year:
            continue
        measure = catalog.measures[y].measures.get(variable.id)
        if measure is None:
            continue
        value = (measure.values or {}).get(category) if category else measure.value
        if value is not None:
            return value, y
    return None, None


SHEET_NAME_MAX = 31  # Excel's limit
_SHORTER = (("Direction ", "Dir. "), ("Secrétariat général ", "SG "), (" des ", " "),
            (" de la ", " "), (" de l'", " "), (" du ", " "), (" de ", " "), (" et ", " & "),
            ("Développement", "Dév."), ("Aménagement", "Amén."), ("Logistique", "Log."))


def sheet_names(pilots: Iterable[str]) -> dict[str, str]:
    """A distinct Excel sheet name (≤ 31 characters, none of []:*?/\\) for each pilot."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for pilot in pilots:
        name = "".join(" " if ch in "[]:*?/\\" else ch for ch in pilot).strip() or "Pilote"
        for long, short in _SHORTER:
            if len(name) <= SHEET_NAME_MAX:
                break
            name = name.replace(long, short)
        name = name.strip("'")[:SHEET_NAME_MAX].rstrip()
        base, n = name, 2
        while name.casefold() in taken or name.casefold() in RESERVED_SHEETS:
            suffix = f" ({n})"
            name = base[:SHEET_NAME_MAX - len(suffix)].rstrip() + suffix
            n += 1
        taken.add(name.casefold())
        names[pilot] = name
    return names


GUIDE_SHEET = "Mode d'emploi"
META_SHEET = "spapser"  # very hidden: what the workbook was made for
RESERVED_SHEETS = {GUIDE_SHEET.casefold(), META_SHEET}
