"""The actor dictionary: canonical ACLED-style actor names and the aliases reports use.

The shipped dictionary is ``frontwatch/data/actors.yaml``; users may add YAML or
CSV files that extend it (an entry with the same ``name`` replaces the shipped one).

Entry fields (YAML: a top-level ``actors:`` list of mappings; CSV: one row each,
lists ``|``-separated):

``name``             canonical ACLED-style name, e.g. "Military Forces of Syria (2000-2024)"
``aliases``          names matched anywhere (case-insensitive, on word boundaries;
                     all-caps acronyms of up to 5 letters match case-sensitively)
``context_aliases``  names matched only when the report's country is in ``operates_in``
                     ("the regime", "government forces", "rebels"...)
``inter``            ACLED inter code 1-8
``country``          ISO alpha-2 of the country the actor belongs to (or empty)
``operates_in``      alpha-2 codes where the actor is active (defaults to ``country``)
``affiliation``      the wider side: "government", "opposition", "kurdish", "jihadist"...
``valid``            years the name applies: "2000-2024", "2024-", "2019" (or empty)
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from frontwatch.countries import CountryTable, load_countries
from frontwatch.errors import DataFileError

SHIPPED_FILE = "actors.yaml"
_VALID = re.compile(r"^\s*(\d{4})?\s*(-)?\s*(\d{4})?\s*$")
_LIST_FIELDS = ("aliases", "context_aliases", "operates_in")
_KNOWN_FIELDS = frozenset(
    ("name", "inter", "country", "affiliation", "valid", "notes", *_LIST_FIELDS)
)


@dataclass(frozen=True)
class ActorEntry:
    """One dictionary entry (see the module docstring for the fields)."""

    name: str
    aliases: tuple[str, ...]
    inter: int
    country: str | None
    operates_in: tuple[str, ...]
    affiliation: str | None
    valid_from: int | None
    valid_to: int | None
    context_aliases: tuple[str, ...] = ()

    def valid_in(self, year: int) -> bool:
        """True when the name applies in ``year`` (open ends apply to any year)."""
        return (self.valid_from is None or self.valid_from <= year) and (
            self.valid_to is None or year <= self.valid_to
        )

    def all_names(self) -> tuple[str, ...]:
        """The canonical name and every alias (context ones included)."""
        return (self.name, *self.aliases, *self.context_aliases)


class ActorDictionary:
    """All actor entries, in load order, with alias lookup."""

    def __init__(self, entries: Sequence[ActorEntry]) -> None:
        # Later entries with the same name replace earlier ones, keeping the first position.
        by_name: dict[str, ActorEntry] = {}
        for entry in entries:
            by_name[entry.name] = entry
        self.entries: tuple[ActorEntry, ...] = tuple(by_name.values())

    @classmethod
    def load(cls, extra_paths: Sequence[Path] = ()) -> ActorDictionary:
        """The shipped dictionary plus user YAML/CSV files (later files override by name)."""
        shipped = resources.files("frontwatch").joinpath("data", SHIPPED_FILE)
        entries = parse_entries(_load_yaml_text(shipped.read_text("utf-8"), SHIPPED_FILE))
        for path in extra_paths:
            entries.extend(parse_entries(_read_raw(Path(path)), str(path)))
        return cls(entries)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, name: str) -> ActorEntry | None:
        """The entry with this canonical name, or None."""
        return self._by_name.get(name)

    @cached_property
    def _by_name(self) -> dict[str, ActorEntry]:
        return {e.name: e for e in self.entries}

    @cached_property
    def alias_index(self) -> dict[str, list[tuple[ActorEntry, bool]]]:
        """Lowercased alias -> [(entry, context_only)] in dictionary order."""
        index: dict[str, list[tuple[ActorEntry, bool]]] = {}
        for entry in self.entries:
            for alias in (entry.name, *entry.aliases):
                index.setdefault(alias.lower(), []).append((entry, False))
            for alias in entry.context_aliases:
                index.setdefault(alias.lower(), []).append((entry, True))
        return index


def _load_yaml_text(text: str, origin: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise DataFileError(f"{origin}:{where} not valid YAML") from exc


def _read_raw(path: Path) -> Any:
    """The decoded content of a YAML or CSV dictionary file (DataFileError if unreadable)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read actor dictionary ({exc})") from exc
    if path.suffix.lower() == ".csv":
        return {"actors": list(csv.DictReader(text.splitlines()))}
    return _load_yaml_text(text, str(path))


def _as_list(value: Any) -> tuple[str, ...] | None:
    """A YAML list or a |-separated string as a tuple of names; None if neither."""
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(p.strip() for p in value.split("|") if p.strip())
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return None


