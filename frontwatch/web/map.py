"""A self-contained, offline HTML map of events (Leaflet 1.9.4, vendored and inlined).

The page loads nothing from any URL: Leaflet's JS and CSS are read from
``frontwatch/web/static`` and inlined, there is no tile layer (admin boundaries
passed by the caller are the background), and a Content-Security-Policy forbids
any network fetch. Report-derived text is untrusted, so the data travels as JSON
in a ``<script type="application/json">`` block with ``<``, ``>``, ``&`` and
U+2028/U+2029 escaped (it can never close the script element), and the page's
own script builds popups with ``textContent`` only.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

from frontwatch.errors import InputError
from frontwatch.export.geojson import has_coordinates
from frontwatch.models import Event

#: ACLED's six event types and their marker colours (colour-blind-safe Okabe-Ito palette).
EVENT_TYPE_COLOURS: tuple[tuple[str, str], ...] = (
    ("Battles", "#D55E00"),
    ("Explosions/Remote violence", "#E69F00"),
    ("Violence against civilians", "#CC79A7"),
    ("Protests", "#0072B2"),
    ("Riots", "#009E73"),
    ("Strategic developments", "#56B4E9"),
)
OTHER_COLOUR = "#666666"

#: the CSP: no fetch of any kind; only the inline script/style and Leaflet's data: GIF.
_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

_PAGE_CSS = """
html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
#header { height: 2.5em; line-height: 2.5em; padding: 0 1em; background: #333; color: #fff; }
#header h1 { font-size: 1.1em; margin: 0; display: inline; }
#map { position: absolute; top: 2.5em; bottom: 0; left: 0; right: 0; background: #f4f6f8; }
.fw-popup { font-size: 13px; }
.fw-title { font-weight: bold; margin-bottom: 4px; }
.fw-label { color: #555; }
.fw-evidence { margin: 2px 0 0 1.2em; padding: 0; font-style: italic; }
.fw-legend { background: #fff; padding: 6px 8px; border-radius: 4px; font-size: 12px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.fw-swatch { display: inline-block; width: 12px; height: 12px; border-radius: 6px;
  margin-right: 6px; vertical-align: middle; border: 1px solid #222; }
"""

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(value: Any) -> str:
    r"""JSON safe to place inside an HTML ``<script>`` element.

    >>> script_json({"a": "</script><b>&"})
    '{"a": "\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def _static(name: str) -> str:
    """Read a vendored file from ``frontwatch/web/static``."""
    return resources.files("frontwatch.web").joinpath("static", name).read_text(encoding="utf-8")


def _leaflet_js() -> str:
    # The only "href=\"http" in Leaflet is the attribution prefix (disabled on
    # our map); rewriting it as a JS escape keeps the string identical at run time
    # and makes the page trivially checkable for remote loads.
    return _static("leaflet.js").replace(
        'href="https://leafletjs.com"', 'href="\\x68ttps://leafletjs.com"'
    )


def _leaflet_css() -> str:
    # Leaflet's CSS points at marker and layer-control images we neither ship nor
    # use (circle markers only); drop the references so nothing is ever requested.
    return re.sub(r"url\(images/[^)]*\)", "none", _static("leaflet.css"))


def _event_data(event: Event) -> dict[str, Any]:
    """The fields a popup shows; evidence as the list of its sentences."""
    return {
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "location": event.location,
        "admin1": event.admin1,
        "fatalities": event.fatalities,
        "source": event.source,
        "notes": event.notes,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "evidence": list(dict.fromkeys(e.text for e in event.evidence if e.text)),
    }


def render_map(
    events: Iterable[Event],
    *,
    boundaries: dict[str, Any] | None = None,
    title: str = "frontwatch events",
) -> str:
    """Return one self-contained HTML page mapping ``events`` (those with coordinates).

    ``boundaries`` is an optional GeoJSON FeatureCollection of admin polygons
    (``properties.name`` shown as a tooltip) drawn as a grey background. The view
    fits the events, or the boundaries when no event has coordinates.
    """
    mapped = [_event_data(e) for e in events if has_coordinates(e)]
    known = {name for name, _ in EVENT_TYPE_COLOURS}
    legend = [{"event_type": n, "colour": c} for n, c in EVENT_TYPE_COLOURS]
    if any(e["event_type"] not in known for e in mapped):
        legend.append({"event_type": "Other", "colour": OTHER_COLOUR})
    payload = {
        "events": mapped,
        "boundaries": boundaries,
        "legend": legend,
        "other_colour": OTHER_COLOUR,
    }
    try:
        data_json = script_json(payload)
    except ValueError as exc:  # NaN/Infinity in the boundaries: not valid JSON
        raise InputError("map boundaries", f"cannot embed the data ({exc})") from None
    safe_title = html.escape(title)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{safe_title}</title>",
            "<!-- Leaflet 1.9.4 (c) 2010-2023 Volodymyr Agafonkin, (c) 2010-2011 CloudMade;"
            " BSD 2-Clause licence, see frontwatch/web/static/LEAFLET_LICENSE -->",
            f"<style>{_leaflet_css()}</style>",
            f"<style>{_PAGE_CSS}</style>",
            "</head>",
            "<body>",
            f'<div id="header"><h1>{safe_title}</h1> &middot; {len(mapped)} events'
            " &middot; map: Leaflet (BSD-2)</div>",
            '<div id="map"></div>',
            f'<script type="application/json" id="fw-data">{data_json}</script>',
            f"<script>{_leaflet_js()}</script>",
            f"<script>{_static('frontwatch-map.js')}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )
