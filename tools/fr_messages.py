"""French translations, filled into locales/fr/LC_MESSAGES/spapser.po where it has none.

The .po file is the reference (a translator edits it directly, or with Poedit); this
script only seeds the messages added by a change: `python tools/fr_messages.py`, then
`pybabel compile` (README, "Translations").
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parents[1] / "src/spapser_cli/locales/fr/LC_MESSAGES/spapser.po"

FR = {
    " ({amount} on {year})": " ({amount} par rapport à {year})",
    " by {year}": " d'ici {year}",
    "./data of the current folder": "./data du dossier courant",
    "0 … {max} (│ target)": "0 … {max} (│ cible)",
    "Warnings": "Avertissements",
    "about": "environ",
    "action": "action",
    "axis": "axe",
    "by category{unit}, no overall value published:":
        "par catégorie{unit}, sans valeur d'ensemble publiée :",
    "category": "catégorie",
    "change": "évolution",
    "compared with": "comparé à",
    "computed": "calculé",
    "cumulative": "cumulé",
    "data: {folder} ({origin})": "données : {folder} ({origin})",
    "data: the bundled example (Pas-de-Calais 2017-2020), as there is no scheme.yaml here "
    "nor in ./data; give yours with --data-dir DIR or ${env}, or start one with "
    "`spapser init DIR --organisation NAME`":
        "données : l'exemple fourni (Pas-de-Calais 2017-2020), faute de scheme.yaml ici ou "
        "dans ./data ; donnez les vôtres avec --data-dir DOSSIER ou ${env}, ou commencez-en "
        "avec `spapser init DOSSIER --organisation NOM`",
    "division by zero: {variable} is 0 in {year}":
        "division par zéro : {variable} vaut 0 en {year}",
    "done": "réalisé",
    "exact": "exact",
    "in progress": "en cours",
    "indicator": "indicateur",
    "indicator · id": "indicateur · id",
    "label": "libellé",
    "less than": "moins de",
    "met": "atteint",
    "more than": "plus de",
    "n/d": "n/d",
    "n/d, why:": "n/d, pourquoi :",
    "no assessment reported": "aucune appréciation déclarée",
    "no contract notified in {year} in the contract register":
        "aucun marché notifié en {year} dans le registre des marchés",
    "no contract register for {year}": "pas de registre des marchés pour {year}",
    "no data": "non disponible",
    "no measures for {year}": "pas de mesures pour {year}",
    "no previous year: {reason}": "pas d'année précédente : {reason}",
    "no target": "sans cible",
    "no value in the reference year {year}: {reason}":
        "pas de valeur l'année de référence {year} : {reason}",
    "no year has a value for this indicator": "aucune année n'a de valeur pour cet indicateur",
    "not met": "non atteint",
    "not started": "non commencé",
    "nothing reported for {year}": "rien de déclaré pour {year}",
    "objective": "objectif",
    "off track": "en retard",
    "on track": "en bonne voie",
    "only a breakdown was reported": "seule une répartition a été déclarée",
    "points": "points",
    "previous": "précédent",
    "previous year": "année précédente",
    "provenance": "provenance",
    "qualifier": "qualificatif",
    "reason": "motif",
    "reported": "déclaré",
    "scheme.yaml in the current folder": "scheme.yaml du dossier courant",
    "status": "statut",
    "target": "cible",
    "target year": "année cible",
    "target {target}: « {text} »": "cible {target} : « {text} »",
    "unit": "unité",
    "value": "valeur",
    "vs {year}": "par rapport à {year}",
    "year": "année",
    "yes": "oui",
    "{change} pts": "{change} pts",
    "{change} {unit} on {year}": "{change} {unit} par rapport à {year}",
    "{file} has errors": "{file} contient des erreurs",
    "{id}: {reason}": "{id} : {reason}",
    "{id} by category: {reason}": "{id} par catégorie : {reason}",
    "{kind} indicators are not computed": "les indicateurs {kind} ne sont pas calculés",
    "{status} (since {year})": "{status} (depuis {year})",
    "{title} — indicators {year}": "{title} — indicateurs {year}",
    "{variable} has no value for {categories} in {year}":
        "{variable} n'a pas de valeur pour {categories} en {year}",
    "{variable} not measured in {year}": "{variable} non mesuré en {year}",
    "{variable} recorded as not measured in {year}: {note}":
        "{variable} déclaré non mesuré en {year} : {note}",
    "{variable} was measured by its total only in {year}":
        "{variable} n'a été mesuré que par son total en {year}",
    "{variable} was measured by its total only in {year}: no value for {categories}":
        "{variable} n'a été mesuré que par son total en {year} : pas de valeur pour "
        "{categories}",
}


def main() -> None:
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    for message in catalog:
        if message.id and not message.string and message.id in FR:
            message.string = FR[message.id]
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, no_location=True,
                 sort_output=True)


if __name__ == "__main__":
    main()
