"""What the user reads in the terminal or pipes on: tables, JSON and CSV of the engine's results.

- `formatting`: how numbers are shown (shared with the workbook);
- `plaintable`: a fast fixed-layout text table with optional colour;
- `compute`: the `compute` outputs; `series`: the `series` outputs; `actions`: the action
  sheets (Rich);
- `problems`: problems as `file:line:col` lines, JSON or GitHub annotations;
- `status`: the completeness report of `spapser status` (a `collect` result, typed only).

Renderers never compute: they read `engine` results and the `catalog`. May import those and
the shared vocabulary, nothing above (no `export`, no `cli`).
"""
