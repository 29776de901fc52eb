"""Quantities and casualty / capture claims with their claimants."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from frontwatch.events.claims import find_claims
from frontwatch.events.quantities import parse_quantity
from frontwatch.models import Actor, Claim


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("more than 110", (110, "more than")),
        ("dozens", (12, "dozens")),
        ("tens", (10, "tens")),
        ("several", (10, "several")),
        ("hundreds", (100, "hundreds")),
        ("thousands", (1000, "thousands")),
        ("a dozen", (12, "a dozen")),
        ("at least a dozen", (12, "at least")),
        ("at least 7", (7, "at least")),
        ("nearly 30", (30, "nearly")),
        ("no fewer than 4", (4, "no fewer than")),
        ("three", (3, None)),
        ("Twenty-five", (25, None)),
        ("two hundred and five", (205, None)),
        ("1,200", (1200, None)),
        ("over 3,000 people", (3000, "over")),
        ("one", (1, None)),
        ("a", (1, None)),
        ("nobody", (None, None)),
        ("", (None, None)),
    ],
)
def test_parse_quantity(text: str, expected: tuple[int | None, str | None]) -> None:
    assert parse_quantity(text) == expected


def _figures(claims: list[Claim]) -> list[dict[str, Any]]:
    """The claim fields that are set, without the sentence span."""
    return [
        {
            k: v
            for k, v in c.to_dict().items()
            if v is not None and k not in {"text", "start", "end"}
        }
        for c in claims
    ]


def _actor(text: str, phrase: str, name: str, inter: int) -> Actor:
    start = text.index(phrase)
    return Actor(name=name, inter=inter, text=phrase, start=start, end=start + len(phrase))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dozens of fighters were killed in the assault, the army said.",
            [{"claimant": "army", "killed": 12, "qualifier": "dozens"}],
        ),
        (
            "The airstrike killed dozens, according to local officials.",
            [{"claimant": "local officials", "killed": 12, "qualifier": "dozens"}],
        ),
        (
            "The strike left 14 dead, a medic told Reuters.",
            [{"claimant": "a medic", "killed": 14}],
        ),
        (
            "Police said the death toll rose to 23.",
            [{"claimant": "Police", "killed": 23}],
        ),
        (
            "Media close to the government reported that 7 soldiers died.",
            [{"claimant": "Media close to the government", "killed": 7}],
        ),
        (
            "Three soldiers were killed, the ministry said on Twitter.",
            [{"claimant": "ministry", "killed": 3}],
        ),
        ("Eleven killed in market bombing", [{"killed": 11}]),
        (
            "The army spokesman said 11 insurgents were neutralised in the fighting.",
            [{"claimant": "army spokesman", "killed": 11}],
        ),
        (
            "Gunmen killed two hundred and five residents.",
            [{"killed": 205, "about": "civilians"}],
        ),
        (
            "A police officer was killed at the checkpoint.",
            [{"killed": 1}],
        ),
    ],
)
def test_killed_figures_and_claimants(
    make_doc: Callable[[str], Any], text: str, expected: list[dict[str, Any]]
) -> None:
    assert _figures(find_claims(make_doc(text), [])) == expected


@pytest.mark.slow
def test_killed_and_wounded_is_not_killed(make_doc: Callable[[str], Any]) -> None:
    text = "The rebels said their raid killed and wounded more than 110 fighters from the army."
    army = _actor(text, "the army", "Military Forces of Chad", 1)
    rebels = _actor(text, "The rebels", "FACT: Front for Change and Concord in Chad", 2)
    (claim,) = find_claims(make_doc(text), [rebels, army])
    assert claim.killed is None
    assert claim.killed_or_wounded == 110 and claim.qualifier == "more than"
    assert claim.claimant == "FACT: Front for Change and Concord in Chad"
    assert claim.about == "Military Forces of Chad"
    assert (claim.text, claim.start, claim.end) == (text, 0, len(text))


@pytest.mark.slow
def test_casualties_are_killed_or_wounded(make_doc: Callable[[str], Any]) -> None:
    claims = find_claims(make_doc("The clashes left 30 casualties, a medic told AFP."), [])
    assert _figures(claims) == [{"claimant": "a medic", "killed_or_wounded": 30}]


@pytest.mark.slow
def test_killed_and_wounded_of_one_account_make_one_claim(
    make_doc: Callable[[str], Any],
) -> None:
    text = "At least 7 villagers were killed and 12 wounded, according to the Observatory."
    assert _figures(find_claims(make_doc(text), [])) == [
        {
            "claimant": "Observatory",
            "killed": 7,
            "wounded": 12,
            "qualifier": "at least",
            "about": "civilians",
        },
    ]
    text = "Police fired on the crowd, killing four and injuring 12."
    assert _figures(find_claims(make_doc(text), [])) == [{"killed": 4, "wounded": 12}]


@pytest.mark.slow
def test_figures_about_different_victims_stay_apart(make_doc: Callable[[str], Any]) -> None:
    text = "The clash killed seven soldiers and three civilians, the monitor said."
    figures = _figures(find_claims(make_doc(text), []))
    assert [(f.get("killed"), f.get("about")) for f in figures] == [(7, None), (3, "civilians")]


@pytest.mark.slow
def test_listed_victims_are_counted(make_doc: Callable[[str], Any]) -> None:
    text = "A woman and her son died when a shell hit their home, medics said."
    assert [f.get("killed") for f in _figures(find_claims(make_doc(text), []))] == [2]
    text = "The blast killed six soldiers and the bomber, an officer said."
    assert sum(f.get("killed", 0) for f in _figures(find_claims(make_doc(text), []))) == 7
    text = "Gunmen clashed with troops, leaving four gunmen and one guardsman dead."
    assert sum(f.get("killed", 0) for f in _figures(find_claims(make_doc(text), []))) == 5
    text = "Fighters stormed the village and shot dead 14 unarmed residents, activists said."
    assert [f.get("killed") for f in _figures(find_claims(make_doc(text), []))] == [14]


@pytest.mark.slow
def test_seized_weapons_are_not_captives(make_doc: Callable[[str], Any]) -> None:
    text = "Troops seized several rifles and detained three suspects, police said."
    assert [f.get("captured") for f in _figures(find_claims(make_doc(text), []))] == [3]


@pytest.mark.slow
def test_subsets_after_including_are_not_extra_claims(make_doc: Callable[[str], Any]) -> None:
    text = "Shelling killed at least 9 civilians, including three children, the UN reported."
    assert _figures(find_claims(make_doc(text), [])) == [
        {"claimant": "UN", "killed": 9, "qualifier": "at least", "about": "civilians"}
    ]


@pytest.mark.slow
def test_captures(make_doc: Callable[[str], Any]) -> None:
    text = "Insurgents said they captured 20 soldiers and took 5 prisoners."
    assert _figures(find_claims(make_doc(text), [])) == [
        {"claimant": "Insurgents", "captured": 20},
        {"claimant": "Insurgents", "captured": 5},
    ]


@pytest.mark.slow
def test_claimant_actor_by_overlap_and_leading_clause(make_doc: Callable[[str], Any]) -> None:
    text = "On its official channels on Monday, the Front said it killed 40 soldiers of the junta."
    front = _actor(text, "the Front", "National Liberation Front", 2)
    junta = _actor(text, "the junta", "Military Forces of Mali", 1)
    (claim,) = find_claims(make_doc(text), [front, junta])
    assert (claim.claimant, claim.killed, claim.about) == (
        "National Liberation Front",
        40,
        "Military Forces of Mali",
    )


@pytest.mark.slow
def test_pronoun_claimant_takes_previous_sentence(make_doc: Callable[[str], Any]) -> None:
    text = "A hospital official spoke to reporters. He said 6 people died in the raid."
    doc = make_doc(text)
    (claim,) = find_claims(doc, [])
    assert claim.claimant is None  # "spoke" is no claim verb: nothing to carry over
    text = "The governor said 3 farmers were killed. He said 2 more died later."
    claims = find_claims(make_doc(text), [])
    assert [(c.claimant, c.killed) for c in claims] == [("governor", 3), ("governor", 2)]
    assert text[claims[1].start : claims[1].end] == "He said 2 more died later."


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "About 200 fighters attacked the town on 3 March.",
        "The convoy carried 40 tonnes of food.",
        "Fighting continued for three days near the dam.",
        "30 gunmen stormed the village.",
        "No casualties were reported.",
    ],
)
def test_no_casualty_figure(make_doc: Callable[[str], Any], text: str) -> None:
    assert find_claims(make_doc(text), []) == []


@pytest.mark.slow
def test_each_figure_takes_its_own_verb_of_saying(make_doc: Callable[[str], Any]) -> None:
    text = (
        "Officials said shelling killed at least 4 people on Tuesday, "
        "and the regional governor said 9 more were injured."
    )
    claims = find_claims(make_doc(text), [])
    assert [(c.claimant, c.killed, c.wounded) for c in claims] == [
        ("Officials", 4, None),
        ("regional governor", None, 9),
    ]


@pytest.mark.slow
def test_quoted_claim_and_inverted_said(make_doc: Callable[[str], Any]) -> None:
    text = '"We killed 10 militants," said the spokesman. The death toll rose to 42, medics said.'
    claims = find_claims(make_doc(text), [])
    assert [(c.claimant, c.killed) for c in claims] == [("spokesman", 10), ("medics", 42)]
    assert text[claims[1].start : claims[1].end] == "The death toll rose to 42, medics said."


@pytest.mark.slow
def test_beaten_to_death_counts_as_killed(make_doc: Callable[[str], Any]) -> None:
    text = "A mob beat two men to death near the market, police said."
    assert [f.get("killed") for f in _figures(find_claims(make_doc(text), []))] == [2]
