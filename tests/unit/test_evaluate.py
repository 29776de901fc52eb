"""frontwatch.evaluate: field and main-event figures on small hand-made reports.

Every expected number below was worked out by hand from the rows in the test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from frontwatch.cli import cli
from frontwatch.errors import InputError
from frontwatch.evaluate import (
    FIELDS,
    classification,
    evaluate,
    format_table,
    load_jsonl,
    match_claims,
    values_match,
)


def _event(**fields: Any) -> dict[str, Any]:
    event: dict[str, Any] = {name: None for name in FIELDS}
    event["claims"] = []
    event.update(fields)
    return event


FULL = _event(
    sub_event_type="Air/drone strike",
    event_type="Explosions/Remote violence",
    actor1="Military Forces of Russia (2000-)",
    actor2="Civilians (Syria)",
    admin1="Hama",
    location="Kafr Zaytā",
    event_date="2019-05-20",
    fatalities=5,
    claims=[
        {"claimant": "Syrian Observatory for Human Rights", "killed": 5},
        {"claimant": "A local rescue group", "killed": 7},
    ],
)


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return path


def test_perfect_match_scores_one_everywhere() -> None:
    gold = [{"id": "r1", "events": [FULL]}, {"id": "r2", "events": []}]
    result = evaluate(gold, gold)
    for score in result.fields:
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), score.name
    assert result.field("claims").support == 2
    assert result.field("fatalities").support == 1
    assert result.weighted_f1 == result.macro_f1 == result.accuracy == 1.0
    assert result.no_event_accuracy == 1.0
    assert (result.no_event_reports, result.false_events, result.missing_predictions) == (1, 0, 0)
    assert result.claimant_accuracy == 1.0
    assert [s.name for s in result.types] == ["Air/drone strike"]


def test_strings_match_after_transliteration_and_case() -> None:
    gold = [{"id": "r1", "events": [FULL]}]
    pred_event = {
        **FULL,
        "location": "kafr zayta",
        "actor1": "MILITARY FORCES OF RUSSIA (2000-)",
        "sub_event_type": "air/drone  strike",
    }
    result = evaluate(gold, [{"id": "r1", "events": [pred_event]}])
    assert result.field("location").f1 == 1.0
    assert result.field("actor1").f1 == 1.0
    # the label is spelled as in ACLED's list, so the classification agrees too
    assert result.accuracy == 1.0
    assert [s.name for s in result.types] == ["Air/drone strike"]


def test_a_wrong_type_and_a_missing_report() -> None:
    gold = [
        {"id": "r1", "events": [_event(sub_event_type="Armed clash", actor1="A", fatalities=3)]},
        {
            "id": "r2",
            "events": [_event(sub_event_type="Air/drone strike", actor1="B", fatalities=0)],
        },
        {
            "id": "r3",
            "events": [_event(sub_event_type="Air/drone strike", actor1="C", fatalities=2)],
        },
    ]
    pred = [
        {"id": "r1", "events": [_event(sub_event_type="Armed clash", actor1="A", fatalities=3)]},
        {
            "id": "r2",
            "events": [
                _event(sub_event_type="Shelling/artillery/missile attack", actor1="B", fatalities=1)
            ],
        },
        {"id": "extra", "events": []},
    ]
    result = evaluate(gold, pred)
    assert result.missing_predictions == 1
    assert result.unmatched_predictions == 1
    sub = result.field("sub_event_type")  # tp 1 of 2 predicted, 3 in gold
    assert (sub.tp, sub.predicted, sub.support) == (1, 2, 3)
    assert sub.precision == 0.5
    assert sub.recall == pytest.approx(1 / 3)
    assert sub.f1 == pytest.approx(0.4)
    actor1 = result.field("actor1")  # 2 of 2 predicted right, 3 in gold
    assert (actor1.precision, actor1.recall) == (1.0, pytest.approx(2 / 3))
    assert actor1.f1 == pytest.approx(0.8)
    fatalities = result.field("fatalities")  # 0 counts as a value; 1 != 0
    assert (fatalities.tp, fatalities.predicted, fatalities.support) == (1, 2, 3)
    # actor2 is null on both sides: nothing to find, nothing falsely found
    assert result.field("actor2").f1 == 1.0
    assert result.field("actor2").support == 0

    types = {s.name: s for s in result.types}
    assert list(types) == ["Armed clash", "Air/drone strike", "Shelling/artillery/missile attack"]
    assert types["Armed clash"].f1 == 1.0
    assert (types["Air/drone strike"].support, types["Air/drone strike"].f1) == (2, 0.0)
    assert types["Shelling/artillery/missile attack"].precision == 0.0
    assert result.weighted_f1 == pytest.approx(1 / 3)  # (1 * 1.0 + 2 * 0.0) / 3
    assert result.macro_f1 == pytest.approx(1 / 3)  # (1.0 + 0.0 + 0.0) / 3
    assert result.accuracy == pytest.approx(1 / 3)
    assert result.no_event_reports == 0
    assert result.no_event_accuracy == 1.0


def test_a_false_event_on_a_no_event_report() -> None:
    gold = [{"id": "r1", "events": []}, {"id": "r2", "events": []}]
    clash = _event(sub_event_type="Armed clash")
    pred = [{"id": "r1", "events": [clash, clash]}, {"id": "r2", "events": []}]
    result = evaluate(gold, pred)
    assert result.no_event_reports == 2
    assert result.no_event_accuracy == 0.5
    assert (result.false_event_reports, result.false_events) == (1, 2)
    assert result.accuracy == 0.5  # r2: none predicted for none
    sub = result.field("sub_event_type")
    assert (sub.precision, sub.recall, sub.f1) == (0.0, 1.0, 0.0)
    assert result.weighted_f1 == 0.0  # no gold type to average over
    assert result.to_dict()["main"]["false_events"] == 2


def test_location_containment() -> None:
    assert values_match("location", "Khan Shaykhun", "Khan Shaykhun (near)")
    assert values_match("location", "Khan Shaykhun (near)", "Khan Shaykhun")
    assert values_match("location", "Maʿarrat al-Nuʿmān", "Maarrat al Numan")
    assert values_match("location", "Maarat al-Numan (near)", "Maarrat an Nu'man")
    assert values_match("admin1", "Idlib", "Idleb")
    assert not values_match("location", "Hama", "Hamadan")
    assert not values_match("actor1", "Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham (HTS)")
    gold = [
        {"id": "a", "events": [_event(location="Khan Shaykhun")]},
        {"id": "b", "events": [_event(location="Hama")]},
    ]
    pred = [
        {"id": "a", "events": [_event(location="Khan Shaykhun (near)")]},
        {"id": "b", "events": [_event(location="Hamadan")]},
    ]
    location = evaluate(gold, pred).field("location")
    assert (location.tp, location.precision, location.recall) == (1, 0.5, 0.5)


def test_claims_matching_over_all_events() -> None:
    gold_events = [
        _event(
            claims=[
                {"claimant": "Syrian Observatory", "killed": 5},
                {"claimant": "A local rescue group", "killed": 7},
            ]
        ),
        _event(claims=[{"claimant": "Hayat Tahrir al-Sham", "killed_or_wounded": 110}]),
    ]
    pred_events = [
        _event(
            claims=[
                {"claimant": "Syrian Observatory for Human Rights", "killed": 5, "wounded": 3},
                {"claimant": "the army", "killed": 7},
            ]
        ),
        _event(
            claims=[
                {"claimant": "medics", "wounded": 2},
                {"claimant": "nobody", "killed": None, "wounded": None},  # no figure: ignored
            ]
        ),
    ]
    result = evaluate([{"id": "r", "events": gold_events}], [{"id": "r", "events": pred_events}])
    claims = result.field("claims")
    assert (claims.tp, claims.predicted, claims.support) == (2, 3, 3)
    assert claims.f1 == pytest.approx(2 / 3)
    # SOHR matches by containment; "A local rescue group" vs "the army" does not
    assert (result.claims_matched, result.claimants_correct) == (2, 1)
    assert result.claimant_accuracy == 0.5


def test_claims_are_matched_to_distinct_predictions() -> None:
    gold = [{"claimant": "x", "killed": 5}, {"claimant": "y", "killed": 5}]
    assert match_claims(gold, [{"claimant": "x", "killed": 5}]) == [(0, 0)]
    # a greedy pairing would give A the first prediction and leave B unmatched
    gold = [{"claimant": "a", "killed": 5, "wounded": 2}, {"claimant": "b", "killed": 5}]
    pred = [{"claimant": "c", "killed": 5}, {"claimant": "d", "wounded": 2}]
    assert match_claims(gold, pred) == [(0, 1), (1, 0)]


def test_a_gold_id_missing_from_predictions_has_no_events() -> None:
    gold = [{"id": "r1", "events": [FULL]}]
    result = evaluate(gold, [])
    assert result.missing_predictions == 1
    sub = result.field("sub_event_type")
    assert (sub.tp, sub.predicted, sub.support) == (0, 0, 1)
    assert (sub.precision, sub.recall, sub.f1) == (1.0, 0.0, 0.0)
    assert result.field("claims").recall == 0.0
    assert result.accuracy == 0.0
    assert result.weighted_f1 == 0.0


def test_figures_and_table() -> None:
    gold = [{"id": "r1", "events": [FULL]}, {"id": "r2", "events": []}]
    result = evaluate(gold, gold)
    figures = result.figures()
    assert figures["main.weighted_f1"] == 1.0
    assert figures["fields.actor1.f1"] == 1.0
    assert figures["types.Air/drone strike.recall"] == 1.0
    assert figures["claims.claimant_accuracy"] == 1.0
    assert set(result.to_dict()["fields"]) == set(FIELDS)
    table = format_table(result)
    assert "sub_event_type" in table and "Air/drone strike" in table
    assert "no-event accuracy" in table and "weighted F1" in table


def test_classification_row_is_the_main_event() -> None:
    row = {"id": "r", "events": [FULL]}
    assert classification(row) == {
        "id": "r",
        "sub_event_type": "Air/drone strike",
        "event_type": "Explosions/Remote violence",
        "confidence": None,
    }
    assert classification({"id": "n", "events": []})["sub_event_type"] is None


def test_load_jsonl_reads_rows_and_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "events": []}\n\n{"id": 2, "events": []}\n', "utf-8")
    assert [r["id"] for r in load_jsonl(path)] == ["a", "2"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"id": "a", "events": []}\n\n{not json\n', "line 3: invalid JSON"),
        ('{"id": "a", "events": []}\n[1, 2]\n', "line 2: expected a JSON object, got list"),
        ('{"id": "a", "events": []}\n{"id": "a", "events": []}\n', "line 2: duplicate id 'a'"),
        ('{"events": []}\n', "line 1: no 'id'"),
        ('{"id": "a"}\n', "line 1: no 'events' list"),
        ('{"id": "a", "events": [3]}\n', "line 1: event 1 is not a JSON object"),
        ('{"id": "a", "events": [{"claims": 5}]}\n', "line 1: event 1: 'claims' is not a list"),
        ("\n\n", "empty file"),
    ],
)
def test_bad_jsonl_names_file_and_line(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, "utf-8")
    with pytest.raises(InputError) as caught:
        load_jsonl(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert problem in message
    assert "\n" not in message


def test_load_jsonl_missing_and_undecodable_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_jsonl(tmp_path / "absent.jsonl")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b'{"id": "\xff"}\n')
    with pytest.raises(InputError, match="not UTF-8"):
        load_jsonl(binary)


def test_cli_evaluate_with_both_files(tmp_path: Path) -> None:
    gold = _write(
        tmp_path / "gold.jsonl", [{"id": "r1", "events": [FULL]}, {"id": "r2", "events": []}]
    )
    pred = _write(
        tmp_path / "pred.jsonl", [{"id": "r1", "events": [FULL]}, {"id": "r2", "events": [FULL]}]
    )
    runner = CliRunner()
    result = runner.invoke(cli, ["evaluate", str(gold), str(pred)])
    assert result.exit_code == 0, result.output
    assert "weighted F1" in result.stdout
    assert "no-event accuracy" in result.stdout

    out = tmp_path / "out" / "eval.json"
    result = runner.invoke(
        cli, ["evaluate", str(gold), str(pred), "--format", "json", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    assert data["main"]["no_event_accuracy"] == 0.0
    assert data["main"]["false_events"] == 1
    assert data["fields"]["sub_event_type"]["precision"] == 0.5
    assert data["fields"]["sub_event_type"]["recall"] == 1.0


def test_cli_evaluate_bad_file_is_one_line(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [{"id": "r1", "events": []}])
    bad = tmp_path / "pred.jsonl"
    bad.write_text('{"id": "r1", "events": []}\n{"id": "r2", "events": [\n', "utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(gold), str(bad)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"frontwatch: error: {bad} line 2: invalid JSON")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output

    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "missing.jsonl"), str(gold)])
    assert result.exit_code == 1
    assert result.stderr == f"frontwatch: error: {tmp_path / 'missing.jsonl'}: no such file\n"


@pytest.mark.slow
def test_classify_is_extract_main_event(tmp_path: Path) -> None:
    first = tmp_path / "strike.txt"
    first.write_text(
        "Russian warplanes struck the town of Kafr Zita in the northern Hama countryside "
        "on Monday, killing five civilians, according to the Syrian Observatory for Human Rights.",
        "utf-8",
    )
    second = tmp_path / "weather.txt"
    second.write_text("The city council approved a new budget for parks and libraries.", "utf-8")
    args = [str(first), str(second), "--published", "2019-05-21"]
    runner = CliRunner()
    extracted = runner.invoke(cli, ["extract", *args])
    classified = runner.invoke(cli, ["classify", *args])
    assert extracted.exit_code == 0, extracted.output
    assert classified.exit_code == 0, classified.output
    reports = [json.loads(line) for line in extracted.stdout.splitlines()]
    rows = [json.loads(line) for line in classified.stdout.splitlines()]
    assert len(rows) == len(reports) == 2
    for report, row in zip(reports, rows, strict=True):
        main = report["events"][0] if report["events"] else {}
        assert row == {
            "id": report["id"],
            "sub_event_type": main.get("sub_event_type"),
            "event_type": main.get("event_type"),
            "confidence": main.get("confidence"),
        }
    assert rows[0]["sub_event_type"] == "Air/drone strike"
