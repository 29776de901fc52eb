"""Find actor mentions in a report and name them the ACLED way.

``find_actors`` collects candidate spans from four sources, then keeps the leftmost,
longest ones (dictionary names beat demonyms, which beat generic nouns):

1. dictionary aliases (context aliases only where the report country is in
   ``operates_in``), the entry valid in the report's year;
2. "<country adjective> <force noun>" ("Russian warplanes", "Iranian-backed militias")
   -> that country's state forces, inter 8 when abroad;
3. generic nouns ("policemen", "gunmen", "villagers") -> "Civilians (<Country>)" etc.;
4. short forms ("the Front", "the group", "its fighters") -> an earlier named actor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from frontwatch.actors.dictionary import ActorDictionary, ActorEntry
from frontwatch.actors.patterns import (
    GROUP_COREF,
    ITS_COREF,
    NAMED_COREF,
    STATE_FORCE_NOUNS,
    alias_patterns,
    alias_patterns_for,
    demonym_pattern,
    generic_patterns,
)
from frontwatch.countries import CountryTable
from frontwatch.models import Actor

# Priorities on an exact tie of span: lower wins.
_NAMED_REF, _DICT, _DEMONYM, _GENERIC, _GROUP_REF = range(5)
_GENERIC_NAMES = {
    "armed_group": ("Unidentified Armed Group", 3),
    "protesters": ("Protesters", 6),
    "rioters": ("Rioters", 5),
    "civilians": ("Civilians", 7),
}
# Generic nouns that merely continue a preceding name ("HTS militants", "Houthi troops").
_ABSORBED_KINDS = frozenset({"armed_group", "military", "police", "context_noun"})
_ARMED_INTERS = frozenset({2, 3, 4, 8})
_STATE_PREFIXES = ("Military Forces of", "Police Forces of")


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    priority: int
    kind: str
    actor: Actor | None = None  # resolved already (dictionary, demonym, generic)


def _score_years(entry: ActorEntry, year: int | None) -> tuple[int, ...]:
    """Sort key: entries valid in ``year`` first (the earlier regime on a transition year)."""
    big = 9999
    if year is None:  # the most recent name
        return (-(entry.valid_to or big), -(entry.valid_from or 0))
    if entry.valid_in(year):
        return (0, entry.valid_to or big)
    distance = (
        (entry.valid_from or 0) - year
        if year < (entry.valid_from or 0)
        else year - (entry.valid_to or big)
    )
    return (1, distance)


def choose_entry(
    entries: Sequence[ActorEntry], country: str | None, year: int | None
) -> ActorEntry | None:
    """The best entry for the report: active in ``country`` if any is, then valid in ``year``."""
    if not entries:
        return None
    local = [e for e in entries if country and country in e.operates_in]
    pool = local or list(entries)
    return min(pool, key=lambda e: _score_years(e, year))


_REGIME_YEARS = re.compile(r" \(\d{4}-(?:\d{4})?\)")


def _same_actor_in(entry: ActorEntry, dictionary: ActorDictionary, year: int) -> ActorEntry:
    """The regime-year variant of ``entry`` valid in ``year`` ("(2024-)" for "(2000-2024)").

    Variants may not list the same aliases, so an alias found only on one regime's
    entry still gets the name valid in the report's year.
    """
    base = _REGIME_YEARS.sub("", entry.name)
    variants = [
        e
        for e in dictionary
        if e.country == entry.country and _REGIME_YEARS.sub("", e.name) == base
    ]
    return choose_entry(variants, None, year) or entry


def _entry_actor(entry: ActorEntry, home: str | None, text: str, start: int, end: int) -> Actor:
    """An Actor for a dictionary entry; a state force outside its own country is inter 8."""
    inter = entry.inter
    if inter == 1 and home and entry.country and entry.country != home:
        inter = 8
    return Actor(
        name=entry.name,
        inter=inter,
        text=text,
        start=start,
        end=end,
        country=entry.country,
        affiliation=entry.affiliation,
        generic=False,
    )


def _state_forces(
    dictionary: ActorDictionary,
    countries: CountryTable,
    alpha2: str,
    prefix: str,
    *,
    home: str | None,
    year: int | None,
) -> Actor:
    country = countries.get(alpha2)
    if country is None:
        raise ValueError(f"unknown country code {alpha2!r}")
    # Only the plain regime entry ("Military Forces of Yemen (2022-)"), not a rival
    # authority named after it ("... (2017-) Supreme Political Council").
    plain = re.compile(
        rf"^{re.escape(prefix)} (?:the )?{re.escape(country.name)}(?: \(\d{{4}}-(?:\d{{4}})?\))?$"
    )
    entries = [e for e in dictionary if e.country == country.alpha2 and plain.match(e.name)]
    entry = choose_entry(entries, None, year)
    if entry is not None:
        return _entry_actor(entry, home, "", -1, -1)
    return Actor(
        name=f"{prefix} {country.name}",
        inter=1 if home in (None, country.alpha2) else 8,
        country=country.alpha2,
        affiliation="government",
        generic=True,
    )


def forces_of_country(
    dictionary: ActorDictionary,
    countries: CountryTable,
    alpha2: str,
    *,
    home: str | None,
    year: int | None,
) -> Actor:
    """The state military of ``alpha2`` (the dictionary's regime entry for ``year`` if any).

    inter is 1 at home (``home`` == ``alpha2`` or unknown) and 8 abroad. Falls back to a
    generic "Military Forces of <Country>". ValueError for an unknown country code.
    """
    return _state_forces(dictionary, countries, alpha2, _STATE_PREFIXES[0], home=home, year=year)


def _dictionary_candidates(
    text: str, dictionary: ActorDictionary, country: str | None, year: int | None
) -> list[_Candidate]:
    found = []
    for pattern in alias_patterns(dictionary):
        for match in pattern.finditer(text):
            key = " ".join(match.group().split()).lower()
            listed = dictionary.alias_index.get(key, [])
            options = [
                entry
                for entry, context_only in listed
                if not context_only or (country is not None and country in entry.operates_in)
            ]
            entry = choose_entry(options, country, year)
            # A plain alias names the actor in any year; a context alias ("the regime")
            # may deliberately belong to one regime only, so it is left as listed.
            plain = entry is not None and (entry, False) in listed
            # A context alias that is a lower-case common noun ("insurgents") right
            # after a named group is part of that name ("Al-Shabaab insurgents").
            kind = "named" if plain or not key.islower() else "context_noun"
            if entry is not None and plain and year is not None and not entry.valid_in(year):
                entry = _same_actor_in(entry, dictionary, year)
            if entry is not None:
                actor = _entry_actor(entry, country, match.group(), match.start(), match.end())
                found.append(_Candidate(match.start(), match.end(), _DICT, kind, actor))
    return found


def group_countries(text: str, dictionary: ActorDictionary) -> list[str]:
    """Home countries of the non-state groups ``text`` names outright, once per group.

    A group active in one country only (the Karenni Nationalities Defense Force,
    Al Shabaab) says where a report is, much as a town does; state forces do not
    (they fight abroad), nor do context aliases ("the rebels").
    """
    homes = _one_country_groups(dictionary)
    seen: set[str] = set()
    found: list[str] = []
    for pattern in _one_country_patterns(dictionary):
        for match in pattern.finditer(text):
            entry = homes.get(" ".join(match.group().split()).lower())
            if entry is not None and entry.name not in seen:
                seen.add(entry.name)
                found.append(entry.operates_in[0])
    return found


@lru_cache(maxsize=4)
def _one_country_groups(dictionary: ActorDictionary) -> dict[str, ActorEntry]:
    """Lowercased plain alias -> entry, for aliases naming one non-state group of one country."""
    out: dict[str, ActorEntry] = {}
    for key, listed in dictionary.alias_index.items():
        entries = {e for e, context_only in listed if not context_only}
        if len(entries) != 1:
            continue
        entry = next(iter(entries))
        if entry.inter in (2, 3, 4) and len(entry.operates_in) == 1:
            out[key] = entry
    return out


@lru_cache(maxsize=4)
def _one_country_patterns(dictionary: ActorDictionary) -> tuple[re.Pattern[str], ...]:
    """A small pattern over those aliases only: the full alias scan runs in the actors stage."""
    groups = _one_country_groups(dictionary)
    names = [n for e in set(groups.values()) for n in (e.name, *e.aliases)]
    return alias_patterns_for(names)


def _demonym_candidates(
    text: str,
    dictionary: ActorDictionary,
    countries: CountryTable,
    country: str | None,
    year: int | None,
) -> list[_Candidate]:
    found = []
    for match in demonym_pattern(countries).finditer(text):
        noun = match.group("noun").lower()
        if not match.group("proxy") and noun not in STATE_FORCE_NOUNS:
            continue  # "Iraqi militias" are not the Iraqi state; "Iraqi-backed militias" are
        owner = countries.find(match.group("term"))
        if owner is None:
            continue
        base = forces_of_country(dictionary, countries, owner.alpha2, home=country, year=year)
        actor = replace(base, text=match.group(), start=match.start(), end=match.end())
        found.append(_Candidate(match.start(), match.end(), _DEMONYM, "demonym", actor))
        if match.group("proxy") or noun not in STATE_FORCE_NOUNS:
            continue
        # "Mozambican and Rwandan forces": the first demonym names forces too
        before = _COORDINATED_DEMONYM.search(text, max(0, match.start() - 40), match.start())
        first = countries.find(before.group(1)) if before else None
        if before is not None and first is not None and first.alpha2 != owner.alpha2:
            other = forces_of_country(dictionary, countries, first.alpha2, home=country, year=year)
            start, end = before.start(1), before.end(1)
            other = replace(other, text=text[start:end], start=start, end=end)
            found.append(_Candidate(start, end, _DEMONYM, "demonym", other))
    return found


_COORDINATED_DEMONYM = re.compile(r"\b([A-Z][\w'-]+)\s+and\s+(?:the\s+)?$")


def _generic_actor(
    kind: str,
    dictionary: ActorDictionary,
    countries: CountryTable,
    country: str | None,
    year: int | None,
) -> Actor:
    """The actor a generic noun stands for in a report about ``country``."""
    known = countries.get(country) if country else None
    if kind in ("military", "police") and known is not None:
        prefix = _STATE_PREFIXES[0] if kind == "military" else _STATE_PREFIXES[1]
        return _state_forces(dictionary, countries, known.alpha2, prefix, home=country, year=year)
    if kind in ("military", "police"):
        prefix = _STATE_PREFIXES[0] if kind == "military" else _STATE_PREFIXES[1]
        # Without a country the regime cannot be named; keep the bare prefix.
        return Actor(name=prefix.removesuffix(" of"), inter=1, generic=True)
    label, inter = _GENERIC_NAMES[kind]
    name = f"{label} ({known.name})" if known else label
    return Actor(name=name, inter=inter, country=known.alpha2 if known else None, generic=True)


def _generic_candidates(
    text: str,
    dictionary: ActorDictionary,
    countries: CountryTable,
    country: str | None,
    year: int | None,
) -> list[_Candidate]:
    found = []
    for kind, pattern in generic_patterns():
        base = _generic_actor(kind, dictionary, countries, country, year)
        for match in pattern.finditer(text):
            actor = replace(base, text=match.group(), start=match.start(), end=match.end())
            found.append(_Candidate(match.start(), match.end(), _GENERIC, kind, actor))
    return found


# ACLED's own actor names written in a text (its notes and derived briefs use them):
# "Military Forces of Mali", "Police Forces of Kenya (2022-)", "Protesters (India)".
_ACLED_STATE_NAME = re.compile(
    r"(?<![\w])(?P<prefix>Military Forces of|Police Forces of)\s+(?:the\s+)?"
    r"(?P<country>[A-Z][\w'.-]*(?:\s+(?:of\s+the\s+|of\s+|and\s+)?[A-Z][\w'.-]*){0,4})"
    r"(?P<years>\s+\(\d{4}-(?:\d{4})?\))?"
)
_ACLED_GENERIC_NAME = re.compile(
    r"(?<![\w])(?P<kind>Protesters|Rioters|Civilians|Unidentified Armed Group)"
    r"\s+\((?P<country>[A-Z][^()\n]{1,40})\)"
)


def _acled_name_candidates(
    text: str,
    dictionary: ActorDictionary,
    countries: CountryTable,
    country: str | None,
    year: int | None,
) -> list[_Candidate]:
    found = []
    for match in _ACLED_STATE_NAME.finditer(text):
        words = match.group("country").split()
        # The longest run of words that names a country ("Democratic Republic of Congo").
        for n in range(len(words), 0, -1):
            owner = countries.find(" ".join(words[:n]))
            if owner is not None:
                break
        else:
            continue
        end = match.start("country") + len(" ".join(words[:n]))
        if match.group("years") and n == len(words):
            end = match.end()
        prefix = match.group("prefix")
        base = _state_forces(dictionary, countries, owner.alpha2, prefix, home=country, year=year)
        actor = replace(base, text=text[match.start() : end], start=match.start(), end=end)
        found.append(_Candidate(match.start(), end, _DICT, "named", actor))
    for match in _ACLED_GENERIC_NAME.finditer(text):
        owner = countries.find(match.group("country").strip())
        if owner is None:
            continue
        kind = {"Unidentified Armed Group": "armed_group"}.get(
            match.group("kind"), match.group("kind").lower()
        )
        base = _generic_actor(kind, dictionary, countries, owner.alpha2, year)
        actor = replace(base, text=match.group(), start=match.start(), end=match.end())
        found.append(_Candidate(match.start(), match.end(), _DICT, "named", actor))
    return found


def _coref_candidates(text: str) -> list[_Candidate]:
    found = [
        _Candidate(m.start(), m.end(), _NAMED_REF, "named_ref") for m in NAMED_COREF.finditer(text)
    ]
    found += [
        _Candidate(m.start(), m.end(), _GROUP_REF, "group_ref") for m in GROUP_COREF.finditer(text)
    ]
    found += [
        _Candidate(m.start(), m.end(), _GROUP_REF, "its_ref") for m in ITS_COREF.finditer(text)
    ]
    return found


def _mentions_word(actor: Actor, entry: ActorEntry | None, head: str, *, aliases: bool) -> bool:
    stem = head.lower().rstrip("s")
    names = [actor.name, actor.text] + (list(entry.all_names()) if entry and aliases else [])
    return any(
        word.rstrip("s") == stem for name in names for word in re.findall(r"\w+", name.lower())
    )


def _resolve_reference(
    candidate: _Candidate, text: str, earlier: list[Actor], dictionary: ActorDictionary
) -> Actor | None:
    """The earlier actor a short form refers to, re-anchored on the short form's span."""
    mention = text[candidate.start : candidate.end]
    named = [a for a in reversed(earlier) if not a.generic]
    target: Actor | None = None
    if candidate.kind == "named_ref":
        head = mention.split()[-1]
        for use_aliases in (False, True):
            target = next(
                (
                    a
                    for a in named
                    if _mentions_word(a, dictionary.get(a.name), head, aliases=use_aliases)
                ),
                None,
            )
            if target is not None:
                break
    else:
        allowed = _ARMED_INTERS | ({1} if candidate.kind == "its_ref" else set())
        target = next(
            (
                a
                for a in reversed(earlier)
                if a.inter in allowed
                and (candidate.kind == "its_ref" or not a.name.startswith(_STATE_PREFIXES))
            ),
            None,
        )
    if target is None:
        return None
    return replace(target, text=mention, start=candidate.start, end=candidate.end)


def _absorbs(previous: Actor, candidate: _Candidate, text: str) -> bool:
    """True for "HTS militants": a generic noun right after a named actor is part of it."""
    return (
        not previous.generic
        and candidate.kind in _ABSORBED_KINDS
        and 0 < candidate.start - previous.end <= 2
        and not text[previous.end : candidate.start].strip()
    )


def find_actors(
    doc: Any,
    dictionary: ActorDictionary,
    countries: CountryTable,
    *,
    country: str | None,
    year: int | None,
) -> list[Actor]:
    """Every actor mention in ``doc`` (a spaCy Doc or a str), in text order.

    ``country`` is the report's country (alpha-2): it selects context aliases and
    names generic actors ("Civilians (Kenya)"); ``year`` selects the regime name.
    Offsets are character offsets into ``doc.text``.
    """
    text: str = doc if isinstance(doc, str) else doc.text
    home = country.upper() if country else None
    candidates = (
        _dictionary_candidates(text, dictionary, home, year)
        + _acled_name_candidates(text, dictionary, countries, home, year)
        + _demonym_candidates(text, dictionary, countries, home, year)
        + _generic_candidates(text, dictionary, countries, home, year)
        + _coref_candidates(text)
    )
    candidates.sort(key=lambda c: (c.start, -(c.end - c.start), c.priority))
    actors: list[Actor] = []
    covered = 0
    for candidate in candidates:
        if candidate.start < covered:
            continue
        if actors and _absorbs(actors[-1], candidate, text):
            last = actors[-1]
            actors[-1] = replace(last, text=text[last.start : candidate.end], end=candidate.end)
            covered = candidate.end
            continue
        actor = candidate.actor or _resolve_reference(candidate, text, actors, dictionary)
        if actor is None:
            continue  # an unresolved short form: let an overlapping candidate have the span
        actors.append(actor)
        covered = candidate.end
    return _drop_members_named_later(actors, text)


# "gunmen belonging to X", "fighters from X": the generic noun is X itself.
_MEMBERSHIP = re.compile(
    r"\s+(?:belonging to|from|of|loyal to|affiliated (?:with|to)|linked to|allied (?:with|to)"
    r"|members of|part of)(?:\s+(?:the|a|an))?\s+$",
    re.IGNORECASE,
)


def _drop_members_named_later(actors: list[Actor], text: str) -> list[Actor]:
    """Drop a generic armed mention whose group is named right after it.

    >>> from frontwatch.models import Actor
    >>> men = Actor("Unidentified Armed Group (Colombia)", 3, "Armed men", 0, 9, generic=True)
    >>> farc = Actor("FARC Dissidents", 2, "FARC dissident faction", 25, 47)
    >>> [a.name for a in _drop_members_named_later([men, farc], "Armed men belonging to a " + "FARC dissident faction")]
    ['FARC Dissidents']
    """  # noqa: E501
    kept: list[Actor] = []
    for i, actor in enumerate(actors):
        following = actors[i + 1] if i + 1 < len(actors) else None
        if (
            actor.generic
            and actor.inter in (2, 3, 4)
            and following is not None
            and not following.generic
            and _MEMBERSHIP.fullmatch(text[actor.end : following.start])
        ):
            continue
        kept.append(actor)
    return kept
