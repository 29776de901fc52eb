"""Storage: the SQLite event database and the JSON codec for stored records."""

from __future__ import annotations

from frontwatch.store.codec import event_from_dict, report_from_dict
from frontwatch.store.database import EventStore, SummaryRow
from frontwatch.store.schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "EventStore",
    "SummaryRow",
    "event_from_dict",
    "report_from_dict",
]
