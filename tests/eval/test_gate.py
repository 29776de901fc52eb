"""CI gate: frontwatch's own extraction, scored on the gold set, meets the floors.

``floors.json`` maps figure names (see ``Evaluation.figures()``: for example
``main.weighted_f1``, ``main.no_event_accuracy``, ``fields.actor1.f1``,
``claims.claimant_accuracy``) to minimum values; every figure must be at least
its floor. A floor naming no figure fails too, so a typo cannot switch a check off.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch.settings import Settings

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold.jsonl"
FLOORS = HERE / "floors.json"


def test_floors_file_is_well_formed() -> None:
    floors = json.loads(FLOORS.read_text("utf-8"))
    assert isinstance(floors, dict) and floors
    for name, floor in floors.items():
        assert isinstance(floor, int | float) and not isinstance(floor, bool), name
        assert 0.0 <= floor <= 1.0, name


@pytest.mark.slow
def test_gold_set_meets_floors() -> None:
    # The gold set ships with the repository: a missing file fails the gate.
    assert GOLD.is_file(), f"{GOLD} is missing"
    from frontwatch.commands.evaluate import extract_gold
    from frontwatch.evaluate import evaluate, format_table, load_jsonl

    result = evaluate(load_jsonl(GOLD), extract_gold(GOLD, Settings()))
    figures = result.figures()
    floors: dict[str, float] = json.loads(FLOORS.read_text("utf-8"))
    unknown = sorted(name for name in floors if name not in figures)
    below = [
        f"{name}: {figures[name]:.4f} < floor {floor}"
        for name, floor in sorted(floors.items())
        if name in figures and figures[name] < floor
    ]
    assert not unknown, f"floors.json names unknown figures: {unknown}"
    assert not below, "below the floor:\n" + "\n".join(below) + "\n\n" + format_table(result)
