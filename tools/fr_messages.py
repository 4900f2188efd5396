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
    "no assessment reported": "aucune appréciation publiée",
    "no contract notified in {year} in the contract register":
        "aucun marché notifié en {year} dans le registre des marchés",
    "no contract register for {year}": "pas de registre des marchés pour {year}",
    "no data": "non disponible",
    "no measures for {year}": "pas de mesures pour {year}",
    "no previous year: {reason}": "pas d'année précédente : {reason}",
    "no target": "sans cible",
    "no value in the reference year {year}: {reason}":
        "pas de valeur l'année de référence {year} : {reason}",
    "not met": "non atteint",
    "not started": "non commencé",
    "nothing reported for {year}": "rien n'a été publié pour {year}",
    "objective": "objectif",
    "off track": "en retard",
    "on track": "en bonne voie",
    "only a breakdown was reported": "seule la ventilation a été publiée",
    "points": "points",
    "previous": "précédent",
    "previous year": "année précédente",
    "provenance": "provenance",
    "qualifier": "qualificatif",
    "reason": "motif",
    "reported": "publié",
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
        "{id} en {year} pour {category} : calculé {computed}, publié {reported} (tolérance "
        "{tolerance})",
    "{id} in {year}: computed {computed}, reported {reported} (tolerance {tolerance})":
        "{id} en {year} : calculé {computed}, publié {reported} (tolérance {tolerance})",
    "{path}: {message}": "{path} : {message}",
    "{value} is not {hint}": "{value} n'est pas {hint}",
    # command help (cli/)
    "An action code such as 1-1.3: show the whole sheet.":
        "Un code d'action, comme 1-1.3 : affiche la fiche entière.",
    "An indicator id, e.g. paper-recycled-share.":
        "L'id d'un indicateur, par exemple paper-recycled-share.",
    "Check the data files and report every problem with its file, line and column.\n\nExit 0 "
    "when valid, 1 when there is an error (or a warning with --strict), 2 on a usage\nerror."
    "\n\nExample: spapser validate data/measures/2015.yaml --format github":
        "Vérifie les fichiers de données et signale chaque problème avec son fichier, sa ligne "
        "et sa colonne.\n\nCode de sortie 0 si tout est valide, 1 en cas d'erreur (ou "
        "d'avertissement avec --strict), 2 en cas d'erreur d'utilisation.\n\nExemple : "
        "spapser validate data/measures/2015.yaml --format github",
    "Compute every indicator for YEAR and compare it with its target.\n\nExample: spapser "
    "compute 2015 --format json":
        "Calcule chaque indicateur pour l'année YEAR et le compare à sa cible.\n\nExemple : "
        "spapser compute 2015 --format json",
    "DECP files (JSON or XML) or CSV registers to read instead of the data folder's "
    "contracts/.":
        "Fichiers DECP (JSON ou XML) ou registres CSV à lire au lieu du dossier contracts/ des "
        "données.",
    "Data folder (default: $SPAPSER_DATA_DIR, else the current folder or ./data if it holds a "
    "scheme.yaml, else the bundled example). Every command says on stderr which folder it "
    "read.":
        "Dossier de données (par défaut : $SPAPSER_DATA_DIR, sinon le dossier courant ou "
        "./data s'il contient un scheme.yaml, sinon l'exemple fourni). Chaque commande indique "
        "sur la sortie d'erreur le dossier qu'elle a lu.",
    "Exit 1 when an action the plan evaluates this year lacks figures.":
        "Sortir avec le code 1 quand il manque des chiffres à une action que le plan évalue "
        "cette année.",
    "Fail on warnings too.": "Échouer aussi sur les avertissements.",
    "File to write (default: reports/collecte-YEAR.xlsx).":
        "Fichier à écrire (par défaut : reports/collecte-YEAR.xlsx).",
    "Files to check (default: every file of the data folder). A file outside the folder is "
    "checked against it and only its problems are shown; a file of the folder shows the whole "
    "folder's problems, since an edit can break another file.":
        "Fichiers à vérifier (par défaut : tous ceux du dossier de données). Un fichier hors du "
        "dossier est vérifié par rapport à lui et seuls ses problèmes sont montrés ; un "
        "fichier du dossier montre les problèmes de tout le dossier, car une modification peut "
        "en casser un autre.",
    "Filled collection files (.xlsx or .csv).": "Fichiers de collecte remplis (.xlsx ou .csv).",
    "First year of a global bilan.": "Première année d'un bilan global.",
    "First year.": "Première année.",
    "Folder to write the JSON Schemas into (default: the data folder's schemas/; ./schemas "
    "with --generic).":
        "Dossier où écrire les schémas JSON (par défaut : schemas/ du dossier de données ; "
        "./schemas avec --generic).",
    "Follow a schéma de promotion des achats publics socialement et écologiquement "
    "responsables: validate its YAML data, compute its indicators, export the annual bilan.":
        "Suivre un schéma de promotion des achats publics socialement et écologiquement "
        "responsables : valider ses données YAML, calculer ses indicateurs, exporter le bilan "
        "annuel.",
    "Last year of a global bilan.": "Dernière année d'un bilan global.",
    "Last year.": "Dernière année.",
    "List the action sheets, or show one in full.\n\nExample: spapser actions 1-1.3":
        "Liste les fiches actions, ou en montre une en entier.\n\nExemple : spapser actions "
        "1-1.3",
    "List the contracts notified on or after 2026-08-21 with no environmental consideration.":
        "Lister les marchés notifiés à partir du 2026-08-21 sans considération "
        "environnementale.",
    "Merge filled collection files into measures/YEAR.yaml: every error of every file at\n"
    "once, and nothing written while one remains.\n\nExample: spapser import "
    "reports/collecte-2017.xlsx --dry-run":
        "Fusionne les fichiers de collecte remplis dans measures/YEAR.yaml : toutes les "
        "erreurs de tous les fichiers en une fois, et rien d'écrit tant qu'il en reste une.\n\n"
        "Exemple : spapser import reports/collecte-2017.xlsx --dry-run",
    "One row per buyer SIRET found in FILES (a national DECP file): the observatory view.":
        "Une ligne par SIRET d'acheteur trouvé dans FILES (un fichier DECP national) : la vue "
        "de l'observatoire.",
    "Only the actions the evaluation plan (scheme.yaml) evaluates that year.":
        "Seulement les actions que le plan d'évaluation (scheme.yaml) évalue cette année-là.",
    "Only the actions the evaluation plan evaluates that year.":
        "Seulement les actions que le plan d'évaluation évalue cette année-là.",
    "Only the actions this direction leads.": "Seulement les actions que pilote cette direction.",
    "Only this action, e.g. 1-1.3.": "Seulement cette action, par exemple 1-1.3.",
    "Only this axis (its number).": "Seulement cet axe (son numéro).",
    "Only this axis.": "Seulement cet axe.",
    "Propose a split of the actions into thirds over the cycle.":
        "Proposer une répartition des actions en tiers sur le cycle.",
    "Show one indicator in every year of the data folder, against its targets.\n\nExample: "
    "spapser series paper-recycled-share --from 2009 --to 2015":
        "Montre un indicateur sur chaque année du dossier de données, face à ses cibles.\n\n"
        "Exemple : spapser series paper-recycled-share --from 2009 --to 2015",
    "Show the changes, write nothing.": "Montrer les changements, sans rien écrire.",
    "Show the evaluation plan, or propose one (years already decided are kept).\n\nExample: "
    "spapser plan --propose --write":
        "Montre le plan d'évaluation, ou en propose un (les années déjà décidées sont "
        "gardées).\n\nExemple : spapser plan --propose --write",
    "Show the traceback of an internal error.": "Montrer la trace d'une erreur interne.",
    "Show the version and exit.": "Montrer la version et quitter.",
    "Show which figures of YEAR are in and which are missing, per pilot and action.\n\n"
    "Example: spapser status 2017 --strict":
        "Montre quels chiffres de YEAR sont arrivés et lesquels manquent, par pilote et par "
        "action.\n\nExemple : spapser status 2017 --strict",
    "Start a data repository: a scheme with one axis, objective and action, that action's\n"
    "sheet, this year's measures, the JSON Schemas, a pre-commit hook and a .gitignore.\n\n"
    "It passes `spapser validate` at once and never overwrites a file.\n\nExample: spapser "
    "init mydata --organisation \"Département d'Essai\"":
        "Crée un dépôt de données : un schéma avec un axe, un objectif et une action, la fiche "
        "de cette action, les mesures de l'année, les schémas JSON, un hook pre-commit et un "
        ".gitignore.\n\nIl passe `spapser validate` d'emblée et n'écrase jamais un fichier."
        "\n\nExemple : spapser init mydata --organisation \"Département d'Essai\"",
    "Take the imported value where the measures file holds another one.":
        "Prendre la valeur importée là où le fichier de mesures en contient une autre.",
    "The folder to create (default: the current folder).":
        "Le dossier à créer (par défaut : le dossier courant).",
    "The law's indicators over the contracts notified in YEAR, by number and by value.\n\n"
    "Reads the DECP files of the data folder's contracts/ (or FILES), and gives each share "
    "per\nbuyer of the scheme (buyers:) and for all.\n\nExample: spapser contracts 2024 "
    "--by-buyer decp-2024.json --format csv":
        "Les indicateurs de la loi sur les marchés notifiés en YEAR, en nombre et en "
        "montant.\n\nLit les fichiers DECP du dossier contracts/ des données (ou FILES), et "
        "donne chaque part par acheteur du schéma (buyers:) et pour tous.\n\nExemple : spapser "
        "contracts 2024 --by-buyer decp-2024.json --format csv",
    "The organisation's name, as its scheme gives it.":
        "Le nom de l'organisme, tel que son schéma le donne.",
    "The schemas of the file formats alone, for any data folder (what the spapser repository "
    "ships in schemas/).":
        "Les schémas des seuls formats de fichiers, pour tout dossier de données (ce que le "
        "dépôt spapser fournit dans schemas/).",
    "The year of notification, e.g. 2024.": "L'année de notification, par exemple 2024.",
    "The year of the annual bilan.": "L'année du bilan annuel.",
    "The year the files must collect (default: theirs).":
        "L'année que les fichiers doivent collecter (par défaut : la leur).",
    "The year to check, e.g. 2017.": "L'année à vérifier, par exemple 2017.",
    "The year to collect, e.g. 2017.": "L'année à collecter, par exemple 2017.",
    "The year to compute, e.g. 2015.": "L'année à calculer, par exemple 2015.",
    "Workbook to write (default: reports/bilan-YEAR.xlsx).":
        "Classeur à écrire (par défaut : reports/bilan-YEAR.xlsx).",
    "Write one file per pilot direction into this folder.":
        "Écrire un fichier par direction pilote dans ce dossier.",
    "Write the JSON Schemas (draft-07) of the data folder, for editors and CI.\n\nThe measures "
    "schema lists this folder's variables (units, categories, whole numbers)\nand, under "
    "`reported:`, its indicators: an editor completes them and flags a misspelt\none. Data "
    "files point at the schemas with a first line such as\n`# yaml-language-server: "
    "$schema=../schemas/measures.schema.json`.\n\nExample: spapser schema --data-dir mydata":
        "Écrit les schémas JSON (draft-07) du dossier de données, pour les éditeurs et la "
        "CI.\n\nLe schéma des mesures liste les variables de ce dossier (unités, catégories, "
        "nombres entiers) et, sous `reported:`, ses indicateurs : un éditeur les complète et "
        "signale une faute de frappe. Les fichiers de données désignent les schémas par une "
        "première ligne telle que `# yaml-language-server: "
        "$schema=../schemas/measures.schema.json`.\n\nExemple : spapser schema --data-dir "
        "mydata",
    "Write the bilan workbook (.xlsx) of YEAR, or the global bilan of --from..--to.\n\n"
    "Example: spapser export 2015 -o reports/bilan-2015.xlsx":
        "Écrit le classeur du bilan (.xlsx) de YEAR, ou le bilan global de --from..--to.\n\n"
        "Exemple : spapser export 2015 -o reports/bilan-2015.xlsx",
    "Write the collection workbook the pilot directions fill in for YEAR.\n\nExample: spapser "
    "template 2017 --by-pilot reports/collecte-2017":
        "Écrit le classeur de collecte que les directions pilotes remplissent pour YEAR.\n\n"
        "Exemple : spapser template 2017 --by-pilot reports/collecte-2017",
    "Write the proposal into scheme.yaml (comments and order kept).":
        "Écrire la proposition dans scheme.yaml (commentaires et ordre gardés).",
    "fr or en (default: $SPAPSER_LANG, else the locale: LC_ALL, LC_MESSAGES, LANG). Codes, ids "
    "and JSON keys stay the same.":
        "fr ou en (par défaut : $SPAPSER_LANG, sinon la locale : LC_ALL, LC_MESSAGES, LANG). "
        "Codes, ids et clés JSON restent les mêmes.",
    "table; json; csv; csv-fr (semicolons, decimal comma and a BOM, for French Excel).":
        "table ; json ; csv ; csv-fr (points-virgules, virgule décimale et BOM, pour Excel en "
        "français).",
    "text, json, or GitHub workflow annotations.":
        "text, json, ou annotations de workflow GitHub.",
    "xlsx (a workbook with one sheet per pilot) or csv (one table).":
        "xlsx (un classeur avec une feuille par pilote) ou csv (une table).",
    # validate: a year of measures (read/checks/measures.py, declared.py)
    " ({what}: {known})": " ({what} : {known})",
    ": it is a variable, its measure goes under `measures:`":
        " : c'est une variable, sa mesure va sous `measures:`",
    "; did you mean {close}?": " ; vouliez-vous dire {close} ?",
    "a quantity cannot be negative ({number} {unit})":
        "une quantité ne peut pas être négative ({number} {unit})",
    "categories": "catégories",
    "no action declares a variable {name}{hint}":
        "aucune action ne déclare de variable {name}{hint}",
    "no action declares an indicator {id}{hint}":
        "aucune action ne déclare d'indicateur {id}{hint}",
    "none": "aucune",
    "the categories add up to {total}, the published total is {published}":
        "les catégories totalisent {total}, le total publié est {published}",
    "{id} cannot be negative ({number})": "{id} ne peut pas être négatif ({number})",
    "{id} has no categories: give one `value`":
        "{id} n'a pas de catégories : donnez une seule `value`",
    "{id} has no category {category}{hint}": "{id} n'a pas de catégorie {category}{hint}",
    "{id} is declared in {declared}, not {given}": "{id} est déclaré en {declared}, pas en {given}",
    "{id} takes whole numbers only ({unit}), not {number}":
        "{id} ne prend que des nombres entiers ({unit}), pas {number}",
    "{id}: this is an indicator: put it under `reported:` (`measures:` holds the variables it "
    "is computed from)":
        "{id} : c'est un indicateur : mettez-le sous `reported:` (`measures:` contient les "
        "variables dont il est calculé)",
    "{number} % is above 100": "{number} % dépasse 100",
    # validate: the models' own errors (read/models/*.py)
    "'{text}' is a French-formatted number; write it as {fixed}":
        "'{text}' est un nombre écrit à la française ; écrivez-le {fixed}",
    "`reference_year` goes with `change`, not with `value`":
        "`reference_year` va avec `change`, pas avec `value`",
    "`total` only goes with `values`": "`total` ne va qu'avec `values`",
    "a `change` target needs its `reference_year`":
        "une cible en `change` a besoin de sa `reference_year`",
    "a reported entry needs `value`, `breakdown`, `status` or `text`":
        "une entrée déclarée a besoin de `value`, `breakdown`, `status` ou `text`",
    "a reported number needs its `unit`": "un nombre déclaré a besoin de son `unit`",
    "expected a date as YYYY-MM-DD, got {value}":
        "attendu : une date AAAA-MM-JJ ; trouvé : {value}",
    "expected a finite number, got {value}": "attendu : un nombre fini ; trouvé : {value}",
    "expected a number, got the boolean {value}":
        "attendu : un nombre ; trouvé : le booléen {value}",
    "expected a number, got the text '{text}'": "attendu : un nombre ; trouvé : le texte '{text}'",
    "expected a year such as 2015, got {value}":
        "attendu : une année comme 2015 ; trouvé : {value}",
    "give either `value` or `change` (with `reference_year`), not both or neither":
        "donnez soit `value`, soit `change` (avec `reference_year`), pas les deux ni aucun",
    "give either `value` or `values` (one number per category), not both or neither":
        "donnez soit `value`, soit `values` (un nombre par catégorie), pas les deux ni aucun",
    "give either `variable` or `indicator`, not both or neither":
        "donnez soit `variable`, soit `indicator`, pas les deux ni aucun",
    "period end {end} is before start {start}":
        "la fin de période {end} est avant son début {start}",
    "{value} reads as a number: write the code in quotes, e.g. '{value}'":
        "{value} se lit comme un nombre : écrivez le code entre guillemets, par exemple "
        "'{value}'",
    # errors of compute and series (engine/engine.py) and their line (cli/app.py)
    "--from {first} is after --to {last}": "--from {first} est après --to {last}",
    "; to start {year}: `spapser template {year}`, then `spapser import` the filled workbook":
        " ; pour commencer {year} : `spapser template {year}`, puis `spapser import` du "
        "classeur rempli",
    "Error: {message}": "Erreur : {message}",
    "no action {action} (actions: {known})": "pas d'action {action} (actions : {known})",
    "no axis {axis} (axes: {known})": "pas d'axe {axis} (axes : {known})",
    "no indicator {id}{hint} (`spapser actions` lists them)":
        "pas d'indicateur {id}{hint} (`spapser actions` les liste)",
    "no measures for {year} (measures/{year}.yaml); years with data: {years}{start}":
        "pas de mesures pour {year} (measures/{year}.yaml) ; années avec des données : "
        "{years}{start}",
    "{file} has errors: fix them first (`spapser validate {file}`); years with data: {years}":
        "{file} contient des erreurs : corrigez-les d'abord (`spapser validate {file}`) ; "
        "années avec des données : {years}",
    # validate: the declarations across files (read/checks/references.py)
    "variable": "variable",
    "variable {id} has no category {category}{hint}":
        "la variable {id} n'a pas de catégorie {category}{hint}",
    "{id} is in {unit}: only variables in {wanted} can be added here":
        "{id} est en {unit} : seules des variables en {wanted} peuvent être additionnées ici",
    "{what} {id} is also declared in this file": "{what} {id} : déjà déclaré dans ce fichier",
    "{what} {id} is also declared in {file}": "{what} {id} : déjà déclaré dans {file}",
    # Issue 12: the YAML reader, the structure and plan checks, the data folder, the
    # collection commands, and Click's and Typer's own words.
    " (decided)": " (décidée)",
    " (due)": " (à évaluer)",
    " (see `{command} -h`)": " (voir `{command} -h`)",
    " (you wrote {guesses})": " (vous avez écrit {guesses})",
    "'{number},{decimals}' is a French-formatted number, which a {braces} mapping reads as "
    "{number} and a key {decimals}; write it as {number}.{decimals}":
        "'{number},{decimals}' est un nombre écrit à la française, qu'un tableau {braces} lit "
        "comme {number} et une clé {decimals} ; écrivez-le {number}.{decimals}",
    "'{written}' instead of '{name}'": "'{written}' au lieu de '{name}'",
    "(Possible options: {options})": "(options possibles : {options})",
    "(dynamic)": "(dynamique)",
    "--format {format}: expected xlsx or csv": "--format {format} : xlsx ou csv attendu",
    "--organisation: give the organisation's name on one line":
        "--organisation : donnez le nom de l'organisation sur une ligne",
    "--pilot {pilot} is not the lead pilot of any action (lead pilots: {pilots})":
        "--pilot {pilot} n'est le pilote principal d'aucune action (pilotes principaux : {pilots})",
    "--pilot {pilot} matches several pilots (lead pilots: {pilots})":
        "--pilot {pilot} correspond à plusieurs pilotes (pilotes principaux : {pilots})",
    "--write goes with --propose": "--write va avec --propose",
    "Aborted!": "Abandon !",
    "Arguments": "Arguments",
    "Broken pipe": "Tube brisé",
    "Commands": "Commandes",
    "Completeness {year} ({where})": "Complétude {year} ({where})",
    "Device or resource busy": "Périphérique ou ressource occupé",
    "Directory not empty": "Dossier non vide",
    "Directory {name} does not exist.": "Le dossier {name} n'existe pas.",
    "Directory {name} is a file.": "Le dossier {name} est un fichier.",
    "Due in {year}: {due}; all have their figures":
        "À évaluer en {year} : {due} ; toutes ont leurs chiffres",
    "Due in {year}: {due}; lacking figures: {lacking}":
        "À évaluer en {year} : {due} ; chiffres manquants : {lacking}",
    "File exists": "Le fichier existe",
    "File name too long": "Nom de fichier trop long",
    "File {name} does not exist.": "Le fichier {name} n'existe pas.",
    "File {name} is a directory.": "Le fichier {name} est un dossier.",
    "Got unexpected extra argument(s) ({args})": "Argument(s) en trop ({args})",
    "Input/output error": "Erreur d'entrée/sortie",
    "Invalid value for {name}: {message}": "Valeur invalide pour {name} : {message}",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "Is a directory": "C'est un dossier",
    "Missing argument {name}.": "Argument {name} manquant.",
    "Missing command.": "Commande manquante.",
    "Missing option {name}.": "Option {name} manquante.",
    "Missing parameter {name}.": "Paramètre {name} manquant.",
    "No space left on device": "Plus de place sur le disque",
    "No such command {name!r}.": "Pas de commande {name!r}.",
    "No such command {name}.": "Pas de commande {name}.",
    "No such file or directory": "Aucun fichier ou dossier de ce nom",
    "No such option: {name}": "Option inconnue : {name}",
    "Not a directory": "Ce n'est pas un dossier",
    "Operation not permitted": "Opération non permise",
    "Option {name} does not take a value.": "L'option {name} ne prend pas de valeur.",
    "Option {name} requires an argument.": "L'option {name} demande une valeur.",
    "Option {name} requires {count} arguments.": "L'option {name} demande {count} valeurs.",
    "Options": "Options",
    "Path {name} does not exist.": "Le chemin {name} n'existe pas.",
    "Permission denied": "Permission refusée",
    "Read-only file system": "Système de fichiers en lecture seule",
    "Show this message and exit.": "Affiche ce message et quitte.",
    "The evaluation plan has no entry for {year}: no action is due.":
        "Le plan d'évaluation n'a pas d'entrée pour {year} : aucune action n'est à évaluer.",
    "Too many levels of symbolic links": "Trop de niveaux de liens symboliques",
    "Usage: ": "Utilisation : ",
    "a composition breakdown needs a whole with categories":
        "une ventilation de composition demande un tout avec des catégories",
    "a data file holds exactly one YAML document; remove the second `---` or split the file":
        "un fichier de données contient un seul document YAML ; retirez le second `---` ou "
        "scindez le fichier",
    "a device": "un périphérique",
    "a folder": "un dossier",
    "a key must be a plain text or number, not a list or mapping":
        "une clé doit être un texte simple ou un nombre, pas une liste ni un tableau de clés",
    "a key must be a text or an integer, not {shown}":
        "une clé doit être un texte ou un entier, pas {shown}",
    "a named pipe (FIFO)": "un tube nommé (FIFO)",
    "a per-category breakdown needs each category of the {first} in the {second} ({why})":
        "une ventilation par catégorie demande chaque catégorie du {first} dans le {second} "
        "({why})",
    "a socket": "une socket",
    "a tab character cannot be used here (YAML indents with spaces)":
        "une tabulation n'est pas permise ici (YAML indente avec des espaces)",
    "action {code} has no file actions/{code}.yaml":
        "l'action {code} n'a pas de fichier actions/{code}.yaml",
    "action {code} is also defined in {file}": "l'action {code} est aussi définie dans {file}",
    "action {code} is evaluated in none of the years {first}-{last} of the cycle":
        "l'action {code} n'est évaluée dans aucune des années {first}-{last} du cycle",
    "action {code} is listed under objective {axis}-{number}, but its sheet {file} says axis "
    "{its_axis}, objective {its_objective}":
        "l'action {code} est listée sous l'objectif {axis}-{number}, mais sa fiche {file} indique "
        "l'axe {its_axis}, objectif {its_objective}",
    "action {code} is listed under two objectives":
        "l'action {code} est listée sous deux objectifs",
    "action {code} is not listed under objective {axis}-{objective} in scheme.yaml":
        "l'action {code} n'est pas listée sous l'objectif {axis}-{objective} dans scheme.yaml",
    "alias *{name} is not allowed: write the value out in full":
        "l'alias *{name} n'est pas permis : écrivez la valeur en entier",
    "an empty key": "une clé vide",
    "anchor &{name} is not allowed: data files do not share values":
        "l'ancre &{name} n'est pas permise : les fichiers de données ne partagent pas de valeurs",
    "axis {axis} does not exist in the scheme (axes: {numbers})":
        "l'axe {axis} n'existe pas dans le schéma (axes : {numbers})",
    "axis {axis} has no actions": "l'axe {axis} n'a pas d'actions",
    "axis {axis} has no objective {objective} (objectives: {numbers})":
        "l'axe {axis} n'a pas d'objectif {objective} (objectifs : {numbers})",
    "axis {number} is defined twice": "l'axe {number} est défini deux fois",
    "block sequence entries are not allowed in this context":
        "les éléments de liste (-) ne sont pas permis ici",
    "byte 0x{byte} at byte offset {offset} is not valid UTF-8":
        "l'octet 0x{byte} à la position {offset} n'est pas de l'UTF-8 valide",
    "byte 0x{byte} at byte offset {offset} is not valid UTF-8 (Latin-1/Windows-1252? save the "
    "file as UTF-8)":
        "l'octet 0x{byte} à la position {offset} n'est pas de l'UTF-8 valide "
        "(Latin-1/Windows-1252 ? enregistrez le fichier en UTF-8)",
    "cannot create {folder}: {reason}": "impossible de créer {folder} : {reason}",
    "cannot list this folder: {reason}": "impossible de lister ce dossier : {reason}",
    "cannot read this workbook ({error})": "impossible de lire ce classeur ({error})",
    "cannot tell whether this is a scheme, an action or a measures file":
        "impossible de savoir s'il s'agit d'un schéma, d'une action ou d'un fichier de mesures",
    "cannot write into {folder}: it is a file":
        "impossible d'écrire dans {folder} : c'est un fichier",
    "cannot write the output: the reader of the output stopped reading":
        "impossible d'écrire la sortie : son lecteur a cessé de lire",
    "cannot write the output: the standard output is closed":
        "impossible d'écrire la sortie : la sortie standard est fermée",
    "cannot write the output: {reason}": "impossible d'écrire la sortie : {reason}",
    "cannot write {target}: folder {folder} does not exist":
        "impossible d'écrire {target} : le dossier {folder} n'existe pas",
    "cannot write {target}: it is a folder": "impossible d'écrire {target} : c'est un dossier",
    "cannot write {target}: it is open in Excel or LibreOffice; close it and try again":
        "impossible d'écrire {target} : il est ouvert dans Excel ou LibreOffice ; fermez-le et "
        "recommencez",
    "cannot write {target}: {folder} is not a folder":
        "impossible d'écrire {target} : {folder} n'est pas un dossier",
    "cannot write {target}: {reason}": "impossible d'écrire {target} : {reason}",
    "character U+{code} is not allowed in a data file (an invisible control character: delete it)":
        "le caractère U+{code} n'est pas permis dans un fichier de données (un caractère de "
        "contrôle invisible : supprimez-le)",
    "complete": "complète",
    "could not find expected ':'": "le « : » attendu est introuvable",
    "default: {default}": "par défaut : {default}",
    "denominator": "dénominateur",
    "did not find expected ',' or ']'": "« , » ou « ] » attendu",
    "did not find expected ',' or '}'": "« , » ou « } » attendu",
    "did not find expected '-' indicator": "« - » attendu",
    "did not find expected <document start>": "début de document attendu",
    "did not find expected key": "clé attendue",
    "did not find expected node content": "valeur attendue",
    "duplicate key {key} (first defined on line {line})":
        "clé {key} en double (définie d'abord ligne {line})",
    "env var: {var}": "variable d'environnement : {var}",
    "expected a collection workbook (.xlsx) or its CSV form (.csv), written by `spapser template`":
        "un classeur de collecte (.xlsx) ou sa forme CSV (.csv), écrit par `spapser template`, "
        "est attendu",
    "found character that cannot start any token": "caractère qui ne peut commencer aucun élément",
    "found unexpected ':'": "« : » inattendu",
    "found unexpected end of stream": "fin de fichier inattendue",
    "found unknown escape character": "séquence d'échappement inconnue",
    "give either -o FILE or --by-pilot DIR, not both":
        "donnez -o FICHIER ou --by-pilot DOSSIER, pas les deux",
    "give the organisation's name: --organisation \"Département de …\"":
        "donnez le nom de l'organisation : --organisation \"Département de …\"",
    "id": "id",
    "indicator {id} takes no category {category} (categories: {known})":
        "l'indicateur {id} ne prend pas de catégorie {category} (catégories : {known})",
    "internal error: {kind}: {error} (please report it)":
        "erreur interne : {kind} : {error} (merci de la signaler)",
    "internal error: {kind}: {error} (run with --debug for the traceback, and please report it)":
        "erreur interne : {kind} : {error} (relancez avec --debug pour la trace, et merci de la "
        "signaler)",
    "interrupted": "interrompu",
    "invalid YAML": "YAML invalide",
    "it adds several variables": "il additionne plusieurs variables",
    "mapping values are not allowed here": "une valeur de clé n'est pas permise ici",
    "mapping values are not allowed in this context": "une valeur de clé n'est pas permise ici",
    "merge keys (<<) are not allowed: write the keys out in full":
        "les clés de fusion (<<) ne sont pas permises : écrivez les clés en entier",
    "missing": "manquant",
    "neither UTF-8 nor Windows-1252 (byte {offset}): save it again as CSV UTF-8":
        "ni UTF-8 ni Windows-1252 (octet {offset}) : enregistrez-le à nouveau en CSV UTF-8",
    "nesting deeper than {depth} levels": "imbrication de plus de {depth} niveaux",
    "next: edit {scheme}, then `spapser validate --data-dir {folder}`":
        "ensuite : modifiez {scheme}, puis `spapser validate --data-dir {folder}`",
    "no action declares a variable {name} (hidden column 'variable')":
        "aucune action ne déclare de variable {name} (colonne masquée 'variable')",
    "no action declares an indicator {id} (hidden column 'indicateur')":
        "aucune action ne déclare d'indicateur {id} (colonne masquée 'indicateur')",
    "no action {code} (actions: {known})": "pas d'action {code} (actions : {known})",
    "no action {code} on axis {axis} (actions: {known})":
        "pas d'action {code} sur l'axe {axis} (actions : {known})",
    "no evaluation plan yet: `spapser plan --propose` proposes one":
        "pas encore de plan d'évaluation : `spapser plan --propose` en propose un",
    "no header row with the columns {columns} in its first {rows} rows: is this a file from "
    "`spapser template`?":
        "aucune ligne d'en-tête avec les colonnes {columns} dans ses {rows} premières lignes : ce "
        "fichier vient-il de `spapser template` ?",
    "no measures file yet: `spapser template {year}`":
        "pas encore de fichier de mesures : `spapser template {year}`",
    "no scheme.yaml in {folder}: is this a spapser data folder?":
        "pas de scheme.yaml dans {folder} : est-ce un dossier de données spapser ?",
    "no such file": "fichier introuvable",
    "no unit": "sans unité",
    "not a regular file": "pas un fichier ordinaire",
    "not measured": "non mesuré",
    "not measured ({written})": "non mesuré ({written})",
    "nothing to change: {target} already holds these values":
        "rien à changer : {target} contient déjà ces valeurs",
    "nothing to collect for {year} with these options":
        "rien à collecter pour {year} avec ces options",
    "nothing to import: every value cell is blank (a blank cell means 'not measured')":
        "rien à importer : toutes les cellules de valeur sont vides (une cellule vide veut dire "
        "'non mesuré')",
    "numerator": "numérateur",
    "objective {axis}-{number} is defined twice": "l'objectif {axis}-{number} est défini deux fois",
    "ok": "renseigné",
    "part": "partie",
    "partial": "partiel",
    "required": "obligatoire",
    "scheme.yaml has no `evaluation` section (with `cycle_years`): nothing to plan":
        "scheme.yaml n'a pas de section `evaluation` (avec `cycle_years`) : rien à planifier",
    "scheme.yaml lists {code} under objective {axis}-{objective}, not {its_axis}-{its_objective}":
        "scheme.yaml liste {code} sous l'objectif {axis}-{objective}, pas "
        "{its_axis}-{its_objective}",
    "spapser reads only *.yaml files here; this file is ignored":
        "spapser ne lit ici que les fichiers *.yaml ; ce fichier est ignoré",
    "spapser reads only *.yaml files here; this file is ignored (rename it to .yaml)":
        "spapser ne lit ici que les fichiers *.yaml ; ce fichier est ignoré (renommez-le en .yaml)",
    "state": "état",
    "tag {tag} is not allowed: data files hold plain text, numbers, lists and mappings":
        "l'étiquette {tag} n'est pas permise : les fichiers de données contiennent du texte, des "
        "nombres, des listes et des tableaux de clés",
    "terminated": "arrêté",
    "the bundled example ships with its schemas: give your data folder (--data-dir DIR) or where "
    "to write (-o DIR)":
        "l'exemple fourni a déjà ses schémas : donnez votre dossier de données (--data-dir "
        "DOSSIER) ou où écrire (-o DOSSIER)",
    "the data has {count} error(s); run `spapser validate` for details":
        "les données ont {count} erreur(s) ; lancez `spapser validate` pour le détail",
    "the date {value} (Excel read the entry as a date)":
        "la date {value} (Excel a lu la saisie comme une date)",
    "the evaluation plan (scheme.yaml, evaluation.plan) has no entry for {year} (planned years: "
    "{planned}); run `spapser plan --propose`":
        "le plan d'évaluation (scheme.yaml, evaluation.plan) n'a pas d'entrée pour {year} (années "
        "planifiées : {planned}) ; lancez `spapser plan --propose`",
    "the file is UTF-16; save it as UTF-8": "le fichier est en UTF-16 ; enregistrez-le en UTF-8",
    "the file is empty: it should hold a mapping of keys and values":
        "le fichier est vide : il doit contenir des clés et leurs valeurs",
    "the file is {size} bytes or more; the limit for a data file is {limit} bytes":
        "le fichier fait {size} octets ou plus ; la limite d'un fichier de données est de {limit} "
        "octets",
    "the file is {size} bytes; the limit for a data file is {limit} bytes":
        "le fichier fait {size} octets ; la limite d'un fichier de données est de {limit} octets",
    "the file of action {code} must be named {code}.yaml, not {name}":
        "le fichier de l'action {code} doit s'appeler {code}.yaml, pas {name}",
    "the header row has no column {names}{hints}: a collection sheet has the columns {columns} "
    "(the id columns are hidden; do not delete or rename them)":
        "la ligne d'en-tête n'a pas de colonne {names}{hints} : une feuille de collecte a les "
        "colonnes {columns} (les colonnes d'id sont masquées ; ne les supprimez ni ne les "
        "renommez)",
    "the measures file": "le fichier de mesures",
    "the plan gives {year} twice (entries {first} and {second})":
        "le plan donne {year} deux fois (entrées {first} et {second})",
    "the scheme lists no action {code} (actions: {actions})":
        "le schéma ne liste pas d'action {code} (actions : {actions})",
    "the working folder no longer exists (or cannot be read): change to another folder and run "
    "the command again":
        "le dossier de travail n'existe plus (ou ne peut être lu) : changez de dossier et "
        "relancez la commande",
    "the {second} lacks {missing}": "il manque {missing} au {second}",
    "this file collects {year} (column '{column}'), not {expected}: import it with --year {year}, "
    "or fill in the {expected} template (`spapser template {expected}`)":
        "ce fichier collecte {year} (colonne '{column}'), pas {expected} : importez-le avec "
        "--year {year}, ou remplissez le modèle {expected} (`spapser template {expected}`)",
    "this file collects {year}, the other files {others}: import one year at a time":
        "ce fichier collecte {year}, les autres fichiers {others} : importez une année à la fois",
    "this file holds year {year} but is named {name}: correct `year`, or name the file {year}.yaml":
        "ce fichier contient l'année {year} mais s'appelle {name} : corrigez `year`, ou nommez le "
        "fichier {year}.yaml",
    "this integer is written with {count} characters; a data file's numbers have at most {most}":
        "cet entier est écrit avec {count} caractères ; les nombres d'un fichier de données en "
        "ont au plus {most}",
    "this is a symbolic link to a file outside the data folder; spapser does not follow it: copy "
    "the file into the folder instead":
        "c'est un lien symbolique vers un fichier hors du dossier de données ; spapser ne le suit "
        "pas : copiez plutôt le fichier dans le dossier",
    "this is {kind}, not a file": "c'est {kind}, pas un fichier",
    "this measures file has errors; fix them first (`spapser validate`), then import again":
        "ce fichier de mesures a des erreurs ; corrigez-les d'abord (`spapser validate`), puis "
        "importez à nouveau",
    "this row has a value but no ids in the hidden columns {columns}: copy the row from the "
    "template instead of typing a new one":
        "cette ligne a une valeur mais pas d'id dans les colonnes masquées {columns} : copiez la "
        "ligne du modèle au lieu d'en saisir une nouvelle",
    "this workbook collects {year}, not {expected}: import it with --year {year}, or fill in the "
    "{expected} template (`spapser template {expected}`)":
        "ce classeur collecte {year}, pas {expected} : importez-le avec --year {year}, ou "
        "remplissez le modèle {expected} (`spapser template {expected}`)",
    "this workbook has no sheet '{name}' of its own (its sheets: {sheets}): a renamed sheet must "
    "get its name back, and rows are added only by copying them within their sheet":
        "ce classeur n'a pas de feuille '{name}' à lui (ses feuilles : {sheets}) : une feuille "
        "renommée doit retrouver son nom, et on n'ajoute des lignes qu'en les copiant dans leur "
        "feuille",
    "this workbook was not written by `spapser template` (its hidden sheet '{sheet}' is missing): "
    "fill in a collection workbook":
        "ce classeur n'a pas été écrit par `spapser template` (sa feuille masquée '{sheet}' "
        "manque) : remplissez un classeur de collecte",
    "unexpected {event}": "{event} inattendu",
    "variable: {label}": "variable : {label}",
    "while parsing a block collection": "dans une liste",
    "while parsing a block mapping": "dans un tableau de clés",
    "while parsing a block node": "dans un élément",
    "while parsing a flow mapping": "dans un tableau de clés entre accolades",
    "while parsing a flow node": "dans un élément entre crochets ou accolades",
    "while parsing a flow sequence": "dans une liste entre crochets",
    "while parsing a quoted scalar": "dans un texte entre guillemets",
    "while scanning a plain scalar": "dans une valeur",
    "while scanning a quoted scalar": "dans un texte entre guillemets",
    "while scanning a simple key": "dans une clé",
    "while scanning for the next token": "en cherchant l'élément suivant",
    "whole": "tout",
    "year {year} is also in {file}": "l'année {year} est aussi dans {file}",
    "{context} started on line {line}": "{context} depuis la ligne {line}",
    "{count} error(s): year {year} is left out until they are fixed (`spapser validate {file}`)":
        "{count} erreur(s) : l'année {year} est laissée de côté jusqu'à leur correction (`spapser "
        "validate {file}`)",
    "{count} error(s); nothing was written": "{count} erreur(s) ; rien n'a été écrit",
    "{count} missing": "{count} manquant(s)",
    "{file} already exists: spapser init never overwrites a file (choose a new or empty folder)":
        "{file} existe déjà : spapser init n'écrase jamais un fichier (choisissez un dossier "
        "nouveau ou vide)",
    "{file} has errors: fix them first (`spapser validate {file}`)":
        "{file} a des erreurs : corrigez-les d'abord (`spapser validate {file}`)",
    "{file} has no `evaluation` section": "{file} n'a pas de section `evaluation`",
    "{file}: is a folder; give files, or use --data-dir":
        "{file} : c'est un dossier ; donnez des fichiers, ou utilisez --data-dir",
    "{file}: no such file": "{file} : fichier introuvable",
    "{file}: with --format {format}, the file must end in {suffix}":
        "{file} : avec --format {format}, le fichier doit finir par {suffix}",
    "{file}: {reason}": "{file} : {reason}",
    "{first}, {then}": "{first}, {then}",
    "{heading}:": "{heading} :",
    "{id} has no categories": "{id} n'a pas de catégories",
    "{id} has no unit ({kind})": "{id} n'a pas d'unité ({kind})",
    "{id} is in {unit}, not {given}": "{id} est en {unit}, pas en {given}",
    "{message} Did you mean {close}?": "{message} Vouliez-vous dire {close} ?",
    "{name} is also filled in at {where} with {first}, here with {value}: keep one":
        "{name} est aussi rempli en {where} avec {first}, ici avec {value} : gardez-en un",
    "{name} is an indicator, not a variable: name the variable it is computed from":
        "{name} est un indicateur, pas une variable : nommez la variable dont il est calculé",
    "{name} is not readable.": "{name} n'est pas lisible.",
    "{name} is not writable.": "{name} n'est pas accessible en écriture.",
    "{name}: a count in {unit} is a whole number, not {number}":
        "{name} : un compte en {unit} est un nombre entier, pas {number}",
    "{name}: a quantity cannot be negative ({number} {unit})":
        "{name} : une quantité ne peut pas être négative ({number} {unit})",
    "{name}: expected a number in {unit}, got {value} (leave it blank or write NC when it was not "
    "measured)":
        "{name} : un nombre en {unit} est attendu, pas {value} (laissez vide ou écrivez NC s'il "
        "n'a pas été mesuré)",
    "{name}: expected a status (non commencé, en cours, réalisé), got {value}":
        "{name} : un état est attendu (non commencé, en cours, réalisé), pas {value}",
    "{number} (the unit, %, is declared once for the variable)":
        "{number} (l'unité, %, est déclarée une fois pour la variable)",
    "{number} is below {minimum}": "{number} est inférieur à {minimum}",
    "{number} is not a year from {first} to {last}":
        "{number} n'est pas une année de {first} à {last}",
    "{number}, or {thousands} if the comma separates thousands":
        "{number}, ou {thousands} si la virgule sépare les milliers",
    "{option}: {folder} is not a folder": "{option} : {folder} n'est pas un dossier",
    "{option}: {folder}: {reason}": "{option} : {folder} : {reason}",
    "{part} ({value}) exceeds {whole} ({total}), its whole in {id}":
        "{part} ({value}) dépasse {whole} ({total}), son tout dans {id}",
    "{part} for {category} ({value}) exceeds {whole} ({total}), its whole in {id}":
        "{part} pour {category} ({value}) dépasse {whole} ({total}), son tout dans {id}",
    "{path}: {file} holds {old}, this file {new}; nothing was written (use --replace to take the "
    "imported value)":
        "{path} : {file} contient {old}, ce fichier {new} ; rien n'a été écrit (utilisez "
        "--replace pour prendre la valeur importée)",
    "{pilot}: {filled} indicator(s) ok, {unmeasured} not measured, {missing} missing":
        "{pilot} : {filled} indicateur(s) renseigné(s), {unmeasured} non mesuré(s), {missing} "
        "manquant(s)",
    "{problem} ({context})": "{problem} ({context})",
    "{size} bytes; a collection CSV is at most {limit} bytes":
        "{size} octets ; un CSV de collecte fait au plus {limit} octets",
    "{size} bytes; a collection workbook is at most {limit} bytes":
        "{size} octets ; un classeur de collecte fait au plus {limit} octets",
    "{summary} (dry run: nothing written)": "{summary} (essai : rien n'est écrit)",
    "{target}: {added} value(s) added, {replaced} replaced":
        "{target} : {added} valeur(s) ajoutée(s), {replaced} remplacée(s)",
    "{value} is not a valid boolean. Recognized values: {states}":
        "{value} n'est pas un booléen valide. Valeurs reconnues : {states}",
    "{value} is not a valid integer.": "{value} n'est pas un entier valide.",
    "{value} is not a valid number.": "{value} n'est pas un nombre valide.",
    "{value} is not a whole number written with the digits 0-9 (at most {digits})":
        "{value} n'est pas un nombre entier écrit avec les chiffres 0-9 (au plus {digits})",
    "{value} is not one of {choices}.": "{value} n'est pas l'un de {choices}.",
    "{what} has a value this year and is also recorded as not measured: keep one":
        "{what} a une valeur cette année et est aussi noté non mesuré : gardez l'un des deux",
    "{year} is outside the scheme's period {start}-{end}":
        "{year} est hors de la période du schéma {start}-{end}",
    "{year}{decided}: {actions} action(s), {quantitative} quantitative indicator(s), {pilots} "
    "pilot(s)":
        "{year}{decided} : {actions} action(s), {quantitative} indicateur(s) quantitatif(s), "
        "{pilots} pilote(s)",
    # series, actions, init, the system's reasons (lead)
    "overall": "ensemble",
    "give either YEAR (annual bilan) or --from and --to (global bilan), not both":
        "donnez soit ANNÉE (bilan annuel), soit --from et --to (bilan global), pas les deux",
    "give a YEAR (e.g. `spapser export 2015`) or both --from and --to (e.g. `spapser export "
    "--from 2013 --to 2015`)":
        "donnez une ANNÉE (par exemple `spapser export 2015`) ou --from et --to (par exemple "
        "`spapser export --from 2013 --to 2015`)",
    "{output}: the workbook must be an {suffix} file (Excel refuses a workbook whose name does "
    "not match its format)":
        "{output} : le classeur doit être un fichier {suffix} (Excel refuse un classeur dont le "
        "nom ne correspond pas au format)",
    "no measures between {first} and {last}; years with data: {available}":
        "pas de mesures entre {first} et {last} ; années avec des données : {available}",
    "it is open in a spreadsheet application (lock file {lock}); close it and try again":
        "il est ouvert dans un tableur (fichier de verrou {lock}) ; fermez-le et recommencez",
    # a « % » before a letter reads as printf to pybabel: the percent sign is in the field
    "a target of {percent} is outside 0-100": "une cible de {percent} est hors de 0-100",
    "{percent} is outside 0-100": "{percent} est hors de 0-100",
    "{name}: {percent} is outside 0-100 (write 38.5 for 38.5 %)":
        "{name} : {percent} est hors de 0-100 (écrivez 38.5 pour 38,5 %)",
    "due: {date}": "échéance : {date}",
    "text": "texte",
    "assessed": "apprécié",
    "by category{unit}:": "par catégorie{unit} :",
    "{year}: {reason}": "{year} : {reason}",
    "{year} by category: {reason}": "{year} par catégorie : {reason}",
    "no year of the data folder is in this range (its years: {years})":
        "aucune année du dossier de données n'est dans cet intervalle (ses années : {years})",
    "cannot create {path}: {reason}": "impossible de créer {path} : {reason}",
    "{change} on {year}": "{change} par rapport à {year}",
    "code": "code",
    "title": "intitulé",
    "pilot": "pilote",
    "ind.": "ind.",
    "targets": "cibles",
    "{count} action(s); `spapser actions CODE` shows a whole sheet.":
        "{count} action(s) ; `spapser actions CODE` affiche une fiche entière.",
    "Pilots": "Pilotage de l'action",
    "Purpose of the action": "Objectif de l'action",
    "Directions concerned": "Directions impactées",
    "Summary": "Description (résumé)",
    "External partners": "Partenaires extérieurs",
    "Related projects": "Projets liés",
    "Schedule": "Calendrier d'exécution",
    " (due {date})": " (échéance {date})",
    "Evaluation methods": "Modalités d'évaluation",
    "Measured variables": "Variables mesurées",
    "whole numbers": "nombres entiers",
    "Evaluation indicators": "Indicateurs d'évaluation",
    "kind": "nature",
    "note: {note}": "note : {note}",
    "Notes": "Notes",
    "difference N − N-1": "écart N − N-1",
    "change N / N-1": "évolution N / N-1",
    "ratio": "ratio",
    "share": "part",
    "rate": "taux",
    "qualitative": "qualitatif",
    "milestone": "jalon",
    "contracts (register)": "contrats (registre)",
    "Disk quota exceeded": "quota de disque dépassé",
    "Text file busy": "fichier texte occupé",
    "{folder} is not a folder": "{folder} n'est pas un dossier",
    "folder {folder} does not exist": "le dossier {folder} n'existe pas",
    "it is a folder": "c'est un dossier",
    # the contract register's outputs (render/contracts.py, contracts/, engine/contracts.py)
    "--by-buyer and --missing-environmental go separately":
        "--by-buyer et --missing-environmental ne vont pas ensemble",
    "--by-buyer needs the DECP FILES to read": "--by-buyer demande les FICHIERS DECP à lire",
    "All buyers of the register": "Tous les acheteurs du registre",
    "All buyers of the scheme": "Tous les acheteurs du schéma",
    "Amount of the contracts notified": "Montant des contrats notifiés",
    "Buyer {siret}": "Acheteur {siret}",
    "CCAG": "CCAG",
    "CCAG {ccag}": "CCAG {ccag}",
    "Contracts notified": "Contrats notifiés",
    "Contracts notified in {year}, per buyer": "Contrats notifiés en {year}, par acheteur",
    "Contracts notified in {year}: the law's indicators (L.2111-3, « en nombre de contrats ou"
    " en valeur »)":
        "Contrats notifiés en {year} : les indicateurs de la loi (L.2111-3, « en nombre de "
        "contrats ou en valeur »)",
    "Contracts notified on or after {since} without an environmental consideration":
        "Contrats notifiés à partir du {since} sans considération environnementale",
    "DECP has no consultation launch date: the notification date stands for it.":
        "Les DECP ne donnent pas la date de lancement de la consultation : la date de "
        "notification en tient lieu.",
    "Share by value of contracts with at least one environmental consideration":
        "Part en valeur des contrats comportant au moins une considération environnementale",
    "Share by value of contracts with at least one social consideration":
        "Part en valeur des contrats comportant au moins une considération sociale",
    "Share by value of innovative contracts (among public contracts)":
        "Part en valeur des marchés innovants (parmi les marchés)",
    "Share by value of reserved contracts": "Part en valeur des marchés réservés",
    "Share of contracts with at least one environmental consideration":
        "Part des contrats comportant au moins une considération environnementale",
    "Share of contracts with at least one social consideration":
        "Part des contrats comportant au moins une considération sociale",
    "Share of innovative contracts (among public contracts)":
        "Part des marchés innovants (parmi les marchés)",
    "Share of reserved contracts": "Part des marchés réservés",
    "Value shares are over the « montant forfaitaire ou estimé maximum HT » of the contracts "
    "(modifications applied), not over spending; amounts of 10 billion euros or more are left"
    " out of them.":
        "Les parts en valeur portent sur le « montant forfaitaire ou estimé maximum HT » des "
        "contrats (modifications comprises), non sur les dépenses ; les montants de 10 "
        "milliards d'euros ou plus en sont exclus.",
    "all": "tous",
    "amount": "montant",
    "amount (€ excl. VAT)": "montant (€ HT)",
    "amounts left out": "montants exclus",
    "basis": "base",
    "buyer": "acheteur",
    "by number": "en nombre",
    "by value": "en valeur",
    "clause": "clause",
    "contracts": "contrats",
    "criterion": "critère",
    "date": "date",
    "env. %": "env. %",
    "env. value %": "env. valeur %",
    "innovative %": "innovants %",
    "no CCAG (concessions)": "sans CCAG (concessions)",
    "no contract": "aucun contrat",
    "no contract in the whole": "aucun contrat dans l'ensemble",
    "no contract notified in {year} in the register; years with contracts: {available}":
        "aucun contrat notifié en {year} dans le registre ; années avec des contrats : {available}",
    "no contract notified in {year} in these files; years with contracts: {available}":
        "aucun contrat notifié en {year} dans ces fichiers ; années avec des contrats : "
        "{available}",
    "no contract notified this year": "aucun contrat notifié cette année",
    "no contract register: {folder} holds no DECP file (*.json, *.xml) or CSV register":
        "pas de registre des contrats : {folder} ne contient aucun fichier DECP (*.json, *.xml)"
        " ni registre CSV",
    "no contract with a usable amount": "aucun contrat avec un montant utilisable",
    "object": "objet",
    "part / whole": "partie / total",
    "reserved %": "réservés %",
    "reserved contract": "marché réservé",
    "social %": "social %",
    "social value %": "social valeur %",
    "{kept} contract(s) from {files} file(s); {duplicates} republication(s) removed":
        "{kept} contrat(s) de {files} fichier(s) ; {duplicates} republication(s) retirée(s)",
    "{path}: no such file": "{path} : fichier introuvable",
    "… and {more} more warning(s); `spapser validate` lists them all":
        "… et {more} autre(s) avertissement(s) ; `spapser validate` les liste tous",
    "€ excl. VAT": "€ HT",
    " (did you mean {name}?)": " (vouliez-vous dire {name} ?)",
    "'marches' must hold a list or an object of 'marche' and 'contrat-concession' lists":
        "'marches' doit contenir une liste, ou un objet de listes 'marche' et 'contrat-concession'",
    "(no id)": "(sans id)",
    "a DECP file is a JSON object with a 'marches' key":
        "un fichier DECP est un objet JSON avec une clé 'marches'",
    "a contract must be an object; left out": "un contrat doit être un objet ; écarté",
    "an empty CSV file": "un fichier CSV vide",
    "buyer {siret} has no contract in the register (data/contracts/): its indicators will be n/d":
        "l'acheteur {siret} n'a aucun contrat dans le registre (data/contracts/) : ses "
        "indicateurs seront n/d",
    "cannot read the file: {reason}": "impossible de lire le fichier : {reason}",
    "codeCPV: {value} is not 8 digits": "codeCPV : {value} n'a pas 8 chiffres",
    "contract {id}: {message}": "contrat {id} : {message}",
    "entities": "des entités",
    "expected {what}, found {found}": "{what} attendu, trouvé {found}",
    "extra data after the JSON object": "données en trop après l'objet JSON",
    "id: expected text, got {value}": "id : texte attendu, trouvé {value}",
    "its amount is {amount} €, 10 billion euros or more: counted in the number rates, left "
    "out of the value rates":
        "son montant est de {amount} €, 10 milliards d'euros ou plus : compté dans les taux en "
        "nombre, exclu des taux en valeur",
    "its latest modification gives {amount} €, 10 billion euros or more: counted in the "
    "number rates, left out of the value rates":
        "sa dernière modification donne {amount} €, 10 milliards d'euros ou plus : compté dans "
        "les taux en nombre, exclu des taux en valeur",
    "missing column(s) {names}": "colonne(s) manquante(s) : {names}",
    "nesting too deep": "imbrication trop profonde",
    "no 'ccag'": "pas de 'ccag'",
    "no 'id': cannot be told apart from its other publications":
        "pas d''id' : impossible de le distinguer de ses autres publications",
    "no 'marches' key: not a DECP file": "pas de clé 'marches' : ce n'est pas un fichier DECP",
    "no '{field}' list: counted as none": "pas de liste '{field}' : comptée comme vide",
    "no '{field}': left out of the value rates": "pas de '{field}' : exclu des taux en valeur",
    "no '{field}': the contract belongs to no year":
        "pas de '{field}' : le contrat n'appartient à aucune année",
    "no '{field}.id' (SIRET)": "pas de '{field}.id' (SIRET)",
    "not a contract": "ce n'est pas un contrat",
    "not valid UTF-8 ({reason})": "UTF-8 non valide ({reason})",
    "offresRecues: {value}; at least 1 offer is received for a notified contract":
        "offresRecues : {value} ; un contrat notifié a reçu au moins 1 offre",
    "refused: the file declares {what} ({error}); an entity can expand without bound (the « "
    "billion laughs ») and DECP needs none":
        "refusé : le fichier déclare {what} ({error}) ; une entité peut s'étendre sans limite "
        "(le « billion laughs ») et les DECP n'en ont pas besoin",
    "spapser reads only *.json, *.xml (DECP) and *.csv (the CSV register) files here; this "
    "file is ignored":
        "spapser ne lit ici que les fichiers *.json, *.xml (DECP) et *.csv (le registre CSV) ; "
        "ce fichier est ignoré",
    "the 2019 layout (a flat 'marches' list): it has no social or environmental "
    "considerations, so its contracts count as having none":
        "le format de 2019 (une liste 'marches' à plat) : il n'a pas de considérations sociales"
        " ou environnementales, ses contrats comptent donc comme n'en ayant aucune",
    "the end of the file": "la fin du fichier",
    "a JSON object": "un objet JSON",
    "a key": "une clé",
    "a list of contracts": "une liste de contrats",
    "an object": "un objet",
    "the entity {name}": "l'entité {name}",
    "the root element is <{name}>, not <marches>: not a DECP file":
        "l'élément racine est <{name}>, non <marches> : ce n'est pas un fichier DECP",
    "the text {text}": "le texte {text}",
    "unknown column {name}{hint}; the columns are {columns}":
        "colonne inconnue {name}{hint} ; les colonnes sont {columns}",
    "{error} (no contract of this file was read)":
        "{error} (aucun contrat de ce fichier n'a été lu)",
    "{field} {amount} € is 10 billion euros or more; the latest modification's amount "
    "({latest} €) is used instead":
        "{field} {amount} € atteint 10 milliards d'euros ou plus ; le montant de la dernière "
        "modification ({latest} €) est retenu à la place",
    "{field}.id: {value} is not a 14-digit SIRET":
        "{field}.id : {value} n'est pas un SIRET de 14 chiffres",
    "{field}: a boolean written as text ({value})": "{field} : un booléen écrit en texte ({value})",
    "{field}: a number written as text ({value}); read as {number}":
        "{field} : un nombre écrit en texte ({value}) ; lu comme {number}",
    "{field}: expected a list, got {value}; counted as none":
        "{field} : liste attendue, trouvé {value} ; comptée comme vide",
    "{field}: expected a number, got {value}": "{field} : nombre attendu, trouvé {value}",
    "{field}: expected a number, got {value}; left out":
        "{field} : nombre attendu, trouvé {value} ; écarté",
    "{field}: expected true or false, got {value}; left out":
        "{field} : true ou false attendu, trouvé {value} ; écarté",
    "{field}: {value} is not YYYY-MM-DD; the contract belongs to no year":
        "{field} : {value} n'est pas au format AAAA-MM-JJ ; le contrat n'appartient à aucune année",
    "{field}: {value} is not a value of the format":
        "{field} : {value} n'est pas une valeur du format",
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
