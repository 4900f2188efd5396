"""The law's indicators over the contracts of a year: « en nombre de contrats ou en valeur ».

Pure: a register's rows in, figures out. Value rates are over the « montant forfaitaire ou
estimé maximum HT » of the contracts (modifications applied), not over what was spent, and
leave out absurd amounts (see `vocabulary.ABSURD_AMOUNT`); number rates count every contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from spapser_cli.contracts.filters import ContractFilter, Measure, breakdown_keys, measure
from spapser_cli.contracts.vocabulary import OBLIGATION_DATE
from spapser_cli.i18n import N_, french

if TYPE_CHECKING:
    import pandas as pd

Basis = Literal["number", "value"]

VALUE_BASIS_NOTE = ("en valeur : montant forfaitaire ou estimé maximum HT des contrats "
                    "notifiés (modifications comprises), non les dépenses")
PROXY_NOTE = ("DECP has no consultation launch date: the notification date stands for it, "
              f"so contracts notified on or after {OBLIGATION_DATE} are listed")

# id -> (label, in English for the catalogs; basis; filter of the part; whole restricted to;
# breakdown by kind). Figures carry the French label (`french`): the JSON and the workbook
# are the same in every language; the terminal shows the label in the user's (`LABELS`).
_ENV = ContractFilter(environmental=("any",))
_SOCIAL = ContractFilter(social=("any",))
_RESERVED = ContractFilter(social=("reserved",))
_INNOVATIVE = ContractFilter(innovative=True)
_MARKETS = ContractFilter(kind=("market",))
LEGAL_SHARES: tuple[tuple[str, str, Basis, ContractFilter, ContractFilter | None,
                          str | None], ...] = (
    ("contracts-environmental-share", N_("Share of contracts with at least one "
     "environmental consideration"), "number", _ENV, None, "environmental"),
    ("contracts-environmental-value-share", N_("Share by value of contracts with at least "
     "one environmental consideration"), "value", _ENV, None, "environmental"),
    ("contracts-social-share", N_("Share of contracts with at least one social "
     "consideration"), "number", _SOCIAL, None, "social"),
    ("contracts-social-value-share", N_("Share by value of contracts with at least one "
     "social consideration"), "value", _SOCIAL, None, "social"),
    ("contracts-reserved-share", N_("Share of reserved contracts"), "number", _RESERVED, None,
     None),
    ("contracts-reserved-value-share", N_("Share by value of reserved contracts"), "value",
     _RESERVED, None, None),
    ("contracts-innovative-share", N_("Share of innovative contracts (among public "
     "contracts)"), "number", _INNOVATIVE, _MARKETS, None),
    ("contracts-innovative-value-share", N_("Share by value of innovative contracts (among "
     "public contracts)"), "value", _INNOVATIVE, _MARKETS, None),
)
NOTIFIED_LABELS = {"contracts-notified": N_("Contracts notified"),
                   "contracts-notified-value": N_("Amount of the contracts notified")}
LABELS: dict[str, str] = {**NOTIFIED_LABELS, **{share[0]: share[1] for share in LEGAL_SHARES}}
"""The English label of each legal indicator (`_()` gives the user's language)."""
KIND_LABELS = {"clause": "clause", "criterion": "critère", "reserved": "marché réservé",
               "none": "aucune"}
NO_CONTRACT = N_("no contract notified this year")
NO_AMOUNT = N_("no contract with a usable amount")
NO_WHOLE = N_("no contract in the whole")
LEGAL_IDS = ("contracts-notified", "contracts-notified-value",
             *(share[0] for share in LEGAL_SHARES))


@dataclass(frozen=True)
class ContractFigure:
    """One figure over the contracts of a year: a count, an amount, or a share in %."""

    id: str
    label: str
    basis: Basis
    unit: str  # "contrats", "€ HT" or "%"
    value: float | None
    part: float | None = None
    whole: float | None = None
    by_kind: dict[str, float | None] = field(default_factory=dict)
    by_ccag: dict[str, float | None] = field(default_factory=dict)
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "basis": self.basis, "unit": self.unit,
                "value": _number(self.value), "part": _number(self.part),
                "whole": _number(self.whole),
                "by_kind": {k: _number(v) for k, v in self.by_kind.items()},
                "by_ccag": {k: _number(v) for k, v in self.by_ccag.items()},
                "reason": self.reason,
                "note": VALUE_BASIS_NOTE if self.basis == "value" else None}


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) and abs(rounded) < 1e15 else rounded


def _share(part: float, whole: float) -> float | None:
    return part / whole * 100 if whole else None


def _basis_measure(basis: Basis) -> Measure:
    return "count" if basis == "number" else "amount"


def legal_figures(frame: pd.DataFrame) -> list[ContractFigure]:
    """The built-in indicators over `frame` (one year's contracts, of one buyer or all)."""
    if frame.empty:
        return [ContractFigure(i, french(LABELS[i]), _basis(i), _unit(i), None,
                               reason=NO_CONTRACT) for i in LEGAL_IDS]
    ccags = breakdown_keys(frame, "ccag")
    valid = frame["amount_ok"]
    figures = [
        ContractFigure("contracts-notified", french(LABELS["contracts-notified"]), "number",
                       "contrats", float(len(frame)),
                       by_ccag={k: float(m.sum()) for k, m in ccags.items()}),
        ContractFigure("contracts-notified-value",
                       french(LABELS["contracts-notified-value"]), "value", "€ HT",
                       measure(frame, "amount"),
                       by_ccag={k: measure(frame[m], "amount") for k, m in ccags.items()},
                       reason=None if valid.any() else NO_AMOUNT),
    ]
    for ident, label, basis, part_filter, within, kinds in LEGAL_SHARES:
        figures.append(share_figure(frame, ident, french(label), basis, part_filter, within,
                                    kinds))
    return figures


