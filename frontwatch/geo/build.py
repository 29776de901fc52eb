"""Build the shipped gazetteer files from the sources in ``shared/gazetteer``.

Run through ``scripts/build_gazetteer.py``. Output (deterministic: sorted rows,
gzip without timestamps):

- ``gazetteer.tsv.gz``: one place a row (columns :data:`COLUMNS`, names joined by ``|``)
- ``syria_admin3.geojson.gz``: simplified sub-district polygons carrying admin1-3
  names and P-codes, for point-in-polygon
- ``boundaries_admin1.geojson`` / ``boundaries_admin2.geojson``: coarser outlines
  for the map background
"""

from __future__ import annotations

import gzip
import json
import math
import statistics
import struct
import sys
from array import array
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontwatch.errors import DataFileError
from frontwatch.geo.build_sources import (
    COUNTRY_CENTRES,
    Row,
    admin2_rows,
    country_rows,
    curated_rows,
    derive_admin1_names,
    geonames_rows,
    ocha_admin_rows,
    syria_map_rows,
    world_feature_rows,
)
from frontwatch.geo.gazetteer import _INDEX_MAGIC, COLUMNS
from frontwatch.geo.normalise import normalise_name

GAZETTEER_FILE = "gazetteer.tsv.gz"
INDEX_FILE = "gazetteer_index.bin.gz"
INDEX_MAGIC = _INDEX_MAGIC
POLYGON_FILE = "syria_admin3.geojson.gz"
#: Simplification tolerances in degrees (~0.1 km for lookup, ~1-2 km for drawing).
LOCATE_TOLERANCE = 0.001
DRAW_TOLERANCE = {1: 0.01, 2: 0.006}
# Same name within this distance (degrees) = the same place seen by two sources.
_MERGE_DISTANCE = 0.05
# Lower number wins when two sources describe the same place.
_SOURCE_RANK = {"ocha": 0, "cur": 1, "gn": 2, "swm": 3}


@dataclass(frozen=True)
class BuildStats:
    """What a build wrote."""

    places: int
    syrian_places: int
    names: int
    merged: int
    bytes_written: int
    #: (country, GeoNames admin1 code) pairs named from the admin1-names source
    admin1_pairs: int = 0
    #: share of non-Syrian towns that carry an admin1 name
    admin1_share: float = 0.0


def _read_polygons(ocha_dir: Path, level: int) -> list[tuple[dict[str, str], Any]]:
    import shapefile
    from shapely.geometry import shape

    try:
        reader = shapefile.Reader(str(ocha_dir / f"syr_admin{level}"), encoding="utf-8")
    except (OSError, shapefile.ShapefileException) as exc:
        raise DataFileError(f"{ocha_dir}/syr_admin{level}.shp: cannot read ({exc})") from exc
    out = []
    for shape_rec in reader.iterShapeRecords():
        rec = shape_rec.record.as_dict()
        props = {}
        for up in range(1, level + 1):
            props[f"admin{up}"] = rec[f"adm{up}_name"]
            props[f"admin{up}_pcode"] = rec[f"adm{up}_pcode"]
        out.append((props, shape(shape_rec.shape.__geo_interface__).buffer(0)))
    out.sort(key=lambda item: item[0][f"admin{level}_pcode"])
    return out


def _round_coords(obj: Any, digits: int) -> Any:
    if isinstance(obj, float):
        return round(obj, digits)
    if isinstance(obj, list | tuple):
        return [_round_coords(v, digits) for v in obj]
    return obj


