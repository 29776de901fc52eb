"""How values are compared: normalised strings, place containment, claims."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from anyascii import anyascii

_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bc\u02bf\u02be]")
_NON_WORD = re.compile(r"[^a-z0-9]+")

#: fields holding place names
_PLACE_FIELDS = frozenset({"admin1", "location"})

#: the casualty kinds a claim is compared on
CLAIM_KINDS = ("killed", "wounded", "killed_or_wounded", "captured")

#: words of 4+ letters too common in claimant names to show two are the same
_GENERIC_WORDS = frozenset(
    {
        "according",
        "activist",
        "activists",
        "agency",
        "group",
        "groups",
        "from",
        "local",
        "media",
        "news",
        "official",
        "officials",
        "people",
        "reported",
        "reports",
        "said",
        "says",
        "source",
        "sources",
        "spokesman",
        "spokesperson",
        "that",
        "their",
        "they",
        "this",
        "with",
    }
)


def normalise(value: object) -> str:
    """Text for comparison: transliterated, lower case, punctuation as single spaces.

    >>> normalise("Ma\u02bfarrat an-Nu\u02bfm\u0101n")
    'maarrat an numan'
    >>> normalise("  Military Forces of Syria (2000-2024) ")
    'military forces of syria 2000 2024'
    """
    text = _APOSTROPHES.sub("", anyascii(str(value)).lower())
    return " ".join(_NON_WORD.sub(" ", text).split())


def has_value(value: object) -> bool:
    """True for a value a field "has": not None and not blank (0 counts).

    >>> has_value(0), has_value(None), has_value(" "), has_value("Idlib")
    (True, False, False, True)
    """
    if value is None:
        return False
    if isinstance(value, str):
        return bool(normalise(value))
    return True


def _contains(a: str, b: str) -> bool:
    """True when the words of one string appear, in order, in the other."""
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def values_match(field: str, gold: object, pred: object) -> bool:
    """Whether a predicted value matches the gold one for ``field``.

    Strings match after :func:`normalise`; ``admin1`` and ``location`` also
    when the gazetteer's transliteration folding makes them equal, and
    ``location`` when one name contains the other; ``fatalities`` are equal
    integers; ``event_date`` equal ISO strings.

    >>> values_match("location", "Khan Shaykhun", "Khan Shaykhun (near)")
    True
    >>> values_match("actor1", "Military Forces of Syria", "Military Forces of Syria (2000-2024)")
    False
    >>> values_match("admin1", "Idlib", "Idleb"), values_match("actor2", "Idlib", "Idleb")
    (True, False)
    >>> values_match("fatalities", 0, 0), values_match("fatalities", 5, 7)
    (True, False)
    """
    if field == "fatalities":
        gold_n, pred_n = _as_int(gold), _as_int(pred)
        if gold_n is not None and pred_n is not None:
            return gold_n == pred_n
    if field == "event_date":
        return str(gold).strip()[:10] == str(pred).strip()[:10]
    gold_s, pred_s = normalise(gold), normalise(pred)
    if field in _PLACE_FIELDS:
        # Place names also match across transliterations (Idleb/Idlib), as the
        # gazetteer folds them.
        from frontwatch.geo.normalise import normalise_name

        keys = [(gold_s, pred_s), (normalise_name(gold_s), normalise_name(pred_s))]
        if field == "location":
            return any(a and b and _contains(a, b) for a, b in keys)
        return any(a and a == b for a, b in keys)
    return gold_s == pred_s


def claim_pairs(claim: Mapping[str, Any]) -> frozenset[tuple[str, int]]:
    """A claim as its set of (kind, number) pairs for the non-null casualty kinds.

    >>> sorted(claim_pairs({"claimant": "SOHR", "killed": 5, "wounded": None}))
    [('killed', 5)]
    """
    pairs = set()
    for kind in CLAIM_KINDS:
        number = _as_int(claim.get(kind))
        if number is not None:
            pairs.add((kind, number))
    return frozenset(pairs)


def claimants_match(gold: object, pred: object) -> bool:
    """Loose claimant comparison: containment, or a shared content word of 4+ letters.

    Two missing claimants match; one missing and one named do not.

    >>> claimants_match("Syrian Observatory for Human Rights", "the Observatory")
    True
    >>> claimants_match("local sources", "local activists")
    False
    """
    gold_s = normalise(gold) if gold is not None else ""
    pred_s = normalise(pred) if pred is not None else ""
    if not gold_s or not pred_s:
        return gold_s == pred_s
    if _contains(gold_s, pred_s):
        return True
    gold_words = {w for w in gold_s.split() if len(w) >= 4 and w.isalpha()}
    pred_words = {w for w in pred_s.split() if len(w) >= 4 and w.isalpha()}
    return bool((gold_words & pred_words) - _GENERIC_WORDS)


def match_claims(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int]]:
    """Pair gold claims with distinct predicted claims sharing a (kind, number) pair.

    Returns (gold index, pred index) pairs of a maximum matching; among equally
    large matchings it prefers pairs whose claimants also match. Claims with no
    casualty figure never match.

    >>> gold = [{"claimant": "SOHR", "killed": 5}, {"claimant": "rescuers", "killed": 7}]
    >>> pred = [{"claimant": "rescuers", "killed": 7, "wounded": 2}]
    >>> match_claims(gold, pred)
    [(1, 0)]
    """
    gold_pairs = [claim_pairs(c) for c in gold]
    pred_pairs = [claim_pairs(c) for c in pred]
    options: list[list[int]] = []
    for g, pairs in enumerate(gold_pairs):

        def preference(
            p: int, g: int = g, pairs: frozenset[tuple[str, int]] = pairs
        ) -> tuple[bool, int, int]:
            # Preferred partners first: same claimant, then more shared figures.
            same = claimants_match(gold[g].get("claimant"), pred[p].get("claimant"))
            return (not same, -len(pairs & pred_pairs[p]), p)

        options.append(
            sorted((p for p, other in enumerate(pred_pairs) if pairs & other), key=preference)
        )
    owner: dict[int, int] = {}  # pred index -> gold index

    def augment(g: int, visited: set[int]) -> bool:
        for p in options[g]:
            if p in visited:
                continue
            visited.add(p)
            if p not in owner or augment(owner[p], visited):
                owner[p] = g
                return True
        return False

    for g in range(len(gold)):
        augment(g, set())
    return sorted((g, p) for p, g in owner.items())