def share_figure(frame: pd.DataFrame, ident: str, label: str, basis: Basis,
                 part_filter: ContractFilter, within: ContractFilter | None,
                 kinds: str | None) -> ContractFigure:
    """part / whole in %, with its breakdown by kind of consideration and by ccag."""
    how = _basis_measure(basis)
    whole_frame = frame[within.mask(frame)] if within is not None else frame
    part_frame = whole_frame[part_filter.mask(whole_frame)]
    part, whole = measure(part_frame, how), measure(whole_frame, how)
    by_kind: dict[str, float | None] = {}
    if kinds is not None:
        by_kind = {kind: _share(measure(whole_frame[mask], how), whole)
                   for kind, mask in breakdown_keys(whole_frame, kinds).items()
                   if kind != "none"}
    part_mask = part_filter.mask(whole_frame)
    by_ccag = {key: _share(measure(whole_frame[mask & part_mask], how),
                           measure(whole_frame[mask], how))
               for key, mask in breakdown_keys(whole_frame, "ccag").items()}
    value = _share(part, whole)
    reason = None
    if value is None:
        reason = NO_AMOUNT if basis == "value" else NO_WHOLE
    return ContractFigure(ident, label, basis, "%", value, part, whole, by_kind, by_ccag,
                          reason)


def _basis(ident: str) -> Basis:
    return "value" if "value" in ident else "number"


def _unit(ident: str) -> str:
    return {"contracts-notified": "contrats", "contracts-notified-value": "€ HT"}.get(ident, "%")


# ----------------------------------------------------------------------------------------------
# Per buyer (the observatory view)

BUYER_COLUMNS = ("buyer", "contracts", "amount", "excluded_amounts",
                 "environmental_share", "environmental_value_share", "social_share",
                 "social_value_share", "reserved_share", "innovative_share")


def by_buyer(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per buyer SIRET with the main rates (number and value), sorted by SIRET."""
    import pandas as pd

    ok = frame["amount_ok"]
    amount = frame["amount"].where(ok, 0.0)
    env = frame[["env_clause", "env_criterion"]].any(axis=1)
    social = frame[["social_clause", "social_criterion", "reserved"]].any(axis=1)
    market = frame["kind"] == "market"
    parts = pd.DataFrame({
        "buyer": frame["buyer"],
        "contracts": 1,
        "amount": amount,
        "excluded_amounts": ~ok,
        "env": env, "env_amount": amount.where(env, 0.0),
        "social": social, "social_amount": amount.where(social, 0.0),
        "reserved": frame["reserved"],
        "markets": market, "innovative": frame["innovative"] & market,
    })
    sums = parts.groupby("buyer", sort=True).sum()
    result = pd.DataFrame({
        "buyer": sums.index,
        "contracts": sums["contracts"].to_numpy(),
        "amount": sums["amount"].to_numpy(),
        "excluded_amounts": sums["excluded_amounts"].to_numpy(),
        "environmental_share": _ratio(sums["env"], sums["contracts"]),
        "environmental_value_share": _ratio(sums["env_amount"], sums["amount"]),
        "social_share": _ratio(sums["social"], sums["contracts"]),
        "social_value_share": _ratio(sums["social_amount"], sums["amount"]),
        "reserved_share": _ratio(sums["reserved"], sums["contracts"]),
        "innovative_share": _ratio(sums["innovative"], sums["markets"]),
    })
    return result.reset_index(drop=True)


def _ratio(part: pd.Series, whole: pd.Series) -> Any:
    whole_float = whole.astype(float)
    return (part.astype(float) / whole_float.where(whole_float != 0) * 100).to_numpy()


# ----------------------------------------------------------------------------------------------
# The 21 August 2026 obligation

MISSING_COLUMNS = ("buyer", "id", "date", "object", "amount", "ccag")


def missing_environmental(frame: pd.DataFrame, since: str = OBLIGATION_DATE) -> pd.DataFrame:
    """Contracts notified on or after `since` with no environmental consideration."""
    late = frame["date"].fillna("") >= since
    none = ~frame[["env_clause", "env_criterion"]].any(axis=1)
    found = frame[late & none]
    return found.sort_values(["buyer", "date", "id"], kind="stable")[list(MISSING_COLUMNS)]


# ----------------------------------------------------------------------------------------------
# The `contracts` indicator kind of action sheets


def evaluate(frame: pd.DataFrame, selection: ContractFilter, how: Measure,
             share_of: ContractFilter | None = None, breakdown: str | None = None
             ) -> tuple[float | None, dict[str, float | None], str | None]:
    """(value, breakdown, reason): a count or amount, or a share in % of another filter."""
    whole_frame = frame[share_of.mask(frame)] if share_of is not None else frame
    part_mask = selection.mask(whole_frame)
    part_frame = whole_frame[part_mask]
    if share_of is None:  # a count or an amount: per value found among the contracts counted
        groups = breakdown_keys(part_frame, breakdown) if breakdown else {}
        return (measure(part_frame, how),
                {k: measure(part_frame[m], how) for k, m in groups.items()}, None)
    groups = breakdown_keys(whole_frame, breakdown) if breakdown else {}
    whole = measure(whole_frame, how)
    parts = {k: _share(measure(whole_frame[m & part_mask], how), measure(whole_frame[m], how))
             for k, m in groups.items()}
    value = _share(measure(part_frame, how), whole)
    return value, parts, None if value is not None else "division by zero: no contract in " \
        "the whole"
