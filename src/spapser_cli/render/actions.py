"""Show the action sheets: a one-row-per-action table, one whole sheet, or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from spapser_cli.catalog import Catalog
from spapser_cli.render.compute import make_console
from spapser_cli.render.formatting import format_quantity
from spapser_cli.render.terminal import json_text, printable

if TYPE_CHECKING:
    from spapser_cli.read.models import Action, Indicator


def _safe(text: str) -> str:
    """User text for Rich: control and format characters escaped (`render.terminal`), then
    Rich's markup characters."""
    from rich.markup import escape

    return escape(printable(text))


def _targets_text(catalog: Catalog, indicator: Indicator) -> list[str]:
    unit = catalog.indicator_unit(indicator)
    texts = []
    for target in indicator.targets:
        sign = "≥" if target.direction == "at-least" else "≤"
        by = f" by {target.year}" if target.year else ""
        of = f"{target.category} " if target.category else ""
        if target.change is not None:
            amount = (f"{target.change:+g} pts" if target.change_unit == "points" else
                      f"{target.change:+g} %")
            texts.append(f"{of}{sign} {amount} on {target.reference_year}{by}")
        else:
            texts.append(f"{of}{sign} {format_quantity(target.value, unit, exact=True)}{by}")
    return texts


def action_to_dict(catalog: Catalog, action: Action) -> dict[str, Any]:
    """Every field of the sheet, plus where it sits in the scheme."""
    data: dict[str, Any] = action.to_dict()  # type: ignore[attr-defined]
    objective = catalog.objective(action.axis, action.objective)
    data["objective_title"] = objective.title if objective else None
    axis = catalog.axis(action.axis)
    data["axis_title"] = axis.title if axis else None
    for indicator, entry in zip(action.indicators, data["indicators"], strict=True):
        entry["unit"] = catalog.indicator_unit(indicator)
    return data


def actions_json(catalog: Catalog, actions: Sequence[Action]) -> str:
    return json_text({"actions": [action_to_dict(catalog, a) for a in actions]})


def print_actions_table(catalog: Catalog, actions: Sequence[Action]) -> None:
    from rich import box
    from rich.table import Table

    console = make_console()
    console.print(f"[bold]{_safe(catalog.scheme.title)}[/bold]")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("code", no_wrap=True)
    axis_word, objective_word = catalog.words()
    table.add_column(axis_word.lower(), justify="right")
    table.add_column(objective_word[:4].lower() + ".", justify="right")
    table.add_column("title", ratio=3)
    table.add_column("pilot", ratio=2)
    table.add_column("ind.", justify="right")
    table.add_column("targets", ratio=2)
    for action in actions:
        targets = [f"{i.id} {t}" for i in action.indicators for t in _targets_text(catalog, i)]
        pilot = action.pilots[0] + (f" (+{len(action.pilots) - 1})" if len(action.pilots) > 1
                                    else "")
        table.add_row(action.code, str(action.axis), str(action.objective),
                      _safe(action.title), _safe(pilot),
                      str(len(action.indicators)), "\n".join(_safe(t) for t in targets))
    console.print(table)
    console.print(f"{len(actions)} action(s); `spapser actions CODE` shows a whole sheet.")


def print_action_sheet(catalog: Catalog, action: Action) -> None:
    from rich import box
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table

    console = make_console()
    axis = catalog.axis(action.axis)
    objective = catalog.objective(action.axis, action.objective)
    header = f"[bold]{action.code}[/bold] {_safe(action.title)}"
    axis_word, objective_word = catalog.words()
    where = (f"{axis_word} {action.axis} · {_safe(axis.title if axis else '?')} — "
             f"{objective_word} {action.axis}-{action.objective} · "
             f"{_safe(objective.title if objective else '?')}")
    for link in action.links:  # other plans the action continues (Agenda 21...)
        where += f"\n{_safe(link.plan)}" + (f" : {_safe(link.reference)}" if link.reference
                                               else "")
    console.print(Panel(f"{header}\n[dim]{where}[/dim]", expand=True))

    def section(title: str, lines: Sequence[str]) -> None:
        if not lines:
            return
        console.print(f"[bold]{title}[/bold]")
        for line in lines:
            console.print(f"  • {_safe(line)}")

    section("Pilotage de l'action", action.pilots)
    section("Objectif de l'action", action.purpose)
    section("Directions impactées", action.impacted_directions)
    console.print("[bold]Description (résumé)[/bold]")
    console.print(Padding(_safe(action.summary), (0, 0, 0, 2)))
    section("Partenaires extérieurs", action.partners)
    section("Projets liés", action.related_projects)
    section("Calendrier d'exécution",
            [f"{s.text}" + (f" (échéance {s.due})" if s.due else "") for s in action.schedule])
    section("Modalités d'évaluation", action.evaluation_methods)
    if action.variables:
        console.print("[bold]Variables mesurées[/bold]")
        for variable in action.variables:
            cats = ", ".join(c.id for c in variable.categories)
            traits = [t for t, on in (("whole numbers", variable.whole_number),
                                      ("cumulative", variable.cumulative)) if on]
            extra = "".join(f"; {t}" for t in (cats, *traits) if t)
            console.print(f"  • {variable.id} [dim]({_safe(variable.unit)}"
                          f"{_safe(extra)})[/dim] {_safe(variable.label)}")
    if action.indicators:
        console.print("[bold]Indicateurs d'évaluation[/bold]")
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column("id", no_wrap=True)
        table.add_column("kind")
        table.add_column("unit")
        table.add_column("label", ratio=3)
        table.add_column("targets", ratio=2)
        for indicator in action.indicators:
            label = _safe(indicator.label)
            if indicator.note:
                label += f"\n[dim]note: {_safe(indicator.note)}[/dim]"
            targets = [f"{t}\n[dim]« {_safe(i.text)} »[/dim]" for t, i in
                       zip(_targets_text(catalog, indicator), indicator.targets, strict=True)]
            unit = _safe(catalog.indicator_unit(indicator) or "")
            table.add_row(indicator.id, indicator.kind, unit, label, "\n".join(targets))
        console.print(table)
    section("Notes", action.notes)
