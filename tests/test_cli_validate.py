"""`spapser validate` and `spapser schema` through Typer's CliRunner: exit codes, formats,
data-folder precedence, and the JSON Schemas checked by check-jsonschema."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import (
    INVALID,
    MINIMAL,
    REPO,
    assert_no_traceback,
    errors_of,
    parse_problems,
    run_cli,
)

from spapser_cli.problems import ExitCode, display_path
from spapser_cli.read import datadir
from spapser_cli.read.schemas import SCHEMAS, build_schema, schema_file_name

CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")
SCHEMAS_DIR = REPO / "schemas"
KINDS = {"scheme": "scheme.yaml", "action": "actions/*.yaml", "measures": "measures/*.yaml"}

FRENCH = INVALID / "french-number"
FRENCH_MESSAGES = [
    (8, 17, "measures.paper-purchased.values.recycled: '38500,5' is a French-formatted number; "
     "write it as 38500.5"),
    (21, 13, "measures.distance-driven.values.cars: '1 000 000' is a French-formatted number; "
     "write it as 1000000"),
    (45, 12, "reported.paper-recycled-share.value: '40,6 %' is a French-formatted number; "
     "write it as 40.6 (the unit, %, is declared once for the variable)"),
]
TOTAL = INVALID / "total-mismatch"



@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(datadir.ENV_VAR, raising=False)


# ---------------------------------------------------------------------------------------------
# Exit codes and the text format


def test_valid_folder_exits_0() -> None:
    result = run_cli(["validate", "--data-dir", str(MINIMAL)])
    assert_no_traceback(result)
    assert result.exit_code == ExitCode.OK
    assert result.stdout == "7 file(s) checked: no problems\n"
    assert errors_of(result) == ""
    assert result.stderr == f"data: {display_path(MINIMAL)} (--data-dir)\n"


def test_errors_exit_1_with_file_line_column(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FRENCH)
    result = run_cli(["validate", "measures/2016.yaml", "--data-dir", str(MINIMAL)])
    assert_no_traceback(result)
    assert result.exit_code == ExitCode.INVALID_DATA
    expected = [f"measures/2016.yaml:{line}:{col}: error[french-number]: {message}"
                for line, col, message in FRENCH_MESSAGES]
    assert result.stdout == "\n".join(expected) + "\n1 file(s) checked: 3 error(s), 0 warning(s)\n"


def test_whole_folder_with_an_error(minimal_copy: Path) -> None:
    target = minimal_copy / "measures" / "2016.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("value: 9\n", "value: -9\n"),
                      encoding="utf-8")
    result = run_cli(["validate", "--data-dir", str(minimal_copy)])
    assert_no_traceback(result)
    assert result.exit_code == ExitCode.INVALID_DATA
    [problem] = parse_problems(result.stdout)
    assert problem.location.endswith("measures/2016.yaml:26:12")
    assert (problem.severity, problem.code) == ("error", "negative-quantity")
    assert problem.message == "a quantity cannot be negative (-9 nombre)"


def test_strict_turns_a_warning_into_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TOTAL)
    args = ["validate", "measures/2015.yaml", "--data-dir", str(MINIMAL)]
    lenient = run_cli(args)
    strict = run_cli([*args, "--strict"])
    for result in (lenient, strict):
        assert_no_traceback(result)
        assert result.stdout == (
            "measures/2015.yaml:11:12: warning[total-mismatch]: the categories add up to "
            "100000, the published total is 1000000\n"
            "1 file(s) checked: 0 error(s), 1 warning(s)\n")
    assert lenient.exit_code == ExitCode.OK
    assert strict.exit_code == ExitCode.INVALID_DATA


def test_strict_on_a_clean_folder_still_exits_0() -> None:
    assert run_cli(["validate", "--strict", "-d", str(MINIMAL)]).exit_code == ExitCode.OK


# ---------------------------------------------------------------------------------------------
# JSON and GitHub formats


def test_json_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FRENCH)
    result = run_cli(["validate", "measures/2016.yaml", "-d", str(MINIMAL), "--format", "json"])
    assert_no_traceback(result)
    assert result.exit_code == ExitCode.INVALID_DATA
    report = json.loads(result.stdout)
    assert report == {
        "valid": False,
        "files": ["measures/2016.yaml"],
        "errors": 3,
        "warnings": 0,
        "problems": [
            {"file": "measures/2016.yaml", "line": line, "column": col, "severity": "error",
             "code": "french-number", "message": message}
            for line, col, message in FRENCH_MESSAGES
        ],
    }


def test_json_format_of_a_valid_folder() -> None:
    result = run_cli(["validate", "-d", str(MINIMAL), "-f", "json"])
    assert result.exit_code == ExitCode.OK
    report = json.loads(result.stdout)
    assert (report["valid"], report["errors"], report["warnings"], report["problems"]) == (
        True, 0, 0, [])
    assert sorted(Path(f).name for f in report["files"]) == [
        "1-1.1.yaml", "1-1.2.yaml", "2-1.1.yaml", "2015.yaml", "2016.yaml", "2017.yaml",
        "scheme.yaml"]


def test_json_keeps_warnings_and_positionless_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID / "stray-file")
    result = run_cli(["validate", "-d", ".", "-f", "json"])
    assert result.exit_code == ExitCode.OK  # a warning only
    report = json.loads(result.stdout)
    assert report["valid"] is True
    assert report["warnings"] == 1
    assert report["problems"] == [{
        "file": "measures/2016.yml", "line": None, "column": None, "severity": "warning",
        "code": "stray-file",
        "message": "spapser reads only *.yaml files here; this file is ignored (rename it to "
                   ".yaml)"}]


def test_github_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FRENCH)
    result = run_cli(["validate", "measures/2016.yaml", "-d", str(MINIMAL), "-f", "github"])
    assert_no_traceback(result)
    assert result.exit_code == ExitCode.INVALID_DATA
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        f"::error file=measures/2016.yaml,line={line},col={col},title=french-number::"
        + message.replace("%", "%25")
        for line, col, message in FRENCH_MESSAGES
    ]
    assert "write it as 40.6 (the unit, %25, is declared" in lines[2]
    assert lines[3:] == ["1 file(s) checked: 3 error(s), 0 warning(s)"]


def test_github_format_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TOTAL)
    result = run_cli(["validate", "measures/2015.yaml", "-d", str(MINIMAL), "-f", "github",
                      "--strict"])
    assert result.exit_code == ExitCode.INVALID_DATA
    assert result.stdout.splitlines()[0] == (
        "::warning file=measures/2015.yaml,line=11,col=12,title=total-mismatch::the "
        "categories add up to 100000, the published total is 1000000")


def test_github_escapes_properties() -> None:
    from spapser_cli.problems import Problem
    from spapser_cli.render.problems import format_github

    problem = Problem("a,b:c.yaml", "yaml-syntax", "50% done\nnext", 3, 4)
    assert format_github(problem) == (
        "::error file=a%2Cb%3Ac.yaml,line=3,col=4,title=yaml-syntax::50%25 done%0Anext")
    assert format_github(Problem("x.yaml", "missing-scheme", "m")) == (
        "::error file=x.yaml,title=missing-scheme::m")


# ---------------------------------------------------------------------------------------------
# Usage errors: exit 2, one clear line, no traceback


@pytest.mark.parametrize(("args", "stderr"), [
    (["validate", "--bogus"], "No such option: --bogus"),
    (["validate", "--format", "xml"], "Invalid value for '--format'"),
    (["validate", "--data-dir", "/nonexistent/spapser"],
     "Error: --data-dir: /nonexistent/spapser is not a folder\n"),
    (["validate", "no-such-file.yaml", "--data-dir", str(MINIMAL)],
     "Error: no-such-file.yaml: no such file\n"),
    (["validate", str(MINIMAL), "--data-dir", str(MINIMAL)],
     f"Error: {MINIMAL}: is a folder; give files, or use --data-dir\n"),
    (["validate", "--data-dir", str(MINIMAL / "scheme.yaml")], "is a file"),
    (["bogus-command"], "No such command"),
])
def test_usage_errors_exit_2(args: list[str], stderr: str) -> None:
    result = run_cli(args)
    assert_no_traceback(result)
    assert result.exit_code == ExitCode.USAGE, result.output
    assert stderr in result.stderr
    assert result.stdout == ""
    if stderr.startswith("Error: "):
        assert errors_of(result) == stderr  # exactly one line (and which data was read)


def test_env_var_that_is_not_a_folder_exits_2(tmp_path: Path) -> None:
    result = run_cli(["validate"], env={datadir.ENV_VAR: str(tmp_path / "missing")})
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == f"Error: {datadir.ENV_VAR}: {tmp_path / 'missing'} is not a folder\n"


def test_internal_error_is_one_line_and_exit_70(monkeypatch: pytest.MonkeyPatch) -> None:
    from spapser_cli.read import load as catalog

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(catalog, "load_catalog", boom)
    result = run_cli(["validate", "-d", str(MINIMAL)])
    assert result.exit_code == ExitCode.INTERNAL
    assert "Traceback" not in result.output
    assert errors_of(result) == ("Error: internal error: RuntimeError: boom (run with --debug "
                                 "for the traceback, and please report it)\n")
    debug = run_cli(["--debug", "validate", "-d", str(MINIMAL)])
    assert isinstance(debug.exception, RuntimeError)  # --debug lets the traceback through


def test_clean_errors_need_no_debug_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every invalid fixture reports without a traceback, with or without --debug."""
    monkeypatch.chdir(INVALID / "tag")
    for prefix in ([], ["--debug"]):
        result = run_cli([*prefix, "validate", "measures/2016.yaml", "-d", str(MINIMAL)])
        assert_no_traceback(result)
        assert result.exit_code == ExitCode.INVALID_DATA
        assert "error[tag]" in result.stdout


