"""The runtime gazetteer: name lookup, admin units and point-in-polygon.

Reads only the shipped files written by :mod:`frontwatch.geo.build` (plus user
files in the same TSV format). Rows stay raw text lines until asked for, and
the name index is a sorted key list searched by bisection, so loading takes
well under a second.

>>> gaz = Gazetteer.load()                                    # doctest: +SKIP
>>> gaz.lookup("Idlib", country="SY")[0].entry.admin1         # doctest: +SKIP
'Idleb'
"""

from __future__ import annotations

import bisect
import gzip
import json
import math
import struct
import sys
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from frontwatch.errors import DataFileError
from frontwatch.geo.normalise import normalise_name
from frontwatch.geo.polygons import AdminUnits, PolygonIndex

COLUMNS = (
    "id",
    "name",
    "latitude",
    "longitude",
    "country_code",
    "feature",
    "population",
    "mark",
    "precision",
    "admin1",
    "admin1_pcode",
    "admin2",
    "admin2_pcode",
    "admin3",
    "admin3_pcode",
    "names",
)
_INDEX_MAGIC = b"FWGI1\n"
FUZZY_CUTOFF = 88.0
#: How much a feature type is preferred when a name is ambiguous.
FEATURE_WEIGHT = {
    "country": 1.0,
    "continent": 1.0,
    "region": 1.0,
    "sea": 1.0,
    "river": 0.9,
    "mountains": 0.9,
    "admin1": 0.9,
    "populated place": 0.9,
    "admin2": 0.75,
    "admin3": 0.6,
}
#: Population term of units that carry no population of their own.
_UNIT_POPULATION = {
    "country": 1.0,
    "continent": 1.0,
    "admin1": 0.85,
    "region": 0.9,
    "sea": 0.9,
    "river": 0.8,
    "mountains": 0.8,
}
#: Features that are no town: continents, macro-regions, seas, rivers, ranges.
WORLD_FEATURES = frozenset({"continent", "region", "sea", "river", "mountains"})
#: A match on an alternate name (not the entry's own name) is worth this much.
ALTERNATE_QUALITY = 0.9
_OTHER_FEATURE_WEIGHT = 0.4
_ADMIN_FEATURES = ("admin1", "admin2", "admin3")
# Towns this big (or countries/admin1/continents) join the fuzzy pool without a country hint.
_WORLD_FUZZY_POPULATION = 100_000


