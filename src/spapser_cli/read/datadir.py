"""Where the data folder is: `--data-dir` > `SPAPSER_DATA_DIR` > `./data` > the bundled dataset."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from spapser_cli.problems import UsageError

ENV_VAR = "SPAPSER_DATA_DIR"


def bundled_data_dir() -> Path:
    """The embedded Pas-de-Calais dataset: inside the wheel, or the source checkout's `data/`."""
    package = Path(__file__).resolve().parents[1]  # spapser_cli/read/datadir.py -> spapser_cli
    installed = package / "data"
    if (installed / "scheme.yaml").is_file():
        return installed
    return package.parents[1] / "data"  # editable install: src/spapser_cli -> repository root


def resolve_data_dir(option: Path | None, cwd: Path | None = None) -> Path:
    """The data folder to read, by order of precedence.

    Raises `UsageError` when the folder given is not a folder."""
    if option is not None:
        chosen, origin = option, "--data-dir"
    elif os.environ.get(ENV_VAR):
        chosen, origin = Path(os.environ[ENV_VAR]), ENV_VAR
    else:
        local = (cwd or Path.cwd()) / "data"
        if (local / "scheme.yaml").is_file():
            return local
        return bundled_data_dir()
    try:
        is_folder = stat.S_ISDIR(os.stat(chosen).st_mode)
    except FileNotFoundError:
        is_folder = False
    except (OSError, ValueError) as exc:  # a link loop, a name too long, no permission
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(f"{origin}: {chosen}: {reason}") from None
    if not is_folder:
        raise UsageError(f"{origin}: {chosen} is not a folder")
    return chosen
