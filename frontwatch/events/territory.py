"""Territorial control changes: who took which place from whom, and when.

Finds capture cues in the dependency parse ("X captured Y", "Y was captured
by X", "Y fell to X", "Y came under the control of X", "the capture of Y by
X", "the areas taken by X include A, B and C", "X lost Y") and returns one
:class:`TerritoryChange` per place. Attempts, plans, denials and negations
are skipped, and so are captured people or things: the object must look like
a place (a known ``Place``, a capitalised name, or "the town/village of ...").

The coordinated list is split on the tokens themselves (commas, "and",
dropped modifiers), not on NER labels, so village names that spaCy tags
PERSON or nothing are kept.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from frontwatch.events._spans import (
    DatedSpan,
    is_non_factual,
    is_pronoun,
    load_cues,
    overlapping,
    phrase_tokens,
    pick_date,
    token_range_text,
    trim_tokens,
)
from frontwatch.events.cues import load_cue_lexicon
from frontwatch.models import Actor, Evidence, Place, TerritoryChange

__all__ = ["DatedSpan", "find_territory_changes"]

#: relations whose subtree is not part of a place list or an agent phrase
_CUT = frozenset({"relcl", "acl", "advcl", "npadvmod", "parataxis", "agent"})
#: prepositions kept inside a place phrase ("the outskirts of X")
_KEEP_PREPS = frozenset({"of", "around", "near", "outside", "including", "include", "such"})
#: prepositions kept inside an agent phrase ("fighters from X")
_AGENT_PREPS = frozenset({"of", "from"})
#: tokens that separate the items of a list
_SEPARATORS = frozenset({",", ";", "and", "or", "&", "including", "include", "such", "as"})


#: heads that name a side as a whole: "the armed group said its fighters took X"
_GROUPS = frozenset({"group", "movement", "organisation", "organization", "alliance", "coalition"})


def _cues() -> Mapping[str, frozenset[str]]:
    return load_cues("territory_cues")


def _child(token: Any, deps: set[str], lemmas: set[str] | None = None) -> Any | None:
    """The first child with a relation in ``deps`` (and lemma in ``lemmas``)."""
    for c in token.children:
        if c.dep_ in deps and (lemmas is None or c.lemma_.lower() in lemmas):
            return c
    return None


def _pobj(token: Any, preps: set[str]) -> Any | None:
    """The object of a preposition child of ``token`` whose lemma is in ``preps``."""
    prep = _child(token, {"prep", "agent", "dative"}, preps)
    return _child(prep, {"pobj"}) if prep is not None else None


def _through_control(obj: Any) -> Any:
    """For "control of Y" / "control over Y" return Y, else ``obj`` itself.

    The parser may hang "of Y" on the verb instead ("took control of most of Goma").
    """
    if obj is not None and obj.lemma_.lower() in _cues()["control_nouns"]:
        inner = _pobj(obj, {"of", "over"})
        if inner is None and obj.dep_ == "dobj":
            inner = _pobj(obj.head, {"of", "over"})
        if inner is not None:
            return inner
    return obj


def _is_force(token: Any) -> bool:
    """ "drove Russian forces out of X" (a side), not "drove cattle from a camp"."""
    return token.pos_ == "PROPN" or token.lemma_.lower() in _cues()["force_nouns"]


def _vacated_place(trigger: Any, sent: Any) -> Any | None:
    """The place another side left in the same sentence: "pulled out of X", "left X"."""
    leave = _cues()["leave_verbs"]
    for tok in sent if sent is not None else trigger.sent:
        if tok.i >= trigger.i or tok.lemma_.lower() not in leave:
            continue
        out = _child(tok, {"prep", "advmod", "prt"}, {"out"})
        place = _pobj(out, {"of"}) if out is not None else None
        place = place or _pobj(tok, {"from"}) or _child(tok, {"dobj"})
        if place is not None and not _is_force(place):
            return place
    return None


def _peaceful_entry(sentence: str) -> bool:
    """True when the sentence says the place was entered without a fight."""
    text = sentence.lower()
    return any(marker in text for marker in _cues()["peaceful_entry_markers"])


def _subject(verb: Any) -> Any | None:
    """The subject of ``verb``, looking up through "managed to"/"advanced and".

    A relative pronoun gives its antecedent ("the RSF, which captured X") and
    a personal one the speaker ("JNIM said it had seized X"), else None.
    """
    cur = verb
    for _ in range(4):
        # the subject nearest the verb: a dateline ("KABUL, Aug 15 -") may parse as one too
        subjects = [c for c in cur.children if c.dep_ == "nsubj"]
        subj = max(subjects, key=lambda c: c.i if c.i < cur.i else -c.i) if subjects else None
        if subj is not None:
            if subj.tag_ in {"WDT", "WP"} and cur.dep_ == "relcl":
                return cur.head
            owner = _child(subj, {"poss"})
            mine = subj.pos_ == "PRON" or (owner is not None and owner.pos_ == "PRON")
            if mine and cur.dep_ == "ccomp":
                # "JNIM said it had seized X", "the group said its fighters took X"
                speakers = [c for c in cur.head.children if c.dep_ == "nsubj"]
                speaker = min(speakers, key=lambda c: abs(cur.head.i - c.i)) if speakers else None
                side = speaker is not None and (_is_force(speaker) or speaker.lemma_ in _GROUPS)
                if speaker is not None and speaker.pos_ != "PRON" and (subj.pos_ == "PRON" or side):
                    return speaker
            return subj
        if cur.dep_ not in {"conj", "xcomp"} or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _roles(
    trigger: Any, sentence: str, sent: Any = None
) -> tuple[Any | None, Any | None, Any | None] | None:
    """(object, agent, loser) tokens for a cue token, or None when it is no cue."""
    cues = _cues()
    # the small model lemmatises "retook" to itself: match the lemma or the form
    lemma = trigger.lemma_.lower()
    if lemma not in cues["capture_verbs"] and trigger.lower_ in cues["capture_verbs"]:
        lemma = trigger.lower_
    dobj = _child(trigger, {"dobj"})
    if dobj is None:
        # "X, supported by Y, recaptured Moqokori from Z": the parser may take the
        # name right after the verb for a second subject.
        dobj = next((c for c in trigger.children if c.dep_ == "nsubj" and c.i > trigger.i), None)
    if trigger.pos_ == "VERB" or trigger.pos_ == "AUX":
        passive = _child(trigger, {"nsubjpass"})
        agent = _pobj(trigger, {"by"})
        handover = lemma in cues["handover_verbs"] and _child(trigger, {"prt"}, {"over"})
        if (lemma in cues["loss_verbs"] or handover) and dobj is not None:
            # "X ceded Y to Z", "the UN mission handed over its camp in Y to the army"
            return _through_control(dobj), _pobj(trigger, {"to"}), _subject(trigger)
        if lemma in cues["fall_verbs"]:
            to = _pobj(trigger, {"to", "into"})
            if to is None:
                return None  # "shells fell on X" is no change of hands
            if to.lemma_.lower() in {"hand", "control"}:
                to = _pobj(to, {"of"}) or _child(to, {"poss", "compound", "amod"})
            return _child(trigger, {"nsubj"}), to, None
        if lemma in cues["come_verbs"]:
            ctrl = _pobj(trigger, {"under"})
            if ctrl is None or ctrl.lemma_.lower() not in cues["control_nouns"]:
                return None
            owner = _pobj(ctrl, {"of"}) or _child(ctrl, {"poss", "compound", "amod"})
            return _child(trigger, {"nsubj"}), owner, None
        if lemma in cues["expel_verbs"] and dobj is not None and _is_force(dobj):
            # "X drove Russian forces out of the village of Y": Y changed hands.
            out = _child(trigger, {"prep", "advmod", "prt"}, {"out"})
            place = _pobj(out, {"of"}) if out is not None else _pobj(trigger, {"from"})
            if place is None:
                return None
            return place, _subject(trigger), dobj
        if lemma in cues["entry_verbs"] and _peaceful_entry(sentence):
            # "M23 rebels walked into Bukavu, meeting no resistance"
            into = _pobj(trigger, {"into"})
            if into is None and dobj is None and _child(trigger, {"prt", "advmod"}, {"in"}):
                # "government troops pulled out of X and the SDF moved in": X changed hands
                into = _vacated_place(trigger, sent)
            return (into if into is not None else dobj), _subject(trigger), None
        if lemma in cues["flag_verbs"] and dobj is not None:
            # "troops hoisted the flag over Kidal": a side marks the place as its own
            if dobj.lemma_.lower() not in cues["flag_nouns"]:
                return None
            over = _pobj(trigger, {"over", "above", "in", "on"}) or _pobj(dobj, {"over", "above"})
            subj = _subject(trigger)
            if over is None or subj is None or not _is_force(subj):
                return None
            return over, subj, None
        dest = _pobj(trigger, {"to"})
        if dest is not None and dest.lemma_.lower() in cues["custody_nouns"]:
            return None  # "took Ghannouchi to an unknown location": a person was taken
        if lemma in cues["capture_verbs"] or lemma in cues["control_verbs"]:
            if dobj is not None and dobj.lemma_.lower() in cues["control_nouns"]:
                if lemma not in cues["control_verbs"]:
                    return None
                return _through_control(dobj), _subject(trigger), None
            if lemma not in cues["capture_verbs"]:
                return None
            if passive is not None:
                return passive, agent, None
            if trigger.dep_ == "acl" and lemma == "occupy":
                return None  # "a city occupied by Russian forces": a state, not a change
            if trigger.dep_ == "acl" and dobj is None:
                # "the areas taken by X include A, B": the list is the object of "include"
                head = trigger.head
                gov = head.head
                if head.dep_ == "nsubj" and gov.lemma_.lower() in cues["list_verbs"]:
                    return _child(gov, {"dobj", "attr"}) or head, agent, None
                return head, agent, None
            if dobj is None:
                conj = _child(trigger, {"conj"})
                dobj = _child(conj, {"dobj"}) if conj is not None else None
            return dobj, _subject(trigger), None
        return None
    if trigger.pos_ == "NOUN" and lemma in cues["capture_nouns"]:
        obj = _pobj(trigger, {"of"})
        if obj is None:
            return None
        agent = _pobj(trigger, {"by"}) or _child(trigger, {"poss"})
        if agent is None and lemma == "fall":
            agent = _pobj(trigger, {"to"})
        return obj, agent, None
    return None


def _items(doc: Any, obj: Any) -> list[list[Any]]:
    """Split the object phrase into one token list per listed place."""
    cues = _cues()
    keep = phrase_tokens(obj, _CUT, _KEEP_PREPS)
    kept = {t.i for t in keep}
    first, last = keep[0].i, keep[-1].i
    items: list[list[Any]] = []
    current: list[Any] = []
    for tok in doc[first : last + 1]:
        if tok.i not in kept or tok.lower_ in _SEPARATORS:
            items.append(current)
            current = []
            continue
        current.append(tok)
    items.append(current)
    out: list[list[Any]] = []
    for item in items:
        item = trim_tokens(item, drop_det=True)
        if out and item and item[0].pos_ == "NOUN" and any(t.dep_ == "appos" for t in item):
            continue  # "Wad Madani, the capital of Gezira state": a description, no new place
        # "the strategic town of X" -> "X": drop a generic head and its "of"
        of_at = next((k for k, t in enumerate(item) if t.lower_ == "of"), None)
        if of_at is not None and of_at + 1 < len(item):
            before = item[:of_at]
            if before and all(
                t.lemma_.lower() in cues["place_heads"]
                or t.lower_ in cues["portion_words"]
                or t.pos_ in {"ADJ", "DET", "NUM"}
                for t in before
            ):
                item = trim_tokens(item[of_at + 1 :], drop_det=True)
        if item:
            out.append(item)
    return out


def _place_like(item: Sequence[Any], places: Sequence[Place], actors: Sequence[Actor]) -> bool:
    """Does an unresolved item look like a place name rather than people or things?"""
    cues = _cues()
    start, end = item[0].idx, item[-1].idx + len(item[-1].text)
    if overlapping(actors, start, end):
        return False
    if any(t.lemma_.lower() in cues["non_place_nouns"] for t in item):
        return False
    if item[0].like_num or item[0].pos_ == "NUM" or is_pronoun(item) or item[0].tag_ == "PRP$":
        return False  # "Her remains were recovered": a possession, no place
    if all(t.lemma_.lower() in cues["place_heads"] for t in item if t.is_alpha):
        return False  # "the town" alone names nothing
    return any(t.is_alpha and t.text[:1].isupper() for t in item)


_SETTLEMENT_HEADS = frozenset({"town", "city", "village", "hamlet", "township"})


def _people(item: Sequence[Any]) -> bool:
    """Is a list item people ("two aides", "his bodyguards")?

    NER's PERSON label is no evidence: the small model tags many villages as people.
    """
    return any(t.lemma_.lower() in _cues()["people_nouns"] for t in item)


def _site(item: Sequence[Any]) -> bool:
    """ "a camp", "the army's main base": a place head naming no place itself."""
    nouns = [t for t in item if t.pos_ in ("NOUN", "PROPN")]
    return (
        bool(nouns)
        and nouns[-1].lemma_.lower() in _cues()["place_heads"]
        and all(t.pos_ != "PROPN" for t in nouns)
    )


def _site_place(trigger: Any, item: Sequence[Any], places: Sequence[Place]) -> list[Place]:
    """The place a site is in: "in/near/outside X" on the site or on the verb."""
    for head in (item[-1], trigger):
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"in", "near", "outside", "at", "on"}:
                continue
            sub = list(prep.subtree)
            found = overlapping(places, sub[0].idx, sub[-1].idx + len(sub[-1]))
            if found:
                return found[-1:]
    return []


def _generic_place(item: Sequence[Any]) -> bool:
    """ "the town", "the city": a place head with nothing but a determiner."""
    words = [t for t in item if t.is_alpha and t.lower_ not in {"the", "this", "that"}]
    return len(words) == 1 and words[0].lemma_.lower() in _SETTLEMENT_HEADS


def _actor_name(doc: Any, tok: Any | None, actors: Sequence[Actor]) -> str | None:
    """Canonical name of the Actor in ``tok``'s phrase, else the phrase text."""
    if tok is None:
        return None
    for acl in tok.children:
        # "rebel fighters led by Hayat Tahrir al-Sham": the leading group acts
        if acl.dep_ == "acl" and acl.lemma_.lower() in {"lead", "head", "spearhead"}:
            leader = _pobj(acl, {"by"})
            named = overlapping(actors, leader.idx, leader.idx + len(leader)) if leader else []
            if leader is not None and not named:
                sub = list(leader.subtree)
                named = overlapping(actors, sub[0].idx, sub[-1].idx + len(sub[-1]))
            if named:
                return str(named[0].name)
    toks = trim_tokens(phrase_tokens(tok, _CUT, _AGENT_PREPS), drop_det=True)
    if not toks or is_pronoun(toks):
        return None
    text, start, end = token_range_text(doc, toks)
    found = overlapping(actors, start, end)
    if len(found) > 1 and tok.lemma_.lower() in _cues()["force_nouns"]:
        # "Troops of the United Wa State Army": the named group, not generic "troops"
        named = [a for a in found if a.start > tok.idx]
        found = named or found
    if not found:
        # "KABUL, Aug 15 (Reuters) - Taliban fighters entered ...": a dateline parsed
        # as the subject; the actor sits further inside the subject's subtree.
        subtree = list(tok.subtree)
        found = overlapping(actors, subtree[0].idx, subtree[-1].idx + len(subtree[-1]))
    return str(found[0].name) if found else text


