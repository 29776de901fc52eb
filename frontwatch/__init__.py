"""frontwatch: conflict news reports in, ACLED-style events out (offline).

The public API is small and re-exported here; everything else is private to
the package. Names are imported on first use, so ``import frontwatch`` (and
``frontwatch --help``) stays fast and does not load spaCy::

    >>> import frontwatch
    >>> "extract" in frontwatch.__all__
    True
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("frontwatch")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"

_EXPORTS = {
    "extract": "frontwatch.api",
    "extract_many": "frontwatch.api",
    "geoparse": "frontwatch.api",
    "Settings": "frontwatch.settings",
    "FrontwatchError": "frontwatch.errors",
    "InputError": "frontwatch.errors",
    "DataFileError": "frontwatch.errors",
    "StoreError": "frontwatch.errors",
    "ConfigError": "frontwatch.errors",
    "Actor": "frontwatch.models",
    "Article": "frontwatch.models",
    "Claim": "frontwatch.models",
    "Displacement": "frontwatch.models",
    "Event": "frontwatch.models",
    "Evidence": "frontwatch.models",
    "Place": "frontwatch.models",
    "Provenance": "frontwatch.models",
    "Report": "frontwatch.models",
    "TerritoryChange": "frontwatch.models",
}

__all__ = sorted([*_EXPORTS, "__version__"])

if TYPE_CHECKING:
    from frontwatch.api import extract, extract_many, geoparse
    from frontwatch.errors import (
        ConfigError,
        DataFileError,
        FrontwatchError,
        InputError,
        StoreError,
    )
    from frontwatch.models import (
        Actor,
        Article,
        Claim,
        Displacement,
        Event,
        Evidence,
        Place,
        Provenance,
        Report,
        TerritoryChange,
    )
    from frontwatch.settings import Settings


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'frontwatch' has no attribute {name!r}")
    return getattr(import_module(module), name)
