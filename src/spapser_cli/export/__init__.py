"""The bilan workbook for the steering committees: `spapser export`.

- `bilan`: what the workbook holds (which years, which results, which checks), no layout;
- `write`: checks the target, builds the workbook and saves it atomically;
- `workbook`: the sheets in reading order (`sheets/`, one module per sheet) and `charts`;
- `cells`, `rows`, `labels`: safe cells over XlsxWriter, the cells of a result, the French words.

May import `engine`, `render.formatting` (so that the terminal and the workbook spell a number
alike), `catalog` and the shared vocabulary. XlsxWriter is imported only by `workbook` and the
modules it uses, when a workbook is actually written.
"""
