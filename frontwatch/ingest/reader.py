"""``read_inputs``: files, directories and stdin to Articles (or problems), in order."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from frontwatch.errors import InputError
from frontwatch.ingest.decode import decode_bytes
from frontwatch.ingest.feeds import read_feed
from frontwatch.ingest.formats import NON_TEXT_EXTENSIONS, format_for_extension, sniff_format
from frontwatch.ingest.html import extract_page, page_date
from frontwatch.ingest.problems import InputProblem, one_line
from frontwatch.ingest.rows import read_csv, read_json, read_jsonl
from frontwatch.models import Article

STDIN_ORIGIN = "<stdin>"


def human_size(size: int) -> str:
    """A byte count as people read it.

    >>> human_size(6_500_000), human_size(5 * 1024 * 1024), human_size(2048), human_size(10)
    ('6.2 MB', '5.0 MB', '2.0 KB', '10 bytes')
    """
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"


def read_inputs(
    inputs: Sequence[str], *, max_bytes: int, stdin: BinaryIO | None = None
) -> Iterator[Article | InputProblem]:
    """Yield one Article per report in ``inputs``, or an InputProblem per bad file/row.

    ``inputs`` are file paths, directories (read recursively in sorted order,
    hidden entries skipped) or ``-`` for ``stdin`` (default ``sys.stdin.buffer``).
    A problem never stops the other inputs or rows from being read.
    """
    for item in inputs:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stream(stream, max_bytes)
            continue
        path = Path(item)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_file(file, max_bytes)
        elif path.exists():
            yield from _read_file(path, max_bytes)
        else:
            yield InputProblem(item, "no such file or directory")


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` in sorted order, skipping hidden files and directories."""
    try:
        children = sorted(root.iterdir())
    except OSError:
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child)
        elif child.is_file():
            yield child


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | InputProblem]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix in NON_TEXT_EXTENSIONS:
        yield InputProblem(origin, f"unknown format '{suffix}'")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            limit = human_size(max_bytes)
            yield InputProblem(origin, f"file is {human_size(size)}, over the {limit} limit")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputProblem(origin, f"cannot read the file ({one_line(exc.strerror or str(exc))})")
        return
    yield from read_bytes(data, origin, suffix)


def _read_stream(stream: BinaryIO, max_bytes: int) -> Iterator[Article | InputProblem]:
    # Read one byte past the limit: enough to know it is too long, never the whole stream.
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield InputProblem(STDIN_ORIGIN, f"input is over the {human_size(max_bytes)} limit")
        return
    yield from read_bytes(data, STDIN_ORIGIN, None)


def read_bytes(data: bytes, origin: str, suffix: str | None) -> Iterator[Article | InputProblem]:
    """Read one input's bytes; ``suffix`` None (stdin) means sniff the format.

    >>> [a.kind for a in read_bytes(b"Two killed in a blast.", "x.txt", ".txt")]
    ['text']
    """
    if not data.strip():
        yield InputProblem(origin, "empty file")
        return
    try:
        text = decode_bytes(data, origin)
    except InputError as exc:
        yield InputProblem.from_error(exc)
        return
    if not text.strip():
        yield InputProblem(origin, "empty file")
        return
    fmt = format_for_extension(suffix) if suffix else None
    if fmt is None or (fmt == "text" and not suffix):
        fmt = sniff_format(text)
    if fmt == "csv":
        yield from read_csv(text, origin, tsv=suffix == ".tsv")
    elif fmt == "jsonl":
        yield from read_jsonl(text, origin)
    elif fmt == "json":
        yield from read_json(text, origin)
    elif fmt == "feed":
        yield from read_feed(data, origin)
    elif fmt == "html":
        yield _read_html(text, origin)
    else:
        yield Article(text=text, origin=origin, kind="text")


def _read_html(markup: str, origin: str) -> Article | InputProblem:
    page = extract_page(markup)
    if not page.text.strip():
        return InputProblem(origin, "no text found in the HTML page")
    return Article(
        text=page.text,
        title=page.title,
        published=page_date(page),
        source=page.sitename,
        url=page.url,
        origin=origin,
        kind="html",
    )
