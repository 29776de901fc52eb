"""ACLED's conservative fatality rule: only deaths, lowest of conflicting figures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from frontwatch.events.claims import find_claims
from frontwatch.events.fatalities import FatalityCount, conservative_fatalities
from frontwatch.models import Claim


def _claim(claimant: str | None, start: int, **figures: Any) -> Claim:
    """A claim from its own sentence (``start`` tells sentences apart)."""
    return Claim(claimant, text=f"sentence at {start}", start=start, end=start + 10, **figures)


def test_no_claims_is_zero() -> None:
    assert conservative_fatalities([]) == FatalityCount(0, False, None, None)


def test_wounded_and_casualties_count_zero() -> None:
    claims = [
        _claim("Rebels", 0, killed_or_wounded=110, qualifier="more than"),
        _claim("Medics", 50, wounded=12),
        _claim(None, 90, captured=4),
    ]
    result = conservative_fatalities(claims)
    assert (result.value, result.disputed, result.evidence) == (0, False, None)


def test_conflicting_figures_take_the_lowest_with_note() -> None:
    hts = _claim("Hayat Tahrir al-Sham", 0, killed=40, about="Military Forces of Syria")
    sohr = _claim("Syrian Observatory", 80, killed=12, about="Military Forces of Syria")
    result = conservative_fatalities([hts, sohr])
    assert result.value == 12 and result.disputed and result.evidence is sohr
    assert result.note == (
        "Fatality figures conflict (Hayat Tahrir al-Sham: 40; Syrian Observatory: 12); "
        "the lowest is coded."
    )


def test_same_figure_twice_is_not_disputed() -> None:
    result = conservative_fatalities([_claim("Police", 0, killed=5), _claim("AFP", 60, killed=5)])
    assert (result.value, result.disputed, result.note) == (5, False, None)


def test_different_victim_groups_are_summed() -> None:
    claims = [
        _claim("Army", 0, killed=30, about="Al Shabaab"),
        _claim("Al Shabaab", 40, killed=9, about="Military Forces of Somalia"),
        _claim("Residents", 80, killed=4, about="civilians"),
        _claim("Hospital", 120, killed=2, about="civilians"),
    ]
    result = conservative_fatalities(claims)
    # 30 + 9 + lowest of (4, 2) for the civilians
    assert result.value == 41 and result.disputed
    assert result.note is not None and "Residents: 4; Hospital: 2" in result.note


def test_figures_in_one_sentence_add_up() -> None:
    soldiers = Claim(None, killed=5, text="s", start=0, end=40)
    civilians = Claim(None, killed=3, about="civilians", text="s", start=0, end=40)
    result = conservative_fatalities([soldiers, civilians])
    assert (result.value, result.disputed) == (8, False)


def test_unattributed_group_joins_the_only_named_group() -> None:
    claims = [_claim("Army", 0, killed=20, about="ISWAP"), _claim("Medic", 70, killed=6)]
    result = conservative_fatalities(claims)
    assert (result.value, result.disputed) == (6, True)
    assert result.note is not None and "unattributed" not in result.note
    assert "Medic: 6" in result.note


def test_unknown_claimant_is_named_unattributed() -> None:
    result = conservative_fatalities([_claim(None, 0, killed=9), _claim("Police", 30, killed=7)])
    assert result.value == 7
    assert (
        result.note
        == "Fatality figures conflict (unattributed: 9; Police: 7); the lowest is coded."
    )


@pytest.mark.slow
def test_from_text_killed_and_wounded_is_not_counted(make_doc: Callable[[str], Any]) -> None:
    text = (
        "The rebels said their offensive killed and wounded more than 80 soldiers. "
        "A local monitor said 15 soldiers were killed. "
        "State media reported that 9 soldiers died."
    )
    claims = find_claims(make_doc(text), [])
    assert [c.killed for c in claims] == [None, 15, 9]
    result = conservative_fatalities(claims)
    assert (result.value, result.disputed) == (9, True)
    assert result.note == (
        "Fatality figures conflict (A local monitor: 15; State media: 9); the lowest is coded."
    )
