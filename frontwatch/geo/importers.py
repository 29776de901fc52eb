"""Import user place data into the user gazetteer: GeoNames dumps, OCHA location lists, CSV.

Each reader turns a user file into rows of the shipped gazetteer's TSV format
(:data:`~frontwatch.geo.gazetteer.COLUMNS`, written by the same code as the
build), and :func:`import_file` writes them as one gzip file of the user
gazetteer directory. :func:`user_gazetteer_paths` lists those files for
``Settings.gazetteer_paths``, so imported places take part in every later lookup.

Formats:

``geonames``  a GeoNames country dump (``SY.txt``, or ``SY.zip`` holding it): 19
              tab-separated columns, no header. Populated places, admin units 1-3
              and the feature kinds the shipped gazetteer uses (hills, airports,
              bases, dams, ports, border posts, oil fields, industrial sites,
              refugee camps) are kept, with their alternate names.
``ocha``      an OCHA humanitarian locations / COD populated-places list (CSV or
              JSON): ``admin1Name_en``/``adm1_name``, ``admin1Pcode``/``adm1_pcode``
              ... ``admin4Name_en``/``location``, ``admin4Pcode``/``loc_pcode``,
              ``latitude``/``lat``/``y``/``y_coord``, ``longitude``/``lon``/``x``/
              ``x_coord``, Arabic names (``admin4Name_ar``, ``name1``). Column names
              are case-insensitive and the ``_en`` suffix is optional.
``csv``       a generic CSV: ``name``, ``alternate_names`` (``;`` or ``|``),
              ``latitude``, ``longitude``, optional ``feature``, ``country`` (alpha-2
              or name), ``admin1``-``admin3``.

Imported ids carry a prefix per source (``user-gn:``, ``user-ocha:``,
``user-csv:``) so they never clash with the shipped ids (``gn:``, ``ocha:``...).
Every bad file or row raises :class:`~frontwatch.errors.InputError` naming the
file and row; nothing is written then.

>>> user_gazetteer_dir(Path("/data/fw"))
PosixPath('/data/fw')
>>> detect_format(Path("SY.zip"))
'geonames'
>>> _canonical("admin4Name_en"), _canonical("ADM4_PCODE"), _canonical("y_coord")
('admin4name', 'admin4pcode', 'ycoord')
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontwatch.errors import DataFileError, InputError
from frontwatch.geo.build import _row_line, _write_gzip
from frontwatch.geo.build_sources import Row, dedupe_names, new_row
from frontwatch.geo.gazetteer import COLUMNS, Gazetteer, _read_rows

FORMATS = ("geonames", "ocha", "csv")
#: The id prefix of each source's rows (shipped ids use gn:, ocha:, cur:, swm:, cc:...).
ID_PREFIX = {"geonames": "user-gn", "ocha": "user-ocha", "csv": "user-csv"}
USER_SUFFIX = ".tsv.gz"
#: Environment variable naming frontwatch's data home (user gazetteer: ``<home>/gazetteer``).
HOME_VARIABLE = "FRONTWATCH_HOME"
GEONAMES_COLUMNS = 19
#: Same name within this distance (degrees, ~5 km) and country = a place already known.
KNOWN_DISTANCE = 0.05
#: At most this many alternate names per place (GeoNames capitals have hundreds).
MAX_ALTERNATES = 40

# GeoNames feature codes kept outside classes P and A, in the shipped gazetteer's vocabulary.
_GEONAMES_CODES = {
    **dict.fromkeys(("HLL", "HLLS", "MT", "MTS", "PK", "PKS", "RDGE"), "hill"),
    **dict.fromkeys(("AIRP", "AIRF"), "airport"),
    "AIRH": "heliport",
    **dict.fromkeys(("AIRB", "MILB", "INSM", "BRKS"), "military base"),
    "DAM": "dam",
    **dict.fromkeys(("PRT", "PRTS"), "port"),
    "PSTB": "border crossing",
    "OILF": "oil field",
    "INDS": "industrial site",
    "CMPRF": "refugee camp",
}
_GEONAMES_ADMIN = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3"}
# Feature words of a generic CSV that mean a populated place.
_PLACE_WORDS = frozenset(
    {"", "populated place", "place", "village", "town", "city", "settlement", "ppl"}
)
_CODE = re.compile(r"^[A-Z0-9]{2,4}$")  # IATA/ICAO codes among GeoNames alternates
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")

# Canonical column names (see _canonical) accepted for each field.
_LAT = ("latitude", "lat", "y", "ycoord", "centerlat", "centrelat", "latdd")
_LON = ("longitude", "lon", "long", "lng", "x", "xcoord", "centerlon", "centrelon", "londd")
_LOCATION_NAME = (
    "admin4name",
    "admin4",
    "locationname",
    "location",
    "locname",
    "communityname",
    "community",
    "placename",
    "name",
)
_LOCATION_PCODE = (
    "admin4pcode",
    "locationpcode",
    "locpcode",
    "communitypcode",
    "placepcode",
    "pcode",
)
_LOCATION_ALTERNATES = (
    "admin4namear",
    "admin4ar",
    "locationnamear",
    "locationar",
    "namear",
    "admin4name1",
    "admin4name2",
    "admin4name3",
    "admin4refn",
    "name1",
    "name2",
    "name3",
    "alternatenames",
    "altnames",
)
_COUNTRY = ("admin0pcode", "countrycode", "iso2", "country", "admin0name", "admin0", "cc")
_ALTERNATES = ("alternatenames", "alternatename", "altnames", "aliases", "variants", "names")
_FEATURE = ("feature", "featuretype", "type")


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: ``places`` rows to ``path`` (None when nothing was new)."""

    path: Path | None
    source: Path
    format: str
    places: int
    #: rows already in the gazetteer (same name close by, or the same id)
    known: int
    #: rows of other feature kinds, or other countries than ``--country``
    ignored: int


