"""Fixtures shared by the tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import MINIMAL


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read or write the user's snapshot cache (~/.cache/spapser)."""
    monkeypatch.setenv("SPAPSER_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Tests read English unless they choose French (`--lang fr`, or `SPAPSER_LANG` in a
    process of their own), whatever the locale of the machine that runs them."""
    from spapser_cli.i18n import set_language

    monkeypatch.setenv("SPAPSER_LANG", "en")
    set_language(None)
    yield
    set_language(None)


@pytest.fixture
def minimal_copy(tmp_path: Path) -> Path:
    """A writable copy of the minimal valid data folder."""
    target = tmp_path / "data"
    shutil.copytree(MINIMAL, target)
    return target
