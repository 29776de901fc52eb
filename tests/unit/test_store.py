"""EventStore and codec: round trips, idempotency, migrations, damaged files, WAL readers."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from frontwatch.errors import InputError, StoreError
from frontwatch.models import (
    Actor,
    Claim,
    Displacement,
    Event,
    Evidence,
    Place,
    Provenance,
    Report,
    TerritoryChange,
)
from frontwatch.store import SCHEMA_VERSION, EventStore, event_from_dict, report_from_dict
from frontwatch.store.schema import MIGRATIONS

TEXT = "Rebels seized Kafr Nabl on Monday. Shelling killed 3 civilians in Idlib. صحفي"


def make_event(n: int, event_type: str = "Battles", admin1: str | None = "Idlib") -> Event:
    return Event(
        event_date=date(2024, 3, n),
        time_precision=1,
        disorder_type="Political violence",
        event_type=event_type,
        sub_event_type="Armed clash",
        actor1="Hayat Tahrir al-Sham",
        inter1=2,
        actor2="Military Forces of Syria (2000-2024)",
        inter2=1,
        interaction=12,
        iso=760,
        country="Syria",
        admin1=admin1,
        location="Kafr Nabl",
        latitude=35.61,
        longitude=36.56,
        geo_precision=1,
        fatalities=n,
        source="SOHR",
        notes=f"Event {n}: <script>alert(1)</script>",
        claims=[Claim(claimant="SOHR", killed=n, qualifier="at least", text="killed 3")],
        evidence=[Evidence(field="event_type", text="seized", start=7, end=13)],
        confidence=0.75,
        contested=n % 2 == 0,
        report_ids=[f"r{n}"],
    )


def make_report(report_id: str = "r1", n_events: int = 2) -> Report:
    place = Place(
        text="Kafr Nabl", start=14, end=23, name="Kafr Nabl", latitude=35.61, longitude=36.56,
        country="Syria", country_code="SY", admin1="Idlib", feature="populated place",
        gazetteer_id="g1", score=0.9,
    )  # fmt: skip
    return Report(
        id=report_id,
        text=TEXT,
        title="Clashes in Idlib",
        published=date(2024, 3, 5),
        source="SOHR",
        url="https://example.org/a",
        provenance=Provenance(translated_by="X", verified=False, statements=["Not verified."]),
        events=[make_event(i + 1) for i in range(n_events)],
        places=[place],
        displacements=[
            Displacement("Idlib", "Afrin", "hundreds", 200, "UNHCR", date(2024, 3, 4), [], place)
        ],
        territory=[TerritoryChange("Kafr Nabl", "HTS", None, date(2024, 3, 4), [], place)],
    )


@pytest.fixture
def store() -> Iterator[EventStore]:
    with EventStore.open(":memory:") as s:
        yield s


def test_codec_round_trips_report_exactly() -> None:
    report = make_report()
    rebuilt = report_from_dict(report.to_dict())
    assert rebuilt == report
    assert rebuilt.to_dict() == report.to_dict()
    assert isinstance(rebuilt.events[0].event_date, date)
    assert isinstance(rebuilt.territory[0].location, Place)


def test_codec_event_and_errors() -> None:
    event = make_event(3)
    assert event_from_dict(event.to_dict()) == event
    bad = event.to_dict() | {"event_date": "yesterday"}
    with pytest.raises(InputError, match=r"events.jsonl: event.event_date: not an ISO date"):
        event_from_dict(bad, origin="events.jsonl")
    with pytest.raises(InputError, match="missing field 'text'"):
        report_from_dict({"id": "x"})
    with pytest.raises(InputError, match="expected a list"):
        report_from_dict({"id": "x", "text": "t", "events": "nope"})
    # Actor is not part of Report, but the codec is generic over dataclasses.
    assert Actor(name="A", inter=1).to_dict()["inter"] == 1


def test_add_report_round_trip(store: EventStore) -> None:
    report = make_report()
    assert store.add_report(report) is True
    assert store.has_report("r1") and not store.has_report("r2")
    assert list(store.reports()) == [report]
    assert list(store.events()) == report.events
    assert store.counts() == {
        "reports": 1,
        "events": 2,
        "places": 1,
        "territory": 1,
        "displacements": 1,
    }


def test_add_report_is_idempotent(store: EventStore) -> None:
    assert store.add_report(make_report()) is True
    assert store.add_report(make_report(n_events=5)) is False
    assert store.counts()["events"] == 2


def test_events_in_ingest_then_salience_order(store: EventStore) -> None:
    second, first = make_report("b", 1), make_report("a", 3)
    store.add_report(second)
    store.add_report(first)
    assert [e.fatalities for e in store.events()] == [1, 1, 2, 3]
    assert [r.id for r in store.reports()] == ["b", "a"]


def test_summary(store: EventStore) -> None:
    report = make_report(n_events=0)
    report.events = [
        make_event(1, "Battles", "Idlib"),
        make_event(2, "Battles", "Idlib"),
        make_event(4, "Battles", None),
        make_event(3, "Protests", "Aleppo"),
    ]
    store.add_report(report)
    rows = store.summary()
    assert [(r.event_type, r.admin1, r.events, r.fatalities) for r in rows] == [
        ("Battles", "Idlib", 2, 3),
        ("Battles", None, 1, 4),
        ("Protests", "Aleppo", 1, 3),
    ]


def test_failed_report_rolls_back_everything(store: EventStore) -> None:
    report = make_report()
    report.events[1].event_type = None  # type: ignore[assignment]  # violates NOT NULL
    with pytest.raises(StoreError, match="could not store report 'r1'"):
        store.add_report(report)
    assert store.counts() == dict.fromkeys(
        ("reports", "events", "places", "territory", "displacements"), 0
    )
    assert store.add_report(make_report()) is True


def test_closed_store_raises(store: EventStore) -> None:
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.counts()


def test_file_store_persists_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with EventStore.open(path) as s:
        s.add_report(make_report())
    with EventStore.open(str(path)) as s:
        assert s.counts()["events"] == 2
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()


def test_migrates_empty_and_older_databases(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()  # creates a zero-byte (version 0) database
    with EventStore.open(empty) as s:
        assert s.counts()["reports"] == 0

    older = tmp_path / "v1.db"
    conn = sqlite3.connect(older)
    try:
        for sql in MIGRATIONS[0]:
            conn.execute(sql)
        conn.execute("PRAGMA user_version = 1")
        conn.commit()
    finally:
        conn.close()
    with EventStore.open(older) as s:
        s.add_report(make_report())
    conn = sqlite3.connect(older)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "events_type_admin1" in names
    finally:
        conn.close()


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    finally:
        conn.close()
    with pytest.raises(StoreError, match="newer than this frontwatch supports"):
        EventStore.open(path)


@pytest.mark.parametrize(
    "content",
    [b"this is not a database\n" * 200, b"SQLite format 3\x00" + b"\xff" * 4000],
    ids=["text", "bad-header"],
)
def test_corrupt_file_left_unchanged(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=r"notes.db: not a frontwatch database \(.+\)$"):
        EventStore.open(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_foreign_sqlite_database_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE customers (id INTEGER)")
        conn.commit()
    finally:
        conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="other tables: customers"):
        EventStore.open(path)
    assert path.read_bytes() == before


def test_bad_paths(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        EventStore.open(tmp_path)
    with pytest.raises(StoreError, match="does not exist"):
        EventStore.open(tmp_path / "missing" / "x.db")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    sqlite3.connect(path).close()
    path.chmod(0o444)
    with pytest.raises(StoreError, match=r"ro\.db: cannot open database"):
        EventStore.open(path)


def test_reader_sees_only_committed_reports_while_writing(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with EventStore.open(path) as writer:
        writer.add_report(make_report("r1"))
    # A second process is mid-transaction: it holds the write lock.
    raw = sqlite3.connect(path, isolation_level=None)
    try:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(
            "INSERT INTO reports (id, ingest_seq, content_hash, provenance, text, ingested_at,"
            " report_json) VALUES ('r9', 9, 'h', '{}', 't', 'now', '{}')"
        )
        with EventStore.open(path) as reader:
            assert reader.counts()["reports"] == 1  # not blocked, no dirty read
            assert [r.id for r in reader.reports()] == ["r1"]
            raw.execute("ROLLBACK")
            with EventStore.open(path) as writer:
                # The reader keeps iterating while the writer commits.
                events = reader.events()
                first = next(events)
                assert writer.add_report(make_report("r2")) is True
                assert first.fatalities == 1
                assert len([first, *events]) == 2
            assert reader.counts()["reports"] == 2
    finally:
        raw.close()
