"""Typed records that flow through frontwatch.

Stages return these; only ``frontwatch.store`` persists them. Every record has
``to_dict()`` giving the JSON shape of the public output contract (see README).
Character offsets (``start``/``end``) always point into the *cleaned* report
text (``Report.text``), so a reviewer can see the evidence for every value.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


class _Record:
    """Mixin: ``to_dict()`` via dataclasses.asdict with dates as ISO strings."""

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(asdict(self))  # type: ignore[call-overload]


@dataclass
class Provenance(_Record):
    """Where a report's text came from, as the publisher states it.

    ``verified`` is False when the publisher says it did not verify the
    content, True when it says it did, None when it says nothing.
    ``statements`` keeps the removed sentences verbatim.
    """

    translated_by: str | None = None
    original_source: str | None = None
    verified: bool | None = None
    statements: list[str] = field(default_factory=list)


@dataclass
class Article(_Record):
    """One input report as read from a file, feed or corpus row (before cleaning).

    ``origin`` names where it came from ("reports.csv row 4") for error messages.
    """

    text: str
    id: str | None = None
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    origin: str = "<text>"
    #: "text", "html", "csv", "jsonl", "feed": decides which cleaning applies
    kind: str = "text"


@dataclass
class Evidence(_Record):
    """Why a field has its value: a span of the cleaned text."""

    field: str
    text: str
    start: int
    end: int


@dataclass
class Place(_Record):
    """A toponym found in a report, resolved against the gazetteer where possible.

    ``gazetteer_id`` is None for a name no gazetteer knows; the coordinates are
    then those of the smallest admin unit the text supports and ``precision``
    says how exact they are (ACLED geo_precision 1-3).
    """

    text: str
    start: int
    end: int
    name: str
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None
    #: ISO 3166 alpha-2 code of ``country``
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    admin1_pcode: str | None = None
    admin2_pcode: str | None = None
    admin3_pcode: str | None = None
    #: "populated place", "admin1", "admin2", "admin3", "country", "region", "landmark", ...
    feature: str | None = None
    gazetteer_id: str | None = None
    score: float = 0.0
    #: ACLED geo_precision: 1 the named town, 2 near/part of a town, 3 a region
    precision: int = 1
    #: a qualifier kept for the location description ("southeastern", "near", "outskirts")
    qualifier: str | None = None


@dataclass
class Actor(_Record):
    """An actor mention resolved to an ACLED-style canonical name.

    >>> Actor(name="Military Forces of Syria (2000-2024)", inter=1, text="regime").inter
    1
    """

    name: str
    inter: int
    text: str = ""
    start: int = -1
    end: int = -1
    country: str | None = None
    #: the wider side the actor belongs to ("government", "opposition", ...)
    affiliation: str | None = None
    #: True for generic actors built from patterns (Protesters (X), Unidentified Armed Group (X))
    generic: bool = False


@dataclass
class Claim(_Record):
    """A casualty, capture or damage figure, kept with whoever claimed it.

    Numbers are the conservative reading of the wording ("dozens" -> 12);
    ``qualifier`` keeps "more than", "at least", "dozens" and so on.
    """

    claimant: str | None
    killed: int | None = None
    wounded: int | None = None
    killed_or_wounded: int | None = None
    captured: int | None = None
    qualifier: str | None = None
    #: whose casualties: a side's name, "civilians", or None when unknown
    about: str | None = None
    text: str = ""
    start: int = -1
    end: int = -1


@dataclass
class Event(_Record):
    """One ACLED-style event, with the evidence for its fields.

    Field names and vocabulary follow ACLED's export. ``report_ids`` keeps the
    ids of every report the event was coded from, so events can later be merged
    across reports.
    """

    event_date: date | None
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int = 0
    source: str | None = None
    notes: str = ""
    claims: list[Claim] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.0
    contested: bool = False
    report_ids: list[str] = field(default_factory=list)


@dataclass
class TerritoryChange(_Record):
    """A place that changed hands: ``{place, to_actor, from_actor, date, evidence}``."""

    place: str
    to_actor: str | None
    from_actor: str | None
    date: date | None
    evidence: list[Evidence] = field(default_factory=list)
    location: Place | None = None


@dataclass
class Displacement(_Record):
    """People fleeing a place.

    ``{origin, destination, count_text, count_estimate, reporter, date, evidence}``.
    """

    origin: str | None
    destination: str | None
    count_text: str | None
    count_estimate: int | None
    reporter: str | None
    date: date | None
    evidence: list[Evidence] = field(default_factory=list)
    origin_place: Place | None = None
    destination_place: Place | None = None


@dataclass
class Report(_Record):
    """Everything frontwatch extracted from one report (the unit of ``extract``)."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    provenance: Provenance = field(default_factory=Provenance)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    displacements: list[Displacement] = field(default_factory=list)
    territory: list[TerritoryChange] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The ``extract --format json`` object; keys in the documented order."""
        data = super().to_dict()
        order = [
            "id",
            "title",
            "published",
            "source",
            "url",
            "provenance",
            "events",
            "places",
            "displacements",
            "territory",
            "text",
        ]
        return {key: data[key] for key in order}
