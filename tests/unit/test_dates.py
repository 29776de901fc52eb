"""Date mentions resolved against the publication date (ACLED time precision)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from frontwatch.events.dates import DateMention, find_dateline, find_dates, resolve_relative_date

SATURDAY = datetime.date(2023, 9, 16)
SUNDAY = datetime.date(2023, 9, 17)
MONDAY = datetime.date(2023, 9, 18)
WEDNESDAY = datetime.date(2023, 9, 20)


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        # A Saturday report's "on Saturday" is that same day, not a week back.
        ("on Saturday", SATURDAY, (SATURDAY, 1)),
        ("on Saturday", SUNDAY, (SATURDAY, 1)),
        ("on Saturday", MONDAY, (SATURDAY, 1)),
        ("on Sunday", SATURDAY, (datetime.date(2023, 9, 10), 1)),
        ("on Sunday night", MONDAY, (SUNDAY, 1)),
        ("last Saturday", SATURDAY, (datetime.date(2023, 9, 9), 1)),
        ("Friday morning", SATURDAY, (datetime.date(2023, 9, 15), 1)),
        ("yesterday", SUNDAY, (SATURDAY, 1)),
        ("today", SUNDAY, (SUNDAY, 1)),
        ("overnight", MONDAY, (SUNDAY, 1)),
        ("last night", SUNDAY, (SATURDAY, 1)),
        ("two days ago", MONDAY, (SATURDAY, 1)),
        ("last week", SATURDAY, (datetime.date(2023, 9, 6), 2)),
        ("last week", MONDAY, (datetime.date(2023, 9, 13), 2)),
        ("this week", WEDNESDAY, (WEDNESDAY, 2)),
        ("this week", MONDAY, (MONDAY, 2)),
        ("over the weekend", MONDAY, (SATURDAY, 2)),
        ("the weekend", SUNDAY, (SATURDAY, 2)),
        ("earlier this month", WEDNESDAY, (datetime.date(2023, 9, 15), 3)),
        ("last month", WEDNESDAY, (datetime.date(2023, 8, 15), 3)),
        ("early March", WEDNESDAY, (datetime.date(2023, 3, 1), 3)),
        ("late February", WEDNESDAY, (datetime.date(2023, 2, 28), 3)),
        ("late November", WEDNESDAY, (datetime.date(2022, 11, 30), 3)),
        ("mid-July", WEDNESDAY, (datetime.date(2023, 7, 15), 3)),
        ("March 3", WEDNESDAY, (datetime.date(2023, 3, 3), 1)),
        ("on 3 March 2019", WEDNESDAY, (datetime.date(2019, 3, 3), 1)),
        ("December 24", WEDNESDAY, (datetime.date(2022, 12, 24), 1)),
        ("Tuesday, July 4, 2017", WEDNESDAY, (datetime.date(2017, 7, 4), 1)),
        ("2021-11-02", WEDNESDAY, (datetime.date(2021, 11, 2), 1)),
    ],
)
def test_resolve_relative_date(
    expression: str, published: datetime.date, expected: tuple[datetime.date, int]
) -> None:
    assert resolve_relative_date(expression, published) == expected


@pytest.mark.parametrize(
    "expression",
    [
        "for about two months",
        "for three days",
        "since 2011",
        "for weeks",
        "which has been ongoing for about two months",
        "in the past 24 hours",
        "in 2015",
        "last year",
        "no date in this sentence",
        "residents may leave",
    ],
)
def test_durations_years_and_non_dates_do_not_resolve(expression: str) -> None:
    assert resolve_relative_date(expression, SATURDAY) is None


def test_dateline_with_date_takes_nearest_past_year() -> None:
    text = "DAMASCUS, March 3 (Reuters) - Jets struck a market."
    mention = find_dateline(text, datetime.date(2024, 3, 4))
    assert mention is not None
    assert (mention.text, mention.date, mention.kind) == (
        "DAMASCUS, March 3 (Reuters) -",
        datetime.date(2024, 3, 3),
        "dateline",
    )
    later = find_dateline("KHARTOUM, Dec 30 (AFP) - Fighting went on.", datetime.date(2024, 1, 2))
    assert later is not None and later.date == datetime.date(2023, 12, 30)


def test_dateline_without_date_is_publication_day() -> None:
    mention = find_dateline("BEIRUT (AP) \u2014 Rockets fell overnight.", SUNDAY)
    assert mention is not None
    assert mention.date == SUNDAY and mention.start == 0 and mention.precision == 1


def test_dateline_after_a_headline_and_not_in_prose() -> None:
    text = "Convoy hit near border\n\nGAO, Mali, 2 May 2022 (AFP) - A convoy was ambushed."
    mention = find_dateline(text, None)
    assert mention is not None and mention.date == datetime.date(2022, 5, 2)
    assert text[mention.start : mention.end] == mention.text
    assert find_dateline("The army (SAA) - said it advanced.", SUNDAY) is None
    assert find_dateline("Shelling continued in the south.", SUNDAY) is None


@pytest.mark.slow
def test_find_dates_offsets_kinds_and_durations(make_doc: Callable[[str], Any]) -> None:
    text = (
        "On Saturday, militants attacked a checkpoint near Goma. "
        "The siege, which has been ongoing for about two months, tightened last week. "
        "The group was founded in 2015."
    )
    mentions = find_dates(make_doc(text), SUNDAY)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    by_text = {m.text: m for m in mentions}
    assert by_text["Saturday"].date == SATURDAY and by_text["Saturday"].kind == "relative"
    ongoing = by_text["which has been ongoing for about two months"]
    assert ongoing.kind == "ongoing" and ongoing.date is None
    assert by_text["last week"] == DateMention(
        "last week", text.index("last week"), text.index("last week") + 9, _d(9, 6), 2, "week"
    )
    assert by_text["in 2015"].kind == "year" and by_text["in 2015"].date is None
    # Durations never produce event dates.
    assert all(m.date is None for m in mentions if m.kind in {"duration", "ongoing", "year"})


@pytest.mark.slow
def test_find_dates_with_dateline_and_no_publication_date(make_doc: Callable[[str], Any]) -> None:
    text = "KABUL (Reuters) - Two blasts hit the city on Friday and on 12 August 2021."
    mentions = find_dates(make_doc(text), None)
    kinds = [(m.kind, m.date) for m in mentions]
    assert kinds == [
        ("dateline", None),
        ("relative", None),
        ("absolute", datetime.date(2021, 8, 12)),
    ]
    assert all(m.precision == 3 for m in mentions if m.kind == "relative")


@pytest.mark.slow
def test_find_dates_without_dates(make_doc: Callable[[str], Any]) -> None:
    assert find_dates(make_doc("Troops moved north of the river."), MONDAY) == []


def _d(month: int, day: int) -> datetime.date:
    return datetime.date(2023, month, day)
