"""The README's terminal examples are what the commands print (tools/readme_examples.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from helpers import REPO

SPEC = importlib.util.spec_from_file_location("readme_examples",
                                              REPO / "tools" / "readme_examples.py")
assert SPEC is not None and SPEC.loader is not None
readme_examples = importlib.util.module_from_spec(SPEC)
sys.modules["readme_examples"] = readme_examples  # dataclasses look their module up
SPEC.loader.exec_module(readme_examples)


def test_every_readme_example_is_what_its_commands_print():
    mismatches = readme_examples.check(REPO / "README.md")
    assert not mismatches, (
        "".join(m.diff("README.md") for m in mismatches)
        + "\nrefresh with: python tools/readme_examples.py --update")


def test_the_readme_shows_french_output_first():
    examples = readme_examples.examples((REPO / "README.md").read_text(encoding="utf-8"))
    assert len(examples) >= 6
    assert examples[0].steps[0].command.startswith("LANG=fr_FR.UTF-8 spapser compute 2015")


def test_a_changed_output_is_caught_and_rewritten(tmp_path: Path):
    readme = tmp_path / "README.md"
    readme.write_text(
        "Intro.\n\n```text\n$ spapser compute 2099\ndata: data (./data of the current folder)\n"
        "Error: something the command no longer says\n```\n\nEnd.\n", encoding="utf-8")
    [mismatch] = readme_examples.check(readme)
    assert mismatch.example.line == 4
    assert "-Error: something the command no longer says" in mismatch.diff("README.md")
    assert "+Error: no measures for 2099 (measures/2099.yaml)" in mismatch.diff("README.md")
    assert readme_examples.update(readme) == 1
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("Intro.\n\n```text\n$ spapser compute 2099\n")
    assert text.endswith("```\n\nEnd.\n") and "no longer says" not in text
    assert readme_examples.check(readme) == []


def test_an_example_edits_a_copy_of_the_data_never_the_repository():
    before = (REPO / "data/measures/2015.yaml").read_bytes()
    [example] = readme_examples.examples(
        "```text\n$ sed -i 's/fsc: 73190/fsc: 1/' data/measures/2015.yaml\n"
        "$ grep -c 'fsc: 1$' data/measures/2015.yaml\n1\n```\n")
    assert readme_examples.run(example) == example.text()
    assert (REPO / "data/measures/2015.yaml").read_bytes() == before
