"""The DECP vocabulary spapser relies on: field values of the official schema, and the columns
of the register.

Values are those of the schema `139bercy/format-commande-publique` (v2.0.3), spelled as the
buyers publish them. They are the format's words, not figures: no number lives here except
the amount beyond which a contract is taken for a typing error.
"""

from __future__ import annotations

from typing import Final

NATURES: Final = frozenset({
    "Marché", "Marché de partenariat", "Marché de défense ou de sécurité",
    # concessions
    "Concession de travaux", "Concession de service", "Concession de service public",
    "Délégation de service public",
})

PROCEDURES: Final = frozenset({
    "Procédure adaptée", "Appel d'offres ouvert", "Appel d'offres restreint",
    "Procédure avec négociation", "Marché passé sans publicité ni mise en concurrence préalable",
    "Dialogue compétitif",
    # concessions
    "Procédure négociée ouverte", "Procédure non négociée ouverte",
    "Procédure négociée restreinte", "Procédure non négociée restreinte",
})

CCAGS: Final = frozenset({
    "Travaux", "Maitrise d'œuvre", "Fournitures courantes et services",
    "Marchés industriels", "Prestations intellectuelles",
    "Techniques de l'information et de la communication", "Pas de CCAG",
})

SOCIAL_CLAUSE: Final = "Clause sociale"
SOCIAL_CRITERION: Final = "Critère social"
RESERVED_MARKET: Final = "Marché réservé"
RESERVED_CONCESSION: Final = "Concession réservée"
NO_SOCIAL: Final = "Pas de considération sociale"
SOCIAL_VALUES: Final = frozenset({SOCIAL_CLAUSE, SOCIAL_CRITERION, RESERVED_MARKET,
                                  RESERVED_CONCESSION, NO_SOCIAL})

ENV_CLAUSE: Final = "Clause environnementale"
ENV_CRITERION: Final = "Critère environnemental"
NO_ENV: Final = "Pas de considération environnementale"
ENV_VALUES: Final = frozenset({ENV_CLAUSE, ENV_CRITERION, NO_ENV})

ABSURD_AMOUNT: Final = 1e10
"""An amount of 10 billion euros or more is taken for a typing error (1e17 is seen in real
files): the contract still counts in the number rates, never in the value rates."""

OBLIGATION_DATE: Final = "2026-08-21"
"""From this date every new contract must take its environmental impact into account
(loi Climat et résilience, art. 35; L.2111-3 of the Code de la commande publique)."""

KINDS: Final = ("market", "concession")

# Columns of the clean register, one row per contract. Considerations are booleans; `amount`
# is the latest amount (modifications applied); `amount_ok` says whether it counts in value
# rates (present and below ABSURD_AMOUNT).
COLUMNS: Final = (
    "kind", "buyer", "id", "nature", "object", "cpv", "procedure", "ccag", "innovative",
    "date", "year", "published", "amount", "amount_ok", "duration",
    "env_clause", "env_criterion", "social_clause", "social_criterion", "reserved",
    "file", "line",
)

# Breakdown categories of the considerations, as ids (English) with the DECP wording.
ENV_KINDS: Final = {"clause": ENV_CLAUSE, "criterion": ENV_CRITERION}
SOCIAL_KINDS: Final = {"clause": SOCIAL_CLAUSE, "criterion": SOCIAL_CRITERION,
                       "reserved": RESERVED_MARKET}
