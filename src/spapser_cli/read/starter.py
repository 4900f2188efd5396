"""`spapser init`: a ready data repository for a new scheme.

Writes a scheme with one axis, one objective and one action, that action's sheet, a measures
file for the current year, the folder's JSON Schemas, a `.pre-commit-config.yaml` and a
`.gitignore`; then makes the folder a git repository whose pre-commit hook runs
`spapser validate`. Nothing is ever overwritten: when any of these files exists, nothing is
written at all.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from spapser_cli.files import write_text_atomic
from spapser_cli.i18n import Message
from spapser_cli.problems import OutputError, UsageError, os_reason

ACTION_CODE = "A-1"

# What the user reads in the files is French: they are the organisation's own data.
SCHEME = """\
# yaml-language-server: $schema=schemas/scheme.schema.json
#
# Le schéma de {organisation}, créé par `spapser init` : complétez les axes, les objectifs
# et la liste des actions. Chaque action listée a sa fiche dans actions/<code>.yaml.

organisation: {organisation_yaml}
title: Schéma de promotion des achats publics socialement et écologiquement responsables
period:
  start: {year}
  end: {end}    # à corriger
adopted: {today}  # date d'adoption, à corriger
words:            # les mots du schéma (par défaut Axe et Objectif)
  axis: Axe
  objective: Objectif

axes:
  - number: 1
    title: Premier axe (à renommer)
    objectives:
      - number: 1
        title: Premier objectif (à renommer)
        actions:
          - {code}
"""

ACTION = """\
# yaml-language-server: $schema=../schemas/action.schema.json
code: {code}
title: Première action (à renommer)
axis: 1
objective: 1
pilots:
  - Service pilote (à compléter)
purpose:
  - Ce que l'action cherche à obtenir (à compléter)
summary: Description de l'action (à compléter).

variables:
  - id: example-count
    label: Exemple de quantité mesurée chaque année (à remplacer)
    unit: nombre
    whole_number: true

indicators:
  - id: example-indicator
    kind: value
    label: Exemple d'indicateur (à remplacer)
    quantity:
      variable: example-count
"""

MEASURES = """\
# yaml-language-server: $schema=../schemas/measures.schema.json
#
# Les valeurs mesurées en {year}, chacune avec sa source, par exemple :
#   example-count:
#     unit: nombre
#     value: 12
#     source: Tableau de suivi {year}
year: {year}
measures: {{}}
reported: {{}}
"""

PRE_COMMIT = """\
# Checks the whole data folder before each commit (https://pre-commit.com).
# `spapser init` also installed the same check as .git/hooks/pre-commit.
repos:
  - repo: local
    hooks:
      - id: spapser-validate
        name: spapser validate
        entry: spapser validate
        language: system
        pass_filenames: false
        files: ^(scheme\\.yaml|actions/.*\\.ya?ml|measures/.*\\.ya?ml)$
"""

GITIGNORE = "# Workbooks written by `spapser export`\nreports/\n"

GIT_HOOK = """\
#!/bin/sh
# Installed by `spapser init`: check the whole data folder before each commit.
if command -v spapser >/dev/null 2>&1; then
  exec spapser validate
fi
exec {python} -m spapser_cli validate
"""


def planned_files(folder: Path, organisation: str, today: date) -> dict[Path, str]:
    """Every file `init` writes, with its text."""
    year = today.year
    organisation_yaml = _yaml_text(organisation)
    return {
        folder / "scheme.yaml": SCHEME.format(organisation=organisation,
                                              organisation_yaml=organisation_yaml, year=year,
                                              end=year + 3, today=today.isoformat(),
                                              code=ACTION_CODE),
        folder / "actions" / f"{ACTION_CODE}.yaml": ACTION.format(code=ACTION_CODE),
        folder / "measures" / f"{year}.yaml": MEASURES.format(year=year),
        folder / ".pre-commit-config.yaml": PRE_COMMIT,
        folder / ".gitignore": GITIGNORE,
    }


def _yaml_text(text: str) -> str:
    """`text` as a double-quoted YAML scalar (an organisation may hold `:` or `#`)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def init_data_folder(folder: Path, organisation: str, today: date | None = None) -> list[str]:
    """Write a ready data repository into `folder`; return what was done, one line each.

    Refuses (`OutputError`, before writing anything) when one of its files exists."""
    organisation = organisation.strip()
    if not organisation or any(ord(ch) < 32 for ch in organisation):
        raise UsageError(Message("--organisation: give the organisation's name on one line"))
    if folder.exists() and not folder.is_dir():
        raise OutputError(Message("cannot write into {folder}: it is a file",
                                  folder=str(folder)))
    files = planned_files(folder, organisation, today or date.today())
    schemas = [folder / "schemas" / f"{kind}.schema.json"
               for kind in ("scheme", "action", "measures")]
    for path in [*files, *schemas]:
        if path.exists():
            raise OutputError(Message("{file} already exists: spapser init never overwrites a "
                                      "file (choose a new or empty folder)", file=str(path)))
    for sub in ("actions", "measures", "schemas"):
        try:
            (folder / sub).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(Message("cannot create {folder}: {reason}",
                                      folder=str(folder / sub),
                                      reason=os_reason(exc.strerror or str(exc)))) from None
    for path, text in files.items():
        write_text_atomic(path, text)
    done = [f"wrote {path}" for path in files]
    done += [f"wrote {path}" for path in _write_schemas(folder)]
    done += _git(folder)
    return done


def _write_schemas(folder: Path) -> list[Path]:
    """The folder's own schemas, built from what was just written."""
    from spapser_cli.read.dataset_schemas import write_dataset_schemas
    from spapser_cli.read.load import load_catalog

    loaded = load_catalog(folder)
    if loaded.catalog is None or loaded.errors:  # our own templates are wrong: a bug
        raise RuntimeError(f"spapser init wrote an invalid folder: {loaded.errors[:1]}")
    return write_dataset_schemas(loaded.catalog, folder / "schemas")


def _git(folder: Path) -> list[str]:
    """Make the folder a git repository whose pre-commit hook runs `spapser validate`."""
    git = shutil.which("git")
    if git is None:
        return ["git not found: run `git init` and copy .pre-commit-config.yaml's hook"]
    done = []
    if not (folder / ".git").exists():
        initialised = subprocess.run([git, "init", "-q", str(folder)], capture_output=True,
                                     text=True, check=False)
        if initialised.returncode != 0:
            return [f"git init failed: {initialised.stderr.strip()}"]
        done.append(f"made {folder} a git repository")
    hooks = folder / ".git" / "hooks"
    hook = hooks / "pre-commit"
    if hook.exists():
        return [*done, f"kept the existing {hook}"]
    hooks.mkdir(parents=True, exist_ok=True)
    write_text_atomic(hook, GIT_HOOK.format(python=shlex.quote(sys.executable)))
    hook.chmod(0o755)
    return [*done, f"installed {hook} (spapser validate before each commit)"]