def _from_actor(doc: Any, trigger: Any, obj: Any, actors: Sequence[Actor]) -> str | None:
    """An explicit loser: "retook Y from X" (not "from the north")."""
    for head in (trigger, obj):
        src = _pobj(head, {"from"})
        if src is None:
            continue
        if overlapping(actors, src.idx, src.idx + len(src.text)):
            return _actor_name(doc, src, actors)
        if src.lemma_.lower() not in _cues()["directions"] and src.pos_ != "PROPN":
            return _actor_name(doc, src, actors)
    return None


#: what may stand between a mis-tagged capture verb and its place ("retook control of")
_SURFACE_GAP = frozenset({"control", "of", "over", "the", "town", "city", "village", "most"})


def _surface_capture(
    sent: Any, places: Sequence[Place], actors: Sequence[Actor], doc_text: str
) -> tuple[Any, Place, Actor, Actor | None] | None:
    """ "FAMa retook control of Kidal from CSP-PSD": a capture verb the parser read as
    a noun or a modifier, taken on the surface as (verb, place, taker, loser).

    Only a named taker right before the verb and a known place right after it count.
    """
    cues = _cues()
    for tok in sent:
        verb = tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound", "nmod")
        if tok.lower_ not in cues["capture_forms"] or verb:
            continue
        window = sent.doc[max(sent.start, tok.i - 3) : tok.i]
        if any(
            t.lemma_.lower() in cues["non_factual"] or t.lower_ in cues["modals"] for t in window
        ):
            continue
        takers = [a for a in actors if sent.start_char <= a.start and a.end <= tok.idx]
        after = [
            p
            for p in places
            if tok.idx < p.start < sent.end_char and p.feature not in ("country", "road")
        ]
        if not takers or not after:
            continue
        place = after[0]
        gap = doc_text[tok.idx + len(tok.text) : place.start].lower().split()
        if any(w not in _SURFACE_GAP for w in gap):
            continue
        tail = doc_text[place.end : sent.end_char]
        losers = [a for a in actors if place.end <= a.start < sent.end_char]
        loser = losers[0] if losers and tail.lstrip().lower().startswith("from") else None
        # "FAMa, supported by Wagner, retook ...": the sentence's first armed side
        armed = [a for a in takers if a.inter in (1, 2, 3, 4, 8)]
        return tok, place, (armed or takers)[0], loser
    return None


