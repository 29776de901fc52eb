"""CI gate: geoparsing quality on a fixed GeoWebNews subset must not fall below pinned floors.

Skipped when ../shared is absent. The floors live in ``geo_floors.json`` beside
this file (pinned ~0.02 below the scores reached when they were set); raise
them when the geoparser gets better, never lower them to make a change pass.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from frontwatch.geo import Gazetteer
from frontwatch.geo.evaluation import evaluate, gate_subset, load_gwn

pytestmark = [pytest.mark.slow, pytest.mark.shared]

FLOORS = Path(__file__).with_name("geo_floors.json")


def test_geowebnews_subset_meets_floors(shared_dir: Path, nlp: Any) -> None:
    path = shared_dir / "eval" / "geowebnews" / "GWN.xml"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    floors = json.loads(FLOORS.read_text("utf-8"))
    scores = evaluate(gate_subset(load_gwn(path)), nlp, Gazetteer.load())
    reached = {
        "recall": scores.recall,
        "precision": scores.precision,
        "within_161km": scores.within_161km,
    }
    print(scores.summary())
    low = {k: (round(v, 3), floors[k]) for k, v in reached.items() if v < floors[k]}
    assert not low, f"below the pinned floors (reached, floor): {low}\n{scores.summary()}"
