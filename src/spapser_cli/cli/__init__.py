"""The `spapser` command line: options in, one core call, a renderer, an exit code.

Kept thin on purpose: no computation here, and heavy modules (openpyxl, rich, Pydantic, the
engine) are imported inside the commands that need them, so that start-up stays fast.

- `app`: the Typer app, error handling, shared options and parsers, `main`;
- `data`: validate, schema, init, actions;
- `results`: compute, series, export, contracts;
- `collect`: template, import, status, plan (the yearly cycle).

The command modules register their commands on `app` when imported, in the order `--help`
lists them. The CLI may import every layer below it.
"""

# Imported for their commands, in the order `spapser --help` lists them.
# isort: off
from spapser_cli.cli import data  # noqa: E402,F401
from spapser_cli.cli import results  # noqa: E402,F401
from spapser_cli.cli import collect  # noqa: E402,F401
# isort: on
from spapser_cli.cli.app import app, main

__all__ = ["app", "main"]
