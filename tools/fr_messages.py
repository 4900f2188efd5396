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
    # validate: the model's problems (read/modelcheck.py) and the summary
    "(top level)": "(premier niveau)",
    "a date (YYYY-MM-DD)": "une date (AAAA-MM-JJ)",
    "a due date as YYYY, YYYY-MM or YYYY-MM-DD": "une échéance AAAA, AAAA-MM ou AAAA-MM-JJ",
    "a list": "une liste",
    "a mapping": "un dictionnaire (clés et valeurs)",
    "a mapping of keys and values": "un dictionnaire de clés et de valeurs",
    "a number": "un nombre",
    "a text": "un texte",
    "a text matching {pattern}": "un texte de la forme {pattern}",
    "an action code (ASCII letters, digits, '.', '-' and '_', starting with a letter or digit, "
    "such as ECO-01)":
        "un code d'action (lettres ASCII, chiffres, « . », « - » et « _ », commençant par une "
        "lettre ou un chiffre, comme ECO-01)",
    "an identifier in lower-case kebab-case (such as paper-recycled-share)":
        "un identifiant en minuscules reliées par des tirets (comme paper-recycled-share)",
    "an integer": "un nombre entier",
    "expected {expected}, got {value}": "attendu : {expected} ; trouvé : {value}",
    "nothing (null)": "rien (null)",
    "required key {name} is missing": "la clé obligatoire {name} manque",
    "the boolean {value}": "le booléen {value}",
    "the text is empty": "le texte est vide",
    "the text {value}": "le texte {value}",
    "true or false": "true ou false",
    "unknown key {name}": "clé inconnue {name}",
    "unknown key {name}; did you mean {close}?":
        "clé inconnue {name} ; vouliez-vous dire {close} ?",
    "unknown kind {kind}; expected one of {expected}":
        "type {kind} inconnu ; attendu l'un de {expected}",
    "{files} file(s) checked: no problems": "{files} fichier(s) vérifié(s) : aucun problème",
    "{files} file(s) checked: {errors} error(s), {warnings} warning(s)":
        "{files} fichier(s) vérifié(s) : {errors} erreur(s), {warnings} avertissement(s)",
    "{gap}; and {others} other gap(s)": "{gap} ; et {others} autre(s) écart(s)",
    "{id} in {year} for {category}: computed {computed}, reported {reported} (tolerance "
    "{tolerance})":
        "{id} en {year} pour {category} : calculé {computed}, déclaré {reported} (tolérance "
        "{tolerance})",
    "{id} in {year}: computed {computed}, reported {reported} (tolerance {tolerance})":
        "{id} en {year} : calculé {computed}, déclaré {reported} (tolérance {tolerance})",
    "{path}: {message}": "{path} : {message}",
    "{value} is not {hint}": "{value} n'est pas {hint}",
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
