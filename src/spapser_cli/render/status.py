"""`spapser status` as text: per pilot, the actions and what each still lacks.

The organisation's name heads the output; a figure still lacking is named by its label as the
scheme words it, its id (what `spapser series` and the YAML files take) in a column of its
own, never cut."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spapser_cli.i18n import N_, _
from spapser_cli.render.plaintable import MAX_WIDTH, Cell, Column, Painter, render_table

if TYPE_CHECKING:
    from spapser_cli.collect.status import ActionStatus, Item, StatusReport

STATE_LABELS = {"filled": N_("ok"), "partial": N_("partial"),
                "not-measured": N_("not measured"), "missing": N_("missing")}


def _item_row(item: Item, *, variable: bool) -> list[Cell | str]:
    label = _("variable: {label}").format(label=item.label) if variable else item.label
    if item.missing:
        label += " (" + ", ".join(item.missing) + ")"
    return ["    " + _(STATE_LABELS[item.state]), label, Cell(item.id, whole=True)]


def _action_heading(action: ActionStatus) -> str:
    state = (_("complete") if action.complete else
             _("{count} missing").format(count=len(action.missing)))
    due = _(" (due)") if action.due else ""
    return f"{action.code}{due} — {state} · {action.title}"


def status_text(report: StatusReport, organisation: str | None = None, *,
                width: int = MAX_WIDTH, paint: Painter | None = None) -> str:
    """The completeness report as plain text (the `table` format)."""
    paint = paint or Painter(False)
    where = report.measures_file or _("no measures file yet: `spapser template {year}`").format(
        year=report.year)
    lines = [paint(organisation, "bold")] if organisation else []
    lines.append(_("Completeness {year} ({where})").format(year=report.year, where=where))
    if not report.planned:
        lines.append(_("The evaluation plan has no entry for {year}: no action is due.").format(
            year=report.year))
    rows: list[list[Cell | str] | Cell] = []
    for pilot, counts in report.pilots().items():
        if rows:
            rows.append(Cell(""))
        rows.append(Cell(_("{pilot}: {filled} indicator(s) ok, {unmeasured} not measured, "
                           "{missing} missing").format(
                               pilot=pilot, filled=counts["filled"],
                               unmeasured=counts["not-measured"], missing=counts["missing"]),
                         "bold", whole=True))
        for action in (a for a in report.actions if a.pilot == pilot):
            rows.append(Cell("  " + _action_heading(action), "yellow" if action.due and
                             not action.complete else None))
            rows += [_item_row(item, variable=False) for item in action.indicators
                     if item.state != "filled"]
            rows += [_item_row(item, variable=True) for item in action.variables
                     if item.state != "filled"]
    if rows:
        columns = [Column(_("state"), "left"), Column(_("label"), "left", flexible=True),
                   Column(_("id"), "left")]
        lines.append("")
        lines += render_table(columns, rows, width=width, paint=paint)
    due = [a.code for a in report.actions if a.due]
    if due:
        lacking = [a.code for a in report.due_incomplete]
        lines.append("")
        lines.append(_("Due in {year}: {due}; lacking figures: {lacking}").format(
                         year=report.year, due=", ".join(due), lacking=", ".join(lacking))
                     if lacking else
                     _("Due in {year}: {due}; all have their figures").format(
                         year=report.year, due=", ".join(due)))
    return "\n".join(lines)
