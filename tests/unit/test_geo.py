"""Tests for find_places: region phrases, roads, qualifiers, lists and unknown villages."""

from __future__ import annotations

from typing import Any

import pytest

from frontwatch.geo import Gazetteer
from frontwatch.geo.places import find_places
from frontwatch.models import Place

pytestmark = pytest.mark.slow  # loads the spaCy model


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _by_text(places: list[Place]) -> dict[str, Place]:
    return {p.text: p for p in places}


def test_region_phrases(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc(
        "Shelling hit the southeastern Homs countryside, and rebels raided posts in "
        "rural Aleppo and in southern Hama."
    )
    found = _by_text(find_places(doc, gaz))
    homs = found["the southeastern Homs countryside"]
    assert (homs.name, homs.feature, homs.precision, homs.qualifier) == (
        "Homs",
        "region",
        3,
        "southeastern",
    )
    assert homs.admin1 == "Homs" and homs.country_code == "SY" and homs.latitude
    assert found["rural Aleppo"].admin1 == "Aleppo"
    assert found["southern Hama"].qualifier == "southern"
    plain = find_places(make_doc("Raids continued across Deir ez-Zor province."), gaz)
    assert [(p.feature, p.admin1, p.qualifier) for p in plain] == [("region", "Deir-ez-Zor", None)]


def test_country_level_region(make_doc: Any, gaz: Gazetteer) -> None:
    places = find_places(make_doc("Drones struck convoys across northeastern Syria."), gaz)
    region = next(p for p in places if p.feature == "region")
    assert region.country == "Syria" and region.admin1 is None and region.precision == 3


def test_road_is_a_landmark(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc("Gunmen ambushed a bus on the Homs-Palmyra highway and closed the M4 highway.")
    places = find_places(doc, gaz)
    roads = [p for p in places if p.feature == "road"]
    assert [r.text for r in roads] == ["Homs-Palmyra highway", "M4 highway"]
    assert all(r.latitude is None for r in roads)
    assert not [p for p in places if p.name == "Homs"]


def test_town_with_qualifier_and_country_hint(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc(
        "A car bomb exploded 10 km north of Kirkuk, and fighting went on near Tikrit in Iraq."
    )
    found = _by_text(find_places(doc, gaz))
    kirkuk, tikrit = found["Kirkuk"], found["Tikrit"]
    assert kirkuk.country_code == "IQ" and kirkuk.precision == 2
    assert kirkuk.qualifier == "10 km north"
    assert tikrit.qualifier == "near" and tikrit.country == "Iraq"
    assert found["Iraq"].feature == "country"


def test_yemeni_towns(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc("Houthi forces shelled Taiz and advanced on the outskirts of Marib.")
    found = _by_text(find_places(doc, gaz))
    assert found["Taiz"].country_code == "YE"
    assert found["Marib"].qualifier == "outskirts" and found["Marib"].country_code == "YE"


def test_list_of_villages_in_focus_country(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc("Aircraft bombed the villages of Talbiseh, Rastan and Houla north of Homs.")
    found = _by_text(find_places(doc, gaz))
    for name in ("Talbiseh", "Rastan", "Houla"):
        assert found[name].country_code == "SY", name
        assert found[name].admin1 == "Homs", name


def test_unknown_village_placed_by_region(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc("Clashes erupted in the village of Zqaqiyat in the western Daraa countryside.")
    found = _by_text(find_places(doc, gaz))
    village = found["Zqaqiyat"]
    assert village.gazetteer_id is None and village.precision == 3
    assert village.admin1 == "Dar'a" and village.latitude is not None


def test_unknown_village_near_known_town(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc("Mortars fell on the hamlet of Qubbat Zuhra near Rastan, Syria.")
    village = _by_text(find_places(doc, gaz))["Qubbat Zuhra"]
    assert village.gazetteer_id is None and village.precision == 2
    assert village.admin1 == "Homs"


def test_person_names_are_not_places(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc("Spokesman Ahmed Hassan said on Monday that talks would resume.")
    assert find_places(doc, gaz) == []


def test_dotted_abbreviation_and_country_names(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc("The U.S. and Mexico signed the deal, officials in Peru said.")
    found = _by_text(find_places(doc, gaz))
    assert found["U.S."].country_code == "US" and found["U.S."].feature == "country"
    assert found["Mexico"].feature == "country" and found["Mexico"].country_code == "MX"
    assert found["Peru"].feature == "country"


def test_parent_unit_disambiguates(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc(
        "The meeting took place in Brussels, Belgium, after a shooting in Parkland, Florida."
    )
    found = _by_text(find_places(doc, gaz))
    assert found["Brussels"].country_code == "BE"
    assert found["Parkland"].country_code == "US" and found["Parkland"].admin1 == "Florida"


def test_names_inside_person_names_are_not_places(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc("Nobody cares about Stormy Daniels, said Prince Bishop in London.")
    texts = {p.text for p in find_places(doc, gaz)}
    assert "Daniels" not in texts and "Bishop" not in texts
    assert "London" in texts


def test_world_regions_seas_and_rivers(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc(
        "Tensions in the Middle East rose as ships crossed the Mediterranean and "
        "EU ministers met. Fighters retreated across the Euphrates into eastern Ghouta."
    )
    found = _by_text(find_places(doc, gaz))
    assert found["Middle East"].feature == "region" and found["Middle East"].country_code is None
    assert found["Mediterranean"].feature == "sea"
    assert found["EU"].name == "European Union"
    assert found["Euphrates"].feature == "river"
    assert found["Ghouta"].admin1 == "Rural Damascus"


def test_direction_word_inside_a_name(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc("Officials in West Virginia and South Korea met delegates from North Africa.")
    found = _by_text(find_places(doc, gaz))
    assert found["West Virginia"].admin1 == "West Virginia"
    assert found["South Korea"].country_code == "KR"
    assert found["North Africa"].name == "North Africa"


def test_city_names_and_hyphenated_modifiers(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc(
        "The New York Times said a London-based firm and the DPRK would attend talks in St. Louis."
    )
    found = _by_text(find_places(doc, gaz))
    assert found["New York"].name == "New York City"
    assert found["London"].country_code == "GB"
    assert found["DPRK"].country_code == "KP"
    assert found["St. Louis"].country_code == "US"


def test_streets_and_buildings_are_landmarks(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc("Police closed Desire Street in New Orleans and the Marigny Plantation.")
    places = find_places(doc, gaz)
    found = _by_text(places)
    street = found["Desire Street"]
    assert (street.feature, street.gazetteer_id) == ("landmark", None)
    assert not any(p.text == "Street" for p in places)
    assert street.admin1 == "Louisiana"  # placed at the town it is in
    assert found["Marigny Plantation"].latitude is None  # no town attached


def test_folded_spelling_of_a_foreign_town_is_no_place(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc("Buhari met Nassar before Helen spoke to reporters.")
    assert find_places(doc, gaz) == []


def test_lowercase_connectors_inside_place_names() -> None:
    from frontwatch.api import geoparse

    assert [p.name for p in geoparse("Troops entered Mocimboa da Praia.")] == ["Mocímboa da Praia"]
    assert [p.name for p in geoparse("Farmers marched in Foz do Iguacu.")] == ["Foz do Iguaçu"]


def test_place_noun_after_a_name_ner_calls_a_person(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc(
        "Six militants were killed in an operation in the Datta Khel area of North "
        "Waziristan, Pakistan, on Friday."
    )
    assert _by_text(find_places(doc, gaz))["Datta Khel"].country_code == "PK"


def test_local_dateline_with_a_colon(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc("Bathinda: Hundreds of farmers squatted outside the district offices here.")
    assert _by_text(find_places(doc, gaz))["Bathinda"].country_code == "IN"


def test_report_country_ties_go_to_the_closer_match() -> None:
    from frontwatch.pipeline import report_country

    loose = Place(text="Hodan", start=0, end=5, name="Houdan", country_code="FR", score=0.74)
    exact = Place(
        text="Mogadishu", start=20, end=29, name="Mogadishu", country_code="SO", score=0.83
    )
    assert report_country([loose, exact], [], None) == "SO"
    assert report_country([exact, loose], [], None) == "SO"


def test_bracketed_units_outweigh_a_loose_namesake_abroad(make_doc: Any, gaz: Gazetteer) -> None:
    doc = make_doc(
        "On 8 January 2024, artillery fired shells into villages near Minbya (Mrauk-U, "
        "Rakhine), killing a woman."
    )
    town = _by_text(find_places(doc, gaz))["Minbya"]
    assert town.country_code == "MM" and town.admin1 == "Rakhine"
