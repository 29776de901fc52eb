"""Event roles and aggregation: who acted, who was hit, and which mentions are one event.

Each test is a short report written for the rule it checks (not a gold copy).
"""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch import extract
from frontwatch.clean.headline import is_headline_like

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2023, 6, 7)


def _main(text: str) -> dict[str, object]:
    report = extract(text, published=PUBLISHED)
    assert report.events, f"no event for: {text}"
    return report.events[0].to_dict()


def test_first_of_coordinated_subjects_is_actor1() -> None:
    event = _main("Sudan's army and the Rapid Support Forces clashed in Omdurman on Tuesday.")
    assert str(event["actor1"]).startswith("Military Forces of Sudan")
    assert event["actor2"] == "Rapid Support Forces"


def test_side_that_was_hit_is_not_the_bomber() -> None:
    event = _main("A roadside bomb struck a police patrol near Kirkuk on Monday, killing two.")
    assert event["sub_event_type"] == "Remote explosive/landmine/IED"
    assert event["actor1"] == "Unidentified Armed Group (Iraq)"
    assert str(event["actor2"]).startswith("Police Forces of Iraq")


def test_group_claiming_the_attack_is_actor1() -> None:
    text = (
        "A suicide bomber blew himself up at an army checkpoint in Mogadishu on Monday, "
        "killing three soldiers. Al Shabaab said it carried out the attack."
    )
    assert _main(text)["actor1"] == "Al Shabaab"


def test_denied_responsibility_names_no_perpetrator() -> None:
    text = (
        "A roadside bomb hit an army truck near Mogadishu on Monday, killing three soldiers. "
        "No group has claimed responsibility, and Al Shabaab denied it carried out the attack."
    )
    assert str(_main(text)["actor1"]).startswith("Unidentified Armed Group")


def test_generic_fighters_of_a_named_group_are_that_group() -> None:
    text = "Armed men belonging to the ELN burned three trucks near Cucuta on Sunday."
    event = _main(text)
    assert event["actor1"] == "ELN: National Liberation Army"
    assert event["actor2"] is None


def test_retold_strike_without_perpetrator_is_the_same_event() -> None:
    text = (
        "Government forces shelled the town of Saraqib in Idlib province on Tuesday, "
        "killing two civilians, a monitor said. A shell hit a house in the town, it said."
    )
    report = extract(text, published=dt.date(2020, 1, 22))
    shelling = [e for e in report.events if e.sub_event_type.startswith("Shelling")]
    assert len(shelling) == 1


def test_wrapped_first_line_is_not_a_headline() -> None:
    assert not is_headline_like(
        "Sudan's Army and Rapid Support Forces Clashed in Omdurman on", None
    )
    report = extract(
        "Sudan's army and the paramilitary Rapid Support Forces clashed in Omdurman on\n"
        "Wednesday, residents said.\n",
        published=PUBLISHED,
    )
    assert report.text.startswith("Sudan's army")
    assert report.events[0].location == "Omdurman"


def test_armed_robbery_is_crime_not_looting() -> None:
    text = (
        "Armed robbers looted gold and cash from a bank in Jabalpur on Monday after "
        "threatening staff with pistols, police said."
    )
    assert extract(text, published=PUBLISHED).events == []


def test_taken_to_an_unknown_location_is_an_abduction() -> None:
    text = (
        "Insurgents took ten women from a village near Macomia on Sunday and took them "
        "to an unknown location, residents said."
    )
    assert _main(text)["sub_event_type"] == "Abduction/forced disappearance"


def test_arrest_for_ordinary_crime_is_no_event() -> None:
    text = "Police arrested a man suspected of stealing cars in Nairobi on Friday."
    assert extract(text, published=PUBLISHED).events == []


def test_arrest_of_opposition_activists_is_coded() -> None:
    text = "Police arrested 12 opposition activists in Dhaka on Sunday, their party said."
    assert _main(text)["sub_event_type"] == "Arrests"


def test_gas_cylinder_explosion_is_an_accident() -> None:
    text = "A gas cylinder explosion in a restaurant in Lahore killed four people, rescuers said."
    assert extract(text, published=PUBLISHED).events == []
