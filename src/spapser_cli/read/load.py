"""Load a data folder for a command: from the snapshot cache, or by reading every file.

This module stays light (no PyYAML, no Pydantic): a command whose data has not changed is
served from the snapshot without importing the readers at all. `folder` does the reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from spapser_cli.i18n import Message
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
    if loaded.catalog is None:
        raise InvalidDataError(loaded.problems)
    catalog, problems = loaded.catalog, loaded.problems
    if loaded.errors:
        catalog, problems = without_broken_years(data_dir, catalog, problems)
    if stamp:
        cache.save(data_dir, stamp, catalog, problems)
    return catalog, problems


def without_broken_years(data_dir: Path, catalog: Catalog, problems: list[Problem],
                         ) -> tuple[Catalog, list[Problem]]:
    """A measures file with errors blocks only its own year: the catalog without those years,
    and one warning per broken file. Errors anywhere else raise `InvalidDataError`."""
    import dataclasses

    from spapser_cli.problems import display_path

    folder = display_path(data_dir / "measures")
    broken: dict[int, str] = {}
    for problem in problems:
        if problem.severity != "error":
            continue
        path = Path(problem.file)
        if display_path(path.parent) != folder or not path.stem.isdigit():
            raise InvalidDataError(problems)
        broken[int(path.stem)] = problem.file
    counts = {file: sum(p.file == file and p.severity == "error" for p in problems)
              for file in broken.values()}
    warnings = [Problem(file, "broken-year", Message(
                        "{count} error(s): year {year} is left out until they are fixed "
                        "(`spapser validate {file}`)", count=counts[file], year=year, file=file),
                        severity="warning") for year, file in sorted(broken.items())]
    # One line per broken file: its own warnings wait until its errors are fixed.
    kept = [p for p in problems if p.severity != "error" and p.file not in counts]
    catalog = dataclasses.replace(
        catalog, measures={y: m for y, m in catalog.measures.items() if y not in broken},
        measures_files={y: f for y, f in catalog.measures_files.items() if y not in broken},
        broken_measures=broken)
    return catalog, [*warnings, *kept]


def load_catalog(data_dir: Path, extra_files: Sequence[Path] = ()) -> CatalogLoad:
    """Read every file of `data_dir` (plus `extra_files`, which take the place of the file of
    the same kind and name) and return the catalog with every problem found."""
    from spapser_cli.read.folder import load_catalog as load

    return load(data_dir, extra_files)


