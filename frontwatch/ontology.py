"""The ACLED event ontology: event types, sub-event types, inter and interaction codes.

Everything comes from the shipped ``data/acled_ontology.json`` (read once, on first
use); this module only gives it a small typed API.

>>> onto = load_ontology()
>>> onto.sub_event("Armed clash").event_type
'Battles'
>>> onto.outranks("Air/drone strike", "Shelling/artillery/missile attack")
True
>>> interaction_code(7, 1)
17
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from frontwatch.errors import DataFileError

ONTOLOGY_FILE = "acled_ontology.json"


@dataclass(frozen=True)
class SubEventType:
    """One of ACLED's 25 sub-event types.

    ``rank`` is global: 1 is the highest in ACLED's hierarchy (Government regains
    territory), 25 the lowest (Other). ``civilian_targeting`` is the default flag
    (always true for Violence against civilians and Excessive force against
    protesters); ``two_sided`` is true where ACLED always needs two actors (Battles).
    """

    name: str
    event_type: str
    disorder_type: str
    rank: int
    civilian_targeting: bool
    two_sided: bool


class Ontology:
    """The loaded ontology: sub-event types in rank order, plus the code tables."""

    def __init__(
        self,
        sub_event_types: tuple[SubEventType, ...],
        event_types: tuple[str, ...],
        inter_labels: dict[int, str],
        interaction_codes: frozenset[int],
    ) -> None:
        self.sub_event_types = tuple(sorted(sub_event_types, key=lambda s: s.rank))
        self.event_types = event_types
        self.inter_labels = dict(inter_labels)
        self.interaction_codes = interaction_codes
        self._by_name = {s.name.lower(): s for s in self.sub_event_types}

    def sub_event(self, name: str) -> SubEventType:
        """The sub-event type called ``name`` (case-insensitive); ValueError when unknown."""
        found = self._by_name.get(name.strip().lower())
        if found is None:
            raise ValueError(
                f"unknown ACLED sub-event type {name!r} "
                f"(expected one of: {', '.join(s.name for s in self.sub_event_types)})"
            )
        return found

    def outranks(self, a: str, b: str) -> bool:
        """True when sub-event type ``a`` is strictly higher than ``b`` in the hierarchy."""
        return self.sub_event(a).rank < self.sub_event(b).rank

    def of_event_type(self, event_type: str) -> tuple[SubEventType, ...]:
        """The sub-event types of one event type, highest first."""
        if event_type not in self.event_types:
            raise ValueError(f"unknown ACLED event type {event_type!r}")
        return tuple(s for s in self.sub_event_types if s.event_type == event_type)

    def is_valid_interaction(self, code: int) -> bool:
        """True for the interaction codes ACLED uses (10-18, 20, 22-28, ... 88)."""
        return code in self.interaction_codes


def _parse(raw: Any) -> Ontology:
    """Build an Ontology from the decoded JSON (DataFileError on a bad shape)."""
    try:
        subs = tuple(
            SubEventType(
                name=str(s["name"]),
                event_type=str(s["event_type"]),
                disorder_type=str(s["disorder_type"]),
                rank=int(s["rank"]),
                civilian_targeting=bool(s["civilian_targeting"]),
                two_sided=bool(s["two_sided"]),
            )
            for s in raw["sub_event_types"]
        )
        event_types = tuple(str(e) for e in raw["event_types"])
        labels = {int(k): str(v) for k, v in raw["inter_codes"].items()}
        codes = frozenset(int(c) for c in raw["interaction_codes"])
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(f"{ONTOLOGY_FILE}: malformed ontology ({exc})") from exc
    return Ontology(subs, event_types, labels, codes)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The shipped ACLED ontology (read once per process)."""
    text = resources.files("frontwatch").joinpath("data", ONTOLOGY_FILE).read_text(encoding="utf-8")
    return _parse(json.loads(text))


def interaction_code(inter1: int, inter2: int | None) -> int:
    """ACLED's interaction code: the two inter digits, smaller first; one-sided -> digit then 0.

    >>> interaction_code(1, 7), interaction_code(7, 1), interaction_code(2, None)
    (17, 17, 20)
    """
    for value in (inter1, inter2):
        if value is not None and not 0 <= value <= 8:
            raise ValueError(f"inter code must be 1-8, got {value}")
    if not inter1:
        raise ValueError("inter1 is required for an interaction code")
    # Older exports write a missing second actor as inter2 = 0.
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def inter_label(code: int) -> str:
    """The text label of an inter (1-8) or interaction code (e.g. 17 -> "State forces-Civilians").

    >>> inter_label(2)
    'Rebel group'
    >>> inter_label(78)
    'External/Other forces-Civilians'
    >>> inter_label(30)
    'Political militia only'
    """
    labels = load_ontology().inter_labels
    if code in labels:
        return labels[code]
    first, second = divmod(code, 10)
    if first in labels and second == 0:
        return f"{labels[first]} only"
    if first in labels and second in labels and first <= second:
        # ACLED's text form puts Civilians last even where the digits do not (78).
        if first == 7 and second == 8:
            first, second = second, first
        return f"{labels[first]}-{labels[second]}"
    raise ValueError(f"unknown inter/interaction code {code}")
