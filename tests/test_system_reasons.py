"""The system's reasons for a failed write, in the user's language (`files.system_reason`)."""

from __future__ import annotations

import errno
from pathlib import Path

from typer.testing import CliRunner

from spapser_cli.cli import app
from spapser_cli.files import system_reason, write_text_atomic
from spapser_cli.i18n import translate
from spapser_cli.problems import OutputError


def test_a_common_reason_is_translated_and_stays_the_systems_text_in_english():
    reason = system_reason(OSError(errno.ENOSPC, "No space left on device"))
    assert reason == "No space left on device"  # what JSON and English show
    assert translate(reason, "fr") == "Plus de place sur le disque"
    assert translate(system_reason(PermissionError(errno.EACCES, "Permission denied")),
                     "fr") == "Permission refusée"


def test_an_uncommon_reason_is_the_systems_own_text():
    assert system_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == (
        "Invalid cross-device link")
    assert system_reason(ValueError("embedded null byte")) == "embedded null byte"


def test_an_unwritable_output_is_one_french_line(tmp_path: Path):
    target = tmp_path / "absent" / "bilan.xlsx"
    result = CliRunner().invoke(app, ["--lang", "fr", "export", "2015", "-o", str(target)])
    assert result.exit_code == 3
    assert result.stderr.splitlines()[-1] == (
        f"Erreur : impossible d'écrire {target} : le dossier {target.parent} n'existe pas")


def test_writing_onto_a_folder_names_it_in_french(tmp_path: Path):
    (tmp_path / "out.yaml").mkdir()
    try:
        write_text_atomic(tmp_path / "out.yaml", "x: 1\n")
    except OutputError as error:
        assert translate(error.args[0], "fr") == (
            f"impossible d'écrire {tmp_path / 'out.yaml'} : c'est un dossier")
    else:
        raise AssertionError("a folder was overwritten")


def test_a_write_removes_what_a_killed_write_left_a_day_ago(tmp_path: Path):
    import os
    import time

    old = tmp_path / ".spapser-0123456789abcdef.tmp"
    old.mkdir()
    (old / "part").write_text("half a workbook")
    recent = tmp_path / ".spapser-fedcba9876543210.tmp"  # perhaps a write in progress
    recent.mkdir()
    lookalike = tmp_path / ".spapser-notes.tmp"  # a file of the user's, not our folder
    lookalike.write_text("mine")
    day_and_a_bit = time.time() - 25 * 3600
    os.utime(old, (day_and_a_bit, day_and_a_bit))
    os.utime(lookalike, (day_and_a_bit, day_and_a_bit))
    write_text_atomic(tmp_path / "out.yaml", "x: 1\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".spapser-fedcba9876543210.tmp", ".spapser-notes.tmp", "out.yaml"]


def test_the_exports_own_errors_are_in_french(tmp_path: Path):
    runner = CliRunner()
    done = runner.invoke(app, ["--lang", "fr", "export", "--from", "2030", "--to", "2031"])
    assert (done.exit_code, done.stderr.splitlines()[-1]) == (1, (
        "Erreur : pas de mesures entre 2030 et 2031 ; années avec des données : 2009, 2010, "
        "2011, 2012, 2013, 2014, 2015, 2016"))
    target = tmp_path / "bilan.xlsx"
    (tmp_path / ".~lock.bilan.xlsx#").write_text("someone,host,2026")  # LibreOffice has it
    done = runner.invoke(app, ["--lang", "fr", "export", "2015", "-o", str(target)])
    assert (done.exit_code, done.stderr.splitlines()[-1]) == (3, (
        f"Erreur : impossible d'écrire {target} : il est ouvert dans un tableur (fichier de "
        "verrou .~lock.bilan.xlsx#) ; fermez-le et recommencez"))
