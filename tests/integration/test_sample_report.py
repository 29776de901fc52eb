"""The sample Idleb report from ../shared, end to end (skipped when ../shared is absent).

What a human coder would take from it: fighting between the National Front
for Liberation and Syrian government forces around Ajaz in south-eastern
Idleb, Russian air strikes and government shelling, villages taken by the
opposition, HTS's killed-and-wounded claim kept as a claim, civilians fleeing
from around Maarat al-Nu'man, and the translation/verification provenance.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import frontwatch
from frontwatch.models import Report

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(shared_dir: Path) -> Report:
    text = (shared_dir / "articles" / "idleb_countryside_report.txt").read_text("utf-8")
    return frontwatch.extract(text, published=date(2019, 12, 2), source="Alsouria Net")


def test_armed_clash_between_the_front_and_government_forces_near_ajaz(report: Report) -> None:
    clashes = [
        e
        for e in report.events
        if e.sub_event_type == "Armed clash"
        and {e.actor1, e.actor2}
        >= {"National Front for Liberation", "Military Forces of Syria (2000-2024)"}
    ]
    assert clashes, [(e.sub_event_type, e.actor1, e.actor2) for e in report.events]
    assert any("aja" in (e.location or "").lower() for e in clashes)
    assert all(e.admin1 == "Idleb" for e in clashes)


def test_russian_air_strikes_and_government_shelling(report: Report) -> None:
    kinds = {(e.sub_event_type, e.actor1, e.admin1) for e in report.events}
    assert ("Air/drone strike", "Military Forces of Russia (2000-)", "Idleb") in kinds
    assert (
        "Shelling/artillery/missile attack",
        "Military Forces of Syria (2000-2024)",
        "Idleb",
    ) in kinds


def test_territory_taken_by_the_opposition(report: Report) -> None:
    places = {t.place.lower() for t in report.territory}
    for village in ("aja", "istabalat", "ward", "sarouj"):
        assert any(village in p for p in places), places
    assert all(t.to_actor and "Opposition" in t.to_actor for t in report.territory)


def test_hts_claim_is_a_claim_not_fatalities(report: Report) -> None:
    claims = [c for e in report.events for c in e.claims]
    hts = [c for c in claims if c.claimant == "Hayat Tahrir al-Sham"]
    assert hts and hts[0].killed_or_wounded == 110 and hts[0].qualifier == "more than"
    assert hts[0].killed is None
    assert all(e.fatalities < 110 for e in report.events)


def test_displacement_towards_the_north_west(report: Report) -> None:
    assert report.displacements
    flow = report.displacements[0]
    assert "nu'man" in (flow.origin or "").lower()
    assert "northwestern syria" in (flow.destination or "").lower()
    assert flow.count_estimate and flow.count_estimate >= 1000


def test_events_are_in_idleb_or_lattakia_never_damascus_or_aleppo(report: Report) -> None:
    assert report.events
    for event in report.events:
        assert event.admin1 in ("Idleb", "Lattakia"), (event.location, event.admin1)


def test_dates_between_30_november_and_2_december(report: Report) -> None:
    for event in report.events:
        assert event.event_date is not None
        assert date(2019, 11, 30) <= event.event_date <= date(2019, 12, 2)


def test_provenance_and_no_furniture(report: Report) -> None:
    assert report.provenance.translated_by == "The Syrian Observer"
    assert report.provenance.original_source == "Alsouria Net"
    assert report.provenance.verified is False
    for furniture in ("Logo Wide", "Helpful keywords", "translated and edited by"):
        assert furniture not in report.text
    assert report.text.count("Trying to Regain What They Lost") == 0