# -- where user data lives ------------------------------------------------------


def frontwatch_home(environ: Mapping[str, str] | None = None) -> Path:
    """frontwatch's data home: ``$FRONTWATCH_HOME``, else ``$XDG_DATA_HOME/frontwatch``,
    else ``~/.local/share/frontwatch``.

    >>> frontwatch_home({"FRONTWATCH_HOME": "/srv/fw"})
    PosixPath('/srv/fw')
    """
    env = os.environ if environ is None else environ
    if env.get(HOME_VARIABLE):
        return Path(env[HOME_VARIABLE]).expanduser()
    if env.get("XDG_DATA_HOME"):
        return Path(env["XDG_DATA_HOME"]).expanduser() / "frontwatch"
    return Path.home() / ".local" / "share" / "frontwatch"


def user_gazetteer_dir(data_dir: Path | None = None) -> Path:
    """The user gazetteer directory: ``data_dir`` when given, else ``<home>/gazetteer``."""
    return Path(data_dir) if data_dir is not None else frontwatch_home() / "gazetteer"


def user_gazetteer_paths(data_dir: Path | None = None) -> tuple[Path, ...]:
    """The imported gazetteer files (``*.tsv.gz``, sorted by name) for Settings.gazetteer_paths.

    Reads the environment (``FRONTWATCH_HOME``) only when ``data_dir`` is None; the
    library never calls this itself: the CLI does.

    >>> user_gazetteer_paths(Path("/nonexistent"))
    ()
    """
    folder = user_gazetteer_dir(data_dir)
    if not folder.is_dir():
        return ()
    return tuple(
        sorted(p for p in folder.glob(f"*{USER_SUFFIX}") if p.is_file() and p.name[0] != ".")
    )


def user_files(data_dir: Path | None = None) -> list[tuple[Path, int]]:
    """Each user gazetteer file with its number of places."""
    return [(path, len(_read_rows(path))) for path in user_gazetteer_paths(data_dir)]


# -- small helpers ---------------------------------------------------------------


def _canonical(column: str) -> str:
    """A column name folded for matching: lowercase, no ``_en``, ``adm1`` -> ``admin1``."""
    text = column.strip().lstrip("\ufeff").lower()
    text = re.sub(r"[_\- ]en$", "", text)
    text = re.sub(r"^adm(?=\d)", "admin", text)
    return re.sub(r"[^a-z0-9]", "", text)


