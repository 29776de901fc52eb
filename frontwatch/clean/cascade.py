"""``clean_report``: an ordered cascade of small stages over the report's lines.

Stages (each a function ``Draft -> Draft``, run in this order):

1. ``stage_lines``: split into stripped, non-blank lines (one paragraph a line).
2. ``stage_join_wrapped``: re-join hard-wrapped lines of one paragraph.
3. ``stage_glued_trailer``: cut a tag label glued to the last line.
4. ``stage_furniture``: drop logo, navigation, share, cookie, "Read more" lines.
5. ``stage_tag_trailers``: drop empty keyword/tag trailers at the end.
6. ``stage_provenance``: move translation/verification/source notes to Provenance.
7. ``stage_headline``: take a headline-like first line as the title.
8. ``stage_repeats``: drop repeats of the title or of an earlier short line.
9. ``stage_lede_source``: move a "..., reports X." tail of the lede to Provenance.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from frontwatch.clean.furniture import is_furniture, is_tag_trailer, split_glued_trailer
from frontwatch.clean.headline import drop_repeats, is_headline_like
from frontwatch.clean.lede import split_lede_source
from frontwatch.clean.provenance import read_note
from frontwatch.clean.text import ends_sentence, split_lines, split_sentences
from frontwatch.models import Provenance

_WRAP_MIN_LENGTH = 40


@dataclass(frozen=True)
class Draft:
    """The report between stages: lines kept so far, what was found, what was removed."""

    lines: tuple[str, ...]
    title: str | None = None
    provenance: Provenance = field(default_factory=Provenance)
    removed: tuple[str, ...] = ()
    #: the raw text, read only by ``stage_lines``
    raw: str = ""


# A line ending in one of these words (or a comma) cannot end a paragraph.
_CONTINUING_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "and",
        "or",
        "but",
        "that",
        "which",
        "who",
        "near",
        "into",
        "over",
        "after",
        "before",
        "than",
        "as",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "said",
        "says",
        "told",
        "according",
        "between",
        "against",
        "during",
        "under",
        "since",
        "while",
        "where",
        "when",
        "whose",
        "about",
        "around",
    }
)


# A line this long that does not end a sentence was wrapped by its sender.
_WRAP_FULL_LENGTH = 60


def _ends_mid_phrase(line: str) -> bool:
    last = line.rsplit(" ", 1)[-1]
    return line.endswith((",", "-")) or last.lower() in _CONTINUING_WORDS


def unwrap_paragraph(block: str) -> str:
    r"""Join the hard-wrapped lines of one paragraph (no blank line between them).

    A line continues on the next when it is long, does not end a sentence and
    is not itself a Title Case headline: wire copy wrapped at 80 columns
    ("the southern city of" / "Kherson on Monday") becomes one line again.

    >>> unwrap_paragraph("Government troops shelled the southern port city of\nKherson on Monday.")
    'Government troops shelled the southern port city of Kherson on Monday.'
    >>> unwrap_paragraph("Short Headline Here\nThe lede follows.")
    'Short Headline Here\nThe lede follows.'
    >>> unwrap_paragraph("Gunmen kidnapped seven passengers from a bus near Bandiagara in central\n"
    ...                  "Mali on Tuesday.")
    'Gunmen kidnapped seven passengers from a bus near Bandiagara in central Mali on Tuesday.'
    """
    out: list[str] = []
    for raw_line in block.split("\n"):
        line = raw_line.strip()
        if not line:
            continue
        previous = out[-1] if out else ""
        if (
            len(previous) >= _WRAP_MIN_LENGTH
            and not ends_sentence(previous)
            and not is_headline_like(previous, None)
            and (
                line[0].islower()
                or _ends_mid_phrase(previous)
                # a full-width line cut mid-sentence ("... in central" / "Mali on Tuesday")
                or (len(previous) >= _WRAP_FULL_LENGTH and not previous.endswith(":"))
            )
        ):
            out[-1] = f"{previous} {line}"
        else:
            out.append(line)
    return "\n".join(out)


# Control characters (but tab and line breaks) and zero-width marks: stray bytes of
# scraping that would split words ("four\x07 civilians").
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")


@lru_cache(maxsize=1)
def _lost_possessive() -> re.Pattern[str]:
    """ "Syrias Deir Ezzor": scrapers that strip apostrophes leave a country's
    possessive glued to the next name, which then reads as one long name."""
    from frontwatch.countries import load_countries

    names = sorted((c.name for c in load_countries() if not c.name.endswith("s")), key=len)
    alternation = "|".join(re.escape(n) for n in reversed(names))
    return re.compile(rf"\b({alternation})s(?= [A-Z])")


def stage_lines(draft: Draft) -> Draft:
    text = draft.raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_CHARS.sub("", text)
    text = _lost_possessive().sub(r"\1's", text)
    paragraphs = re.split(r"\n[ \t]*\n", text)
    unwrapped = "\n".join(unwrap_paragraph(p) for p in paragraphs)
    return replace(draft, lines=tuple(split_lines(unwrapped)))


def stage_join_wrapped(draft: Draft) -> Draft:
    """Hard-wrapped text: a long line with no final punctuation continues on the next
    line when that one starts in lower case."""
    joined: list[str] = []
    for line in draft.lines:
        previous = joined[-1] if joined else ""
        if len(previous) >= _WRAP_MIN_LENGTH and not ends_sentence(previous) and line[0].islower():
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return replace(draft, lines=tuple(joined))


def stage_glued_trailer(draft: Draft) -> Draft:
    if not draft.lines:
        return draft
    kept, label = split_glued_trailer(draft.lines[-1])
    if label is None:
        return draft
    return replace(draft, lines=(*draft.lines[:-1], kept), removed=(*draft.removed, label))


def stage_furniture(draft: Draft) -> Draft:
    kept = tuple(line for line in draft.lines if not is_furniture(line))
    dropped = tuple(line for line in draft.lines if is_furniture(line))
    return replace(draft, lines=kept, removed=(*draft.removed, *dropped))


def stage_tag_trailers(draft: Draft) -> Draft:
    lines = list(draft.lines)
    dropped: list[str] = []
    while lines and is_tag_trailer(lines[-1]):
        dropped.insert(0, lines.pop())
    return replace(draft, lines=tuple(lines), removed=(*draft.removed, *dropped))


def stage_provenance(draft: Draft) -> Draft:
    """Remove note sentences anywhere in the text; the rest of a line stays."""
    prov = replace(draft.provenance, statements=list(draft.provenance.statements))
    kept_lines: list[str] = []
    for line in draft.lines:
        kept: list[str] = []
        for sentence in split_sentences(line):
            note = read_note(sentence)
            if note is None:
                kept.append(sentence)
                continue
            prov.statements.append(sentence)
            prov.translated_by = prov.translated_by or note.translated_by
            prov.original_source = prov.original_source or note.original_source
            if note.verified is not None and prov.verified is not False:
                prov.verified = note.verified  # "not verified" wins over "verified"
        if kept:
            kept_lines.append(" ".join(kept))
    removed = (*draft.removed, *prov.statements[len(draft.provenance.statements) :])
    return replace(draft, lines=tuple(kept_lines), provenance=prov, removed=removed)


def stage_headline(draft: Draft) -> Draft:
    if draft.title or len(draft.lines) < 2:
        return draft
    first, following = draft.lines[0], draft.lines[1]
    if not is_headline_like(first, following):
        return draft
    return replace(draft, title=first, lines=draft.lines[1:])


def stage_repeats(draft: Draft) -> Draft:
    kept, dropped = drop_repeats(list(draft.lines), draft.title)
    return replace(draft, lines=tuple(kept), removed=(*draft.removed, *dropped))


def stage_lede_source(draft: Draft) -> Draft:
    if not draft.lines:
        return draft
    found = split_lede_source(draft.lines[0])
    if found is None:
        return draft
    prov = replace(draft.provenance, statements=[*draft.provenance.statements, found.clause])
    prov.original_source = prov.original_source or found.outlet
    return replace(
        draft,
        lines=(found.paragraph, *draft.lines[1:]),
        provenance=prov,
        removed=(*draft.removed, found.clause),
    )


#: the cascade, in order
STAGES: tuple[Callable[[Draft], Draft], ...] = (
    stage_lines,
    stage_join_wrapped,
    stage_glued_trailer,
    stage_furniture,
    stage_tag_trailers,
    stage_provenance,
    stage_tag_trailers,  # notes often sit between the body and the trailer
    stage_headline,
    stage_repeats,
    stage_lede_source,
)


def run_stages(text: str, title: str | None) -> Draft:
    """Run every stage of :data:`STAGES` over ``text``."""
    draft = Draft(lines=(), title=title.strip() if title and title.strip() else None, raw=text)
    for stage in STAGES:
        draft = stage(draft)
    return draft
