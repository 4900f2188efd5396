"""Start-up stays fast: lazy imports, the pre-rendered top-level help, the snapshot cache."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from spapser_cli.catalog import cache
from spapser_cli.entry import HELP_FILE, render_toplevel_help
from spapser_cli.read.load import require_catalog

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


def test_prerendered_help_is_what_typer_renders():
    # Regenerate with `python -m spapser_cli.entry` after changing a command.
    assert HELP_FILE.read_text(encoding="utf-8") == render_toplevel_help()


def modules_after(args: list[str], env: dict[str, str]) -> tuple[set[str], str]:
    """Run the console entry point in a fresh interpreter; the modules it imported."""
    code = (
        "import sys, json\n"
        "from spapser_cli.entry import main\n"
        f"sys.argv = ['spapser', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, **env}, cwd=REPO, check=False)
    return set(json.loads(done.stderr.splitlines()[-1])), done.stdout


def test_help_imports_neither_typer_nor_pydantic(tmp_path: Path):
    modules, out = modules_after(["--help"], {"SPAPSER_CACHE_DIR": str(tmp_path)})
    assert out.startswith("Usage: spapser")
    assert not {"typer", "click", "pydantic", "yaml", "rich", "pandas", "openpyxl"} & modules


def test_a_cached_compute_imports_no_validation_or_export_library(tmp_path: Path):
    env = {"SPAPSER_CACHE_DIR": str(tmp_path)}
    args = ["compute", "2015", "--data-dir", str(DATA), "--format", "json"]
    first, out_first = modules_after(args, env)  # fills the cache
    assert "pydantic" in first and "yaml" in first
    second, out_second = modules_after(args, env)
    assert out_second == out_first
    assert not {"pydantic", "yaml", "rich", "pandas", "openpyxl"} & second


@pytest.fixture()
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SPAPSER_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def paper_2015(folder: Path) -> float:
    catalog, _ = require_catalog(folder)
    return catalog.measures[2015].measures["paper-consumption"].values["fsc"]


def cached(folder: Path):
    return cache.load(folder, cache.fingerprint(folder))


def test_snapshot_is_reused_then_invalidated_by_any_edit(data_copy: Path):
    assert cached(data_copy) is None
    assert paper_2015(data_copy) == 73190
    assert cached(data_copy) is not None  # the snapshot of a valid folder
    measures = data_copy / "measures" / "2015.yaml"
    measures.write_text(measures.read_text(encoding="utf-8").replace("73190", "73191"),
                        encoding="utf-8")
    assert cached(data_copy) is None  # same size, same second: the bytes differ
    assert paper_2015(data_copy) == 73191


def test_a_new_file_invalidates_the_snapshot(data_copy: Path):
    paper_2015(data_copy)
    (data_copy / "measures" / "notes.txt").write_text("x", encoding="utf-8")
    assert cached(data_copy) is None


def test_a_corrupt_snapshot_is_ignored(data_copy: Path):
    paper_2015(data_copy)
    (snapshot,) = (data_copy.parent / "cache").glob("catalog-*.json")
    snapshot.write_bytes(snapshot.read_bytes()[:200])
    assert cached(data_copy) is None
    assert paper_2015(data_copy) == 73190


def test_a_file_edited_while_it_is_read_is_not_snapshotted(
        data_copy: Path, monkeypatch: pytest.MonkeyPatch):
    """The data read must be the data fingerprinted: an edit during the load (an editor
    saving, a checkout) would otherwise freeze the old figures under the new fingerprint."""
    from spapser_cli.read import folder as loader

    measures = data_copy / "measures" / "2015.yaml"
    real_load = loader.load_catalog

    def load_then_edit(*args, **kwargs):
        result = real_load(*args, **kwargs)
        measures.write_text(measures.read_text(encoding="utf-8").replace("73190", "73191"),
                            encoding="utf-8")
        return result

    monkeypatch.setattr(loader, "load_catalog", load_then_edit)
    assert paper_2015(data_copy) == 73190  # what was read
    monkeypatch.setattr(loader, "load_catalog", real_load)
    assert cached(data_copy) is None  # nothing stored under the new fingerprint
    assert paper_2015(data_copy) == 73191


class _Planted:
    def __reduce__(self):
        return (Path.touch, (Path(_Planted.target),))


def test_a_planted_pickle_is_never_unpickled(data_copy: Path):
    paper_2015(data_copy)
    (snapshot,) = (data_copy.parent / "cache").glob("catalog-*.json")
    assert snapshot.stat().st_mode & 0o777 == 0o600  # written private
    assert (data_copy.parent / "cache").stat().st_mode & 0o777 == 0o700
    header = snapshot.read_bytes().split(b"\n", 1)[0] + b"\n"
    _Planted.target = str(data_copy.parent / "PWNED")
    snapshot.write_bytes(header + pickle.dumps(_Planted()))
    assert cached(data_copy) is None  # snapshots are JSON: nothing in the file can run
    assert not (data_copy.parent / "PWNED").exists()


def test_no_cache_when_disabled_or_unwritable(data_copy: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SPAPSER_NO_CACHE", "1")
    paper_2015(data_copy)
    assert not (data_copy.parent / "cache").exists()
    monkeypatch.delenv("SPAPSER_NO_CACHE")
    blocker = data_copy.parent / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("SPAPSER_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    assert paper_2015(data_copy) == 73190


def test_the_export_process_does_not_pay_for_numpy(tmp_path: Path):
    pytest.importorskip("numpy")  # installed with the test extra (pandas)
    args = ["export", "2015", "--data-dir", str(DATA), "-o", str(tmp_path / "b.xlsx")]
    modules, _ = modules_after(args, {"SPAPSER_CACHE_DIR": str(tmp_path / "cache")})
    assert "xlsxwriter" in modules and "numpy" not in modules
    assert "openpyxl" not in modules  # it reads and writes the collection workbooks only
    assert (tmp_path / "b.xlsx").stat().st_size > 10_000
