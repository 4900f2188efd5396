"""The catalog loader on the minimal folder: what it holds, and how it reads extra files."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import INVALID, MINIMAL

from spapser_cli.problems import InvalidDataError
from spapser_cli.read.load import load_catalog, require_catalog


def test_minimal_catalog_contents() -> None:
    loaded = load_catalog(MINIMAL)
    assert loaded.problems == []
    catalog = loaded.catalog
    assert catalog is not None
    assert list(catalog.actions) == ["1-1.1", "1-1.2", "2-1.1"]
    assert catalog.years == [2015, 2016, 2017]
    assert [i.id for _, i in catalog.indicators()] == [
        "paper-change", "paper-recycled-share", "paper-label-mix", "paper-recycled-to-virgin",
        "fuel-per-100km", "charging-points-count", "charging-points-new",
        "distance-driven-thousands", "sme-share", "buyer-survey", "purchasing-rules-adopted"]
    assert catalog.measures[2016].measures["paper-purchased"].values == {
        "recycled": 38500.5, "fsc": 41000.0, "pefc": 15000.0}
    assert catalog.measures[2015].measures["paper-purchased"].total == 100000.0
    assert catalog.measures[2017].reported["purchasing-rules-adopted"].status == "done"
    assert str(catalog.scheme.adopted) == "2017-02-27"


@pytest.mark.parametrize(("indicator", "unit", "categories"), [
    ("paper-change", "%", ["recycled", "fsc", "pefc"]),
    ("paper-recycled-share", "%", []),
    ("paper-label-mix", "%", ["recycled", "fsc", "pefc"]),
    ("paper-recycled-to-virgin", "%", []),
    ("fuel-per-100km", "L/100 km", ["cars", "vans"]),
    ("charging-points-count", "nombre", []),
    ("charging-points-new", "nombre", []),
    ("distance-driven-thousands", "milliers de km", ["cars"]),
    ("sme-share", "%", ["works", "services", "supplies"]),
    ("buyer-survey", None, []),
    ("purchasing-rules-adopted", None, []),
])
def test_indicator_units_and_categories(indicator: str, unit: str | None,
                                        categories: list[str]) -> None:
    catalog, _ = require_catalog(MINIMAL)
    found = catalog.indicator(indicator)
    assert found is not None
    assert catalog.indicator_unit(found) == unit
    assert [c.id for c in catalog.indicator_categories(found)] == categories


def test_require_catalog_raises_with_every_problem(minimal_copy: Path) -> None:
    (minimal_copy / "actions" / "1-1.2.yaml").unlink()
    with pytest.raises(InvalidDataError) as caught:
        require_catalog(minimal_copy)
    codes = sorted(p.code for p in caught.value.problems)
    assert codes == ["missing-action"] + ["unknown-variable"] * 5  # charging-points x3, fuel, km
    assert str(caught.value) == "the data has 6 error(s); run `spapser validate` for details"


def test_an_unparsable_extra_file_is_read_and_reported_once(monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    monkeypatch.chdir(INVALID / "yaml-syntax--unclosed-bracket")
    loaded = load_catalog(MINIMAL, [Path("actions/1-1.1.yaml")])
    mine = [p for p in loaded.problems if p.file == "actions/1-1.1.yaml"]
    assert [(p.code, p.line, p.column) for p in mine] == [("yaml-syntax", 54, 10)]
    assert loaded.files.count("actions/1-1.1.yaml") == 1
    assert len(loaded.files) == 7  # the folder's 1-1.1.yaml is replaced, not read


def test_a_file_given_twice_is_checked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID / "negative-quantity")
    loaded = load_catalog(MINIMAL, [Path("measures/2016.yaml"), Path("./measures/2016.yaml")])
    assert [(p.file, p.code) for p in loaded.problems] == [
        ("measures/2016.yaml", "negative-quantity")]
    assert loaded.files.count("measures/2016.yaml") == 1


def test_numbers_in_messages_keep_their_digits(minimal_copy: Path) -> None:
    target = minimal_copy / "measures" / "2015.yaml"
    text = target.read_text(encoding="utf-8")
    text = text.replace("recycled: 30000", "recycled: 30000.5").replace(
        "total: 100000", "total: 1234568")
    target.write_text(text, encoding="utf-8")
    [problem] = load_catalog(minimal_copy).problems
    assert (problem.code, problem.severity) == ("total-mismatch", "warning")
    assert problem.message == ("the categories add up to 100000.5, the published total is "
                               "1234568")
