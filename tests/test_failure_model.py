"""The failure model (docs/design.md, "Failure model"), through the command line.

Each family of hostile input or broken environment found by the security probe of issue 13
ends in exit 1, 2 or 3 (130/143 for signals) with one clean line, never a traceback, a hang,
a write outside the output path, or code run from the cache. Environment cases run `spapser`
as a subprocess, always with a timeout; data cases run in-process on a copy of the data.
"""

from __future__ import annotations

import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO, assert_no_traceback, parse_problems, run_cli

from spapser_cli.render.terminal import UNSAFE

DATA = REPO / "data"
TIMEOUT = 20  # seconds; every case below ends in well under 5 s
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file types and signals")
NOT_ROOT = pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                              reason="root reads every file")


def spapser(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            **kwargs: object) -> subprocess.CompletedProcess[str]:
    """`spapser ARGS` as its own process (the console entry point), with a timeout."""
    kwargs.setdefault("capture_output", "stdout" not in kwargs)
    return subprocess.run([sys.executable, "-m", "spapser_cli", *args], text=True,
                          timeout=TIMEOUT, cwd=cwd, env={**os.environ, **(env or {})},
                          check=False, **kwargs)  # type: ignore[call-overload]


def without_data_line(stderr: str) -> str:
    """stderr less the line naming the data folder that every command prints first."""
    return "".join(line for line in stderr.splitlines(keepends=True)
                   if not line.startswith("data: "))


def one_error_line(stderr: str) -> str:
    """The single line a failure prints on stderr (besides the data folder's)."""
    lines = without_data_line(stderr).splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("Error: "), stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    return lines[0]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A writable copy of the shipped data."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SPAPSER_CACHE_DIR", str(folder))
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- 1. the snapshot cache runs no code ---------------------------------------------------------
class _Planted:
    target = ""

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (Path(_Planted.target),))


def snapshots(cache: Path) -> list[Path]:
    return sorted(p for p in cache.iterdir() if p.name.startswith("catalog-"))


@pytest.mark.parametrize("mode", [0o600, 0o400, 0o640, 0o644])
def test_no_code_runs_from_a_snapshot_whatever_its_mode(data: Path, cache: Path, tmp_path: Path,
                                                        mode: int) -> None:
    first = run_cli(["compute", "2015", "--data-dir", str(data)])
    assert first.exit_code == 0
    (snapshot,) = snapshots(cache)
    header = snapshot.read_bytes().split(b"\n", 1)[0] + b"\n"
    _Planted.target = str(tmp_path / "PWNED")
    snapshot.write_bytes(header + pickle.dumps(_Planted()))
    snapshot.chmod(mode)
    again = run_cli(["compute", "2015", "--data-dir", str(data)])
    assert again.exit_code == 0 and again.stdout == first.stdout
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize("body", [
    b"[4]", b"null", b'{"catalog": 1}', b"[4,1,2,3,4,5,6,7,8,9,10]",
    b'[4,"data",{"title":"t","axes":[{"number":"x"}]},{},{},{},{},{},[],[],[]]',
    b'[4,"d",{"title":"t","axes":[]},{"\\u0000":[["1-1.1",{"code":"other"}]]},{},{},{},{},[],[],'
    b'[]]',
    b'[4,"d",{"title":"t","axes":[]},{},{},{},{},{},[],[],[["f","no-such-code","m",1,1,'
    b'"error"]]]',
    b'[4,"d",{"title":"t","axes":[]},{},{},{},{},{"\\u0000":[["x","f"]]},[],[],[]]',
    b'[4,"d",{"title":"t","axes":[]},{},{},{},{},{},[],[["nowhere",{}]],[]]',
    b"\xff\xfe garbage", b"[" * 100_000,
])
def test_a_snapshot_of_the_right_header_and_a_wrong_shape_is_a_miss(
        data: Path, cache: Path, body: bytes) -> None:
    first = run_cli(["compute", "2015", "--data-dir", str(data)])
    (snapshot,) = snapshots(cache)
    header = snapshot.read_bytes().split(b"\n", 1)[0] + b"\n"
    snapshot.write_bytes(header + body)
    again = run_cli(["compute", "2015", "--data-dir", str(data)])
    assert again.exit_code == 0, again.output
    assert again.stdout == first.stdout