# ---------------------------------------------------------------------------------------------
# Which data folder: --data-dir > $SPAPSER_DATA_DIR > ./data with a scheme.yaml > bundled


def _first_file(result_stdout: str) -> Path:
    return Path(json.loads(result_stdout)["files"][0]).resolve()


@pytest.fixture
def three_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    folders = {}
    for name in ("option", "env", "work/data"):
        folders[name] = tmp_path / name
        shutil.copytree(MINIMAL, folders[name])
    monkeypatch.chdir(tmp_path / "work")
    return folders


def test_data_dir_option_wins(three_folders: dict[str, Path]) -> None:
    result = run_cli(["validate", "-f", "json", "--data-dir", str(three_folders["option"])],
                     env={datadir.ENV_VAR: str(three_folders["env"])})
    assert result.exit_code == ExitCode.OK
    assert _first_file(result.stdout) == (three_folders["option"] / "scheme.yaml").resolve()


def test_env_var_beats_local_data(three_folders: dict[str, Path]) -> None:
    result = run_cli(["validate", "-f", "json"], env={datadir.ENV_VAR: str(three_folders["env"])})
    assert result.exit_code == ExitCode.OK
    assert _first_file(result.stdout) == (three_folders["env"] / "scheme.yaml").resolve()


def test_local_data_beats_bundled(three_folders: dict[str, Path]) -> None:
    result = run_cli(["validate", "-f", "json"])
    assert result.exit_code == ExitCode.OK
    assert json.loads(result.stdout)["files"][0] == "data/scheme.yaml"


