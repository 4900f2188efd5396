"""`render.terminal.printable`: what reaches a terminal is what the file holds, on one line."""

from __future__ import annotations

import sys
import unicodedata

from spapser_cli.render.terminal import UNSAFE, json_text, printable

ESCAPED_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def test_every_control_format_and_separator_character_is_escaped() -> None:
    missed = [f"U+{cp:04X}" for cp in range(sys.maxunicode + 1)
              if unicodedata.category(chr(cp)) in ESCAPED_CATEGORIES
              and UNSAFE.fullmatch(chr(cp)) is None]
    assert missed == []


def test_printable_text_is_left_alone() -> None:
    french = "Développer l'utilisation — 1\u00a0000\u202f% « recyclé » 🌱"
    assert printable(french) is french
    assert UNSAFE.search("\u00a0\u202f\u2009 ") is None  # the spaces of French typography


def test_escapes_are_visible_and_on_one_line() -> None:
    assert printable("a\x1b[2Jb\n\r\tc\u2028d\u202ee\u200bf\ud800") == \
        "a\\x1b[2Jb\\n\\r\\tc\\u2028d\\u202ee\\u200bf\\ud800"
    assert printable("\U000e0041\x85") == "\\U000e0041\\x85"
    assert printable(printable("\x1b")) == printable("\x1b")  # idempotent


def test_json_text_escapes_what_json_dumps_leaves_raw_and_means_the_same() -> None:
    import json

    data = {"title": "a\x85b\u202ec\U000e0041d\udcff\n", "n": [1, 2]}
    text = json_text(data)
    assert UNSAFE.search(text.replace("\n", "")) is None
    assert "\\u202e" in text and "\\udb40\\udc41" in text and "\\udcff" in text
    assert json.loads(text) == data
