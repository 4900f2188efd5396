"""Keep the README's terminal examples true: run them, compare, or rewrite their output.

An example is a ```text block whose first line starts with `$ `. Each `$ ` line is a shell
command, and the lines after it, up to the next `$ ` line, are what it prints (stdout and
stderr together, as a terminal shows them). The commands of one block run in order, with bash,
in a scratch folder of their own that holds a copy of `data/` and links to `tests/` and
`tools/`: an example may edit the data (`sed -i …`) without touching the repository or the
next example. The environment is fixed so that the output is too: no colour, English unless
the command sets `LANG`, the `spapser` of the running Python first on the PATH.

    python tools/readme_examples.py           # check: a diff per example that changed, exit 1
    python tools/readme_examples.py --update  # rewrite the outputs in README.md

`tests/test_readme_examples.py` runs the check, so that the README cannot drift from the
commands it shows.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
BLOCK = re.compile(r"^```text\n(\$ .*?)^```$", re.MULTILINE | re.DOTALL)
PROMPT = "$ "
TIMEOUT = 120  # seconds per command: an example that hangs fails instead


@dataclass(frozen=True)
class Step:
    command: str
    output: list[str]


@dataclass(frozen=True)
class Example:
    line: int  # of the first `$ ` line in the README
    start: int  # offsets of the block's body in the README text
    end: int
    steps: list[Step]

    def text(self) -> str:
        return "".join(f"{PROMPT}{s.command}\n" + "".join(f"{o}\n" for o in s.output)
                       for s in self.steps)


@dataclass(frozen=True)
class Mismatch:
    example: Example
    actual: str

    def diff(self, name: str) -> str:
        return "".join(difflib.unified_diff(
            self.example.text().splitlines(keepends=True), self.actual.splitlines(keepends=True),
            f"{name}:{self.example.line} (README)", f"{name}:{self.example.line} (commands)"))


def examples(text: str) -> list[Example]:
    found = []
    for match in BLOCK.finditer(text):
        steps: list[Step] = []
        for line in match.group(1).splitlines():
            if line.startswith(PROMPT):
                steps.append(Step(line[len(PROMPT):], []))
            else:
                steps[-1].output.append(line)
        found.append(Example(text.count("\n", 0, match.start(1)) + 1, match.start(1),
                             match.end(1), steps))
    return found


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "SPAPSER_LANG", "FORCE_COLOR",
                        "COLUMNS", "SPAPSER_DATA")}
    bin_dir = str(Path(sys.executable).parent)
    env.update(LANG="C.UTF-8", NO_COLOR="1", PYTHONIOENCODING="utf-8", TZ="UTC",
               PATH=bin_dir + os.pathsep + env.get("PATH", ""))
    return env


def run(example: Example) -> str:
    """What the example's commands print today, spelt as the README spells an example."""
    with tempfile.TemporaryDirectory(prefix="spapser-readme-") as scratch:
        folder = Path(scratch)
        shutil.copytree(REPO / "data", folder / "data")
        for name in ("tests", "tools"):
            (folder / name).symlink_to(REPO / name, target_is_directory=True)
        env = environment()
        printed = []
        for step in example.steps:
            done = subprocess.run(["bash", "-c", step.command], cwd=folder, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  timeout=TIMEOUT, check=False)
            output = done.stdout.decode("utf-8", "replace").replace(f"{folder}{os.sep}", "")
            lines = [line.rstrip() for line in output.splitlines()]
            printed.append(Step(step.command, lines))
        return Example(example.line, example.start, example.end, printed).text()


def check(readme: Path = README) -> list[Mismatch]:
    """The examples whose output changed, with what the commands print now. Examples run
    side by side (each in its own folder): the commands wait mostly on Python's start-up."""
    found = examples(readme.read_text(encoding="utf-8"))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        printed = list(pool.map(run, found))
    return [Mismatch(e, actual) for e, actual in zip(found, printed, strict=True)
            if actual != e.text()]


def update(readme: Path = README) -> int:
    """Rewrite the outputs that changed; returns how many examples did. Written atomically."""
    text = readme.read_text(encoding="utf-8")
    mismatches = check(readme)
    for mismatch in sorted(mismatches, key=lambda m: m.example.start, reverse=True):
        text = text[: mismatch.example.start] + mismatch.actual + text[mismatch.example.end:]
    if mismatches:
        partial = readme.with_name(f".{readme.name}.tmp")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, readme)
    return len(mismatches)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="rewrite the outputs")
    parser.add_argument("readme", nargs="?", type=Path, default=README)
    args = parser.parse_args()
    if args.update:
        print(f"{update(args.readme)} example(s) rewritten")
        return 0
    mismatches = check(args.readme)
    for mismatch in mismatches:
        sys.stdout.write(mismatch.diff(args.readme.name))
    if mismatches:
        print(f"{len(mismatches)} example(s) differ: python tools/readme_examples.py --update")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
