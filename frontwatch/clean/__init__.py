"""Cleaning scraped report text: page furniture out, provenance notes kept aside.

>>> cleaned = clean_report("Menu\\nShare\\nRiver Town Shelled Overnight\\n"
...     "Shelling hit the river town on Monday, reports Valley Post.\\n"
...     "Translated by Border Desk.")
>>> cleaned.title, cleaned.text
('River Town Shelled Overnight', 'Shelling hit the river town on Monday.')
>>> cleaned.provenance.translated_by, cleaned.provenance.original_source
('Border Desk', 'Valley Post')
"""

from __future__ import annotations

from dataclasses import dataclass, field

from frontwatch.clean.cascade import STAGES, Draft, run_stages
from frontwatch.clean.furniture import is_furniture, is_tag_trailer
from frontwatch.clean.provenance import read_note
from frontwatch.models import Provenance


@dataclass
class CleanedText:
    """A report's body after cleaning, with its title and provenance."""

    #: cleaned body: paragraphs joined by "\n\n", whitespace tidied, nothing else rewritten
    text: str
    #: the given title, or a headline detected at the top of scraped text
    title: str | None
    provenance: Provenance = field(default_factory=Provenance)
    #: every line/sentence removed, for debugging
    removed: list[str] = field(default_factory=list)


def clean_report(text: str, *, title: str | None = None) -> CleanedText:
    """Clean one report's text (see :mod:`frontwatch.clean.cascade` for the stages)."""
    draft = run_stages(text, title)
    return CleanedText(
        text="\n\n".join(draft.lines),
        title=draft.title,
        provenance=draft.provenance,
        removed=list(draft.removed),
    )


__all__ = [
    "STAGES",
    "CleanedText",
    "Draft",
    "clean_report",
    "is_furniture",
    "is_tag_trailer",
    "read_note",
]
