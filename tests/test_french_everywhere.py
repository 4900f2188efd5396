"""Under a French locale, every command speaks French: the YAML reader's errors, the structure
and plan checks, the data folder's, Click's own words (usage, help, usage errors), and the
outputs of `status`, `plan`, `template` and `import`. Codes, ids and JSON stay the same.

Each case runs the installed entry point in a process of its own (the language is chosen
when the process starts), in a copy of the small test scheme, and asserts exact French lines;
then no English word of a list is left in any French output."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from collect_helpers import fill
from helpers import FIXTURES

MINIMAL = FIXTURES / "valid" / "minimal"
FRENCH = {"LANG": "fr_FR.UTF-8"}
ENGLISH = {"LANG": "C"}

# Words that only English output holds: the check that catches a message left untranslated.
ENGLISH_WORDS = [
    "Usage", "Error", "Missing", "Invalid value", "No such", "Show this message", "Try",
    "required", "is not", "does not", "not allowed", "expected", "duplicate", "missing",
    "file(s) checked", "error(s)", "warning(s)", "Completeness", "indicator(s)", "Due in",
    "lacking", "no measures file", "not measured", "complete", "state", "label", "value(s)",
    "added", "replaced", "dry run", "nothing", "action(s)", "pilot(s)", "decided", "while",
    "found", "the file", "no such file", "cannot", "Did you mean", "Commands",
]


def spapser(folder: Path, *args: str, env: dict[str, str] = FRENCH) -> tuple[int, str, str]:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "SPAPSER_LANG", "SPAPSER_DATA_DIR")}
    done = subprocess.run([sys.executable, "-m", "spapser_cli", *args], capture_output=True,
                          check=False, cwd=folder, env={**clean, "COLUMNS": "120", **env})
    return done.returncode, done.stdout.decode(), done.stderr.decode()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "data")
    return tmp_path


def write(folder: Path, name: str, text: str) -> None:
    (folder / "data" / name).write_text(text, encoding="utf-8")


def leftover_english(text: str) -> list[str]:
    """The English words of `text`, once ids, codes, options and file names are taken out."""
    prose = re.sub(r"\[[a-z-]+\]|`[^`]*`|'[^']*'|--?[a-z-]+|[\w./-]+\.(?:yaml|xlsx|csv)"
                   r"|[a-z0-9]+(?:-[a-z0-9]+)+", " ", text)
    return [w for w in ENGLISH_WORDS if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", prose)]


# -- errors of the data ------------------------------------------------------------------------
CASES = {
    "yaml syntax": (
        "measures/2018.yaml", "year: 2018\nmeasures:\n  paper-purchased: {unit: kg: 3}\n",
        "data/measures/2018.yaml:3:29: error[yaml-syntax]: « , » ou « } » attendu (dans un "
        "tableau de clés entre accolades depuis la ligne 3)"),
    "duplicate key": (
        "measures/2018.yaml", "year: 2018\nyear: 2018\n",
        "data/measures/2018.yaml:2:1: error[duplicate-key]: clé 'year' en double (définie "
        "d'abord ligne 1)"),
    "tab": (
        "measures/2018.yaml", "year: 2018\nmeasures:\n\tpaper: 1\n",
        "data/measures/2018.yaml:3:1: error[yaml-syntax]: une tabulation n'est pas permise ici "
        "(YAML indente avec des espaces)"),
    "anchor": (
        "measures/2018.yaml", "year: &y 2018\n",
        "data/measures/2018.yaml:1:7: error[anchor-alias]: l'ancre &y n'est pas permise : les "
        "fichiers de données ne partagent pas de valeurs"),
    "empty file": (
        "measures/2018.yaml", "# nothing yet\n",
        "data/measures/2018.yaml:1:1: error[empty-file]: le fichier est vide : il doit contenir "
        "des clés et leurs valeurs"),
    "wrong type": (
        "measures/2018.yaml", "year: [2018]\n",
        "data/measures/2018.yaml:1:7: error[wrong-type]: year : attendu : une année comme 2015 "
        "; trouvé : [2018]"),
    "french number, thousands": (
        "measures/2018.yaml",
        "year: 2018\nmeasures:\n  charging-points: {unit: nombre, value: '73,190', "
        "source: x}\n",
        "data/measures/2018.yaml:3:42: error[french-number]: measures.charging-points.value : "
        "'73,190' est un nombre écrit à la française ; écrivez-le 73.190, ou 73190 si la "
        "virgule sépare les milliers"),
    "indicator as a variable": (
        "measures/2018.yaml",
        "year: 2018\nmeasures:\n  paper-recycled-share: {unit: '%', value: 3, source: x}\n",
        "data/measures/2018.yaml:3:3: error[indicator-as-variable]: paper-recycled-share : "
        "c'est un indicateur : mettez-le sous `reported:` (`measures:` contient les variables "
        "dont il est calculé)"),
    "unknown reference": (
        "measures/2018.yaml",
        "year: 2018\nmeasures:\n  paper-purchasd: {unit: kg, value: 3, source: x}\n",
        "data/measures/2018.yaml:3:3: error[unknown-variable]: aucune action ne déclare de "
        "variable 'paper-purchasd' ; vouliez-vous dire 'paper-purchased' ?"),
    "year mismatch": (
        "measures/2019.yaml", "year: 2018\nmeasures: {}\n",
        "data/measures/2019.yaml:1:7: error[year-mismatch]: ce fichier contient l'année 2018 "
        "mais s'appelle 2019.yaml : corrigez `year`, ou nommez le fichier 2018.yaml"),
    "stray file": (
        "measures/2018.yml", "year: 2018\n",
        "data/measures/2018.yml: warning[stray-file]: spapser ne lit ici que les fichiers "
        "*.yaml ; ce fichier est ignoré (renommez-le en .yaml)"),
}


@pytest.mark.parametrize("case", CASES)
def test_data_errors_in_french(folder: Path, case: str):
    name, text, expected = CASES[case]
    write(folder, name, text)
    code, out, err = spapser(folder, "validate", "--data-dir", "data")
    assert expected in out.splitlines(), out
    assert code == (0 if "warning[" in expected else 1)
    assert err == "données : data (--data-dir)\n"
    assert re.search(r"^\d+ fichier\(s\) vérifié\(s\) : \d+ erreur\(s\), \d+ "
                     r"avertissement\(s\)$", out, re.M), out
    assert leftover_english(out + err) == [], out


def test_structure_and_plan_checks_in_french(folder: Path):
    scheme = folder / "data" / "scheme.yaml"
    scheme.write_text(scheme.read_text(encoding="utf-8").replace(
        "actions: [1-1.1]", "actions: [1-1.1, 9-9.9]"), encoding="utf-8")
    (folder / "data" / "actions" / "2-1.1.yaml").unlink()
    code, out, _ = spapser(folder, "validate", "--data-dir", "data")
    assert code == 1
    lines = out.splitlines()
    assert ("data/scheme.yaml:30:13: error[missing-action]: l'action 2-1.1 n'a pas de fichier "
            "actions/2-1.1.yaml") in lines
    assert ("data/scheme.yaml:40:24: error[unknown-action]: le schéma ne liste pas d'action "
            "9-9.9 (actions : 1-1.1, 1-1.2, 2-1.1)") in lines
    assert leftover_english(out) == [], out
    # The JSON keeps the English text and the codes, whatever the language.
    json_fr = spapser(folder, "validate", "--data-dir", "data", "--format", "json")[1]
    json_en = spapser(folder, "validate", "--data-dir", "data", "--format", "json",
                      env=ENGLISH)[1]
    assert json_fr == json_en
    assert '"message": "action 2-1.1 has no file actions/2-1.1.yaml"' in json_fr


def test_a_missing_file_and_a_broken_folder_in_french(folder: Path):
    code, _, err = spapser(folder, "validate", "--data-dir", "data", "nofile.yaml")
    assert (code, err.splitlines()[-1]) == (2, "Erreur : nofile.yaml : fichier introuvable")
    code, _, err = spapser(folder, "compute", "2015", "--data-dir", "nowhere")
    assert (code, err) == (2, "Erreur : --data-dir : nowhere n'est pas un dossier\n")
    write(folder, "measures/2016.yaml", "year: [2016]\n")
    code, _, err = spapser(folder, "compute", "2016", "--data-dir", "data")
    assert code == 1
    assert err.splitlines()[-1] == (
        "Erreur : data/measures/2016.yaml contient des erreurs : corrigez-les d'abord "
        "(`spapser validate data/measures/2016.yaml`) ; années avec des données : 2015, 2017")
    write(folder, "actions/1-1.1.yaml", "code: [1-1.1]\n")
    code, _, err = spapser(folder, "compute", "2015", "--data-dir", "data")
    assert code == 1
    assert err.splitlines()[-1] == ("Erreur : les données ont 10 erreur(s) ; lancez "
                                    "`spapser validate` pour le détail")


# -- Click's own words ---------------------------------------------------------------------------
USAGE_ERRORS = {
    ("compute",): "Erreur : Argument 'YEAR' manquant. (voir `spapser compute -h`)",
    ("compute", "2015", "--bogus"):
        "Erreur : Option inconnue : --bogus (voir `spapser compute -h`)",
    ("compute", "abc"): "Erreur : Valeur invalide pour 'YEAR' : 'abc' n'est pas un nombre "
                        "entier écrit avec les chiffres 0-9 (au plus 9) (voir `spapser compute "
                        "-h`)",
    ("compute", "1200"): "Erreur : Valeur invalide pour 'YEAR' : 1200 n'est pas une année de "
                         "1990 à 2100 (voir `spapser compute -h`)",
    ("compute", "2015", "-f", "xml"):
        "Erreur : Valeur invalide pour '--format' / '-f' : 'xml' n'est pas l'un de 'table', "
        "'json', 'csv', 'csv-fr'. (voir `spapser compute -h`)",
    ("computer", "2015"): "Erreur : Pas de commande 'computer'. Vouliez-vous dire 'compute' ? "
                          "(voir `spapser -h`)",
    ("compute", "2015", "2016"): "Erreur : Argument(s) en trop (2016) (voir `spapser compute "
                                 "-h`)",
    ("import", "nothing.xlsx"): "Erreur : Valeur invalide pour 'FILES...' : Le fichier "
                                "'nothing.xlsx' n'existe pas. (voir `spapser import -h`)",
    ("plan", "--write"): "Erreur : --write va avec --propose",
}


@pytest.mark.parametrize("args", USAGE_ERRORS)
def test_usage_errors_in_french(folder: Path, args: tuple[str, ...]):
    code, out, err = spapser(folder, *args, "--data-dir", "data")
    assert code == 2
    assert err.splitlines()[-1] == USAGE_ERRORS[args]
    assert leftover_english(err) == [], err


def test_command_help_in_french(folder: Path):
    code, out, _ = spapser(folder, "status", "--help")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Utilisation : spapser status [OPTIONS] YEAR"
    assert "Arguments :" in lines and "Options :" in lines
    assert any(line.strip().startswith("YEAR") and line.endswith("[obligatoire]")
               for line in lines), out
    assert any(line.strip().startswith("-h, --help") and "Affiche ce message et quitte."
               in line for line in lines), out
    top = spapser(folder, "--lang", "fr", "--help", env=ENGLISH)[1]
    assert top.startswith("Utilisation : spapser [OPTIONS] COMMAND [ARGS]...")
    assert "Commandes :" in top.splitlines()
    assert leftover_english(out) == [], out


# -- the yearly cycle's outputs ----------------------------------------------------------------
def test_status_in_french_leads_with_the_organisation_and_the_labels(folder: Path):
    code, out, err = spapser(folder, "status", "2018", "--data-dir", "data")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:2] == ["Département d'essai", "Complétude 2018 (pas encore de fichier de "
                                                "mesures : `spapser template 2018`)"]
    assert lines[3].split() == ["état", "libellé", "id"]
    assert ("Direction des achats et de la logistique : 0 indicateur(s) renseigné(s), 0 non "
            "mesuré(s), 8 manquant(s)") in lines
    assert ("  1-1.2 (à évaluer) — 4 manquant(s) · Optimiser la flotte de véhicules et les "
            "points de recharge") in lines
    row = next(line for line in lines if line.endswith("  charging-points-count"))
    assert row.split("  ")[2:4] == ["manquant", "Nombre de points de recharge "
                                                "(charging-points)"]
    assert lines[-1] == ("À évaluer en 2018 : 1-1.2, 2-1.1 ; chiffres manquants : 1-1.2, "
                         "2-1.1")
    assert leftover_english(out) == [], out
    json_fr = spapser(folder, "status", "2018", "--data-dir", "data", "-f", "json")[1]
    assert json_fr == spapser(folder, "status", "2018", "--data-dir", "data", "-f", "json",
                              env=ENGLISH)[1]
    english = spapser(folder, "status", "2018", "--data-dir", "data", env=ENGLISH)[1]
    assert english.splitlines()[1] == ("Completeness 2018 (no measures file yet: `spapser "
                                       "template 2018`)")


def test_plan_template_and_import_in_french(folder: Path):
    code, out, _ = spapser(folder, "plan", "--data-dir", "data")
    assert (code, out) == (0, "2017: 1-1.1\n2018: 1-1.2, 2-1.1\n")
    code, out, _ = spapser(folder, "plan", "--propose", "--data-dir", "data")
    assert out.splitlines()[:3] == [
        "# 2017 (décidée) : 1 action(s), 4 indicateur(s) quantitatif(s), 1 pilote(s)",
        "# 2018 (décidée) : 2 action(s), 5 indicateur(s) quantitatif(s), 2 pilote(s)",
        "# 2019 : 0 action(s), 0 indicateur(s) quantitatif(s), 0 pilote(s)"]
    code, _, err = spapser(folder, "template", "2018", "--data-dir", "data", "--pilot", "x")
    assert (code, err.splitlines()[-1]) == (2, "Erreur : --pilot 'x' n'est le pilote principal "
                                               "d'aucune action (pilotes principaux : Direction "
                                               "des achats et de la logistique; Direction de "
                                               "la commande publique)")
    code, out, _ = spapser(folder, "template", "2018", "--data-dir", "data", "-o", "c.xlsx")
    assert (code, out) == (0, "c.xlsx\n")
    code, out, _ = spapser(folder, "import", "c.xlsx", "--data-dir", "data")
    assert (code, out) == (0, "rien à importer : toutes les cellules de valeur sont vides (une "
                              "cellule vide veut dire 'non mesuré')\n")
    filled = fill(folder / "c.xlsx", 2018, {("charging-points", "", ""): 18,
                                            ("fuel-consumed", "cars", ""): -5})
    code, _, err = spapser(folder, "import", str(filled), "--data-dir", "data")
    assert code == 1
    assert err.splitlines()[-2:] == [
        f"{filled.name}!'Dir. achats et de la logistique'!I8: "
        "error[negative-quantity]: fuel-consumed.cars : une quantité ne peut pas être "
        "négative (-5 L)",
        "Erreur : 1 erreur(s) ; rien n'a été écrit"]
    filled = fill(folder / "c.xlsx", 2018, {("charging-points", "", ""): 18,
                                            ("fuel-consumed", "cars", ""): "NC"})
    code, out, _ = spapser(folder, "import", str(filled), "--data-dir", "data", "--dry-run")
    assert code == 0
    assert out.splitlines()[-1] == ("data/measures/2018.yaml : 2 valeur(s) ajoutée(s), 0 "
                                    "remplacée(s) (essai : rien n'est écrit)")
    assert any(line.startswith("+ measures.fuel-consumed.values.cars: non mesuré (NC)  (")
               for line in out.splitlines()), out
    assert leftover_english(out) == [], out
