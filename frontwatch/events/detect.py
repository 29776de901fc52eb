"""Event detection: cue words in a sentence -> typed event mentions with roles.

A mention is one trigger in one sentence, typed with an ACLED sub-event type,
with actor1/actor2 from the parse, the place nearest the trigger and the
sentence's date. ``frontwatch.events.assemble`` merges mentions into events.

Decision rules, following ACLED's codebook (see ACLED_CODING_NOTES.md):
- protests: violence by demonstrators makes a riot (Violent demonstration);
  lethal force against them Excessive force; dispersal or arrests Protest with
  intervention; otherwise Peaceful protest;
- killings need a civilian target to be Violence against civilians;
- arrests by state forces are Arrests, by anyone else Abduction;
- weapons named inside an actor mention ("Russian warplanes") bind to it; weapon
  words in a sentence that also describes ground fighting are part of the battle.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from frontwatch.events._spans import is_non_factual
from frontwatch.events.cues import CueLexicon, CueMatch
from frontwatch.events.location import event_place
from frontwatch.events.roles import (
    ARMED_INTERS,
    CIVILIAN_INTER,
    REPORTER,
    actor_role,
    assign_roles,
)
from frontwatch.models import Actor, Place

PROTEST_TYPES = (
    "Excessive force against protesters",
    "Protest with intervention",
    "Peaceful protest",
    "Violent demonstration",
)
STATE_INTER = 1


@dataclass
class EventMention:
    """One trigger of one event in one sentence."""

    sub_event_type: str
    trigger: CueMatch
    sentence_start: int
    sentence_end: int
    actor1: Actor | None = None
    actor2: Actor | None = None
    place: Place | None = None
    civilian_targeting: bool = False
    #: extra evidence (field name, start, end) beyond the trigger and sentence
    supports: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class SentenceContext:
    """What is true of one sentence, for the decision rules."""

    text: str
    start: int
    end: int
    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    protest: bool
    armed: bool
    civilian_words: bool
    #: a background sentence ("has been gripped by fighting"): no cue in it is an event
    background: bool = False
    #: the sentence before, for rules that read a story across two sentences
    previous: str = ""


_AMID = re.compile(r"\bamid (?:[\w-]+ ){0,3}[\w-]+", re.IGNORECASE)


def _within(start: int, end: int, outer_start: int, outer_end: int) -> bool:
    return outer_start <= start and end <= outer_end


def _sentence_context(
    sent: Any, actors: Sequence[Actor], places: Sequence[Place], lexicon: CueLexicon
) -> SentenceContext:
    start, end = sent.start_char, sent.end_char
    in_actors = tuple(a for a in actors if _within(a.start, a.end, start, end))
    in_places = tuple(p for p in places if _within(p.start, p.end, start, end))
    text = sent.text
    # "detained him amid protests over the election": the protests are the backdrop
    foreground = _AMID.sub(" ", text)
    protest = (
        lexicon.has_context("protest", foreground)
        or lexicon.has_context("crowd_control", text)
        or any(a.inter in (5, 6) for a in in_actors)
    )
    return SentenceContext(
        text=text,
        start=start,
        end=end,
        actors=in_actors,
        places=in_places,
        protest=protest and not lexicon.has_context("diplomatic_protest", text),
        armed=any(a.inter in ARMED_INTERS for a in in_actors),
        civilian_words=lexicon.has_context("civilian_victim_words", text)
        or any(a.inter == CIVILIAN_INTER for a in in_actors),
        background=lexicon.has_context("background", text),
    )


def _bound_actor(cue: CueMatch, actors: Sequence[Actor]) -> Actor | None:
    """The actor whose mention contains a weapon word ("regime artillery")."""
    for actor in actors:
        if actor.start <= cue.start and cue.end <= actor.end:
            return actor
    return None


def _political_arrest(context: SentenceContext, target: Actor | None, lexicon: CueLexicon) -> bool:
    """ACLED codes arrests with a political dimension: of opponents, activists,
    protesters, journalists or armed-group members, or mass round-ups."""
    if target is not None and target.inter in (2, 3, 4, 5, 6):
        return True
    if lexicon.has_context("political_target", context.text):
        return True
    # "A farmer hacked his brother to death after a quarrel. He was arrested hours later."
    return not lexicon.has_context("ordinary_crime", context.previous + " " + context.text)


def _protest_type(cues: Sequence[CueMatch], context: SentenceContext) -> str:
    kinds = {c.sub_event_type for c in cues}
    if "Mob violence" in kinds and "Peaceful protest" not in kinds:
        # A crowd that attacks with no demonstration named: a lynching, not a riot.
        return "Mob violence"
    if "Violent demonstration" in kinds or "Mob violence" in kinds:
        return "Violent demonstration"
    if "Excessive force against protesters" in kinds:
        return "Excessive force against protesters"
    if "Protest with intervention" in kinds:
        return "Protest with intervention"
    return "Peaceful protest"


def is_non_political(text: str, lexicon: CueLexicon) -> bool:
    """Is the report about sport, an accident, a disaster or crime? Its events then need
    a named armed actor. "First reported as a gas explosion" denies the accident."""
    return bool(lexicon.non_political.search(text)) and not lexicon.has_context(
        "not_an_accident", text
    )


def detect_mentions(
    doc: Any,
    actors: Sequence[Actor],
    places: Sequence[Place],
    lexicon: CueLexicon,
    report_non_political: bool | None = None,
) -> list[EventMention]:
    """Every event mention in the document, in text order.

    ``report_non_political`` is :func:`is_non_political` of the text, when the
    caller has it already (one regex scan per report).
    """
    mentions: list[EventMention] = []
    text = doc.text  # rebuilt from every token on each access: read it once
    if report_non_political is None:
        report_non_political = is_non_political(text, lexicon)
    # Sorted by start so each sentence takes its own slice (long reports stay linear).
    actors = sorted(actors, key=lambda a: a.start)
    places = sorted(places, key=lambda p: p.start)
    actor_starts = [a.start for a in actors]
    place_starts = [p.start for p in places]
    previous = ""
    for sent in doc.sents:
        sentence_text = sent.text  # Span.text is rebuilt on each access
        cues = lexicon.find(sentence_text, offset=sent.start_char)
        before, previous = previous, sentence_text
        if not cues:
            continue
        lo, hi = sent.start_char, sent.end_char
        context = _sentence_context(
            sent,
            actors[bisect.bisect_left(actor_starts, lo) : bisect.bisect_left(actor_starts, hi)],
            places[bisect.bisect_left(place_starts, lo) : bisect.bisect_left(place_starts, hi)],
            lexicon,
        )
        context = replace(context, previous=before)
        mentions.extend(_sentence_mentions(doc, context, cues, lexicon, report_non_political))
    if lexicon.has_context("exercise", text):
        mentions = _drop_exercise_fire(mentions, text, lexicon)
    return _drop_arrests_of_disruptions(_drop_generic_blasts(mentions), lexicon)


_EXERCISE_FIRE = frozenset(
    {"Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED"}
)


def _drop_exercise_fire(
    mentions: list[EventMention], text: str, lexicon: CueLexicon
) -> list[EventMention]:
    """In a report about a drill, fire told in another sentence ("the target vessel sank
    after an hour of bombardment") is the drill's too, unless it hit someone."""
    kept = []
    for m in mentions:
        sentence = text[m.sentence_start : m.sentence_end]
        harmless = m.actor2 is None and not lexicon.has_context("casualty_words", sentence)
        if m.sub_event_type in _EXERCISE_FIRE and harmless:
            continue
        kept.append(m)
    return kept


def _drop_arrests_of_disruptions(
    mentions: list[EventMention], lexicon: CueLexicon
) -> list[EventMention]:
    """Arrests made when weapons are seized or a bomb defused are part of that
    disruption, not an event of their own; so are the drones and missiles
    "launched" that the report says were shot down."""
    if not any(m.sub_event_type == "Disrupted weapons use" for m in mentions):
        return mentions
    return [
        m
        for m in mentions
        if m.sub_event_type != "Arrests"
        and not (
            m.sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack")
            and lexicon.has_context("launch_only", m.trigger.text)
        )
    ]


_GENERIC_BLAST = frozenset({"blast", "blasts", "explosion", "explosions"})
_EXPLOSIVE_TYPES = frozenset(
    {
        "Grenade",
        "Suicide bomb",
        "Remote explosive/landmine/IED",
        "Shelling/artillery/missile attack",
        "Air/drone strike",
    }
)


def _drop_generic_blasts(mentions: list[EventMention]) -> list[EventMention]:
    """ "The explosion damaged the house" retells a grenade, shell or bomb the report
    names: a bare blast word is an IED only when no explosive weapon is named."""
    named = any(
        m.sub_event_type in _EXPLOSIVE_TYPES and m.trigger.text.lower() not in _GENERIC_BLAST
        for m in mentions
    )
    if not named:
        return mentions
    return [
        m
        for m in mentions
        if not (
            m.sub_event_type == "Remote explosive/landmine/IED"
            and m.trigger.text.lower() in _GENERIC_BLAST
        )
    ]


#: words right before a cue that deny it ("without fighting", "no clashes")
_WITHOUT = re.compile(r"\b(?:without|no|not any|never any)\s+(?:any\s+|a\s+|serious\s+)?$", re.I)

#: relations along which "expect"/"plan"/"call off" govern a cue ("expect thousands to
#: join a rally": the rally hangs on "join", a clausal complement of "expect")
_UNREALISED_EDGES = frozenset(
    {"xcomp", "ccomp", "acl", "conj", "pcomp", "prep", "pobj", "dobj", "nsubj", "nsubjpass"}
)


def _unrealised(doc: Any, cue: CueMatch, lexicon: CueLexicon, context: SentenceContext) -> bool:
    """ "called off a march", "will hold rallies", "a march planned for Friday",
    "no one was killed", "protesting against air strikes": the cue names something
    that did not happen (yet), or what a protest is about."""
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or not lexicon.unrealised:
        return False
    token = span.root
    if any(c.dep_ == "acl" and c.lemma_.lower() in lexicon.unrealised for c in token.children):
        return True
    if cue.sub_event_type in lexicon.adjectival_only and any(_participle_modifier(t) for t in span):
        return True  # "committing to return abducted women", "the ousted president"
    if cue.sub_event_type == "Protest with intervention" and cue.text.lower().startswith(
        ("dispers", "broke up")
    ):
        # "the rally dispersed shortly before midnight": the crowd left on its own;
        # only "police dispersed the crowd" / "protesters were dispersed" is force
        acted_on = any(c.dep_ in ("dobj", "nsubjpass", "agent") for c in token.children)
        if not acted_on and token.dep_ not in ("xcomp", "advcl", "acl"):
            return True
    if _conditional(token):
        return True  # "would carry out attacks unless the country withdrew its troops"
    before = context.text[: cue.start - context.start]  # Doc.text is rebuilt on each access
    if _WITHOUT.search(before):
        return True  # "entered the town without any fighting": the cue is denied
    topic = lexicon.contexts.get("protest_topic")
    if token.pos_ in ("NOUN", "PROPN") and topic is not None and topic.search(before):
        return True  # "chanting slogans against Israeli strikes": what a protest is about
    return is_non_factual(token, lexicon.unrealised, lexicon.modals, _UNREALISED_EDGES)


def _participle_modifier(token: Any) -> bool:
    """ "abducted women", "the ousted president"; not "a clandestine grave"."""
    # a past tense read as a modifier ("military seized power") is a bad parse, not this
    participle = token.tag_ == "VBN" or (token.tag_ == "JJ" and token.lower_.endswith("ed"))
    return bool(token.dep_ == "amod" and participle)


def _conditional(token: Any) -> bool:
    """Is the cue's clause a condition ("unless X withdrew", "if they attack")?"""
    node = token
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("unless", "if") for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "conj", "dobj", "pobj", "prep", "compound", "amod"):
            return False
        node = node.head
    return False


