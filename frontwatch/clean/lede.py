"""An attribution of the whole report at the end of its lede ("..., reports Enab Baladi.")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwatch.clean.provenance import NAME
from frontwatch.clean.text import split_sentences

# Words that mark a name as a news outlet (for "according to X", which is usually a claim).
MEDIA_WORDS = frozenset(
    {
        "news", "net", "agency", "times", "post", "observer", "daily", "tv", "television", "radio",
        "press", "media", "network", "tribune", "herald", "gazette", "journal", "channel",
        "online", "today", "newspaper", "telegraph", "chronicle", "report", "reporter", "wire",
        "dispatch", "independent", "guardian", "express", "mirror", "magazine", "weekly", "info",
    }
)  # fmt: skip
# "the opposition outlet", "the pro-government daily": a descriptor before the outlet name.
_DESCRIPTOR = (
    r"(?:the\s+(?:[\w-]+\s+){0,3}?(?:outlet|newspaper|agency|channel|website|site|daily"
    r"|broadcaster|network|media|news\s+site|radio|paper)\s+)?"
)
_REPORTS = re.compile(
    rf"^(?P<keep>.*?\S),?\s+(?P<clause>(?:reports|reported|writes|wrote|reporting)\s+"
    rf"{_DESCRIPTOR}(?P<who>{NAME}))\s*(?P<end>[.!])\s*$"
)
_ACCORDING = re.compile(
    rf"^(?P<keep>.*?\S),?\s+(?P<clause>according\s+to\s+{_DESCRIPTOR}(?P<who>{NAME}))"
    r"\s*(?P<end>[.!])\s*$"
)
_DOMAIN = re.compile(r"\.(?:com|net|org|info|news|co\.\w\w|tv)$", re.I)


@dataclass(frozen=True)
class LedeSource:
    """The lede without its trailing attribution, the clause removed, and the outlet."""

    paragraph: str
    clause: str
    outlet: str


def _is_outlet(name: str) -> bool:
    words = name.lower().replace("-", " ").split()
    return bool(_DOMAIN.search(name)) or any(w in MEDIA_WORDS for w in words)


def _proper(name: str) -> bool:
    """Every content word of the name starts with a capital (or is al-/el- prefixed)."""
    words = [w for w in name.split() if w.lower() not in {"the", "of", "for", "and", "on"}]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() or "-" in w for w in words)


def split_lede_source(paragraph: str) -> LedeSource | None:
    """Remove a "reports X" / "according to <outlet>" tail from the lede's last sentence.

    >>> split_lede_source("Clashes spread to the border, reports Kurdistan24.").paragraph
    'Clashes spread to the border.'
    >>> split_lede_source("Ten died, according to the Observatory.") is None
    True
    """
    sentences = split_sentences(paragraph)
    if not sentences:
        return None
    last = sentences[-1]
    match = _REPORTS.match(last)
    if match is None or not _proper(match["who"]):
        match = _ACCORDING.match(last)
        if match is None or not (_proper(match["who"]) and _is_outlet(match["who"])):
            return None
    who = match["who"].strip()
    if who.lower().startswith("the ") and not _proper(who[4:]):
        return None
    kept = match["keep"].rstrip(" ,;—–-") + match["end"]
    return LedeSource(
        paragraph=" ".join([*sentences[:-1], kept]),
        clause=match["clause"].strip(),
        outlet=who,
    )
