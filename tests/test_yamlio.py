"""The strict YAML reader: YAML 1.2 core scalars, encodings, positions, caps and refusals."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from spapser_cli.read import yamlio
from spapser_cli.read.yamlio import Document, YamlError, load_bytes, load_file, load_text

PARSERS = [pytest.param(yaml.SafeLoader, id="pure-python")]
if hasattr(yaml, "CSafeLoader"):
    PARSERS.insert(0, pytest.param(yaml.CSafeLoader, id="libyaml"))


@pytest.fixture(params=PARSERS)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    """Run the test with libyaml and with the pure-Python parser: both must behave alike."""
    monkeypatch.setattr(yamlio, "_Loader", request.param)
    return request.param  # type: ignore[no-any-return]


def refusal(text: str | bytes) -> tuple[str, int | None, int | None, str]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(YamlError) as caught:
        load_bytes(raw, "data/measures/2016.yaml")
    problem = caught.value.problem
    assert problem.file == "data/measures/2016.yaml"
    assert problem.severity == "error"
    assert str(caught.value) == problem.message
    return problem.code, problem.line, problem.column, problem.message


def positions(doc: Document) -> tuple[dict[Any, Any], dict[Any, Any]]:
    """Every recorded (line, column) of values and of keys."""
    return ({path: doc.position(path) for path in doc.values},
            {path: doc.position(path, key=True) for path in doc.keys})


# ---------------------------------------------------------------------------------------------
# Scalars: YAML 1.2 core schema (with leading zeros kept as text)

SCALARS: list[tuple[str, Any]] = [
    ("NO", "NO"), ("no", "no"), ("yes", "yes"), ("Yes", "Yes"), ("on", "on"), ("Off", "Off"),
    ("y", "y"), ("n", "n"),
    ("1:30", "1:30"),  # a sexagesimal 90 in YAML 1.1
    ("01053", "01053"),  # an INSEE code keeps its zero
    ("0123.5", "0123.5"),
    ("2017-02-27", "2017-02-27"),  # dates stay text for the models
    ("2017-02-27 10:00:00", "2017-02-27 10:00:00"),
    ("1_000", "1_000"),
    ("1e3", 1000.0), ("1E3", 1000.0), ("-2.5e-1", -0.25), ("1.", 1.0), (".5", 0.5),
    ("38.5", 38.5), ("0.0", 0.0), ("-0.5", -0.5),
    ("0", 0), ("42", 42), ("-7", -7), ("+7", 7), ("137295", 137295),
    ("0o17", 15), ("0x1F", 31),
    ("true", True), ("True", True), ("TRUE", True), ("false", False), ("FALSE", False),
    ("~", None), ("null", None), ("Null", None), ("NULL", None), ("", None),
    ("38,5", "38,5"), ("137 295", "137 295"), ("12 %", "12 %"),
    ("'12'", "12"), ('"true"', "true"), ('"~"', "~"), ("'2017-02-27'", "2017-02-27"),
    ("|-\n  12", "12"), (">-\n  on", "on"),
]


@pytest.mark.parametrize(("written", "expected"), SCALARS, ids=[s[0] for s in SCALARS])
def test_core_schema_scalars(parser: type, written: str, expected: Any) -> None:
    data = load_text(f"value: {written}\n", "f.yaml").data
    assert data == {"value": expected}
    assert type(data["value"]) is type(expected)  # 1 is not True, 1000.0 is not 1000


@pytest.mark.parametrize("written", [".inf", "+.inf", "-.Inf", ".nan", ".NaN"])
def test_special_floats_are_floats(written: str) -> None:
    value = load_text(f"v: {written}\n", "f.yaml").data["v"]
    assert isinstance(value, float)
    assert str(value) in ("inf", "-inf", "nan")
    assert str(value).startswith("-") == written.startswith("-")


def test_keys_resolve_like_values() -> None:
    data = load_text("2015: a\nno: b\n'3': c\n01053: d\n", "f.yaml").data
    assert data == {2015: "a", "no": "b", "3": "c", "01053": "d"}
    assert list(data) == [2015, "no", "3", "01053"]  # order kept


# ---------------------------------------------------------------------------------------------
# Encodings and line ends

LF = "year: 2016\nmeasures:\n  paper:\n    unit: kg\n    values: {fsc: 12, pefc: 3}\n"


def test_bom_is_accepted_and_positions_unchanged() -> None:
    plain = load_bytes(LF.encode(), "f.yaml")
    with_bom = load_bytes(b"\xef\xbb\xbf" + LF.encode(), "f.yaml")
    assert with_bom.data == plain.data == {
        "year": 2016, "measures": {"paper": {"unit": "kg", "values": {"fsc": 12, "pefc": 3}}}}
    assert positions(with_bom) == positions(plain)
    assert with_bom.position(("year",), key=True) == (1, 1)


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["crlf", "bom-crlf"])
def test_crlf_is_accepted_and_positions_unchanged(parser: type, bom: bytes) -> None:
    plain = load_bytes(LF.encode(), "f.yaml")
    crlf = load_bytes(bom + LF.replace("\n", "\r\n").encode(), "f.yaml")
    assert crlf.data == plain.data
    assert positions(crlf) == positions(plain)
    assert crlf.position(("measures", "paper", "values", "pefc")) == (5, 29)


def test_text_with_a_bom_character_is_accepted() -> None:
    assert load_text("\ufeffa: 1\n", "f.yaml").data == {"a": 1}


def test_non_ascii_text_and_columns_count_characters(parser: type) -> None:
    doc = load_bytes("é: {clé: [1, \"à\", 3]}\nsource: Relevés\n".encode(), "f.yaml")
    assert doc.data == {"é": {"clé": [1, "à", 3]}, "source": "Relevés"}
    assert doc.position(("é", "clé", 1)) == (1, 14)
    assert doc.position(("é", "clé", 2)) == (1, 19)


def test_latin1_is_refused_at_the_offending_byte() -> None:
    raw = "year: 2016\nsource: Relevés kilométriques\n".encode("latin-1")
    code, line, column, message = refusal(raw)
    assert (code, line, column) == ("encoding", 2, 14)
    assert message == ("byte 0xE9 at byte offset 24 is not valid UTF-8 "
                       "(Latin-1/Windows-1252? save the file as UTF-8)")


def test_invalid_utf8_on_the_first_line_counts_columns_from_one() -> None:
    code, line, column, _ = refusal(b"\xe9t\xe9: 1\n")
    assert (code, line, column) == ("encoding", 1, 1)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_refused(encoding: str) -> None:
    raw = ("\ufeff" if encoding != "utf-16" else "") + "year: 2016\n"
    code, line, column, message = refusal(raw.encode(encoding))
    assert (code, line, column) == ("encoding", 1, 1)
    assert "UTF-16" in message or "not valid UTF-8" in message


# ---------------------------------------------------------------------------------------------
# Positions

NESTED = """\
# comment
year: 2016
measures:
  paper-consumption:
    unit: kg
    values:
      recycled: 12
      fsc:   38.5
    source: "Bons de commande"