@pytest.mark.parametrize("variable", ["SPAPSER_CACHE_DIR", "XDG_CACHE_HOME"])
def test_a_relative_cache_path_is_ignored(tmp_path: Path, variable: str) -> None:
    work = tmp_path / "checkout"
    work.mkdir()
    env = {"SPAPSER_CACHE_DIR": "", "XDG_CACHE_HOME": "", "HOME": str(tmp_path / "home"),
           variable: "planted-cache"}
    done = spapser("compute", "2015", "--data-dir", str(DATA), cwd=work, env=env)
    assert done.returncode == 0, done.stderr
    assert list(work.iterdir()) == []  # nothing read or written below the working folder


# -- 2. a private cache folder, exclusive no-follow temporary files ----------------------------
@POSIX
@pytest.mark.parametrize("mode", [0o777, 0o1777, 0o755, 0o750])
def test_a_cache_folder_others_can_use_is_refused(data: Path, cache: Path, tmp_path: Path,
                                                  mode: int) -> None:
    cache.mkdir()
    cache.chmod(mode)
    victim = tmp_path / "important.txt"
    victim.write_text("keep me", encoding="utf-8")
    for pid in range(os.getpid() - 50, os.getpid() + 2000):  # whatever pid the run gets
        (cache / f".planted-{pid}.tmp").symlink_to(victim)
    done = run_cli(["compute", "2015", "--data-dir", str(data)])
    assert done.exit_code == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert snapshots(cache) == []  # nothing stored, nothing read


