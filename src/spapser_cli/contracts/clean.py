"""One raw contract (as decoded from JSON, XML or CSV) → one row of the register, and a
warning for every dirty value, naming the file, the line and the contract's id.

Rows are appended to plain column lists, so that a national file never exists as a list of
dicts in memory. Dirty values are kept when their meaning is clear (a string boolean, a
number written as text), dropped otherwise (`dureeMois: "NC"`), and always reported.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from typing import Any

from spapser_cli.contracts.vocabulary import (
    ABSURD_AMOUNT,
    CCAGS,
    ENV_CLAUSE,
    ENV_CRITERION,
    ENV_VALUES,
    NATURES,
    PROCEDURES,
    RESERVED_CONCESSION,
    RESERVED_MARKET,
    SOCIAL_CLAUSE,
    SOCIAL_CRITERION,
    SOCIAL_VALUES,
)
from spapser_cli.i18n import N_, Message
from spapser_cli.problems import Problem

_NOT_IN_FORMAT = N_("{field}: {value} is not a value of the format")
_NOT_A_NUMBER = N_("{field}: expected a number, got {value}; left out")
_DATE = re.compile(r"(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")
_CPV = re.compile(r"(\d{8})(?:-\d)?")
_TRUE = frozenset({"oui", "true", "1", "vrai"})
_FALSE = frozenset({"non", "false", "0", "faux"})

# Field names of the format, per kind of contract.
_FIELDS = {
    "market": {"buyer": "acheteur", "date": "dateNotification", "amount": "montant",
               "mod_date": "dateNotificationModification"},
    "concession": {"buyer": "autoriteConcedante", "date": "dateSignature",
                   "amount": "valeurGlobale", "mod_date": "dateSignatureModification"},
}


class _Contract:
    """The warnings of one contract, all placed on its line."""

    __slots__ = ("file", "line", "ident", "problems")

    def __init__(self, file: str, line: int, ident: object, problems: list[Problem]) -> None:
        self.file, self.line, self.ident, self.problems = file, line, ident, problems

    def warn(self, code: str, template: str, **fields: object) -> None:
        """A warning in the catalogs' words: `template` is English, filled with `fields`."""
        shown = repr(self.ident) if self.ident is not None else Message(N_("(no id)"))
        self.problems.append(Problem(self.file, code,
                                     Message(N_("contract {id}: {message}"), id=shown,
                                             message=Message(template, **fields)),
                                     self.line, severity="warning"))


