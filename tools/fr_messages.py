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
    "Show one indicator across every year with data, against its target.\n\nExample: spapser "
    "series paper-recycled-share --from 2009 --to 2015":
        "Montre un indicateur sur toutes les années qui ont des données, face à sa cible.\n\n"
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
    "{number} % is outside 0-100": "{number} % est hors de 0-100",
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
    "a target of {number} % is outside 0-100": "une cible de {number} % est hors de 0-100",
    "variable": "variable",
    "variable {id} has no category {category}{hint}":
        "la variable {id} n'a pas de catégorie {category}{hint}",
    "{id} is in {unit}: only variables in {wanted} can be added here":
        "{id} est en {unit} : seules des variables en {wanted} peuvent être additionnées ici",
    "{what} {id} is also declared in this file": "{what} {id} : déjà déclaré dans ce fichier",
    "{what} {id} is also declared in {file}": "{what} {id} : déjà déclaré dans {file}",
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
    "Contracts notified in {year}: the law's indicators (L.2111-3, « en nombre de contrats ou "
    "en valeur »)": "Contrats notifiés en {year} : les indicateurs de la loi (L.2111-3, « en "
                    "nombre de contrats ou en valeur »)",
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
    "(modifications applied), not over spending; amounts of 10 billion euros or more are left "
    "out of them.": "Les parts en valeur portent sur le « montant forfaitaire ou estimé maximum "
                    "HT » des contrats (modifications comprises), non sur les dépenses ; les "
                    "montants de 10 milliards d'euros ou plus en sont exclus.",
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
    "id": "id",
    "innovative %": "innovants %",
    "no CCAG (concessions)": "sans CCAG (concessions)",
    "no contract": "aucun contrat",
    "no contract in the whole": "aucun contrat dans l'ensemble",
    "no contract notified in {year} in the register; years with contracts: {available}":
        "aucun contrat notifié en {year} dans le registre ; années avec des contrats : "
        "{available}",
    "no contract notified in {year} in these files; years with contracts: {available}":
        "aucun contrat notifié en {year} dans ces fichiers ; années avec des contrats : "
        "{available}",
    "no contract notified this year": "aucun contrat notifié cette année",
    "no contract register: {folder} holds no DECP file (*.json, *.xml) or CSV register":
        "pas de registre des contrats : {folder} ne contient aucun fichier DECP (*.json, *.xml) "
        "ni registre CSV",
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
    # the contract register's warnings and file errors (contracts/clean.py, the readers)
    " (did you mean {name}?)": " (vouliez-vous dire {name} ?)",
    "'marches' must hold a list or an object of 'marche' and 'contrat-concession' lists":
        "'marches' doit contenir une liste, ou un objet de listes 'marche' et "
        "'contrat-concession'",
    "(no id)": "(sans id)",
    "a DECP file is a JSON object with a 'marches' key":
        "un fichier DECP est un objet JSON avec une clé 'marches'",
    "a contract must be an object; left out": "un contrat doit être un objet ; écarté",
    "an empty CSV file": "un fichier CSV vide",
    "buyer {siret} has no contract in the register (data/contracts/): its indicators will be "
    "n/d": "l'acheteur {siret} n'a aucun contrat dans le registre (data/contracts/) : ses "
           "indicateurs seront n/d",
    "cannot read the file: {reason}": "impossible de lire le fichier : {reason}",
    "codeCPV: {value} is not 8 digits": "codeCPV : {value} n'a pas 8 chiffres",
    "contract {id}: {message}": "contrat {id} : {message}",
    "entities": "des entités",
    "expected {what}, found {found}": "{what} attendu, trouvé {found}",
    "extra data after the JSON object": "données en trop après l'objet JSON",
    "id: expected text, got {value}": "id : texte attendu, trouvé {value}",
    "its amount is {amount} €, 10 billion euros or more: counted in the number rates, left "
    "out of the value rates": "son montant est de {amount} €, 10 milliards d'euros ou plus : "
                              "compté dans les taux en nombre, exclu des taux en valeur",
    "its latest modification gives {amount} €, 10 billion euros or more: counted in the "
    "number rates, left out of the value rates":
        "sa dernière modification donne {amount} €, 10 milliards d'euros ou plus : compté "
        "dans les taux en nombre, exclu des taux en valeur",
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
    "file is ignored": "spapser ne lit ici que les fichiers *.json, *.xml (DECP) et *.csv (le "
                       "registre CSV) ; ce fichier est ignoré",
    "the 2019 layout (a flat 'marches' list): it has no social or environmental "
    "considerations, so its contracts count as having none":
        "le format de 2019 (une liste 'marches' à plat) : il n'a pas de considérations "
        "sociales ou environnementales, ses contrats comptent donc comme n'en ayant aucune",
    "the end of the file": "la fin du fichier",
    "the data has {count} error(s); run `spapser validate` for details":
        "les données ont {count} erreur(s) ; lancez `spapser validate` pour le détail",
    "a JSON object": "un objet JSON",
    "a key": "une clé",
    "a list of contracts": "une liste de contrats",
    "an object": "un objet",
    "the entity {name}": "l'entité {name}",
    "the root element is <{name}>, not <marches>: not a DECP file":
        "l'élément racine est <{name}>, non <marches> : ce n'est pas un fichier DECP",
    "the text {text}": "le texte {text}",
    "this is a symbolic link to a file outside the data folder; spapser does not follow it: "
    "copy the file into the folder instead":
        "c'est un lien symbolique vers un fichier hors du dossier de données ; spapser ne le "
        "suit pas : copiez plutôt le fichier dans le dossier",
    "unknown column {name}{hint}; the columns are {columns}":
        "colonne inconnue {name}{hint} ; les colonnes sont {columns}",
    "{error} (no contract of this file was read)":
        "{error} (aucun contrat de ce fichier n'a été lu)",
    "{field} {amount} € is 10 billion euros or more; the latest modification's amount "
    "({latest} €) is used instead": "{field} {amount} € atteint 10 milliards d'euros ou plus ; "
                                    "le montant de la dernière modification ({latest} €) est "
                                    "retenu à la place",
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
        "{field} : {value} n'est pas au format AAAA-MM-JJ ; le contrat n'appartient à aucune "
        "année",
    "{field}: {value} is not a value of the format": "{field} : {value} n'est pas une valeur "
                                                      "du format",
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
