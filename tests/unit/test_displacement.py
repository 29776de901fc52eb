"""Displacement flows from short hand-written reports."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from frontwatch.events.displacement import estimate_count, find_displacements
from frontwatch.models import Displacement, Place


@dataclass
class FakeDate:
    """Stands in for the dates stage's DateMention."""

    start: int
    end: int
    date: datetime.date | None
    precision: int = 1
    kind: str = "absolute"


def places_in(text: str, *names: str) -> list[Place]:
    """A Place for the first occurrence of each name in ``text``."""
    out = []
    for name in names:
        start = text.index(name)
        out.append(Place(text=name, start=start, end=start + len(name), name=name))
    return out


def run(
    make_doc: Callable[[str], Any],
    text: str,
    places: list[Place] | None = None,
    dates: list[FakeDate] | None = None,
) -> list[Displacement]:
    return find_displacements(make_doc(text), places or [], [], dates or [], None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("thousands of civilians", 1000),
        ("tens of thousands of people", 10_000),
        ("dozens of families", 12),
        ("hundreds", 100),
        ("more than 2,500 people", 2500),
        ("1.5 million people", 1_500_000),
        ("two thousand residents", 2000),
        ("120 families", 120),
        ("no figure here", None),
    ],
)
def test_estimate_count(text: str, value: int | None) -> None:
    assert estimate_count(text) == value


@pytest.mark.slow
def test_fled_from_towards_with_reporter(make_doc: Callable[[str], Any]) -> None:
    text = "Thousands of civilians fled from El Fasher towards Tawila, the UN said."
    places = places_in(text, "El Fasher", "Tawila")
    [flow] = run(make_doc, text, places)
    assert (flow.origin, flow.destination) == ("El Fasher", "Tawila")
    assert flow.origin_place is places[0] and flow.destination_place is places[1]
    assert (flow.count_text, flow.count_estimate) == ("Thousands of civilians", 1000)
    assert flow.reporter == "UN"
    [ev] = flow.evidence
    assert ev.field == "displacement" and text[ev.start : ev.end] == ev.text


@pytest.mark.slow
def test_pushed_to_flee_from_villages_near(make_doc: Callable[[str], Any]) -> None:
    text = "The fighting pushed thousands of civilians to flee from villages near Gao."
    [flow] = run(make_doc, text, places_in(text, "Gao"))
    assert flow.origin == "villages near Gao"
    assert flow.origin_place is not None and flow.origin_place.name == "Gao"
    assert flow.destination is None
    assert flow.count_estimate == 1000
    assert flow.reporter is None


@pytest.mark.slow
def test_families_displaced_according_to(make_doc: Callable[[str], Any]) -> None:
    text = "About 1,200 families were displaced from Mopti last week, according to OCHA."
    [flow] = run(make_doc, text, places_in(text, "Mopti"))
    assert flow.origin == "Mopti"
    assert flow.count_text == "About 1,200 families"
    assert flow.count_estimate == 1200  # families, not people: the unit stays in count_text
    assert flow.reporter == "OCHA"


@pytest.mark.slow
def test_restated_origin_and_regional_destination(make_doc: Callable[[str], Any]) -> None:
    text = (
        "The Sudan Response Team said there was heavy displacement from parts of North "
        "Darfur, specifically the areas around El Fasher, with thousands of displaced "
        "families headed to relatively safe areas in the north of the country."
    )
    [flow] = run(make_doc, text, places_in(text, "El Fasher"))
    assert flow.origin == "the areas around El Fasher"
    assert flow.origin_place is not None and flow.origin_place.name == "El Fasher"
    assert flow.destination == "relatively safe areas in the north of the country"
    assert flow.destination_place is None
    assert flow.count_text == "thousands of displaced families"
    assert flow.reporter == "Sudan Response Team"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Clashes in Rakhine forced 3,000 people from their homes.", 3000),
        ("More than 40,000 people have been displaced since January.", 40_000),
        ("Residents fled the fighting.", None),
    ],
)
def test_flows_without_places(make_doc: Callable[[str], Any], text: str, count: int | None) -> None:
    [flow] = run(make_doc, text)
    assert flow.origin is None and flow.destination is None
    assert flow.count_estimate == count


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Refugees returned to Kherson after the town was retaken.",
        "Families who had fled Bakhmut in 2023 returned home.",
        "Aid groups fear thousands could flee Lashio.",
        "No displacement was reported in Mopti.",
        "Some 300 displaced families live in camps near Gao.",
        "The army captured Kidal on Tuesday.",
    ],
)
def test_not_displacement(make_doc: Callable[[str], Any], text: str) -> None:
    assert run(make_doc, text) == []


@pytest.mark.slow
def test_two_flows_in_one_sentence(make_doc: Callable[[str], Any]) -> None:
    text = "Hundreds fled Lashio for Mandalay, while dozens of families fled from Sittwe to Chad."
    flows = run(make_doc, text, places_in(text, "Lashio", "Mandalay", "Sittwe", "Chad"))
    assert [(f.origin, f.destination, f.count_estimate) for f in flows] == [
        ("Lashio", "Mandalay", 100),
        ("Sittwe", "Chad", 12),
    ]


@pytest.mark.slow
def test_next_sentence_continues_the_flow(make_doc: Callable[[str], Any]) -> None:
    text = (
        "Shelling has pushed thousands of civilians to flee from villages near the front. "
        "A local monitor said there was still heavy displacement from the areas around "
        "Kramatorsk, with families headed to Dnipro."
    )
    [flow] = run(make_doc, text, places_in(text, "Kramatorsk", "Dnipro"))
    assert flow.origin == "the areas around Kramatorsk"
    assert flow.destination == "Dnipro"
    assert flow.count_text == "thousands of civilians"
    assert flow.reporter == "local monitor"
    assert len(flow.evidence) == 2


@pytest.mark.slow
def test_different_origins_stay_apart(make_doc: Callable[[str], Any]) -> None:
    text = (
        "Thousands fled from Gao on Monday. Traders closed the market. "
        "Hundreds of residents fled from Mopti on Friday."
    )
    dates = [
        FakeDate(text.index("Monday"), text.index("Monday") + 6, datetime.date(2024, 5, 6)),
        FakeDate(text.index("Friday"), text.index("Friday") + 6, datetime.date(2024, 5, 10)),
    ]
    flows = run(make_doc, text, places_in(text, "Gao", "Mopti"), dates)
    assert [(f.origin, f.date) for f in flows] == [
        ("Gao", datetime.date(2024, 5, 6)),
        ("Mopti", datetime.date(2024, 5, 10)),
    ]
