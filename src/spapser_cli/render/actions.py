"""Show the action sheets: a one-row-per-action table, one whole sheet, or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from spapser_cli.catalog import Catalog
from spapser_cli.i18n import N_, _
from spapser_cli.render.compute import KIND_LABELS, make_console
from spapser_cli.render.formatting import COUNT_UNIT, local_number
from spapser_cli.render.terminal import json_text, printable

if TYPE_CHECKING:
    from spapser_cli.read.models import Action, Indicator


def _safe(text: str) -> str:
    """User text for Rich: control and format characters escaped (`render.terminal`), then
    Rich's markup characters."""
    from rich.markup import escape

    return escape(printable(text))


def _targets_text(catalog: Catalog, indicator: Indicator) -> list[str]:
    """Each target as `≥ 50 % by 2017`, `recycled ≥ +5 pts on 2015 by 2020`, in the current
    language, numbers spelt as in the `compute` table."""
    unit = catalog.indicator_unit(indicator)
    texts = []
    for target in indicator.targets:
        sign = "≥" if target.direction == "at-least" else "≤"
        by = _(" by {year}").format(year=target.year) if target.year else ""
        of = f"{target.category} " if target.category else ""
        if target.change is not None:
            change = local_number(target.change, None, signed=True, exact=True)
            amount = f"{change} pts" if target.change_unit == "points" else f"{change} %"
            texts.append(of + sign + " " + _("{change} on {year}").format(
                change=amount, year=target.reference_year) + by)
        else:
            value = local_number(target.value, unit, exact=True)
            shown = f"{value} {unit}" if unit and unit != COUNT_UNIT else value
            texts.append(f"{of}{sign} {shown}{by}")
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
    console.print(f"[bold]{_safe(catalog.scheme.organisation)}[/bold]")
    console.print(f"[bold]{_safe(catalog.scheme.title)}[/bold]")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(_("code"), no_wrap=True)
    axis_word, objective_word = catalog.words()
    table.add_column(_safe(axis_word.lower()), justify="right")
    table.add_column(_safe(objective_word[:4].lower() + "."), justify="right")
    table.add_column(_("title"), ratio=3)
    table.add_column(_("pilot"), ratio=2)
    table.add_column(_("ind."), justify="right")
    table.add_column(_("targets"), ratio=2)
    for action in actions:
        targets = [f"{i.id} {t}" for i in action.indicators for t in _targets_text(catalog, i)]
        pilot = action.pilots[0] + (f" (+{len(action.pilots) - 1})" if len(action.pilots) > 1
                                    else "")
        table.add_row(action.code, str(action.axis), str(action.objective),
                      _safe(action.title), _safe(pilot),
                      str(len(action.indicators)), "\n".join(_safe(t) for t in targets))
    console.print(table)
    console.print(_("{count} action(s); `spapser actions CODE` shows a whole sheet.").format(
        count=len(actions)))


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

    section(_("Pilots"), action.pilots)
    section(_("Purpose of the action"), action.purpose)
    section(_("Directions concerned"), action.impacted_directions)
    console.print("[bold]" + _("Summary") + "[/bold]")
    console.print(Padding(_safe(action.summary), (0, 0, 0, 2)))
    section(_("External partners"), action.partners)
    section(_("Related projects"), action.related_projects)
    section(_("Schedule"),
            [f"{s.text}" + (_(" (due {date})").format(date=s.due) if s.due else "")
             for s in action.schedule])
    section(_("Evaluation methods"), action.evaluation_methods)
    if action.variables:
        console.print("[bold]" + _("Measured variables") + "[/bold]")
        for variable in action.variables:
            cats = ", ".join(c.id for c in variable.categories)
            traits = [_(t) for t, on in ((N_("whole numbers"), variable.whole_number),
                                         (N_("cumulative"), variable.cumulative)) if on]
            extra = "".join(f"; {t}" for t in (cats, *traits) if t)
            console.print(f"  • {variable.id} [dim]({_safe(variable.unit)}"
                          f"{_safe(extra)})[/dim] {_safe(variable.label)}")
    if action.indicators:
        console.print("[bold]" + _("Evaluation indicators") + "[/bold]")
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column(_("label"), ratio=3)
        table.add_column("id", no_wrap=True)
        table.add_column(_("kind"))
        table.add_column(_("unit"))
        table.add_column(_("targets"), ratio=2)
        for indicator in action.indicators:
            label = _safe(indicator.label)
            if indicator.note:
                label += "\n[dim]" + _safe(_("note: {note}").format(note=indicator.note)) \
                    + "[/dim]"
            targets = [f"{t}\n[dim]« {_safe(i.text)} »[/dim]" for t, i in
                       zip(_targets_text(catalog, indicator), indicator.targets, strict=True)]
            unit = _safe(catalog.indicator_unit(indicator) or "")
            kind = _(KIND_LABELS.get(indicator.kind, indicator.kind))
            table.add_row(label, indicator.id, kind, unit, "\n".join(targets))
        console.print(table)
    section(_("Notes"), action.notes)
