"""Bytes to text: BOMs, UTF-8, then charset-normalizer; binary data is refused."""

from __future__ import annotations

import codecs

from frontwatch.errors import InputError

# Magic numbers of common non-text files, checked before any decoding attempt.
_BINARY_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",
    b"\x7fELF",
    b"MZ",
    b"SQLite format 3",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that ordinary text contains (tab, newlines, form feed).
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_MAX_CONTROL_SHARE = 0.05


def looks_binary_magic(data: bytes) -> bool:
    """True when the bytes start like a PDF, archive, image or executable.

    >>> looks_binary_magic(b"%PDF-1.7 ...")
    True
    """
    return data.startswith(_BINARY_MAGIC)


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 without a BOM: mostly-ASCII text has NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) / len(zeros) > 0.7:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in _TEXT_CONTROLS)
    return bad / len(sample)


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode scraped text in any common encoding, or raise :class:`InputError`.

    >>> decode_bytes("caf\u00e9".encode("utf-16"), "x.txt")
    'café'
    >>> decode_bytes(b"\\x00\\x01\\x02\\x03\\xff" * 20, "x.txt")
    Traceback (most recent call last):
    ...
    frontwatch.errors.InputError: x.txt: binary file (not text)
    """
    if looks_binary_magic(data):
        raise InputError(origin, "binary file (not text)")
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(origin, f"cannot decode the bytes as {encoding}") from exc
            break
    if text is None and b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(origin, "binary file (not text)")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(data, origin)
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text or _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(origin, "binary file (not text)")
    return text


def _detect(data: bytes, origin: str) -> str:
    """Ask charset-normalizer for the most plausible legacy encoding."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(origin, "cannot decode the bytes as text (unknown encoding)")
    return str(best)
