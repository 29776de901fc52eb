"""Geoparsing quality on GeoWebNews: ``python benchmarks/geo_eval.py [GWN.xml] [--limit N]``.

Prints toponym recall and precision (a predicted span overlapping a gold span
counts), and the share of matched toponyms resolved within 161 km (100 miles)
of the gold coordinates. Gold toponyms marked non-locational are excluded from
recall but still count as hits for precision.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from frontwatch.geo import Gazetteer, find_places
from frontwatch.nlp import load_nlp, normalise_quotes
from frontwatch.settings import Settings

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/eval/geowebnews/GWN.xml"


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    if not args.path.is_file():
        print(f"error: {args.path}: not found", file=sys.stderr)
        return 1
    articles = ET.parse(args.path).getroot().findall("article")
    if args.limit:
        articles = articles[: args.limit]
    nlp = load_nlp(Settings().spacy_model)
    started = time.perf_counter()
    gaz = Gazetteer.load()
    load_s = time.perf_counter() - started
    gold_n = pred_n = recalled = precise = resolved = within = 0
    parse_s = 0.0
    for article in articles:
        text = normalise_quotes(article.findtext("text") or "")
        gold = []
        for top in article.iter("toponym"):
            lat, lon = top.findtext("latitude"), top.findtext("longitude")
            coords = (float(lat), float(lon)) if lat and lon else None
            start, end = int(top.findtext("start") or 0), int(top.findtext("end") or 0)
            gold.append((start, end, top.findtext("nonLocational") == "Yes", coords))
        doc = nlp(text)
        t0 = time.perf_counter()
        places = [p for p in find_places(doc, gaz) if p.feature != "road"]
        parse_s += time.perf_counter() - t0
        pred_n += len(places)
        precise += sum(1 for p in places if any(s < p.end and p.start < e for s, e, _, _ in gold))
        for start, end, nonloc, coords in gold:
            if nonloc:
                continue
            gold_n += 1
            hits = [p for p in places if start < p.end and p.start < end]
            if not hits:
                continue
            recalled += 1
            hit = hits[0]
            if coords and hit.latitude is not None and hit.longitude is not None:
                resolved += 1
                within += _km(coords[0], coords[1], hit.latitude, hit.longitude) <= 161
    print(f"articles {len(articles)}, gold toponyms {gold_n}, predicted {pred_n}")
    print(f"recall    {recalled / max(gold_n, 1):.3f}")
    print(f"precision {precise / max(pred_n, 1):.3f}")
    print(f"within 161 km {within / max(resolved, 1):.3f} of {resolved} matched with coordinates")
    print(
        f"gazetteer load {load_s:.2f} s; "
        f"find_places {1000 * parse_s / max(len(articles), 1):.1f} ms/article"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
