"""The contract register: DECP files in, the law's indicators out.

Reading (`jsonread`, `xmlread`, `csvread`) and cleaning (`clean`) build one `Register`
(`register`); `filters` selects contracts, `indicators` computes the legal rates. pandas is
imported only when a register is built, never by importing this package.
"""

from __future__ import annotations

from ..problems import PROBLEM_CODES
from .codes import CONTRACT_PROBLEM_CODES

PROBLEM_CODES.update(CONTRACT_PROBLEM_CODES)  # TODO after issue 8: listed in problems.py

from .register import Register, contract_files, read_register  # noqa: E402

__all__ = ["Register", "contract_files", "read_register"]
