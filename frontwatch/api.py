"""The public Python API: ``extract``, ``extract_many`` and ``geoparse``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from frontwatch.errors import InputError
from frontwatch.geo import find_places
from frontwatch.models import Article, Place, Report
from frontwatch.nlp import analyse
from frontwatch.pipeline import analyse_articles, load_resources, prepare
from frontwatch.settings import Settings


def _as_date(value: Any, origin: str) -> date | None:
    if value is None or value == "" or isinstance(value, date):
        return value or None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(origin, f"published date {value!r} is not YYYY-MM-DD") from exc


def extract(
    text: str,
    *,
    published: date | str | None = None,
    source: str | None = None,
    title: str | None = None,
    id: str | None = None,
    settings: Settings | None = None,
) -> Report:
    """Extract events, places, territory changes and displacement from one report.

    >>> report = extract("Gunmen killed five villagers in Zamfara on Tuesday.",
    ...                  published="2021-06-10")      # doctest: +SKIP
    >>> report.events[0].sub_event_type               # doctest: +SKIP
    'Attack'
    """
    article = Article(
        text=text,
        id=id,
        title=title,
        published=_as_date(published, "<text>"),
        source=source,
    )
    return next(analyse_articles([article], settings or Settings()))


def _record_to_article(record: Article | Mapping[str, Any] | str, index: int) -> Article:
    if isinstance(record, Article):
        return record
    if isinstance(record, str):
        return Article(text=record, origin=f"record {index}")
    origin = f"record {index}"
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(origin, "no 'text' value")
    return Article(
        text=text,
        id=record.get("id"),
        title=record.get("title"),
        published=_as_date(record.get("published"), origin),
        source=record.get("source"),
        url=record.get("url"),
        origin=origin,
    )


def extract_many(
    records: Iterable[Article | Mapping[str, Any] | str],
    *,
    n_process: int = 1,
    settings: Settings | None = None,
) -> Iterator[Report]:
    """Extract from many reports (strings, dicts with a ``text`` key, or Articles), in order."""
    articles = (_record_to_article(r, i) for i, r in enumerate(records, start=1))
    return analyse_articles(articles, settings or Settings(), n_process=n_process)


def geoparse(text: str, *, settings: Settings | None = None) -> list[Place]:
    """Every toponym in a text, resolved against the gazetteer.

    Offsets are into the cleaned text (as in ``extract``'s evidence).
    """
    settings = settings or Settings()
    resources = load_resources(settings)
    cleaned, _ = prepare(Article(text=text))
    doc = analyse(cleaned.text, settings.spacy_model)
    return list(find_places(doc, resources.gazetteer, country_hint=settings.default_country))
