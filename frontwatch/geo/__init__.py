"""Gazetteer and geoparsing: names to coordinates, admin units and ``Place`` records."""

from __future__ import annotations

from frontwatch.geo.gazetteer import Candidate, Gazetteer, GazetteerEntry
from frontwatch.geo.normalise import normalise_name
from frontwatch.geo.places import find_places
from frontwatch.geo.polygons import AdminUnits

__all__ = [
    "AdminUnits",
    "Candidate",
    "Gazetteer",
    "GazetteerEntry",
    "find_places",
    "normalise_name",
]
