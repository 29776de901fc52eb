"""What each frontwatch stage costs next to spaCy's own processing.

Usage: python benchmarks/stage_costs.py [CORPUS] [--limit N]

CORPUS defaults to the first 80 rows of
../shared/articles/guardian_syria_sdf_2017_2019.csv when it is present, else
the bundled examples/. Each report is cleaned with ``pipeline.prepare``, run
through ``nlp.pipe`` (timed per document) and then through each stage of
``pipeline.DEFAULT_STAGES`` (each stage's ``run`` timed). Prints the NLP
seconds, each stage's seconds and share of NLP time, and the two targets:
geoparsing (the places stage) <= 20% of NLP time, event coding (actors +
claims + territory + events) <= 30%. It measures, it does not assert.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from frontwatch.events.dates import find_dateline
from frontwatch.ingest import InputProblem, read_inputs
from frontwatch.models import Article
from frontwatch.nlp import normalise_quotes
from frontwatch.pipeline import (
    DEFAULT_STAGES,
    Analysis,
    check_stages,
    load_resources,
    prepare,
)
from frontwatch.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "articles" / "guardian_syria_sdf_2017_2019.csv"
DEFAULT_LIMIT = 80
EVENT_CODING = ("actors", "claims", "territory", "events")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=None)
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT)
    args = parser.parse_args(argv)
    corpus = args.corpus or (str(DEFAULT_CORPUS) if DEFAULT_CORPUS.exists() else "examples")
    settings = Settings()
    check_stages(DEFAULT_STAGES)
    resources = load_resources(settings)

    articles: list[Article] = [
        item
        for item in islice(read_inputs([corpus], max_bytes=50 * 1024 * 1024), args.limit)
        if not isinstance(item, InputProblem)
    ]
    prepared = [(article, *prepare(article)) for article in articles]
    words = sum(len(cleaned.text.split()) for _, cleaned, _ in prepared)
    # Warm up (first call allocates) so the first report is not charged for it.
    resources.nlp("Warm-up: shelling hit Saraqib on Monday.")

    nlp_seconds = 0.0
    stage_seconds = dict.fromkeys((s.name for s in DEFAULT_STAGES), 0.0)
    events = 0

    def texts() -> Iterator[str]:
        for _, cleaned, _ in prepared:
            yield normalise_quotes(cleaned.text)

    # One document at a time through nlp.pipe (batch_size=1) so each is timed alone.
    docs = resources.nlp.pipe(texts(), batch_size=1)
    for article, cleaned, report_id in prepared:
        started = time.perf_counter()
        doc = next(docs)
        nlp_seconds += time.perf_counter() - started
        published = article.published
        if published is None:  # as analyse_articles does
            dateline = find_dateline(doc.text, None)
            published = dateline.date if dateline is not None else None
        analysis = Analysis(
            report_id=report_id, cleaned=cleaned, published=published, source=article.source
        )
        analysis.values["doc"] = doc
        for stage in DEFAULT_STAGES:
            started = time.perf_counter()
            produced = stage.run(analysis, resources)
            stage_seconds[stage.name] += time.perf_counter() - started
            analysis.values.update(produced)
        events += len(analysis["events"])

    def share(seconds: float) -> str:
        return f"{100 * seconds / nlp_seconds:5.1f}%" if nlp_seconds else "   n/a"

    print(f"corpus            {corpus}")
    print(f"reports           {len(prepared)} ({words} words, {events} events)")
    print(f"spaCy NLP         {nlp_seconds:7.2f} s")
    for name, seconds in stage_seconds.items():
        print(f"  stage {name:<10} {seconds:7.2f} s  {share(seconds)} of NLP time")
    total = sum(stage_seconds.values())
    print(f"  all stages       {total:7.2f} s  {share(total)} of NLP time")
    places = stage_seconds["places"]
    coding = sum(stage_seconds[name] for name in EVENT_CODING)
    print(f"geoparsing (places stage) adds {share(places).strip()} to NLP time (target <= 20%)")
    print(
        "event coding (actors+claims+territory+events) adds "
        f"{share(coding).strip()} (target <= 30%)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