def _feature_collection(
    polygons: list[tuple[dict[str, str], Any]], level: int, tolerance: float
) -> dict[str, Any]:
    from shapely.geometry import mapping

    features = []
    for props, geom in polygons:
        simple = geom.simplify(tolerance, preserve_topology=True)
        properties = dict(props)
        properties["name"] = props[f"admin{level}"]
        properties["pcode"] = props[f"admin{level}_pcode"]
        features.append(
            {
                "type": "Feature",
                "properties": properties,
                "geometry": _round_coords(mapping(simple), 4),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _assign_admin(rows: list[Row], admin3: list[tuple[dict[str, str], Any]]) -> None:
    """Fill admin1-3 and P-codes of Syrian rows with coordinates (full-resolution polygons)."""
    from shapely import STRtree
    from shapely.geometry import Point

    tree = STRtree([geom for _, geom in admin3])
    for row in rows:
        if row["country_code"] != "SY" or row["latitude"] == "" or row["id"].startswith("ocha:"):
            continue
        point = Point(row["longitude"], row["latitude"])
        hits = tree.query(point, predicate="intersects")
        if len(hits) == 0:
            idx = tree.nearest(point)
            if admin3[idx][1].distance(point) > 0.1:
                continue  # outside Syria (a border post on the far side)
            hits = [idx]
        row.update(admin3[int(min(hits))][0])


def _fill_from_admin_names(rows: list[Row], admin_rows: list[Row]) -> None:
    """Curated rows without coordinates: OCHA names, P-codes and the centroid of the unit."""
    by_key: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for unit in admin_rows:
        for name in [unit["name"], *unit["names"]]:
            by_key[(unit["feature"], normalise_name(name))].append(unit)
    for row in rows:
        if row["latitude"] != "":
            continue
        wanted_admin1 = normalise_name(row["admin1"]) if row["admin1"] else ""
        best: Row | None = None
        for level in (3, 2, 1):
            name = row[f"admin{level}"]
            units = by_key.get((f"admin{level}", normalise_name(name)), []) if name else []
            # A sub-district name must sit in the stated governorate (names repeat).
            units = [
                u
                for u in units
                if not wanted_admin1 or normalise_name(u["admin1"]) == wanted_admin1
            ]
            if units:
                best = units[0]
                break
        for level in (1, 2, 3):
            row[f"admin{level}"] = row[f"admin{level}_pcode"] = ""
        if best is not None:
            level = int(best["feature"][-1])
            for up in range(1, level + 1):
                row[f"admin{up}"] = best[f"admin{up}"]
                row[f"admin{up}_pcode"] = best[f"admin{up}_pcode"]
            row.update(latitude=best["latitude"], longitude=best["longitude"])
            row["precision"] = 2 if level == 3 else 3
            row["feature"] = "populated place"


def _merge_duplicates(rows: list[Row]) -> tuple[list[Row], int]:
    """Join rows for the same Syrian place from several sources (same key, close together)."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row["country_code"] == "SY" and row["feature"] not in ("country",):
            groups[normalise_name(row["name"])].append(row)
    dropped: set[str] = set()
    for group in groups.values():
        group.sort(key=lambda r: (_SOURCE_RANK.get(r["id"].split(":")[0], 9), r["id"]))
        for i, keep in enumerate(group):
            if keep["id"] in dropped or keep["latitude"] == "":
                continue
            for other in group[i + 1 :]:
                if other["id"] in dropped or other["latitude"] == "":
                    continue
                near = (
                    abs(keep["latitude"] - other["latitude"]) < _MERGE_DISTANCE
                    and abs(keep["longitude"] - other["longitude"]) < _MERGE_DISTANCE
                )
                # A curated village placed only by its admin unit takes the first
                # source's exact point in the same governorate.
                placed = keep["precision"] > 1 and keep["feature"] == "populated place"
                if placed and other["admin1"] == keep["admin1"]:
                    near = True
                    for col in ("latitude", "longitude", "admin2", "admin2_pcode"):
                        keep[col] = other[col]
                    keep.update({c: other[c] for c in ("admin3", "admin3_pcode")}, precision=1)
                # An admin unit absorbs only its own seat town, never a hill or base.
                if near and (other["feature"] == keep["feature"] or keep["id"][:3] != "och"):
                    if keep["id"].startswith("gn:") and other["id"].startswith("swm:"):
                        # English map labels ("Hama") read better than GeoNames' ("Ḩamāh").
                        keep["name"], other["name"] = other["name"], keep["name"]
                    keep["names"] = [*keep["names"], other["name"], *other["names"]]
                    keep["mark"] = keep["mark"] or other["mark"]
                    dropped.add(other["id"])
    return [r for r in rows if r["id"] not in dropped], len(dropped)


def _cell_centre(points: list[tuple[float, float]], cell: float) -> tuple[float, float]:
    """Area centre of a set of towns: the mean of the grid cells they occupy.

    Towns crowd where people live (the median of all towns of the US lies in
    Ohio); averaging occupied cells weighs land, not people. Cells far from the
    median (overseas islands, Alaska-like exclaves) are left out.
    """
    cells = {(math.floor(lat / cell), math.floor(lon / cell)) for lat, lon in points}
    mid_lat = statistics.median(c[0] for c in cells)
    mid_lon = statistics.median(c[1] for c in cells)
    spread = max(8.0 / cell, 1.0)
    near = [c for c in cells if abs(c[0] - mid_lat) <= spread and abs(c[1] - mid_lon) <= 2 * spread]
    near = near or list(cells)
    lat = (sum(c[0] for c in near) / len(near) + 0.5) * cell
    lon = (sum(c[1] for c in near) / len(near) + 0.5) * cell
    return round(lat, 4), round(lon, 4)


def _fill_centres(rows: list[Row]) -> None:
    """Countries and first-level regions: a published centre, else the cell centre of towns.

    First-level regions outside Syria also get the summed population of their towns.
    """
    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    people: dict[str, int] = defaultdict(int)
    for row in rows:
        if row["feature"] == "populated place" and row["latitude"] != "":
            towns[row["country_code"]].append((row["latitude"], row["longitude"]))
            if row["admin1"] and row["country_code"] != "SY":
                key = f"{row['country_code']}/{row['admin1']}"
                towns[key].append((row["latitude"], row["longitude"]))
                people[key] += row["population"] or 0
    for row in rows:
        if row["feature"] == "admin1" and row["country_code"] != "SY" and not row["population"]:
            row["population"] = people.get(f"{row['country_code']}/{row['admin1']}", 0)
        if row["latitude"] != "":
            continue
        country = row["feature"] == "country"
        known = COUNTRY_CENTRES.get(row["country_code"]) if country else None
        if known is not None:
            row["latitude"], row["longitude"] = known
            continue
        key = row["country_code"] if country else f"{row['country_code']}/{row['admin1']}"
        points = towns.get(key)
        if points:
            row["latitude"], row["longitude"] = _cell_centre(points, 1.0 if country else 0.25)


def _row_line(row: Row) -> str:
    names = [n for n in dict.fromkeys(row["names"]) if n and n != row["name"]]
    values = []
    for col in COLUMNS:
        value = "|".join(names) if col == "names" else row[col]
        if isinstance(value, float):
            value = f"{value:.5f}".rstrip("0").rstrip(".")
        values.append(str(value).replace("\t", " ").replace("\n", " "))
    return "\t".join(values)


def build_gazetteer(
    shared_dir: Path, out_dir: Path, admin1_names_csv: Path | None = None
) -> BuildStats:
    """Build every shipped gazetteer file from ``shared_dir/gazetteer`` into ``out_dir``.

    ``admin1_names_csv`` (GeoNames cities1000 with admin1 names, see
    :func:`~frontwatch.geo.build_sources.derive_admin1_names`) names the
    first-level regions outside Syria; without it only the US, UK, Canadian,
    Australian and French ones are named.
    """
    from frontwatch.geo.places import _common_words

    src = shared_dir / "gazetteer"
    ocha_dir = src / "ocha_syria_admin"
    if not ocha_dir.is_dir():
        raise DataFileError(f"{ocha_dir}: OCHA admin boundaries not found")
    out_dir.mkdir(parents=True, exist_ok=True)
    admin3_polygons = _read_polygons(ocha_dir, 3)
    admin_rows = ocha_admin_rows(ocha_dir)
    curated = curated_rows(src / "curated_idlib.csv")
    _fill_from_admin_names(curated, admin_rows)
    countries_csv = Path(__file__).resolve().parents[1] / "data" / "countries.csv"
    admin1_names = derive_admin1_names(admin1_names_csv) if admin1_names_csv else {}
    rows = [
        *admin_rows,
        *curated,
        *syria_map_rows(src / "syria_map_places.csv"),
        *geonames_rows(admin1_names, _common_words()),
        *(admin2_rows(admin1_names_csv) if admin1_names_csv else []),
        *country_rows(countries_csv),
        *world_feature_rows(),
    ]
    _assign_admin(rows, admin3_polygons)
    for row in rows:
        if row["id"].startswith("wf:"):
            # A region or river spans many sub-districts: keep its governorate only.
            row.update(admin2="", admin2_pcode="", admin3="", admin3_pcode="")
    rows, merged = _merge_duplicates(rows)
    _fill_centres(rows)
    rows = [r for r in rows if r["latitude"] != ""]
    rows.sort(key=lambda r: r["id"])
    header = "\t".join(COLUMNS)
    body = "\n".join(_row_line(r) for r in rows)
    written = _write_gzip(out_dir / GAZETTEER_FILE, f"{header}\n{body}\n".encode())
    written += _write_gzip(out_dir / INDEX_FILE, encode_index(rows))
    locate = _feature_collection(admin3_polygons, 3, LOCATE_TOLERANCE)
    locate_json = json.dumps(locate, separators=(",", ":"), ensure_ascii=False)
    written += _write_gzip(out_dir / POLYGON_FILE, locate_json.encode())
    for level in (1, 2):
        fc = _feature_collection(_read_polygons(ocha_dir, level), level, DRAW_TOLERANCE[level])
        path = out_dir / f"boundaries_admin{level}.geojson"
        path.write_text(json.dumps(fc, separators=(",", ":"), ensure_ascii=False), "utf-8")
        written += path.stat().st_size
    abroad = [r for r in rows if r["feature"] == "populated place" and r["country_code"] != "SY"]
    return BuildStats(
        admin1_pairs=len(admin1_names),
        admin1_share=sum(1 for r in abroad if r["admin1"]) / max(1, len(abroad)),
        places=len(rows),
        syrian_places=sum(1 for r in rows if r["country_code"] == "SY"),
        names=sum(1 + len(r["names"]) for r in rows),
        merged=merged,
        bytes_written=written,
    )


def encode_index(rows: list[Row]) -> bytes:
    """The name index: magic, pair count, row numbers (uint32 LE), then the sorted keys.

    Key ``i`` (line ``i`` of the key block) names row ``rows[i]``; keys repeat
    when several places share a name. Loading is two C-speed splits, and a
    lookup is a bisection: no dictionary is built at start-up.
    """
    pairs = sorted(
        {
            (key, number)
            for number, row in enumerate(rows)
            for key in map(normalise_name, [row["name"], *row["names"]])
            if key
        }
    )
    numbers = array("I", (number for _, number in pairs))
    if sys.byteorder != "little":
        numbers.byteswap()
    keys = "\n".join(key for key, _ in pairs).encode("utf-8")
    return INDEX_MAGIC + struct.pack("<I", len(pairs)) + numbers.tobytes() + keys


def _write_gzip(path: Path, data: bytes) -> int:
    # mtime=0 and no file name in the header: identical input gives identical bytes.
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)
    return path.stat().st_size
