"""The offline HTML map: nothing remote, untrusted text escaped, data and legend embedded."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from importlib import resources

import pytest

from frontwatch.errors import InputError
from frontwatch.models import Event, Evidence
from frontwatch.web import EVENT_TYPE_COLOURS, render_map, script_json

EVIL = "<script>alert(1)</script>"
BOUNDARIES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"name": f"Idlib {EVIL}"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[36.0, 35.0], [37.0, 35.0], [37.0, 36.5], [36.0, 35.0]]],
            },
        }
    ],
}


def make_event(n: int, event_type: str = "Battles", lat: float | None = 35.6) -> Event:
    return Event(
        event_date=date(2024, 3, n),
        time_precision=1,
        disorder_type="Political violence",
        event_type=event_type,
        sub_event_type="Armed clash",
        actor1=f"Rebels {EVIL}",
        actor2="Military Forces of Syria (2000-2024)",
        location="Kafr Nabl & co \u2028",
        admin1="Idlib",
        latitude=lat,
        longitude=36.5 + n / 10,
        fatalities=n,
        source="SOHR",
        notes=f"Notes {EVIL}",
        evidence=[Evidence(field="event_type", text=f"They clashed {EVIL}", start=0, end=5)],
        report_ids=["r1"],
    )


class _Tags(HTMLParser):
    """Collect every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def embedded_data(page: str) -> dict[str, object]:
    match = re.search(
        r'<script type="application/json" id="fw-data">(.*?)</script>', page, re.DOTALL
    )
    assert match is not None
    data = json.loads(match.group(1))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def page() -> str:
    events = [make_event(1), make_event(2, "Protests"), make_event(3, lat=None)]
    return render_map(events, boundaries=BOUNDARIES, title=f"Syria {EVIL}")


def test_nothing_loaded_from_a_url(page: str) -> None:
    for needle in ('src="http', 'href="http', "src='http", "url(http", "url(images/", "@import"):
        assert needle not in page
    parser = _Tags()
    parser.feed(page)
    tags = parser.tags
    assert not [t for t, _ in tags if t in ("link", "img", "iframe", "object", "embed")]
    assert all("src" not in attrs for t, attrs in tags if t == "script")
    assert any(
        t == "meta" and attrs.get("http-equiv") == "Content-Security-Policy" for t, attrs in tags
    )
    assert "L.tileLayer" not in page and "Leaflet 1.9.4" in page


def test_untrusted_text_never_appears_unescaped(page: str) -> None:
    assert EVIL not in page
    assert "alert(1)</script>" not in page
    assert "\u2028" not in page
    # Only our three script elements close in the page.
    assert page.count("</script>") == 3
    assert "Syria &lt;script&gt;" in page
    data = embedded_data(page)
    events = data["events"]
    assert isinstance(events, list)
    assert events[0]["actor1"] == f"Rebels {EVIL}"  # intact after JSON decoding
    assert events[0]["evidence"] == [f"They clashed {EVIL}"]


def test_page_script_uses_text_content_only() -> None:
    js = resources.files("frontwatch.web").joinpath("static", "frontwatch-map.js").read_text()
    for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write"):
        assert sink not in js
    assert "textContent" in js and "circleMarker" in js and "fitBounds" in js


def test_event_count_legend_and_boundaries(page: str) -> None:
    data = embedded_data(page)
    events = data["events"]
    assert isinstance(events, list) and len(events) == 2  # the one without latitude is skipped
    assert [e["event_type"] for e in events] == ["Battles", "Protests"]
    legend = data["legend"]
    assert isinstance(legend, list)
    assert [item["event_type"] for item in legend] == [n for n, _ in EVENT_TYPE_COLOURS]
    assert len({item["colour"] for item in legend}) == 6
    assert data["boundaries"] == BOUNDARIES
    assert "2 events" in page


def test_other_type_and_no_events() -> None:
    data = embedded_data(render_map([make_event(1, "Something new")]))
    legend = data["legend"]
    assert isinstance(legend, list) and legend[-1]["event_type"] == "Other"
    empty = embedded_data(render_map([], boundaries=BOUNDARIES))
    assert empty["events"] == [] and empty["boundaries"] == BOUNDARIES
    assert embedded_data(render_map([]))["boundaries"] is None


def test_script_json_escapes() -> None:
    text = script_json({"k": "</script><!-- & \u2028\u2029 >"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"k": "</script><!-- & \u2028\u2029 >"}


def test_unembeddable_boundaries_raise_input_error() -> None:
    bad = {"type": "FeatureCollection", "features": [{"x": float("nan")}]}
    with pytest.raises(InputError, match="map boundaries: cannot embed"):
        render_map([], boundaries=bad)
