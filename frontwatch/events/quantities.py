"""Numbers as news copy writes them: "more than 110", "dozens", "a dozen", "1,200".

Vague words take the conservative value ACLED codes (codebook section 7:
"dozens" -> 12, "tens" -> 10, "hundreds" -> 100); the cue lists live in
``frontwatch/data/claim_cues.yaml`` so users can extend them.

>>> parse_quantity("more than 110")
(110, 'more than')
>>> parse_quantity("dozens")
(12, 'dozens')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

from frontwatch.errors import DataFileError

# Spelled-out numbers are English itself, not a cue list users extend.
_UNITS = MappingProxyType(
    {
        "zero": 0,
        "a": 1,
        "an": 1,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
    }
)
_SCALES = MappingProxyType({"hundred": 100, "thousand": 1000, "million": 1_000_000})

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


@dataclass(frozen=True)
class ClaimCues:
    """The cue lists of ``claim_cues.yaml``, lower-cased."""

    qualifiers: tuple[str, ...]
    vague_numbers: MappingProxyType[str, int]
    killed_verbs: frozenset[str]
    wounded_verbs: frozenset[str]
    captured_verbs: frozenset[str]
    killed_nouns: frozenset[str]
    wounded_nouns: frozenset[str]
    killed_or_wounded_nouns: frozenset[str]
    captured_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    civilian_words: frozenset[str]
    person_nouns: frozenset[str]


def _words(raw: dict[str, Any], key: str) -> frozenset[str]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"claim_cues.yaml: {key!r} must be a list of strings")
    return frozenset(v.lower() for v in value)


@lru_cache(maxsize=1)
def load_claim_cues() -> ClaimCues:
    """Read the shipped cue lists once (cached).

    >>> load_claim_cues().vague_numbers["dozens"]
    12
    """
    path = resources.files("frontwatch").joinpath("data/claim_cues.yaml")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"claim_cues.yaml cannot be read: {exc}") from exc
    if not isinstance(raw, dict):
        raise DataFileError("claim_cues.yaml: expected a mapping at the top level")
    vague = raw.get("vague_numbers") or {}
    if not isinstance(vague, dict):
        raise DataFileError("claim_cues.yaml: 'vague_numbers' must be a mapping")
    # Longest qualifier first so "no fewer than" wins over "fewer than".
    qualifiers = tuple(sorted(_words(raw, "qualifiers"), key=len, reverse=True))
    return ClaimCues(
        qualifiers=qualifiers,
        vague_numbers=MappingProxyType({str(k).lower(): int(v) for k, v in vague.items()}),
        killed_verbs=_words(raw, "killed_verbs"),
        wounded_verbs=_words(raw, "wounded_verbs"),
        captured_verbs=_words(raw, "captured_verbs"),
        killed_nouns=_words(raw, "killed_nouns"),
        wounded_nouns=_words(raw, "wounded_nouns"),
        killed_or_wounded_nouns=_words(raw, "killed_or_wounded_nouns"),
        captured_nouns=_words(raw, "captured_nouns"),
        speech_verbs=_words(raw, "speech_verbs"),
        civilian_words=_words(raw, "civilian_words"),
        person_nouns=_words(raw, "person_nouns"),
    )


def _spelled_number(words: list[str]) -> int | None:
    """ "two hundred and five" -> 205; None when the words are not a number."""
    total = current = 0
    seen = False
    for word in words:
        if word == "and" and seen:
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            break
        seen = True
    return total + current if seen else None


def parse_quantity(text: str) -> tuple[int | None, str | None]:
    """Read a figure at the start of ``text``; returns ``(value, qualifier)``.

    The qualifier is the approximating phrase ("at least") or, for a vague
    word without one, the word itself ("dozens"). Trailing words are ignored.

    >>> parse_quantity("at least 7 civilians")
    (7, 'at least')
    >>> parse_quantity("1,200")
    (1200, None)
    >>> parse_quantity("no figure")
    (None, None)
    """
    cues = load_claim_cues()
    rest = " ".join(text.lower().replace("-", " ").split())
    qualifier: str | None = None
    for cue in cues.qualifiers:
        if rest == cue or rest.startswith(cue + " "):
            qualifier, rest = cue, rest[len(cue) :].strip()
            break
    if match := _DIGITS.match(rest):
        return int(match.group().replace(",", "")), qualifier
    # Longest vague phrase first: "a dozen" before "a".
    for vague in sorted(cues.vague_numbers, key=len, reverse=True):
        if rest == vague or rest.startswith(vague + " "):
            return cues.vague_numbers[vague], qualifier or vague
    value = _spelled_number(rest.split())
    return (value, qualifier) if value is not None else (None, None)
