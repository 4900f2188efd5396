"""The French words of the workbook: statuses, kinds, qualifiers, sheet names, and the engine's
reasons for a missing value.

The workbook is read by French committees; the CLI keeps the engine's English."""

from __future__ import annotations

import re

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


# The engine's reasons for a missing value (in English, like the CLI), in French: the shapes
# the engine writes, matched whole; any other reason stays as the engine wrote it.
_YEAR = r"(?P<year>\d{4})"
_VARIABLE = r"(?P<variable>[a-z0-9]+(?:-[a-z0-9]+)*)"  # an id, as the models define it
REASONS_FR: list[tuple[re.Pattern[str], str]] = [
    (re.compile(pattern), french) for pattern, french in [
        (rf"no measures for {_YEAR}", "aucune mesure pour {year}"),
        (r"(?P<file>\S+\.yaml) has errors", "{file} contient des erreurs"),
        (rf"nothing reported for {_YEAR}", "rien n'a été publié pour {year}"),
        (r"no assessment reported", "aucune appréciation publiée"),
        (r"only a breakdown was reported", "seule la ventilation a été publiée"),
        (rf"{_VARIABLE} not measured in {_YEAR}", "pas de mesure pour {variable} en {year}"),
        (rf"{_VARIABLE} recorded as not measured in {_YEAR}: (?P<note>.+)",
         "{variable} déclaré non mesuré en {year} : {note}"),
        (rf"{_VARIABLE} has no value for (?P<categories>.+) in {_YEAR}",
         "pas de valeur pour {variable} ({categories}) en {year}"),
        (rf"division by zero: {_VARIABLE} is 0 in {_YEAR}",
         "division par zéro : {variable} vaut 0 en {year}"),
        (r"(?P<kind>[a-z]+) indicators are not computed", "indicateur non calculé ({kind})"),
        (rf"no contract register for {_YEAR}",
         "pas de registre des contrats (data/contracts/) pour {year}"),
        (rf"no contract notified in {_YEAR} in the contract register",
         "aucun contrat notifié en {year} dans le registre des contrats"),
        (r"division by zero: no contract in the whole",
         "division par zéro : aucun contrat dans l'ensemble de référence"),
        (rf"{_VARIABLE} was measured by its total only in {_YEAR}",
         "{variable} n'est mesuré que par son total en {year}"),
        (rf"{_VARIABLE} was measured by its total only in {_YEAR}: no value for "
         r"(?P<categories>.+)",
         "{variable} n'est mesuré que par son total en {year} : pas de valeur pour "
         "{categories}"),
    ]
]
PREVIOUS_YEAR = "no previous year: "


def reason_fr(reason: str) -> str:
    """Why a value is missing, in French when the engine's reason has a known shape; else
    the engine's words, whole (not half translated)."""
    return _translated(reason) or reason


def _translated(reason: str) -> str | None:
    reference = re.fullmatch(rf"no value in the reference year {_YEAR}: (?P<inner>.+)", reason)
    if reference:
        inner = _translated(reference["inner"])
        return (None if inner is None else
                f"pas de valeur l'année de référence {reference['year']} ({inner})")
    if reason.startswith(PREVIOUS_YEAR):
        inner = _translated(reason[len(PREVIOUS_YEAR):])
        return None if inner is None else f"pas de valeur l'année précédente ({inner})"
    for pattern, french in REASONS_FR:
        match = pattern.fullmatch(reason)
        if match:
            groups = match.groupdict()
            if "kind" in groups:
                groups["kind"] = KIND_FR.get(groups["kind"], groups["kind"])
            return french.format(**groups)
    return None
