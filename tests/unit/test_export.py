"""Exports: ACLED CSV column order and JSON text columns, GeoJSON, JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from frontwatch.export import (
    ACLED_COLUMNS,
    event_id_cnty,
    events_geojson,
    write_events_csv,
    write_reports_jsonl,
)
from frontwatch.models import Claim, Event, Evidence, Report
from frontwatch.store import report_from_dict


def make_event(n: int = 1, **changes: object) -> Event:
    event = Event(
        event_date=date(2024, 3, 5),
        time_precision=1,
        disorder_type="Political violence",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Russia (2000-)",
        inter1=8,
        actor2="Civilians (Ukraine)",
        inter2=7,
        interaction=78,
        civilian_targeting="Civilian targeting",
        iso=804,
        country="Ukraine",
        admin1="Kharkiv",
        location="Kupiansk",
        latitude=49.71,
        longitude=37.61,
        geo_precision=1,
        fatalities=n,
        source="Ukrinform",
        notes='Shelling, "heavy"\nsecond line; Київ',
        claims=[Claim(claimant="governor", killed=n, text="killed")],
        evidence=[Evidence(field="event_type", text="Russian shelling", start=0, end=16)],
        confidence=0.8,
        contested=True,
        report_ids=["b", "a"],
    )
    for key, value in changes.items():
        setattr(event, key, value)
    return event


def test_acled_columns_order() -> None:
    assert ACLED_COLUMNS[:7] == (
        "event_id_cnty",
        "event_date",
        "year",
        "time_precision",
        "disorder_type",
        "event_type",
        "sub_event_type",
    )
    assert ACLED_COLUMNS.index("location") < ACLED_COLUMNS.index("latitude")
    assert ACLED_COLUMNS[-8:] == (
        "source",
        "notes",
        "fatalities",
        "claims",
        "evidence",
        "confidence",
        "contested",
        "report_ids",
    )
    assert len(set(ACLED_COLUMNS)) == len(ACLED_COLUMNS) == 32


def test_event_id_is_stable_and_prefixed() -> None:
    a, b = make_event(), make_event()
    assert event_id_cnty(a) == event_id_cnty(b)
    assert event_id_cnty(a).startswith("FW804-")
    # Report-id order does not matter; fatalities (revisable) do not change the id.
    assert event_id_cnty(make_event(report_ids=["a", "b"], fatalities=9)) == event_id_cnty(a)
    assert event_id_cnty(make_event(location="Izium")) != event_id_cnty(a)
    assert event_id_cnty(make_event(iso=None)).startswith("FW000-")


def test_csv_rows_columns_and_json_text() -> None:
    out = io.StringIO()
    n = write_events_csv([make_event(1), make_event(2, event_date=None), make_event(1)], out)
    assert n == 3
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert len(rows) == 4
    first = dict(zip(ACLED_COLUMNS, rows[1], strict=True))
    assert first["event_date"] == "2024-03-05" and first["year"] == "2024"
    assert first["notes"] == 'Shelling, "heavy"\nsecond line; Київ'
    assert first["assoc_actor_1"] == "" and first["contested"] == "true"
    assert json.loads(first["claims"])[0]["claimant"] == "governor"
    assert json.loads(first["evidence"]) == [
        {"field": "event_type", "text": "Russian shelling", "start": 0, "end": 16}
    ]
    assert json.loads(first["report_ids"]) == ["b", "a"]
    undated = dict(zip(ACLED_COLUMNS, rows[2], strict=True))
    assert undated["event_date"] == "" and undated["year"] == ""
    # The same event twice gets a suffixed, still unique id.
    ids = [r[0] for r in rows[1:]]
    assert ids[2] == f"{ids[0]}-2" and len(set(ids)) == 3


def test_geojson_coordinates_and_properties() -> None:
    events = [make_event(1), make_event(2, latitude=None), make_event(3, longitude=float("nan"))]
    fc = events_geojson(events)
    assert fc["type"] == "FeatureCollection"
    assert len(fc["features"]) == 1
    feature = fc["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [37.61, 49.71]}
    props = feature["properties"]
    assert set(props) == set(ACLED_COLUMNS)
    assert props["claims"][0]["killed"] == 1 and isinstance(props["evidence"], list)
    assert props["event_id_cnty"] == feature["id"]
    json.dumps(fc, allow_nan=False)  # valid JSON


def test_reports_jsonl_round_trip() -> None:
    reports = [
        Report(id="r1", text="Line one\nline two \u2028 Київ", events=[make_event()]),
        Report(id="r2", text="x", published=date(2024, 1, 1)),
    ]
    out = io.StringIO()
    assert write_reports_jsonl(reports, out) == 2
    lines = out.getvalue().splitlines(keepends=False)
    text = out.getvalue()
    assert text.count("\n") == 2 and "Київ" in text
    # U+2028 is escaped, so even str.splitlines sees exactly one line per report.
    assert len(lines) == 2 and "\u2028" not in text
    back = [report_from_dict(json.loads(line)) for line in lines]
    assert back == reports