@POSIX
def test_a_cache_folder_that_is_a_link_is_refused(data: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "elsewhere"
    real.mkdir(mode=0o700)
    (tmp_path / "cache-link").symlink_to(real)
    monkeypatch.setenv("SPAPSER_CACHE_DIR", str(tmp_path / "cache-link"))
    assert run_cli(["compute", "2015", "--data-dir", str(data)]).exit_code == 0
    assert list(real.iterdir()) == []


@POSIX
def test_an_export_replaces_a_link_at_its_path_and_writes_nothing_else(
        data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "important.txt"
    victim.write_text("keep me", encoding="utf-8")
    (out / "bilan.xlsx").symlink_to(victim)
    done = run_cli(["export", "2015", "--data-dir", str(data), "-o", str(out / "bilan.xlsx")])
    assert done.exit_code == 0, done.output
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (out / "bilan.xlsx").is_symlink()
    assert sorted(p.name for p in out.iterdir()) == ["bilan.xlsx"]  # no temporary left


# -- 3. only regular files, and never more than the cap ----------------------------------------
@POSIX
@pytest.mark.parametrize("command", [["validate"], ["compute", "2015"]])
def test_a_fifo_in_the_data_folder_is_one_problem_not_a_hang(data: Path, command: list[str]
                                                             ) -> None:
    os.mkfifo(data / "measures" / "2017.yaml")
    done = spapser(*command, "--data-dir", str(data), env={"SPAPSER_CACHE_DIR": ""})
    problems = parse_problems(done.stdout + done.stderr)
    fifo = str(data / "measures" / "2017.yaml")
    if command == ["validate"]:
        assert done.returncode == 1
        assert [(p.location, p.code) for p in problems] == [(fifo, "unreadable-file")]
        assert "named pipe" in problems[0].message
    else:  # a measures file with errors leaves its year out, with a warning
        assert done.returncode == 0
        assert [(p.location.strip(), p.code) for p in problems] == [(fifo, "broken-year")]


@POSIX
@pytest.mark.parametrize("path", ["/dev/zero", "/dev/null", "fifo"])
def test_validate_a_path_that_is_not_a_regular_file(tmp_path: Path, path: str) -> None:
    if path == "fifo":
        path = str(tmp_path / "fifo.yaml")
        os.mkfifo(path)
    done = spapser("validate", path, "--data-dir", str(DATA))
    assert done.returncode == 1, done.stderr
    (problem,) = parse_problems(done.stdout)
    assert (problem.location, problem.code) == (path, "unreadable-file")
    assert without_data_line(done.stderr) == ""


@POSIX
def test_a_fifo_at_the_snapshots_name_is_a_miss(data: Path, tmp_path: Path) -> None:
    env = {"SPAPSER_CACHE_DIR": str(tmp_path / "cache")}
    assert spapser("compute", "2015", "--data-dir", str(data), env=env).returncode == 0
    (snapshot,) = snapshots(tmp_path / "cache")
    snapshot.unlink()
    os.mkfifo(snapshot, 0o600)
    done = spapser("compute", "2015", "--data-dir", str(data), env=env)
    assert done.returncode == 0 and without_data_line(done.stderr) == ""


def test_a_file_larger_than_the_cap_is_refused_from_the_bytes_read(data: Path) -> None:
    big = data / "measures" / "2017.yaml"
    big.write_bytes(b"year: 2017\n" + b"#" * 2_000_000 + b"\n")
    done = run_cli(["validate", "--data-dir", str(data)])
    assert done.exit_code == 1
    (problem,) = parse_problems(done.stdout)
    assert problem.code == "file-too-large"


# -- 4. links leading out of the data folder ---------------------------------------------------
@POSIX
@pytest.mark.parametrize("command", [["validate"], ["compute", "2015"], ["export", "2015"]])
def test_a_link_out_of_the_data_folder_is_refused_without_quoting_its_target(
        data: Path, tmp_path: Path, command: list[str]) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("https://user:ghp_SECRET0123456789@github.com\n", encoding="utf-8")
    link = data / "measures" / "2097.yaml"
    link.symlink_to(secret)
    done = run_cli([*command, "--data-dir", str(data), *(["-o", str(tmp_path / "b.xlsx")]
                                                         if command[0] == "export" else [])])
    assert "SECRET" not in done.output and "secret.txt" not in done.output
    if command[0] == "export":  # its warnings go into the workbook
        assert done.exit_code == 0, done.output
        return
    (problem,) = parse_problems(done.output)
    if command == ["validate"]:
        assert done.exit_code == 1
        assert (problem.location, problem.code) == (str(link), "link-outside-data")
    else:  # a measures file with errors leaves its year out, with a warning
        assert done.exit_code == 0
        assert (problem.location.strip(), problem.code) == (str(link), "broken-year")


@POSIX
def test_a_link_to_a_device_is_refused(data: Path) -> None:
    (data / "actions" / "9-9.9.yaml").symlink_to("/dev/zero")
    done = spapser("validate", "--data-dir", str(data))
    assert done.returncode == 1
    codes = [p.code for p in parse_problems(done.stdout)]
    assert codes == ["link-outside-data"]


@POSIX
def test_a_link_inside_the_data_folder_is_read(data: Path) -> None:
    (data / "measures" / "2015.yaml").rename(data / "2015-real.yaml.txt")
    (data / "measures" / "2015.yaml").symlink_to(data / "2015-real.yaml.txt")
    done = run_cli(["compute", "2015", "--data-dir", str(data), "--format", "json"])
    assert done.exit_code == 0, done.output


# -- 5. no terminal escapes, one line per problem ----------------------------------------------
HOSTILE = r"Fake\e[2J\e]0;pwned\a all met\r\nline two\Lthree\u202Eevil\u200Bzero"


def assert_printable(text: str) -> None:
    for line in text.split("\n"):
        assert UNSAFE.search(line) is None, repr(line)


@pytest.mark.parametrize("args", [["compute", "2015"], ["actions"], ["actions", "1-1.1"],
                                  ["series", "paper-recycled-share"]])
def test_titles_with_escapes_print_as_visible_escapes(data: Path, args: list[str]) -> None:
    edit(data / "actions" / "1-1.1.yaml",
         "title: Développer l'utilisation de matériaux recyclés dans les Travaux Publics",
         f'title: "{HOSTILE}"')
    done = run_cli([*args, "--data-dir", str(data)])
    assert done.exit_code == 0, done.output
    assert_printable(done.stdout + done.stderr)
    if args != ["series", "paper-recycled-share"]:
        assert "Fake\\x1b[2J" in done.stdout


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_problem_quoting_escapes_is_one_line(data: Path, fmt: str) -> None:
    edit(data / "measures" / "2015.yaml", "    unit: kg\n", '    unit: "k\\e[2J\\ng\\L\\u202E"\n')
    done = run_cli(["validate", "--data-dir", str(data), "--format", fmt])
    assert done.exit_code == 1
    assert_printable(done.stdout)
    lines = done.stdout.splitlines()
    assert len(lines) == 2, lines  # the problem and the summary
    assert "\\x1b" in lines[0]


@POSIX
def test_a_file_name_with_escapes_is_printed_escaped(data: Path) -> None:
    (data / "measures" / "\x1b[2J\udcff.yaml").write_text("year: [", encoding="utf-8",
                                                          errors="surrogateescape")
    done = spapser("validate", "--data-dir", str(data))
    assert done.returncode == 1
    assert_printable(done.stdout)
    assert "\\x1b[2J\\udcff.yaml" in done.stdout and without_data_line(done.stderr) == ""


@POSIX
@pytest.mark.parametrize("args", [["validate", "--format", "json"], ["actions", "--format", "json"],
                                  ["compute", "2015", "--format", "json"]])
def test_json_output_escapes_what_a_terminal_would_interpret(data: Path, args: list[str]
                                                             ) -> None:
    edit(data / "actions" / "1-1.1.yaml",
         "title: Développer l'utilisation de matériaux recyclés dans les Travaux Publics",
         r'title: "Fake\x85\u202Eevil\x9b2J"')
    (data / "measures" / "\udcff.txt").write_text("x", encoding="utf-8", errors="surrogateescape")
    done = spapser(*args, "--data-dir", str(data), env={"LC_ALL": "C.UTF-8"})
    assert done.returncode in (0, 1), done.stderr
    assert_printable(done.stdout)
    assert "Traceback" not in done.stderr


@POSIX
def test_clicks_own_messages_on_a_terminal_are_escaped() -> None:
    """Click quotes an unknown option as typed, and strips escapes only when not on a
    terminal: on one, stderr's safety net escapes them."""
    import pty

    controller, terminal = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "spapser_cli", "validate", "--\x1b[2Jx"],
                              stdin=terminal, stdout=terminal, stderr=terminal,
                              timeout=TIMEOUT, check=False)
    finally:
        os.close(terminal)
    out = b""
    try:
        while chunk := os.read(controller, 65536):
            out += chunk
    except OSError:  # the terminal's other end is closed
        pass
    finally:
        os.close(controller)
    assert done.returncode == 2
    assert b"\x1b" not in out and b"No such option: --\\x1b[2Jx" in out


