"""The record yielded instead of an article when an input cannot be read."""

from __future__ import annotations

from dataclasses import dataclass

from frontwatch.errors import InputError


@dataclass(frozen=True)
class InputProblem:
    """One bad file, row or item; the other inputs are still read.

    >>> str(InputProblem("reports.csv row 4", "no 'text' value"))
    "reports.csv row 4: no 'text' value"
    """

    #: the file, plus " row N" / " line N" / " item N" where there is one, or "<stdin>"
    origin: str
    #: one line saying what is wrong
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"

    @classmethod
    def from_error(cls, error: InputError) -> InputProblem:
        """Turn an :class:`InputError` raised while reading into a problem record."""
        return cls(error.origin, one_line(error.problem))


def one_line(message: str, limit: int = 200) -> str:
    """Collapse a (library) message to one bounded line.

    >>> one_line("bad\\n  thing")
    'bad thing'
    """
    flat = " ".join(message.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."
