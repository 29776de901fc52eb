"""The ``frontwatch`` command line: a thin layer over the library.

Every command has help with an example. Errors a user can cause print one line
on stderr (``frontwatch: error: FILE: problem``) and exit 1, never a traceback.
Heavy imports happen inside commands so ``--help`` is instant.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any, TextIO

import click

from frontwatch.errors import FrontwatchError
from frontwatch.settings import DEFAULT_MAX_INPUT_BYTES, DEFAULT_MODEL, Settings

DEFAULT_DB = "frontwatch.db"


class Problems:
    """Counts input problems; each is reported on stderr as one line."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, message: str) -> None:
        self.count += 1
        click.echo(f"frontwatch: error: {message}", err=True)


def _settings(model: str, max_bytes: int, country: str | None) -> Settings:
    from frontwatch.geo.importers import user_gazetteer_paths

    return Settings(
        spacy_model=model,
        max_input_bytes=max_bytes,
        default_country=country.upper() if country else None,
        gazetteer_paths=user_gazetteer_paths(),
    )


def _report_defaults(func: Any) -> Any:
    """--published and --source: values for inputs that carry none of their own."""
    func = click.option("--source", help="Source name for inputs that carry none.")(func)
    return click.option(
        "--published",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        help="Publication date (YYYY-MM-DD) for inputs that carry none.",
    )(func)


def _common_options(func: Any) -> Any:
    func = click.option(
        "--model",
        default=DEFAULT_MODEL,
        show_default=True,
        help="spaCy pipeline to load (any installed English model).",
    )(func)
    func = click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=DEFAULT_MAX_INPUT_BYTES,
        show_default=True,
        help="Inputs larger than this many bytes are refused.",
    )(func)
    func = click.option(
        "--country",
        default=None,
        help="ISO alpha-2 code assumed when a report names no place (e.g. SY).",
    )(func)
    return func


def _articles(
    inputs: Iterable[str],
    settings: Settings,
    problems: Problems,
    published: date | None,
    source: str | None,
) -> Iterator[Any]:
    from frontwatch.ingest import InputProblem, read_inputs

    stdin = sys.stdin.buffer if "-" in inputs else None
    for item in read_inputs(list(inputs), max_bytes=settings.max_input_bytes, stdin=stdin):
        if isinstance(item, InputProblem):
            problems.report(str(item))
            continue
        # A row's own published/source win over the command-line flags.
        if item.published is None:
            item.published = published
        if item.source is None:
            item.source = source
        yield item


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle: IO[str] = target.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise FrontwatchError(f"{path}: cannot write ({exc.strerror})") from exc
    with handle:
        yield handle  # type: ignore[misc]


def _fail_on_problems(problems: Problems) -> None:
    if problems.count:
        raise SystemExit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="frontwatch")
