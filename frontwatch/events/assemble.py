"""From event mentions to ACLED events: merge, date, place, count, rank.

ACLED aggregation (codebook §9): the same actors at the same place on the same
day are one event, typed by the highest-ranked sub-event type; different
actors or places are separate events. A mention placed only at region level
merges into a mention of the same actors placed at a town in that region.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from frontwatch.events.detect import EventMention
from frontwatch.models import Actor, Place

BATTLE_TYPES = frozenset(
    {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}
)
UNDATED_KINDS = frozenset({"duration", "ongoing", "year"})


class DatedSpan(Protocol):
    """What a date mention provides (``frontwatch.events.dates.DateMention``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def date(self) -> date | None: ...
    @property
    def precision(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...


@dataclass
class EventDraft:
    """An event being assembled from one or more mentions."""

    sub_event_type: str
    actor1: Actor | None
    actor2: Actor | None
    place: Place | None
    event_date: date | None
    time_precision: int
    mentions: list[EventMention] = field(default_factory=list)
    civilian_targeting: bool = False
    date_evidence: DatedSpan | None = None

    @property
    def first_position(self) -> int:
        return min(m.trigger.start for m in self.mentions)


@dataclass(frozen=True)
class DateFrame:
    """Report-level dates used when a sentence gives none."""

    anchor: DatedSpan | None
    published: date | None


def date_frame(dates: Sequence[DatedSpan], published: date | None) -> DateFrame:
    """The report's anchor date: its first dated event mention, else none."""
    anchor = next(
        (
            d
            for d in dates
            if d.date is not None and d.kind not in UNDATED_KINDS and d.kind != "dateline"
        ),
        None,
    )
    return DateFrame(anchor=anchor, published=published)


def date_for(
    sentence_start: int,
    sentence_end: int,
    dates: Sequence[DatedSpan],
    frame: DateFrame,
) -> tuple[date | None, int, DatedSpan | None]:
    """(event_date, time_precision, evidence) for a mention in a sentence.

    A date in the sentence wins; else the report's anchor date (the first date
    the report gives for an event); else the publication date, marked
    approximate (2); without any date, None with precision 3.
    """
    in_sentence = [
        d
        for d in dates
        if sentence_start <= d.start and d.end <= sentence_end and d.kind not in UNDATED_KINDS
    ]
    ongoing = any(
        sentence_start <= d.start and d.end <= sentence_end and d.kind in ("ongoing", "duration")
        for d in dates
    )
    # A dateline gives the report's date, not the event's: the last resort.
    chosen = next((d for d in in_sentence if d.date is not None and d.kind != "dateline"), None)
    if chosen is None and frame.anchor is not None and frame.anchor.start < sentence_end:
        chosen = frame.anchor
    if chosen is not None and chosen.date is not None:
        precision = max(chosen.precision, 2 if ongoing else 1)
        return chosen.date, precision, chosen
    dateline = next((d for d in in_sentence if d.kind == "dateline" and d.date), None)
    if dateline is not None and dateline.date is not None:
        return dateline.date, 2, dateline
    if frame.published is not None:
        return frame.published, 2, None
    return None, 3, None


def _same_side(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and a.name == b.name


def _actor_key(mention_actor: Actor | None) -> str:
    return mention_actor.name if mention_actor is not None else ""


def _side_key(actor: Actor | None) -> str:
    """Battle sides: named armed groups of one non-state camp count as one side.

    "Opposition groups led by the Front" and "the Front" fight the same
    battle; state forces keep their own names.
    """
    if actor is None:
        return ""
    if actor.affiliation and actor.affiliation != "government" and actor.inter in (2, 3, 4):
        return f"camp:{actor.affiliation}:{actor.country or ''}"
    return actor.name


def _pair_key(draft: EventDraft) -> tuple[str, ...]:
    if draft.sub_event_type in BATTLE_TYPES:
        return tuple(sorted((_side_key(draft.actor1), _side_key(draft.actor2))))
    return (_actor_key(draft.actor1), _actor_key(draft.actor2))


def _place_contains(region: Place | None, place: Place | None) -> bool:
    """True when ``region`` is a region-level place that contains ``place``."""
    if region is None or place is None:
        return region is None
    if region.precision < 3 or not _is_area(region):
        return False
    if region.feature == "region" and region.admin1 is None:
        return region.country_code == place.country_code
    return region.admin1 is not None and region.admin1 == place.admin1


def _is_area(place: Place) -> bool:
    """A region or admin unit, as opposed to a town placed only approximately."""
    feature = place.feature or ""
    return feature in ("region", "country") or feature.startswith("admin")


def _place_key(place: Place | None) -> str:
    if place is None:
        return ""
    return place.gazetteer_id or f"{place.name.lower()}|{place.admin1 or ''}"


_TERRITORY_TYPES = frozenset(
    {"Government regains territory", "Non-state actor overtakes territory"}
)


def _fight_for_the_town(change: EventDraft, clash: EventDraft) -> bool:
    """A clash told only at the level of the region, on the day a town there changed
    hands, against the same opponent: the fight for that town (ACLED codes the
    territorial event, with the fight's fatalities)."""
    if change.sub_event_type not in _TERRITORY_TYPES or clash.sub_event_type != "Armed clash":
        return False
    if clash.place is None or change.place is None or not _is_area(clash.place):
        return False
    if not _place_contains(clash.place, change.place):
        return False
    sides = {_actor_key(clash.actor1), _actor_key(clash.actor2)}
    return _actor_key(change.actor2) in sides and change.actor2 is not None


def _fight_that_took_it(change: EventDraft, clash: EventDraft) -> bool:
    """ "X took control of the town after four days of fighting": the clash told in the
    sentence that reports the change of hands, by the side that took it."""
    if change.sub_event_type not in _TERRITORY_TYPES or clash.sub_event_type != "Armed clash":
        return False
    if change.sub_event_type == "Non-violent transfer of territory" or change.actor1 is None:
        return False
    sentences = {m.sentence_start for m in change.mentions}
    if not any(m.sentence_start in sentences for m in clash.mentions):
        return False
    return _actor_key(change.actor1) in {_actor_key(clash.actor1), _actor_key(clash.actor2)}


_REMOTE_TYPES = frozenset(
    {
        "Grenade",
        "Suicide bomb",
        "Remote explosive/landmine/IED",
        "Shelling/artillery/missile attack",
        "Air/drone strike",
        "Chemical weapon",
    }
)


def _toll_of_the_blast(blast: EventDraft, attack: EventDraft) -> bool:
    """ "A bomb tore through a market ... Four people were killed": a killing with no
    perpetrator told in the sentence right after a blast or strike is its toll."""
    if blast.sub_event_type not in _REMOTE_TYPES or attack.sub_event_type != "Attack":
        return False
    if not _unattributed(attack) or len(attack.mentions) != 1:
        return False
    told = attack.mentions[0].sentence_start
    return any(0 <= told - m.sentence_end <= 2 for m in blast.mentions)


def _shift_behind_the_change(change: EventDraft, shift: EventDraft) -> bool:
    """ "took the city without a fight after a local armed group switched sides": the
    change to a group told in the sentence of a change of hands is part of it."""
    if change.sub_event_type not in _TERRITORY_TYPES | {"Non-violent transfer of territory"}:
        return False
    if shift.sub_event_type != "Change to group/activity":
        return False
    sentences = {m.sentence_start for m in change.mentions}
    return any(m.sentence_start in sentences for m in shift.mentions)


def _absorbs(event: EventDraft, part: EventDraft) -> bool:
    """Is ``part`` told only as part of ``event`` (a switch of sides behind a change of
    hands, a toll after a blast), so that ``event`` keeps its type whatever the ranking?"""
    return _shift_behind_the_change(event, part) or _toll_of_the_blast(event, part)


_PROTEST_FAMILY = frozenset(
    {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
)


def _one_protest(a: EventDraft, b: EventDraft) -> bool:
    """One crowd at one place on one day, told as a rally and as its dispersal: one
    event, coded as the intervention (ACLED: one event per protest, place and day)."""
    if a.sub_event_type not in _PROTEST_FAMILY or b.sub_event_type not in _PROTEST_FAMILY:
        return False
    if not _same_protest_site(a.place, b.place):
        return False
    crowds = [
        actor.name
        for draft in (a, b)
        for actor in (draft.actor1, draft.actor2)
        if actor is not None and actor.inter == 6
    ]
    return len(set(crowds)) == 1


def _force_of(draft: EventDraft) -> Actor | None:
    """The side that used force in a protest-family draft: not the crowd, not civilians."""
    for actor in (draft.actor1, draft.actor2):
        if actor is not None and actor.inter not in (5, 6, 7):
            return actor
    return None


def _riot_met_with_force(a: EventDraft, b: EventDraft) -> EventDraft | None:
    """The violent-demonstration draft of a pair that is a riot and a protest event at one
    place on one day, else None."""
    kinds = {a.sub_event_type, b.sub_event_type}
    if "Violent demonstration" not in kinds or not kinds - {"Violent demonstration"} <= (
        _PROTEST_FAMILY
    ):
        return None
    if not _same_protest_site(a.place, b.place):
        return None
    return a if a.sub_event_type == "Violent demonstration" else b


def _same_protest_site(a: Place | None, b: Place | None) -> bool:
    """The same town, or one told without a town of its own (placed by its region)."""
    if a is None or b is None:
        return True
    return _place_key(a) == _place_key(b) or _is_area(a) or _is_area(b)


def _unattributed(draft: EventDraft) -> bool:
    """A one-sided draft whose perpetrator is unknown."""
    return draft.actor1 is None or draft.actor1.generic


def _targets_compatible(a: Actor | None, b: Actor | None) -> bool:
    """Same target, or one of them unnamed."""
    return a is None or b is None or a.generic or b.generic or a.name == b.name


def _places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    return _place_key(a) == _place_key(b) or _place_contains(a, b) or _place_contains(b, a)


def same_event(a: EventDraft, b: EventDraft, outranks: Any) -> bool:
    """ACLED's aggregation test for two drafts (same actors, place and day)."""
    if a.event_date != b.event_date:
        return False
    family_a = a.sub_event_type in BATTLE_TYPES
    family_b = b.sub_event_type in BATTLE_TYPES
    if (
        a.sub_event_type == b.sub_event_type
        and not family_a
        and (_unattributed(a) or _unattributed(b))
        and _targets_compatible(a.actor2, b.actor2)
        and _places_compatible(a.place, b.place)
    ):
        # "a rocket hit their home" after "forces shelled the town": the same
        # strike retold without its perpetrator.
        return True
    if _fight_for_the_town(a, b) or _fight_for_the_town(b, a):
        return True
    if _fight_that_took_it(a, b) or _fight_that_took_it(b, a):
        return True
    if _absorbs(a, b) or _absorbs(b, a):
        return True
    if _one_protest(a, b) or _riot_met_with_force(a, b) is not None:
        return True
    if _pair_key(a) != _pair_key(b):
        # A one-sided strike by an actor fighting at the same place is part of
        # the battle (an airstrike within a ground battle is a battle).
        one_sided = (a if not family_a else b) if family_a != family_b else None
        battle = b if one_sided is a else a
        if one_sided is None or one_sided.actor2 is not None:
            return False
        names = {_actor_key(battle.actor1), _actor_key(battle.actor2)}
        if _actor_key(one_sided.actor1) not in names:
            return False
        # Only fire at the very town of the battle is part of it; a region
        # is too coarse to say the strike and the fight were one event.
        if a.place is None or b.place is None or _is_area(a.place):
            return False
        return _place_key(a.place) == _place_key(b.place)
    if _place_key(a.place) == _place_key(b.place):
        return True
    return _place_contains(a.place, b.place) or _place_contains(b.place, a.place)


def _better_named(
    current: Actor | None, other: Actor | None, counts: dict[str, int]
) -> Actor | None:
    """Of two actors on the same side, the one the report names most often."""
    if current is None:
        return other
    if other is None or _side_key(other) != _side_key(current):
        return current
    return other if counts.get(other.name, 0) > counts.get(current.name, 0) else current


def merge_drafts(
    drafts: Sequence[EventDraft], outranks: Any, mention_counts: dict[str, int] | None = None
) -> list[EventDraft]:
    """Fold drafts that ACLED would code as one event; keep the highest rank.

    Folding is repeated until nothing changes: a merge can make two earlier
    drafts the same event (a regional clash and a town's capture, once the
    capture has taken over the clash at that town).
    """
    merged = _merge_once(drafts, outranks, mention_counts)
    while True:
        again = _merge_once(merged, outranks, mention_counts)
        if len(again) == len(merged):
            return again
        merged = again


def _merge_once(
    drafts: Sequence[EventDraft], outranks: Any, mention_counts: dict[str, int] | None
) -> list[EventDraft]:
    counts = mention_counts or {}
    merged: list[EventDraft] = []
    for draft in drafts:
        target = next((m for m in merged if same_event(m, draft, outranks)), None)
        if target is None:
            merged.append(draft)
            continue
        target.mentions.extend(draft.mentions)
        if _unattributed(target) and not _unattributed(draft):
            target.actor1, target.actor2 = draft.actor1, draft.actor2
            target.civilian_targeting = draft.civilian_targeting
        riot = _riot_met_with_force(target, draft)
        if riot is not None:
            # violent demonstrators met with force: a violent demonstration, the force
            # its second actor
            force = _force_of(draft if riot is target else target)
            target.sub_event_type = "Violent demonstration"
            target.actor1, target.actor2 = riot.actor1, riot.actor2 or force
            target.civilian_targeting = False
        elif _absorbs(draft, target):
            # the change of hands or the blast is the event, the switch or the toll part of it
            target.sub_event_type = draft.sub_event_type
            target.actor1, target.actor2 = draft.actor1, draft.actor2 or target.actor2
            target.place = draft.place or target.place
        elif not _absorbs(target, draft) and outranks(draft.sub_event_type, target.sub_event_type):
            target.sub_event_type = draft.sub_event_type
            target.actor1, target.actor2 = draft.actor1, draft.actor2
        elif target.sub_event_type in BATTLE_TYPES and draft.sub_event_type in BATTLE_TYPES:
            for side in (draft.actor1, draft.actor2):
                if _side_key(side) == _side_key(target.actor1):
                    target.actor1 = _better_named(target.actor1, side, counts)
                elif _side_key(side) == _side_key(target.actor2):
                    target.actor2 = _better_named(target.actor2, side, counts)
        territorial = draft.sub_event_type in _TERRITORY_TYPES and target.sub_event_type == (
            draft.sub_event_type
        )
        if territorial and draft.place is not None:
            target.place = draft.place  # the place that changed hands, not the fight's area
        elif target.place is None or (
            draft.place is not None
            and draft.place.precision < target.place.precision
            and target.sub_event_type not in _TERRITORY_TYPES
        ):
            target.place = draft.place
        target.civilian_targeting = target.civilian_targeting or draft.civilian_targeting
        if target.time_precision > draft.time_precision:
            target.event_date, target.time_precision = draft.event_date, draft.time_precision
            target.date_evidence = draft.date_evidence
    return merged


def opposing_actor(actor: Actor, actors: Sequence[Actor]) -> Actor | None:
    """The most-mentioned armed actor of another side in the report.

    Fills the missing side of a battle ("repelled an attack" names only the
    defender): ACLED battles always have two actors.
    """
    counts: dict[str, tuple[int, Actor]] = {}
    for other in actors:
        if other.name == actor.name or other.inter in (5, 6, 7):
            continue
        if actor.affiliation and other.affiliation == actor.affiliation:
            continue
        count, first = counts.get(other.name, (0, other))
        counts[other.name] = (count + 1, first)
    if not counts:
        return None
    return max(counts.values(), key=lambda item: item[0])[1]


def main_battle_pair(drafts: Sequence[EventDraft]) -> tuple[Actor, Actor] | None:
    """The actor pair of the report's first two-sided battle, if any."""
    for draft in drafts:
        if draft.sub_event_type in BATTLE_TYPES and draft.actor1 and draft.actor2:
            return draft.actor1, draft.actor2
    return None


def _sentence_opponent(draft: EventDraft, drafts: Sequence[EventDraft]) -> Actor | None:
    """An opponent named by another battle mention of the same sentence."""
    sentence = draft.mentions[0].sentence_start
    side = _side_key(draft.actor1)
    found: list[Actor] = []
    for other in drafts:
        if other is draft or other.sub_event_type not in BATTLE_TYPES:
            continue
        if other.mentions[0].sentence_start != sentence:
            continue
        for actor in (other.actor1, other.actor2):
            if actor is not None and _side_key(actor) != side and actor.inter not in (5, 6, 7):
                found.append(actor)
    if not found:
        return None
    # "X and allied factions seized Y after clashes with government forces": the
    # opponent of a non-state side is the state force, not its allies.
    state = draft.actor1 is not None and draft.actor1.inter == 1
    opposed = [a for a in found if (a.inter == 1) != state]
    return (opposed or found)[0]


def complete_battle_sides(drafts: Sequence[EventDraft], actors: Sequence[Actor]) -> None:
    """Give every battle two sides, inferring the missing one from the report."""
    pair = main_battle_pair(drafts)
    for draft in drafts:
        if draft.sub_event_type not in BATTLE_TYPES:
            continue
        if draft.actor1 is not None and draft.actor2 is None:
            draft.actor2 = _sentence_opponent(draft, drafts)
        if draft.actor1 is None and draft.actor2 is None and pair is not None:
            draft.actor1, draft.actor2 = pair
        elif draft.actor1 is not None and draft.actor2 is None:
            if pair is not None and draft.actor1.name in (pair[0].name, pair[1].name):
                draft.actor2 = pair[1] if draft.actor1.name == pair[0].name else pair[0]
            else:
                draft.actor2 = opposing_actor(draft.actor1, actors)
        elif draft.actor1 is None and draft.actor2 is not None:
            draft.actor1, draft.actor2 = draft.actor2, opposing_actor(draft.actor2, actors)
        if _same_side(draft.actor1, draft.actor2):
            draft.actor2 = None