def test_an_error_line_quoting_the_command_line_is_escaped(data: Path) -> None:
    done = run_cli(["actions", "1-1.1\x1b[2J\n", "--data-dir", str(data)])
    assert done.exit_code == 2
    assert_printable(one_error_line(done.stderr))


# -- 6. the workbook is well-formed XML whatever the text ---------------------------------------
@pytest.mark.parametrize("char", ["\\uFFFE", "\\uFFFF", "\\x0b", "\\e", "\\uD800"])
def test_text_xml_forbids_is_removed_from_the_workbook(data: Path, tmp_path: Path,
                                                       char: str) -> None:
    from openpyxl import load_workbook

    edit(data / "actions" / "1-1.1.yaml",
         "title: Développer l'utilisation de matériaux recyclés dans les Travaux Publics",
         f'title: "Matériaux{char} recyclés"')
    target = tmp_path / "bilan.xlsx"
    done = run_cli(["export", "2015", "--data-dir", str(data), "-o", str(target)])
    if char == "\\uD800":  # a lone surrogate is not valid YAML text
        assert done.exit_code == 1
        return
    assert done.exit_code == 0, done.output
    workbook = load_workbook(target)
    texts = [c.value for ws in workbook for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)]
    assert "Matériaux recyclés" in " ".join(texts)


