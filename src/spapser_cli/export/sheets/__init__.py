"""The sheets of the bilan workbook, one module each, fed by a `Bilan` (the engine's results).

Layout only: every figure comes from a `Result`, a measure or a reported value as the data
gives it. Sheet titles, headers and labels are in French, for the readers of the bilan.
"""
