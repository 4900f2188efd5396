"""The problem codes of contract files (added to `problems.PROBLEM_CODES`)."""

from __future__ import annotations

CONTRACT_PROBLEM_CODES: dict[str, str] = {
    "not-decp": "a contract file that is not DECP (neither format 2.0 nor the 2019 layout)",
    "json-syntax": "a JSON contract file cannot be parsed",
    "xml-syntax": "an XML contract file cannot be parsed",
    "xml-entities": "an XML file declares entities or refers to external ones (refused)",
    "absurd-amount": "a contract amount of 10 billion euros or more, left out of value rates",
    "unknown-buyer": "a buyer of the scheme (buyers:) with no contract in the register",
}
