"""Load a data folder for a command: from the snapshot cache, or by reading every file.

This module stays light (no PyYAML, no Pydantic): a command whose data has not changed is
served from the snapshot without importing the readers at all. `folder` does the reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from spapser_cli.problems import InvalidDataError, Problem

if TYPE_CHECKING:
    from spapser_cli.catalog import Catalog
    from spapser_cli.read.folder import CatalogLoad


def require_catalog(data_dir: Path) -> tuple[Catalog, list[Problem]]:
    """Load for a command that needs valid data: raises `InvalidDataError` on any error.

    A catalog that passed is kept in the snapshot cache, so that the next command on unchanged
    files skips reading, validating and importing Pydantic altogether."""
    from spapser_cli.catalog import cache

    stamp = cache.fingerprint(data_dir) if cache.cache_dir() is not None else ""
    cached = cache.load(data_dir, stamp) if stamp else None
    if cached is not None:
        return cached
    loaded = load_catalog(data_dir)
    if loaded.errors or loaded.catalog is None:
        raise InvalidDataError(loaded.problems)
    if stamp:
        cache.save(data_dir, stamp, loaded.catalog, loaded.problems)
    return loaded.catalog, loaded.problems


def load_catalog(data_dir: Path, extra_files: Sequence[Path] = ()) -> CatalogLoad:
    """Read every file of `data_dir` (plus `extra_files`, which take the place of the file of
    the same kind and name) and return the catalog with every problem found."""
    from spapser_cli.read.folder import load_catalog as load

    return load(data_dir, extra_files)


