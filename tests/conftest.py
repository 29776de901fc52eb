"""Shared pytest fixtures.

``shared_dir`` skips a test cleanly when ``../shared`` (the development data
beside the repository) is absent; ``nlp`` loads the spaCy model once a session.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from frontwatch.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED_DIR


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings: Settings) -> Any:
    from frontwatch.nlp import load_nlp

    return load_nlp(settings.spacy_model)


@pytest.fixture(scope="session")
def make_doc(nlp: Any) -> Any:
    """Build a spaCy Doc from text the way the pipeline does (quotes normalised)."""
    from frontwatch.nlp import normalise_quotes

    def _make(text: str) -> Any:
        return nlp(normalise_quotes(text))

    return _make
