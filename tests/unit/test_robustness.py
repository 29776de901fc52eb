"""Robustness: odd shapes of input give sane output and never a traceback.

Every text here is written for this file. Each test checks more than "no
exception": the events it must find, or the values it must never produce.
Each case was written to expose a failure mode (bullets joined into one
sentence, texts over spaCy's length limit, control characters inside a toll,
words in capitals read as places); all of them are fixed and guarded here.

What the API does with text that has nothing in it (whitespace, punctuation,
emoji): ``extract`` returns an empty :class:`Report` (``text == ""``, no
events); the CLI refuses a whitespace-only *file* with "FILE: empty file" and
a file with a NUL byte with "FILE: binary file (not text)", exit status 1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import frontwatch
from frontwatch.cli import cli
from frontwatch.errors import FrontwatchError, InputError
from frontwatch.models import Event, Report
from frontwatch.nlp import normalise_quotes
from frontwatch.ontology import load_ontology

pytestmark = pytest.mark.slow  # every test runs the full pipeline (spaCy)

PUBLISHED = "2019-05-21"

AIRSTRIKE = "Russian warplanes struck the town of Saraqib in Idlib, killing four civilians."
ABDUCTION = "Gunmen abducted two aid workers near Daraa."
PROTEST = "Protesters demonstrated against the government in Suwayda."
INCIDENTS = (AIRSTRIKE, ABDUCTION, PROTEST)
INCIDENT_TYPES = {
    "Air/drone strike",
    "Abduction/forced disappearance",
    "Peaceful protest",
}


def _extract(text: str, **kwargs: Any) -> Report:
    report = frontwatch.extract(text, published=PUBLISHED, source="Robustness", **kwargs)
    _assert_sane(report)
    return report


def _assert_sane(report: Report) -> None:
    """Types, vocabulary, ranges and evidence offsets of a whole report."""
    ontology = load_ontology()
    assert isinstance(report, Report)
    assert isinstance(report.text, str)
    assert report.id.strip()
    text = normalise_quotes(report.text)
    for event in report.events:
        assert isinstance(event, Event)
        sub = ontology.sub_event(event.sub_event_type)  # raises on an unknown type
        assert sub is not None
        assert isinstance(event.fatalities, int)
        assert 0 <= event.fatalities <= 1000
        assert 0.0 <= event.confidence <= 1.0
        if event.latitude is not None:
            assert event.longitude is not None
            assert -90 <= event.latitude <= 90
            assert -180 <= event.longitude <= 180
        for ev in event.evidence:
            assert 0 <= ev.start <= ev.end <= len(text), ev
            assert text[ev.start : ev.end] == normalise_quotes(ev.text), ev
    for place in report.places:
        assert 0 <= place.start <= place.end <= len(text)
    report.to_dict()  # serialisable


def _types(report: Report) -> set[str]:
    return {e.sub_event_type for e in report.events}


# --- capitals ---------------------------------------------------------------------


def test_capitalised_headline_then_body_finds_the_body_event() -> None:
    report = _extract(
        "SYRIAN ARMY SHELLS IDLIB VILLAGES\n"
        "Syrian government forces shelled the village of Kafr Nabl in southern Idlib "
        "on Monday, killing three civilians, a local monitor said."
    )
    assert report.title == "SYRIAN ARMY SHELLS IDLIB VILLAGES"
    assert "SHELLS" not in report.text  # the headline is not body text
    shelling = [e for e in report.events if e.sub_event_type.startswith("Shelling")]
    assert shelling, report.events
    assert shelling[0].fatalities == 3
    assert shelling[0].actor1 is not None and "Syria" in shelling[0].actor1
    assert shelling[0].country == "Syria"


ALL_CAPS = (
    "SYRIAN GOVERNMENT FORCES SHELLED THE VILLAGE OF KAFR NABL IN SOUTHERN IDLIB ON MONDAY, "
    "KILLING THREE CIVILIANS, A LOCAL MONITOR SAID. REBELS RESPONDED WITH ROCKET FIRE."
)


def test_all_caps_body_gives_a_sane_report() -> None:
    # Today it yields a shelling event with 3 fatalities; where it is placed is
    # the subject of the next test.
    report = _extract(ALL_CAPS)
    assert report.title is None  # one paragraph: nothing to take as a headline
    assert report.text == ALL_CAPS
    for event in report.events:
        assert event.fatalities <= 3


def test_all_caps_body_is_not_placed_in_another_country() -> None:
    report = _extract(ALL_CAPS)
    assert report.events
    assert all(e.country in (None, "Syria") for e in report.events)
    assert all(p.country_code in (None, "SY") for p in report.places)


# --- bullet lists -----------------------------------------------------------------


@pytest.mark.parametrize(
    "bullet",
    [
        "- ",
        "• ",
        "* ",
        "1. ",
    ],
)
def test_bullet_list_finds_each_incident(bullet: str) -> None:
    lines = [f"{bullet}{line}" for line in INCIDENTS]
    if bullet == "1. ":
        lines = [f"{n}. {line}" for n, line in enumerate(INCIDENTS, start=1)]
    report = _extract("Incidents reported on Monday:\n" + "\n".join(lines))
    assert _types(report) >= INCIDENT_TYPES, _types(report)
    strike = next(e for e in report.events if e.sub_event_type == "Air/drone strike")
    assert strike.fatalities == 4
    assert strike.location == "Saraqib"
    protest = next(e for e in report.events if e.sub_event_type == "Peaceful protest")
    assert protest.fatalities == 0


def test_same_incidents_as_plain_lines_for_reference() -> None:
    report = _extract("\n".join(INCIDENTS))
    assert _types(report) >= INCIDENT_TYPES


# --- tables flattened to text -------------------------------------------------------

_YEARS_AND_TOTALS = {2019, 2020, 2023, 2024, 6, 12, 18}


@pytest.mark.parametrize(
    "table",
    [
        "Casualties this week\n"
        "Date | Place | Event | Killed\n"
        "2023-03-01 | Saraqib | airstrike | 4\n"
        "2023-03-02 | Ariha | shelling | 2\n"
        "Total | | | 6\n",
        "Date\tPlace\tEvent\tKilled\n"
        "2023-03-01\tSaraqib\tairstrike\t4\n"
        "2023-03-02\tAriha\tshelling\t2\n"
        "Total\t\t\t6\n"
        "2023\tIdlib\tyear total\t12\n",
        "| Year | Town | Dead |\n|---|---|---|\n| 2019 | Saraqib | 4 |\n| 2020 | Ariha | 2 |\n"
        "| Total | | 6 |\n\n"
        "Russian warplanes struck Saraqib in 2019, killing four civilians.",
    ],
    ids=["pipes", "tabs", "markdown"],
)
def test_flattened_table_gives_no_absurd_fatalities(table: str) -> None:
    report = _extract(table)
    for event in report.events:
        # a year or a column total is never a death toll; no single row exceeds 4
        assert event.fatalities not in _YEARS_AND_TOTALS - {0}
        assert event.fatalities <= 4
        for claim in event.claims:
            for value in (claim.killed, claim.killed_or_wounded, claim.wounded):
                assert value is None or value <= 12


# --- texts with no verbs, or nothing at all ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Idlib, Hama, Aleppo, Saraqib, Ariha",
        "Idlib. Hama. Aleppo.",
        "12 34 2023 5,000 7.5 100",
        "Idlib",
        "Killed",
    ],
)
def test_verbless_text_gives_no_events(text: str) -> None:
    report = _extract(text)
    assert report.events == []
    assert report.text == text  # nothing to clean away


def test_place_list_still_geoparses() -> None:
    report = _extract("Idlib. Hama. Aleppo.")
    assert {p.country_code for p in report.places} == {"SY"}
    assert report.places


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\n\t \n", "!!! ... ??? --- ,,, ;;", "\U0001f4a5\U0001f525\U0001f622"],
    ids=["empty", "spaces", "newlines", "punctuation", "emoji"],
)
def test_contentless_text_gives_an_empty_report(text: str) -> None:
    # extract() documents no InputError for empty text: it returns an empty report.
    report = _extract(text)
    assert report.text == ""
    assert report.events == [] and report.places == [] and report.territory == []


def test_extract_many_refuses_a_blank_mapping_row_with_input_error() -> None:
    with pytest.raises(InputError, match="record 1: no 'text' value"):
        list(frontwatch.extract_many([{"text": "  \n"}]))


# --- very long lines and words ------------------------------------------------------

_PROSE_TEXT = (
    "government forces shelled the village of saraqib and residents said the market "
    "was damaged while many families fled north toward the border crossing"
)
_PROSE = _PROSE_TEXT.split()


def _long_line(words: int) -> str:
    return " ".join(_PROSE[i % len(_PROSE)] for i in range(words))


def test_long_line_without_punctuation_is_bounded() -> None:
    # Sentences are capped (nlp.MAX_SENTENCE_TOKENS), so time grows linearly;
    # the timing itself is measured by benchmarks/long_input.py, not here.
    text = _long_line(2_000)
    report = _extract(text)
    assert len(report.text.split()) == 2_000
    assert len(report.events) <= 5


def test_extremely_long_words() -> None:
    url = "https://example.org/" + "a" * 10_000
    report = _extract(f"{AIRSTRIKE} Source: {url} (accessed Monday)")
    assert "Air/drone strike" in _types(report)
    assert _extract("x" * 20_000).events == []
    assert _extract(" ".join(["y" * 5_000] * 4)).events == []


# --- scripts, control characters, NUL ---------------------------------------------


def test_arabic_words_inside_english_text() -> None:
    report = _extract(
        "Russian warplanes struck the town of \u0633\u0631\u0627\u0642\u0628 (Saraqib) in "
        "Idlib on Monday, killing four civilians, said the Syrian Observatory "
        "(\u0627\u0644\u0645\u0631\u0635\u062f \u0627\u0644\u0633\u0648\u0631\u064a)."
    )
    strike = next(e for e in report.events if e.sub_event_type == "Air/drone strike")
    assert strike.fatalities == 4
    assert strike.country == "Syria"


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x0b", "\x7f", "\u200b", "\ufeff"])
def test_control_characters_inside_text(char: str) -> None:
    report = _extract(f"Russian warplanes{char} struck the town of Saraqib in Idlib{char}, {char}")
    assert report.events  # the cue survives a stray control character
    assert "Air/drone strike" in _types(report)


def test_control_character_next_to_the_toll_keeps_it() -> None:
    report = _extract("Russian warplanes struck Saraqib in Idlib, killing four\x07 civilians.\x7f")
    assert [e.fatalities for e in report.events] == [4]


def _run_cli(tmp_path: Path, name: str, data: bytes) -> Any:
    path = tmp_path / name
    path.write_bytes(data)
    return CliRunner().invoke(cli, ["extract", str(path), "--published", PUBLISHED])


def _assert_no_traceback(result: Any) -> None:
    assert "Traceback" not in result.output  # click >= 8.2: stdout and stderr
    # CliRunner calls ``cli`` itself; the entry point ``main`` turns a FrontwatchError
    # into one line, so that is no traceback either.
    assert result.exception is None or isinstance(result.exception, SystemExit | FrontwatchError), (
        result.exception
    )


@pytest.mark.parametrize(
    "data",
    [
        AIRSTRIKE.replace("Saraqib", "Saraqib\x00").encode(),
        b"\x00" * 64,
        b"  " + AIRSTRIKE.encode() + b"\x00\n",
    ],
    ids=["nul-inside", "nul-only", "nul-at-end"],
)
def test_cli_file_with_nul_bytes_gives_one_line_error(tmp_path: Path, data: bytes) -> None:
    result = _run_cli(tmp_path, "report.txt", data)
    _assert_no_traceback(result)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("frontwatch: error: ") and "report.txt" in lines[0]
    assert "binary file" in lines[0]


def test_cli_file_with_control_characters_and_arabic_is_processed(tmp_path: Path) -> None:
    text = AIRSTRIKE.replace("struck", "struck\x07") + " \u0633\u0631\u0627\u0642\u0628\x1b\n"
    result = _run_cli(tmp_path, "report.txt", text.encode("utf-8"))
    _assert_no_traceback(result)
    assert result.exit_code == 0
    assert '"sub_event_type": "Air/drone strike"' in result.output


def test_cli_whitespace_file_is_an_empty_file_error(tmp_path: Path) -> None:
    result = _run_cli(tmp_path, "blank.txt", b" \n\n\t\n")
    _assert_no_traceback(result)
    assert result.exit_code == 1
    assert result.output.strip() == f"frontwatch: error: {tmp_path / 'blank.txt'}: empty file"


# --- over spaCy's max_length ------------------------------------------------------

# Over spaCy's default nlp.max_length (1,000,000 characters) yet far under the CLI's
# default --max-bytes (5 MiB); few tokens, so a fixed pipeline handles it quickly.
_OVER_MAX_LENGTH = " ".join(["x" * 999] * 1_050)


def test_text_over_spacy_max_length_is_handled() -> None:
    try:
        report = _extract(_OVER_MAX_LENGTH)
    except InputError:
        return  # refusing it with a clear error is fine too
    assert report.events == []


def test_cli_file_over_spacy_max_length(tmp_path: Path) -> None:
    result = _run_cli(tmp_path, "long.txt", _OVER_MAX_LENGTH.encode())
    _assert_no_traceback(result)
