"""The French words of the workbook: statuses, kinds, qualifiers, sheet names, and the engine's
reasons for a missing value (from the French message catalog).

The workbook is read by French committees, whatever the language of the CLI."""

from __future__ import annotations

from spapser_cli.engine import STATUS_LABELS
from spapser_cli.i18n import Message, french, translate
from spapser_cli.render.compute import (
    KIND_LABELS,
    MILESTONE_LABELS,
    PROVENANCE_LABELS,
    QUALIFIER_WORDS,
    QUALIFIERS,
)


def in_french(labels: dict[str, str]) -> dict[str, str]:
    """A table of the CLI's words, in French from the one catalog."""
    return {key: french(label) for key, label in labels.items()}


STATUS_FR = in_french(STATUS_LABELS)
PROVENANCE_FR = in_french(PROVENANCE_LABELS)
MILESTONE_FR = in_french(MILESTONE_LABELS)
KIND_FR = in_french(KIND_LABELS)
UNCOMPUTED_KINDS = ("qualitative", "milestone")  # assessed in words: no series, no chart
QUALIFIER_PREFIX = QUALIFIERS
QUALIFIER_FR = {**in_french(QUALIFIER_WORDS), "exact": ""}  # an exact figure says nothing

SUMMARY = "Synthèse"
SERIES = "Séries"
DATA = "Données"
CHECKS = "Contrôles"
COMPLETENESS = "Complétude"
ABOUT = "À propos"

SEVERITY_FR = {"error": "erreur", "warning": "avertissement"}


def reason_fr(reason: str) -> str:
    """Why a value is missing, in French: the engine's reason (a `Message`) from the French
    catalog, the one the CLI uses, whatever the language; a plain string stays as the engine
    wrote it, whole (not half translated)."""
    return translate(reason, "fr") if isinstance(reason, Message) else reason
