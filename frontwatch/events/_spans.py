"""Small span helpers shared by the territory and displacement extractors.

Everything here works on spaCy tokens (typed ``Any``: spaCy ships no stubs)
and on the records other stages hand us (``Place``, ``Actor``, date mentions).
Offsets are always character offsets into ``doc.text``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Protocol

import yaml

from frontwatch.errors import DataFileError
from frontwatch.models import Actor, Place

#: date kinds that cannot date a single event ("for about two months", "in 2023")
_UNDATING_KINDS = frozenset({"duration", "ongoing", "year"})
#: leading words dropped from a phrase when we want the bare name
_LEADING_DROP = frozenset({"det", "predet", "cc", "punct", "advmod", "preconj"})


#: conservative readings of vague figures, longest phrases first
VAGUE_COUNTS: Mapping[str, int] = MappingProxyType(
    {
        "hundreds of thousands": 100_000,
        "tens of thousands": 10_000,
        "millions": 1_000_000,
        "thousands": 1_000,
        "hundreds": 100,
        "scores": 20,
        "dozens": 12,
        "dozen": 12,
    }
)
WORD_NUMBERS: Mapping[str, int] = MappingProxyType(
    {
        "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    }
)  # fmt: skip
_SCALE: Mapping[str, int] = MappingProxyType(
    {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
)


class DatedSpan(Protocol):
    """What a date mention from the dates stage provides (structural type)."""

    start: int
    end: int
    date: datetime.date | None
    precision: int
    kind: str


@lru_cache(maxsize=8)
def load_cues(name: str) -> Mapping[str, frozenset[str]]:
    """Load ``frontwatch/data/<name>.yaml``: a mapping of list name -> lowercase words.

    Cached once per process; the result is read-only so callers cannot
    change what the next caller sees.
    """
    try:
        raw = resources.files("frontwatch.data").joinpath(f"{name}.yaml").read_text("utf-8")
        data = yaml.safe_load(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read cue file {name}.yaml: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(f"cue file {name}.yaml must be a mapping of lists")
    out: dict[str, frozenset[str]] = {}
    for key, values in data.items():
        if not isinstance(values, list):
            raise DataFileError(f"cue file {name}.yaml: {key!r} must be a list")
        out[str(key)] = frozenset(str(v).lower() for v in values)
    return MappingProxyType(out)


def overlapping(items: Iterable[Place] | Iterable[Actor], start: int, end: int) -> list[Any]:
    """Return the records whose ``[start, end)`` overlaps the given char range, in order."""
    return [it for it in items if it.start < end and start < it.end and it.start >= 0]


def token_range_text(doc: Any, tokens: Sequence[Any]) -> tuple[str, int, int]:
    """Text and char offsets covering the first to the last of ``tokens`` (sorted)."""
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    start, end = first.idx, last.idx + len(last.text)
    # doc[i:j].text, not doc.text[...]: Doc.text is rebuilt from every token on each access.
    return doc[first.i : last.i + 1].text, start, end


def trim_tokens(tokens: list[Any], *, drop_det: bool) -> list[Any]:
    """Strip punctuation/conjunctions (and, optionally, determiners) from both ends."""
    lead = _LEADING_DROP if drop_det else frozenset({"punct", "cc", "preconj"})
    while tokens and (tokens[0].dep_ in lead or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    return tokens


def phrase_tokens(head: Any, cut: frozenset[str], keep_preps: frozenset[str]) -> list[Any]:
    """The tokens of ``head``'s subtree, minus subtrees hanging on a ``cut`` relation.

    A ``prep`` child is cut unless its lemma is in ``keep_preps`` (so "the
    villages of X" stays whole but "X in the north" loses "in the north").
    Returned in text order.
    """
    removed: set[int] = set()
    for tok in head.subtree:
        if tok.i in removed or tok.i == head.i:
            continue
        # a preposition is kept by its word ("of"), anything else by its relation
        is_cut = tok.lemma_.lower() not in keep_preps if tok.dep_ == "prep" else tok.dep_ in cut
        if is_cut:
            removed.update(t.i for t in tok.subtree)
    return [t for t in head.subtree if t.i not in removed]


def is_pronoun(tokens: Sequence[Any]) -> bool:
    """True when a phrase is a lone pronoun ("they", "which"): no usable name."""
    content = [t for t in tokens if not t.is_punct and t.dep_ != "det"]
    return len(content) == 1 and content[0].pos_ in {"PRON", "DET"}


def pick_date(
    dates: Sequence[DatedSpan], sent_start: int, sent_end: int, anchor: int
) -> datetime.date | None:
    """The date of an event mentioned at char ``anchor`` in sentence [start, end).

    The nearest usable date mention in the same sentence wins; otherwise the
    nearest one earlier in the report (the story is usually dated before it
    tells what happened); otherwise None and the caller uses the report date.
    Durations, "ongoing" and bare years never date one event.
    """
    usable = [d for d in dates if d.kind not in _UNDATING_KINDS and d.date is not None]
    same = [d for d in usable if d.start >= sent_start and d.end <= sent_end]
    if any(d.kind != "dateline" for d in same):
        # The dateline dates the report; a date in the sentence itself dates the event.
        same = [d for d in same if d.kind != "dateline"]
    if same:
        best = min(same, key=lambda d: min(abs(d.start - anchor), abs(d.end - anchor)))
        return best.date
    earlier = [d for d in usable if d.end <= sent_start]
    if earlier:
        return max(earlier, key=lambda d: d.end).date
    return None


def walk_up(token: Any, edges: frozenset[str], limit: int = 8) -> list[Any]:
    """Ancestors of ``token`` reached while each step's relation is in ``edges``."""
    chain: list[Any] = []
    cur = token
    while cur.dep_ in edges and cur.head.i != cur.i and len(chain) < limit:
        cur = cur.head
        chain.append(cur)
    return chain


def is_negated(token: Any) -> bool:
    """True for "did not capture", "never fled", "no displacement"."""
    for child in token.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "det" and child.lower_ in {"no", "neither"}:
            return True
    return False


#: relations along which a "not a fact" cue governs the trigger below it
_GOVERNING_EDGES = frozenset(
    {"xcomp", "acl", "conj", "pcomp", "prep", "pobj", "dobj", "nsubj", "nsubjpass", "auxpass"}
)


def is_non_factual(
    token: Any,
    non_factual: frozenset[str],
    modals: frozenset[str],
    edges: frozenset[str] = _GOVERNING_EDGES,
) -> bool:
    """True when ``token`` is only attempted, planned, negated or hypothetical.

    Walks up through complement/conjunct relations ("tried to advance and
    retake", "an attempt to capture", "aimed at capturing") looking for an
    attempt-type lemma, a negation or a modal such as "would".
    """
    cur = token
    for tok in [token, *walk_up(token, edges)]:
        # A verb reached as a conjunct is a sibling action ("attacked and
        # captured"), not a governor: its lemma says nothing about ``token``.
        sibling = tok.i != token.i and cur.dep_ == "conj"
        cur = tok
        if sibling:
            continue
        # "calling the attack a cowardly act": a verb with an object predicate
        # names what happened, it does not call for it
        naming = any(c.dep_ == "oprd" for c in tok.children)
        if (tok.lemma_.lower() in non_factual and not naming) or is_negated(tok):
            return True
        if any(c.dep_ == "aux" and c.lower_ in modals for c in tok.children):
            return True
    return False


def estimate_count(text: str) -> int | None:
    """Conservative integer reading of a figure.

    >>> estimate_count("thousands of civilians"), estimate_count("2,500 people")
    (1000, 2500)
    >>> estimate_count("dozens of families"), estimate_count("two thousand residents")
    (12, 2000)
    """
    low = text.lower()
    for phrase, value in VAGUE_COUNTS.items():
        if re.search(rf"\b{phrase}\b", low):
            return value
    digits = re.search(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(million|thousand))?", low)
    if digits:
        value_f = float(digits.group(1).replace(",", ""))
        return int(value_f * _SCALE.get(digits.group(2) or "", 1))
    total: int | None = None
    for word in re.findall(r"[a-z]+", low):
        if word in WORD_NUMBERS:
            total = (total or 0) + WORD_NUMBERS[word]
        elif word in _SCALE and total is not None:
            total *= _SCALE[word]
    return total
