"""Territorial control changes from short hand-written reports."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from frontwatch.events.territory import find_territory_changes
from frontwatch.models import Actor, Place, TerritoryChange

pytestmark = pytest.mark.slow


@dataclass
class FakeDate:
    """Stands in for the dates stage's DateMention."""

    start: int
    end: int
    date: datetime.date | None
    precision: int = 1
    kind: str = "absolute"


def place(text: str, name: str, canonical: str | None = None) -> Place:
    """A Place at the first occurrence of ``name`` in ``text``."""
    start = text.index(name)
    return Place(text=name, start=start, end=start + len(name), name=canonical or name)


def actor(text: str, mention: str, name: str, inter: int = 2) -> Actor:
    start = text.index(mention)
    return Actor(name=name, inter=inter, text=mention, start=start, end=start + len(mention))


def date_at(text: str, mention: str, when: datetime.date, kind: str = "absolute") -> FakeDate:
    start = text.index(mention)
    return FakeDate(start=start, end=start + len(mention), date=when, kind=kind)


def run(
    make_doc: Callable[[str], Any],
    text: str,
    places: list[Place] | None = None,
    actors: list[Actor] | None = None,
    dates: list[FakeDate] | None = None,
) -> list[TerritoryChange]:
    return find_territory_changes(make_doc(text), places or [], actors or [], dates or [], None)


def test_list_after_taken_by_keeps_unknown_villages(make_doc: Callable[[str], Any]) -> None:
    text = "The areas taken by JNIM in central Mali include Boni, Hombori, Dioura, and Lere."
    jnim = actor(text, "JNIM", "JNIM: Group for Support of Islam and Muslims")
    found = run(make_doc, text, [place(text, "Boni")], [jnim])
    assert [c.place for c in found] == ["Boni", "Hombori", "Dioura", "Lere"]
    assert {c.to_actor for c in found} == {"JNIM: Group for Support of Islam and Muslims"}
    assert found[0].location is not None and found[0].location.name == "Boni"
    assert found[1].location is None
    assert all(c.from_actor is None for c in found)


def test_villages_of_list_uses_place_names(make_doc: Callable[[str], Any]) -> None:
    text = "On Monday the RSF captured the villages of Um Kadada, Tawila and Kutum in Darfur."
    tawila = place(text, "Tawila", "Tawila (North Darfur)")
    rsf = actor(text, "RSF", "Rapid Support Forces")
    found = run(make_doc, text, [tawila], [rsf])
    assert [c.place for c in found] == ["Um Kadada", "Tawila (North Darfur)", "Kutum"]
    assert all(c.to_actor == "Rapid Support Forces" for c in found)
    assert found[1].location is tawila


def test_passive_with_agent(make_doc: Callable[[str], Any]) -> None:
    text = "Residents said Wad Madani was captured by the army after a week of clashes."
    army = actor(text, "the army", "Military Forces of Sudan (2019-)", inter=1)
    [change] = run(make_doc, text, actors=[army])
    assert change.place == "Wad Madani"
    assert change.to_actor == "Military Forces of Sudan (2019-)"


def test_passive_without_agent_has_no_actor(make_doc: Callable[[str], Any]) -> None:
    [change] = run(make_doc, "Kherson was retaken in November.")
    assert change.place == "Kherson"
    assert change.to_actor is None


def test_fell_to_and_town_of(make_doc: Callable[[str], Any]) -> None:
    text = "The town of Kupiansk fell to Russian forces after weeks of fighting."
    russia = actor(text, "Russian forces", "Military Forces of Russia (2000-)", inter=8)
    [change] = run(make_doc, text, [place(text, "Kupiansk")], [russia])
    assert (change.place, change.to_actor) == ("Kupiansk", "Military Forces of Russia (2000-)")


def test_shells_falling_is_not_a_change(make_doc: Callable[[str], Any]) -> None:
    assert run(make_doc, "Several shells fell on Kupiansk overnight.") == []


def test_came_under_control_and_took_control(make_doc: Callable[[str], Any]) -> None:
    found = run(
        make_doc,
        "Paletwa came under the control of the Arakan Army. Later rebels took control of Kyauktaw.",
    )
    assert [(c.place, c.to_actor) for c in found] == [
        ("Paletwa", "Arakan Army"),
        ("Kyauktaw", "rebels"),
    ]


def test_nominal_capture_by(make_doc: Callable[[str], Any]) -> None:
    [change] = run(make_doc, "After the capture of Gao by JNIM, traders closed the market.")
    assert (change.place, change.to_actor) == ("Gao", "JNIM")


def test_took_two_places_active(make_doc: Callable[[str], Any]) -> None:
    found = run(make_doc, "The Arakan Army took Paletwa and Mrauk-U.")
    assert [c.place for c in found] == ["Paletwa", "Mrauk-U"]


