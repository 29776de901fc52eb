"""Corpora with one report a row: CSV/TSV, JSON Lines and JSON lists."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Mapping
from functools import lru_cache

from frontwatch.errors import InputError
from frontwatch.ingest.dates import parse_published
from frontwatch.ingest.problems import InputProblem, one_line
from frontwatch.models import Article

_OPTIONAL = ("id", "title", "source", "url")


@lru_cache(maxsize=1)
def raise_csv_field_limit() -> int:
    """Let a CSV field hold a whole long article (the default limit is 128 KB)."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return limit
        except OverflowError:  # C long is 32 bits on some platforms
            limit //= 10


def _text_value(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool | dict | list):
        raise ValueError(f"is a JSON {type(value).__name__}, not text")
    text = str(value).strip()
    return text or None


def article_from_record(record: Mapping[str, object], origin: str, kind: str) -> Article:
    """Build an Article from one row's fields, or raise :class:`InputError`.

    >>> row = {"text": "Shelling hit the port.", "date": "2020-01-02"}
    >>> article_from_record(row, "f row 1", "csv").published
    datetime.date(2020, 1, 2)
    """
    fields = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    try:
        text = _text_value(fields.get("text"))
        if text is None:
            raise InputError(origin, "no 'text' value")
        values = {name: _text_value(fields.get(name)) for name in _OPTIONAL}
        raw_date = _text_value(fields.get("published", fields.get("date")))
    except ValueError as exc:
        raise InputError(origin, f"a field {exc}") from exc
    try:
        published = parse_published(raw_date) if raw_date else None
    except ValueError as exc:
        raise InputError(origin, f"{exc} in 'published'") from exc
    return Article(
        text=text,
        id=values["id"],
        title=values["title"],
        published=published,
        source=values["source"],
        url=values["url"],
        origin=origin,
        kind=kind,
    )


def _one(record: Mapping[str, object], origin: str, kind: str) -> Article | InputProblem:
    try:
        return article_from_record(record, origin, kind)
    except InputError as exc:
        return InputProblem.from_error(exc)


def _delimiter(header_line: str, tsv: bool) -> str:
    if tsv:
        return "\t"
    counts = {d: header_line.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(text: str, origin: str, *, tsv: bool = False) -> Iterator[Article | InputProblem]:
    """Yield one Article per CSV row; a malformed row is a problem, the rest still come.

    Rows are numbered from 1 after the header. After a quoting error parsing
    restarts on the line after the bad row's first line, so one stray quote
    does not swallow the rest of the file.
    """
    raise_csv_field_limit()
    lines = text.splitlines(keepends=True)
    if not lines:
        yield InputProblem(origin, "empty file")
        return
    delimiter = _delimiter(lines[0], tsv)
    try:
        header = next(csv.reader([lines[0]], delimiter=delimiter, strict=True))
    except csv.Error as exc:
        yield InputProblem(origin, f"unreadable header ({one_line(str(exc))})")
        return
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "text" not in names:
        yield InputProblem(origin, f"no 'text' column (columns: {', '.join(names)[:120]})")
        return
    yield from _csv_rows(lines, names, delimiter, origin)


def _csv_rows(
    lines: list[str], names: list[str], delimiter: str, origin: str
) -> Iterator[Article | InputProblem]:
    row_number = 0
    position = 1  # index in ``lines`` of the next unread line
    while position < len(lines):
        reader = csv.reader(lines[position:], delimiter=delimiter, strict=True)
        start = position
        restart = False
        while True:
            record_start = start + reader.line_num
            try:
                row = next(reader)
            except StopIteration:
                position = len(lines)
                break
            except csv.Error as exc:
                row_number += 1
                yield InputProblem(
                    f"{origin} row {row_number}",
                    f"malformed CSV on line {record_start + 1} ({one_line(str(exc))})",
                )
                position = record_start + 1
                restart = True
                break
            if not any(cell.strip() for cell in row):
                continue  # blank line
            row_number += 1
            row_origin = f"{origin} row {row_number}"
            if len(row) > len(names):
                yield InputProblem(
                    row_origin,
                    f"{len(row)} fields but the header has {len(names)} (check the quoting)",
                )
                continue
            yield _one(dict(zip(names, row, strict=False)), row_origin, "csv")
        if not restart:
            break


def read_jsonl(text: str, origin: str) -> Iterator[Article | InputProblem]:
    """Yield one Article per JSON line; a bad line is a problem naming its line number."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        line_origin = f"{origin} line {number}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield InputProblem(line_origin, f"invalid JSON ({one_line(str(exc), 80)})")
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__
            yield InputProblem(line_origin, f"expected a JSON object, got {kind}")
            continue
        yield _one(record, line_origin, "jsonl")


def read_json(text: str, origin: str) -> Iterator[Article | InputProblem]:
    """A ``.json`` file: one object, or a list of objects (numbered "item N")."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputProblem(origin, f"invalid JSON (line {exc.lineno}: {one_line(exc.msg, 80)})")
        return
    if isinstance(data, dict):
        yield _one(data, origin, "jsonl")
        return
    if not isinstance(data, list):
        yield InputProblem(origin, f"expected a JSON list of objects, got {type(data).__name__}")
        return
    if not data:
        yield InputProblem(origin, "empty JSON list")
    for number, item in enumerate(data, start=1):
        item_origin = f"{origin} item {number}"
        if isinstance(item, dict):
            yield _one(item, item_origin, "jsonl")
        else:
            yield InputProblem(item_origin, f"expected a JSON object, got {type(item).__name__}")


def read_csv_text(text: str, origin: str, suffix: str) -> Iterator[Article | InputProblem]:
    """Dispatch for CSV/TSV by extension (``.tsv`` is tab separated)."""
    return read_csv(text, origin, tsv=suffix.lower() == ".tsv")


__all__ = ["article_from_record", "read_csv", "read_csv_text", "read_json", "read_jsonl"]