reported:
  - first
  -   second: 2
"""


def test_positions_of_nested_keys_and_values(parser: type) -> None:
    doc = load_text(NESTED, "f.yaml")
    assert doc.position(("year",), key=True) == (2, 1)
    assert doc.position(("year",)) == (2, 7)
    assert doc.position(()) == (2, 1)
    assert doc.position(("measures", "paper-consumption"), key=True) == (4, 3)
    assert doc.position(("measures", "paper-consumption")) == (5, 5)
    assert doc.position(("measures", "paper-consumption", "values", "fsc"), key=True) == (8, 7)
    assert doc.position(("measures", "paper-consumption", "values", "fsc")) == (8, 14)
    assert doc.position(("measures", "paper-consumption", "source")) == (9, 13)
    assert doc.position(("reported", 0)) == (11, 5)
    assert doc.position(("reported", 1)) == (12, 7)
    assert doc.position(("reported", 1, "second"), key=True) == (12, 7)
    assert doc.position(("reported", 1, "second")) == (12, 15)


def test_position_falls_back_to_the_nearest_parent() -> None:
    doc = load_text(NESTED, "f.yaml")
    path = ("measures", "paper-consumption", "values", "pefc")  # absent
    assert doc.position(path) == (7, 7)  # the `values` mapping starts at its first key
    assert doc.position(("measures", "paper-consumption", "unit"), key=True) == (5, 5)
    assert doc.position(("measures", "paper-consumption", "unit")) == (5, 11)
    assert doc.position(("nothing", "here")) == (2, 1)  # the root mapping


def test_problem_carries_the_position() -> None:
    doc = load_text(NESTED, "data/measures/2016.yaml")
    problem = doc.problem(("measures", "paper-consumption", "values", "fsc"), "french-number",
                          "msg")
    assert (problem.file, problem.line, problem.column) == ("data/measures/2016.yaml", 8, 14)
    key = doc.problem(("measures", "paper-consumption"), "unknown-variable", "m", key=True)
    assert (key.line, key.column, key.severity) == (4, 3, "error")
    empty = Document("x.yaml", None)
    assert empty.problem(("a",), "wrong-type", "m").line is None


# ---------------------------------------------------------------------------------------------
# Refusals, each with its position

REFUSALS = [
    ("duplicate-key", "a: 1\nb:\n  c: 2\n  c: 3\n", 4, 3,
     "duplicate key 'c' (first defined on line 3)"),
    ("duplicate-key-int", "1: a\n1: b\n", 2, 1, "duplicate key '1' (first defined on line 1)"),
    ("anchor", "a: &x 1\n", 1, 4, "anchor &x is not allowed: data files do not share values"),
    ("alias", "a: 1\nb: *x\n", 2, 4, "alias *x is not allowed: write the value out in full"),
    ("merge-key", "a:\n  <<: {b: 1}\n", 2, 3, "merge keys (<<) are not allowed: write the keys out "
     "in full"),
    ("python-tag", "a: !!python/object:builtins.dict {}\n", 1, 4, "tag !!python/object:builtins."
     "dict is not allowed: data files hold plain text, numbers, lists and mappings"),
    ("python-apply", "a: !!python/object/apply:os.system ['echo hi']\n", 1, 4, None),
    ("custom-tag", "a:\n  b: !custom 3\n", 2, 6, "tag !custom is not allowed: data files hold "
     "plain text, numbers, lists and mappings"),
    ("str-tag", "a: !!str 12\n", 1, 4, None),
    ("binary-tag", "a: !!binary aGVsbG8=\n", 1, 4, None),
    ("list-key", "? [a, b]\n: 1\n", 1, 3, "a key must be a plain text or number, not a list or "
     "mapping"),
    ("mapping-key", "{a: 1}: 2\n", 1, 1, None),
    ("float-key", "a:\n  1.5: x\n", 2, 3, "a key must be a text or an integer, not '1.5'"),
    ("two-documents", "a: 1\n---\nb: 2\n", 2, 1, "a data file holds exactly one YAML document; "
     "remove the second `---` or split the file"),
    ("two-documents-explicit", "---\na: 1\n---\nb: 2\n", 3, 1, None),
    ("empty", "", 1, 1, "the file is empty: it should hold a mapping of keys and values"),
    ("comments-only", "# only\n# comments\n", 1, 1, None),
    ("whitespace-only", "\n   \n\n", 1, 1, None),
    ("tab", "a:\n\tb: 1\n", 2, 1, "a tab character cannot be used here (YAML indents with "
     "spaces)"),
    ("unclosed-bracket", "a: [1, 2\nb: 3\n", 2, 2, None),
    ("unclosed-quote", "a: \"abc\nb: 3\n", 3, 1, None),
    ("bad-indent", "a:\n  b: 1\n c: 2\n", 3, 2, None),
    ("control-character", "a: 1\nb: x\x00y\n", 2, 5, "character U+0000 is not allowed in a "
     "data file (an invisible control character: delete it)"),
    ("control-after-accents", "a: é\nb: àà\x07\n", 2, 6, None),
    ("too-deep", "a: " + "[" * 70 + "]" * 70 + "\n", 1, 67, "nesting deeper than 64 levels"),
]


@pytest.mark.parametrize(("name", "text", "line", "column", "message"), REFUSALS,
                         ids=[r[0] for r in REFUSALS])
def test_refusals_with_position(parser: type, name: str, text: str, line: int, column: int,
                                message: str | None) -> None:
    code, got_line, got_column, got_message = refusal(text)
    expected_code = {
        "duplicate-key-int": "duplicate-key", "anchor": "anchor-alias", "alias": "anchor-alias",
        "python-tag": "tag", "python-apply": "tag", "custom-tag": "tag", "str-tag": "tag",
        "binary-tag": "tag", "list-key": "complex-key", "mapping-key": "complex-key",
        "float-key": "complex-key", "two-documents": "multiple-documents",
        "two-documents-explicit": "multiple-documents", "empty": "empty-file",
        "comments-only": "empty-file", "whitespace-only": "empty-file", "tab": "yaml-syntax",
        "unclosed-bracket": "yaml-syntax", "unclosed-quote": "yaml-syntax",
        "bad-indent": "yaml-syntax", "control-character": "yaml-syntax",
        "control-after-accents": "yaml-syntax", "too-deep": "yaml-syntax",
    }.get(name, name)
    assert (code, got_line, got_column) == (expected_code, line, column)
    if message is not None:
        assert got_message == message
    assert "\n" not in got_message


def test_syntax_messages_name_where_the_construct_started() -> None:
    _, _, _, message = refusal("a: [1, 2\nb: 3\n")
    assert message.endswith("(while parsing a flow sequence started on line 1)")


def test_a_python_tag_is_never_constructed(tmp_path: Path) -> None:
    witness = tmp_path / "pwned"
    text = f"a: !!python/object/apply:os.system ['touch {witness}']\n"
    with pytest.raises(YamlError):
        load_text(text, "f.yaml")
    assert not witness.exists()


def test_alias_bomb_is_refused_fast(parser: type) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefghijklmnopq", "bcdefghijklmnopqr", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    bomb = "\n".join(lines) + "\n"  # 9**18 strings once expanded
    start = time.perf_counter()
    code, line, column, _ = refusal(bomb)
    elapsed = time.perf_counter() - start
    assert (code, line, column) == ("anchor-alias", 1, 4)
    assert elapsed < 0.5


# ---------------------------------------------------------------------------------------------
# Size cap and files


def test_size_cap_on_bytes() -> None:
    cap = yamlio.MAX_FILE_BYTES
    assert cap == 1_048_576
    at_cap = b"a: 1\n" + b"#" * (cap - 6) + b"\n"
    assert len(at_cap) == cap
    assert load_bytes(at_cap, "f.yaml").data == {"a": 1}
    code, line, column, message = refusal(at_cap + b" ")
    assert (code, line, column) == ("file-too-large", None, None)
    assert message == ("the file is 1,048,577 bytes; the limit for a data file is "
                       "1,048,576 bytes")


def test_size_cap_on_files_is_checked_before_reading(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "2016.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MiB of zeros
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a too-large file"))
    with pytest.raises(YamlError) as caught:
        load_file(big, "measures/2016.yaml")
    assert caught.value.problem.code == "file-too-large"
    assert caught.value.problem.file == "measures/2016.yaml"


def test_load_file_reads_and_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "2016.yaml"
    path.write_bytes(b"\xef\xbb\xbfyear: 2016\r\n")
    doc = load_file(path)
    assert (doc.file, doc.data, doc.position(("year",))) == (str(path), {"year": 2016}, (1, 7))
    assert load_file(path, "measures/2016.yaml").file == "measures/2016.yaml"


def test_missing_file_and_folder_are_problems(tmp_path: Path) -> None:
    with pytest.raises(YamlError) as missing:
        load_file(tmp_path / "nope.yaml", "nope.yaml")
    assert (missing.value.problem.code, missing.value.problem.message) == (
        "file-not-found", "no such file")
    with pytest.raises(YamlError) as folder:
        load_file(tmp_path, "data")
    assert (folder.value.problem.code, folder.value.problem.message) == (
        "unreadable-file", "this is a folder, not a file")


# ---------------------------------------------------------------------------------------------
# What is accepted


def test_explicit_document_markers_and_directives_are_fine(parser: type) -> None:
    assert load_text("---\na: 1\n...\n", "f.yaml").data == {"a": 1}
    assert load_text("%YAML 1.2\n---\na: 1\n", "f.yaml").data == {"a": 1}


@pytest.mark.parametrize("text", ["---\n", "---\n...\n", "~\n", "# only a comment\n---\n"])
def test_a_document_without_data_is_an_empty_file(parser: type, text: str) -> None:
    with pytest.raises(YamlError) as caught:
        load_text(text, "f.yaml")
    assert (caught.value.problem.code, caught.value.problem.line) == ("empty-file", 1)


@pytest.mark.parametrize(("text", "shown", "column"), [
    ("~: 1\n", "'~'", 1), ("true: 1\n", "'true'", 1), ("? \n: 1\n", "an empty key", 2),
    ("1.5: x\n", "'1.5'", 1)])
def test_null_boolean_and_float_keys_are_refused(parser: type, text: str, shown: str,
                                                 column: int) -> None:
    with pytest.raises(YamlError) as caught:
        load_text(text, "f.yaml")
    problem = caught.value.problem
    assert (problem.code, problem.line, problem.column) == ("complex-key", 1, column)
    assert problem.message == f"a key must be a text or an integer, not {shown}"


def test_flow_and_block_styles_give_the_same_data(parser: type) -> None:
    block = load_text("a:\n  - 1\n  - x: 2\n", "f.yaml").data
    flow = load_text("a: [1, {x: 2}]\n", "f.yaml").data
    assert block == flow == {"a": [1, {"x": 2}]}


def test_resolve_plain_scalar_is_the_reader_rule() -> None:
    assert yamlio.resolve_plain_scalar("01053") == "01053"
    assert yamlio.resolve_plain_scalar("1e3") == 1000.0
    assert yamlio.resolve_plain_scalar("on") == "on"
    assert yamlio.resolve_plain_scalar("") is None


@pytest.mark.parametrize(("raw", "where", "offset"), [
    ("a: «é»\nb: «é» x".encode() + b"\x96\n", (2, 9), 21),  # columns count characters
    (b"\xef\xbb\xbfa: \x96\n", (1, 4), 6),  # the BOM counts in the offset, not the column
])
def test_an_encoding_error_gives_character_columns_and_file_offsets(
        raw: bytes, where: tuple[int, int], offset: int) -> None:
    with pytest.raises(YamlError) as caught:
        load_bytes(raw, "f.yaml")
    problem = caught.value.problem
    assert (problem.code, problem.line, problem.column) == ("encoding", *where)
    assert f"byte 0x96 at byte offset {offset} " in problem.message


@pytest.mark.parametrize(("text", "column", "written"), [
    ("values: {fsc: 73190, pefc: 12,5, recycled: 46748}\n", 28, "12"),
    ("values: {a: 1,25}\n", 13, "1"),
])
def test_a_french_decimal_in_a_flow_mapping_is_named(text: str, column: int,
                                                     written: str) -> None:
    # YAML reads `{pefc: 12,5}` as `pefc: 12` and a key `5` with no value: the decimal comma
    # is caught where it stands, instead of two errors about a key `5`.
    with pytest.raises(YamlError) as caught:
        load_text(text, "m.yaml")
    problem = caught.value.problem
    number = text[column - 1:].split(",")[0]
    decimals = text[column - 1:].split(",")[1].split("}")[0].split(",")[0]
    assert (problem.code, problem.line, problem.column) == ("french-number", 1, column)
    assert number == written
    assert problem.message == (f"'{number},{decimals}' is a French-formatted number, which a "
                               f"{{…}} mapping reads as {number} and a key {decimals}; write "
                               f"it as {number}.{decimals}")


@pytest.mark.parametrize("text", ["a: {x: 12, 5: 3}\n", "a: {1: 2, 3: 4}\n", "a: [1,2]\n"])
def test_integer_keys_after_a_space_stay_integer_keys(text: str) -> None:
    assert load_text(text, "m.yaml").data is not None