def _pick(record: Mapping[str, str], keys: Sequence[str]) -> str:
    """The first non-empty value among canonical ``keys``."""
    for key in keys:
        value = record.get(key, "").strip()
        if value:
            return value
    return ""


def _clean_name(name: str) -> str:
    """A name safe in the TSV (no tabs, newlines or the ``|`` names separator)."""
    return " ".join(re.sub(r"[\t\r\n|]", " ", name).split())


def _coordinate(value: str, low: float, high: float, what: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{what} {value!r} is not a number") from None
    if not math.isfinite(number) or not low <= number <= high:
        raise ValueError(f"{what} {value} is out of range ({low:g} to {high:g})")
    return round(number, 5)


def _coordinates(lat: str, lon: str) -> tuple[float, float]:
    """Validated (latitude, longitude); ValueError says which one is bad."""
    if not lat or not lon:
        raise ValueError("no coordinates (latitude and longitude are required)")
    return _coordinate(lat, -90.0, 90.0, "latitude"), _coordinate(lon, -180.0, 180.0, "longitude")


def _country_code(value: str) -> str:
    """ISO alpha-2 for a code or country name ("SY", "SYR", "Syria"); ValueError if unknown."""
    from frontwatch.countries import load_countries

    table = load_countries()
    country = (table.get(value) if len(value) <= 3 else None) or table.find(value)
    if country is None:
        raise ValueError(f"unknown country {value!r} (use an ISO alpha-2 code such as SY)")
    return country.alpha2


def _alternates(name: str, names: Sequence[str]) -> list[str]:
    cleaned = [_clean_name(n) for n in names]
    return dedupe_names(name, [n for n in cleaned if n and "://" not in n])[:MAX_ALTERNATES]


def _decode(data: bytes, origin: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"not UTF-8 text (byte {exc.start})") from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(str(path), "is a directory, not a file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror})") from None


# -- format detection ------------------------------------------------------------


def detect_format(path: Path) -> str:
    """``geonames``, ``ocha`` or ``csv``, from the file name and its first line.

    InputError when the file gives no clue (pass ``fmt`` explicitly then).
    """
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return "geonames"
    if suffix in (".json", ".geojson"):
        return "ocha"
    head = _first_line(path)
    fields = head.split("\t")
    if len(fields) == GEONAMES_COLUMNS and fields[0].strip().isdigit():
        return "geonames"
    columns = {_canonical(c) for c in _split_header(head)}
    if any(re.fullmatch(r"admin[0-4]pcode|locpcode|locationpcode", c) for c in columns):
        return "ocha"
    if "name" in columns:
        return "csv"
    if any(re.fullmatch(r"admin[1-4](name)?", c) for c in columns):
        return "ocha"
    raise InputError(str(path), "cannot tell the format (use --format geonames, ocha or csv)")


def _first_line(path: Path) -> str:
    text = _decode(_read_bytes(path)[:65536], str(path))
    for line in text.splitlines():
        if line.strip():
            return line
    raise InputError(str(path), "the file is empty")


def _split_header(line: str) -> list[str]:
    delimiter = _delimiter(line)
    return next(csv.reader([line], delimiter=delimiter))


def _delimiter(line: str) -> str:
    return max(",;\t", key=line.count)


# -- GeoNames ----------------------------------------------------------------------


def _geonames_lines(path: Path) -> Iterator[str]:
    """Text lines of a GeoNames dump, from a ``.txt`` or from the ``.txt`` inside a zip."""
    if path.suffix.lower() != ".zip":
        yield from _decode(_read_bytes(path), str(path)).splitlines()
        return
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                n
                for n in archive.namelist()
                if n.lower().endswith(".txt") and "readme" not in n.lower()
            ]
            wanted = [n for n in members if Path(n).stem == path.stem] or members
            if not wanted:
                raise InputError(str(path), "the zip holds no GeoNames .txt file")
            with archive.open(wanted[0]) as member:
                data = member.read()
    except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile) as exc:
        raise InputError(str(path), f"not a readable zip file ({exc})") from None
    yield from _decode(data, f"{path}!{wanted[0]}").splitlines()


