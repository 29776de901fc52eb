"""Field-level and main-event classification figures: gold reports against predictions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from frontwatch.errors import InputError
from frontwatch.evaluate._matching import (
    claim_pairs,
    claimants_match,
    has_value,
    match_claims,
    normalise,
    values_match,
)

#: fields scored on the main event (events[0]), then "claims" over all events
MAIN_FIELDS = (
    "sub_event_type",
    "event_type",
    "actor1",
    "actor2",
    "admin1",
    "location",
    "event_date",
    "fatalities",
)
FIELDS = (*MAIN_FIELDS, "claims")

_DIGITS = 4


def _ratio(numerator: int, denominator: int, empty: float) -> float:
    return numerator / denominator if denominator else empty


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


@dataclass(frozen=True)
class Score:
    """Counts for one field or one sub-event type, with precision, recall and F1.

    ``predicted`` is how many predictions have a value, ``support`` how many gold
    reports do, ``tp`` how many of those agree. With nothing predicted precision
    is 1.0, with nothing to find recall is 1.0 (so an empty field on both sides
    scores 1.0 everywhere).

    >>> s = Score("actor1", tp=3, predicted=4, support=6)
    >>> s.precision, s.recall, round(s.f1, 3)
    (0.75, 0.5, 0.6)
    """

    name: str
    tp: int
    predicted: int
    support: int

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.predicted, 1.0)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.support, 1.0)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    def to_dict(self) -> dict[str, Any]:
        """Rates (rounded to 4 digits) and counts."""
        return {
            "precision": round(self.precision, _DIGITS),
            "recall": round(self.recall, _DIGITS),
            "f1": round(self.f1, _DIGITS),
            "support": self.support,
            "predicted": self.predicted,
            "tp": self.tp,
        }


@dataclass(frozen=True)
class Evaluation:
    """Everything ``evaluate`` measures; ``to_dict()`` is the JSON output.

    ``fields`` score the main event's fields (and claims over all events);
    ``types`` score the main event's sub-event type as a classification, one
    row per type seen in gold or predictions.
    """

    #: gold reports evaluated
    reports: int
    #: gold ids with no prediction (counted as reports with no event)
    missing_predictions: int
    #: predicted ids not in the gold set (ignored)
    unmatched_predictions: int
    fields: tuple[Score, ...]
    types: tuple[Score, ...]
    #: reports whose main-event label (sub-event type or none) is right
    correct: int
    #: gold reports with no event, and how many of them are predicted with none
    no_event_reports: int
    no_event_correct: int
    #: events predicted for gold no-event reports
    false_events: int
    #: matched claims, and how many of those have matching claimants
    claims_matched: int
    claimants_correct: int

    def field(self, name: str) -> Score:
        """The score of one field (KeyError when unknown)."""
        for score in self.fields:
            if score.name == name:
                return score
        raise KeyError(name)

    @property
    def weighted_f1(self) -> float:
        """Per-type F1 averaged over the types in gold, weighted by gold support."""
        total = sum(s.support for s in self.types)
        return sum(s.f1 * s.support for s in self.types) / total if total else 0.0

    @property
    def macro_f1(self) -> float:
        """Mean per-type F1 over the types in gold or predictions."""
        return sum(s.f1 for s in self.types) / len(self.types) if self.types else 0.0

    @property
    def accuracy(self) -> float:
        """Share of reports whose main-event label is right (none = none counts)."""
        return _ratio(self.correct, self.reports, 0.0)

    @property
    def no_event_accuracy(self) -> float:
        """Share of gold no-event reports predicted with no event (1.0 when there are none)."""
        return _ratio(self.no_event_correct, self.no_event_reports, 1.0)

    @property
    def false_event_reports(self) -> int:
        """Gold no-event reports that were given an event."""
        return self.no_event_reports - self.no_event_correct

    @property
    def claimant_accuracy(self) -> float:
        """Share of matched claims whose claimants match (1.0 when none matched)."""
        return _ratio(self.claimants_correct, self.claims_matched, 1.0)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``reports``, ``main``, ``fields``, ``types``, ``claims``."""
        return {
            "reports": self.reports,
            "missing_predictions": self.missing_predictions,
            "unmatched_predictions": self.unmatched_predictions,
            "main": {
                "weighted_f1": round(self.weighted_f1, _DIGITS),
                "macro_f1": round(self.macro_f1, _DIGITS),
                "accuracy": round(self.accuracy, _DIGITS),
                "no_event_accuracy": round(self.no_event_accuracy, _DIGITS),
                "correct": self.correct,
                "no_event_reports": self.no_event_reports,
                "false_event_reports": self.false_event_reports,
                "false_events": self.false_events,
            },
            "fields": {s.name: s.to_dict() for s in self.fields},
            "types": {s.name: s.to_dict() for s in self.types},
            "claims": {
                "claimant_accuracy": round(self.claimant_accuracy, _DIGITS),
                "matched": self.claims_matched,
                "claimants_correct": self.claimants_correct,
            },
        }

    def figures(self) -> dict[str, float]:
        """Every rate under a dotted name, as in ``tests/eval/floors.json``.

        Names: ``main.weighted_f1``, ``main.macro_f1``, ``main.accuracy``,
        ``main.no_event_accuracy``, ``fields.FIELD.precision|recall|f1``,
        ``types.TYPE.precision|recall|f1`` and ``claims.claimant_accuracy``.
        Higher is better for all of them. Values are rounded as in ``to_dict()``.
        """
        data = self.to_dict()
        out: dict[str, float] = {
            f"main.{k}": data["main"][k]
            for k in ("weighted_f1", "macro_f1", "accuracy", "no_event_accuracy")
        }
        for group in ("fields", "types"):
            for name, score in data[group].items():
                for rate in ("precision", "recall", "f1"):
                    out[f"{group}.{name}.{rate}"] = score[rate]
        out["claims.claimant_accuracy"] = data["claims"]["claimant_accuracy"]
        return out