# -- 7. the fingerprint cannot be fooled by moving bytes between files --------------------------
def test_moving_bytes_across_a_file_boundary_is_seen(data: Path, cache: Path) -> None:
    assert run_cli(["compute", "2016", "--data-dir", str(data)]).exit_code == 0
    measures = data / "measures"
    joined = ((measures / "2015.yaml").read_bytes() + b"\0measures/2016.yaml"
              + (measures / "2016.yaml").read_bytes())
    (measures / "2016.yaml").unlink()
    (measures / "2015.yaml").write_bytes(joined)
    done = run_cli(["compute", "2016", "--data-dir", str(data)])
    assert done.exit_code == 1  # the edited file is invalid: never the old figures


# -- 8. no exit 70 ------------------------------------------------------------------------------
@pytest.mark.parametrize("number", ["1" * 5000, "0x" + "f" * 5000, "-" + "9" * 4301])
def test_a_huge_integer_is_a_problem(data: Path, number: str) -> None:
    edit(data / "measures" / "2015.yaml", "      fsc: 73190\n", f"      fsc: {number}\n")
    done = run_cli(["validate", "--data-dir", str(data)])
    assert done.exit_code == 1
    (problem,) = parse_problems(done.stdout)
    assert problem.code == "invalid-value"
    assert problem.location.endswith("2015.yaml:8:12")
    assert len(done.stdout) < 1000


@POSIX
@NOT_ROOT
@pytest.mark.parametrize("what", ["file", "folder"])
def test_an_unreadable_data_file_with_the_cache_on(data: Path, cache: Path, what: str) -> None:
    target = data / "measures" / "2015.yaml" if what == "file" else data / "measures"
    target.chmod(0)
    try:
        done = run_cli(["compute", "2015", "--data-dir", str(data)])
    finally:
        target.chmod(0o755)
    assert_no_traceback(done)
    assert done.exit_code == 1, done.output
    assert "internal error" not in done.output


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_permission_error_with_the_cache_on_even_as_root(
        data: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, what: str) -> None:
    """The same as above where root reads everything: the system refuses the path."""
    denied = str(data / "measures" / "2015.yaml") if what == "file" else str(data / "measures")

    def guarded(real: Any) -> Any:
        def call(path: Any = ".", *args: Any, **kwargs: Any) -> Any:
            if isinstance(path, str | Path) and os.fspath(path) == denied:
                raise PermissionError(13, "Permission denied", denied)
            return real(path, *args, **kwargs)
        return call

    monkeypatch.setattr(os, "open", guarded(os.open))
    monkeypatch.setattr(os, "listdir", guarded(os.listdir))
    done = run_cli(["compute", "2015", "--data-dir", str(data)])
    assert_no_traceback(done)
    assert done.exit_code == 1, done.output
    if what == "folder":
        (problem,) = parse_problems(done.stderr)
        assert (problem.location, problem.code) == (denied, "unreadable-file")
        assert "Permission denied" in problem.message
    else:  # the year asked for has a file with errors
        assert f"{denied} has errors" in one_error_line(done.stderr)
    done = run_cli(["validate", "--data-dir", str(data)])
    assert done.exit_code == 1
    assert ("unreadable-file", "Permission denied") in [
        (p.code, p.message.split(":")[-1].strip()) for p in parse_problems(done.stdout)]


@POSIX
def test_output_through_a_link_loop(data: Path, tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "loop.xlsx").symlink_to(tmp_path / "loop.xlsx")
    for output in (tmp_path / "loop" / "b.xlsx", tmp_path / "loop.xlsx"):
        done = run_cli(["export", "2015", "--data-dir", str(data), "-o", str(output)])
        assert done.exit_code == 3, done.output
        assert "symbolic links" in one_error_line(done.stderr)


def test_file_names_over_the_system_limit(data: Path, tmp_path: Path) -> None:
    done = run_cli(["compute", "2015", "--data-dir", str(tmp_path / ("d" * 300))])
    assert done.exit_code == 2
    assert "name too long" in one_error_line(done.stderr).lower()
    long = tmp_path / ("a" * 300 + ".yaml")
    done = run_cli(["validate", str(long), "--data-dir", str(data)])
    assert done.exit_code == 2
    assert "name too long" in one_error_line(done.stderr).lower()
    # The longest name a file can have: its lock files' names are longer, the workbook is fine.
    longest = tmp_path / ("b" * 250 + ".xlsx")
    done = run_cli(["export", "2015", "--data-dir", str(data), "-o", str(longest)])
    assert done.exit_code == 0, done.output
    assert longest.is_file()
    done = run_cli(["export", "2015", "--data-dir", str(data),
                    "-o", str(tmp_path / ("c" * 300 + ".xlsx"))])
    assert done.exit_code == 3
    assert "name too long" in one_error_line(done.stderr).lower()