def test_from_actor_explicit(make_doc: Callable[[str], Any]) -> None:
    text = "Ukrainian troops recaptured the village of Robotyne from Russian forces."
    russia = actor(text, "Russian forces", "Military Forces of Russia (2000-)")
    [change] = run(make_doc, text, actors=[russia])
    assert change.place == "Robotyne"
    assert change.to_actor == "Ukrainian troops"
    assert change.from_actor == "Military Forces of Russia (2000-)"


def test_direction_is_not_a_from_actor(make_doc: Callable[[str], Any]) -> None:
    [change] = run(make_doc, "Ukrainian troops retook Robotyne from the south.")
    assert change.from_actor is None


def test_lost_to(make_doc: Callable[[str], Any]) -> None:
    [change] = run(make_doc, "The junta lost Lashio to the MNDAA.")
    assert (change.place, change.to_actor, change.from_actor) == ("Lashio", "MNDAA", "junta")


def test_speaker_replaces_pronoun_subject(make_doc: Callable[[str], Any]) -> None:
    found = run(make_doc, "The RSF said it had seized Babanusa and El Fula.")
    assert [(c.place, c.to_actor) for c in found] == [("Babanusa", "RSF"), ("El Fula", "RSF")]


@pytest.mark.parametrize(
    "text",
    [
        "The army attempted to retake Kadugli but failed.",
        "JNIM fighters tried to advance and retake control of the town of Tessit.",
        "The Arakan Army repelled an attempt by the junta to retake Paletwa.",
        "Government troops failed to take Mandalay.",
        "The offensive aimed to regain Bakhmut before winter.",
        "Officials said the army would capture Sittwe within weeks.",
        "The RSF did not seize Tawila.",
        "The rebels captured weapons and ammunition and seized a tank.",
        "The army captured 20 RSF fighters and two Russian soldiers.",
        "Militants took part in the talks.",
    ],
)
def test_attempts_and_things_are_not_changes(make_doc: Callable[[str], Any], text: str) -> None:
    assert run(make_doc, text) == []


def test_date_prefers_same_sentence_and_skips_durations(make_doc: Callable[[str], Any]) -> None:
    text = (
        "Fighting began on 2 March. "
        "After clashes lasting two weeks, rebels captured Kutum on 20 March. "
        "Rebels also took Kabkabiya."
    )
    dates = [
        date_at(text, "2 March", datetime.date(2024, 3, 2)),
        date_at(text, "two weeks", datetime.date(2024, 3, 6), kind="duration"),
        date_at(text, "20 March", datetime.date(2024, 3, 20)),
    ]
    found = run(make_doc, text, dates=dates)
    assert [(c.place, c.date) for c in found] == [
        ("Kutum", datetime.date(2024, 3, 20)),
        ("Kabkabiya", datetime.date(2024, 3, 20)),
    ]


def test_no_date_mention_gives_none_and_evidence_is_the_sentence(
    make_doc: Callable[[str], Any],
) -> None:
    text = "Heavy rain fell. Rebels overran Kutum."
    [change] = run(make_doc, text)
    assert change.date is None
    [ev] = change.evidence
    assert ev.field == "territory"
    assert text[ev.start : ev.end] == ev.text == "Rebels overran Kutum."


def test_flag_hoisted_over_a_town_by_troops(make_doc: Callable[[str], Any]) -> None:
    text = "Malian troops hoisted the flag over Kidal on Tuesday after days of fighting."
    army = actor(text, "Malian troops", "Military Forces of Mali (2021-)", inter=1)
    found = run(make_doc, text, [place(text, "Kidal")], [army])
    assert [(c.place, c.to_actor) for c in found] == [("Kidal", "Military Forces of Mali (2021-)")]


def test_flag_raised_by_protesters_is_no_change_of_hands(make_doc: Callable[[str], Any]) -> None:
    text = "Protesters raised a flag over the town hall in Kidal on Tuesday."
    assert run(make_doc, text, [place(text, "Kidal")]) == []


def test_moved_in_after_the_other_side_pulled_out(make_doc: Callable[[str], Any]) -> None:
    text = (
        "Government troops pulled out of the city of Raqqa on Friday, and the Syrian "
        "Democratic Forces moved in without a shot being fired."
    )
    sdf = actor(text, "Syrian Democratic Forces", "Syrian Democratic Forces")
    found = run(make_doc, text, [place(text, "Raqqa")], [sdf])
    assert [(c.place, c.to_actor) for c in found] == [("Raqqa", "Syrian Democratic Forces")]


def test_troops_of_a_named_group_are_that_group(make_doc: Callable[[str], Any]) -> None:
    text = "Troops of the United Wa State Army marched into Hopang unopposed on Friday."
    troops = actor(text, "Troops", "Military Forces of Myanmar (2021-)", inter=1)
    uwsa = actor(text, "United Wa State Army", "UWSA: United Wa State Army")
    found = run(make_doc, text, [place(text, "Hopang")], [troops, uwsa])
    assert [(c.place, c.to_actor) for c in found] == [("Hopang", "UWSA: United Wa State Army")]
