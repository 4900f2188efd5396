"""Property tests: whatever the bytes, the reader, the models, the catalog and the CLI report
problems; they never crash."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from helpers import MINIMAL, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spapser_cli.problems import PROBLEM_CODES, ExitCode, Problem
from spapser_cli.read import yamlio
from spapser_cli.read.load import load_catalog
from spapser_cli.read.modelcheck import validate_document
from spapser_cli.read.models import Action, Measures, Scheme

FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

# Text that looks like the data files: YAML punctuation, digits, French spellings, keys.
YAMLISH = st.lists(
    st.sampled_from(list("abcdefyz019 ,.:-_%#&*!?|>'\"[]{}\n\t~<@`\\")
                    + ["year", "measures", "values", "unit", "source", "value", "\n  ",
                       "\n    ", ": ", "- ", "---\n", "\ufeff", "\r\n", "é", "\u00a0", "2016",
                       "38,5", "!!python/object", "<<", "&a ", "*a"]),
    max_size=60,
).map("".join)


def _is_yaml_problem(problem: Problem) -> bool:
    return problem.code in PROBLEM_CODES and problem.severity == "error"


@FAST
@given(st.one_of(st.text(max_size=200), YAMLISH))
def test_any_text_parses_or_raises_yaml_error(text: str) -> None:
    try:
        doc = yamlio.load_text(text, "f.yaml")
    except yamlio.YamlError as exc:
        assert _is_yaml_problem(exc.problem)
        assert exc.problem.file == "f.yaml"
        assert "\n" not in exc.problem.message
    else:
        assert doc.file == "f.yaml"


@FAST
@given(st.binary(max_size=200))
def test_any_bytes_parse_or_raise_yaml_error(raw: bytes) -> None:
    try:
        yamlio.load_bytes(raw, "f.yaml")
    except yamlio.YamlError as exc:
        assert _is_yaml_problem(exc.problem)


SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**6, max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.sampled_from(["38,5", "137 295", "12 %", "yes", "1:30", "01053", "2017-02-27", "kg",
                     "%", "share", "value", "rate", "fsc", "paper-purchased", "1-1.1", ""]),
    st.text(max_size=12),
)
KEYS = st.one_of(
    st.sampled_from(["year", "measures", "reported", "unit", "value", "values", "total",
                     "source", "note", "breakdown", "qualifier", "status", "text", "kind",
                     "code", "title", "axis", "objective", "pilots", "purpose", "summary",
                     "variables", "indicators", "id", "label", "categories", "quantity",
                     "part", "whole", "organisation", "period", "adopted", "axes",
                     "paper-purchased", "charging-points", "fsc", "recycled"]),
    st.text(min_size=1, max_size=8),
    st.integers(min_value=0, max_value=3000),
)
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(KEYS, children, max_size=5)),
    max_leaves=25,
)


def _dump(data: Any) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


@FAST
@given(TREES, st.sampled_from([Scheme, Action, Measures]))
def test_any_structure_gives_problems_with_positions(data: Any, model: type) -> None:
    try:
        doc = yamlio.load_bytes(_dump(data), "f.yaml")
    except yamlio.YamlError as exc:  # e.g. a float key, refused by the reader
        assert _is_yaml_problem(exc.problem)
        return
    instance, problems = validate_document(model, doc)
    assert (instance is None) == bool(problems)
    for problem in problems:
        assert problem.code in PROBLEM_CODES
        assert problem.line is not None and problem.column is not None
        assert problem.line >= 1 and problem.column >= 1


# Measures-shaped data: a valid skeleton with random values where the numbers go.
NUMBERISH = st.one_of(SCALARS, st.floats(min_value=-1e9, max_value=1e9),
                      st.dictionaries(st.sampled_from(["recycled", "fsc", "pefc", "x", "cars"]),
                                      SCALARS, max_size=4))
MEASURE = st.fixed_dictionaries(
    {"unit": st.sampled_from(["kg", "nombre", "L", "t", "%"]), "source": st.just("s")},
    optional={"value": NUMBERISH, "values": NUMBERISH, "total": NUMBERISH, "note": SCALARS},
)
REPORTED = st.fixed_dictionaries(
    {"source": st.just("s")},
    optional={"unit": st.sampled_from(["%", "kg", "nombre"]), "value": NUMBERISH,
              "breakdown": NUMBERISH, "status": st.sampled_from(["done", "maybe"]),
              "text": SCALARS, "qualifier": st.sampled_from(["about", "exact", "x"])},
)
VARIABLES = st.sampled_from(["paper-purchased", "charging-points", "fuel-consumed",
                             "distance-driven", "contracts-sme", "contracts-all", "unknown"])
INDICATORS = st.sampled_from(["paper-recycled-share", "paper-label-mix", "paper-change",
                              "sme-share", "fuel-per-100km", "charging-points-new",
                              "buyer-survey", "purchasing-rules-adopted", "nope"])
MEASURES_FILES = st.fixed_dictionaries(
    {"year": st.sampled_from([2016, 2016, 2016, 2015, "2016", True])},
    optional={"measures": st.dictionaries(VARIABLES, MEASURE, max_size=4),
              "reported": st.dictionaries(INDICATORS, REPORTED, max_size=3)},
)


# Measures that pass their model, so that the checks across files run on odd numbers.
FLOAT = st.one_of(st.integers(min_value=-10**9, max_value=10**12),
                  st.floats(min_value=-1e300, max_value=1e300, allow_nan=False))
CATEGORIES = st.sampled_from(["recycled", "fsc", "pefc", "cars", "vans", "works", "x"])
MEASURE_OK = st.one_of(
    st.fixed_dictionaries({"unit": st.sampled_from(["kg", "nombre", "L", "km"]),
                           "value": FLOAT, "source": st.just("s")}),
    st.fixed_dictionaries({"unit": st.sampled_from(["kg", "nombre", "L", "km"]),
                           "values": st.dictionaries(CATEGORIES, FLOAT, max_size=4),
                           "source": st.just("s")}, optional={"total": FLOAT}),
)
REPORTED_OK = st.one_of(
    st.fixed_dictionaries({"unit": st.sampled_from(["%", "kg", "L/100 km", "nombre"]),
                           "value": FLOAT, "source": st.just("s")}),
    st.fixed_dictionaries({"unit": st.just("%"), "source": st.just("s"),
                           "breakdown": st.dictionaries(CATEGORIES, FLOAT, max_size=3)}),
    st.fixed_dictionaries({"status": st.sampled_from(["done", "in-progress"]),
                           "source": st.just("s")}),
)
VALID_MEASURES_FILES = st.fixed_dictionaries(
    {"year": st.just(2016),
     "measures": st.dictionaries(VARIABLES, MEASURE_OK, max_size=6),
     "reported": st.dictionaries(INDICATORS, REPORTED_OK, max_size=4)},
)


def _catalog_problems(raw: bytes) -> list[Problem]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "measures" / "2016.yaml"
        path.parent.mkdir()
        path.write_bytes(raw)
        return load_catalog(MINIMAL, [path]).problems


@SLOW
@given(st.one_of(MEASURES_FILES.map(_dump), VALID_MEASURES_FILES.map(_dump),
                 YAMLISH.map(str.encode), st.binary(max_size=80)))
def test_catalog_loader_reports_and_never_raises(raw: bytes) -> None:
    for problem in _catalog_problems(raw):
        assert problem.code in PROBLEM_CODES


@SLOW
@given(st.one_of(MEASURES_FILES, VALID_MEASURES_FILES))
def test_problems_in_a_parsed_file_always_have_a_position(data: dict[str, Any]) -> None:
    problems = _catalog_problems(_dump(data))
    for problem in problems:
        if problem.file.endswith("2016.yaml") and "minimal" not in problem.file:
            assert problem.line is not None and problem.column is not None, problem


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(MEASURES_FILES.map(_dump), YAMLISH.map(str.encode), st.binary(max_size=60)))
def test_cli_never_exits_70(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "measures" / "2016.yaml"
        path.parent.mkdir()
        path.write_bytes(raw)
        result = run_cli(["validate", str(path), "--data-dir", str(MINIMAL)])
    assert result.exit_code in (ExitCode.OK, ExitCode.INVALID_DATA), result.output
    assert "Traceback" not in result.output
