"""Geoparsing quality on GeoWebNews: ``python benchmarks/geo_eval.py [GWN.xml] [--limit N]``.

Prints toponym recall and precision (a predicted span overlapping a gold span
counts), the share of recalled toponyms resolved within 161 km (100 miles) of
the gold coordinates, and the time split between spaCy parsing and
``find_places``. What counts as a gold toponym (GWN's types; adjectival uses
such as "Russian" are reported apart from recall) is documented in
:mod:`frontwatch.geo.evaluation`. ``--errors FILE`` writes every miss, false
positive and far resolution for inspection (write it outside the repository).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from frontwatch.geo import Gazetteer
from frontwatch.geo.evaluation import evaluate, load_gwn
from frontwatch.nlp import load_nlp
from frontwatch.settings import Settings

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/eval/geowebnews/GWN.xml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--offset", type=int, default=0, help="skip the first N articles")
    parser.add_argument("--errors", type=Path, help="write misses and wrong resolutions here")
    args = parser.parse_args()
    if not args.path.is_file():
        print(f"error: {args.path}: not found", file=sys.stderr)
        return 1
    articles = load_gwn(args.path)[args.offset :]
    if args.limit:
        articles = articles[: args.limit]
    nlp = load_nlp(Settings().spacy_model)
    started = time.perf_counter()
    gaz = Gazetteer.load()
    load_s = time.perf_counter() - started
    scores = evaluate(articles, nlp, gaz, debug=args.errors is not None)
    print(scores.summary())
    print(f"gazetteer load {load_s:.2f} s")
    print("missed by type: " + ", ".join(f"{k} {v}" for k, v in scores.misses.most_common()))
    if args.errors is not None:
        args.errors.write_text("\n".join(scores.errors) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
