"""`spapser plan --propose`: a split of the actions into thirds over the evaluation cycle.

The scheme evaluates a third of its actions each year (« évaluation annuelle des actions par
tiers »). The proposal keeps the years the steering committee already decided, then gives
each remaining action to the year where it adds the least load: quantitative indicators to
compute, and the number of actions its lead pilot already has that year (so that no pilot
gets all its actions in one year), each year taking at most a third of the actions. Ties
go to the earliest year: the result is stable.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spapser_cli.catalog import Catalog
from spapser_cli.collect.rows import QUANTITATIVE, lead_pilot
from spapser_cli.files import DATA_FILE_LIMIT, read_capped
from spapser_cli.i18n import Message
from spapser_cli.problems import UsageError, os_reason

PILOT_WEIGHT = 3  # one more action for the same pilot weighs like three indicators


@dataclass(frozen=True)
class PlanYear:
    year: int
    actions: tuple[str, ...]
    decided: bool  # already in scheme.yaml
    quantitative: int  # quantitative indicators to compute that year
    pilots: int  # distinct lead pilots involved


def cycle_years(catalog: Catalog) -> list[int]:
    evaluation = catalog.scheme.evaluation
    if evaluation is None:
        raise UsageError(Message("scheme.yaml has no `evaluation` section (with "
                                 "`cycle_years`): nothing to plan"))
    period = catalog.scheme.period
    return [y for y in range(period.start, period.start + evaluation.cycle_years)
            if y <= period.end]


def propose_plan(catalog: Catalog) -> list[PlanYear]:
    years = cycle_years(catalog)
    evaluation = catalog.scheme.evaluation
    assert evaluation is not None
    decided = {e.year: [c for c in e.actions if c in catalog.actions]
               for e in evaluation.plan if e.year in years}
    chosen: dict[int, list[str]] = {y: list(decided.get(y, [])) for y in years}
    placed = {code for codes in chosen.values() for code in codes}

    def quantitative(code: str) -> int:
        return sum(i.kind in QUANTITATIVE for i in catalog.actions[code].indicators)

    def load(year: int, code: str) -> tuple[int, int, int]:
        pilot = lead_pilot(catalog.actions[code])
        same_pilot = sum(lead_pilot(catalog.actions[c]) == pilot for c in chosen[year])
        indicators = sum(quantitative(c) for c in chosen[year]) + quantitative(code)
        return (indicators + PILOT_WEIGHT * same_pilot, len(chosen[year]), years.index(year))

    free = [y for y in years if y not in decided]
    remaining = sorted((c for c in catalog.actions if c not in placed),
                       key=lambda c: (-quantitative(c), list(catalog.actions).index(c)))
    # Thirds: no year takes more than its share of the actions (the decided years aside).
    capacity = -(-len(catalog.actions) // len(years)) if years else 0
    for code in remaining:
        room = [y for y in free if len(chosen[y]) < capacity] or free
        if not room:
            break
        best = min(room, key=lambda y: load(y, code))
        chosen[best].append(code)
    order = list(catalog.actions)
    result = []
    for year in years:
        codes = tuple(sorted(chosen[year], key=order.index))
        result.append(PlanYear(year, codes, year in decided,
                               sum(quantitative(c) for c in codes),
                               len({lead_pilot(catalog.actions[c]) for c in codes})))
    return result


def plan_yaml(plan: list[PlanYear]) -> str:
    """The proposal as the `evaluation.plan` block to paste into scheme.yaml."""
    lines = ["evaluation:", "  plan:"]
    for entry in plan:
        lines.append(f"    - year: {entry.year}")
        lines.append(f"      actions: [{', '.join(entry.actions)}]")
    return "\n".join(lines) + "\n"


def write_plan(scheme_path: Path, plan: list[PlanYear]) -> str:
    """scheme.yaml with `evaluation.plan` replaced by the proposal, comments and order kept
    (the new text; the caller checks and writes it)."""
    from spapser_cli.collect import yamledit

    try:  # a regular file under the cap only (a FIFO would block)
        original = read_capped(scheme_path, DATA_FILE_LIMIT).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(Message("{file}: {reason}", file=str(scheme_path), reason=os_reason(
            getattr(exc, "strerror", None) or str(exc)))) from None
    doc = yamledit.load(original)
    evaluation = doc.get("evaluation")
    if evaluation is None:
        raise UsageError(Message("{file} has no `evaluation` section", file=str(scheme_path)))
    current = evaluation.get("plan") or []
    if not current:
        entries = [yamledit.mapping({"year": e.year}) for e in plan]
        for entry, year in zip(entries, plan, strict=True):
            entry["actions"] = yamledit.sequence(list(year.actions), flow=True)
        evaluation["plan"] = yamledit.sequence(entries)
        return yamledit.dump(doc)
    # Edit the plan in place, so that the comments around its entries stay where they are;
    # the comment that follows the plan hangs on its last entry and moves with it.
    last = current[-1]
    trailing = last.ca.items.pop(list(last)[-1], None) if last else None
    by_year = {entry.get("year"): entry for entry in current}
    changed = False
    for year in plan:
        entry = by_year.get(year.year)
        if entry is None:
            entry = yamledit.mapping({"year": year.year})
            current.append(entry)
        elif list(entry.get("actions") or []) == list(year.actions):
            continue
        entry["actions"] = yamledit.sequence(list(year.actions), flow=True)
        changed = True
    if not changed:
        return original
    if trailing is not None:
        current[-1].ca.items[list(current[-1])[-1]] = trailing
    return yamledit.dump(doc)


def check_and_write_scheme(data_dir: Path, text: str) -> Path:
    """Check the new scheme.yaml as `spapser validate` would, then write it atomically."""
    import tempfile

    from spapser_cli.files import write_text_atomic
    from spapser_cli.problems import InvalidDataError, Problem, display_path
    from spapser_cli.read.load import load_catalog

    target = data_dir / "scheme.yaml"
    with tempfile.TemporaryDirectory(prefix="spapser-plan-") as folder:
        candidate = Path(folder) / "scheme.yaml"
        candidate.write_text(text, encoding="utf-8")
        shown = display_path(candidate)
        errors = [Problem(f"{display_path(target)} (as proposed)", p.code, p.message, p.line,
                          p.column) for p in load_catalog(data_dir, [candidate]).errors
                  if p.file == shown]
    if errors:
        raise InvalidDataError(errors)
    write_text_atomic(target, text)
    return target
