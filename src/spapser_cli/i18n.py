"""The language of what a person reads: French or English, through gettext catalogs.

The language comes from `--lang fr|en`, then `SPAPSER_LANG`, then the locale (`LC_ALL`,
`LC_MESSAGES`, `LANG`: `fr_*` gives French), then English. Only what a person reads changes:
problem codes, JSON keys and ids stay English in every language.

Messages are English in the source and marked `_("…")` (`pybabel extract` finds them; the
commands are in README.md). The catalogs are compiled (`locales/*/LC_MESSAGES/spapser.mo`)
and shipped in the package, so Babel is needed only to edit them. A catalog is read at the
first message that needs it, by a small .mo reader: the standard `gettext` module imports
`re` and `locale`, about 10 ms, a third of `spapser --help`.

A message with fields is translated whole, then filled: `_("no action {code}").format(code=…)`,
so that the translator sees the sentence and may move the fields.
"""

from __future__ import annotations

import os
from pathlib import Path

LANGUAGES = ("fr", "en")
DOMAIN = "spapser"
LOCALES = Path(__file__).with_name("locales")
ENV_VAR = "SPAPSER_LANG"

_state: dict[str, str | None] = {"language": None}
_catalogs: dict[str, dict[str, str]] = {}


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    """`SPAPSER_LANG`, then the first set of `LC_ALL`, `LC_MESSAGES`, `LANG` (as gettext reads
    them): `fr…` is French, anything else English."""
    env = os.environ if environ is None else environ
    chosen = env.get(ENV_VAR, "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def language_from_argv(argv: list[str]) -> str | None:
    """The value of the root option `--lang fr` (or `--lang=fr`), read before Click parses
    the command line so that the help texts are already in that language. Only the options
    before the command count, as for Click; None when absent or not a known language (Click
    then reports the bad value)."""
    index = 0
    while index < len(argv) and argv[index].startswith("-"):
        arg, value = argv[index], None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
            index += 1
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value is not None:
            return value.lower() if value.lower() in LANGUAGES else None
        index += 1
    return None


def set_language(language: str | None) -> None:
    """Fix the language for the rest of the process (None: choose again from the environment)."""
    _state["language"] = language if language in LANGUAGES else None


def current_language() -> str:
    language = _state["language"]
    if language is None:
        language = language_from_environment()
        _state["language"] = language
    return language


def is_french() -> bool:
    return current_language() == "fr"


def read_mo(path: Path) -> dict[str, str]:
    """The messages of a compiled GNU catalog (.mo), without plural forms (spapser uses none).

    Layout (GNU gettext manual, "The Format of GNU MO Files"): a magic number, a revision,
    the count N, then the offsets of two tables of N (length, offset) pairs: originals and
    translations."""
    import struct

    data = path.read_bytes()
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">"
    _, count, originals, translations = struct.unpack(order + "4I", data[4:20])
    messages: dict[str, str] = {}
    for i in range(count):
        length, offset = struct.unpack(order + "2I", data[originals + 8 * i:originals + 8 * i + 8])
        key = data[offset:offset + length].decode("utf-8")
        length, offset = struct.unpack(order + "2I",
                                       data[translations + 8 * i:translations + 8 * i + 8])
        if key:  # the empty key holds the catalog's header
            messages[key] = data[offset:offset + length].decode("utf-8")
    return messages


def catalog(language: str) -> dict[str, str]:
    """The compiled catalog of `language`, read once."""
    if language not in _catalogs:
        path = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
        try:
            _catalogs[language] = read_mo(path)
        except OSError:  # a broken installation: English rather than a crash
            _catalogs[language] = {}
    return _catalogs[language]


def _(message: str) -> str:
    """`message` in the current language (itself when the catalog has no translation)."""
    return catalog(current_language()).get(message) or message


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; translate it with `_` where shown."""
    return message


class Message(str):
    """An English message that remembers its template and fields, so that a renderer can
    show it in another language while JSON keeps the English text: `Message("not measured in
    {year}", year=2015)` is the string "not measured in 2015"; `translate` gives the French."""

    template: str
    fields: dict[str, object]

    def __new__(cls, template: str, **fields: object) -> Message:
        # Without fields the template is the text itself: it may hold a brace (a YAML
        # parser's "did not find expected ',' or '}'").
        text = super().__new__(cls, template.format(**fields) if fields else template)
        text.template = template
        text.fields = fields
        return text

    def __reduce__(self) -> tuple[object, ...]:  # pickled as the class, not as a plain str
        return (_rebuild, (self.template, self.fields))


def _rebuild(template: str, fields: dict[str, object]) -> Message:
    return Message(template, **fields)


class Grouped(int):
    """A whole number a message shows with its thousands grouped, in the language's way:
    `1,048,577` in English (and JSON), `1 048 577` in French."""

    def __format__(self, spec: str) -> str:
        return format(int(self), spec or ",")

    def __str__(self) -> str:
        return format(self)

    def __reduce__(self) -> tuple[object, ...]:
        return (Grouped, (int(self),))


def _field(value: object, language: str | None) -> object:
    if isinstance(value, Message):
        return translate(value, language)
    if isinstance(value, Grouped) and (language or current_language()) == "fr":
        return f"{int(value):,}".replace(",", "\u202f")
    return value


def translate(text: str, language: str | None = None) -> str:
    """A message in the current language (or `language`): a `Message` is translated whole,
    then filled (its fields translated too when they are messages); a plain string through
    the catalog."""
    messages = catalog(language or current_language())
    if isinstance(text, Message):
        fields = {k: _field(v, language) for k, v in text.fields.items()}
        found = messages.get(text.template) or text.template
        return found.format(**fields) if fields else found
    return messages.get(text) or text


def french(message: str) -> str:
    """`message` from the French catalog whatever the language: the `csv-fr` export is for
    French spreadsheets."""
    return catalog("fr").get(message) or message
