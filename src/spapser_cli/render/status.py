"""`spapser status` as text: per pilot, the actions and what each still lacks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spapser_cli.collect.status import StatusReport

STATE_LABELS = {"filled": "ok", "partial": "partial", "not-measured": "not measured",
                "missing": "missing"}


def status_text(report: StatusReport) -> str:
    """The completeness report as plain text (the `table` format)."""
    lines = [f"Completeness {report.year} ("
             + (report.measures_file or f"no measures file yet: `spapser template "
                                         f"{report.year}`")
             + ")"]
    if not report.planned:
        lines.append(f"The evaluation plan has no entry for {report.year}: no action is due.")
    for pilot, counts in report.pilots().items():
        lines.append("")
        lines.append(f"{pilot}: {counts['filled']} indicator(s) ok, {counts['not-measured']} "
                     f"not measured, {counts['missing']} missing")
        for action in (a for a in report.actions if a.pilot == pilot):
            mark = "due  " if action.due else "     "
            state = "complete" if action.complete else f"{len(action.missing)} missing"
            lines.append(f"  {mark}{action.code}  {state}")
            for item in action.indicators:
                if item.state != "filled":
                    lines.append(f"         {STATE_LABELS[item.state]:<13}{item.id}")
            for item in action.variables:
                if item.state != "filled":
                    extra = f" ({', '.join(item.missing)})" if item.missing else ""
                    lines.append(f"         {STATE_LABELS[item.state]:<13}variable "
                                 f"{item.id}{extra}")
    due = [a.code for a in report.actions if a.due]
    lines.append("")
    if due:
        lacking = [a.code for a in report.due_incomplete]
        lines.append(f"Due in {report.year}: {', '.join(due)}; "
                     + (f"lacking figures: {', '.join(lacking)}" if lacking else
                        "all have their figures"))
    return "\n".join(lines)
