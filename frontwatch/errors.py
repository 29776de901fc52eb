"""One exception hierarchy for frontwatch (httpx style).

Every error a user can cause derives from :class:`FrontwatchError`, so the CLI
can turn it into a one-line message instead of a traceback.
"""

from __future__ import annotations


class FrontwatchError(Exception):
    """Base class of every error frontwatch raises on purpose."""


class InputError(FrontwatchError):
    """An input file or row cannot be read.

    ``origin`` names the file (and row, where there is one), so the message can
    say exactly where the problem is.

    >>> str(InputError("reports.csv", "row 3: no 'text' column"))
    "reports.csv: row 3: no 'text' column"
    """

    def __init__(self, origin: str, problem: str) -> None:
        self.origin = origin
        self.problem = problem
        super().__init__(f"{origin}: {problem}")


class DataFileError(FrontwatchError):
    """A shipped or user-supplied data file (gazetteer, actor dictionary) is invalid."""


class StoreError(FrontwatchError):
    """The event database cannot be opened, migrated or written."""


class ConfigError(FrontwatchError):
    """A setting has an invalid value (for example an unknown spaCy model)."""
