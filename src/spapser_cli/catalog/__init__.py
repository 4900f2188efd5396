"""The validated data in memory, and its snapshot cache.

- `catalog`: the `Catalog` (scheme, action sheets, measures by year) and its lookups;
- `records`: validated models turned into plain records, so that computing needs no Pydantic;
- `cache`: snapshots of a catalog that passed, so that repeated commands start fast.

May import only `spapser_cli.problems` and `spapser_cli.files` (the shared vocabulary). It never
reads data files itself: `read` builds the catalog.
"""

from spapser_cli.catalog.catalog import FIRST_YEAR, LAST_YEAR, PERCENT, Catalog

__all__ = ["FIRST_YEAR", "LAST_YEAR", "PERCENT", "Catalog"]