class RegisterBuilder:
    """Collects rows column by column; `problems` holds every warning."""

    def __init__(self) -> None:
        self.rows: list[tuple[Any, ...]] = []  # one tuple per contract, in COLUMNS order
        self.problems: list[Problem] = []
        self.files: list[str] = []

    def add_file(self, name: str) -> int:
        self.files.append(name)
        return len(self.files) - 1

    def add(self, kind: str, raw: dict[str, Any], file_index: int, line: int, *,
            typed: bool, layout: str) -> None:
        """Clean one contract. `typed`: values come typed (JSON), not as text (XML, CSV).

        Written for speed (a national file has 10⁵–10⁶ contracts): clean values take the
        short path of exact type tests; the helpers explain the rest."""
        names = _FIELDS[kind]
        get = raw.get
        ident = get("id")
        c = _Contract(self.files[file_index], line, ident, self.problems)
        if "\0not-an-object" in raw:
            c.warn("wrong-type", N_("a contract must be an object; left out"))
            return
        if type(ident) is not str or not ident:
            if ident is None or ident == "":
                c.warn("missing-key", N_("no 'id': cannot be told apart from its other "
                                         "publications"))
                ident = f"(no id, line {line})"
            else:
                if typed:
                    c.warn("wrong-type", N_("id: expected text, got {value}"),
                           value=_shown(ident))
                ident = str(ident)
            c.ident = ident
        modern = layout == "2.0"

        party = get(names["buyer"])
        buyer = party.get("id") if type(party) is dict else None
        if type(buyer) is not str or not buyer:
            buyer = _buyer(raw, names["buyer"])
        if buyer is None:
            c.warn("missing-key", N_("no '{field}.id' (SIRET)"), field=names["buyer"])
            buyer = ""
        elif len(buyer) != 14 or not buyer.isdigit():
            c.warn("invalid-value", N_("{field}.id: {value} is not a 14-digit SIRET"),
                   field=names["buyer"], value=repr(buyer))

        nature = get("nature")
        if type(nature) is not str or nature not in NATURES:
            nature = _text(nature)
            if nature is not None and nature not in NATURES:
                c.warn("invalid-value", _NOT_IN_FORMAT, field="nature", value=repr(nature))
        procedure = get("procedure")
        if type(procedure) is not str or procedure not in PROCEDURES:
            procedure = _text(procedure)
            if procedure is not None and procedure not in PROCEDURES:
                c.warn("invalid-value", _NOT_IN_FORMAT, field="procedure",
                       value=repr(procedure))
        ccag = None
        innovative: bool | None = None
        if kind == "market":
            ccag = get("ccag")
            if type(ccag) is not str or ccag not in CCAGS:
                ccag = _text(ccag)
                if ccag is None:
                    if modern:
                        c.warn("missing-key", N_("no 'ccag'"))
                elif ccag not in CCAGS:
                    c.warn("invalid-value", _NOT_IN_FORMAT, field="ccag", value=repr(ccag))
            innovative = get("marcheInnovant")
            if type(innovative) is not bool:
                innovative = _boolean(c, innovative, "marcheInnovant", typed)
            offers = get("offresRecues")
            if type(offers) is not int or offers < 1:
                if offers is not None:
                    count = _number(c, offers, "offresRecues", typed)
                    if count is not None and count < 1:
                        c.warn("invalid-value", N_("offresRecues: {value}; at least 1 offer "
                                                   "is received for a notified contract"),
                               value=_shown(offers))
        cpv = get("codeCPV")
        if type(cpv) is str and (len(cpv) == 8 or (len(cpv) == 10 and cpv[8] == "-")) \
                and cpv[:8].isdigit():
            cpv = cpv[:8]
        elif cpv is not None:
            cpv_text = _text(cpv)
            match = _CPV.fullmatch(cpv_text) if cpv_text else None
            cpv = match[1] if match else None
            if cpv_text and not match:
                c.warn("invalid-value", N_("codeCPV: {value} is not 8 digits"),
                       value=repr(cpv_text))

        date_field = names["date"]
        notified = get(date_field)
        date = None
        year = 0
        if notified is None or notified == "":
            c.warn("missing-key", N_("no '{field}': the contract belongs to no year"),
                   field=date_field)
        else:
            match = _DATE.match(notified) if type(notified) is str else None
            if match is not None and match[3] > "28" and not _real_day(match[0]):
                match = None  # 2024-02-30, 2023-04-31
            if match is None:
                c.warn("invalid-date", N_("{field}: {value} is not YYYY-MM-DD; the contract "
                                          "belongs to no year"),
                       field=date_field, value=_shown(notified))
            else:
                date, year = match[0], int(match[1])

        amount_field = names["amount"]
        amount = get(amount_field)
        if type(amount) is not float and type(amount) is not int:
            if amount is None:
                c.warn("missing-key", N_("no '{field}': left out of the value rates"),
                       field=amount_field)
            amount = _number(c, amount, amount_field, typed)
        elif amount != amount:  # NaN
            amount = None
        duration = get("dureeMois")
        if type(duration) is not int:
            duration = _number(c, duration, "dureeMois", typed)
        modifications = get("modifications")
        amended = False
        original = amount
        if modifications:
            amount, duration, amended = _apply_modifications(c, modifications, names,
                                                             amount, duration, typed)
        amount_ok = amount is not None
        if amended and original is not None and original >= ABSURD_AMOUNT:
            c.warn("absurd-amount", N_("{field} {amount} € is 10 billion euros or more; the "
                                       "latest modification's amount ({latest} €) is used "
                                       "instead"),
                   field=amount_field, amount=f"{original:g}", latest=f"{amount:g}")
        if amount is not None and amount >= ABSURD_AMOUNT:
            c.warn("absurd-amount", N_("its latest modification gives {amount} €, 10 billion "
                                       "euros or more: counted in the number rates, left out "
                                       "of the value rates") if amended else
                   N_("its amount is {amount} €, 10 billion euros or more: counted in the "
                      "number rates, left out of the value rates"), amount=f"{amount:g}")
            amount_ok = False

        social: Any = get("considerationsSociales")
        environmental: Any = get("considerationsEnvironnementales")
        try:  # the short path: both lists hold values of the format only
            social = social["considerationSociale"]
            environmental = environmental["considerationEnvironnementale"]
            clean = (type(social) is list and type(environmental) is list
                     and SOCIAL_VALUES.issuperset(social)
                     and ENV_VALUES.issuperset(environmental))
        except (KeyError, TypeError):  # absent, not an object, an unhashable item...
            clean = False
        if not clean:
            social = _considerations(c, get("considerationsSociales"), "considerationSociale",
                                     SOCIAL_VALUES, modern)
            environmental = _considerations(c, get("considerationsEnvironnementales"),
                                            "considerationEnvironnementale", ENV_VALUES,
                                            modern)
        published = get("datePublicationDonnees")
        if type(published) is not str:
            published = ""
        objet = get("objet")
        self.rows.append((  # in the order of COLUMNS
            kind, buyer, ident, nature, objet if type(objet) is str else _text(objet), cpv,
            procedure, ccag, innovative is True, date, year, published,
            float(amount) if amount is not None else math.nan, amount_ok,
            float(duration) if duration is not None else math.nan,
            ENV_CLAUSE in environmental, ENV_CRITERION in environmental,
            SOCIAL_CLAUSE in social, SOCIAL_CRITERION in social,
            RESERVED_MARKET in social or RESERVED_CONCESSION in social, file_index, line))


