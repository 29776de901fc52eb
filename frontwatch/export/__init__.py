"""Exports: ACLED-style CSV, GeoJSON and report JSON Lines."""

from __future__ import annotations

from frontwatch.export.acled import (
    ACLED_COLUMNS,
    event_id_cnty,
    event_record,
    iter_event_ids,
    write_events_csv,
)
from frontwatch.export.geojson import events_geojson, has_coordinates
from frontwatch.export.jsonl import write_reports_jsonl

__all__ = [
    "ACLED_COLUMNS",
    "event_id_cnty",
    "event_record",
    "events_geojson",
    "has_coordinates",
    "iter_event_ids",
    "write_events_csv",
    "write_reports_jsonl",
]
