"""Evaluation: compare extracted reports with a gold set, field by field.

Both sides are JSON Lines in ``frontwatch extract``'s output format (a gold
file also carries each report's ``text``, ``published`` and ``source``)::

    >>> from frontwatch.evaluate import evaluate, format_table
    >>> gold = [{"id": "r1", "events": [{"sub_event_type": "Air/drone strike",
    ...          "location": "Khan Shaykhun", "fatalities": 4,
    ...          "claims": [{"claimant": "SOHR", "killed": 4}]}]},
    ...         {"id": "r2", "events": []}]
    >>> pred = [{"id": "r1", "events": [{"sub_event_type": "Air/drone strike",
    ...          "location": "Khan Shaykhun (near)", "fatalities": 4,
    ...          "claims": [{"claimant": "the Observatory (SOHR)", "killed": 4}]}]},
    ...         {"id": "r2", "events": [{"sub_event_type": "Armed clash"}]}]
    >>> result = evaluate(gold, pred)
    >>> result.field("location").f1, result.field("claims").f1, result.claimant_accuracy
    (1.0, 1.0, 1.0)
    >>> result.no_event_accuracy, result.false_events, result.accuracy
    (0.0, 1, 0.5)
    >>> result.to_dict()["main"]["weighted_f1"]
    1.0
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from frontwatch.evaluate._jsonl import load_jsonl, read_rows
from frontwatch.evaluate._matching import (
    claim_pairs,
    claimants_match,
    match_claims,
    normalise,
    values_match,
)
from frontwatch.evaluate._metrics import FIELDS, Evaluation, Score, evaluate
from frontwatch.evaluate._table import format_table


def classification(report: Any) -> dict[str, Any]:
    """A report's main-event classification: ``events[0]`` of ``extract``, or nulls.

    ``report`` is a :class:`~frontwatch.models.Report` or its ``to_dict()``.

    >>> classification({"id": "r2", "events": []})
    {'id': 'r2', 'sub_event_type': None, 'event_type': None, 'confidence': None}
    """
    if isinstance(report, Mapping):
        events = report.get("events") or []
        main: Mapping[str, Any] = events[0] if events else {}
        report_id = report.get("id")
    else:
        main = report.events[0].to_dict() if report.events else {}
        report_id = report.id
    return {
        "id": report_id,
        "sub_event_type": main.get("sub_event_type"),
        "event_type": main.get("event_type"),
        "confidence": main.get("confidence"),
    }


__all__ = [
    "FIELDS",
    "Evaluation",
    "Score",
    "claim_pairs",
    "claimants_match",
    "classification",
    "evaluate",
    "format_table",
    "load_jsonl",
    "match_claims",
    "normalise",
    "read_rows",
    "values_match",
]
