"""Decide an input's format from its extension, else by sniffing its content."""

from __future__ import annotations

import json

#: extension -> format read by :mod:`frontwatch.ingest.reader`
EXTENSION_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    "": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".csv": "csv",
    ".tsv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

#: formats we know are not text; refused without reading them
NON_TEXT_EXTENSIONS = frozenset(
    {
        ".pdf",
        ".doc",
        ".docx",
        ".odt",
        ".rtf",
        ".xls",
        ".xlsx",
        ".ods",
        ".ppt",
        ".pptx",
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".webp",
        ".bmp",
        ".tif",
        ".tiff",
        ".svgz",
        ".mp3",
        ".mp4",
        ".wav",
        ".ogg",
        ".avi",
        ".mov",
        ".mkv",
        ".zip",
        ".gz",
        ".tgz",
        ".bz2",
        ".xz",
        ".7z",
        ".rar",
        ".tar",
        ".exe",
        ".dll",
        ".so",
        ".bin",
        ".db",
        ".sqlite",
        ".parquet",
        ".pkl",
        ".epub",
    }
)


def format_for_extension(suffix: str) -> str | None:
    """The format an extension names, or None when the content must decide.

    >>> format_for_extension(".NDJSON")
    'jsonl'
    >>> format_for_extension(".log") is None
    True
    """
    return EXTENSION_FORMATS.get(suffix.lower())


def sniff_format(text: str) -> str:
    """Guess the format of decoded text from its first characters.

    >>> sniff_format('<?xml version="1.0"?><rss version="2.0">')
    'feed'
    >>> sniff_format("<!DOCTYPE html><html>")
    'html'
    >>> sniff_format('{"text": "a"}')
    'jsonl'
    >>> sniff_format("Plain words.")
    'text'
    """
    head = text.lstrip("\ufeff \t\r\n")[:2000].lower()
    if head.startswith("<"):
        if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
            return "feed"
        if "<html" in head or "<!doctype html" in head or "<body" in head:
            return "html"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        first = head.split("\n", 1)[0].strip()
        try:
            json.loads(first)
        except ValueError:
            return "json"
        return "jsonl"
    first_line = head.split("\n", 1)[0]
    columns = {c.strip().strip('"') for c in first_line.replace("\t", ",").split(",")}
    if "text" in columns and len(columns) > 1:
        return "csv"
    return "text"