def cli() -> None:
    """Turn conflict news reports into ACLED-style, geolocated, source-attributed events.

    Example: frontwatch extract report.txt --published 2019-12-02
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@_report_defaults
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "geojson"]),
    default="json",
    show_default=True,
    help="json: one report a line; csv: one event a row (ACLED columns); geojson: events.",
)
@click.option("--out", help="Write here instead of standard output.")
@_common_options
def extract(
    inputs: tuple[str, ...],
    published: Any,
    source: str | None,
    fmt: str,
    out: str | None,
    model: str,
    max_bytes: int,
    country: str | None,
) -> None:
    """Extract events from INPUT files, directories or - (stdin).

    Inputs: text (any encoding), HTML, CSV/TSV, JSON Lines, JSON, RSS/Atom.

    Example: frontwatch extract report.txt --published 2019-12-02 --format csv --out events.csv
    """
    from frontwatch.export import events_geojson, write_events_csv
    from frontwatch.pipeline import analyse_articles

    settings = _settings(model, max_bytes, country)
    problems = Problems()
    day = published.date() if published else None
    reports = analyse_articles(_articles(inputs, settings, problems, day, source), settings)
    with _output(out) as handle:
        if fmt == "json":
            for report in reports:
                handle.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
                handle.flush()
        elif fmt == "csv":
            write_events_csv((e for r in reports for e in r.events), handle)
        else:
            collection = events_geojson(e for r in reports for e in r.events)
            handle.write(json.dumps(collection, ensure_ascii=False, indent=1) + "\n")
    _fail_on_problems(problems)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", help="Write here instead of standard output.")
@_common_options
def geoparse(
    inputs: tuple[str, ...], out: str | None, model: str, max_bytes: int, country: str | None
) -> None:
    """List every toponym in INPUT reports, resolved against the gazetteer.

    Example: frontwatch geoparse report.txt
    """
    from frontwatch.geo import find_places
    from frontwatch.nlp import analyse
    from frontwatch.pipeline import load_resources, prepare

    settings = _settings(model, max_bytes, country)
    resources = load_resources(settings)
    problems = Problems()
    with _output(out) as handle:
        for article in _articles(inputs, settings, problems, None, None):
            cleaned, report_id = prepare(article)
            doc = analyse(cleaned.text, settings.spacy_model)
            places = find_places(doc, resources.gazetteer, country_hint=settings.default_country)
            row = {"id": report_id, "places": [_place_dict(p) for p in places]}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    _fail_on_problems(problems)


def _place_dict(place: Any) -> dict[str, Any]:
    data: dict[str, Any] = place.to_dict()
    keys = [
        "text",
        "start",
        "end",
        "name",
        "latitude",
        "longitude",
        "country",
        "admin1",
        "admin2",
        "admin3",
        "feature",
        "gazetteer_id",
        "score",
    ]
    extra = [k for k in data if k not in keys]
    return {k: data[k] for k in keys + extra}


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database file.")
@_report_defaults
@_common_options
def ingest(
    inputs: tuple[str, ...],
    db: str,
    published: Any,
    source: str | None,
    model: str,
    max_bytes: int,
    country: str | None,
) -> None:
    """Extract INPUT reports and store them in the database (idempotent).

    A report already stored (same id) is skipped, so running twice adds nothing.

    Example: frontwatch ingest examples/ --db frontwatch.db
    """
    from rich.progress import Progress

    from frontwatch.pipeline import analyse_articles
    from frontwatch.store import EventStore

    settings = _settings(model, max_bytes, country)
    problems = Problems()
    day = published.date() if published else None
    added = skipped = 0
    with EventStore.open(db) as store:
        reports = analyse_articles(_articles(inputs, settings, problems, day, source), settings)
        with Progress(disable=not sys.stderr.isatty(), transient=True) as progress:
            task = progress.add_task("ingesting", total=None)
            for report in reports:
                if store.add_report(report):
                    added += 1
                else:
                    skipped += 1
                progress.advance(task)
    click.echo(f"{added} report(s) added, {skipped} already stored, database {db}", err=True)
    _fail_on_problems(problems)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database file.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "geojson", "json"]),
    default="csv",
    show_default=True,
    help="csv: ACLED columns; geojson: events with coordinates; json: reports, one a line.",
)
@click.option("--out", help="Write here instead of standard output.")
def export(db: str, fmt: str, out: str | None) -> None:
    """Export the stored events (or reports, with --format json).

    Example: frontwatch export --format csv --out out/events.csv
    """
    from frontwatch.export import events_geojson, write_events_csv, write_reports_jsonl

    with _open_existing(db) as store, _output(out) as handle:
        if fmt == "csv":
            write_events_csv(store.events(), handle)
        elif fmt == "geojson":
            handle.write(json.dumps(events_geojson(store.events()), ensure_ascii=False) + "\n")
        else:
            write_reports_jsonl(store.reports(), handle)


@contextmanager
def _open_existing(db: str) -> Iterator[Any]:
    from frontwatch.store import EventStore

    if db != ":memory:" and not Path(db).exists():
        raise FrontwatchError(f"{db}: no such database (run 'frontwatch ingest' first)")
    with EventStore.open(db) as store:
        yield store


@cli.command("map")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database file.")
@click.option("--out", required=True, help="HTML file to write.")
@click.option("--title", default="frontwatch events", show_default=True, help="Page title.")
def map_command(db: str, out: str, title: str) -> None:
    """Write a self-contained offline HTML map of the stored events.

    Leaflet is inlined and OCHA admin boundaries are drawn instead of tiles.

    Example: frontwatch map --db frontwatch.db --out out/map.html
    """
    from frontwatch.geo import Gazetteer
    from frontwatch.web import render_map

    with _open_existing(db) as store:
        events = list(store.events())
    boundaries = Gazetteer.load().boundaries(1)
    html = render_map(events, boundaries=boundaries, title=title)
    with _output(out) as handle:
        handle.write(html)
    click.echo(f"{len(events)} event(s) on the map {out}", err=True)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database file.")
def summary(db: str) -> None:
    """Print events by type and admin1, with fatalities.

    Example: frontwatch summary --db frontwatch.db
    """
    from rich.console import Console
    from rich.table import Table

    with _open_existing(db) as store:
        rows = store.summary()
        counts = store.counts()
    table = Table(title=f"{counts['events']} events from {counts['reports']} reports")
    for name in ("event type", "admin1", "events", "fatalities"):
        table.add_column(name, justify="right" if name in ("events", "fatalities") else "left")
    for row in rows:
        table.add_row(row.event_type, row.admin1 or "-", str(row.events), str(row.fatalities))
    Console(width=100).print(table)


# Commands kept in modules of their own; imported last because they reuse the helpers above.
from frontwatch.commands.evaluate import classify_command, evaluate_command  # noqa: E402

cli.add_command(evaluate_command)
cli.add_command(classify_command)


def main() -> None:
    """Entry point: run the CLI, turning frontwatch errors into one-line messages."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("frontwatch: aborted", err=True)
        raise SystemExit(130) from None
    except click.ClickException as exc:
        exc.show()
        raise SystemExit(exc.exit_code) from None
    except FrontwatchError as exc:
        click.echo(f"frontwatch: error: {exc}", err=True)
        raise SystemExit(1) from None
    except BrokenPipeError:
        raise SystemExit(0) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None


# Command groups kept in modules of their own (imported last: they import this module).
from frontwatch.commands.actors import actors_group  # noqa: E402
from frontwatch.commands.gazetteer import gazetteer_group  # noqa: E402

cli.add_command(gazetteer_group)
cli.add_command(actors_group)