def test_local_data_without_scheme_falls_back_to_bundled(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data" / "measures").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    bundled = datadir.bundled_data_dir()
    assert datadir.resolve_data_dir(None) == bundled
    if not (bundled / "scheme.yaml").is_file():
        pytest.skip("no bundled dataset in this checkout")
    result = run_cli(["validate", "-f", "json"])
    assert_no_traceback(result)
    assert result.exit_code in (ExitCode.OK, ExitCode.INVALID_DATA)
    assert _first_file(result.stdout) == (bundled / "scheme.yaml").resolve()


def test_bundled_dataset_is_the_repository_data_in_a_checkout() -> None:
    if not Path(datadir.__file__).resolve().is_relative_to(REPO):
        pytest.skip("spapser is installed from elsewhere than this checkout")
    assert datadir.bundled_data_dir().resolve() == (REPO / "data").resolve()


# ---------------------------------------------------------------------------------------------
# JSON Schemas


def _check_jsonschema(schema: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CHECK_JSONSCHEMA), "--schemafile", str(schema),
                           *map(str, files)], capture_output=True, text=True, timeout=120)


def test_schema_command_writes_draft07_schemas(tmp_path: Path) -> None:
    out = tmp_path / "out" / "schemas"
    result = run_cli(["schema", "--generic", "-o", str(out)])
    assert_no_traceback(result)
    assert result.exit_code == ExitCode.OK
    assert result.stdout.splitlines() == [str(out / f"{kind}.schema.json") for kind in SCHEMAS]
    assert sorted(p.name for p in out.iterdir()) == [
        "action.schema.json", "measures.schema.json", "scheme.schema.json"]
    for kind in SCHEMAS:
        schema = json.loads((out / schema_file_name(kind)).read_text(encoding="utf-8"))
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert schema["$id"] == f"urn:spapser:schema:{kind}"
        assert schema["title"] == f"spapser {kind} file"
        assert schema["description"].startswith("data/")
        assert schema["type"] == "object"
        assert schema["additionalProperties"] is False
        assert "$defs" not in json.dumps(schema)  # draft-07 says `definitions`
    measures = json.loads((out / "measures.schema.json").read_text(encoding="utf-8"))
    assert measures["required"] == ["year"]
    assert set(measures["properties"]) == {"year", "measures", "reported", "not_measured"}