def find_territory_changes(
    doc: Any,
    places: Sequence[Place],
    actors: Sequence[Actor],
    dates: Sequence[DatedSpan],
    published: datetime.date | None,
) -> list[TerritoryChange]:
    """One :class:`TerritoryChange` per place taken, in text order.

    ``published`` is accepted for symmetry with the other stages; the caller
    fills ``date`` with the report date when no mention dates the change.

    >>> find_territory_changes.__name__
    'find_territory_changes'
    """
    del published  # dates are resolved by the dates stage; None means "report date"
    cues = _cues()
    contexts = load_cue_lexicon().contexts
    earlier = contexts.get("earlier_event")
    legal = contexts.get("legal")
    memorial = contexts.get("commemoration")
    out: list[TerritoryChange] = []
    seen: set[tuple[int, str, str | None]] = set()
    doc_text = doc.text  # rebuilt from every token on each access: read it once
    for sent in doc.sents:
        sent_text = sent.text  # Span.text is rebuilt on each access
        found_before = len(out)
        for trigger in sent:
            roles = _roles(trigger, sent_text, sent)
            if roles is None or roles[0] is None:
                continue
            if is_non_factual(trigger, cues["non_factual"], cues["modals"]):
                continue
            if legal is not None and legal.search(sent_text):
                continue  # "convicted ... while armed groups occupied the city": a trial
            if memorial is not None and memorial.search(sent_text):
                continue  # "the anniversary of the liberation of Mosul": history
            if earlier is not None and earlier.search(sent_text[: trigger.idx - sent.start_char]):
                continue  # "days after recapturing the city": background to this report
            obj, agent, loser = roles
            to_actor = _actor_name(doc, agent, actors)
            from_actor = (
                _actor_name(doc, loser, actors)
                if loser is not None
                else _from_actor(doc, trigger, obj, actors)
            )
            when = pick_date(dates, sent.start_char, sent.end_char, trigger.idx)
            evidence = Evidence("territory", sent_text, sent.start_char, sent.end_char)
            items = _items(doc, obj)
            if any(_people(item) for item in items):
                # "took Superlano and two aides from a vehicle": people, not places
                items = [i for i in items if overlapping(places, i[0].idx, i[-1].idx + len(i[-1]))]
            for item in items:
                text, start, end = token_range_text(doc, item)
                if item[-1].i == sent.end - 1 and text.endswith("."):
                    # "took X and Mrauk-U." : the tokenizer glued the full stop on
                    text, end = text[:-1], end - 1
                opened = doc_text.rfind("(", max(0, start - 80), start)
                if opened >= 0 and ")" not in doc_text[opened:start]:
                    continue  # "Awasse (Mocimboa da Praia, Cabo Delgado)": admin notes
                found = overlapping(places, start, end)
                if (
                    not found
                    and trigger.pos_ == "VERB"
                    and trigger.dep_ != "acl"
                    and _generic_place(item)
                ):
                    # "took control of the town": the town last named before.
                    before = [p for p in places if sent.start_char <= p.start and p.end <= start]
                    found = before[-1:]
                if not found and _site(item):
                    # "took over a camp in the town of Kidal": the site's town changed hands
                    found = _site_place(trigger, item, places)
                if any(t.lemma_.lower() in cues["non_place_nouns"] for t in item):
                    continue  # "the Yemeni rial fell to ...": a thing, whatever place it names
                if not found and not _place_like(item, places, actors):
                    continue
                place: Place | None = found[0] if found else None
                name = place.name if place is not None else text
                key = (sent.start, name, to_actor)
                if key in seen:
                    continue
                seen.add(key)
                out.append(
                    TerritoryChange(
                        place=name,
                        to_actor=to_actor,
                        from_actor=from_actor,
                        date=when,
                        evidence=[evidence],
                        location=place,
                    )
                )
        surface = (
            _surface_capture(sent, places, actors, doc_text) if len(out) == found_before else None
        )
        if surface is not None and not (legal is not None and legal.search(sent_text)):
            verb, place, taker, loser = surface
            if earlier is None or not earlier.search(sent_text[: verb.idx - sent.start_char]):
                out.append(
                    TerritoryChange(
                        place=place.name,
                        to_actor=taker.name,
                        from_actor=loser.name if loser is not None else None,
                        date=pick_date(dates, sent.start_char, sent.end_char, verb.idx),
                        evidence=[Evidence("territory", sent_text, sent.start_char, sent.end_char)],
                        location=place,
                    )
                )
    return out
