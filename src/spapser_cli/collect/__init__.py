"""The yearly cycle: the evaluation plan, collection workbooks, their import, completeness.

Modules: `rows` (what a year's collection asks for), `columns` (the template's contract with
the import), `template` (the workbook and CSV the pilots fill in), `reading` (filled files
back into cells), `values` (what a cell means), `importing` (every cell checked, all or
nothing), `merge` (cells into a measures file), `yamledit` (round-trip edits that keep
comments), `status` (completeness), `plan` (proposing the evaluation plan).

Heavy libraries (openpyxl, ruamel.yaml) are imported inside the functions that use them.
"""
