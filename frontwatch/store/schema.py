"""The event database schema as an ordered list of migrations.

``PRAGMA user_version`` records how many migrations a database has had. Opening
an older database applies the missing ones in a single transaction (SQLite DDL is
transactional, so a failed migration leaves the file as it was). Never edit a
released migration: append a new one.
"""

from __future__ import annotations

import sqlite3

#: The ACLED columns of ``frontwatch.models.Event`` stored as real columns, in order.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_date",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "source",
    "notes",
)

_V1: tuple[str, ...] = (
    """
    CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        ingest_seq INTEGER NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        title TEXT,
        published TEXT,
        source TEXT,
        url TEXT,
        provenance TEXT NOT NULL,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        report_json TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        event_id_cnty TEXT NOT NULL,
        event_date TEXT,
        year INTEGER,
        time_precision INTEGER NOT NULL,
        disorder_type TEXT NOT NULL,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        actor1 TEXT,
        assoc_actor_1 TEXT,
        inter1 INTEGER,
        actor2 TEXT,
        assoc_actor_2 TEXT,
        inter2 INTEGER,
        interaction INTEGER,
        civilian_targeting TEXT,
        iso INTEGER,
        country TEXT,
        admin1 TEXT,
        admin2 TEXT,
        admin3 TEXT,
        location TEXT,
        latitude REAL,
        longitude REAL,
        geo_precision INTEGER,
        fatalities INTEGER NOT NULL,
        source TEXT,
        notes TEXT NOT NULL,
        claims TEXT NOT NULL,
        evidence TEXT NOT NULL,
        confidence REAL NOT NULL,
        contested INTEGER NOT NULL,
        report_ids TEXT NOT NULL,
        UNIQUE (report_id, position)
    )
    """,
    """
    CREATE TABLE places (
        id INTEGER PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        latitude REAL,
        longitude REAL,
        country TEXT,
        country_code TEXT,
        admin1 TEXT,
        admin2 TEXT,
        admin3 TEXT,
        feature TEXT,
        gazetteer_id TEXT,
        precision INTEGER NOT NULL,
        place_json TEXT NOT NULL,
        UNIQUE (report_id, position)
    )
    """,
    """
    CREATE TABLE territory (
        id INTEGER PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        place TEXT NOT NULL,
        to_actor TEXT,
        from_actor TEXT,
        date TEXT,
        latitude REAL,
        longitude REAL,
        change_json TEXT NOT NULL,
        UNIQUE (report_id, position)
    )
    """,
    """
    CREATE TABLE displacements (
        id INTEGER PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        origin TEXT,
        destination TEXT,
        count_text TEXT,
        count_estimate INTEGER,
        reporter TEXT,
        date TEXT,
        displacement_json TEXT NOT NULL,
        UNIQUE (report_id, position)
    )
    """,
)

# v2: indexes for the summary and map queries, added separately so that the
# upgrade path from an older database is exercised by the tests.
_V2: tuple[str, ...] = (
    "CREATE INDEX events_type_admin1 ON events (event_type, admin1)",
    "CREATE INDEX events_date ON events (event_date)",
    "CREATE INDEX reports_content_hash ON reports (content_hash)",
)

#: Migration ``i`` (0-based) takes a database from user_version ``i`` to ``i + 1``.
MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2)
SCHEMA_VERSION = len(MIGRATIONS)

_OUR_TABLES = frozenset({"reports", "events", "places", "territory", "displacements"})


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version stored in the database header."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def foreign_tables(conn: sqlite3.Connection) -> set[str]:
    """Tables that are not frontwatch's (a version-0 database with any is someone else's)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {str(r[0]) for r in rows} - _OUR_TABLES


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the missing migrations inside one transaction; return the new version.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so the explicit
    BEGIN/COMMIT here is the only transaction. The version is read again under
    the write lock, so two processes opening a new database at once do not both
    try to create the tables.
    """
    if user_version(conn) >= SCHEMA_VERSION:
        return user_version(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = user_version(conn)
        if current >= SCHEMA_VERSION:
            conn.execute("COMMIT")
            return current
        for statements in MIGRATIONS[current:]:
            for sql in statements:
                conn.execute(sql)
        # PRAGMA cannot take a bound parameter; SCHEMA_VERSION is our own int.
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return SCHEMA_VERSION
