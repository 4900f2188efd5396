"""The yearly cycle: the evaluation plan, collection workbooks, their import, completeness.

Modules: `rows` (what a year's collection asks for), `template` (the workbook and CSV the
pilots fill in), `reading` (filled files back into cells), `importing` (cells into a
measures file, all or nothing), `yamledit` (round-trip edits that keep comments), `status`
(completeness), `plan` (proposing the evaluation plan). Heavy libraries (openpyxl,
ruamel.yaml) are imported inside the functions that use them.
"""
