"""Event coding: the whole event stage for one analysed report.

``code_events`` turns the outputs of the earlier stages (actors, places,
dates, claims, territory changes) into ACLED events ordered by salience:
``events[0]`` is the report's main event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from frontwatch.countries import CountryTable
from frontwatch.events.assemble import (
    BATTLE_TYPES,
    DatedSpan,
    EventDraft,
    complete_battle_sides,
    date_for,
    date_frame,
    merge_drafts,
)
from frontwatch.events.cues import CueLexicon, CueMatch
from frontwatch.events.detect import EventMention, detect_mentions, is_non_political
from frontwatch.events.fatalities import conservative_fatalities
from frontwatch.events.notes import write_notes
from frontwatch.models import Actor, Claim, Event, Evidence, Place, TerritoryChange
from frontwatch.ontology import Ontology, interaction_code

_TYPE_WEIGHT = {
    "Battles": 1.0,
    "Explosions/Remote violence": 0.9,
    "Violence against civilians": 0.9,
    "Protests": 0.8,
    "Riots": 0.8,
    "Strategic developments": 0.4,
}


@dataclass(frozen=True)
class CodingInputs:
    """Everything the event stage reads for one report."""

    doc: Any
    actors: Sequence[Actor]
    places: Sequence[Place]
    dates: Sequence[DatedSpan]
    claims: Sequence[Claim]
    territory: Sequence[TerritoryChange]
    published: date | None
    country_code: str | None
    report_id: str
    source: str | None


#: an event dated this long before publication is background ACLED would have coded
#: from the reports of its own time
_BACKGROUND_AGE_DAYS = 365


def _arrests_at_protests(
    drafts: list[EventDraft], text: str, lexicon: CueLexicon
) -> list[EventDraft]:
    """ "Hundreds gathered to protest. Police detained 300 participants.": arrests of the
    protest's own participants are the intervention, not an event of their own.

    A dispersal told in the next sentence needs no rule here: the merge step makes a
    rally and its dispersal at one place and day one event.
    """
    protests = [d for d in drafts if d.sub_event_type == "Peaceful protest"]
    if not protests or any(d.sub_event_type == "Violent demonstration" for d in drafts):
        # force met by violent demonstrators stays a violent demonstration
        return drafts
    kept: list[EventDraft] = []
    for draft in drafts:
        at_protest = draft.sub_event_type == "Arrests" and any(
            lexicon.has_context("protest_participants", text[m.sentence_start : m.sentence_end])
            for m in draft.mentions
        )
        protest = next(
            (
                p
                for p in protests
                if p.sub_event_type == "Peaceful protest"
                and p.event_date == draft.event_date
                and p.first_position < draft.first_position
                and (draft.place is None or p.place is None or p.place.name == draft.place.name)
            ),
            None,
        )
        if at_protest and protest is not None:
            protest.sub_event_type = "Protest with intervention"
            protest.actor2 = protest.actor2 or draft.actor1
            protest.mentions.extend(draft.mentions)
            protest.place = protest.place or draft.place
            continue
        kept.append(draft)
    return kept


_YEAR = re.compile(r"(?:19|20)\d\d")


def _long_ago(inputs: CodingInputs, mention: EventMention, when: date | None) -> bool:
    """Is the mention dated, or its trigger placed "in 2014", over a year before the report?"""
    if inputs.published is None:
        return False
    if when is not None and (inputs.published - when).days > _BACKGROUND_AGE_DAYS:
        return True
    span = inputs.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
    if span is None or mention.trigger.end - mention.trigger.start > 60:
        return False  # a territory change's trigger is its whole sentence
    for prep in span.root.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "during"}:
            for year in prep.children:
                if year.dep_ == "pobj" and _YEAR.fullmatch(year.text):
                    return inputs.published.year - int(year.text) >= 2
    return False


def _abroad(
    actor: Actor,
    place: Place | None,
    sentence: str,
    name: str,
    countries: CountryTable,
    report_country: str | None,
) -> bool:
    """Does a state force take a place in another country ("the Russian town of Sudzha")?

    ACLED codes a foreign army taking ground by force as Non-state actor overtakes
    territory: it is no government regaining its own land.
    """
    if actor.country is None:
        return False
    if place is not None and place.country_code and report_country != actor.country:
        # a place resolved abroad in a report about the actor's own country is more
        # likely a namesake than an invasion: trust it only when the report agrees
        return place.country_code != actor.country
    owner = re.search(
        r"(\w+) (?:town|city|village|region|oblast|province) of " + re.escape(name), sentence
    )
    country = countries.find(owner.group(1)) if owner else None
    return country is not None and country.alpha2 != actor.country


def _territory_mentions(
    inputs: CodingInputs, lexicon: CueLexicon, countries: CountryTable, non_political: bool
) -> list[tuple[EventMention, TerritoryChange]]:
    by_name = {a.name: a for a in inputs.actors}
    found = []
    # "Wydad besieged the goalmouth ... held on": in sport, crime or disaster reports a
    # change of hands needs a named armed actor, as any other event does
    for change in inputs.territory:
        if not change.evidence:
            continue
        taker = by_name.get(change.to_actor or "")
        if non_political and (taker is None or (taker.generic and taker.inter != 1)):
            continue
        ev = change.evidence[0]
        to_actor = by_name.get(change.to_actor or "")
        from_actor = by_name.get(change.from_actor or "")
        peaceful = lexicon.contexts.get("non_violent_transfer")
        # "without fighting" names no fight: read the clash cues outside those words
        plain = peaceful.sub(" ", ev.text) if peaceful is not None else ev.text
        fought = any(c.sub_event_type == "Armed clash" for c in lexicon.find(plain))
        if lexicon.has_context("non_violent_transfer", ev.text) and not fought:
            sub_type = "Non-violent transfer of territory"
        elif (
            to_actor is not None
            and to_actor.inter == 1
            and not _abroad(
                to_actor, change.location, ev.text, change.place, countries, inputs.country_code
            )
        ):
            sub_type = "Government regains territory"
        else:
            sub_type = "Non-state actor overtakes territory"
        place = change.location
        if place is None:
            place = Place(text=change.place, start=ev.start, end=ev.start, name=change.place)
        trigger = CueMatch(sub_type, ev.text, ev.start, ev.end, weapon=False, needs=None)
        mention = EventMention(
            sub_event_type=sub_type,
            trigger=trigger,
            sentence_start=ev.start,
            sentence_end=ev.end,
            actor1=to_actor,
            actor2=from_actor,
            place=place,
        )
        found.append((mention, change))
    return found


def _region_in_sentence(places: Sequence[Place], start: int, end: int) -> Place | None:
    """A region-level place named in the sentence ``start:end``."""
    return next(
        (
            p
            for p in places
            if p.precision >= 2 and p.latitude is not None and p.admin1 and start <= p.start < end
        ),
        None,
    )


def _region_for(places: Sequence[Place], start: int, end: int) -> Place | None:
    """A region-level place in the same sentence, else the report's first region."""
    regions = [p for p in places if p.precision >= 2 and p.latitude is not None and p.admin1]
    same_sentence = [p for p in regions if start <= p.start < end]
    candidates = same_sentence or regions
    return candidates[0] if candidates else None


