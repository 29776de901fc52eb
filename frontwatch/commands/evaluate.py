"""``frontwatch evaluate`` and ``frontwatch classify``.

``evaluate`` scores predictions (``extract`` output) against a gold JSON Lines
file, running ``extract`` itself when no predictions are given; ``classify``
prints the main event's type of each report, taken from the same reports
``extract`` gives. Both are registered on :data:`frontwatch.cli.cli`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from frontwatch.cli import (
    Problems,
    _articles,
    _common_options,
    _fail_on_problems,
    _output,
    _report_defaults,
    _settings,
)
from frontwatch.errors import FrontwatchError
from frontwatch.settings import Settings


def _fail(error: FrontwatchError) -> None:
    """One line on stderr and exit status 1 (also when run without ``main()``)."""
    click.echo(f"frontwatch: error: {error}", err=True)
    raise SystemExit(1)


def extract_gold(path: str | Path, settings: Settings) -> list[dict[str, Any]]:
    """Run ``extract`` on every report of a gold file; ``to_dict()`` rows in file order.

    Each row's ``text``, ``id``, ``title``, ``published`` and ``source`` are read
    exactly as ``frontwatch extract GOLD.jsonl`` reads them.
    """
    from frontwatch.evaluate import read_rows
    from frontwatch.ingest.rows import article_from_record
    from frontwatch.pipeline import analyse_articles

    articles = [
        article_from_record(row, f"{path} line {number}", "jsonl")
        for number, row in read_rows(path)
    ]
    return [report.to_dict() for report in analyse_articles(articles, settings)]


@click.command("evaluate")
@click.argument("gold")
@click.argument("pred", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: plain text; json: every figure as one JSON object.",
)
@click.option("--out", help="Write here instead of standard output.")
@_common_options
def evaluate_command(
    gold: str,
    pred: str | None,
    fmt: str,
    out: str | None,
    model: str,
    max_bytes: int,
    country: str | None,
) -> None:
    """Score PRED against GOLD (JSON Lines in extract's format), field by field.

    Reports are aligned by id. Without PRED, extract runs on each gold row's
    text (with its published and source). Prints per-field precision, recall
    and F1 on the main event, claims matching, and the main event's sub-event
    type as a classification (weighted F1, accuracy, no-event accuracy).

    Example: frontwatch evaluate tests/eval/gold.jsonl pred.jsonl --format json
    """
    from frontwatch.evaluate import evaluate, format_table, load_jsonl

    try:
        gold_rows = load_jsonl(gold)
        if pred is not None:
            pred_rows = load_jsonl(pred)
        else:
            pred_rows = extract_gold(gold, _settings(model, max_bytes, country))
        result = evaluate(gold_rows, pred_rows)
        with _output(out) as handle:
            if fmt == "json":
                handle.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n")
            else:
                handle.write(format_table(result) + "\n")
    except FrontwatchError as exc:
        _fail(exc)


@click.command("classify")
@click.argument("inputs", nargs=-1, required=True)
@_report_defaults
@click.option("--out", help="Write here instead of standard output.")
@_common_options
def classify_command(
    inputs: tuple[str, ...],
    published: Any,
    source: str | None,
    out: str | None,
    model: str,
    max_bytes: int,
    country: str | None,
) -> None:
    """Print the main event's sub-event type of each INPUT report (JSON Lines).

    One line per report, in input order: {"id", "sub_event_type", "event_type",
    "confidence"}, exactly events[0] of what extract gives (nulls when the
    report has no event). Inputs are read as extract reads them.

    Example: frontwatch classify report.txt --published 2019-12-02
    """
    from frontwatch.evaluate import classification
    from frontwatch.pipeline import analyse_articles

    settings = _settings(model, max_bytes, country)
    problems = Problems()
    day = published.date() if published else None
    articles: Iterator[Any] = _articles(inputs, settings, problems, day, source)
    with _output(out) as handle:
        for report in analyse_articles(articles, settings):
            handle.write(json.dumps(classification(report), ensure_ascii=False) + "\n")
            handle.flush()
    _fail_on_problems(problems)
