"""Point-in-polygon over the shipped (simplified) Syrian sub-district polygons."""

from __future__ import annotations

import gzip
import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontwatch.errors import DataFileError

# A point this close (degrees, ~3 km) to a polygon still belongs to it: simplified
# borders leave slivers, and border towns sit on the line.
_NEAR = 0.03


@dataclass(frozen=True)
class AdminUnits:
    """Admin names and P-codes of a point (all None where unknown)."""

    country_code: str | None = None
    admin1: str | None = None
    admin1_pcode: str | None = None
    admin2: str | None = None
    admin2_pcode: str | None = None
    admin3: str | None = None
    admin3_pcode: str | None = None


class PolygonIndex:
    """An STRtree over admin polygons whose properties carry admin1-3 and P-codes."""

    def __init__(self, feature_collection: dict[str, Any]) -> None:
        from shapely import STRtree
        from shapely.geometry import shape

        self.feature_collection = feature_collection
        features = feature_collection.get("features", [])
        self._props = [f["properties"] for f in features]
        self._tree = STRtree([shape(f["geometry"]) for f in features])

    @classmethod
    def load(cls, path: Path) -> PolygonIndex:
        """Read a gzip GeoJSON FeatureCollection written by the build."""
        try:
            data = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
            return cls(data)
        except (OSError, EOFError, ValueError, KeyError, TypeError, zlib.error) as exc:
            raise DataFileError(f"{path}: cannot read admin polygons ({exc})") from exc

    def locate(self, latitude: float, longitude: float) -> AdminUnits:
        """The unit containing the point (or within ~3 km of it); empty AdminUnits if none."""
        from shapely.geometry import Point

        point = Point(longitude, latitude)
        hits = self._tree.query(point, predicate="intersects")
        if len(hits) == 0:
            nearest = self._tree.nearest(point)
            if nearest is None or self._tree.geometries[nearest].distance(point) > _NEAR:
                return AdminUnits()
            hits = [nearest]
        props = self._props[int(min(hits))]
        return AdminUnits(
            country_code=props.get("country_code", "SY"),
            admin1=props.get("admin1"),
            admin1_pcode=props.get("admin1_pcode"),
            admin2=props.get("admin2"),
            admin2_pcode=props.get("admin2_pcode"),
            admin3=props.get("admin3"),
            admin3_pcode=props.get("admin3_pcode"),
        )
