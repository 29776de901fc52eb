"""Displacement: people fleeing, from where, to where, how many, says who.

Cues are verbs ("fled", "were displaced", "forced ... from their homes") and
nouns ("displacement", "exodus") found in the dependency parse. Each
sentence gives one :class:`Displacement` per distinct origin; a later
sentence that continues the same flow (the next sentence, or the same origin
place) is merged into the earlier record. Returns ("refugees returned") and
feared or planned flight are not displacement.

Counts: ``count_text`` is the figure as written, with its noun ("thousands of
displaced families"); ``count_estimate`` is the conservative reading of the
number *of the unit written*: "120 families" gives 120, not a number of
people, so the unit must be read from ``count_text``. Vague words use
thousands -> 1000, hundreds -> 100, dozens -> 12, scores -> 20.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from frontwatch.events._spans import (
    VAGUE_COUNTS,
    WORD_NUMBERS,
    DatedSpan,
    estimate_count,
    is_non_factual,
    is_pronoun,
    load_cues,
    overlapping,
    phrase_tokens,
    pick_date,
    token_range_text,
    trim_tokens,
)
from frontwatch.models import Displacement, Evidence, Place

__all__ = ["DatedSpan", "estimate_count", "find_displacements"]

_CUT = frozenset({"relcl", "acl", "advcl", "appos", "parataxis", "npadvmod", "cc", "conj"})
_PLACE_PREPS = frozenset({"of", "near", "around", "in", "across", "outside", "throughout"})
_REPORTER_PREPS = frozenset({"of", "for"})


@lru_cache(maxsize=1)
def _count_re() -> re.Pattern[str]:
    """Figure + optional unit noun: "more than 5,000 people", "thousands of displaced families"."""
    people = "|".join(sorted(_cues()["people"], key=len, reverse=True))
    vague = "|".join(sorted(VAGUE_COUNTS, key=len, reverse=True))
    words = "|".join(sorted(set(WORD_NUMBERS) - {"a"}, key=len, reverse=True))
    qual = (
        r"(?:(?:more than|over|at least|about|around|nearly|almost|some|up to|"
        r"approximately|an estimated|roughly|as many as)\s+)?"
    )
    num = (
        rf"(?:{vague}|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+(?:million|thousand))?"
        rf"|(?:a|{words})(?:\s+(?:hundred|thousand|million))+|(?:{words}))"
    )
    unit = rf"(?:\s+of)?(?:\s+(?:the\s+)?[\w-]+){{0,2}}?\s+(?:{people})\b"
    return re.compile(rf"\b{qual}(?P<num>{num})(?P<unit>{unit})?", re.IGNORECASE)


def _cues() -> Mapping[str, frozenset[str]]:
    return load_cues("displacement_cues")


@dataclass
class _Flow:
    """One flow being assembled (sentence-level, then merged across sentences)."""

    anchor: Any  # the cue token
    origin: tuple[str, Place | None] | None = None
    destination: tuple[str, Place | None] | None = None
    count: str | None = None
    reporter: str | None = None
    date: datetime.date | None = None
    evidence: list[Evidence] = field(default_factory=list)
    sent_index: int = 0


def _is_trigger(tok: Any) -> bool:
    cues = _cues()
    lemma, low = tok.lemma_.lower(), tok.lower_
    if tok.pos_ == "NOUN" and lemma in cues["flow_nouns"]:
        return True
    if tok.dep_ == "amod":
        if low != "displaced":
            return False
        # "displaced families headed to X" moves; "displaced families live in" does not
        noun = tok.head
        near = [noun.head, *noun.children]
        return any(t.lemma_.lower() in cues["motion_verbs"] for t in near if t.i != tok.i)
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    if lemma in cues["flee_verbs"] or low in cues["flee_verbs"]:
        return True
    if lemma in cues["force_verbs"]:
        src = _prep_obj(tok, cues["from_preps"])
        return src is not None and src.lemma_.lower() in {"home", "house", "village", "land"}
    return False


def _prep_obj(tok: Any, preps: frozenset[str]) -> Any | None:
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lemma_.lower() in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
                if obj.dep_ == "prep":  # "out of X"
                    inner = [c for c in obj.children if c.dep_ == "pobj"]
                    if inner:
                        return inner[0]
    return None


def _refinement(doc: Any, head: Any, places: Sequence[Place]) -> Any | None:
    """The head of a more precise restatement naming a place, if there is one.

    "parts of X, specifically the areas around Y": spaCy makes the second
    phrase an ``appos`` or a loose ``dep``; either way it is the better origin.
    """
    for app in head.children:
        if app.dep_ == "appos":
            _, s, e = token_range_text(doc, phrase_tokens(app, _CUT, _PLACE_PREPS))
            if overlapping(places, s, e):
                return app
    right = max(t.i for t in phrase_tokens(head, _CUT, _PLACE_PREPS))
    if right + 2 < len(doc) and doc[right + 1].text == ",":
        adv = doc[right + 2]
        if adv.lower_ in _cues()["refiners"] and adv.head.pos_ in {"NOUN", "PROPN"}:
            cand = adv.head
            _, s, e = token_range_text(doc, phrase_tokens(cand, _CUT, _PLACE_PREPS))
            if cand.i > right and overlapping(places, s, e):
                return cand
    return None


def _place_phrase(doc: Any, head: Any, places: Sequence[Place]) -> tuple[str, Place | None]:
    """Text as written and the most specific Place of an origin/destination phrase."""
    head = _refinement(doc, head, places) or head
    toks = trim_tokens(phrase_tokens(head, _CUT, _PLACE_PREPS), drop_det=False)
    while toks and toks[0].lower_ in _cues()["refiners"]:  # "specifically the areas ..."
        toks = toks[1:]
    text, start, end = token_range_text(doc, toks or [head])
    found = overlapping(places, start, end)
    if not found:
        return text, None
    place: Place = found[-1]
    bare = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    if len(found) == 1 and bare == place.text:
        return place.name, place
    return text, place


def _origin(doc: Any, trig: Any, places: Sequence[Place]) -> tuple[str, Place | None] | None:
    cues = _cues()
    heads = [trig, *(c for c in trig.children if c.dep_ in {"dobj", "nsubjpass"})]
    for head in heads:
        src = _prep_obj(head, cues["from_preps"])
        if src is not None and src.lemma_.lower() not in cues["not_places"]:
            return _place_phrase(doc, src, places)
    obj = next((c for c in trig.children if c.dep_ == "dobj"), None)
    if obj is not None and trig.lemma_.lower() in cues["flee_verbs"]:
        span = (obj.idx, obj.idx + len(obj.text))
        named = obj.pos_ == "PROPN" or overlapping(places, *span)
        if named and obj.lemma_.lower() not in cues["not_places"]:
            return _place_phrase(doc, obj, places)
    return None


def _destinations(sent: Any) -> list[Any]:
    """pobj tokens naming where people went, anywhere in the sentence."""
    cues = _cues()
    carriers = cues["motion_verbs"] | cues["flee_verbs"] | cues["flow_nouns"]
    out: list[Any] = []
    for tok in sent:
        if tok.dep_ != "prep":
            continue
        head, lemma = tok.head, tok.lemma_.lower()
        to_like = lemma in cues["to_preps"] and (
            head.lemma_.lower() in carriers
            or head.lower_ == "displaced"
            or (head.dep_ == "pobj" and head.head.lemma_.lower() in cues["from_preps"])
        )
        refuge = lemma == "in" and head.lemma_.lower() in cues["refuge_nouns"] | {"seek"}
        # "fled X for Y": only when Y is a name ("fled for safety" is no destination)
        fled = head if head.dep_ != "dobj" else head.head
        named_for = (
            lemma == "for"
            and fled.lemma_.lower() in cues["flee_verbs"]
            and any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in tok.children)
        )
        if to_like or refuge or named_for:
            out.extend(c for c in tok.children if c.dep_ == "pobj")
    return out


def _reporter(doc: Any, sent: Any, trig: Any) -> str | None:
    cues = _cues()
    for tok in sent:
        if tok.lower_ == "according":
            for prep in tok.children:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return _name(doc, obj)
    cur = trig
    for _ in range(8):
        if cur.lemma_.lower() in cues["say_verbs"]:
            subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return _name(doc, subj)
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None


def _name(doc: Any, tok: Any) -> str | None:
    toks = trim_tokens(phrase_tokens(tok, _CUT, _REPORTER_PREPS), drop_det=True)
    if not toks or is_pronoun(toks):
        return None
    return str(token_range_text(doc, toks)[0])


def _counts(doc: Any, sent: Any) -> list[tuple[int, str]]:
    """(char position, text) of the figures of people in a sentence."""
    out: list[tuple[int, str]] = []
    for m in _count_re().finditer(sent.text):
        start = sent.start_char + m.start()
        if not m.group("unit"):
            # a bare figure counts only as the subject/object of the cue ("Thousands fled")
            num = doc.char_span(
                sent.start_char + m.start("num"),
                sent.start_char + m.end("num"),
                alignment_mode="expand",
            )
            if num is None or num.root.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
                continue
        out.append((start, m.group(0)))
    return out


def _is_return(trig: Any) -> bool:
    words = _cues()["return_words"]
    cur = trig
    for _ in range(6):
        if cur.lemma_.lower() in words:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _sentence_flows(doc: Any, sent: Any, places: Sequence[Place]) -> list[_Flow]:
    cues = _cues()
    triggers = [
        t
        for t in sent
        if _is_trigger(t)
        and not _is_return(t)
        and not is_non_factual(t, cues["non_factual"], cues["modals"])
    ]
    if not triggers:
        return []
    flows: list[_Flow] = []
    for trig in triggers:
        origin = _origin(doc, trig, places)
        last = flows[-1] if flows else None
        if last is not None and (
            origin is None or last.origin is None or origin[0] == last.origin[0]
        ):
            last.origin = last.origin or origin
            continue
        flows.append(_Flow(anchor=trig, origin=origin))

    def nearest(i: int) -> _Flow:
        return min(flows, key=lambda f: abs(f.anchor.i - i))

    for dest in _destinations(sent):
        flow = nearest(dest.i)
        if flow.destination is None:
            flow.destination = _place_phrase(doc, dest, places)
    for pos, text in _counts(doc, sent):
        flow = nearest(doc.char_span(pos, pos + 1, alignment_mode="expand").start)
        if flow.count is None:
            flow.count = text
    return flows


def _merge(into: _Flow, new: _Flow) -> None:
    """Fill ``into`` from a continuation; a Place-backed origin beats a vague one."""
    if into.origin is None or (into.origin[1] is None and new.origin and new.origin[1]):
        into.origin = new.origin or into.origin
    if into.destination is None or (
        into.destination[1] is None and new.destination and new.destination[1]
    ):
        into.destination = new.destination or into.destination
    into.count = into.count or new.count
    into.reporter = into.reporter or new.reporter
    into.date = into.date or new.date
    into.evidence.extend(e for e in new.evidence if e not in into.evidence)
    into.sent_index = new.sent_index


def _continues(prev: _Flow, new: _Flow) -> bool:
    """Is ``new`` the same flow as ``prev`` (same origin, or next sentence, no conflict)?"""
    po, no = prev.origin, new.origin
    if po and no and po[1] and no[1]:
        return po[1].name == no[1].name
    if po and no and po[0].lower() == no[0].lower():
        return True
    pd, nd = prev.destination, new.destination
    if pd and nd and pd[1] and nd[1] and pd[1].name != nd[1].name:
        return False
    return new.sent_index == prev.sent_index + 1


def find_displacements(
    doc: Any,
    places: Sequence[Place],
    actors: Sequence[Any],
    dates: Sequence[DatedSpan],
    published: datetime.date | None,
) -> list[Displacement]:
    """One :class:`Displacement` per distinct flow of people, in text order.

    ``actors`` and ``published`` are accepted for the common stage signature:
    reporters are kept as written, and a None date means "the report date".
    """
    del actors, published
    flows: list[_Flow] = []
    for index, sent in enumerate(doc.sents):
        reporter_cache: dict[int, str | None] = {}
        for flow in _sentence_flows(doc, sent, places):
            flow.sent_index = index
            if flow.anchor.i not in reporter_cache:
                reporter_cache[flow.anchor.i] = _reporter(doc, sent, flow.anchor)
            flow.reporter = reporter_cache[flow.anchor.i]
            flow.date = pick_date(dates, sent.start_char, sent.end_char, flow.anchor.idx)
            flow.evidence = [Evidence("displacement", sent.text, sent.start_char, sent.end_char)]
            target = next((f for f in reversed(flows) if _continues(f, flow)), None)
            if target is not None:
                _merge(target, flow)
            else:
                flows.append(flow)
    return [
        Displacement(
            origin=f.origin[0] if f.origin else None,
            destination=f.destination[0] if f.destination else None,
            count_text=f.count,
            count_estimate=estimate_count(f.count) if f.count else None,
            reporter=f.reporter,
            date=f.date,
            evidence=f.evidence,
            origin_place=f.origin[1] if f.origin else None,
            destination_place=f.destination[1] if f.destination else None,
        )
        for f in flows
    ]
