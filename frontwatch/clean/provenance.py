"""Translation, verification and source notes: removed from the text, kept as Provenance.

Only sentences *about the report itself* are matched: they start with "This
article", "Translated", the publisher's own name followed by "has not verified",
and so on. Attributions inside the news ("the ministry said", "according to the
monitor") are content and stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: a proper name as outlets write theirs ("The Syrian Observer", "Enab Baladi", "al-Modon")
NAME = (
    r"(?:[Tt]he\s+)?[A-Z0-9][\w&'’.-]*"
    r"(?:\s+(?:[A-Z0-9][\w&'’.-]*|of|for|and|on|al-[\w'’-]+|el-[\w'’-]+|de|du|la|del)){0,6}"
)

_TRANSLATED = re.compile(
    r"^\(?(?:this\s+(?:article|report|story|piece|text|item|news)\s+(?:was|has\s+been|is)\s+)?"
    r"(?:(?:edited|adapted)\s+and\s+)?translated"
    r"(?:\s+(?:and|&)\s+(?:edited|adapted|summari[sz]ed|prepared))?"
    r"(?:\s+(?:from|into)\s+\w+(?:\s+(?:in)?to\s+\w+)?)?"
    r"\s+by\s+(?P<who>[^()]+?)\)?\.?\)?$",
    re.I,
)
_TRANSLATION_LABEL = re.compile(r"^\(?translation\s*(?:by|:)\s*(?P<who>[^()]+?)\)?\.?$", re.I)
_NOT_VERIFIED = re.compile(
    rf"^(?P<who>We|{NAME})\s+(?:has|have|had|could|can|was|were|did|is|are)"
    r"(?:\s*not|n['’]t|\s+unable\s+to|\s+not\s+been\s+able\s+to)\s+"
    r"(?:been\s+able\s+to\s+)?(?:independently\s+)?(?:verif|confirm)"
)
_NOT_VERIFIED_PASSIVE = re.compile(
    r"^(?:this|the)\s+(?:content|article|report|story|information|claims?|video|footage)\b.*?"
    r"\b(?:could|can|has|have|was)\s*(?:not|n['’]t)\s+(?:yet\s+)?(?:be\s+|been\s+)?"
    r"(?:independently\s+)?(?:verified|confirmed)\b",
    re.I,
)
_VERIFIED = re.compile(
    rf"^(?P<who>We|{NAME})\s+(?:has|have|had)\s+(?:independently\s+)?verified\s+"
    r"(?:the|this|its)\s+(?:content|article|report|story|information|video|footage|images?)"
)
_DISCLAIMERS = (
    re.compile(r"^responsibility for (?:the )?(?:information|content|views|opinions)", re.I),
    re.compile(r"\b(?:views|opinions)\b.{0,40}\bexpressed\b.{0,80}\b(?:are|is)\b.{0,40}"
               r"\b(?:author|writer|own)", re.I),
    re.compile(r"\bdo(?:es)? not necessarily reflect\b", re.I),
    re.compile(r"^the (?:information|content|views) (?:in|of) this (?:article|story|report)"
               r" (?:is|are) the (?:sole )?responsibility", re.I),
)  # fmt: skip
_ORIGINALLY = re.compile(
    r"^\(?(?:this\s+(?:article|story|report|piece)\s+(?:was\s+)?)?(?:originally|first)\s+"
    r"(?:published|appeared|posted|ran)\s+(?:in|on|by|at)\s+(?P<who>.+?)[.)]*$",
    re.I,
)
_SOURCE_LINE = re.compile(r"^(?:source|sources|credit)\s*:\s*(?P<who>.+?)\.?$", re.I)
_VIA_LINE = re.compile(r"^\(?via:?\s+(?P<who>[^()]+?)\)?\.?$", re.I)
_ATTRIBUTION_VERBS = re.compile(r"\b(?:said|says|told|according|claimed|reported)\b", re.I)


@dataclass(frozen=True)
class Note:
    """What one provenance sentence says (fields None when it says nothing of them)."""

    translated_by: str | None = None
    original_source: str | None = None
    verified: bool | None = None


def _clean_name(who: str) -> str:
    """Tidy a captured outlet name: drop language and date tails, brackets, final dots."""
    if re.search(r"\sby\s", who):
        who = re.split(r"\sby\s", who)[-1]
    who = re.sub(
        r"^(?:arabic|english|french|turkish|kurdish|persian|russian)\s+", "", who, flags=re.I
    )
    who = re.split(r",|\s+on\s+(?=\w+\s+\d|\d)", who)[0]
    return who.strip(" .()[]\"'“”")


def read_note(sentence: str) -> Note | None:
    """Classify one sentence as a provenance note, or None when it is report text.

    >>> read_note("This article was translated and edited by The Levant Digest.")
    Note(translated_by='The Levant Digest', original_source=None, verified=None)
    >>> read_note("The Levant Digest has not verified the content of this story.").verified
    False
    >>> read_note("The ministry said it could not verify the figures.") is None
    True
    """
    text = sentence.strip()
    if not text:
        return None
    match = _TRANSLATED.match(text) or _TRANSLATION_LABEL.match(text)
    if match:
        return Note(translated_by=_clean_name(match["who"]))
    said = _ATTRIBUTION_VERBS.search(text)
    if not said and (_NOT_VERIFIED.match(text) or _NOT_VERIFIED_PASSIVE.match(text)):
        return Note(verified=False)
    if not said and _VERIFIED.match(text):
        return Note(verified=True)
    if any(rule.search(text) for rule in _DISCLAIMERS):
        return Note()
    for pattern in (_ORIGINALLY, _SOURCE_LINE, _VIA_LINE):
        match = pattern.match(text)
        if match and len(match["who"].split()) <= 10:
            return Note(original_source=_clean_name(match["who"]))
    return None
