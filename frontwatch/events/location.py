"""Which of a sentence's places is where its event happened.

A sentence often names several places: the event's ("shelled Kafr Nabl"), a
landmark ("overlooking the Damascus-Aleppo highway"), a claimant's base ("the
London-based Observatory"), an origin ("fired from Latakia"), or a wider region
around a more exact place ("in eastern Syria near the city of Deir ez-Zor").
``event_place`` scores each candidate by its attachment to the trigger in the
dependency parse, its role and how exact it is, with distance as the tie-break.

>>> from frontwatch.models import Place
>>> region = Place(text="Syria", start=10, end=15, name="Syria", feature="region",
...               precision=3)
>>> town = Place(text="Deir ez-Zor", start=16, end=27, name="Deir ez-Zor",
...              feature="populated place")
>>> event_place(None, [region, town], 0, 5).name
'Deir ez-Zor'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from frontwatch.models import Place

#: Prepositions that put an event at a place.
LOCATIVE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "near",
        "on",
        "outside",
        "inside",
        "around",
        "into",
        "across",
        "within",
        "throughout",
        "along",
        "between",
        "over",
        "off",
        "beyond",
        "past",
    }
)
#: Prepositions that name where something came from, not where it happened.
ORIGIN_PREPOSITIONS = frozenset({"from"})
#: Verbs whose place belongs to a speaker or a base ("based in London", "told ... in Kabul").
SPEAKER_VERBS = frozenset(
    {
        "say",
        "tell",
        "report",
        "base",
        "announce",
        "speak",
        "quote",
        "add",
        "state",
        "claim",
        "confirm",
        "deny",
        "write",
        "post",
        "publish",
        "broadcast",
        "headquarter",
    }
)
#: Nouns a place name can modify without being the event's place.
LANDMARK_NOUNS = frozenset(
    {
        "highway",
        "road",
        "motorway",
        "route",
        "airport",
        "border",
        "crossing",
        "river",
        "dam",
        "bridge",
        "pipeline",
        "railway",
        "corridor",
        "government",
        "authorities",
        "council",
        "governor",
        "office",
        "ministry",
        "university",
        "embassy",
        "court",
    }
)

# Multipliers of the distance score: lower is better.
_ATTACHED = 0.35
_LOCATIVE = 0.7
_SPEAKER = 4.0
_ORIGIN = 2.5
_LANDMARK = 3.0
_CONTAINER = 3.0
_WIDE = {"country": 2.0, "region": 1.6, "admin1": 1.3, "admin2": 1.15}
# A place before the trigger is more often a claimant's or a landmark than after it.
_BEFORE = 1.5


def event_place(
    doc: Any, places: Sequence[Place], trigger_start: int, trigger_end: int
) -> Place | None:
    """The place of the event whose trigger spans ``trigger_start:trigger_end``.

    ``doc`` is the parsed spaCy document (None: distance and exactness only).
    Roads and bare country names are never the event's place: a country is
    the event's country, not its location.
    """
    # A place in capitals is a dateline ("MOSCOW (Sputnik) -"): where the reporter filed.
    usable = [
        p
        for p in places
        if p.feature not in ("road", "country")
        and not (p.text.isupper() and len(p.text) > 3)
        and p.qualifier != "based"
    ]
    if not usable:
        return None
    trigger = _trigger_token(doc, trigger_start, trigger_end)
    # Token index -> place, to see when one place names another's region ("X in Y").
    tokens: dict[int, Place] = {}
    if doc is not None:
        for p in places:
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            for tok in span if span is not None else ():
                tokens[tok.i] = p
    return min(usable, key=lambda p: _cost(doc, p, trigger, trigger_start, tokens))


def _cost(
    doc: Any, place: Place, trigger: Any, position: int, container: dict[int, Place]
) -> float:
    distance = abs(place.start - position) + 1.0
    cost = distance * (1.0 if place.start >= position else _BEFORE)
    cost *= _WIDE.get(place.feature or "", 1.0)
    if place.precision >= 3 and place.feature not in _WIDE:
        cost *= _WIDE["admin2"]
    if doc is None:
        return cost
    head = _place_head(doc, place)
    if head is None:
        return cost
    preposition = _governing_preposition(head)
    if preposition in ORIGIN_PREPOSITIONS:
        cost *= _ORIGIN
    elif preposition in LOCATIVE_PREPOSITIONS:
        cost *= _LOCATIVE
    if _modifies_landmark(head):
        cost *= _LANDMARK
    if container and _qualifies_other_place(head, container):
        cost *= _CONTAINER
    verb = _clause_verb(head)
    if (
        verb is not None
        and verb.lemma_.lower() in SPEAKER_VERBS
        and (trigger is None or verb.i != trigger.i)
    ):
        cost *= _SPEAKER
    elif trigger is not None and verb is not None and verb.i == _clause_verb_or_self(trigger).i:
        cost *= _ATTACHED
    return cost


def _trigger_token(doc: Any, start: int, end: int) -> Any | None:
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _place_head(doc: Any, place: Place) -> Any | None:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _governing_preposition(token: Any) -> str | None:
    """The preposition a place hangs on: "in" for "in the town of X" or "in X"."""
    node = token
    for _ in range(6):
        if node.dep_ == "pobj" and node.head.dep_ in ("prep", "agent"):
            if node.head.lower_ != "of":
                return str(node.head.lower_)
            node = node.head.head  # "the city of X", "the outskirts of X": go on up
            continue
        if node.dep_ in ("compound", "appos", "conj", "pobj", "nmod", "poss", "amod"):
            node = node.head
            continue
        break
    return None


def _qualifies_other_place(token: Any, tokens: dict[int, Place]) -> bool:
    """ "Suqaylabiyah in Hama", "Kafr Nabl, Idleb": the name places another name."""
    own = tokens.get(token.i)
    node = token
    if node.dep_ == "pobj" and node.head.lower_ in ("in", "of") and node.head.dep_ == "prep":
        node = node.head
    elif node.dep_ != "appos":
        return False
    other = tokens.get(node.head.i)
    return other is not None and other is not own


def _modifies_landmark(token: Any) -> bool:
    """ "the Damascus-Aleppo highway", "Aleppo's governor": the name qualifies a thing."""
    node = token
    for _ in range(3):
        if node.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod"):
            node = node.head
            if node.lemma_.lower() in LANDMARK_NOUNS:
                return True
            continue
        break
    return False


def _clause_verb(token: Any) -> Any | None:
    """The nearest verb above a token, or None at the root of a verbless fragment."""
    node = token
    for _ in range(12):
        if node.head is node:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _clause_verb_or_self(token: Any) -> Any:
    if token.pos_ in ("VERB", "AUX"):
        return token
    return _clause_verb(token) or token
