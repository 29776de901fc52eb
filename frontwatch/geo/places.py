"""Find and resolve the places a report mentions (``find_places``).

Candidates come from capitalised name chunks matched against the gazetteer
(spaCy's NER labels are only evidence: it tags villages as PERSON or ORG).
Region phrases, roads, "near X"/"X front" qualifiers and unknown villages that
the text places ("the village of X in the eastern Y countryside") are handled
by patterns from :mod:`frontwatch.geo.phrases`.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from frontwatch.geo.gazetteer import WORLD_FEATURES, Candidate, Gazetteer, GazetteerEntry
from frontwatch.geo.normalise import normalise_name
from frontwatch.geo.phrases import (
    ABBREVIATION_RE,
    AP_STATE_ABBREVIATIONS,
    AP_STATE_RE,
    CUE_AFTER,
    CUE_BEFORE,
    DIRECTION_NAME_RE,
    DISTANCE_RE,
    FACILITY_NOUNS,
    LIST_SEPARATOR_RE,
    NAME_RE,
    NEAR_AFTER,
    NEAR_BEFORE,
    PARENT_SEPARATOR_RE,
    REGION_RE,
    ROAD_RE,
    RURAL_RE,
    SETTLEMENT_NOUNS,
    STREET_NOUNS,
    WORD_RE,
    direction_word,
)
from frontwatch.models import Place

_STRONG_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NON_PLACE_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LAW", "LANGUAGE"}
)
# Resolved places closer than this (km) to another one support each other.
_NEAR_KM = 60.0
# Towns this big are known well enough to count without a place cue.
_MAJOR_POPULATION = 100_000
_MAJOR_FEATURES = frozenset({"country", "admin1"}) | WORLD_FEATURES
#: Bonuses when choosing among candidates (on top of the gazetteer's rank score).
_FOCUS_BONUS = 0.1
_PARENT_BONUS = 0.3
_ADMIN1_BONUS = 0.1
_NEAR_BONUS = 0.1
# A country's or continent's own name means that unit, whatever the focus country.
_COUNTRY_BONUS = 0.15
# A world city (this many people) outranks a small namesake in the report's country.
_WORLD_CITY = 1_000_000
_WORLD_CITY_BONUS = 0.05
# "the city of X" / "X city" means the town, "X province" the admin unit, where a
# name is both ("Deir ez-Zor", "Raqqa").
_KIND_BONUS = 0.1
_UNIT_NOUNS = frozenset(
    {"province", "governorate", "region", "state", "district", "oblast", "county", "prefecture"}
)


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str
    cue: bool
    settlement: bool
    candidates: list[Candidate]
    qualifier: str | None = None
    #: a longer NER entity the name sits inside ("Stormy Daniels", "New York Times")
    outer: tuple[str, int, int] | None = None


def _distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _entities(doc: Any) -> list[tuple[int, int, str]]:
    """(start, end, label) of the doc's entities (``doc.ents`` is rebuilt on every access)."""
    return [(e.start_char, e.end_char, str(e.label_)) for e in doc.ents]


def _first_entity_index(ents: list[tuple[int, int, str]], start: int) -> int:
    """Index of the first entity that may overlap a span starting at ``start``.

    Entities are in text order and do not overlap, so their ends are sorted too.
    """
    return bisect.bisect_right(ents, start, key=lambda ent: ent[1])


def _label_at(ents: list[tuple[int, int, str]], start: int, end: int) -> str:
    for i in range(_first_entity_index(ents, start), len(ents)):
        s, e, label = ents[i]
        if s < end and start < e:
            return label
        if s >= end:
            break
    return ""


