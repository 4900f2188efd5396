"""Click's and Typer's own words (`Usage:`, `Options`, `Missing argument`…) in the user's
language, through spapser's catalog.

Typer keeps a copy of Click whose messages are English literals, and its own few messages go
through the standard `gettext` (bound at import, as `_`). So: Typer's `_` is pointed at our
catalog, the usage prefix and the help option's text are given in the user's language, and a
usage error is worded again from the exception's fields (`usage_message`), its inner phrase
matched against the English patterns Click and Typer build it from. A phrase no pattern knows
stays English rather than being lost. Nothing here is imported before a command runs through
Typer: `spapser --help` is served from a file.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from spapser_cli.i18n import N_, _

# Typer's own messages (typer/core.py, through gettext), listed so that the catalog has them.
TYPER_MESSAGES = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("required"),
    N_("default: {default}"),
    N_("(dynamic)"),
    N_("env var: {var}"),
    N_("Aborted!"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("{heading}:"),
)

# The inner phrases of Click's and Typer's usage errors: the English pattern, then the message
# it becomes (its groups are the fields). Compiled at the first usage error, not at start-up.
_PHRASES: tuple[tuple[str, str], ...] = (
    (r"^No such command (?P<name>'.*')\.$", N_("No such command {name}.")),
    (r"^Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)$",
     N_("Got unexpected extra argument(s) ({args})")),
    (r"^Option (?P<name>'.*') does not take a value\.$",
     N_("Option {name} does not take a value.")),
    (r"^Option (?P<name>'.*') requires an argument\.$",
     N_("Option {name} requires an argument.")),
    (r"^Option (?P<name>'.*') requires (?P<count>\d+) arguments\.$",
     N_("Option {name} requires {count} arguments.")),
    (r"^(?P<value>'.*') is not one of (?P<choices>.*)\.$",
     N_("{value} is not one of {choices}.")),
    (r"^(?P<value>.*) is not a valid integer\.$", N_("{value} is not a valid integer.")),
    (r"^(?P<value>.*) is not a valid float\.$", N_("{value} is not a valid number.")),
    (r"^(?P<value>.*) is not a valid boolean\. Recognized values: (?P<states>.*)$",
     N_("{value} is not a valid boolean. Recognized values: {states}")),
    (r"^Directory (?P<name>.*) does not exist\.$", N_("Directory {name} does not exist.")),
    (r"^File (?P<name>.*) does not exist\.$", N_("File {name} does not exist.")),
    (r"^Path (?P<name>.*) does not exist\.$", N_("Path {name} does not exist.")),
    (r"^Directory (?P<name>.*) is a file\.$", N_("Directory {name} is a file.")),
    (r"^File (?P<name>.*) is a directory\.$", N_("File {name} is a directory.")),
    (r"^(?:File|Directory|Path) (?P<name>.*) is not readable\.$",
     N_("{name} is not readable.")),
    (r"^(?:File|Directory|Path) (?P<name>.*) is not writable\.$",
     N_("{name} is not writable.")),
)

_DID_YOU_MEAN = r"^(?P<message>.*)\. Did you mean (?P<close>.*)\?$"


def phrase(text: str) -> str:
    """One of Click's English phrases in the user's language (itself when unknown)."""
    found = re.match(_DID_YOU_MEAN, text, re.S)
    if found:  # Typer adds the suggestion to the "no such command" message
        return _("{message} Did you mean {close}?").format(
            message=phrase(found["message"] + "."), close=found["close"])
    for pattern, message in _PHRASES:
        match = re.match(pattern, text, re.S)
        if match:
            return _(message).format(**match.groupdict())
    return _(text)


def _hint(exc: Any) -> str | None:
    if exc.param_hint is not None:
        hint = exc.param_hint
    elif exc.param is not None:
        hint = exc.param.get_error_hint(exc.ctx)
    else:
        return None
    return hint if isinstance(hint, str) else " / ".join(repr(x) for x in hint)


def usage_message(exc: Any) -> str:
    """A Click usage error's message (`format_message()`), worded in the user's language."""
    errors = _click_modules()[1]
    if isinstance(exc, errors.MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else None)
        hint = _hint(exc)
        missing = {"argument": N_("Missing argument {name}."),
                   "option": N_("Missing option {name}.")}.get(kind or "",
                                                               N_("Missing parameter {name}."))
        text = _(missing).format(name=hint or "").replace(" .", ".")
        return f"{text} {phrase(exc.message)}" if exc.message else text
    if isinstance(exc, errors.BadParameter):
        hint = _hint(exc)
        if hint is None:
            return _("Invalid value: {message}").format(message=phrase(exc.message))
        return _("Invalid value for {name}: {message}").format(name=hint,
                                                               message=phrase(exc.message))
    if isinstance(exc, errors.NoSuchOption):
        text = (_("No such option: {name}").format(name=exc.option_name)
                if exc.message == f"No such option: {exc.option_name}" else phrase(exc.message))
        if exc.possibilities:
            text += " " + _("(Possible options: {options})").format(
                options=", ".join(sorted(exc.possibilities)))
        return text
    return phrase(exc.message)


def _click_modules() -> tuple[Any, Any, Any, Any]:
    """Typer's copy of Click (core, exceptions, formatting, decorators), else Click itself."""
    try:
        from typer._click import core, decorators, exceptions, formatting
    except ImportError:  # pragma: no cover - a Typer that uses the installed Click
        from click import core, decorators, exceptions, formatting  # type: ignore[no-redef]
    return core, exceptions, formatting, decorators


_installed = [False]


def install() -> None:
    """Route Typer's and Click's help words through our catalog (once per process)."""
    if _installed[0]:
        return
    _installed[0] = True
    import gettext

    core, _errors, formatting, _decorators = _click_modules()
    # Modules that bound the standard `gettext` as `_` (Typer's core; Click itself, in the
    # Typer releases that use it): their messages now come from our catalog.
    for name in ("typer.core", "typer.main", "typer.rich_utils", "click.core",
                 "click.exceptions", "click.formatting", "click.decorators", "click.parser",
                 "click.types", "click.termui"):
        module = sys.modules.get(name)
        if module is not None and getattr(module, "_", None) is gettext.gettext:
            module._ = _  # type: ignore[attr-defined]

    write_usage = formatting.HelpFormatter.write_usage

    def translated_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, _("Usage: ") if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = translated_usage

    def translated_heading(self: Any, heading: str) -> None:  # `Options :` in French
        self.write(f"{'':>{self.current_indent}}" + _("{heading}:").format(heading=heading)
                   + "\n")

    formatting.HelpFormatter.write_heading = translated_heading

    get_help_option = core.Command.get_help_option

    def translated_help_option(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = _("Show this message and exit.")
        return option

    core.Command.get_help_option = translated_help_option
