"""Publication dates as corpora and feeds write them."""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime

# Tried in order after ISO and RFC 822; all are unambiguous for a news corpus.
_FORMATS = (
    "%m/%d/%Y",
    "%m/%d/%y",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%Y%m%d",
)
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)")


def parse_published(value: str) -> date | None:
    """Parse a corpus date; None for an empty value, ValueError when unreadable.

    >>> parse_published("2019-10-05")
    datetime.date(2019, 10, 5)
    >>> parse_published("Sat, 05 Oct 2019 14:00:00 +0000")
    datetime.date(2019, 10, 5)
    >>> parse_published("10/5/2019")
    datetime.date(2019, 10, 5)
    >>> parse_published("2019-10-05T23:10:00Z")
    datetime.date(2019, 10, 5)
    """
    text = " ".join(value.split())
    if not text:
        return None
    match = _ISO_PREFIX.match(text)
    if match:
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            # a date with an odd time part: the date itself is what we need
            return date(int(match[1]), int(match[2]), int(match[3]))
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable date {text[:40]!r}")


def struct_to_date(value: time.struct_time | None) -> date | None:
    """feedparser's parsed dates (``published_parsed``) as a date."""
    if value is None:
        return None
    try:
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    except ValueError:
        return None