@dataclass(frozen=True)
class GazetteerEntry:
    """One place of the gazetteer (``names`` holds the alternate spellings)."""

    id: str
    name: str
    latitude: float
    longitude: float
    country_code: str
    feature: str
    population: int = 0
    admin1: str | None = None
    admin1_pcode: str | None = None
    admin2: str | None = None
    admin2_pcode: str | None = None
    admin3: str | None = None
    admin3_pcode: str | None = None
    names: tuple[str, ...] = ()
    #: control mark from the Syrian civil-war map (about mid-2017), e.g. "gov_hill"
    mark: str | None = None
    #: 1 exact coordinates; 2/3 when the source only gave an admin unit
    precision: int = 1


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry proposed for a name: ``score`` in 0-1, ``matched`` the key it matched."""

    entry: GazetteerEntry
    score: float
    matched: str


def data_dir() -> Path:
    """The directory of the shipped gazetteer files."""
    return Path(str(resources.files("frontwatch") / "data" / "gazetteer"))


def _read_gzip(path: Path) -> bytes:
    try:
        return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise DataFileError(f"{path}: cannot read gazetteer file ({exc})") from exc


def _read_rows(path: Path) -> list[str]:
    try:
        lines = _read_gzip(path).decode("utf-8").split("\n")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 ({exc.reason})") from exc
    header = tuple(lines[0].rstrip("\r").split("\t"))
    if header != COLUMNS:
        raise DataFileError(f"{path}: line 1: expected the columns {', '.join(COLUMNS)}")
    return [line.rstrip("\r") for line in lines[1:] if line.strip()]


def _parse(line: str, origin: str) -> GazetteerEntry:
    f = line.split("\t")
    if len(f) != len(COLUMNS):
        raise DataFileError(f"{origin}: expected {len(COLUMNS)} tab-separated fields")
    try:
        return GazetteerEntry(
            id=f[0],
            name=f[1],
            latitude=float(f[2]),
            longitude=float(f[3]),
            country_code=f[4],
            feature=f[5] or "populated place",
            population=int(f[6] or 0),
            mark=f[7] or None,
            precision=int(f[8] or 1),
            admin1=f[9] or None,
            admin1_pcode=f[10] or None,
            admin2=f[11] or None,
            admin2_pcode=f[12] or None,
            admin3=f[13] or None,
            admin3_pcode=f[14] or None,
            names=tuple(n for n in f[15].split("|") if n),
        )
    except ValueError as exc:
        raise DataFileError(f"{origin}: bad number ({exc})") from exc


class Gazetteer:
    """Places and admin units, searchable by normalised name."""

    def __init__(
        self, lines: list[str], keys: list[str], numbers: Sequence[int], base_dir: Path
    ) -> None:
        self._lines = lines
        self._keys = keys
        self._numbers = numbers
        self._base_dir = base_dir
        self._entries: dict[int, GazetteerEntry] = {}
        self._pools: dict[str, tuple[list[str], list[list[int]]]] = {}
        self._lookups: dict[tuple[str, str | None, int, bool], list[Candidate]] = {}

    @classmethod
    def load(cls, extra_paths: Sequence[Path] = (), base_dir: Path | None = None) -> Gazetteer:
        """Load the shipped gazetteer plus user files with the same TSV columns."""
        base = base_dir or data_dir()
        lines = _read_rows(base / "gazetteer.tsv.gz")
        blob = _read_gzip(base / "gazetteer_index.bin.gz")
        if not blob.startswith(_INDEX_MAGIC):
            raise DataFileError(f"{base / 'gazetteer_index.bin.gz'}: not a gazetteer index")
        start = len(_INDEX_MAGIC)
        (count,) = struct.unpack_from("<I", blob, start)
        numbers = array("I")
        numbers.frombytes(blob[start + 4 : start + 4 + 4 * count])
        if sys.byteorder != "little":
            numbers.byteswap()
        keys = blob[start + 4 + 4 * count :].decode("utf-8").split("\n")
        if len(keys) != count:
            raise DataFileError(f"{base / 'gazetteer_index.bin.gz'}: index is truncated")
        if extra_paths:
            pairs = list(zip(keys, numbers, strict=True))
            for path in extra_paths:
                for row in _read_rows(Path(path)):
                    entry = _parse(row, f"{path}: {row.split(chr(9))[0]}")
                    number = len(lines)
                    lines.append(row)
                    for name in (entry.name, *entry.names):
                        pairs.append((normalise_name(name), number))
            pairs.sort()
            keys = [k for k, _ in pairs]
            numbers = array("I", (n for _, n in pairs))
        return cls(lines, keys, numbers, base)

    def __len__(self) -> int:
        return len(self._lines)

    def entry(self, number: int) -> GazetteerEntry:
        """The entry on row ``number`` (parsed on first use)."""
        found = self._entries.get(number)
        if found is None:
            found = self._entries[number] = _parse(self._lines[number], f"gazetteer row {number}")
        return found

    def get(self, entry_id: str) -> GazetteerEntry | None:
        """The entry with this id ("gn:170063", "ocha:SY07"), or None."""
        prefix = entry_id + "\t"
        i = bisect.bisect_left(self._lines, prefix)
        if i < len(self._lines) and self._lines[i].startswith(prefix):
            return self.entry(i)
        # User rows are appended after the sorted shipped rows.
        for j, line in enumerate(self._lines):
            if line.startswith(prefix):
                return self.entry(j)
        return None

    def exact(self, name: str) -> list[GazetteerEntry]:
        """Every entry one of whose names has the same normalised form as ``name``."""
        key = normalise_name(name)
        if not key:
            return []
        lo = bisect.bisect_left(self._keys, key)
        hi = bisect.bisect_right(self._keys, key, lo)
        return [self.entry(self._numbers[i]) for i in range(lo, hi)]

    def _pool(self, country: str | None) -> tuple[list[str], list[list[int]]]:
        """Distinct keys (and their rows) that fuzzy matching searches for a country."""
        pool_name = country or "*"
        if pool_name not in self._pools:
            wanted = [_in_pool(line.split("\t", 7), country) for line in self._lines]
            keys: list[str] = []
            rows: list[list[int]] = []
            for key, number in zip(self._keys, self._numbers, strict=True):
                if wanted[number] and len(key) >= 4:
                    if keys and keys[-1] == key:
                        rows[-1].append(number)
                    else:
                        keys.append(key)
                        rows.append([number])
            self._pools[pool_name] = (keys, rows)
        return self._pools[pool_name]

    def lookup(
        self, name: str, *, country: str | None = None, limit: int = 10, fuzzy: bool = True
    ) -> list[Candidate]:
        """Candidates for a name, best first.

        Exact normalised matches come first; without one, rapidfuzz proposes
        close spellings (ratio >= 88) in the hinted country, else among big towns.
        The score mixes match quality, country hint, feature and population.
        """
        cache_key = (name, country, limit, fuzzy)
        cached = self._lookups.get(cache_key)
        if cached is not None:
            return list(cached)
        if len(self._lookups) > 50_000:
            self._lookups.clear()
        result = self._lookup(name, country, limit, fuzzy)
        self._lookups[cache_key] = result
        return list(result)

    def _lookup(self, name: str, country: str | None, limit: int, fuzzy: bool) -> list[Candidate]:
        key = normalise_name(name)
        short = len(key.replace(" ", "")) <= 3
        found = []
        for e in self.exact(name):
            if short and name not in (e.name, *e.names):
                # Two- or three-letter keys ("Dr", "Air" ~ "AER") match only literally.
                continue
            own = normalise_name(e.name)
            # "New York" names New York City as much as "New York City" does.
            primary = own == key or own == key + " city"
            found.append((e, 1.0 if primary else ALTERNATE_QUALITY, key))
        if not found and fuzzy and len(key) >= 4:
            from rapidfuzz import fuzz, process

            pool_keys, pool_rows = self._pool(country)
            hits = process.extract(
                key, pool_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=limit
            )
            for matched, score, idx in hits:
                found.extend((self.entry(n), score / 100.0 * 0.95, matched) for n in pool_rows[idx])
        scored = [Candidate(e, rank_score(e, quality, country), m) for e, quality, m in found]
        scored.sort(key=lambda c: (-c.score, -c.entry.population, c.entry.id))
        return scored[:limit]

    def admin_unit(
        self, name: str, *, country: str | None = None, level: int | None = None
    ) -> GazetteerEntry | None:
        """An admin unit by name ("Idleb", "Rural Damascus"), preferring higher levels."""
        features = (f"admin{level}",) if level else _ADMIN_FEATURES
        units = [
            e
            for e in self.exact(name)
            if e.feature in features and (country is None or e.country_code == country)
        ]
        if not units:
            return None
        units.sort(key=lambda e: (e.feature, e.id))
        return units[0]

    @cached_property
    def _polygons(self) -> PolygonIndex:
        return PolygonIndex.load(self._base_dir / "syria_admin3.geojson.gz")

    def locate(self, latitude: float, longitude: float) -> AdminUnits:
        """Admin1-3 names and P-codes of a point (Syria); empty AdminUnits elsewhere."""
        return self._polygons.locate(latitude, longitude)

    def boundaries(self, level: int = 1) -> dict[str, Any]:
        """GeoJSON FeatureCollection of Syrian admin units (level 1, 2 or 3) for maps."""
        if level == 3:
            return self._polygons.feature_collection
        path = self._base_dir / f"boundaries_admin{level}.geojson"
        try:
            data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise DataFileError(f"{path}: cannot read boundaries ({exc})") from exc
        return data

    def country_name(self, alpha2: str) -> str | None:
        """The English name of a country ("SY" -> "Syria"), or None."""
        entry = self.get(f"cc:{alpha2.upper()}")
        return entry.name if entry else None


def _in_pool(fields: list[str], country: str | None) -> bool:
    if country:
        return fields[4] == country
    # Seas, rivers and macro-regions match only exactly ("MURALS" is no "Urals").
    return fields[5] in ("country", "continent", "admin1") or (
        int(fields[6] or 0) >= _WORLD_FUZZY_POPULATION
    )


def rank_score(entry: GazetteerEntry, quality: float, country: str | None) -> float:
    """Combine match quality, country hint, feature and population into 0-1.

    Population counts on a log scale (a village of 500 ~ 0.4, a city of a
    million ~ 0.9); countries, continents and admin1 units count as populous.
    An own-name match (quality 1) beats an alternate-name match (0.9) of a
    place of similar standing.
    """
    feature = FEATURE_WEIGHT.get(entry.feature, _OTHER_FEATURE_WEIGHT)
    population = _UNIT_POPULATION.get(entry.feature)
    if population is None:
        population = min(1.0, math.log10(entry.population + 1) / 6.5)
    in_country = 1.0 if country and entry.country_code == country else 0.0
    return round(0.5 * quality + 0.15 * in_country + 0.15 * feature + 0.2 * population, 4)