def _real_day(text: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _shown(value: Any) -> str:
    return Message(N_("the text {text}"), text=repr(value)) if isinstance(value, str) \
        else repr(value)


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    return None if value is None or (isinstance(value, float) and math.isnan(value)) \
        else str(value)


def _buyer(raw: dict[str, Any], field: str) -> str | None:
    party = raw.get(field)
    value = party.get("id") if isinstance(party, dict) else raw.get(f"{field}.id")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _number(c: _Contract, value: Any, field: str, typed: bool) -> float | None:
    """A number, or None (with a warning) when the value is not one."""
    if value is None:
        return None
    if isinstance(value, bool):
        c.warn("boolean-not-number", N_("{field}: expected a number, got {value}"),
               field=field, value=str(value))
        return None
    if isinstance(value, int | float):
        return None if math.isnan(value) else float(value)
    if isinstance(value, str):
        cleaned = value.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        try:
            number = float(cleaned if typed else cleaned.replace(",", "."))
        except ValueError:
            c.warn("not-a-number", _NOT_A_NUMBER, field=field, value=_shown(value))
            return None
        if math.isnan(number) or math.isinf(number):
            return None
        if typed:
            c.warn("wrong-type", N_("{field}: a number written as text ({value}); read as "
                                    "{number}"),
                   field=field, value=repr(value), number=f"{number:g}")
        return number
    c.warn("wrong-type", _NOT_A_NUMBER, field=field, value=_shown(value))
    return None


def _boolean(c: _Contract, value: Any, field: str, typed: bool) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        if typed:
            c.warn("wrong-type", N_("{field}: a boolean written as text ({value})"),
                   field=field, value=repr(value))
        return value.strip().lower() in _TRUE
    c.warn("wrong-type", N_("{field}: expected true or false, got {value}; left out"),
           field=field, value=_shown(value))
    return None


def _considerations(c: _Contract, value: Any, key: str, allowed: frozenset[str],
                    modern: bool) -> Collection[str]:
    """The considerations listed; « Pas de considération … » and absence both mean none."""
    if value is None or value == "":
        if modern:
            c.warn("missing-key", N_("no '{field}' list: counted as none"), field=key)
        return frozenset()
    items = value.get(key) if isinstance(value, dict) else value
    if type(items) is list:
        try:
            if allowed.issuperset(items):
                return items  # the common case: all known values
        except TypeError:  # an unhashable item (a dict): explained below
            pass
    if isinstance(items, str):
        items = [items]
    if not isinstance(items, list):
        c.warn("wrong-type", N_("{field}: expected a list, got {value}; counted as none"),
               field=key, value=_shown(items))
        return frozenset()
    found = set()
    for item in items:
        if not isinstance(item, str) or item not in allowed:
            c.warn("invalid-value", _NOT_IN_FORMAT, field=key, value=_shown(item))
        else:
            found.add(item)
    return frozenset(found)


def _modification_items(value: Any) -> list[dict[str, Any]]:
    """Modifications as flat dicts, whatever the nesting ({"modification": {...}} or not)."""
    if not isinstance(value, list):
        return []
    items = []
    for entry in value:
        if isinstance(entry, dict):
            inner = entry.get("modification")
            items.append(inner if isinstance(inner, dict) else entry)
    return items


def _apply_modifications(c: _Contract, value: Any, names: dict[str, str],
                         amount: float | None, duration: float | None,
                         typed: bool) -> tuple[float | None, float | None, bool]:
    """The latest amount and duration, modifications applied in date order."""
    items = _modification_items(value)
    if not items:
        return amount, duration, False
    date_field = names["mod_date"]
    ordered = sorted(items, key=lambda m: str(m.get(date_field) or
                                              m.get("datePublicationDonneesModification") or ""))
    amended = False
    for item in ordered:
        new_amount = _number(c, item.get(names["amount"]),
                             f"modification {item.get('id')!r}: {names['amount']}", typed)
        if new_amount is not None:
            amount, amended = new_amount, True
        new_duration = _number(c, item.get("dureeMois"),
                               f"modification {item.get('id')!r}: dureeMois", typed)
        if new_duration is not None:
            duration = new_duration
    return amount, duration, amended