_FORCE_LEMMAS = frozenset(
    {"troop", "force", "soldier", "fighter", "rebel", "militant", "army", "unit", "militia"}
)


_ARMED_MEN = frozenset({"gunman", "gunmen", "bandit", "attacker", "assailant", "kidnapper"})


def _armed_march(doc: Any, cue: CueMatch, context: SentenceContext) -> bool:
    """ "Tigrayan forces marched into Mekelle", "gunmen blocked the highway": armed men
    on the move or setting an ambush, not a protest march or road block."""
    if cue.sub_event_type != "Peaceful protest" or not cue.text.lower().startswith(
        ("march", "block")
    ):
        return False
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subj in subjects:
        if subj.lemma_.lower() in _FORCE_LEMMAS or subj.lemma_.lower() in _ARMED_MEN:
            return True
        if any(a.inter in ARMED_INTERS and a.start <= subj.idx < a.end for a in context.actors):
            return True
    return False


def _drill_that_hit_people(cue: CueMatch, context: SentenceContext, lexicon: CueLexicon) -> bool:
    """ "a mortar round fired during a live-fire exercise killed two children": an
    exercise blocks fire words only while nobody was hurt."""
    other_blocks = [
        b for b in cue.blocks if b != "exercise" and lexicon.has_context(b, context.text)
    ]
    return (
        "exercise" in cue.blocks
        and not other_blocks
        and lexicon.has_context("casualty_words", context.text)
    )