def _outer_entity(
    ents: list[tuple[int, int, str]], start: int, end: int
) -> tuple[str, int, int] | None:
    for i in range(_first_entity_index(ents, start), len(ents)):
        s, e, label = ents[i]
        if s <= start and end <= e and (e - s) > (end - start):
            return (label, s, e)
        if s >= end:
            break
    return None


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Lower-case English words (the spaCy lemmatizer's WordNet index), or an empty set."""
    try:
        from frontwatch.nlp import load_nlp
        from frontwatch.settings import Settings

        lemmatizer = load_nlp(Settings().spacy_model).get_pipe("lemmatizer")
        index = lemmatizer.lookups.get_table("lemma_index")
        return frozenset(w for words in index.values() for w in words if w.isalpha())
    except Exception:
        return frozenset()


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _major(entry: GazetteerEntry) -> bool:
    return entry.feature in _MAJOR_FEATURES or entry.population >= _MAJOR_POPULATION


def _is_abbreviation(text: str) -> bool:
    return (len(text) <= 3 and text.isupper()) or bool(ABBREVIATION_RE.fullmatch(text))


#: nouns after a name that make it a place ("the Datta Khel area")
_PLACE_NOUNS_AFTER = frozenset({"area", "village", "town", "city", "countryside", "outskirts"})


def _place_noun_after(text: str, end: int) -> bool:
    after = text[end : end + 15].lower().split()
    return bool(after) and after[0].strip(".,;") in _PLACE_NOUNS_AFTER


def _line_start(text: str, start: int) -> bool:
    """Only spaces or tabs between the last line break and ``start``."""
    line_begins = text.rfind("\n", 0, start) + 1
    return not text[line_begins:start].strip(" \t")


def _words_before(text: str, start: int, n: int = 3) -> list[str]:
    return text[max(0, start - 40) : start].lower().replace(",", " ").split()[-n:]


def _qualifier(text: str, start: int, end: int) -> str | None:
    before = " ".join(_words_before(text, start, 3))
    distance = DISTANCE_RE.search(text[max(0, start - 60) : start])
    if distance:
        return " ".join(distance.group("q").split()[:-1]).lower()
    for cue, qualifier in NEAR_BEFORE.items():
        if before.endswith(cue):
            return qualifier
    after = text[end : end + 20].lower().split()
    if after and after[0].strip(".,;") in NEAR_AFTER:
        return NEAR_AFTER[after[0].strip(".,;")]
    return None


def _place(
    gaz: Gazetteer, text: str, start: int, end: int, entry: GazetteerEntry, score: float
) -> Place:
    return Place(
        text=text[start:end],
        start=start,
        end=end,
        name=entry.name,
        latitude=entry.latitude,
        longitude=entry.longitude,
        country=gaz.country_name(entry.country_code) if entry.country_code else None,
        country_code=entry.country_code or None,
        admin1=entry.admin1,
        admin2=entry.admin2,
        admin3=entry.admin3,
        admin1_pcode=entry.admin1_pcode,
        admin2_pcode=entry.admin2_pcode,
        admin3_pcode=entry.admin3_pcode,
        feature=entry.feature,
        gazetteer_id=entry.id,
        score=round(min(1.0, score), 3),
        precision=entry.precision,
    )


def _region_unit(gaz: Gazetteer, name: str, focus: str | None) -> GazetteerEntry | None:
    unit = gaz.admin_unit(name, country=focus) or gaz.admin_unit(name)
    if unit is None:
        for cand in gaz.lookup(name, country=focus, limit=3, fuzzy=False):
            if cand.entry.feature == "country" or cand.entry.feature == "admin1":
                return cand.entry
    return unit


def _named_whole(gaz: Gazetteer, phrase: str) -> bool:
    """Whether a direction + name phrase is itself the name of a country, region or big town."""
    if not phrase[:1].isupper():
        return False
    return any(_major(c.entry) for c in gaz.lookup(phrase, limit=3, fuzzy=False))


def _regions(
    gaz: Gazetteer, text: str, focus: str | None
) -> tuple[list[Place], list[tuple[int, int]]]:
    """Region phrases and roads, with the spans they cover."""
    places: list[Place] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for match in ROAD_RE.finditer(text):
        if free(*match.span()):
            taken.append(match.span())
            places.append(
                Place(
                    text=match.group(0),
                    start=match.start(),
                    end=match.end(),
                    name=match.group(0),
                    feature="road",
                    precision=3,
                    score=0.5,
                )
            )
    for pattern in (REGION_RE, RURAL_RE, DIRECTION_NAME_RE):
        for match in pattern.finditer(text):
            if not free(*match.span()):
                continue
            name = match.group("name")
            whole = match.group(0).strip()
            if pattern is DIRECTION_NAME_RE and _named_whole(gaz, whole):
                continue  # "West Virginia", "South Korea", "North Africa": a name of its own
            unit = gaz.admin_unit(whole, country=focus) if pattern is RURAL_RE else None
            unit = unit or _region_unit(gaz, name, focus)
            if unit is None:
                continue
            start = match.start()
            if text[max(0, start - 4) : start].lower() == "the ":
                start -= 4
            direction = match.groupdict().get("dir")
            qualifier = direction_word(direction) if direction else None
            if qualifier is None and pattern is RURAL_RE:
                qualifier = "rural"
            place = _place(gaz, text, start, match.end(), unit, 0.9)
            country = unit.feature == "country"
            place = replace(
                place,
                name=unit.name,
                feature="region",
                precision=3,
                qualifier=qualifier,
                admin2=None,
                admin3=None,
                admin2_pcode=None,
                admin3_pcode=None,
                admin1=None if country else unit.admin1 or unit.name,
            )
            taken.append((start, match.end()))
            places.append(place)
    return places, taken


_ARTICLES = frozenset(
    {"al", "el", "an", "as", "ad", "ar", "at", "az", "ash", "ez", "es", "ed", "ul"}
)


def _split_hyphens(
    gaz: Gazetteer, text: str, words: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Hyphenated words no gazetteer name has, cut into their capitalised parts.

    "London-based" -> "London", "Amsterdam-London" -> "Amsterdam", "London";
    "Deir ez-Zor" or a known "Kafr-Nabl" stay whole. A lower-case part ends the
    chunk.
    """
    out: list[tuple[int, int]] = []
    for start, end in words:
        word = text[start:end]
        parts = word.split("-")
        if len(parts) < 2 or not parts[0][:1].isupper() or gaz.exact(word):
            out.append((start, end))
            continue
        head, tail = parts[:-1], parts[-1]
        if tail.isalpha() and tail.islower() and len(tail) >= 3 and tail not in _ARTICLES:
            # "London-based", "UK-bashing": the name without its suffix.
            if all(p[:1].isupper() for p in head):
                out.append((start, start + len("-".join(head))))
                continue
        elif all(p[:1].isupper() and gaz.exact(p) for p in parts):
            pos = start
            for part in parts:
                out.append((pos, pos + len(part)))
                pos += len(part) + 1
            continue
        out.append((start, end))
    return out


def _mentions(doc: Any, gaz: Gazetteer, taken: list[tuple[int, int]]) -> list[_Mention]:
    """Name chunks not inside a region/road phrase, split into gazetteer-matching spans."""
    text = doc.text
    ents = _entities(doc)
    entity_set = set(ents)
    out: list[_Mention] = []
    for match in ABBREVIATION_RE.finditer(text):
        start, end = match.span()
        if any(start < b and a < end for a, b in taken):
            continue
        cands = gaz.lookup(match.group(0), limit=3, fuzzy=False)
        if cands:
            before = _words_before(text, start, 1)
            cue = bool(before and before[-1] in CUE_BEFORE)
            label = _label_at(ents, start, end)
            out.append(_Mention(start, end, match.group(0), label, cue, False, cands, None, None))
    for match in AP_STATE_RE.finditer(text):
        start, end = match.span()
        state = gaz.get(f"us:{AP_STATE_ABBREVIATIONS[match.group(0)]}")
        if state is not None and not any(start < b and a < end for a, b in taken):
            out = [m for m in out if not (m.start < end and start < m.end)]
            cands = [Candidate(state, 1.0, normalise_name(state.name))]
            out.append(_Mention(start, end, match.group(0), "GPE", True, False, cands))
    taken = taken + [(m.start, m.end) for m in out]
    for chunk in NAME_RE.finditer(text):
        if any(chunk.start() < b and a < chunk.end() for a, b in taken):
            continue
        words = _split_hyphens(
            gaz,
            text,
            [
                (w.start() + chunk.start(), w.end() + chunk.start())
                for w in WORD_RE.finditer(chunk.group(0))
            ],
        )
        if len(words) > 1 and text[words[0][0] : words[0][1]] in ("The", "THE", "A", "An"):
            words = words[1:]  # "The Washington Post": the name starts after the article
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                start, end = words[i][0], words[j - 1][1]
                if text[end - 2 : end] == "'s":
                    end -= 2
                surface = text[start:end]
                label = _label_at(ents, start, end)
                # A name NER calls a place may be spelled loosely ("Deir Ezour"): fuzzy
                # lookup for one word, or for a whole place entity of up to three words
                # (longer spans, or parts of entities, would match by chance).
                fuzzy = label in _STRONG_LABELS and (
                    j - i == 1 or (j - i <= 3 and (start, end, label) in entity_set)
                )
                cands = gaz.lookup(surface, limit=8, fuzzy=fuzzy)
                if cands or j == i + 1:
                    break
            before = _words_before(text, start, 2)
            settlement = len(before) >= 1 and (
                before[-1] in SETTLEMENT_NOUNS
                or (len(before) == 2 and before[-2] in SETTLEMENT_NOUNS and before[-1] == "of")
            )
            if settlement and not cands and j < len(words):
                # An unknown settlement keeps its whole name ("the hamlet of Tell X").
                j, end = len(words), words[-1][1]
                surface = text[start:end]
            after = text[end : end + 15].lower().split()
            cue = bool(before and before[-1] in CUE_BEFORE) or settlement
            cue = cue or bool(after and after[0].strip(".,;") in CUE_AFTER)
            # A dateline: "WASHINGTON -", "PLEASANTON, Calif." opening a line.
            cue = (
                cue
                or (
                    _line_start(text, start)
                    and (
                        (
                            surface.isupper()
                            and text[end : end + 2].lstrip(" ")[:1]
                            in (",", "-", "–", "—", "(", ":")
                        )
                        # "Bathinda: Hundreds of farmers ...": local papers' dateline
                        or text[end : end + 2] == ": "
                    )
                )
            )
            money = label == "MONEY" and any(
                c.entry.feature == "country" and surface in (c.entry.name, *c.entry.names)
                for c in cands
            )  # "15 billion US dollars"
            # "at his home in Tunis": NER reads a capital as a language now and then
            language = label == "LANGUAGE" and bool(before and before[-1] in CUE_BEFORE)
            if label not in _NON_PLACE_LABELS or money or language:
                out.append(
                    _Mention(
                        start,
                        end,
                        surface,
                        label,
                        cue,
                        settlement,
                        cands,
                        _qualifier(text, start, end),
                        _outer_entity(ents, start, end),
                    )
                )
            i = j
    out.sort(key=lambda m: m.start)
    return out


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


def _literal(text: str, entry: GazetteerEntry) -> bool:
    """Whether ``text`` is one of the entry's names, up to case, accents and punctuation.

    The gazetteer's keys fold spellings together ("Salah" and "Salé" share one).
    """
    plain = _plain(text)
    return any(_plain(name) == plain for name in (entry.name, *entry.names))


def _accept(m: _Mention, doc: Any, focus: str | None, text: str) -> bool:
    """Whether a matched name is a place mention (NER label is evidence, not a verdict)."""
    if not m.candidates:
        return False
    if m.text in AP_STATE_ABBREVIATIONS:
        return True  # found only after a comma, resolved to its state already
    if _is_abbreviation(m.text):
        # Abbreviations ("US", "U.K.") only as a literal name, never via folded keys.
        m.candidates = [c for c in m.candidates if m.text in (c.entry.name, *c.entry.names)]
        return bool(m.candidates) and m.candidates[0].entry.feature in (
            "country",
            "region",
            "admin1",
        )
    best = m.candidates[0].entry
    major = _major(best)
    fuzzy = m.candidates[0].matched != normalise_name(m.text) or not _literal(m.text, best)
    if fuzzy and not m.cue and not (focus and best.country_code == focus):
        # A close spelling of a town abroad ("Buhari" ~ Bukhara, "Nassar" ~ Nazran)
        # is mostly a person's name: only with a place cue or in the report's country.
        return False
    if fuzzy and m.text.lower() in _stop_words():
        return False  # "This area": a function word folded onto a town (Thiès)
    person = m.label == "PERSON" or (m.outer is not None and m.outer[0] == "PERSON")
    # "in the Datta Khel area", "the Mir Ali town": a place noun after the name
    # says what NER's person or organisation label does not
    placed = not fuzzy and _place_noun_after(text, m.end)
    if (
        " " in m.text
        and best.feature == "populated place"
        and not major
        and not placed
        and _words_before(text, m.start, 1) == ["the"]
    ):
        return False  # "the White House", "the Supreme Court": a building, not the hamlet
    named = not fuzzy and (m.text.isupper() or " " in m.text)
    if best.feature == "country" and named and not person:
        return True  # "DPRK", "UAE", "Holy See": a country's own name or acronym
    if m.outer is not None and not placed:
        label = m.outer[0]
        if " " not in m.text and m.text.lower() in _common_words() and not major:
            return False  # "Soviet Union", "West Wing": a common word of a longer name
        # Never part of a person's name ("Stormy Daniels"); inside an organisation
        # or title only a well-known place ("New York Times", "Air Canada").
        if label == "PERSON" or (label not in _STRONG_LABELS and not major):
            return False
    if m.text.isupper() and len(m.text) <= 5 and not m.cue and not _line_start(text, m.start):
        return False  # "SANA said", "NATO": an acronym, unless a dateline opens the line
    common = " " not in m.text and m.text.lower() in _common_words()
    if m.text.isupper() and not major:
        # In capitals every word looks like a name: "THE VILLAGE" is no place.
        words = m.text.lower().split()
        if all(w in _common_words() or w in {"the", "of", "a", "an"} for w in words):
            return False
    if m.label in _STRONG_LABELS or m.cue:
        return not common or major or m.label in _STRONG_LABELS or m.settlement
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    if not tokens or any(t.is_stop or t.pos_ not in ("PROPN",) for t in tokens):
        return False
    if m.label in ("PERSON", "NORP") and len(tokens) == 1:
        return False  # a lone first name or demonym needs a place cue
    if common:
        return major
    if focus and best.country_code == focus and m.label != "PERSON":
        return True
    return major


def _focus_country(mentions: list[_Mention], regions: list[Place], hint: str | None) -> str | None:
    """The report's country: the hint, else a vote of region phrases and best candidates."""
    if hint:
        return hint
    votes: dict[str, float] = defaultdict(float)
    for r in regions:
        if r.country_code:
            votes[r.country_code] += 2
    for m in mentions:
        if not m.candidates:
            continue
        top = m.candidates[0]
        # A folded or loose spelling ("Oromo" ~ an alternate name of Ulm) votes less.
        weight = 1.0 if _literal(m.text, top.entry) else 0.4
        if m.label == "NORP" and not m.settlement and " " not in m.text:
            weight = 0.4  # "the Malian town of X": a demonym, at best a namesake village
        named_outright = top.entry.feature in ("country", "admin1") and (
            m.text in (top.entry.name, *top.entry.names)
        )
        if m.label in _STRONG_LABELS or m.cue or named_outright or _major(top.entry):
            if not top.entry.country_code:
                continue
            # The best reading of a name votes; a country or region named outright
            # votes more. Rival readings almost as good get a small share, however
            # many small namesakes they have ("Moscow, Idaho").
            strong = top.entry.feature in ("country", "admin1") or _major(top.entry)
            if top.entry.feature == "country":
                # "US-led strikes", "the US military": a country is named for its
                # forces and diplomats as often as for the report's scene.
                weight *= 0.5
            # the candidate's own score breaks ties between equally many names
            votes[top.entry.country_code] += (2.0 if strong else 1.0) * weight + 0.01 * top.score
            rivals = {
                c.entry.country_code
                for c in m.candidates[1:]
                if c.entry.country_code
                and c.entry.country_code != top.entry.country_code
                and c.score >= top.score - 0.02
            }
            for code in rivals:
                votes[code] += 0.3
    return max(sorted(votes), key=lambda code: votes[code]) if votes else None


def _choose(
    m: _Mention,
    focus: str | None,
    anchors: list[GazetteerEntry],
    admin1s: set[str],
    parent: GazetteerEntry | None = None,
    kind: str | None = None,
) -> Candidate:
    def score(c: Candidate) -> float:
        s = c.score + (_FOCUS_BONUS if focus and c.entry.country_code == focus else 0.0)
        if kind is not None and (c.entry.feature == "populated place") == (kind == "town"):
            s += _KIND_BONUS
        if c.entry.feature == "country" or c.entry.feature in WORLD_FEATURES:
            s += _COUNTRY_BONUS
        elif (
            c.entry.feature == "populated place"
            and c.entry.population >= _WORLD_CITY
            and normalise_name(c.entry.name) == c.matched
        ):
            s += _WORLD_CITY_BONUS  # London, not London (Kentucky), in an American report
        if c.entry.admin1 and c.entry.admin1 in admin1s:
            s += _ADMIN1_BONUS
        if parent is not None and parent.id != c.entry.id:
            if parent.feature == "admin1" and parent.admin1 and c.entry.admin1 == parent.admin1:
                s += _PARENT_BONUS
            elif parent.country_code and c.entry.country_code == parent.country_code:
                s += _PARENT_BONUS * (0.5 if parent.feature == "admin1" else 1.0)
        if any(_distance_km(c.entry, a) < _NEAR_KM for a in anchors if a.id != c.entry.id):
            s += _NEAR_BONUS
        return s

    return max(m.candidates, key=score)


def _speaks(doc: Any, m: _Mention) -> bool:
    """Whether a name is the subject of the verb right after it ("..., SANA reported"):
    a source, not one more item of a list of places."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    return bool(doc[span.end].pos_ in ("VERB", "AUX") and m.text.isupper())


_ADMIN_PARENT_FEATURES = ("admin1", "admin2", "region", "country")
_BRACKET_OPEN_RE = re.compile(r"\s*\(")


def _bracket_annotations(
    mentions: list[_Mention], text: str
) -> tuple[dict[int, GazetteerEntry | None], set[int]]:
    """ACLED notes place a town by its admin units in brackets: "Boni (Douentza,
    Mopti)", "Jilib (Middle Juba)". Returns the annotated names (start -> the admin
    unit the brackets name last, or None) and the starts of the names inside them.
    """
    annotated: dict[int, GazetteerEntry | None] = {}
    inner: set[int] = set()
    for i, m in enumerate(mentions):
        opened = _BRACKET_OPEN_RE.match(text, m.end)
        if opened is None:
            continue
        close = text.find(")", opened.end(), opened.end() + 80)
        if close < 0 or "(" in text[opened.end() : close]:
            continue
        parts = [n for n in mentions[i + 1 :] if n.start >= opened.end() and n.end <= close]
        # Only a list of names: "(HTS)" or "(a local official said)" is no annotation.
        rest = text[opened.end() : close]
        for n in parts:
            rest = rest.replace(n.text, "")
        if not parts or rest.strip(" ,;-") or not any(n.candidates for n in parts):
            continue
        last = next(n for n in reversed(parts) if n.candidates)
        annotated[m.start] = next(
            (c.entry for c in last.candidates if c.entry.feature in _ADMIN_PARENT_FEATURES),
            last.candidates[0].entry,
        )
        inner.update(n.start for n in parts)
    return annotated, inner


def _kind(m: _Mention, text: str) -> str | None:
    """What the words around a name say it is: "town" ("the city of X", "X city"),
    "unit" ("X province") or nothing."""
    after = text[m.end : m.end + 20].lower().split()
    word = after[0].strip(".,;:)") if after else ""
    if m.settlement or word in SETTLEMENT_NOUNS:
        return "town"
    if word in _UNIT_NOUNS:
        return "unit"
    return None


def _parents(accepted: list[_Mention], text: str) -> dict[int, GazetteerEntry]:
    """ "Parkland, Florida", "Brussels, Belgium", "Kafr Zita in Hama": the parent unit."""
    ordered = sorted(accepted, key=lambda m: m.start)
    out: dict[int, GazetteerEntry] = {}
    for child, parent in itertools.pairwise(ordered):
        top = parent.candidates[0].entry
        if top.feature in ("country", "admin1") and PARENT_SEPARATOR_RE.match(
            text[child.end : parent.start]
        ):
            out[child.start] = top
    return out


def _stray_namesake(
    entry: GazetteerEntry, focus: str | None, parent: GazetteerEntry | None
) -> bool:
    """A small town abroad picked only because it shares a name with a local village."""
    country = parent.country_code if parent is not None else focus
    if country is None or entry.country_code == country:
        return False
    return entry.feature == "populated place" and not _major(entry)


def _unknown(m: _Mention, places: list[Place], text: str) -> Place | None:
    """An unknown settlement the text places: near a known place, or in a region phrase.

    Takes the first place or region phrase after the name, within a short
    distance: "the village of X near Y" (precision 2) or "X in the eastern Z
    countryside" (the region's admin unit, precision 3).
    """
    after = sorted(
        (p for p in places if p.gazetteer_id and 0 <= p.start - m.end < 80 and p.feature != "road"),
        key=lambda p: p.start,
    )
    if not after:
        return None
    anchor = after[0]
    near = anchor.feature != "region" and "near" in text[m.end : anchor.start].lower()
    if anchor.feature not in ("region", "admin1", "admin2", "admin3", "country") and not near:
        return None
    return replace(
        anchor,
        text=m.text,
        start=m.start,
        end=m.end,
        name=m.text,
        feature="populated place",
        gazetteer_id=None,
        score=0.4,
        qualifier="near" if near else None,
        precision=2 if near else 3,
    )


_LONE_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "middle",
        "greater",
        "new",
        "old",
    }
)


def _landmarks(text: str, places: list[Place]) -> list[Place]:
    """Streets and buildings ("Desire Street", "Cavan Institute", "Anfield Stadium").

    A name ending in a street or facility noun is a place of its own: a town
    matched on one of its words ("Street", "Royal" ~ Royal City) is dropped,
    and the name becomes a landmark, placed at the town the text attaches to it
    ("X High School in Parkland"; a town inside the name stands for it:
    "Cavan Institute" at Cavan), else without coordinates.
    """
    out = list(places)
    for chunk in NAME_RE.finditer(text):
        words = chunk.group(0).split()
        if len(words) < 2 or words[-1] not in FACILITY_NOUNS or words[0] in ("The", "THE"):
            continue
        start, end = chunk.span()
        inner = [p for p in out if start <= p.start and p.end <= end]
        if any(p.feature != "populated place" or p.precision != 1 for p in inner):
            continue  # a region phrase, road or admin unit already covers it
        street = words[-1] in STREET_NOUNS
        # "Trump Tower": a town matched on the facility word itself is no reading.
        own_word = any(p.text == words[-1] for p in inner)
        if street or own_word or (inner and len(inner[0].text.split()) < len(words) - 1):
            out = [p for p in out if not (start <= p.start and p.end <= end)]
            inner = []
        if inner:
            continue  # "Cavan Institute": Cavan stands for it
        # Placed only by the town the text attaches it to: "X High School in Parkland".
        after = [p for p in out if p.latitude is not None and 0 <= p.start - end < 40]
        anchor = min(after, key=lambda p: p.start) if after else None
        if anchor is not None and not PARENT_SEPARATOR_RE.match(text[end : anchor.start]):
            anchor = None
        base = anchor or Place(text="", start=0, end=0, name="")
        out.append(
            replace(
                base,
                text=text[start:end],
                start=start,
                end=end,
                name=text[start:end],
                feature="landmark",
                gazetteer_id=None,
                score=0.3,
                precision=2 if anchor is not None else 3,
                qualifier="near" if anchor is not None else None,
            )
        )
    return out


def find_places(doc: Any, gazetteer: Gazetteer, *, country_hint: str | None = None) -> list[Place]:
    """Places mentioned in a spaCy ``Doc``, resolved and in text order."""
    text = doc.text
    regions, taken = _regions(gazetteer, text, country_hint)
    mentions = _mentions(doc, gazetteer, taken)
    focus = _focus_country(mentions, regions, country_hint)
    if focus and not country_hint:
        regions, taken = _regions(gazetteer, text, focus)
    admin1s = {r.admin1 for r in regions if r.admin1}
    annotated, inner = _bracket_annotations(mentions, text)
    for m in mentions:
        if m.start in annotated:
            m.cue = m.settlement = True
    accepted = [
        m
        for m in mentions
        if m.start not in inner
        and ((m.start in annotated and m.candidates) or _accept(m, doc, focus, text))
    ]
    # One name, one reading: a name the report uses as a place elsewhere is that place
    # inside an organisation's name too ("the Cavan Sustainable Energy Group").
    known = {m.text for m in accepted}
    taken_ids = {id(m) for m in accepted}
    for m in mentions:
        person = m.label == "PERSON" or (m.outer is not None and m.outer[0] == "PERSON")
        if m.text in known and m.candidates and id(m) not in taken_ids and not person:
            accepted.append(m)
    accepted.sort(key=lambda m: m.start)
    # Items listed after a place or a settlement noun ("the villages of A, B and C").
    spans = {(m.start, m.end) for m in accepted}
    for prev, m in itertools.pairwise(mentions):
        if not LIST_SEPARATOR_RE.match(text[prev.end : m.start]):
            continue
        m.settlement = m.settlement or prev.settlement
        if (
            (prev.start, prev.end) in spans
            and m.candidates
            and (m.start, m.end) not in spans
            and not _speaks(doc, m)
        ):
            m.cue = True
            accepted.append(m)
            spans.add((m.start, m.end))
    # Distinct unambiguous places only: a long report repeating names must not make
    # nearness checks quadratic.
    anchors = list(
        {
            m.candidates[0].entry.id: m.candidates[0].entry
            for m in accepted
            if m.candidates and len(m.candidates) == 1
        }.values()
    )
    places = list(regions)
    parents = _parents(accepted, text)
    for start, unit in annotated.items():
        if unit is not None and unit.feature in ("admin1", "country"):
            parents[start] = unit
    # One name, one place in a report: the mention with a parent ("Parkland,
    # Florida") decides for the bare mentions of the same name.
    decided: dict[str, Candidate] = {}
    for m in accepted:
        if m.start in parents:
            decided.setdefault(
                m.text, _choose(m, focus, anchors, admin1s, parents[m.start], _kind(m, text))
            )
    for m in accepted:
        best = decided.get(m.text) or _choose(
            m, focus, anchors, admin1s, parents.get(m.start), _kind(m, text)
        )
        unit = annotated.get(m.start)
        if (
            unit is not None
            and unit.country_code
            and best.entry.country_code
            and best.entry.country_code != unit.country_code
            and not _literal(m.text, best.entry)
        ):
            # "Minbya (Mrauk-U, Rakhine)": the brackets say Myanmar, so Egypt's Minya, a
            # loose spelling, is no reading; the town is placed by its bracketed unit below.
            m.candidates = []
            spans.discard((m.start, m.end))
            continue
        local_reading = m.settlement or m.label not in _STRONG_LABELS
        if local_reading and _stray_namesake(best.entry, focus, parents.get(m.start)):
            # "the village of Karma in northern Burkina Faso": an Indian hamlet of that
            # name is no reading; the text's own village is placed by its region below.
            m.candidates = []
            spans.discard((m.start, m.end))
            m.settlement = m.settlement or m.cue
            continue
        place = _place(gazetteer, text, m.start, m.end, best.entry, best.score)
        if m.qualifier:
            place = replace(place, qualifier=m.qualifier, precision=max(2, place.precision))
        elif text[m.end : m.end + 6].lower() == "-based":
            # "the Ohio-based charity": where an organisation sits, not a scene
            place = replace(place, qualifier="based")
        places.append(place)
    for m in mentions:
        unit = annotated.get(m.start)
        if unit is not None and not m.candidates and (m.start, m.end) not in spans:
            # Not in the gazetteer, but the brackets say where: the admin unit, precision 3.
            place = _place(gazetteer, text, m.start, m.end, unit, 0.4)
            places.append(
                replace(
                    place, name=m.text, feature="populated place", gazetteer_id=None, precision=3
                )
            )
            spans.add((m.start, m.end))
            continue
        if m.settlement and not m.candidates and (m.start, m.end) not in spans:
            unknown = _unknown(m, places, text)
            if unknown is not None:
                places.append(unknown)
    places = _landmarks(text, places)
    places.sort(key=lambda p: (p.start, p.end))
    # A lone direction or descriptive word ("North", "Western") is never a
    # toponym by itself, whatever fuzzy matching found for it.
    # Names inside an annotation's brackets placed the town before them; they are
    # not places of their own ("Boni (Douentza, Mopti)" is one place).
    return [p for p in places if p.text.strip().lower() not in _LONE_WORDS and p.start not in inner]
