"""Tests for the ACLED ontology data file and API."""

from __future__ import annotations

import pytest

from frontwatch.ontology import inter_label, interaction_code, load_ontology


def test_twenty_five_sub_event_types_in_six_event_types() -> None:
    onto = load_ontology()
    assert len(onto.sub_event_types) == 25
    assert onto.event_types == (
        "Battles",
        "Protests",
        "Riots",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Strategic developments",
    )
    assert [s.rank for s in onto.sub_event_types] == list(range(1, 26))


def test_sub_event_fields() -> None:
    onto = load_ontology()
    clash = onto.sub_event("Armed clash")
    assert (clash.event_type, clash.disorder_type, clash.two_sided) == (
        "Battles",
        "Political violence",
        True,
    )
    assert onto.sub_event("Mob violence").disorder_type == "Political violence"
    assert onto.sub_event("Violent demonstration").disorder_type == "Demonstrations"
    excessive = onto.sub_event("Excessive force against protesters")
    assert excessive.disorder_type == "Political violence; Demonstrations"
    assert excessive.civilian_targeting
    assert onto.sub_event("Abduction/forced disappearance").civilian_targeting
    assert not onto.sub_event("Air/drone strike").civilian_targeting
    assert onto.sub_event("Arrests").disorder_type == "Strategic developments"
    assert onto.sub_event("peaceful protest").name == "Peaceful protest"


def test_unknown_sub_event_raises_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown ACLED sub-event type 'Skirmish'"):
        load_ontology().sub_event("Skirmish")


def test_hierarchy() -> None:
    onto = load_ontology()
    assert onto.outranks("Armed clash", "Air/drone strike")
    assert onto.outranks("Air/drone strike", "Shelling/artillery/missile attack")
    assert onto.outranks("Violent demonstration", "Attack")
    assert onto.outranks("Attack", "Abduction/forced disappearance")
    assert not onto.outranks("Grenade", "Suicide bomb")
    assert not onto.outranks("Attack", "Attack")
    assert [s.name for s in onto.of_event_type("Riots")] == [
        "Violent demonstration",
        "Mob violence",
    ]


@pytest.mark.parametrize(
    ("inter1", "inter2", "code"),
    [(1, 7, 17), (7, 1, 17), (2, None, 20), (3, 3, 33), (8, 0, 80), (2, 8, 28)],
)
def test_interaction_code(inter1: int, inter2: int | None, code: int) -> None:
    assert interaction_code(inter1, inter2) == code
    assert load_ontology().is_valid_interaction(code)


def test_interaction_code_rejects_bad_digits() -> None:
    with pytest.raises(ValueError, match="1-8"):
        interaction_code(9, 1)


def test_labels() -> None:
    assert inter_label(1) == "State forces"
    assert inter_label(8) == "External/Other forces"
    assert inter_label(17) == "State forces-Civilians"
    assert inter_label(20) == "Rebel group only"
    assert inter_label(78) == "External/Other forces-Civilians"
    with pytest.raises(ValueError):
        inter_label(99)
