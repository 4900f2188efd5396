"""Problems found in the user's data, the catalogue of their codes, and the exit codes.

The vocabulary every layer shares: `Problem`, its stable codes, the exit codes, the errors
that end a command, and `display_path` (how a file is named in a message).

Every check in spapser yields `Problem` values instead of raising, so that one run reports
everything that is wrong at once. Only the CLI edge turns them into output and an exit code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Literal

from spapser_cli.i18n import N_, Message

Severity = Literal["error", "warning"]


class ExitCode(IntEnum):
    """Process exit codes; stable, documented in the README."""

    OK = 0
    INVALID_DATA = 1
    USAGE = 2
    CANNOT_WRITE = 3
    INTERNAL = 70


# Stable, kebab-case problem codes with a one-line title. Tests and users rely on these names:
# never rename one, only add.
PROBLEM_CODES: dict[str, str] = {
    # Reading files (yamlio)
    "file-not-found": "a file or folder that should exist does not",
    "unreadable-file": "a file could not be read",
    "encoding": "the file is not valid UTF-8",
    "file-too-large": "the file is larger than the size cap",
    "empty-file": "the file holds no YAML document",
    "multiple-documents": "the file holds more than one YAML document",
    "yaml-syntax": "the YAML cannot be parsed",
    "duplicate-key": "a key appears twice in the same mapping",
    "anchor-alias": "YAML anchors and aliases are not allowed",
    "merge-key": "YAML merge keys (<<) are not allowed",
    "tag": "YAML tags (!!python/object, !!binary, !custom...) are not allowed",
    "complex-key": "a mapping key must be a plain text or number",
    # Shape of a file (models)
    "unknown-key": "a key the model does not know",
    "missing-key": "a required key is absent",
    "wrong-type": "a value of the wrong type",
    "not-a-number": "text where a number belongs",
    "boolean-not-number": "a boolean where a number belongs",
    "french-number": "a number written the French way (decimal comma, spaced thousands, %)",
    "invalid-value": "a value outside the allowed set or pattern",
    "invalid-date": "a date that is not YYYY-MM-DD",
    "unknown-kind": "an indicator kind that does not exist",
    # Across files (loader)
    "missing-scheme": "the data folder has no scheme.yaml",
    "file-name-mismatch": "an action file is not named after its code",
    "year-mismatch": "a measures file is not named after its year",
    "unknown-axis": "an action refers to an axis the scheme does not have",
    "unknown-objective": "an action refers to an objective its axis does not have",
    "objective-mismatch": "an action's axis/objective differ from where the scheme lists it",
    "missing-action": "the scheme lists an action that has no file",
    "unlisted-action": "an action file that no objective of the scheme lists",
    "duplicate-id": "an identifier used twice",
    "unknown-variable": "a reference to a variable no action declares",
    "unknown-category": "a category the variable does not declare",
    "missing-categories": "a categorised variable given as one value, or the reverse",
    "unknown-indicator": "a reported value for an indicator no action declares",
    "unit-mismatch": "a value given in another unit than the declared one",
    "negative-quantity": "a measured quantity below zero",
    "percent-out-of-range": "a percentage outside 0-100",
    "part-exceeds-whole": "the part of a share is larger than its whole",
    "total-mismatch": "a published total differs from the sum of its categories",
    "reported-gap": "a reported value differs from the value computed from the measures",
    "stray-file": "a file in the data folder that spapser does not read",
    # Contract files (contracts): DECP JSON or XML, or the CSV register
    "not-decp": "a contract file that is not DECP (neither format 2.0 nor the 2019 layout)",
    "json-syntax": "a JSON contract file cannot be parsed",
    "xml-syntax": "an XML contract file cannot be parsed",
    "xml-entities": "an XML file declares entities or refers to external ones (refused)",
    "absurd-amount": "a contract amount of 10 billion euros or more, left out of value rates",
    "unknown-buyer": "a buyer of the scheme (buyers:) with no contract in the register",
    # Added by issue 9 (any buyer's scheme)
    "renamed-key": "a key an earlier version of the format had, with what replaces it",
    "not-a-whole-number": "a fraction given for a variable that takes whole numbers only",
    "indicator-as-variable": "an indicator id given under `measures:` instead of `reported:`",
    # The evaluation plan (scheme.yaml, evaluation.plan)
    "unknown-action": "the evaluation plan names an action the scheme does not list",
    "year-out-of-period": "an evaluation year outside the scheme's period",
    "action-not-evaluated": "an action the evaluation plan never evaluates in a cycle",
    # Importing collection files (spapser import)
    "not-a-collection-file": "a file to import that is not a collection file from "
                             "spapser template",
    "collection-year-mismatch": "a collection file of another year than the one imported",
    "missing-column": "a collection sheet without one of the columns the import reads",
    "unknown-sheet": "a sheet of a collection workbook that was renamed, added or removed",
    "missing-id": "a filled row of a collection file without its hidden ids",
    "import-conflict": "an imported value differs from the one the measures file holds",
    "broken-year": "a measures file with errors: its year is left out until it is fixed",
    # Added by issue 13 (failure model)
    "link-outside-data": "a symbolic link in the data folder that leads outside it",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or doubtful) in the data, with where it is."""

    file: str
    code: str
    message: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    severity: Severity = "error"

    def __post_init__(self) -> None:
        if self.code not in PROBLEM_CODES:  # a programming error, caught by the test-suite
            raise ValueError(f"unknown problem code {self.code!r}")

    def location(self) -> str:
        """`file:line:col` (or less when the position is unknown)."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


def sort_key(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.file, problem.line or 0, problem.column or 0, problem.code)


class SpapserError(Exception):
    """An expected failure the CLI reports in one line with an exit code (never a traceback)."""

    exit_code: ExitCode = ExitCode.INVALID_DATA

    def __init__(self, message: str, exit_code: ExitCode | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(SpapserError):
    exit_code = ExitCode.USAGE


class OutputError(SpapserError):
    exit_code = ExitCode.CANNOT_WRITE


class InvalidDataError(SpapserError):
    """The data folder has errors; carries them so the CLI can print them all."""

    exit_code = ExitCode.INVALID_DATA

    def __init__(self, problems: list[Problem]) -> None:
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(Message(N_("the data has {count} error(s); run `spapser validate` for "
                                    "details"), count=len(errors)))
        self.problems = problems


def display_path(path: Path) -> str:
    """A path as messages show it: relative to the working folder when below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative
