"""spapser: follow a schéma de promotion des achats publics socialement et écologiquement
responsables (SPAPSER) kept as YAML files.

The data flows through one folder per stage (docs/design.md gives their layers):

    read/      data files → checked Catalog (YAML, models, checks across files)
    catalog/   the Catalog of plain records, and its snapshot cache
    engine/    the Catalog → one Result per indicator and year (pure)
    render/    Results → terminal tables, JSON, CSV
    export/    Results → the bilan workbook
    cli/       the command line, over all of them (entry.py starts it fast)

`problems.py` (Problem, codes, exit codes) and `files.py` (atomic writes) are shared by all.
"""

__version__ = "0.1.0"