def _usable(cue: CueMatch, context: SentenceContext, lexicon: CueLexicon) -> bool:
    if lexicon.blocked(cue, context.text) and not _drill_that_hit_people(cue, context, lexicon):
        return False
    if context.background:
        return False
    if lexicon.has_context("commemoration", context.text) and (
        cue.sub_event_type not in PROTEST_TYPES or not context.protest
    ):
        # "marked 35 years since the chemical attack on the town"; a crowd gathered to
        # mourn is no demonstration unless a protest word says so
        return False
    before = context.text[: cue.start - context.start]
    for name in ("earlier_event", "after_nominal"):
        earlier = lexicon.contexts.get(name)
        if earlier is not None and earlier.search(before):
            return False
    needs = cue.needs
    if needs is None:
        return True
    if needs == "protest":
        return context.protest
    if needs in ("armed_actor", "armed_pair"):
        return context.armed
    if needs == "civilian_target":
        victims = context.civilian_words or lexicon.has_context("political_victim", context.text)
        return victims and not context.protest
    if needs == "state_actor":
        return any(a.inter in (1, 2, 3, 8) for a in context.actors) or lexicon.has_context(
            "state_words", context.text
        )
    return lexicon.has_context(needs, context.text)


def _sentence_mentions(
    doc: Any,
    context: SentenceContext,
    cues: Sequence[CueMatch],
    lexicon: CueLexicon,
    report_non_political: bool,
) -> list[EventMention]:
    usable = [
        c
        for c in cues
        if _usable(c, context, lexicon)
        and not _unrealised(doc, c, lexicon, context)
        and not _armed_march(doc, c, context)
    ]
    if not usable:
        return []
    lynching = any(c.sub_event_type == "Mob violence" for c in usable)
    if report_non_political and not context.protest and not lynching:
        # Crime, disasters, sport: only a named armed group or a state force makes
        # it political ("armed robbers" are no Unidentified Armed Group); a crowd
        # beating suspected thieves to death is mob violence whatever the topic.
        cue_token = doc.char_span(usable[0].start, usable[0].end, alignment_mode="expand")
        named_armed = any(
            a.inter in ARMED_INTERS
            and (not a.generic or a.inter == 1)
            and (
                cue_token is None
                or actor_role(doc, a, cue_token.root, lexicon.reporting_verbs) != REPORTER
            )
            for a in context.actors
        )
        if not named_armed:
            return []
    if report_non_political:
        # Troops deployed for flood relief are no change to an armed group's activity.
        usable = [c for c in usable if c.sub_event_type != "Change to group/activity"]
    verbs = lexicon.reporting_verbs
    armed_weapon = any(c.weapon for c in usable)
    protest = context.protest or any(c.sub_event_type == "Peaceful protest" for c in usable)
    crowd_cues = any(c.sub_event_type in (*PROTEST_TYPES, "Mob violence") for c in usable)
    if protest and not armed_weapon and crowd_cues:
        # A bomb or a strike at a rally is an attack, not a protest event.
        return _protest_mentions(doc, context, usable, verbs)
    has_battle = any(c.sub_event_type == "Armed clash" for c in usable)
    mob = any(c.sub_event_type == "Mob violence" for c in usable)
    kinds = {c.sub_event_type for c in usable}
    if "Arrests" in kinds and kinds & {
        "Abduction/forced disappearance",
        "Disrupted weapons use",
        "Other",
    }:
        # "detained X and took him to an unknown location" is a disappearance; the
        # bomber arrested as police defuse his bomb is part of the disruption; the
        # leaders detained in a coup are part of the coup.
        usable = [c for c in usable if c.sub_event_type != "Arrests"]
    weapon_bound = {
        bound.name for c in usable if c.weapon and (bound := _bound_actor(c, context.actors))
    }
    mentions: list[EventMention] = []
    for cue in usable:
        if cue.sub_event_type in PROTEST_TYPES:
            continue
        bound = _bound_actor(cue, context.actors) if cue.weapon else None
        if cue.weapon and bound is None and has_battle:
            continue  # "clashes amid air and artillery fire": part of the battle
        target_civilians = cue.sub_event_type in (
            "Attack",
            "Abduction/forced disappearance",
            "Sexual violence",
        )
        roles = assign_roles(
            doc,
            context.actors,
            cue.start,
            verbs,
            target_civilians=target_civilians,
            battle=cue.sub_event_type == "Armed clash",
            speaker_acts=cue.sub_event_type == "Arrests",
        )
        actor1, actor2 = roles.actor1, roles.actor2
        if bound is not None:
            actor1 = bound
            # "Russian warplanes and regime artillery": each fires on its own.
            if actor2 is not None and (actor2.name == bound.name or actor2.name in weapon_bound):
                actor2 = None
        sub_type = cue.sub_event_type
        if sub_type == "Arrests" and actor1 is not None and actor1.inter != STATE_INTER:
            sub_type = "Abduction/forced disappearance"
        if sub_type == "Arrests" and not _political_arrest(context, actor2, lexicon):
            continue  # "police arrested a man suspected of stealing cars": crime
        no_perpetrator = actor1 is None or actor1.inter == CIVILIAN_INTER
        if sub_type == "Attack" and mob and (actor1 is None or actor1.inter not in ARMED_INTERS):
            continue  # a crowd that kills is Mob violence (the codebook: VAC needs an armed group)
        political_victim = lexicon.has_context("political_victim", context.text)
        if sub_type == "Attack" and no_perpetrator and not context.armed and not political_victim:
            # Killing with no armed perpetrator named: crime or accident.
            continue
        if sub_type == "Armed clash" and actor1 is None and actor2 is None and not has_battle:
            continue
        mentions.append(
            EventMention(
                sub_event_type=sub_type,
                trigger=cue,
                sentence_start=context.start,
                sentence_end=context.end,
                actor1=actor1,
                actor2=actor2,
                place=event_place(doc, context.places, cue.start, cue.end),
                civilian_targeting=target_civilians,
            )
        )
    return _attacks_inside_other_events(mentions)


