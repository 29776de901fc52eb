"""ACLED-style CSV export: the column order and stable event ids.

Column order follows ACLED's 2023+ export (ACLED_CODING_NOTES §10) restricted to
the columns frontwatch fills (no region, source_scale, tags or timestamp), then
frontwatch's extras: the casualty claims and evidence spans as JSON text, the
coder's confidence, whether the figures are contested, and the report ids.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from frontwatch.models import Event

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "claims",
    "evidence",
    "confidence",
    "contested",
    "report_ids",
)

#: the Event fields hashed into ``event_id_cnty``: what identifies an event, not
#: what a later merge may revise (fatalities, confidence, claims).
_ID_FIELDS: tuple[str, ...] = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "latitude",
    "longitude",
    "notes",
)


def event_id_cnty(event: Event) -> str:
    """A stable id for ``event``: ``FW<iso>-<10 hex digits>``.

    ``<iso>`` is the ISO 3166 numeric country code zero-padded to 3 digits
    ("000" when unknown) — ACLED prefixes its ids with the country too. The
    digits are the start of a SHA-256 over the sorted report ids and the fields
    that identify the event, so re-running the pipeline on the same reports
    gives the same ids. Identical events from the same reports collide; the
    writers then add ``-2``, ``-3``... (see :func:`iter_event_ids`).

    >>> from datetime import date
    >>> e = Event(date(2024, 1, 2), 1, "Political violence", "Battles", "Armed clash", "A", iso=760)
    >>> event_id_cnty(e).startswith("FW760-") and len(event_id_cnty(e)) == 16
    True
    """
    key: dict[str, Any] = {"report_ids": sorted(event.report_ids)}
    for name in _ID_FIELDS:
        value = getattr(event, name)
        key[name] = value.isoformat() if hasattr(value, "isoformat") else value
    blob = json.dumps(key, sort_keys=True, ensure_ascii=False).encode("utf-8")
    digest = hashlib.sha256(blob).hexdigest()[:10]
    iso = f"{event.iso:03d}" if isinstance(event.iso, int) and event.iso >= 0 else "000"
    return f"FW{iso}-{digest}"


def iter_event_ids(events: Iterable[Event]) -> Iterator[tuple[str, Event]]:
    """Pair each event with its id, suffixing repeats so ids are unique in one export."""
    seen: dict[str, int] = {}
    for event in events:
        base = event_id_cnty(event)
        seen[base] = seen.get(base, 0) + 1
        yield (base if seen[base] == 1 else f"{base}-{seen[base]}"), event


def event_record(event: Event, event_id: str) -> dict[str, Any]:
    """The ACLED columns of ``event`` as Python values (claims/evidence as lists of dicts)."""
    data = event.to_dict()
    record: dict[str, Any] = {}
    for column in ACLED_COLUMNS:
        if column == "event_id_cnty":
            record[column] = event_id
        elif column == "year":
            record[column] = event.event_date.year if event.event_date else None
        else:
            record[column] = data[column]
    return record


def _csv_cell(column: str, value: Any) -> str:
    """Render one CSV cell: JSON text for lists, true/false for booleans, "" for None."""
    if value is None:
        return ""
    if column in ("claims", "evidence", "report_ids"):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_events_csv(events: Iterable[Event], out: TextIO) -> int:
    """Write a header and one row per event in :data:`ACLED_COLUMNS` order; return the rows.

    Rows end in ``\\n``; fields holding commas, quotes or newlines are quoted (RFC 4180),
    so open ``out`` with ``newline=""``.
    """
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ACLED_COLUMNS)
    rows = 0
    for event_id, event in iter_event_ids(events):
        record = event_record(event, event_id)
        writer.writerow([_csv_cell(c, record[c]) for c in ACLED_COLUMNS])
        rows += 1
    return rows