def read_geonames(path: Path, country: str | None = None) -> tuple[list[Row], int]:
    """Rows from a GeoNames dump, and how many lines were ignored (other kinds/countries).

    Admin names come from the dump's own ADM1/ADM2/ADM3 rows (matched by admin
    codes); Syrian rows get OCHA's names later from :func:`fill_admin`.
    """
    origin = str(path)
    wanted_country = country.upper() if country else None
    records: list[tuple[int, list[str], str]] = []
    admin_names: dict[tuple[str, ...], str] = {}
    ignored = 0
    seen_data = False
    for number, line in enumerate(_geonames_lines(path), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        seen_data = True
        f = line.split("\t")
        row_origin = f"{origin} row {number}"
        if len(f) != GEONAMES_COLUMNS:
            raise InputError(
                row_origin, f"expected {GEONAMES_COLUMNS} tab-separated columns, found {len(f)}"
            )
        if not f[0].strip().isdigit():
            raise InputError(row_origin, f"geonameid {f[0]!r} is not a number")
        if wanted_country and f[8] != wanted_country:
            ignored += 1
            continue
        feature = _geonames_feature(f[6], f[7])
        if feature is None:
            ignored += 1
            continue
        if feature in _GEONAMES_ADMIN.values():
            level = int(feature[-1])
            admin_names[(f[8], *f[10 : 10 + level])] = f[1]
        records.append((number, f, feature))
    if not seen_data:
        raise InputError(origin, "no GeoNames rows (the file is empty)")
    rows = [
        _geonames_row(f, feature, admin_names, f"{origin} row {n}") for n, f, feature in records
    ]
    return rows, ignored


def _geonames_feature(feature_class: str, code: str) -> str | None:
    if feature_class == "P":
        return "neighbourhood" if code == "PPLX" else "populated place"
    if feature_class == "A":
        return _GEONAMES_ADMIN.get(code)
    if feature_class in ("S", "T", "L"):
        return _GEONAMES_CODES.get(code)
    return None


def _geonames_row(
    f: list[str], feature: str, admin_names: dict[tuple[str, ...], str], origin: str
) -> Row:
    name = _clean_name(f[1]) or _clean_name(f[2])
    if not name:
        raise InputError(origin, "no name")
    if not re.fullmatch(r"[A-Z]{2}", f[8]):
        raise InputError(origin, f"country code {f[8]!r} is not ISO alpha-2")
    try:
        lat, lon = _coordinates(f[4].strip(), f[5].strip())
    except ValueError as exc:
        raise InputError(origin, str(exc)) from None
    population = f[14].strip()
    if population and not population.isdigit():
        raise InputError(origin, f"population {population!r} is not a whole number")
    alternates = [f[2], *(a for a in f[3].split(",") if not _CODE.match(a.strip()))]
    row = new_row(
        id=f"{ID_PREFIX['geonames']}:{f[0].strip()}",
        name=name,
        latitude=lat,
        longitude=lon,
        country_code=f[8],
        feature=feature,
        population=int(population or 0),
        precision=1 if feature not in ("admin1", "admin2") else 3,
        names=_alternates(name, alternates),
    )
    for level in (1, 2, 3):
        unit = admin_names.get((f[8], *f[10 : 10 + level]))
        if unit and all(f[10 : 10 + level]):
            row[f"admin{level}"] = _clean_name(unit)
    return row


# -- OCHA and generic tables ------------------------------------------------------------


def _table_records(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number, record with canonical column names) from a CSV/TSV or JSON file.

    Row numbers count data rows from 1 (a JSON item is a row). HXL hashtag rows
    (``#adm1+name``) of HDX files are skipped.
    """
    origin = str(path)
    text = _decode(_read_bytes(path), origin)
    if path.suffix.lower() in (".json", ".geojson"):
        yield from _json_records(text, origin)
        return
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        raise InputError(origin, "the file is empty")
    delimiter = _delimiter(lines[start])
    reader = csv.reader(lines[start:], delimiter=delimiter, strict=True)
    try:
        header = [_canonical(c) for c in next(reader)]
        number = 0
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            number += 1
            if all(c.strip().startswith("#") for c in cells if c.strip()):
                number -= 1  # HXL tags
                continue
            if len(cells) > len(header):
                raise InputError(
                    f"{origin} row {number}",
                    f"{len(cells)} fields but the header has {len(header)} (check the quoting)",
                )
            yield number, dict(zip(header, cells, strict=False))
    except csv.Error as exc:
        raise InputError(
            f"{origin} line {start + reader.line_num}", f"malformed CSV ({exc})"
        ) from None


def _json_records(text: str, origin: str) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(origin, f"not valid JSON ({exc})") from None
    items: Any = data
    if isinstance(data, dict):
        if isinstance(data.get("features"), list):
            items = data["features"]
        else:
            lists = [v for v in data.values() if isinstance(v, list)]
            items = lists[0] if len(lists) == 1 else None
    if not isinstance(items, list):
        raise InputError(
            origin, "expected a list of location objects (or a GeoJSON FeatureCollection)"
        )
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise InputError(f"{origin} row {number}", "expected an object")
        if item.get("type") == "Feature":
            props = dict(item.get("properties") or {})
            coords = (item.get("geometry") or {}).get("coordinates")
            if isinstance(coords, list) and len(coords) >= 2:
                props.setdefault("longitude", coords[0])
                props.setdefault("latitude", coords[1])
            item = props
        yield (
            number,
            {
                _canonical(str(k)): "" if v is None else str(v)
                for k, v in item.items()
                if not isinstance(v, dict | list)
            },
        )


def _record_country(record: Mapping[str, str], default: str | None, pcode: str) -> str:
    value = _pick(record, _COUNTRY)
    if value:
        return _country_code(value)
    if default:
        return _country_code(default)
    # OCHA P-codes start with the country's alpha-2 code ("SY070501").
    for code in (pcode, *(record.get(f"admin{n}pcode", "") for n in (1, 2, 3))):
        if re.match(r"^[A-Z]{2}\d", code.strip()):
            return _country_code(code.strip()[:2])
    raise ValueError("no country (add a country column or pass --country)")


def read_ocha(path: Path, country: str | None = None, import_name: str = "ocha") -> list[Row]:
    """Rows from an OCHA humanitarian locations / COD populated-places list (CSV or JSON).

    Each row is a community (``populated place``) when the file has a location
    column; otherwise the deepest admin level named (a COD admin table).
    """
    rows: list[Row] = []
    seen: dict[str, int] = {}
    has_location: bool | None = None
    for number, record in _table_records(path):
        origin = f"{path} row {number}"
        if has_location is None:
            has_location = any(k in record for k in _LOCATION_NAME)
        try:
            row = _ocha_row(record, has_location, country, import_name, number)
        except ValueError as exc:
            raise InputError(origin, str(exc)) from None
        if row["id"] in seen:
            raise InputError(
                origin,
                f"duplicate P-code {row['id'].split(':', 1)[1]} (also row {seen[row['id']]})",
            )
        seen[row["id"]] = number
        rows.append(row)
    if not rows:
        raise InputError(str(path), "no location rows")
    return rows


def _ocha_row(
    record: Mapping[str, str],
    has_location: bool,
    country: str | None,
    import_name: str,
    number: int,
) -> Row:
    level = 4
    name = _pick(record, _LOCATION_NAME) if has_location else ""
    if has_location and not name:
        raise ValueError("no location name")
    if not has_location:
        level = next((n for n in (3, 2, 1) if _pick(record, (f"admin{n}name", f"admin{n}"))), 0)
        if not level:
            raise ValueError("no location or admin unit name")
        name = _pick(record, (f"admin{level}name", f"admin{level}"))
    if level == 4:
        pcode = _pick(record, _LOCATION_PCODE)
        alternates = [record.get(k, "") for k in _LOCATION_ALTERNATES]
    else:
        pcode = _pick(record, (f"admin{level}pcode",))
        alternates = [
            record.get(f"admin{level}{suffix}", "")
            for suffix in ("namear", "ar", "name1", "name2", "name3", "refn")
        ]
    lat, lon = _coordinates(_pick(record, _LAT), _pick(record, _LON))
    name = _clean_name(name)
    row = new_row(
        id=f"{ID_PREFIX['ocha']}:{pcode}"
        if pcode
        else f"{ID_PREFIX['ocha']}:{import_name}:{number}",
        name=name,
        latitude=lat,
        longitude=lon,
        country_code=_record_country(record, country, pcode),
        feature="populated place" if level == 4 else f"admin{level}",
        precision=3 if level in (1, 2) else 1,
        names=_alternates(name, alternates),
    )
    for up in (1, 2, 3):
        if up <= level:
            row[f"admin{up}"] = _clean_name(_pick(record, (f"admin{up}name", f"admin{up}")))
            row[f"admin{up}_pcode"] = _clean_name(_pick(record, (f"admin{up}pcode",)))
    return row


def read_places_csv(path: Path, country: str | None = None, import_name: str = "csv") -> list[Row]:
    """Rows from a generic CSV (``name, alternate_names, latitude, longitude, feature,
    country, admin1, admin2, admin3``; only name and coordinates are required)."""
    rows: list[Row] = []
    header_checked = False
    for number, record in _table_records(path):
        origin = f"{path} row {number}"
        if not header_checked:
            missing = [
                c
                for c, keys in (("name", ("name",)), ("latitude", _LAT), ("longitude", _LON))
                if not any(k in record for k in keys)
            ]
            if missing:
                raise InputError(
                    str(path), f"no {', '.join(missing)} column (columns: {', '.join(record)})"
                )
            header_checked = True
        name = _clean_name(record.get("name", ""))
        try:
            if not name:
                raise ValueError("no name")
            lat, lon = _coordinates(_pick(record, _LAT), _pick(record, _LON))
            code = _record_country(record, country, "")
        except ValueError as exc:
            raise InputError(origin, str(exc)) from None
        feature = " ".join(_pick(record, _FEATURE).lower().split())
        row = new_row(
            id=f"{ID_PREFIX['csv']}:{import_name}:{number}",
            name=name,
            latitude=lat,
            longitude=lon,
            country_code=code,
            feature="populated place" if feature in _PLACE_WORDS else feature,
            names=_alternates(name, re.split(r"[;|]", _pick(record, _ALTERNATES))),
        )
        for level in (1, 2, 3):
            row[f"admin{level}"] = _clean_name(
                _pick(record, (f"admin{level}", f"admin{level}name"))
            )
            row[f"admin{level}_pcode"] = _clean_name(_pick(record, (f"admin{level}pcode",)))
        rows.append(row)
    if not rows:
        raise InputError(str(path), "no place rows")
    return rows


# -- enriching, de-duplicating and writing ---------------------------------------------------


def fill_admin(rows: list[Row], gazetteer: Gazetteer) -> None:
    """Syrian rows get OCHA admin1-3 names and P-codes from the shipped polygons.

    GeoNames rows always (their admin names become OCHA's); OCHA and CSV rows
    only when their source gave none. Rows elsewhere keep their source's names.
    """
    for row in rows:
        if row["country_code"] != "SY" or row["feature"] in ("admin1", "admin2", "admin3"):
            continue
        if row["admin1_pcode"] or (row["admin1"] and not row["id"].startswith("user-gn:")):
            continue  # the source's own admin units (OCHA P-codes, a CSV's admin1)
        units = gazetteer.locate(row["latitude"], row["longitude"])
        if units.admin1:
            for level in (1, 2, 3):
                row[f"admin{level}"] = getattr(units, f"admin{level}") or ""
                row[f"admin{level}_pcode"] = getattr(units, f"admin{level}_pcode") or ""


def gazetteer_ids(gazetteer: Gazetteer) -> frozenset[str]:
    """Every id of ``gazetteer`` (one pass over its raw rows; ``get`` scans user rows)."""
    return frozenset(line.split("\t", 1)[0] for line in gazetteer._lines)


def is_known(row: Row, gazetteer: Gazetteer, ids: frozenset[str] | None = None) -> bool:
    """True when the gazetteer already has this place: the same id (a GeoNames id
    also as its shipped ``gn:`` id), or one of its names for a place of the same
    country within :data:`KNOWN_DISTANCE` degrees (an admin unit: same level)."""
    ids = gazetteer_ids(gazetteer) if ids is None else ids
    shipped_id = "gn:" + row["id"][8:] if row["id"].startswith("user-gn:") else None
    if row["id"] in ids or shipped_id in ids:
        return True
    admin = row["feature"] in ("admin1", "admin2", "admin3")
    for name in (row["name"], *row["names"]):
        for entry in gazetteer.exact(name):
            if entry.country_code != row["country_code"]:
                continue
            if admin and entry.feature == row["feature"]:
                return True
            near = (
                abs(entry.latitude - row["latitude"]) < KNOWN_DISTANCE
                and abs(entry.longitude - row["longitude"]) < KNOWN_DISTANCE
            )
            if near and not admin:
                return True
    return False


def encode_rows(rows: Sequence[Row]) -> bytes:
    """The TSV text (header and rows, as the build writes them) of ``rows``, UTF-8."""
    body = "".join(_row_line(r) + "\n" for r in rows)
    return ("\t".join(COLUMNS) + "\n" + body).encode("utf-8")


def write_atomic(target: Path, rows: Sequence[Row]) -> None:
    """Write ``rows`` as a gzip TSV at ``target`` via a temporary file and ``os.replace``.

    The previous file (if any) stays intact until the new one is complete.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise DataFileError(f"{target}: cannot write ({exc.strerror or exc})") from None
    tmp_path = Path(tmp)
    try:
        _write_gzip(tmp_path, encode_rows(rows))
        os.replace(tmp_path, target)
    except OSError as exc:
        raise DataFileError(f"{target}: cannot write ({exc.strerror or exc})") from None
    finally:
        tmp_path.unlink(missing_ok=True)


def read_rows(
    path: Path, fmt: str, country: str | None = None, import_name: str = "import"
) -> tuple[list[Row], int]:
    """Rows of ``path`` in format ``fmt`` and the number of ignored rows."""
    if fmt == "geonames":
        return read_geonames(path, country)
    if fmt == "ocha":
        return read_ocha(path, country, import_name), 0
    if fmt == "csv":
        return read_places_csv(path, country, import_name), 0
    raise InputError(str(path), f"unknown format {fmt!r} (expected {', '.join(FORMATS)})")


def import_name_for(path: Path, fmt: str) -> str:
    """The default name of an import: ``<format>-<file stem>`` ("geonames-SY").

    >>> import_name_for(Path("downloads/SY.zip"), "geonames")
    'geonames-SY'
    """
    return safe_name(f"{fmt}-{path.name.split('.')[0]}")


def safe_name(name: str) -> str:
    """A file-name-safe import name ("my villages" -> "my-villages")."""
    cleaned = _SAFE_NAME.sub("-", name).strip("-.")
    if not cleaned:
        raise InputError(repr(name), "not usable as an import name")
    return cleaned


def import_file(
    path: Path,
    *,
    fmt: str | None = None,
    country: str | None = None,
    name: str | None = None,
    data_dir: Path | None = None,
    keep_duplicates: bool = False,
) -> ImportResult:
    """Read ``path`` and write its places to the user gazetteer as ``<name>.tsv.gz``.

    A later import with the same name replaces the file. Rows the gazetteer
    (shipped plus the other user files) already has are skipped unless
    ``keep_duplicates``. Nothing is written when the file has a bad row.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), "no such file")
    fmt = fmt or detect_format(path)
    label = safe_name(name) if name else import_name_for(path, fmt)
    if country:
        country = _country_or_error(country)
    rows, ignored = read_rows(path, fmt, country, label)
    target = user_gazetteer_dir(data_dir) / f"{label}{USER_SUFFIX}"
    others = [p for p in user_gazetteer_paths(data_dir) if p.resolve() != target.resolve()]
    gazetteer = Gazetteer.load(others)
    fill_admin(rows, gazetteer)
    if keep_duplicates:
        kept = rows
    else:
        ids = gazetteer_ids(gazetteer)
        kept = [r for r in rows if not is_known(r, gazetteer, ids)]
    if kept:
        write_atomic(target, kept)
    return ImportResult(
        path=target if kept else None,
        source=path,
        format=fmt,
        places=len(kept),
        known=len(rows) - len(kept),
        ignored=ignored,
    )


def _country_or_error(value: str) -> str:
    try:
        return _country_code(value)
    except ValueError as exc:
        raise InputError("--country", str(exc)) from None
