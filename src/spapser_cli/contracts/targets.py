"""The national targets of the legal indicators, read from data (`pnad-targets.json`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

TARGETS_FILE = Path(__file__).with_name("pnad-targets.json")


@dataclass(frozen=True)
class LegalTarget:
    """Same fields as a scheme's target (`models.Target`), so the engine judges it alike."""

    value: float
    year: int | None
    direction: str
    text: str
    source: str | None


def legal_targets(path: Path = TARGETS_FILE) -> dict[str, list[LegalTarget]]:
    """indicator id → its targets, with the words that set them and their source."""
    data = json.loads(path.read_text(encoding="utf-8"))
    found: dict[str, list[LegalTarget]] = {}
    for entry in data["targets"]:
        found.setdefault(entry["indicator"], []).append(LegalTarget(
            float(entry["value"]), entry.get("year"), entry.get("direction", "at-least"),
            entry["text"], data.get("source")))
    return found
