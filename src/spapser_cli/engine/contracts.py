"""The contract register in the engine: the `contracts` indicator kind of action sheets, and
the law's indicators of a year, per buyer and for all, judged against the national targets.

Pure: the register is read by the caller (`contracts.read_register`); nothing is printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from spapser_cli.contracts.filters import ContractFilter
from spapser_cli.contracts.indicators import (
    PROXY_NOTE,
    ContractFigure,
    evaluate,
    legal_figures,
    missing_environmental,
)
from spapser_cli.contracts.targets import LegalTarget, legal_targets
from spapser_cli.contracts.vocabulary import OBLIGATION_DATE
from spapser_cli.engine.results import Computed, Status, json_number
from spapser_cli.engine.targets import judge, select_target
from spapser_cli.i18n import N_, Message
from spapser_cli.problems import Problem, SpapserError

if TYPE_CHECKING:
    import pandas as pd

    from spapser_cli.contracts import Register
    from spapser_cli.read.models import ContractsIndicator, Indicator, Target

NO_REGISTER = N_("no contract register for {year}")
NO_CONTRACTS = N_("no contract notified in {year} in the contract register")
NO_YEAR = N_("no contract notified in {year} in the register; years with contracts: "
             "{available}")
NO_YEAR_IN_FILES = N_("no contract notified in {year} in these files; years with contracts: "
                      "{available}")
NO_YEARS = N_("none")


def _selection(record: Any) -> ContractFilter:
    data = record.to_dict() if hasattr(record, "to_dict") else dict(vars(record))
    return ContractFilter.from_mapping(data)


def scope_frame(register: Register, year: int, buyers: Sequence[str]) -> pd.DataFrame:
    """The year's contracts of the scheme's buyers (of every buyer when none is named)."""
    frame = register.of_year(year)
    return register.of_buyers(frame, buyers) if buyers else frame


def computed_contracts(register: Register | None, buyers: Sequence[str], indicator: Indicator,
                       year: int) -> Computed:
    """The value of a `contracts` indicator in `year`, or why there is none."""
    contracts = cast("ContractsIndicator", indicator)
    if register is None:
        return Computed(None, reason=Message(NO_REGISTER, year=year))
    if year not in register.years():
        return Computed(None, reason=Message(NO_CONTRACTS, year=year))
    frame = scope_frame(register, year, buyers)
    share_of = _selection(contracts.share_of) if contracts.share_of is not None else None
    value, breakdown, reason = evaluate(frame, _selection(contracts.filter), contracts.measure,
                                        share_of, contracts.breakdown)
    return Computed(value, breakdown, "computed", reason)


# ----------------------------------------------------------------------------------------------
# The law's indicators


@dataclass(frozen=True)
class LegalResult:
    """One legal figure of one scope, with its target and status."""

    figure: ContractFigure
    target: LegalTarget | None
    status: Status
    expected: float | None

    def to_dict(self) -> dict[str, Any]:
        data = self.figure.to_dict()
        data["target"] = None if self.target is None else {
            "value": json_number(self.target.value), "year": self.target.year,
            "direction": self.target.direction, "text": self.target.text,
            "source": self.target.source}
        data["status"] = self.status
        data["expected"] = json_number(self.expected)
        return data


@dataclass
class LegalScope:
    """The legal figures of one buyer (`buyer`), or of all the scheme's buyers (None)."""

    buyer: str | None
    results: list[LegalResult]

    def to_dict(self) -> dict[str, Any]:
        return {"buyer": self.buyer, "indicators": [r.to_dict() for r in self.results]}


@dataclass
class ContractsReport:
    year: int
    scopes: list[LegalScope]  # all buyers first, then one per buyer of a shared scheme
    missing: pd.DataFrame  # notified on or after the obligation date, no environmental
    without_environmental: pd.DataFrame  # every contract of the year with none
    files: list[str]
    contracts_read: int
    duplicates: int
    warnings: list[Problem] = field(default_factory=list)
    buyers: list[str] = field(default_factory=list)  # the scheme's `buyers:` (none: all)
    organisation: str | None = None  # the scheme's, when read from a data folder

    @property
    def overall(self) -> LegalScope:
        return self.scopes[0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "files": self.files,
            "contracts_read": self.contracts_read,
            "duplicates_removed": self.duplicates,
            "scopes": [s.to_dict() for s in self.scopes],
            "missing_environmental": {
                "since": OBLIGATION_DATE, "note": PROXY_NOTE,
                "contracts": missing_records(self.missing)},
            "warnings": [w.to_dict() for w in self.warnings],
        }


def missing_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{"buyer": r.buyer, "id": r.id, "date": r.date, "object": r.object,
             "amount": json_number(None if r.amount != r.amount else float(r.amount)),
             "ccag": r.ccag}
            for r in frame.itertuples(index=False)]


def _no_year(template: str, register: Register, year: int) -> SpapserError:
    years = ", ".join(str(y) for y in register.years())
    return SpapserError(Message(template, year=year,
                                available=years or Message(NO_YEARS)))


def contracts_report(register: Register, year: int, buyers: Sequence[str] = (), *,
                     organisation: str | None = None) -> ContractsReport:
    """The law's indicators of `year`: for all the scheme's buyers, then for each of them
    when the scheme is shared (more than one buyer)."""
    if year not in register.years():
        raise _no_year(NO_YEAR, register, year)
    targets = legal_targets()
    scopes = [LegalScope(None, _judged(register, year, buyers, targets))]
    if len(buyers) > 1:
        scopes += [LegalScope(b, _judged(register, year, [b], targets)) for b in buyers]
    frame = scope_frame(register, year, buyers)
    return ContractsReport(year, scopes, missing_environmental(frame),
                           missing_environmental(frame, since=""), register.files,
                           register.read, register.duplicates, register.problems,
                           list(buyers), organisation)


def observatory(register: Register, year: int) -> pd.DataFrame:
    """The main rates of `year` for every buyer of the register, one row per SIRET."""
    from spapser_cli.contracts.indicators import by_buyer

    if year not in register.years():
        raise _no_year(NO_YEAR_IN_FILES, register, year)
    return by_buyer(register.of_year(year))


def _judged(register: Register, year: int, buyers: Sequence[str],
            targets: dict[str, list[LegalTarget]]) -> list[LegalResult]:
    figures = legal_figures(scope_frame(register, year, buyers))
    baseline = _baseline(register, buyers)
    results = []
    for figure in figures:
        own = targets.get(figure.id, [])
        target = cast("LegalTarget | None",
                      select_target(cast("list[Target]", own), year)) if own else None
        base_year, base_value = baseline(figure.id) if target is not None else (None, None)
        status, expected = judge("share", figure.value, None, year,
                                 cast("Target | None", target), base_year, base_value)
        results.append(LegalResult(figure, target, status, expected))
    return results


def _baseline(register: Register, buyers: Sequence[str]) -> Any:
    """« Temps 0 » of a legal figure: its value in the register's first year with contracts."""
    def first(ident: str) -> tuple[int | None, float | None]:
        for year in register.years():
            for figure in legal_figures(scope_frame(register, year, buyers)):
                if figure.id == ident and figure.value is not None:
                    return year, figure.value
        return None, None
    return first