def _report_region(places: Sequence[Place], country_code: str | None) -> Place | None:
    """The report's dominant first-level region, as an admin1-level place.

    Used only for an event the text never places: when most place mentions of
    the report fall in one admin1, the event is coded there with precision 3
    (ACLED's rule for events known only to the region). The coordinates are
    those of an admin1 place the report names, else of its most-mentioned town
    in that region; None when no admin1 dominates.
    """
    located = [
        p
        for p in places
        if p.admin1
        and p.latitude is not None
        and p.feature != "road"
        and (country_code is None or p.country_code == country_code)
    ]
    if not located:
        return None
    counts: dict[str, int] = {}
    for place in located:
        counts[place.admin1 or ""] = counts.get(place.admin1 or "", 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    admin1, count = max(counts.items(), key=lambda item: item[1])
    runner_up = ranked[1] if len(ranked) > 1 else 0
    # A majority of the mentions, or a clear lead of at least two mentions.
    if count * 2 <= len(located) and not (count >= 2 and count >= 2 * runner_up):
        return None
    inside = [p for p in located if p.admin1 == admin1]
    unit = next((p for p in inside if p.feature == "admin1"), None)
    by_name: dict[str, int] = {}
    for place in inside:
        by_name[place.name] = by_name.get(place.name, 0) + 1
    anchor = unit or max(inside, key=lambda p: by_name[p.name])
    return replace(
        anchor,
        name=admin1,
        text=admin1,
        start=-1,
        end=-1,
        admin2=None,
        admin3=None,
        admin2_pcode=None,
        admin3_pcode=None,
        feature="admin1",
        gazetteer_id=unit.gazetteer_id if unit is not None else None,
        precision=3,
        qualifier=None,
    )


def _prefer_home_country(
    drafts: Sequence[EventDraft], places: Sequence[Place], country_code: str | None
) -> None:
    """A town abroad picked for an event of a report about another country is most
    often where a claimant speaks from or a strike was launched ("the defence
    ministry in Moscow said", "shelling from Kilis"): the nearest place of the
    report's own country in the same sentence replaces it, else none (the report's
    region is then used, see :func:`_locate_unplaced`)."""
    if country_code is None:
        return
    for draft in drafts:
        place = draft.place
        if place is None or place.country_code in (None, country_code):
            continue
        mention = draft.mentions[0]
        # Only named places of the report's country count: a direction phrase
        # ("eastern Congo") may name the wrong one of two countries.
        home = [
            p
            for p in places
            if p.country_code == country_code
            and p.feature not in ("country", "road")
            and (p.feature != "region" or p.admin1 is not None)  # "Sagaing region" counts
        ]
        near = [p for p in home if mention.sentence_start <= p.start < mention.sentence_end]
        if near:
            draft.place = min(near, key=lambda p: abs(p.start - mention.trigger.start))
        elif home:
            draft.place = None


#: what ends a dateline's place: "QUETTA:", "LEIPZIG (dpa) -", "COLUMBUS, Ohio -"
_DATELINE_ENDS = (",", ":", "(", "-", "\u2013", "\u2014")


def _report_town(text: str, places: Sequence[Place], country_code: str | None) -> Place | None:
    """The town a report is filed from or about, for events the text never places.

    The dateline's town ("QUETTA: Lawyers staged a rally ...") where it opens the
    text, else the one town of the report's country the report names (however
    often). None when the report names several towns: which one is a guess.
    The place comes back with precision 2: the event is known to be at or near it.
    """
    towns = [
        p
        for p in places
        if p.feature == "populated place"
        and p.latitude is not None
        and (country_code is None or p.country_code == country_code)
    ]
    opening = len(text) - len(text.lstrip())  # where the first word starts
    dateline = next(
        (
            p
            for p in towns
            if p.start == opening and text[p.end : p.end + 3].lstrip(" ")[:1] in _DATELINE_ENDS
        ),
        None,
    )
    names = {p.name for p in towns}
    town = dateline or (towns[0] if len(names) == 1 else None)
    if town is None:
        return None
    return replace(town, start=-1, end=-1, precision=max(town.precision, 2))


def _locate_unplaced(
    drafts: Sequence[EventDraft], places: Sequence[Place], country_code: str | None, text: str
) -> None:
    """Give drafts without coordinates the best location the report supports."""
    previous: Place | None = None
    # the same for every draft
    report_region = _report_region(places, country_code)
    report_town = _report_town(text, places, country_code)
    for draft in sorted(drafts, key=lambda d: d.first_position):
        mention = draft.mentions[0]
        if draft.place is None:
            draft.place = (
                previous
                or _region_in_sentence(places, mention.sentence_start, mention.sentence_end)
                or report_town
                or _region_for(places, mention.sentence_start, mention.sentence_end)
                or report_region
            )
        elif (
            draft.place.feature == "admin1"
            and report_town is not None
            and report_town.admin1 == draft.place.admin1
        ):
            # "rallied outside the Ohio Statehouse" in a report from Columbus: the
            # report's town is more exact than its region.
            draft.place = report_town
        elif draft.place.admin1 is None and draft.place.feature not in (None, "populated place"):
            # "air strikes in northern Syria" in a report about Manbij: the report's
            # dominant region is more specific than the country.
            draft.place = report_region or draft.place
        elif draft.place.latitude is None:
            region = _region_for(places, mention.sentence_start, mention.sentence_end)
            if region is not None:
                draft.place = Place(
                    text=draft.place.text,
                    start=draft.place.start,
                    end=draft.place.end,
                    name=draft.place.name,
                    latitude=region.latitude,
                    longitude=region.longitude,
                    country=region.country,
                    country_code=region.country_code,
                    admin1=region.admin1,
                    admin2=region.admin2 if region.precision < 3 else None,
                    admin1_pcode=region.admin1_pcode,
                    feature="unresolved place",
                    precision=3,
                    qualifier=region.qualifier,
                )
        if draft.place is not None and draft.place.latitude is not None:
            previous = draft.place


def _generic(name: str, inter: int, country: str | None, code: str | None) -> Actor:
    return Actor(name=f"{name} ({country or 'Unknown'})", inter=inter, country=code, generic=True)


_ONE_SIDED = frozenset(
    {
        "Suicide bomb",
        "Remote explosive/landmine/IED",
        "Grenade",
        "Shelling/artillery/missile attack",
        "Air/drone strike",
        "Attack",
        "Abduction/forced disappearance",
        "Looting/property destruction",
    }
)
_NON_STATE_ARMED = frozenset({2, 3, 4})


def responsibility_claimant(doc: Any, actors: Sequence[Actor], lexicon: CueLexicon) -> Actor | None:
    """The named non-state group that claims an attack in the report, if any.

    "The al Shabaab militant group said it carried out the attack" names the
    perpetrator ACLED codes; "no group has claimed responsibility" names none.
    """
    claim = lexicon.contexts.get("responsibility")
    blame = lexicon.contexts.get("attribution")
    negation = lexicon.contexts.get("no_responsibility")
    if claim is None:
        return None
    for sent in doc.sents:
        sent_text = sent.text  # Span.text is rebuilt on each access
        found = claim.search(sent_text)
        if found is not None and not (
            negation is not None and negation.search(sent_text[: found.start()])
        ):
            # the claimant speaks first: "Al Shabaab said it carried out the attack"
            at = sent.start_char + found.start()
            for actor in actors:
                if sent.start_char <= actor.start < at and _named_armed_group(actor):
                    return actor
        blamed = blame.search(sent_text) if blame is not None else None
        if blamed is not None:
            # "the governor attributed the attack to the ELN": the group comes after
            after = sent.start_char + blamed.end()
            for actor in actors:
                if after <= actor.start < sent.end_char and _named_armed_group(actor):
                    return actor
    return None


def _named_armed_group(actor: Actor) -> bool:
    return actor.inter in _NON_STATE_ARMED and not actor.generic


def _credit_claimed_attacks(
    drafts: Sequence[EventDraft], inputs: CodingInputs, lexicon: CueLexicon
) -> None:
    claimant = None
    for draft in drafts:
        if draft.sub_event_type not in _ONE_SIDED:
            continue
        if draft.actor1 is not None and not draft.actor1.generic:
            continue
        if claimant is None:
            claimant = responsibility_claimant(inputs.doc, inputs.actors, lexicon)
            if claimant is None:
                return
        if draft.actor2 is not None and draft.actor2.name == claimant.name:
            continue
        draft.actor1 = claimant


def _fill_generic_actors(
    drafts: Sequence[EventDraft], country: str | None, code: str | None
) -> None:
    for draft in drafts:
        sub = draft.sub_event_type
        if sub == "Violent demonstration" and (draft.actor1 is None or draft.actor1.inter == 6):
            draft.actor1 = _generic("Rioters", 5, country, code)
        elif sub in ("Peaceful protest", "Protest with intervention") and draft.actor1 is None:
            draft.actor1 = _generic("Protesters", 6, country, code)
        elif sub == "Excessive force against protesters" and draft.actor2 is None:
            draft.actor2 = _generic("Protesters", 6, country, code)
        elif sub == "Mob violence":
            if draft.actor1 is None or draft.actor1.inter == 6:
                draft.actor1 = _generic("Rioters", 5, country, code)
            if draft.actor2 is None:
                draft.actor2 = _generic("Civilians", 7, country, code)
        elif draft.actor1 is None and sub not in ("Agreement", "Other"):
            draft.actor1 = _generic("Unidentified Armed Group", 3, country, code)
        if sub in ("Attack", "Abduction/forced disappearance", "Sexual violence") and (
            draft.actor2 is None
        ):
            draft.actor2 = _generic("Civilians", 7, country, code)


_REMOTE_OR_PROPERTY = frozenset(
    {
        "Shelling/artillery/missile attack",
        "Air/drone strike",
        "Remote explosive/landmine/IED",
        "Grenade",
        "Suicide bomb",
        "Looting/property destruction",
    }
)


def _civilians_hit(
    drafts: Sequence[EventDraft],
    text: str,
    lexicon: CueLexicon,
    country: str | None,
    code: str | None,
) -> None:
    """ "Russian forces shelled Kherson. 4 civilians were killed": a strike, bomb or
    looting that harmed civilians or their homes has them as actor2 (ACLED codes the
    people hit, not only the side that fired)."""
    for draft in drafts:
        if draft.sub_event_type not in _REMOTE_OR_PROPERTY or draft.actor2 is not None:
            continue
        # the sentence of the event and the one after it, where tolls are often told
        windows = [text[m.sentence_start : m.sentence_end + 160] for m in draft.mentions]
        if any(
            lexicon.has_context("civilian_victim_words", w)
            or lexicon.has_context("civilian_property", w)
            for w in windows
        ):
            draft.actor2 = _generic("Civilians", 7, country, code)


def _assign_claims(events: Sequence[EventDraft], claims: Sequence[Claim]) -> dict[int, list[Claim]]:
    """Each claim goes to the event in its sentence, else to the event of its victims."""
    assigned: dict[int, list[Claim]] = {id(e): [] for e in events}
    for claim in claims:
        target = next(
            (
                e
                for e in events
                if any(m.sentence_start <= claim.start < m.sentence_end for m in e.mentions)
            ),
            None,
        )
        if target is None and claim.about:
            target = next(
                (
                    e
                    for e in events
                    if claim.about
                    in {getattr(e.actor1, "name", None), getattr(e.actor2, "name", None)}
                ),
                None,
            )
        if target is None and events:
            target = events[0]
        if target is not None:
            assigned[id(target)].append(claim)
    return assigned


def _salience(draft: EventDraft, ontology: Ontology, text_length: int, fatalities: int) -> float:
    event_type = ontology.sub_event(draft.sub_event_type).event_type
    earliness = 1.0 - draft.first_position / max(text_length, 1)
    precision_bonus = 0.3 if draft.place is not None and draft.place.precision == 1 else 0.0
    # Wire copy puts the main event in the lede: the lede's event outweighs a deadlier
    # one told later ("On 3 October the army set up a post in X. On 4 October
    # separatists attacked it"), and repeated mentions count with diminishing weight.
    return (
        0.6 * min(len(draft.mentions), 4)
        + _TYPE_WEIGHT.get(event_type, 0.5)
        + 2.0 * earliness
        + precision_bonus
        + (0.5 if fatalities else 0.0)
    )


def _evidence(draft: EventDraft, claims: Sequence[Claim]) -> list[Evidence]:
    items: list[Evidence] = []
    seen: set[tuple[str, int, int]] = set()

    def add(field_name: str, text: str, start: int, end: int) -> None:
        key = (field_name, start, end)
        if start >= 0 and key not in seen:
            seen.add(key)
            items.append(Evidence(field=field_name, text=text, start=start, end=end))

    for mention in draft.mentions:
        add("sub_event_type", mention.trigger.text, mention.trigger.start, mention.trigger.end)
        for field_name, actor in (("actor1", mention.actor1), ("actor2", mention.actor2)):
            if actor is not None and actor.start >= 0:
                add(field_name, actor.text, actor.start, actor.end)
    if draft.place is not None and draft.place.end > draft.place.start:
        add("location", draft.place.text, draft.place.start, draft.place.end)
    if draft.date_evidence is not None:
        d = draft.date_evidence
        add("event_date", d.text, d.start, d.end)
    for claim in claims:
        add("fatalities", claim.text, claim.start, claim.end)
    return items


def _confidence(draft: EventDraft) -> float:
    score = 0.45 + 0.1 * min(len(draft.mentions) - 1, 2)
    if draft.actor1 is not None and not draft.actor1.generic:
        score += 0.1
    if draft.place is not None and draft.place.precision == 1:
        score += 0.1
    if draft.event_date is not None and draft.time_precision == 1:
        score += 0.1
    return round(min(score, 0.95), 2)


def code_events(
    inputs: CodingInputs, lexicon: CueLexicon, ontology: Ontology, countries: CountryTable
) -> list[Event]:
    """The report's ACLED events, most salient first."""
    frame = date_frame(inputs.dates, inputs.published)
    drafts: list[EventDraft] = []
    text = inputs.doc.text  # rebuilt from every token on each access: read it once
    non_political = is_non_political(text, lexicon)
    mentions = detect_mentions(inputs.doc, inputs.actors, inputs.places, lexicon, non_political)
    territory = _territory_mentions(inputs, lexicon, countries, non_political)
    for mention, change in [(m, None) for m in mentions] + list(territory):
        when, precision, evidence = date_for(
            mention.sentence_start, mention.sentence_end, inputs.dates, frame
        )
        if change is not None and change.date is not None:
            when, precision = change.date, 1
        if _long_ago(inputs, mention, when):
            continue  # "the girls kidnapped in 2014 graduated": history, not news
        drafts.append(
            EventDraft(
                sub_event_type=mention.sub_event_type,
                actor1=mention.actor1,
                actor2=mention.actor2,
                place=mention.place,
                event_date=when,
                time_precision=precision,
                mentions=[mention],
                civilian_targeting=mention.civilian_targeting,
                date_evidence=evidence,
            )
        )
    if not drafts:
        return []
    drafts = _arrests_at_protests(drafts, text, lexicon)
    country = countries.get(inputs.country_code) if inputs.country_code else None
    country_name = country.name if country else None
    complete_battle_sides(drafts, inputs.actors)
    _credit_claimed_attacks(drafts, inputs, lexicon)
    _fill_generic_actors(drafts, country_name, inputs.country_code)
    _prefer_home_country(drafts, inputs.places, inputs.country_code)
    _locate_unplaced(drafts, inputs.places, inputs.country_code, text)
    mention_counts: dict[str, int] = {}
    for actor in inputs.actors:
        mention_counts[actor.name] = mention_counts.get(actor.name, 0) + 1
    merged = merge_drafts(drafts, ontology.outranks, mention_counts)
    # after merging: who was hit is an output field, not a reason to split events
    _civilians_hit(merged, text, lexicon, country_name, inputs.country_code)
    merged.sort(key=lambda d: d.first_position)
    claims_by_event = _assign_claims(merged, inputs.claims)
    events: list[tuple[float, Event]] = []
    for draft in merged:
        events.append(
            _build_event(
                draft, claims_by_event[id(draft)], inputs, ontology, countries, country, len(text)
            )
        )
    events.sort(key=lambda item: -item[0])
    return [event for _, event in events]


def _build_event(
    draft: EventDraft,
    claims: Sequence[Claim],
    inputs: CodingInputs,
    ontology: Ontology,
    countries: CountryTable,
    report_country: Any,
    text_length: int,
) -> tuple[float, Event]:
    spec = ontology.sub_event(draft.sub_event_type)
    place = draft.place
    place_country = countries.get(place.country_code) if place and place.country_code else None
    country = place_country or report_country
    count = conservative_fatalities(claims)
    inter1 = draft.actor1.inter if draft.actor1 else None
    inter2 = draft.actor2.inter if draft.actor2 else None
    location = place.name if place else None
    if place is not None and place.qualifier and place.precision > 1:
        location = f"{place.name} ({place.qualifier})"
    admin_hint = place.admin1 if place is not None else None
    notes_location = f"{location} ({admin_hint})" if location and admin_hint else location
    notes = write_notes(
        draft.event_date,
        draft.sub_event_type,
        draft.actor1.name if draft.actor1 else None,
        draft.actor2.name if draft.actor2 else None,
        notes_location,
        claims,
        count.note,
    )
    contested = count.disputed or (
        draft.sub_event_type in BATTLE_TYPES and _both_sides_claim_success(draft)
    )
    event = Event(
        event_date=draft.event_date,
        time_precision=draft.time_precision,
        disorder_type=spec.disorder_type,
        event_type=spec.event_type,
        sub_event_type=spec.name,
        actor1=draft.actor1.name if draft.actor1 else None,
        inter1=inter1,
        actor2=draft.actor2.name if draft.actor2 else None,
        inter2=inter2,
        interaction=interaction_code(inter1, inter2) if inter1 is not None else None,
        civilian_targeting="Civilians targeted"
        if (spec.civilian_targeting or draft.civilian_targeting)
        else None,
        iso=country.iso_numeric if country else None,
        country=country.name if country else None,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        admin3=place.admin3 if place else None,
        location=location,
        latitude=round(place.latitude, 4) if place and place.latitude is not None else None,
        longitude=round(place.longitude, 4) if place and place.longitude is not None else None,
        geo_precision=place.precision if place else None,
        fatalities=count.value,
        source=inputs.source,
        notes=notes,
        claims=list(claims),
        evidence=_evidence(draft, claims),
        confidence=_confidence(draft),
        contested=contested,
        report_ids=[inputs.report_id],
    )
    score = _salience(draft, ontology, text_length, count.value)
    return score, event


def _both_sides_claim_success(draft: EventDraft) -> bool:
    """Each side says it repelled the other: the accounts conflict."""
    repellers = {
        m.actor1.name
        for m in draft.mentions
        if m.actor1 is not None and m.trigger.text.lower().startswith(("repel", "repuls", "fended"))
    }
    return len(repellers) >= 2
