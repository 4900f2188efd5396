"""A property of the whole command line: whatever a data file holds, `validate` and `compute`
exit 0, 1 or 2, print one line per problem, and print no control character.

Generated YAML (structures, hostile text with YAML escapes, edits of a real line) and raw
bytes replace or join files of a copy of the shipped data; every run goes through the Typer
app, with the snapshot cache on.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import PROBLEM_LINE, REPO, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spapser_cli.render.terminal import UNSAFE

PLACES = ["measures/2015.yaml", "measures/2099.yaml", "actions/1-1.3.yaml", "scheme.yaml"]

# Text a hostile or careless file can hold: every kind of character a YAML escape writes.
HOSTILE_CHARS = st.sampled_from(["\x1b[2J", "\x1b]0;t\x07", "\r", "\n", "\x85", "\u2028",
                                 "\u2029", "\u202e", "\u200b", "\ufeff", "\x00", "\x7f",
                                 "\ufffe", "\uffff", "\x9b", "\t", "é", "%", ":", " "])
TEXT = st.one_of(st.text(max_size=20),
                 st.lists(st.one_of(HOSTILE_CHARS, st.text(max_size=3)), max_size=8).map("".join))
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), TEXT,
                    st.sampled_from(["38,5", "1" * 4400, "2015", "%", "kg", "fsc"]))
TREES = st.recursive(SCALARS, lambda children: st.one_of(
    st.lists(children, max_size=3),
    st.dictionaries(st.one_of(TEXT, st.sampled_from(["year", "code", "title", "unit",
                                                     "value", "measures", "axes"])),
                    children, max_size=4)), max_leaves=12)


def _dump(data: Any) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True).encode("utf-8")


@st.composite
def edited_line(draw: st.DrawFn, place: str) -> bytes:
    """The shipped file with one value replaced by a generated scalar, dumped as YAML does."""
    lines = (REPO / "data" / place).read_text(encoding="utf-8").splitlines(keepends=True)
    index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
    head, sep, _ = lines[index].partition(": ")
    value = yaml.safe_dump(draw(SCALARS), allow_unicode=True, width=10_000,
                           default_flow_style=True).removesuffix("\n...\n").strip()
    lines[index] = f"{head}{sep or ': '}{value}\n"
    return "".join(lines).encode("utf-8")


CONTENTS = st.one_of(TREES.map(_dump), st.binary(max_size=120),
                     st.sampled_from(PLACES[:1] + PLACES[2:]).flatmap(
                         lambda place: st.tuples(st.just(place), edited_line(place))))


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-properties") / "data"
    shutil.copytree(REPO / "data", folder)
    return folder


def check_output(text: str, *, problems_only: bool) -> None:
    for line in text.splitlines():
        assert UNSAFE.search(line) is None, repr(line)
        if problems_only:
            assert PROBLEM_LINE.fullmatch(line) or line.startswith(("Error: ", "Usage: ", "Try ")) \
                or " file(s) checked" in line or line.startswith("data: ") or not line.strip(), \
            repr(line)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(content=CONTENTS, place=st.sampled_from(PLACES))
def test_validate_and_compute_answer_in_lines(data: Path, content: Any, place: str) -> None:
    if isinstance(content, tuple):  # an edited line knows its file
        place, content = content
    target = data / place
    original = target.read_bytes() if target.exists() else None
    target.write_bytes(content)
    try:
        for fmt in ("text", "github"):
            done = run_cli(["validate", "--data-dir", str(data), "--format", fmt])
            assert done.exit_code in (0, 1), done.output
            check_output(done.stdout, problems_only=fmt == "text")
            assert all(line.startswith("data: ") for line in done.stderr.splitlines())
            if fmt == "github":
                assert all(line.startswith("::") or " file(s) checked" in line
                           for line in done.stdout.splitlines()), done.stdout
        done = run_cli(["compute", "2015", "--data-dir", str(data)])
        assert done.exit_code in (0, 1, 2), done.output
        check_output(done.stdout, problems_only=False)
        check_output(done.stderr, problems_only=True)
    finally:
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)


# The inputs of the other commands: collection files for `import`, DECP files for `contracts`.
JSONISH = st.lists(st.one_of(HOSTILE_CHARS, st.sampled_from(
    ['{"marches": [', '{"marche": [', "]}", "{", "}", "[", "]", ",", ":", '"id"', '"montant"',
     '"dateNotification"', '"2024-03-01"', "1e999", "12.5", "null", '"acheteur"',
     '{"id": "1"}', "<marches>", "</marches>", "<marche>", "</marche>", "<?xml ", "&amp;",
     "<!ENTITY x SYSTEM 'file:///etc/passwd'>", "&x;"])), max_size=30).map("".join)
CSVISH = st.lists(st.one_of(HOSTILE_CHARS, st.sampled_from(
    ["action;variable;category;value;unit;source\n", ";", ",", "\n", "\r\n", "1-1.3",
     "paper-consumption", "fsc", "12", "12,5", "=1+1", '"', "kg", "\ufeff"])),
    max_size=30).map("".join)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(content=st.one_of(JSONISH.map(str.encode), st.binary(max_size=120)),
       suffix=st.sampled_from([".json", ".xml"]))
def test_contracts_answer_in_lines(data: Path, tmp_path_factory: pytest.TempPathFactory,
                                   content: bytes, suffix: str) -> None:
    target = tmp_path_factory.mktemp("decp") / f"decp{suffix}"
    target.write_bytes(content)
    done = run_cli(["contracts", "2024", str(target), "--data-dir", str(data)])
    assert done.exit_code in (0, 1, 2), done.output
    check_output(done.stdout, problems_only=False)
    check_output(done.stderr, problems_only=True)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(content=st.one_of(CSVISH.map(str.encode), st.binary(max_size=120)),
       suffix=st.sampled_from([".csv", ".xlsx"]))
def test_import_answers_in_lines(data: Path, tmp_path_factory: pytest.TempPathFactory,
                                 content: bytes, suffix: str) -> None:
    target = tmp_path_factory.mktemp("collected") / f"collecte{suffix}"
    target.write_bytes(content)
    before = {p: p.read_bytes() for p in data.rglob("*.yaml")}
    done = run_cli(["import", str(target), "--year", "2016", "--dry-run",
                    "--data-dir", str(data)])
    assert done.exit_code in (0, 1, 2), done.output
    check_output(done.stdout, problems_only=False)
    check_output(done.stderr, problems_only=True)
    assert {p: p.read_bytes() for p in data.rglob("*.yaml")} == before  # a dry run
