"""GeoJSON export of events (RFC 7946: coordinates are [longitude, latitude])."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from frontwatch.export.acled import event_record, iter_event_ids
from frontwatch.models import Event


def has_coordinates(event: Event) -> bool:
    """True when the event has finite latitude and longitude in range."""
    lat, lon = event.latitude, event.longitude
    if lat is None or lon is None:
        return False
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return False
    return -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0


def events_geojson(events: Iterable[Event]) -> dict[str, Any]:
    """A FeatureCollection with one Point feature per event that has coordinates.

    Properties are the ACLED columns (``claims``/``evidence`` as lists of objects,
    ``report_ids`` as a list). Ids are assigned over *all* events before the
    ones without coordinates are skipped, so they match the CSV export.
    """
    features: list[dict[str, Any]] = []
    for event_id, event in iter_event_ids(events):
        if not has_coordinates(event):
            continue
        properties = event_record(event, event_id)
        features.append(
            {
                "type": "Feature",
                "id": event_id,
                "geometry": {
                    "type": "Point",
                    "coordinates": [event.longitude, event.latitude],
                },
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}
