"""Selecting contracts: a filter over the register's fields, and the count or amount it gives.

A filter is plain data (from an action sheet's `contracts` indicator, or built in code). Every
condition given must hold; inside one condition, any of the listed values will do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import pandas as pd

ConsiderationKind = Literal["clause", "criterion", "reserved", "any", "none"]
Measure = Literal["count", "amount"]
BREAKDOWN_FIELDS = ("ccag", "nature", "procedure", "kind", "buyer", "cpv-division",
                    "environmental", "social")

_ENV_COLUMNS = {"clause": "env_clause", "criterion": "env_criterion"}
_SOCIAL_COLUMNS = {"clause": "social_clause", "criterion": "social_criterion",
                   "reserved": "reserved"}


@dataclass(frozen=True)
class ContractFilter:
    """Conditions on contracts; None means "any"."""

    environmental: tuple[str, ...] | None = None  # clause, criterion, any, none
    social: tuple[str, ...] | None = None  # clause, criterion, reserved, any, none
    nature: tuple[str, ...] | None = None
    ccag: tuple[str, ...] | None = None
    procedure: tuple[str, ...] | None = None
    cpv: tuple[str, ...] | None = None  # prefixes of the 8-digit code
    innovative: bool | None = None
    amount_min: float | None = None  # amount >= min
    amount_max: float | None = None  # amount < max
    buyers: tuple[str, ...] | None = None
    kind: tuple[str, ...] | None = None  # market, concession

    def mask(self, frame: pd.DataFrame) -> pd.Series:
        """True for the rows of `frame` that pass."""
        import pandas as pd

        keep = pd.Series(True, index=frame.index)
        if self.environmental is not None:
            keep &= _considerations(frame, self.environmental, _ENV_COLUMNS)
        if self.social is not None:
            keep &= _considerations(frame, self.social, _SOCIAL_COLUMNS)
        for column, values in (("nature", self.nature), ("ccag", self.ccag),
                               ("procedure", self.procedure), ("buyer", self.buyers),
                               ("kind", self.kind)):
            if values is not None:
                keep &= frame[column].isin(list(values))
        if self.cpv is not None:
            keep &= frame["cpv"].fillna("").str.startswith(tuple(self.cpv))
        if self.innovative is not None:
            keep &= frame["innovative"] == self.innovative
        if self.amount_min is not None:
            keep &= frame["amount_ok"] & (frame["amount"] >= self.amount_min)
        if self.amount_max is not None:
            keep &= frame["amount_ok"] & (frame["amount"] < self.amount_max)
        return keep

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> ContractFilter:
        """From the plain data of an action sheet (keys as in the YAML)."""
        def listed(key: str) -> tuple[str, ...] | None:
            value = data.get(key)
            if value is None:
                return None
            return tuple(str(v) for v in (value if isinstance(value, list | tuple)
                                          else [value]))
        amount = data.get("amount")
        bounds = amount if isinstance(amount, Mapping) else {}
        innovative = data.get("innovative")
        return cls(environmental=listed("environmental"), social=listed("social"),
                   nature=listed("nature"), ccag=listed("ccag"),
                   procedure=listed("procedure"), cpv=listed("cpv"),
                   innovative=innovative if isinstance(innovative, bool) else None,
                   amount_min=_float(bounds.get("min")), amount_max=_float(bounds.get("max")),
                   buyers=listed("buyers"), kind=listed("kind"))


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) \
        else None


def _considerations(frame: pd.DataFrame, wanted: Sequence[str],
                    columns: Mapping[str, str]) -> pd.Series:
    import pandas as pd

    has_any = frame[list(columns.values())].any(axis=1)
    keep = pd.Series(False, index=frame.index)
    for kind in wanted:
        if kind == "any":
            keep |= has_any
        elif kind == "none":
            keep |= ~has_any
        else:
            keep |= frame[columns[kind]]
    return keep


def measure(frame: pd.DataFrame, measure: Measure) -> float:
    """The number of contracts, or the sum of their amounts (amounts that count only)."""
    if measure == "count":
        return float(len(frame))
    return float(frame.loc[frame["amount_ok"], "amount"].sum())


def breakdown_keys(frame: pd.DataFrame, field: str) -> dict[str, pd.Series]:
    """Category → mask of `frame`; a contract may fall in several consideration kinds."""
    if field in ("environmental", "social"):
        columns = _ENV_COLUMNS if field == "environmental" else _SOCIAL_COLUMNS
        masks = {kind: frame[column] for kind, column in columns.items()}
        masks["none"] = ~frame[list(columns.values())].any(axis=1)
        return masks
    column = "cpv" if field == "cpv-division" else field
    values = frame[column].fillna("—")
    if field == "cpv-division":
        values = values.str[:2]
    return {str(key): values == key for key in sorted(values.unique(), key=str)}