def _events(row: Mapping[str, Any] | None, origin: str) -> list[Mapping[str, Any]]:
    if row is None:
        return []
    events = row.get("events") or []
    if not isinstance(events, list) or not all(isinstance(e, Mapping) for e in events):
        raise InputError(origin, f"report {row.get('id')!r}: 'events' is not a list of objects")
    return events


def _index(rows: Sequence[Mapping[str, Any]], origin: str) -> dict[str, Mapping[str, Any]]:
    index: dict[str, Mapping[str, Any]] = {}
    for number, row in enumerate(rows, start=1):
        report_id = row.get("id")
        if report_id is None:
            raise InputError(origin, f"report {number} has no 'id'")
        key = str(report_id)
        if key in index:
            raise InputError(origin, f"duplicate id {key!r}")
        index[key] = row
    return index


def _claims(events: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Every claim of a report that states a casualty figure."""
    return [c for e in events for c in (e.get("claims") or []) if claim_pairs(c)]


def _label(events: Sequence[Mapping[str, Any]], canonical: Mapping[str, str]) -> str | None:
    """The main event's sub-event type, spelled as in ACLED's list where it is one."""
    if not events:
        return None
    label = events[0].get("sub_event_type")
    if not has_value(label):
        return None
    return canonical.get(normalise(label), " ".join(str(label).split()))


def _type_order() -> dict[str, int]:
    from frontwatch.ontology import load_ontology

    return {s.name: s.rank for s in load_ontology().sub_event_types}


def evaluate(gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> Evaluation:
    """Score predicted reports against gold reports (both in ``extract``'s JSON shape).

    Reports are aligned by ``id``; a gold id missing from ``pred`` counts as a
    report with no events. Fields are scored on the main event (``events[0]``):
    a side "has" a field when it has a main event and the value is not null;
    a true positive is both having it and agreeing (see ``values_match``).
    Claims are scored over all events: a gold claim is found when a distinct
    predicted claim shares a (kind, number) pair.

    >>> gold = [{"id": "a", "events": [{"sub_event_type": "Armed clash", "fatalities": 3}]},
    ...         {"id": "b", "events": []}]
    >>> pred = [{"id": "a", "events": [{"sub_event_type": "armed clash", "fatalities": 2}]}]
    >>> result = evaluate(gold, pred)
    >>> result.field("sub_event_type").f1, result.field("fatalities").f1
    (1.0, 0.0)
    >>> result.accuracy, result.no_event_accuracy
    (1.0, 1.0)
    """
    order = _type_order()
    canonical = {normalise(name): name for name in order}
    gold_index = _index(gold, "gold")
    pred_index = _index(pred, "predictions")
    counts = {name: [0, 0, 0] for name in FIELDS}  # tp, predicted, support
    type_counts: dict[str, list[int]] = {}
    correct = no_event = no_event_correct = false_events = 0
    matched = claimants_ok = 0
    for report_id, gold_row in gold_index.items():
        gold_events = _events(gold_row, "gold")
        pred_events = _events(pred_index.get(report_id), "predictions")
        gold_main = gold_events[0] if gold_events else None
        pred_main = pred_events[0] if pred_events else None
        for name in MAIN_FIELDS:
            gold_value = gold_main.get(name) if gold_main is not None else None
            pred_value = pred_main.get(name) if pred_main is not None else None
            gold_has, pred_has = has_value(gold_value), has_value(pred_value)
            counts[name][1] += pred_has
            counts[name][2] += gold_has
            if gold_has and pred_has and values_match(name, gold_value, pred_value):
                counts[name][0] += 1
        gold_claims, pred_claims = _claims(gold_events), _claims(pred_events)
        pairs = match_claims(gold_claims, pred_claims)
        counts["claims"][0] += len(pairs)
        counts["claims"][1] += len(pred_claims)
        counts["claims"][2] += len(gold_claims)
        matched += len(pairs)
        claimants_ok += sum(
            claimants_match(gold_claims[g].get("claimant"), pred_claims[p].get("claimant"))
            for g, p in pairs
        )
        gold_label, pred_label = _label(gold_events, canonical), _label(pred_events, canonical)
        correct += gold_label == pred_label
        for label in (gold_label, pred_label):
            if label is not None:
                type_counts.setdefault(label, [0, 0, 0])
        if gold_label is not None:
            type_counts[gold_label][2] += 1
        if pred_label is not None:
            type_counts[pred_label][1] += 1
            type_counts[pred_label][0] += gold_label == pred_label
        if not gold_events:
            no_event += 1
            no_event_correct += not pred_events
            false_events += len(pred_events)
    types = tuple(
        Score(label, *type_counts[label])
        for label in sorted(type_counts, key=lambda t: (order.get(t, len(order) + 1), t))
    )
    return Evaluation(
        reports=len(gold_index),
        missing_predictions=sum(1 for i in gold_index if i not in pred_index),
        unmatched_predictions=sum(1 for i in pred_index if i not in gold_index),
        fields=tuple(Score(name, *counts[name]) for name in FIELDS),
        types=types,
        correct=correct,
        no_event_reports=no_event,
        no_event_correct=no_event_correct,
        false_events=false_events,
        claims_matched=matched,
        claimants_correct=claimants_ok,
    )
