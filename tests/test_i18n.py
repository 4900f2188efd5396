"""French and English: the catalogs are complete and compiled, the language is chosen as
documented, and only what a person reads changes with it."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from spapser_cli import i18n
from spapser_cli.entry import HELP_FILES
from spapser_cli.render.formatting import local_number

REPO = Path(__file__).resolve().parents[1]
LOCALES = REPO / "src" / "spapser_cli" / "locales"
POT = LOCALES / "spapser.pot"


def po_messages(language: str) -> dict[str, str]:
    with (LOCALES / language / "LC_MESSAGES" / "spapser.po").open("rb") as handle:
        catalog = read_po(handle, locale=language)
    return {m.id: m.string for m in catalog if m.id and isinstance(m.id, str)}


def pot_ids() -> set[str]:
    with POT.open("rb") as handle:
        return {m.id for m in read_po(handle) if m.id and isinstance(m.id, str)}


def test_the_template_holds_every_message_of_the_source():
    # Refresh with tools/catalogs.sh after adding or changing a message.
    keywords = {"_": None, "N_": None, "Message": None}
    found = {message for _, _, message, *_ in
             extract_from_dir(str(REPO / "src"), method_map=[("**.py", "python")],
                              keywords=keywords)}
    assert found == pot_ids()


def test_every_message_has_a_french_translation():
    french = po_messages("fr")
    missing = sorted(m for m in pot_ids() if not french.get(m))
    assert missing == [], f"no French for {missing} (tools/fr_messages.py, tools/catalogs.sh)"


def test_translations_keep_the_fields_of_their_message():
    for english, french in po_messages("fr").items():
        fields = {part.split("}")[0] for part in english.split("{")[1:]}
        assert fields == {part.split("}")[0] for part in french.split("{")[1:]}, english


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_compiled_catalogs_are_those_of_the_po_files(language: str):
    # Recompile with tools/catalogs.sh (pybabel compile) after editing a .po file.
    wanted = {k: v for k, v in po_messages(language).items() if v}
    assert i18n.read_mo(LOCALES / language / "LC_MESSAGES" / "spapser.mo") == wanted


@pytest.mark.parametrize(("env", "expected"), [
    ({"SPAPSER_LANG": "fr", "LANG": "C"}, "fr"),
    ({"SPAPSER_LANG": "en", "LC_ALL": "fr_FR.UTF-8"}, "en"),
    ({"LC_ALL": "fr_BE.UTF-8", "LANG": "en_GB.UTF-8"}, "fr"),
    ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),
    ({"LC_MESSAGES": "fr_CA", "LANG": "C"}, "fr"),
    ({"LANG": "fr_FR.UTF-8"}, "fr"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"SPAPSER_LANG": "es"}, "en"),
    ({}, "en"),
])
def test_language_from_the_environment(env: dict[str, str], expected: str):
    assert i18n.language_from_environment(env) == expected


def test_the_lang_option_comes_before_the_environment():
    assert i18n.language_from_argv(["--lang", "fr", "compute", "2015"]) == "fr"
    assert i18n.language_from_argv(["--debug", "--lang=EN", "compute"]) == "en"
    assert i18n.language_from_argv(["compute", "2015", "--lang", "fr"]) is None  # not a root option
    assert i18n.language_from_argv(["--lang", "de"]) is None


def test_french_numbers_use_a_decimal_comma_and_a_narrow_no_break_space():
    i18n.set_language("fr")
    assert local_number(137295.5, "t") == "137\u202f295,5"
    assert local_number(-11.45, "t") == "-11,45"
    i18n.set_language("en")
    assert local_number(137295.5, "t") == "137 295.5"


def spapser(*args: str, env: dict[str, str],
            data: bool = True) -> subprocess.CompletedProcess[bytes]:
    """The command in a process of its own, with this locale, on the shipped data."""
    clean = {k: v for k, v in os.environ.items()
             if k not in ("SPAPSER_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    folder = ["--data-dir", str(REPO / "data")] if data else []
    return subprocess.run([sys.executable, "-m", "spapser_cli", *args, *folder],
                          capture_output=True, check=False,
                          env={**clean, "COLUMNS": "120", **env}, cwd=REPO)


FRENCH = {"LANG": "fr_FR.UTF-8"}
ENGLISH = {"LANG": "C"}
ENGLISH_WORDS = ["indicators", "no data", "not met", "on track", "no target", "why",
                 "Warnings", " by 20", "computed", "reported", "previous", "change", "status",
                 "target", "not measured", "data:", "current folder"]


def test_compute_speaks_french_under_a_french_locale():
    done = spapser("compute", "2015", env=FRENCH)
    assert done.returncode == 0, done.stderr
    out, err = done.stdout.decode(), done.stderr.decode()
    assert err == "données : data (--data-dir)\n"
    lines = out.splitlines()
    assert lines[:2] == ["Département du Pas-de-Calais",
                         "Schéma de promotion des achats publics socialement et écologiquement "
                         "responsables — indicateurs 2015"]
    header = next(line for line in lines if line.startswith("indicateur · id"))
    assert header.split() == ["indicateur", "·", "id", "2015", "2014", "évolution", "cible",
                              "statut", "provenance"]
    share = lines[next(i for i, x in enumerate(lines) if "    paper-recycled-share " in x)]
    assert share.split()[1:] == ["38,5", "%", "26,6", "%", "+11,9", "pts", "≥", "30", "%",
                                 "d'ici", "2016", "atteint", "calculé"]
    label = lines[next(i for i, x in enumerate(lines) if "    paper-recycled-share " in x) - 1]
    assert label.startswith("  Part des consommations totales de papier")
    fleet = next(x for x in lines if "    fleet-low-emission-km-share " in x)
    assert fleet.split()[1:] == ["53", "%", "42", "%", "+11", "pts", "sans", "cible", "publié"]
    assert "n/d, pourquoi :" in lines
    assert ("  roadworks-recycled-priority-contracts : roadworks-contracts-recycled-priority "
            "non mesuré en 2015") in lines
    prose = re.sub(r"[a-z0-9]+(?:-[a-z0-9]+)+", "ID", out + err)  # ids stay English
    for word in ENGLISH_WORDS:
        assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", prose), word


def test_compute_speaks_english_under_the_c_locale():
    done = spapser("compute", "2015", env=ENGLISH)
    out = done.stdout.decode()
    assert done.stderr.decode() == "data: data (--data-dir)\n"
    assert "— indicators 2015" in out and "n/d, why:" in out
    fleet = next(x for x in out.splitlines() if "    fleet-low-emission-km-share " in x)
    assert fleet.split()[1:] == ["53", "%", "42", "%", "+11", "pts", "no", "target", "reported"]
    assert "non disponible" not in out and "pourquoi" not in out


def test_the_lang_option_wins_over_the_locale():
    done = spapser("--lang", "en", "compute", "2015", env=FRENCH)
    assert "— indicators 2015" in done.stdout.decode()
    done = spapser("--lang", "fr", "compute", "2015", env={"SPAPSER_LANG": "en"})
    assert "— indicateurs 2015" in done.stdout.decode()


@pytest.mark.parametrize("args", [("compute", "2015", "--format", "json"),
                                  ("series", "paper-recycled-share", "--format", "json"),
                                  ("compute", "2015", "--format", "csv-fr"),
                                  ("compute", "2015", "--format", "csv")])
def test_machine_outputs_are_the_same_in_both_languages(args: tuple[str, ...]):
    french, english = spapser(*args, env=FRENCH), spapser(*args, env=ENGLISH)
    assert french.returncode == english.returncode == 0
    assert french.stdout == english.stdout


def test_csv_fr_is_french_in_an_english_session():
    text = spapser("compute", "2015", "--format", "csv-fr", env=ENGLISH).stdout.decode("utf-8-sig")
    header = next(iter(io.StringIO(text))).strip()
    assert header.split(";")[:8] == ["année", "axe", "objectif", "action", "indicateur",
                                     "libellé", "catégorie", "valeur"]
    assert ";atteint;calculé;" in text and "non mesuré en 2015" in text


def test_series_speaks_french():
    done = spapser("series", "fleet-low-emission-km-share", env=FRENCH)
    lines = done.stdout.decode().splitlines()
    assert lines[0] == "Département du Pas-de-Calais"
    assert lines[1].endswith("— fleet-low-emission-km-share (1-1.5)")
    header = next(x for x in lines if x.startswith("année"))
    assert header.split() == ["année", "valeur", "évolution", "0", "…", "53", "%", "(│",
                              "cible)", "statut", "provenance"]
    assert next(x for x in lines if x.startswith("2015")).split()[:5] == [
        "2015", "53", "%", "+11", "pts"]
    assert lines[-1] == "  2016 : fleet-km-low-emission non mesuré en 2016"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_prerendered_help_of_each_language_is_what_typer_renders(language: str):
    # Regenerate both with `python -m spapser_cli.entry` after changing a command.
    code = "from spapser_cli.entry import render_toplevel_help as r; print(r(), end='')"
    rendered = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                              env={**os.environ, "SPAPSER_LANG": language}).stdout
    assert HELP_FILES[language].read_bytes() == rendered
    shown = spapser("--help", env={"SPAPSER_LANG": language}, data=False)  # from the file
    assert shown.stdout == rendered
    chosen = spapser("--lang", language, "--help", env={"LANG": "C"}, data=False)
    assert chosen.stdout == rendered


FIXTURES = REPO / "tests" / "fixtures" / "invalid"


def validate(folder: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return spapser("validate", "--data-dir", str(FIXTURES / folder), *args, env=env, data=False)


def test_validate_problems_in_french_codes_unchanged():
    done = validate("missing-key", env=FRENCH)
    lines = done.stdout.decode().splitlines()
    assert done.returncode == 1
    assert lines[0].endswith("/measures/2016.yaml:13:5: error[missing-key]: "
                             "measures.fuel-consumed.source : la clé obligatoire 'source' manque")
    assert lines[-1] == "1 fichier(s) vérifié(s) : 2 erreur(s), 0 avertissement(s)"
    typed = validate("wrong-type", env=FRENCH).stdout.decode().splitlines()[0]
    assert typed.endswith("/measures/2016.yaml:15:7: error[wrong-type]: "
                          "measures.fuel-consumed.values : attendu : un dictionnaire (clés et "
                          "valeurs) ; trouvé : une liste")
    unknown = validate("unknown-key", env=FRENCH).stdout.decode().splitlines()[0]
    assert unknown.endswith("error[unknown-key]: measures.paper-purchased.totl : clé inconnue "
                            "'totl' ; vouliez-vous dire 'total' ?")


def test_validate_json_is_the_same_in_both_languages():
    french = validate("missing-key", "--format", "json", env=FRENCH).stdout
    english = validate("missing-key", "--format", "json", env=ENGLISH).stdout
    assert french == english and b"required key 'source' is missing" in english


def test_command_help_in_french():
    done = spapser("--lang", "fr", "compute", "--help", env=ENGLISH, data=False)
    text = " ".join(done.stdout.decode().split())  # Click wraps to the width
    assert "Calcule chaque indicateur pour l'année YEAR et le compare à sa cible." in text
    assert "Seulement cet axe." in text and "--format" in text
    english = spapser("compute", "--help", env=ENGLISH, data=False).stdout.decode()
    assert "Compute every indicator for YEAR" in english


def test_measures_problems_in_french():
    measures = FIXTURES / "negative-quantity" / "measures" / "2016.yaml"
    done = spapser("validate", str(measures), env=FRENCH)
    first = done.stdout.decode().splitlines()[0]
    assert first.endswith("2016.yaml:5:3: error[unknown-variable]: aucune action ne déclare "
                          "de variable 'paper-purchased' ; vouliez-vous dire 'ugap-purchases' ?")
    english = spapser("validate", str(measures), env=ENGLISH).stdout.decode().splitlines()[0]
    assert english.endswith("no action declares a variable 'paper-purchased'; did you mean "
                            "'ugap-purchases'?")


def test_model_errors_raised_by_spapser_in_french():
    measures = FIXTURES / "french-number" / "measures" / "2016.yaml"
    lines = spapser("validate", str(measures), env=FRENCH).stdout.decode().splitlines()
    assert any(line.endswith("error[french-number]: measures.paper-purchased.values.recycled : "
                             "'38500,5' est un nombre écrit à la française ; écrivez-le 38500.5")
               for line in lines), lines
    english = spapser("validate", str(measures), env=ENGLISH).stdout.decode()
    assert "'38500,5' is a French-formatted number; write it as 38500.5" in english


def test_errors_of_compute_in_french():
    done = spapser("compute", "2099", env=FRENCH)
    assert done.returncode == 1
    assert done.stderr.decode().splitlines()[-1].startswith(
        "Erreur : pas de mesures pour 2099 (measures/2099.yaml) ; années avec des données : "
        "2009, ")
    english = spapser("compute", "2099", env=ENGLISH)
    assert english.returncode == 1
    assert english.stderr.decode().splitlines()[-1].startswith(
        "Error: no measures for 2099 (measures/2099.yaml); years with data: 2009, ")
    usage = spapser("compute", "2015", "--axis", "9", env=FRENCH)
    assert usage.returncode == 2
    assert usage.stderr.decode().splitlines()[-1] == "Erreur : pas d'axe 9 (axes : 1, 2, 3)"


def test_no_message_hides_inside_an_f_string():
    # pybabel (on Python 3.11) reads an f-string as one token: a `_("…")` inside it is never
    # extracted, so it would never be translated, and the other checks could not see it.
    hidden = re.compile(r"""\bf(["'])[^"'\n]*\{_\(""")
    src = REPO / "src"
    found = [f"{path.relative_to(src)}:{number}" for path in sorted(src.rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if hidden.search(line)]
    assert found == []
