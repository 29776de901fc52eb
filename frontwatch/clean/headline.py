"""Headlines: detect one at the top of scraped text, drop its repeats in the body."""

from __future__ import annotations

import re

from frontwatch.clean.text import ends_sentence, norm_key, word_count

# Short words that stay lower case in Title Case headlines.
_MINOR_WORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "nor", "for", "of", "in", "on", "at", "to", "by",
        "from", "with", "as", "into", "over", "after", "amid", "near", "vs", "via", "is", "are",
        "was", "were", "be", "its", "their", "his", "her",
    }
)  # fmt: skip
# A line ending in one of these is cut mid-phrase (hard-wrapped prose), not a headline.
_DANGLING_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "by",
        "from",
        "with",
        "near",
        "into",
    }
)
_MAX_HEADLINE_WORDS = 20
_SITE_SUFFIX = re.compile(r"\s+[|\-–—:]\s+[^|\-–—:]{2,40}$")


def is_title_case(line: str) -> bool:
    """Most content words start with a capital ("Forces Try to Regain Lost Ground").

    >>> is_title_case("Forces Try to Regain Lost Ground"), is_title_case("Forces try to regain")
    (True, False)
    """
    words = [w.strip("\"'“”‘’()[],:;") for w in line.split()]
    content = [w for w in words if w and w.lower() not in _MINOR_WORDS and w[0].isalpha()]
    if len(content) < 2:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.6


def is_headline_like(line: str, following: str | None) -> bool:
    """A short line without a final full stop that reads as a headline.

    Title Case lines qualify alone; a sentence-case line qualifies when a longer
    sentence-like paragraph follows it (the lede).

    >>> is_headline_like("Drone Strike Hits Fuel Depot Near Port", None)
    True
    >>> is_headline_like("Drone strike hits fuel depot", "A drone hit a fuel depot on Monday.")
    True
    >>> is_headline_like("The drone hit a depot on Monday.", "More text follows here.")
    False
    >>> is_headline_like("Sudan's Army and Rapid Support Forces Clashed in Omdurman on", None)
    False
    """
    words = word_count(line)
    if not 2 <= words <= _MAX_HEADLINE_WORDS or len(line) > 200:
        return False
    if line.endswith((".", ",", ";", ":")) or (not line[0].isupper() and not line[0].isdigit()):
        return False
    if sum(1 for w in line.split() if any(ch.isalpha() for ch in w)) < 2:
        return False
    if line.rsplit(" ", 1)[-1].lower() in _DANGLING_WORDS:
        return False
    if is_title_case(line):
        return True
    return (
        following is not None
        and words <= 16
        and len(following) > len(line)
        and ends_sentence(following)
    )


def title_keys(title: str) -> set[str]:
    """Comparison keys of a title, with and without a site suffix ("Title - Outlet").

    >>> sorted(title_keys("Port Shelled Again | Daily Wire"))
    ['port shelled again', 'port shelled again daily wire']
    """
    keys = {norm_key(title)}
    stripped = _SITE_SUFFIX.sub("", title)
    if stripped != title and word_count(stripped) >= 2:
        keys.add(norm_key(stripped))
    return {k for k in keys if k}


def drop_repeats(lines: list[str], title: str | None) -> tuple[list[str], list[str]]:
    """Drop lines equal to the title, or to an earlier short line (a repeated headline).

    >>> drop_repeats(["Head Line", "Body text.", "Head Line", "More."], None)
    (['Head Line', 'Body text.', 'More.'], ['Head Line'])
    """
    seen = title_keys(title) if title else set()
    kept: list[str] = []
    removed: list[str] = []
    for line in lines:
        key = norm_key(line)
        if key and key in seen:
            removed.append(line)
            continue
        if word_count(line) <= _MAX_HEADLINE_WORDS and not ends_sentence(line):
            seen.add(key)
        kept.append(line)
    return kept, removed