def test_schema_command_cannot_write_exits_3(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    result = run_cli(["schema", "--generic", "-o", str(blocker / "schemas")])
    assert_no_traceback(result)
    assert result.exit_code == ExitCode.CANNOT_WRITE
    assert result.stderr.startswith(f"Error: cannot create {blocker / 'schemas'}: ")


def test_schemas_use_json_schema_keywords_for_bounds() -> None:
    text = json.dumps([build_schema(kind) for kind in SCHEMAS])
    assert not re.search(r'"(ge|le|gt|lt)": ', text)
    assert '"minimum": 1990' in text


def test_minimal_fixture_passes_check_jsonschema(tmp_path: Path) -> None:
    assert run_cli(["schema", "--generic", "-o", str(tmp_path)]).exit_code == ExitCode.OK
    for kind, pattern in KINDS.items():
        files = sorted(MINIMAL.glob(pattern))
        assert files
        done = _check_jsonschema(tmp_path / schema_file_name(kind), files)
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(("fixture", "kind", "file"), [
    ("unknown-key", "measures", "measures/2015.yaml"),
    ("invalid-value", "measures", "measures/2016.yaml"),
    ("boolean-not-number", "measures", "measures/2016.yaml"),
    ("unknown-kind", "action", "actions/1-1.1.yaml"),
])
def test_check_jsonschema_rejects_invalid_fixtures(fixture: str, kind: str, file: str) -> None:
    done = _check_jsonschema(SCHEMAS_DIR / schema_file_name(kind), [INVALID / fixture / file])
    assert done.returncode == 1, done.stdout + done.stderr


@pytest.mark.parametrize(("folder", "schemas"), [
    (MINIMAL, SCHEMAS_DIR),
    (REPO / "data", REPO / "data" / "schemas"),  # issue 9: the folder's own, inside it
], ids=["minimal", "shipped"])
def test_every_data_file_names_its_schema(folder: Path, schemas: Path) -> None:
    if not (folder / "scheme.yaml").is_file():
        pytest.skip("no shipped dataset")
    for kind, pattern in KINDS.items():
        for path in sorted(folder.glob(pattern)):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
            assert match, f"{path}: first line is {first!r}"
            target = (path.parent / match[1]).resolve()
            assert target == (schemas / schema_file_name(kind)).resolve(), path


@pytest.mark.parametrize("folder", [REPO / "data", REPO / "tests" / "fixtures" /
                                    "synthetic-departement"], ids=["shipped", "synthetic"])
def test_a_folders_own_schemas_are_up_to_date(folder: Path, tmp_path: Path) -> None:
    """Regenerate with `spapser schema --data-dir FOLDER` after changing its actions."""
    if not (folder / "scheme.yaml").is_file():
        pytest.skip("no shipped dataset")
    assert run_cli(["schema", "-d", str(folder), "-o", str(tmp_path)]).exit_code == ExitCode.OK
    for kind in SCHEMAS:
        name = schema_file_name(kind)
        assert (folder / "schemas" / name).read_bytes() == (tmp_path / name).read_bytes(), (
            f"{folder}/schemas/{name} is stale: run `spapser schema -d {folder}`")


def test_committed_schemas_are_up_to_date(tmp_path: Path) -> None:
    """Regenerate with `spapser schema -o schemas` after changing the models."""
    assert run_cli(["schema", "--generic", "-o", str(tmp_path)]).exit_code == ExitCode.OK
    for kind in SCHEMAS:
        name = schema_file_name(kind)
        committed = SCHEMAS_DIR / name
        assert committed.is_file(), f"schemas/{name} is missing: run `spapser schema`"
        assert committed.read_bytes() == (tmp_path / name).read_bytes(), (
            f"schemas/{name} is stale: run `spapser schema -o schemas`")


SHIPPED = REPO / "data"


@pytest.mark.skipif(not (SHIPPED / "scheme.yaml").is_file(), reason="no shipped dataset")
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_shipped_data_passes_check_jsonschema(kind: str) -> None:
    files = sorted(SHIPPED.glob(KINDS[kind]))
    if not files:
        pytest.skip(f"no shipped {kind} file yet")
    done = _check_jsonschema(SCHEMAS_DIR / schema_file_name(kind), files)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_file_of_the_folder_reports_what_its_edit_breaks_elsewhere(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    action = data / "actions" / "1-1.3.yaml"
    action.write_text(action.read_text(encoding="utf-8").replace("recycled", "recycle"),
                      encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli(["validate", "data/actions/1-1.3.yaml", "--data-dir", "data"])
    assert_no_traceback(result)
    assert result.exit_code == ExitCode.INVALID_DATA
    broken = {line.split(":")[0] for line in result.stdout.splitlines() if "error[" in line}
    # The action file itself is fine; the measures that use its old category are not.
    assert "data/measures/2015.yaml" in broken and "data/actions/1-1.3.yaml" not in broken
    assert "unknown-category" in result.stdout
