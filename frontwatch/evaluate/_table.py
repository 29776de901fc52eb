"""The plain-text table ``frontwatch evaluate`` prints."""

from __future__ import annotations

from frontwatch.evaluate._metrics import Evaluation, Score


def _rows(title: str, scores: tuple[Score, ...], width: int) -> list[str]:
    head = (
        f"{title:<{width}} {'precision':>9} {'recall':>7} {'f1':>7} {'support':>8} {'predicted':>9}"
    )
    lines = [head, "-" * len(head)]
    for s in scores:
        lines.append(
            f"{s.name:<{width}} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>7.3f}"
            f" {s.support:>8d} {s.predicted:>9d}"
        )
    return lines


def format_table(evaluation: Evaluation) -> str:
    """The evaluation as a plain-text table: fields, sub-event types, headline figures.

    >>> from frontwatch.evaluate import evaluate
    >>> gold = [{"id": "a", "events": [{"sub_event_type": "Armed clash"}]}]
    >>> print(format_table(evaluate(gold, gold)).splitlines()[0])
    field (main event)                 precision  recall      f1  support predicted
    """
    e = evaluation
    width = max([34, *(len(s.name) for s in e.types)])
    lines = _rows("field (main event)", e.fields, width)
    lines.append("")
    lines += _rows("sub-event type (main event)", e.types, width)
    lines.append("")
    figures = [
        ("weighted F1 (gold types)", f"{e.weighted_f1:.3f}", ""),
        ("macro F1", f"{e.macro_f1:.3f}", f"{len(e.types)} types"),
        ("accuracy", f"{e.accuracy:.3f}", f"{e.correct} of {e.reports} reports"),
        (
            "no-event accuracy",
            f"{e.no_event_accuracy:.3f}",
            f"{e.no_event_correct} of {e.no_event_reports} no-event reports; "
            f"{e.false_events} false event(s) in {e.false_event_reports} report(s)",
        ),
        (
            "claimant accuracy",
            f"{e.claimant_accuracy:.3f}",
            f"{e.claimants_correct} of {e.claims_matched} matched claims",
        ),
    ]
    for name, value, note in figures:
        lines.append(f"{name:<{width}} {value:>9}  {note}".rstrip())
    lines.append(
        f"{e.reports} gold report(s); {e.missing_predictions} without a prediction; "
        f"{e.unmatched_predictions} prediction(s) not in gold"
    )
    return "\n".join(lines)
