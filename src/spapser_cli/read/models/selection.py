"""The filter of a `contracts` indicator: which contracts of the register it counts.

Every condition given must hold; inside one condition, any of the listed values will do.
Values of `nature`, `ccag` and `procedure` are spelled as in DECP (« Travaux »,
« Procédure adaptée »...).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .scalars import NonNegativeNumber, StrictModel, Text

Siret = Annotated[str, StringConstraints(pattern=r"^[0-9]{14}$")]
"""A buyer's SIRET: 14 digits, written as text (quoted in YAML)."""

CpvPrefix = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,8}$")]


class AmountRange(StrictModel):
    min: NonNegativeNumber | None = Field(None, description="Amount at least this (€ HT).")
    max: NonNegativeNumber | None = Field(None, description="Amount below this (€ HT).")


class ContractSelection(StrictModel):
    """Conditions on the year's contracts."""

    environmental: list[Literal["clause", "criterion", "any", "none"]] | None = Field(
        None, min_length=1, description="Environmental considerations: any of these.")
    social: list[Literal["clause", "criterion", "reserved", "any", "none"]] | None = Field(
        None, min_length=1, description="Social considerations (reserved: marché or "
        "concession réservée): any of these.")
    nature: list[Text] | None = Field(None, min_length=1)
    ccag: list[Text] | None = Field(None, min_length=1)
    procedure: list[Text] | None = Field(None, min_length=1)
    cpv: list[CpvPrefix] | None = Field(None, min_length=1, description="Prefixes of the CPV "
                                        "code, e.g. '45' for works.")
    innovative: bool | None = Field(None, description="marcheInnovant.")
    amount: AmountRange | None = None
    buyers: list[Siret] | None = Field(None, min_length=1)
    kind: list[Literal["market", "concession"]] | None = Field(None, min_length=1)