_RAID = re.compile(r"(?:raided|raid|stormed|descended on|attacked|attack)\b", re.IGNORECASE)


def _attacks_inside_other_events(mentions: list[EventMention]) -> list[EventMention]:
    """Drop attack readings that retell another event of the same sentence."""
    kinds = {m.sub_event_type for m in mentions}
    if kinds & {"Looting/property destruction", "Disrupted weapons use"}:
        # "raided the market, carting away goods", "raided a hideout and recovered
        # rifles": the raid is the looting or the seizure
        mentions = [
            m
            for m in mentions
            if not (m.sub_event_type == "Attack" and _RAID.match(m.trigger.text))
        ]
    if "Armed clash" in kinds:
        # "a soldier was killed in an encounter with rebels": a death in the fight
        mentions = [
            m
            for m in mentions
            if not (
                m.sub_event_type == "Attack"
                and m.actor2 is not None
                and m.actor2.inter in (1, 2, 3, 4, 8)
            )
        ]
    return _killing_by_explosive(mentions)


def _killing_by_explosive(mentions: list[EventMention]) -> list[EventMention]:
    """ "A driver was killed when his tractor hit a mine": the killing is the
    explosive's effect, coded as the explosive event with the victims as actor2."""
    if any(m.sub_event_type == "Suicide bomb" for m in mentions):
        # "drove a minibus packed with explosives into a checkpoint, killing himself":
        # the vehicle bomb is the suicide bombing
        mentions = [m for m in mentions if m.sub_event_type != "Remote explosive/landmine/IED"]
    explosive = [m for m in mentions if m.sub_event_type in _EXPLOSIVE_TYPES]
    attacks = [m for m in mentions if m.sub_event_type == "Attack"]
    if not explosive or not attacks:
        return mentions
    victims = next((m.actor2 for m in attacks if m.actor2 is not None), None)
    for m in explosive:
        if m.actor2 is None and victims is not None:
            m.actor2 = victims
            m.civilian_targeting = True
    return [m for m in mentions if m.sub_event_type != "Attack"]


