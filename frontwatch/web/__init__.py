"""The offline HTML event map."""

from __future__ import annotations

from frontwatch.web.map import EVENT_TYPE_COLOURS, render_map, script_json

__all__ = ["EVENT_TYPE_COLOURS", "render_map", "script_json"]
