"""RSS and Atom feeds: one report per item."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from frontwatch.ingest.dates import parse_published, struct_to_date
from frontwatch.ingest.html import html_to_text
from frontwatch.ingest.problems import InputProblem, one_line
from frontwatch.models import Article


def _entry_text(entry: Any) -> str:
    """The fullest body an item carries: content, else summary, as plain text."""
    bodies = [part.get("value", "") for part in entry.get("content", []) or []]
    body = max(bodies, key=len) if bodies else ""
    if len(body.strip()) < len(str(entry.get("summary", "")).strip()):
        body = str(entry.get("summary", ""))
    return html_to_text(body) if "<" in body else body.strip()


def _entry_date(entry: Any) -> Any:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = struct_to_date(entry.get(key))
        if parsed is not None:
            return parsed
    for key in ("published", "updated"):
        raw = entry.get(key)
        if raw:
            return parse_published(str(raw))
    return None


def read_feed(data: bytes, origin: str) -> Iterator[Article | InputProblem]:
    """Yield one Article per RSS/Atom item (items numbered from 1).

    ``source`` is the feed's title, ``url`` the item's link, ``id`` its guid.
    """
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries", [])
    if not entries:
        if parsed.get("bozo"):
            reason = one_line(str(parsed.get("bozo_exception", "parse error")), 100)
            yield InputProblem(origin, f"not a readable RSS/Atom feed ({reason})")
        else:
            yield InputProblem(origin, "feed has no items")
        return
    source = html_to_text(str(parsed.get("feed", {}).get("title", ""))) or None
    for number, entry in enumerate(entries, start=1):
        item_origin = f"{origin} item {number}"
        text = _entry_text(entry)
        if not text:
            yield InputProblem(item_origin, "no text (neither content nor summary)")
            continue
        try:
            published = _entry_date(entry)
        except ValueError as exc:
            yield InputProblem(item_origin, f"{exc} in 'published'")
            continue
        title = html_to_text(str(entry.get("title", ""))) or None
        yield Article(
            text=text,
            id=str(entry["id"]) if entry.get("id") else None,
            title=title,
            published=published,
            source=source,
            url=str(entry["link"]) if entry.get("link") else None,
            origin=item_origin,
            kind="feed",
        )
