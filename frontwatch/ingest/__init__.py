"""Reading reports: text in any common encoding, HTML, CSV/TSV, JSON Lines, JSON, RSS/Atom.

>>> from frontwatch.ingest import read_inputs, InputProblem
"""

from __future__ import annotations

from frontwatch.ingest.dates import parse_published
from frontwatch.ingest.decode import decode_bytes
from frontwatch.ingest.html import html_to_text
from frontwatch.ingest.problems import InputProblem
from frontwatch.ingest.reader import read_bytes, read_inputs

__all__ = [
    "InputProblem",
    "decode_bytes",
    "html_to_text",
    "parse_published",
    "read_bytes",
    "read_inputs",
]
