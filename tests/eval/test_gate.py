"""CI gate: frontwatch's own extraction, scored on each evaluation set, meets its floors.

``floors.json`` maps a set's file name (``gold.jsonl``, ``notes_dev.jsonl``, ...) to
figure names (see ``Evaluation.figures()``: for example ``main.weighted_f1``,
``main.no_event_accuracy``, ``fields.actor1.f1``, ``claims.claimant_accuracy``)
and their minimum values; every figure must be at least its floor. A floor naming
no figure fails too, so a typo cannot switch a check off; every set in this folder
must have floors, so a new set cannot go ungated. See README.md for what each set is.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch.settings import Settings

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors.json"
SETS = (
    "gold.jsonl",
    "notes_dev.jsonl",
    "dev2.jsonl",
    "dev3.jsonl",
    "dev4.jsonl",
    "dev5.jsonl",
    "dev6.jsonl",
    "dev7.jsonl",
    "dev8.jsonl",
    "noev_dev.jsonl",
    "noev2.jsonl",
    "noev3.jsonl",
    "noev4.jsonl",
    "blind.jsonl",
    "blind2.jsonl",
    "blind3.jsonl",
    "blind4.jsonl",
    "blind5.jsonl",
)


def _floors() -> dict[str, dict[str, float]]:
    loaded: dict[str, dict[str, float]] = json.loads(FLOORS.read_text("utf-8"))
    return loaded


def test_floors_file_is_well_formed() -> None:
    floors = _floors()
    assert sorted(floors) == sorted(SETS)
    for name, figures in floors.items():
        assert isinstance(figures, dict) and figures, name
        for figure, floor in figures.items():
            assert isinstance(floor, int | float) and not isinstance(floor, bool), figure
            assert 0.0 <= floor <= 1.0, f"{name}: {figure}"


def test_every_set_in_the_folder_is_gated() -> None:
    assert sorted(p.name for p in HERE.glob("*.jsonl")) == sorted(SETS)


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_set_meets_floors(name: str) -> None:
    path = HERE / name
    # The sets ship with the repository: a missing file fails the gate.
    assert path.is_file(), f"{path} is missing"
    from frontwatch.commands.evaluate import extract_gold
    from frontwatch.evaluate import evaluate, format_table, load_jsonl

    result = evaluate(load_jsonl(path), extract_gold(path, Settings()))
    figures = result.figures()
    floors = _floors()[name]
    unknown = sorted(figure for figure in floors if figure not in figures)
    below = [
        f"{figure}: {figures[figure]:.4f} < floor {floor}"
        for figure, floor in sorted(floors.items())
        if figure in figures and figures[figure] < floor
    ]
    assert not unknown, f"floors.json ({name}) names unknown figures: {unknown}"
    assert not below, (
        f"{name} below the floor:\n" + "\n".join(below) + "\n\n" + format_table(result)
    )
