"""Small text helpers shared by the cleaning stages."""

from __future__ import annotations

import re

_NON_WORD = re.compile(r"[\W_]+")
_MULTI_NEWLINE = re.compile(r"\n{3,}")
# A sentence ends at . ! ? (optionally followed by a closing quote/bracket) before a capital.
_SENTENCE_BREAK = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"”’')]))\s+(?=[\"“‘'(\[]?[A-Z0-9\u0600-\u06ff])"
)
_END_PUNCT = tuple(".!?:;\"”’')]»")


def norm_key(text: str) -> str:
    """Case- and punctuation-free form used to compare short lines.

    >>> norm_key("  Home | World — Politics! ")
    'home world politics'
    >>> norm_key("Assad’s forces") == norm_key("Assad's Forces")
    True
    """
    return " ".join(_NON_WORD.sub(" ", text.lower().replace("’", "").replace("'", "")).split())


def split_lines(text: str) -> list[str]:
    """Lines with outer whitespace stripped and blank lines dropped.

    >>> split_lines("a  \\r\\n\\n\\n  b\\t\\n")
    ['a', 'b']
    """
    lines = (line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return [" ".join(line.split(" ")) for line in lines if line]


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences with a light rule (enough for notes).

    >>> split_sentences("One thing. Two things! “Three.” Four")
    ['One thing.', 'Two things!', '“Three.”', 'Four']
    """
    return [part for part in _SENTENCE_BREAK.split(paragraph) if part]


def ends_sentence(line: str) -> bool:
    """True when a line ends like a sentence or quotation."""
    return line.rstrip().endswith(_END_PUNCT)


def word_count(text: str) -> int:
    return len(text.split())


def collapse_newlines(text: str) -> str:
    """Collapse runs of 3+ newlines to a paragraph break."""
    return _MULTI_NEWLINE.sub("\n\n", text)
