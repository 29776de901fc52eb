"""``EventStore``: the SQLite database of reports and the events coded from them.

This is the only code in frontwatch that writes data to disk. Design choices:

* stdlib ``sqlite3`` in autocommit mode with explicit ``BEGIN IMMEDIATE`` /
  ``COMMIT``, so each report is stored in exactly one transaction and a failure
  rolls all of it back;
* WAL journal mode, so readers (the map, an export) never block the writer and
  always see whole reports;
* the full ``Report.to_dict()`` JSON is kept beside the queryable columns, so
  nothing extracted is ever lost even when a column is missing;
* a file that is not a frontwatch database is refused *before* anything is
  written to it (no WAL switch, no migration), so it stays byte-for-byte intact.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple, TypeVar

from frontwatch.errors import InputError, StoreError
from frontwatch.export.acled import event_id_cnty
from frontwatch.models import Event, Report
from frontwatch.store.codec import event_from_dict, report_from_dict
from frontwatch.store.schema import (
    EVENT_COLUMNS,
    SCHEMA_VERSION,
    foreign_tables,
    migrate,
    user_version,
)

_T = TypeVar("_T")

_COUNTED_TABLES: tuple[str, ...] = ("reports", "events", "places", "territory", "displacements")
#: seconds a writer waits for another process's write lock before giving up
_BUSY_TIMEOUT = 10.0


class SummaryRow(NamedTuple):
    """Events and fatalities per (event type, admin1)."""

    event_type: str
    admin1: str | None
    events: int
    fatalities: int


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _insert_children(
    conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list[list[Any]]
) -> None:
    """Insert rows of a child table; each row starts with report_id and position.

    ``table`` and ``columns`` are our own constants (never input), so building the
    statement text is safe; every value is a bound parameter.
    """
    names = ", ".join(f'"{c}"' for c in ("report_id", "position", *columns))
    marks = ", ".join("?" * (len(columns) + 2))
    conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


class EventStore:
    """A frontwatch event database. Open with :meth:`EventStore.open`; use as a context manager.

    >>> with EventStore.open(":memory:") as store:
    ...     store.add_report(Report(id="r1", text="Nothing happened."))
    ...     store.add_report(Report(id="r1", text="Nothing happened."))
    ...     store.counts()["reports"]
    True
    False
    1
    """

    def __init__(self, conn: sqlite3.Connection, name: str) -> None:
        """Wrap an open, migrated connection (use :meth:`open` instead)."""
        self._conn: sqlite3.Connection | None = conn
        self._name = name

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(cls, path: Path | str) -> EventStore:
        """Open (creating or migrating as needed) the database at ``path``; ":memory:" allowed."""
        name = str(path)
        if name != ":memory:":
            target = Path(path)
            if target.is_dir():
                raise StoreError(f"{name}: is a directory, not a database file")
            if not target.parent.is_dir():
                raise StoreError(f"{name}: directory {target.parent} does not exist")
        try:
            conn = sqlite3.connect(name, isolation_level=None, timeout=_BUSY_TIMEOUT)
        except sqlite3.Error as exc:
            raise StoreError(f"{name}: cannot open database ({exc})") from None
        try:
            cls._prepare(conn, name)
        except sqlite3.OperationalError as exc:
            conn.close()
            raise StoreError(f"{name}: cannot open database ({exc})") from None
        except sqlite3.DatabaseError as exc:
            # "file is not a database", "database disk image is malformed", ...
            conn.close()
            raise StoreError(f"{name}: not a frontwatch database ({exc})") from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, name)

    @staticmethod
    def _prepare(conn: sqlite3.Connection, name: str) -> None:
        """Check the file is ours and current, then switch on WAL and migrate.

        Everything before the WAL switch only *reads*, so a foreign or corrupt
        file raises here without a byte of it being changed.
        """
        conn.row_factory = sqlite3.Row
        version = user_version(conn)  # reads the header: fails on a non-database
        others = foreign_tables(conn)  # reads the schema: fails on a corrupt one
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{name}: database schema version {version} is newer than this frontwatch "
                f"supports ({SCHEMA_VERSION}); upgrade frontwatch"
            )
        if version == 0 and others:
            listed = ", ".join(sorted(others)[:5])
            raise StoreError(f"{name}: not a frontwatch database (it has other tables: {listed})")
        conn.execute("PRAGMA foreign_keys = ON")
        if name != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        migrate(conn)

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def path(self) -> str:
        """The path the store was opened with."""
        return self._name

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"{self._name}: the store is closed")
        return self._conn

    # -- writing ---------------------------------------------------------------

    def add_report(self, report: Report) -> bool:
        """Store ``report`` and everything extracted from it; False if its id is already stored.

        One transaction per report: on any error nothing of it is kept.
        """
        conn = self._db()
        try:
            data = report.to_dict()
            report_json = _json(data)
        except (TypeError, ValueError) as exc:
            raise StoreError(
                f"{self._name}: report {report.id!r} cannot be stored ({exc})"
            ) from None
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                if self._has(conn, report.id):
                    conn.execute("ROLLBACK")
                    return False
                self._insert(conn, report, data, report_json)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StoreError(
                f"{self._name}: could not store report {report.id!r} ({exc})"
            ) from None
        return True

    @staticmethod
    def _insert(
        conn: sqlite3.Connection, report: Report, data: dict[str, Any], report_json: str
    ) -> None:
        """Insert the report row and its child rows (caller holds the transaction)."""
        seq_row = conn.execute("SELECT COALESCE(MAX(ingest_seq), 0) + 1 FROM reports").fetchone()
        conn.execute(
            "INSERT INTO reports (id, ingest_seq, content_hash, title, published, source, url,"
            " provenance, text, ingested_at, report_json) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                report.id,
                int(seq_row[0]),
                hashlib.sha256(report.text.encode("utf-8")).hexdigest(),
                report.title,
                data["published"],
                report.source,
                report.url,
                _json(data["provenance"]),
                report.text,
                datetime.now(UTC).isoformat(timespec="seconds"),
                report_json,
            ),
        )
        cols = ("report_id", "position", "event_id_cnty", *EVENT_COLUMNS, "year")
        extra = ("claims", "evidence", "confidence", "contested", "report_ids")
        event_sql = (
            f"INSERT INTO events ({', '.join(cols + extra)}) "
            f"VALUES ({', '.join('?' * (len(cols) + len(extra)))})"
        )
        for position, (event, edict) in enumerate(zip(report.events, data["events"], strict=True)):
            year = event.event_date.year if event.event_date else None
            values = [report.id, position, event_id_cnty(event)]
            values += [edict[c] for c in EVENT_COLUMNS] + [year]
            values += [_json(edict["claims"]), _json(edict["evidence"]), event.confidence]
            values += [int(bool(event.contested)), _json(edict["report_ids"])]
            conn.execute(event_sql, values)
        place_keys: tuple[str, ...] = (
            *("name", "text", "start", "end", "latitude", "longitude", "country"),
            *("country_code", "admin1", "admin2", "admin3", "feature", "gazetteer_id", "precision"),
        )
        _insert_children(
            conn,
            "places",
            (*place_keys, "place_json"),
            [
                [report.id, i, *(p[k] for k in place_keys), _json(p)]
                for i, p in enumerate(data["places"])
            ],
        )
        territory_rows = []
        for i, t in enumerate(data["territory"]):
            loc = t.get("location") or {}
            head = [report.id, i, t["place"], t["to_actor"], t["from_actor"], t["date"]]
            territory_rows.append([*head, loc.get("latitude"), loc.get("longitude"), _json(t)])
        _insert_children(
            conn,
            "territory",
            ("place", "to_actor", "from_actor", "date", "latitude", "longitude", "change_json"),
            territory_rows,
        )
        disp_keys = ("origin", "destination", "count_text", "count_estimate", "reporter", "date")
        _insert_children(
            conn,
            "displacements",
            (*disp_keys, "displacement_json"),
            [
                [report.id, i, *(d[k] for k in disp_keys), _json(d)]
                for i, d in enumerate(data["displacements"])
            ],
        )

    # -- reading ---------------------------------------------------------------

    @staticmethod
    def _has(conn: sqlite3.Connection, report_id: str) -> bool:
        return (
            conn.execute("SELECT 1 FROM reports WHERE id = ?", (report_id,)).fetchone() is not None
        )

    def has_report(self, report_id: str) -> bool:
        """True when a report with this id is stored."""
        return self._guard(lambda: self._has(self._db(), report_id))

    def reports(self) -> Iterator[Report]:
        """Every stored report, in ingest order, rebuilt from its stored JSON."""
        for row in self._rows("SELECT id, report_json FROM reports ORDER BY ingest_seq"):
            origin = f"{self._name}: report {row['id']!r}"
            try:
                yield report_from_dict(json.loads(row["report_json"]), origin=origin)
            except (InputError, ValueError) as exc:
                raise StoreError(f"{origin}: stored JSON is damaged ({exc})") from None

    def events(self) -> Iterator[Event]:
        """Every stored event, by report ingest order then salience rank."""
        sql = (
            "SELECT e.* FROM events AS e JOIN reports AS r ON r.id = e.report_id"
            " ORDER BY r.ingest_seq, e.position"
        )
        for row in self._rows(sql):
            origin = f"{self._name}: event {row['id']}"
            try:
                data: dict[str, Any] = {c: row[c] for c in EVENT_COLUMNS}
                for key in ("claims", "evidence", "report_ids"):
                    data[key] = json.loads(row[key])
                data["confidence"] = row["confidence"]
                data["contested"] = bool(row["contested"])
                yield event_from_dict(data, origin=origin)
            except (InputError, ValueError) as exc:
                raise StoreError(f"{origin}: stored row is damaged ({exc})") from None

    def summary(self) -> list[SummaryRow]:
        """Events and fatalities per (event_type, admin1), sorted by both (unknown admin1 last)."""
        rows = self._guard(
            lambda: (
                self._db()
                .execute(
                    "SELECT event_type, admin1, COUNT(*) AS n, COALESCE(SUM(fatalities), 0) AS f"
                    " FROM events GROUP BY event_type, admin1"
                    " ORDER BY event_type, admin1 IS NULL, admin1"
                )
                .fetchall()
            )
        )
        return [SummaryRow(r[0], r[1], int(r[2]), int(r[3])) for r in rows]

    def counts(self) -> dict[str, int]:
        """Row counts of reports, events, places, territory and displacements."""

        def _count() -> dict[str, int]:
            conn = self._db()
            # One read transaction, so the counts are one consistent snapshot even
            # while another process is writing. Table names are our own constants.
            conn.execute("BEGIN")
            try:
                return {
                    t: int(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
                    for t in _COUNTED_TABLES
                }
            finally:
                conn.execute("COMMIT")

        return self._guard(_count)

    def _guard(self, call: Callable[[], _T]) -> _T:
        """Run a read, turning sqlite errors into a one-line StoreError."""
        try:
            return call()
        except sqlite3.Error as exc:
            raise StoreError(f"{self._name}: cannot read the database ({exc})") from None

    def _rows(self, sql: str) -> Iterator[sqlite3.Row]:
        """Stream the rows of a query in batches, with sqlite errors as StoreError."""
        cursor = self._guard(lambda: self._db().execute(sql))
        try:
            while batch := self._guard(lambda: cursor.fetchmany(256)):
                yield from batch
        finally:
            cursor.close()
