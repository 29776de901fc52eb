"""Throughput and peak memory of the full pipeline on a corpus.

Usage: python benchmarks/throughput.py [CORPUS] [--limit N] [--n-process N]

CORPUS defaults to ../shared/articles/guardian_syria_sdf_2017_2019.csv when it
is present, else the bundled examples/. Prints articles/s, words/s and peak
resident memory; it measures, it does not assert (machines here are noisy).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from itertools import islice
from pathlib import Path

from frontwatch.ingest import InputProblem, read_inputs
from frontwatch.models import Article
from frontwatch.pipeline import analyse_articles, load_resources
from frontwatch.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "articles" / "guardian_syria_sdf_2017_2019.csv"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args(argv)
    corpus = args.corpus or (str(DEFAULT_CORPUS) if DEFAULT_CORPUS.exists() else "examples")
    settings = Settings()

    started = time.perf_counter()
    load_resources(settings)
    load_seconds = time.perf_counter() - started

    articles: list[Article] = [
        item
        for item in islice(read_inputs([corpus], max_bytes=50 * 1024 * 1024), args.limit)
        if not isinstance(item, InputProblem)
    ]
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    events = 0
    for report in analyse_articles(articles, settings, n_process=args.n_process):
        events += len(report.events)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus            {corpus}")
    print(f"articles          {len(articles)} ({words} words)")
    print(f"resources load    {load_seconds:.2f} s")
    print(f"pipeline          {seconds:.2f} s")
    print(f"articles/s        {len(articles) / seconds:.2f}")
    print(f"words/s           {words / seconds:.0f}")
    print(f"events            {events}")
    print(f"peak memory       {peak_mb:.0f} MiB (RSS)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
