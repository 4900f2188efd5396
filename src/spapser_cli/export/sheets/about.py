"""The *À propos* sheet: the scheme, the data folder, how the file was made and how to read it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spapser_cli import __version__
from spapser_cli.export.cells import WRAP_LEFT, CellValue, Column, Sheet, Val, write_table
from spapser_cli.export.labels import CHECKS, DATA, SERIES, SUMMARY
from spapser_cli.files import absolute

if TYPE_CHECKING:
    from spapser_cli.export.bilan import Bilan


def add_about_sheet(ws: Sheet, bilan: Bilan) -> None:
    """The scheme, the data folder, when and how the file was made, and how to read it."""
    scheme = bilan.catalog.scheme
    plan = bilan.plan
    kind = (f"Bilan global {plan.first}-{plan.last}" if plan.global_bilan
            else f"Bilan annuel {plan.last}")
    evaluated = [", ".join(p.actions) for p in (scheme.evaluation.plan if scheme.evaluation
                                                 else []) if p.year == bilan.year]
    reproduce = bilan.reproduce_command()
    rows: list[tuple[str, CellValue | Val]] = [
        ("Document", Val(kind, bold=True)),
        ("Schéma", scheme.title),
        ("Organisation", scheme.organisation),
        ("Période du schéma", f"{scheme.period.start}-{scheme.period.end}"),
        ("Adopté le", Val(scheme.adopted, "DD/MM/YYYY")),
        ("Adopté par", scheme.adopted_by),
        ("Document d'origine", scheme.source),
        ("Années présentées", ", ".join(str(y) for y in bilan.years)),
        ("Valeurs de la synthèse", str(bilan.year)),
        (f"Actions évaluées en {bilan.year}", "; ".join(evaluated) or None),
        ("Dossier de données", str(absolute(bilan.catalog.data_dir))),
        ("Généré le", Val(bilan.generated, "DD/MM/YYYY HH:MM")),
        ("Version de spapser", __version__),
        ("Commande pour le reproduire", reproduce),
        ("Commande exécutée", bilan.command if bilan.command != reproduce else None),
        ("Pourcentages", "Nombres en pour cent, affichés avec « % » (38,5 signifie 38,5 %). "
         "L'évolution d'un pourcentage est en points (pts)."),
        ("Provenance", "« calculé » : calculé à partir des mesures ; « publié » : seul le "
         "chiffre publié est connu (recopié du document source)."),
        ("Statuts", "atteint · en bonne voie (au niveau de la trajectoire de l'année de "
         "référence vers la cible) · en retard · non atteint · sans cible · non disponible."),
        ("Qualificatifs", "≈ environ · > plus de · < moins de, comme le document source."),
        ("Feuilles", f"{SUMMARY} : le décompte des statuts, puis un indicateur par ligne "
         f"({bilan.year}), sa ventilation groupée dessous. "
         f"{bilan.catalog.words()[0]} 1, 2… : "
         f"fiches actions et indicateurs. {SERIES} : chaque indicateur chiffré, année par "
         f"année, et sa cible. Graphiques : une courbe ou un histogramme par indicateur, axe "
         "depuis zéro, chaque cible jusqu'à son échéance ; les cumuls à part. "
         f"{DATA} : chaque valeur mesurée ou publiée, avec sa source. {CHECKS} : "
         "avertissements et écarts entre valeurs publiées et calculées."),
    ]
    columns = [Column("Rubrique", 30, wrap=True),
               Column("Valeur", 100, wrap=True, alignment=WRAP_LEFT)]
    write_table(ws, columns, [[Val(label, bold=True), value] for label, value in rows
                              if value is not None], filters=False)
