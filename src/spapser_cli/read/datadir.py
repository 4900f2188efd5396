"""Where the data folder is: `--data-dir` > `SPAPSER_DATA_DIR` > `./scheme.yaml` > `./data` >
the bundled example. Every command says which one it read (`DataFolder.describe`), so that the
bundled Pas-de-Calais data is never taken for the user's own."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from spapser_cli.i18n import N_, Message, _
from spapser_cli.problems import UsageError, display_path, os_reason

ENV_VAR = "SPAPSER_DATA_DIR"

# What a user reads on stderr, shown through the catalogs (spapser_cli.i18n).
ORIGINS = {
    "option": "--data-dir",
    "env": f"${ENV_VAR}",
    "here": N_("scheme.yaml in the current folder"),
    "local": N_("./data of the current folder"),
}
BUNDLED = N_("data: the bundled example (Pas-de-Calais 2017-2020), as there is no scheme.yaml "
             "here nor in ./data; give yours with --data-dir DIR or ${env}, or start one with "
             "`spapser init DIR --organisation NAME`")


@dataclass(frozen=True)
class DataFolder:
    """A data folder and why it was chosen (`option`, `env`, `here`, `local` or `bundled`)."""

    path: Path
    origin: str

    def describe(self) -> str:
        """The one line that says which data a command read."""
        if self.origin == "bundled":
            return _(BUNDLED).replace("${env}", f"${ENV_VAR}")
        return _("data: {folder} ({origin})").format(folder=display_path(self.path),
                                                     origin=_(ORIGINS[self.origin]))


def bundled_data_dir() -> Path:
    """The embedded Pas-de-Calais dataset: inside the wheel, or the source checkout's `data/`."""
    package = Path(__file__).resolve().parents[1]  # spapser_cli/read/datadir.py -> spapser_cli
    installed = package / "data"
    if (installed / "scheme.yaml").is_file():
        return installed
    return package.parents[1] / "data"  # editable install: src/spapser_cli -> repository root


def locate_data_dir(option: Path | None, cwd: Path | None = None) -> DataFolder:
    """The data folder to read, by order of precedence, with why it was chosen.

    Raises `UsageError` when the folder given is not a folder."""
    if option is not None:
        chosen, origin, name = option, "option", "--data-dir"
    elif os.environ.get(ENV_VAR):
        chosen, origin, name = Path(os.environ[ENV_VAR]), "env", ENV_VAR
    else:
        here = cwd or Path.cwd()
        if (here / "scheme.yaml").is_file():
            return DataFolder(here, "here")
        local = here / "data"
        if (local / "scheme.yaml").is_file():
            return DataFolder(local, "local")
        return DataFolder(bundled_data_dir(), "bundled")
    try:
        is_folder = stat.S_ISDIR(os.stat(chosen).st_mode)
    except FileNotFoundError:
        is_folder = False
    except (OSError, ValueError) as exc:  # a link loop, a name too long, no permission
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(Message("{option}: {folder}: {reason}", option=name,
                                 folder=str(chosen), reason=os_reason(reason))) from None
    if not is_folder:
        raise UsageError(Message("{option}: {folder} is not a folder", option=name,
                                 folder=str(chosen)))
    return DataFolder(chosen, origin)


def resolve_data_dir(option: Path | None, cwd: Path | None = None) -> Path:
    """The data folder to read (see `locate_data_dir`)."""
    return locate_data_dir(option, cwd).path
