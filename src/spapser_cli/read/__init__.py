"""Files in, a checked `Catalog` out: the first stage of the data flow.

- `datadir`: which data folder to read;
- `yamlio`, `document`: the strict YAML reader and the parsed document with its positions;
- `models/`, `modelcheck`: the Pydantic model of each kind of file, and its errors as problems;
- `checks/`: the checks across files, one module per family;
- `folder`: reads a whole data folder into a `CatalogLoad` (catalog + every problem);
- `load`: what commands call: the snapshot when the files are unchanged, else `folder`;
- `schemas`: the JSON Schemas of the data files, for editors and CI.

May import `catalog` and the shared vocabulary (`problems`, `files`), nothing above. It
re-exports nothing, because its modules import PyYAML and Pydantic (~100 ms): a command
imports the one module it needs.
"""
