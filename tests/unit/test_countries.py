"""Tests for the country table."""

from __future__ import annotations

import pytest

from frontwatch.countries import load_countries, parse_countries
from frontwatch.errors import DataFileError


def test_every_country_has_codes_and_a_region() -> None:
    table = load_countries()
    countries = list(table)
    assert len(countries) > 240
    for country in countries:
        assert len(country.alpha2) == 2 and len(country.alpha3) == 3
        assert country.region, country.name


@pytest.mark.parametrize(
    ("code", "name", "region", "iso"),
    [
        ("SY", "Syria", "Middle East", 760),
        ("CD", "Democratic Republic of Congo", "Middle Africa", 180),
        ("PS", "Palestine", "Middle East", 275),
        ("MM", "Myanmar", "Southeast Asia", 104),
        ("SD", "Sudan", "Northern Africa", 729),
        ("ML", "Mali", "Western Africa", 466),
        ("UA", "Ukraine", "Europe", 804),
        ("MX", "Mexico", "Central America", 484),
        ("AZ", "Azerbaijan", "Caucasus and Central Asia", 31),
    ],
)
def test_acled_names_and_regions(code: str, name: str, region: str, iso: int) -> None:
    country = load_countries().get(code)
    assert country is not None
    assert (country.name, country.region, country.iso_numeric) == (name, region, iso)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Turkish", "TR"),
        ("the U.S.", "US"),
        ("american", "US"),
        ("Burma", "MM"),
        ("DRC", "CD"),
        ("Congo-Kinshasa", "CD"),
        ("Syrian Arab Republic", "SY"),
        ("Burkinabe", "BF"),
        ("Nigerien", "NE"),
        ("Nigerian", "NG"),
        ("  kenya ", "KE"),
        ("Russia's", "RU"),
        ("UK", "GB"),
    ],
)
def test_find(text: str, code: str) -> None:
    found = load_countries().find(text)
    assert found is not None and found.alpha2 == code


def test_find_unknown_and_get_alpha3() -> None:
    table = load_countries()
    assert table.find("Atlantis") is None
    assert table.get("xx") is None
    got = table.get("yem")
    assert got is not None and got.name == "Yemen"


def test_bad_row_is_a_one_line_error() -> None:
    text = "alpha2,alpha3,iso_numeric,name,region,aliases,demonyms\nZZ,ZZZ,notanumber,Z,,,\n"
    with pytest.raises(DataFileError, match=r"^x.csv: line 2: bad country row"):
        parse_countries(text, "x.csv")
