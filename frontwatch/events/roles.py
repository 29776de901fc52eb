"""Who did what to whom: actor roles relative to an event trigger, from the parse.

ACLED's actor1 is the side that acted, actor2 the target or opponent (in
violence against civilians the target is always actor2). Roles come from the
dependency path between an actor mention and the trigger word: subjects and
"by X" agents act; objects, passive subjects and "on/against/at X" are targets.
The subject of a reporting verb ("police said") is a source, not a participant.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from frontwatch.models import Actor

AGENT = "agent"
PATIENT = "patient"
OTHER = "other"
REPORTER = "reporter"

_TARGET_PREPS = frozenset({"on", "against", "at", "upon", "into", "targeting", "toward", "towards"})
_CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "maim", "hurt", "execute", "behead"})
_PARTNER_PREPS = frozenset({"with", "between"})
CIVILIAN_INTER = 7
ARMED_INTERS = frozenset({1, 2, 3, 4, 8})


@dataclass(frozen=True)
class RoleAssignment:
    """actor1/actor2 for one trigger, with the mentions that support them."""

    actor1: Actor | None
    actor2: Actor | None


def _span_root(doc: Any, start: int, end: int) -> Any | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def actor_role(doc: Any, actor: Actor, trigger_token: Any, reporting_verbs: frozenset[str]) -> str:
    """Classify one actor mention relative to the trigger token.

    Walks from the mention's root up the dependency tree; the first relation
    that links it to the trigger's clause decides.
    """
    token = _span_root(doc, actor.start, actor.end)
    if token is None:
        return OTHER
    trigger_ancestors = {t.i for t in trigger_token.ancestors} | {trigger_token.i}
    role = OTHER
    current = token
    prep: str | None = None
    if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_ in _CASUALTY_VERBS:
        # "killing six soldiers", "two policemen were wounded": the side that was hit.
        return PATIENT
    for _ in range(12):
        dep = current.dep_
        head = current.head
        if (
            dep in ("nsubj", "csubj")
            and head.lemma_ in reporting_verbs
            and head.i != trigger_token.i
        ):
            return REPORTER
        if dep == "pobj" and (head.dep_ in ("prep", "agent") or head.pos_ == "ADP"):
            prep = head.lower_
            if prep == "to" and head.i > 0 and head.doc[head.i - 1].lower_ == "according":
                return REPORTER  # "according to the military government"
        if head.i in trigger_ancestors or current.i == trigger_token.i:
            if dep in ("nsubj", "csubj", "poss") or prep == "by" or dep == "agent":
                role = AGENT
            elif dep in ("nsubjpass", "dobj", "attr", "oprd") or prep in _TARGET_PREPS:
                role = PATIENT
            elif prep in _PARTNER_PREPS or dep == "conj":
                role = PATIENT if dep != "conj" else OTHER
            else:
                role = OTHER
            if dep == "conj":
                # "X and Y clashed": a conjunct of the subject shares its role.
                return actor_role_of_head(doc, current.head, trigger_ancestors, role)
            return role
        if current.i == head.i:
            break
        current = head
    return role


def actor_role_of_head(doc: Any, head: Any, trigger_ancestors: set[int], default: str) -> str:
    """Role of a coordinated head token ("Opposition and regime forces clashed")."""
    if head.dep_ in ("nsubj", "csubj") and head.head.i in trigger_ancestors:
        return AGENT
    return default


def _first_conjunct(doc: Any, agents: list[Actor]) -> list[Actor]:
    """Put the first of coordinated agents first ("X and Y clashed": X is actor1).

    The closest agent to the trigger is usually right, but in a coordinated
    subject the closest one is the last conjunct; ACLED codes the first named.
    """
    if len(agents) < 2:
        return agents
    first = agents[0]
    for actor in agents[1:]:
        # "X and allied rebel factions seized ...": the parser may miss the
        # coordination (a dateline in front), but the words between say it.
        if actor.end <= first.start:
            between = doc.char_span(actor.end, first.start, alignment_mode="expand")
            words = between.text.strip().lower().split() if between is not None else []
            if words and words[0] in {"and", ",", "&"} and len(words) <= 3:
                return [actor, *[a for a in agents if a is not actor]]
    nearest = _span_root(doc, agents[0].start, agents[0].end)
    if nearest is None or nearest.dep_ != "conj":
        return agents
    heads = {t.i for t in nearest.ancestors}
    for actor in agents[1:]:
        root = _span_root(doc, actor.start, actor.end)
        if root is not None and root.i in heads and actor.start < agents[0].start:
            return [actor, *[a for a in agents if a is not actor]]
    return agents


def assign_roles(
    doc: Any,
    actors_in_sentence: Sequence[Actor],
    trigger_start: int,
    reporting_verbs: frozenset[str],
    *,
    target_civilians: bool = False,
    battle: bool = False,
    speaker_acts: bool = False,
) -> RoleAssignment:
    """Pick actor1 and actor2 for a trigger among the sentence's actor mentions.

    Agents (non-civilian first) become actor1; a patient or the next distinct
    actor becomes actor2. With ``target_civilians`` a civilian actor is forced
    into actor2, as ACLED requires for violence against civilians.
    """
    trigger_token = _span_root(doc, trigger_start, trigger_start + 1)
    if trigger_token is None or not actors_in_sentence:
        return RoleAssignment(None, None)
    roles: list[tuple[Actor, str]] = []
    for actor in actors_in_sentence:
        roles.append((actor, actor_role(doc, actor, trigger_token, reporting_verbs)))
    participants = [(a, r) for a, r in roles if r != REPORTER]
    sides = {a.name for a, _ in participants}
    if (battle or speaker_acts) and len(sides) < 2 and not any(r == AGENT for _, r in participants):
        # "The army said it repelled the attack", "police said suspects were
        # arrested": the armed speaker is the agent.
        speakers = [a for a, r in roles if r == REPORTER and a.inter in ARMED_INTERS]
        participants = [(a, AGENT) for a in speakers[:1]] + participants
    if not participants:
        return RoleAssignment(None, None)

    def pick(candidates: list[Actor], exclude: Actor | None = None) -> Actor | None:
        for actor in candidates:
            if exclude is None or actor.name != exclude.name:
                return actor
        return None

    agents = [a for a, r in participants if r == AGENT and a.inter != CIVILIAN_INTER]
    patients = [a for a, r in participants if r == PATIENT]
    others = [a for a, r in participants if r == OTHER]
    non_civilians = [a for a, _ in participants if a.inter != CIVILIAN_INTER]
    civilians = [a for a, _ in participants if a.inter == CIVILIAN_INTER]

    # Prefer the mention closest to the trigger among equal roles.
    def by_distance(items: list[Actor]) -> list[Actor]:
        return sorted(items, key=lambda a: abs(a.start - trigger_start))

    if not battle:
        # In a one-sided attack a side the parse shows being hit is never the attacker.
        hit = {a.name for a in patients}
        non_civilians = [a for a in non_civilians if a.name not in hit]
    actor1 = pick(_first_conjunct(doc, by_distance(agents))) or pick(by_distance(non_civilians))
    if target_civilians and civilians:
        actor2: Actor | None = pick(by_distance(civilians), actor1)
    else:
        # Co-agents ("attempts by X and by Y") are allies: never each other's target.
        agent_names = {a.name for a, r in participants if r == AGENT}
        actor2 = pick(by_distance(patients), actor1) or pick(
            [a for a in by_distance(others) if a.name not in agent_names], actor1
        )
    targeted = actor2 is not None and any(a is actor2 for a in patients)
    # A lone named side acted, unless the parse says it was hit ("a bomb struck
    # a police patrol"): then the perpetrator stays unknown.
    lone = actor1 is None and actor2 is not None and actor2.inter != CIVILIAN_INTER
    if lone and (battle or not targeted):
        actor1, actor2 = actor2, None
    return RoleAssignment(actor1, actor2)
