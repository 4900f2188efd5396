"""Render problems as text (`file:line:col: error[code]: message`), JSON or GitHub annotations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from spapser_cli.problems import Problem, sort_key
from spapser_cli.render.terminal import json_text, printable

ReportFormat = Literal["text", "json", "github"]


def format_problem(problem: Problem) -> str:
    """One line, whatever the file name and the message hold (`render.terminal`)."""
    return printable(f"{problem.location()}: {problem.severity}[{problem.code}]: "
                     f"{problem.message}")


def _github_escape(text: str, *, property_: bool = False) -> str:
    """The workflow-command escapes (a runner reads one command per line; `%0A` is a line
    break of the annotation), then the terminal ones for the rest: the log is a terminal too."""
    text = printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    if property_:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(problem: Problem) -> str:
    props = [f"file={_github_escape(problem.file, property_=True)}"]
    if problem.line is not None:
        props.append(f"line={problem.line}")
    if problem.column is not None:
        props.append(f"col={problem.column}")
    props.append(f"title={_github_escape(problem.code, property_=True)}")
    return f"::{problem.severity} {','.join(props)}::{_github_escape(problem.message)}"


def summary(problems: Sequence[Problem], files: int) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"{files} file(s) checked: no problems"
    return f"{files} file(s) checked: {errors} error(s), {warnings} warning(s)"


def render_problems(problems: Sequence[Problem], files: Sequence[str],
                    fmt: ReportFormat) -> str:
    ordered = sorted(problems, key=sort_key)
    if fmt == "json":
        errors = sum(p.severity == "error" for p in ordered)
        return json_text({
            "valid": errors == 0,
            "files": list(files),
            "errors": errors,
            "warnings": len(ordered) - errors,
            "problems": [p.to_dict() for p in ordered],
        })
    if fmt == "github":
        lines = [format_github(p) for p in ordered]
    else:
        lines = [format_problem(p) for p in ordered]
    lines.append(summary(ordered, len(files)))
    return "\n".join(lines)