def parse_valid(value: Any) -> tuple[int | None, int | None]:
    """Parse "2000-2024", "2024-", "-2010" or "2019"; ValueError with the reason if bad.

    >>> parse_valid("2000-2024"), parse_valid("2024-"), parse_valid(None)
    ((2000, 2024), (2024, None), (None, None))
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    match = _VALID.match(str(value))
    if not match or not (match.group(1) or match.group(3)):
        raise ValueError(f"valid must look like 2000-2024 or 2024-, got {value!r}")
    start = int(match.group(1)) if match.group(1) else None
    end = int(match.group(3)) if match.group(3) else None
    if match.group(2) is None:  # a single year: valid that year only
        end = start
    for year in (start, end):
        if year is not None and not 1900 <= year <= 2100:
            raise ValueError(f"valid year {year} is out of range 1900-2100")
    if start is not None and end is not None and start > end:
        raise ValueError(f"valid starts after it ends ({value!r})")
    return start, end


def _entry_problems(raw: Any, countries: CountryTable) -> tuple[ActorEntry | None, list[str]]:
    """Check one raw entry; returns the entry (None when unusable) and its problems."""
    if not isinstance(raw, Mapping):
        return None, ["not a mapping of fields"]
    problems: list[str] = []
    unknown = sorted(str(k) for k in raw if k not in _KNOWN_FIELDS and k is not None)
    if unknown:
        problems.append(f"unknown field(s) {', '.join(unknown)}")
    name = str(raw.get("name") or "").strip()
    if not name:
        problems.append("missing name")
    lists: dict[str, tuple[str, ...]] = {}
    for field in _LIST_FIELDS:
        parsed = _as_list(raw.get(field))
        if parsed is None:
            problems.append(f"{field} must be a list of names")
        lists[field] = parsed or ()
    inter = _check_inter(raw.get("inter"), problems)
    country = _check_country(raw.get("country"), countries, "country", problems)
    operates = tuple(
        c
        for c in (
            _check_country(v, countries, "operates_in", problems) for v in lists["operates_in"]
        )
        if c
    )
    try:
        valid_from, valid_to = parse_valid(raw.get("valid"))
    except ValueError as exc:
        problems.append(str(exc))
        valid_from = valid_to = None
    if problems:
        return None, problems
    affiliation = str(raw.get("affiliation") or "").strip() or None
    entry = ActorEntry(
        name=name,
        aliases=lists["aliases"],
        inter=inter,
        country=country,
        operates_in=operates or ((country,) if country else ()),
        affiliation=affiliation,
        valid_from=valid_from,
        valid_to=valid_to,
        context_aliases=lists["context_aliases"],
    )
    return entry, []


def _check_inter(value: Any, problems: list[str]) -> int:
    try:
        inter = int(str(value).strip())
    except ValueError:
        problems.append(f"inter must be a number 1-8, got {value!r}")
        return 0
    if not 1 <= inter <= 8:
        problems.append(f"inter must be 1-8, got {inter}")
    return inter


def _check_country(
    value: Any, countries: CountryTable, field: str, problems: list[str]
) -> str | None:
    code = str(value or "").strip().upper()
    if not code:
        return None
    if countries.get(code) is None or len(code) != 2:
        problems.append(f"{field} {value!r} is not an ISO alpha-2 country code")
        return None
    return code


def _raw_entries(raw: Any) -> list[Any] | None:
    if isinstance(raw, Mapping):
        raw = raw.get("actors")
    return raw if isinstance(raw, list) else None


def _describe(number: int, raw: Any) -> str:
    name = raw.get("name") if isinstance(raw, Mapping) else None
    return f"entry {number}" + (f" ({name})" if name else "")


def parse_entries(raw: Any, origin: str = SHIPPED_FILE) -> list[ActorEntry]:
    """Entries from decoded YAML/CSV content; DataFileError on the first bad entry."""
    items = _raw_entries(raw)
    if items is None:
        raise DataFileError(f"{origin}: expected a top-level 'actors:' list of entries")
    countries = load_countries()
    entries = []
    for number, item in enumerate(items, start=1):
        entry, problems = _entry_problems(item, countries)
        if problems or entry is None:
            raise DataFileError(f"{origin}: {_describe(number, item)}: {problems[0]}")
        entries.append(entry)
    return entries


def validate_actor_file(path: Path) -> list[str]:
    """Every problem in a user dictionary file, one line each ("FILE: entry N (name): ...")."""
    try:
        items = _raw_entries(_read_raw(Path(path)))
    except DataFileError as exc:
        return [str(exc)]
    if items is None:
        return [f"{path}: expected a top-level 'actors:' list of entries"]
    countries = load_countries()
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        _entry, found = _entry_problems(item, countries)
        problems.extend(f"{path}: {_describe(number, item)}: {p}" for p in found)
        name = str(item.get("name") or "").strip() if isinstance(item, Mapping) else ""
        if name and name in seen:
            problems.append(f"{path}: entry {number} ({name}): duplicate of entry {seen[name]}")
        seen.setdefault(name, number)
    return problems