@POSIX
def test_a_deleted_working_folder(tmp_path: Path) -> None:
    script = ('mkdir gone && cd gone && rmdir ../gone && '
              f'exec "{sys.executable}" -m spapser_cli compute 2015 --data-dir "{DATA}"')
    done = subprocess.run(["sh", "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          timeout=TIMEOUT, check=False)
    assert done.returncode == 2
    assert "working folder" in one_error_line(done.stderr)


@POSIX
@pytest.mark.parametrize("args", [["compute", "2015"], ["actions", "--format", "json"], ["actions"],
                                  ["--help"], ["validate"]])
def test_a_full_standard_output(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        data = [] if args == ["--help"] else ["--data-dir", str(DATA)]
        done = spapser(*args, *data, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 3
    assert "No space left" in one_error_line(done.stderr)


@POSIX
@pytest.mark.parametrize("args", [["compute", "2015"], ["--help"], ["validate"]])
def test_a_closed_standard_output(args: list[str]) -> None:
    command = " ".join([f'"{sys.executable}"', "-m", "spapser_cli", *args])
    done = subprocess.run(["sh", "-c", f"exec {command} >&-"], capture_output=True, text=True,
                          timeout=TIMEOUT, check=False, cwd=REPO)
    assert done.returncode == 3
    assert "standard output" in one_error_line(done.stderr)


@POSIX
@pytest.mark.parametrize("args", [["actions"], ["actions", "--format", "json"],
                                  ["compute", "2015"], ["validate", "--format", "json"],
                                  ["--help"]])
def test_a_reader_that_stopped_reading(args: list[str]) -> None:
    """`spapser … | head -c 20`: the pipe's reader is gone when the output is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        data = [] if args == ["--help"] else ["--data-dir", str(DATA)]
        done = spapser(*args, *data, stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert done.returncode == 3
    assert one_error_line(done.stderr) == ("Error: cannot write the output: the reader of the "
                                           "output stopped reading")


def _limit_file_size() -> None:  # runs in the child: a disk that is full after 20 kB
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


@POSIX
def test_a_full_disk_during_an_export(tmp_path: Path) -> None:
    target = tmp_path / "out" / "bilan.xlsx"
    target.parent.mkdir()
    done = spapser("export", "2015", "--data-dir", str(DATA), "-o", str(target),
                   env={"SPAPSER_NO_CACHE": "1"}, preexec_fn=_limit_file_size)
    assert done.returncode == 3
    assert "File too large" in one_error_line(done.stderr)
    assert list(target.parent.iterdir()) == []


@POSIX
@pytest.mark.parametrize("delay", [0.15, 0.3, 0.45, 0.6, 0.8])
def test_sigterm_during_an_export_leaves_no_temporary_file(tmp_path: Path, delay: float
                                                           ) -> None:
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.Popen([sys.executable, "-m", "spapser_cli", "export", "2015",
                                "--data-dir", str(DATA), "-o", str(out / "b.xlsx")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "SPAPSER_NO_CACHE": "1"})
    time.sleep(delay)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=TIMEOUT)
    # -15: the signal came before spapser's own code ran (a loaded machine), nothing began.
    assert process.returncode in (0, 143, -signal.SIGTERM), stderr
    assert "Traceback" not in stderr
    if process.returncode == 143:
        assert one_error_line(stderr) == "Error: terminated"
    names = [p.name for p in out.iterdir()]
    assert names in ([], ["b.xlsx"])


def _entry_point_start() -> float:
    """Seconds an interpreter takes to load spapser's entry point: a signal before that is
    the interpreter's own (its start-up, the console script's `import re`)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import re, spapser_cli.entry"], check=True,
                   timeout=TIMEOUT)
    return time.perf_counter() - start


@POSIX
@pytest.mark.parametrize("delay", [0.0, 0.02, 0.05, 0.1, 0.2])
def test_ctrl_c_during_start_up(delay: float) -> None:
    delay += 2 * _entry_point_start()
    script = Path(sys.executable).with_name("spapser")  # what users run
    process = subprocess.Popen([str(script), "validate", "--data-dir", str(DATA)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=TIMEOUT)
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    # -2: the interpreter itself was still starting (a loaded machine), nothing began.
    assert process.returncode in (0, 130, -signal.SIGINT), stderr
    if process.returncode == 130:
        assert one_error_line(stderr) == "Error: interrupted"


# -- 9. years and numbers on the command line: ASCII digits only -------------------------------
@pytest.mark.parametrize("year", ["٢٠١٥", "２０１５", "2_015", " 2015", "2015 ", "+2015",
                                  "2015\n", "1" * 5000])
@pytest.mark.parametrize("command", ["compute", "export"])
def test_a_year_is_ascii_digits(command: str, year: str) -> None:
    done = run_cli([command, year, "--data-dir", str(DATA)])
    assert done.exit_code == 2
    line = one_error_line(done.stderr) if done.stderr.startswith("Error") else \
        done.stderr.strip().splitlines()[-1]
    assert "digits" in line
    assert_printable(done.stderr)


@pytest.mark.parametrize("option", [["series", "paper-recycled-share", "--from", "２０１０"],
                                    ["compute", "2015", "--axis", "١"]])
def test_numeric_options_are_ascii_digits(option: list[str]) -> None:
    done = run_cli([*option, "--data-dir", str(DATA)])
    assert done.exit_code == 2
    assert "digits" in done.stderr


# -- the collection commands share the same mechanisms -----------------------------------------
@POSIX
@pytest.mark.parametrize("name", ["filled.csv", "filled.xlsx"])
def test_a_fifo_given_to_import_is_one_problem_not_a_hang(data: Path, tmp_path: Path,
                                                          name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    done = spapser("import", str(fifo), "--year", "2016", "--data-dir", str(data))
    assert done.returncode == 1, done.stderr
    problems = parse_problems(done.stderr)
    assert [(p.location, p.code) for p in problems] == [(str(fifo), "unreadable-file")]
    assert "named pipe" in problems[0].message


@pytest.mark.parametrize("args", [["template", "２０１７"], ["status", "2_017"],
                                  ["import", "x.csv", "--year", " 2017"]])
def test_collection_years_are_ascii_digits(args: list[str]) -> None:
    done = run_cli([*args, "--data-dir", str(DATA)])
    assert done.exit_code == 2
    assert "digits" in done.stderr


@POSIX
def test_a_fifo_in_the_contracts_folder_is_one_problem_not_a_hang(data: Path) -> None:
    (data / "contracts").mkdir()
    fifo = data / "contracts" / "decp-2024.json"
    os.mkfifo(fifo)
    done = spapser("contracts", "2024", "--data-dir", str(data))
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 1), done.stderr
    (problem,) = [p for p in parse_problems(done.stdout + done.stderr)
                  if p.location.strip() == str(fifo)]
    assert problem.code == "unreadable-file" and "named pipe" in problem.message


def test_a_contracts_year_is_ascii_digits() -> None:
    done = run_cli(["contracts", "٢٠٢٤", "--data-dir", str(DATA)])
    assert done.exit_code == 2
    assert "digits" in done.stderr


@POSIX
@pytest.mark.parametrize("explicit", [False, True])
def test_a_contract_file_linked_out_of_the_data_folder_is_never_read(
        data: Path, tmp_path: Path, explicit: bool) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text('{"marches": [{"id": "ghp_SECRET0123"', encoding="utf-8")
    (data / "contracts").mkdir()
    link = data / "contracts" / "decp-2024.json"
    link.symlink_to(secret)
    done = run_cli(["validate", *([str(link)] if explicit else []), "--data-dir", str(data)])
    assert done.exit_code == 1
    assert "SECRET" not in done.output and "secret.json" not in done.output
    codes = [(p.location, p.code) for p in parse_problems(done.stdout)]
    assert (str(link), "link-outside-data") in codes
