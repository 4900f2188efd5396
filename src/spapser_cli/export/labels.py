"""The French words of the workbook: statuses, kinds, qualifiers, sheet names, and the engine's
reasons for a missing value (from the French message catalog).

The workbook is read by French committees, whatever the language of the CLI."""

from __future__ import annotations

from spapser_cli.i18n import Message, translate

STATUS_FR = {
    "met": "atteint",
    "not-met": "non atteint",
    "on-track": "en bonne voie",
    "off-track": "en retard",
    "no-target": "sans cible",
    "no-data": "non disponible",
}
PROVENANCE_FR = {"computed": "calculé", "reported": "publié"}
MILESTONE_FR = {"done": "réalisé", "in-progress": "en cours", "not-started": "non commencé"}
KIND_FR = {
    "value": "valeur",
    "difference": "écart N − N-1",
    "change": "évolution N / N-1",
    "ratio": "ratio",
    "share": "part",
    "rate": "taux",
    "qualitative": "qualitatif",
    "milestone": "jalon",
    "contracts": "contrats (registre)",
}
UNCOMPUTED_KINDS = ("qualitative", "milestone")  # assessed in words: no series, no chart
QUALIFIER_PREFIX = {"more-than": "> ", "less-than": "< ", "about": "≈ "}
QUALIFIER_FR = {"exact": "", "more-than": "plus de", "less-than": "moins de",
                "about": "environ"}

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