def _protest_mentions(
    doc: Any, context: SentenceContext, cues: Sequence[CueMatch], verbs: frozenset[str]
) -> list[EventMention]:
    protest_cues = [c for c in cues if c.sub_event_type in (*PROTEST_TYPES, "Mob violence")]
    if not protest_cues:
        return []
    sub_type = _protest_type(protest_cues, context)
    trigger = next(
        (c for c in protest_cues if c.sub_event_type == sub_type),
        protest_cues[0],
    )
    crowd = next((a for a in context.actors if a.inter in (5, 6)), None)
    trigger_token = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    # "..., police said": the force that reports the protest is not a party to it.
    force = next(
        (
            a
            for a in context.actors
            if a.inter in (1, 3, 8)
            and (trigger_token is None or actor_role(doc, a, trigger_token.root, verbs) != REPORTER)
        ),
        None,
    )
    if sub_type == "Excessive force against protesters":
        actor1, actor2 = force, crowd
    else:
        actor1, actor2 = crowd, force if sub_type != "Peaceful protest" else None
    return [
        EventMention(
            sub_event_type=sub_type,
            trigger=trigger,
            sentence_start=context.start,
            sentence_end=context.end,
            actor1=actor1,
            actor2=actor2,
            place=event_place(doc, context.places, trigger.start, trigger.end),
            civilian_targeting=sub_type == "Excessive force against protesters",
        )
    ]
