"""The contract register: DECP files in, the law's indicators out.

Reading (`jsonread`, `xmlread`, `csvread`) and cleaning (`clean`) build one `Register`
(`register`); `filters` selects contracts, `indicators` computes the legal rates, `targets`
reads the national targets (data). pandas is imported only when a register is built or
queried, never by importing this package.
"""

from __future__ import annotations

from spapser_cli.contracts.filters import ContractFilter
from spapser_cli.contracts.register import Register, contract_files, read_register

__all__ = ["ContractFilter", "Register", "contract_files", "read_register"]
