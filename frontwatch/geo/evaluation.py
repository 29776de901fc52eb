"""Geoparsing evaluation on GeoWebNews (Gritta et al., 2019): pure functions.

Used by ``benchmarks/geo_eval.py`` and the CI gate ``tests/eval/test_geo_gate.py``.

What counts as a gold toponym
-----------------------------
GeoWebNews (``GWN.xml``) annotates every *candidate* place expression with a
``type``. Only some of them name a place; the data marks them by giving
coordinates (a GeoNames id, latitude and longitude):

- toponyms (have coordinates): ``Literal``, ``Literal_Modifier``, ``Mixed``,
  ``Coercion``, ``Embedded_Literal`` (the place itself) and ``Metonymic``,
  ``Non_Literal_Modifier``, ``Embedded_Non_Lit`` (the place standing for its
  people, government or team: "Russia said", "a Cambridge company");
- not toponyms (never coordinates): ``Literal_Expression`` / ``Non_Lit_Expression``
  (common nouns: "the country", "the area", "police"), ``Non_Toponym``
  (organisations such as "European Union"), ``Demonym`` ("Mexicans"),
  ``Language`` ("English") and ``Homonym`` (a place name used for something
  else, e.g. a person). ``nonLocational="Yes"`` occurs only on expressions.

Modifiers carry ``modifierType`` Noun ("the London mayor") or Adjective
("Russian warplanes", "Syrian"). GWN counts adjectival uses as (associative)
toponyms, but frontwatch's places are the locations a report *names*; country
adjectives are read separately (``pipeline.named_countries``) so that "Russian
warplanes" does not put an event in Russia. So:

- **recall** is over noun toponyms (all toponym types except
  ``modifierType="Adjective"``); adjective recall is reported on its own;
- **precision**: a predicted span is right when it overlaps any gold toponym,
  adjectival ones included (finding "Syrian" is not an error, only unneeded);
- **within 161 km**: of the recalled noun toponyms with gold coordinates and a
  predicted point, the share whose point is within 161 km (100 miles) of gold.
"""

from __future__ import annotations

import math
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TOPONYM_TYPES = frozenset(
    {
        "Literal",
        "Literal_Modifier",
        "Mixed",
        "Coercion",
        "Embedded_Literal",
        "Metonymic",
        "Non_Literal_Modifier",
        "Embedded_Non_Lit",
    }
)
WITHIN_KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    name: str
    type: str
    modifier: str
    coords: tuple[float, float] | None

    @property
    def adjective(self) -> bool:
        return self.modifier == "Adjective"


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass
class GeoScores:
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    recalled: int = 0
    correct_predictions: int = 0
    resolved: int = 0
    within: int = 0
    adjectives: int = 0
    adjectives_recalled: int = 0
    parse_s: float = 0.0
    places_s: float = 0.0
    misses: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.recalled / max(self.gold, 1)

    @property
    def precision(self) -> float:
        return self.correct_predictions / max(self.predicted, 1)

    @property
    def within_161km(self) -> float:
        return self.within / max(self.resolved, 1)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / max(p + r, 1e-9)

    def summary(self) -> str:
        lines = [
            f"articles {self.articles}, gold noun toponyms {self.gold}, predicted {self.predicted}",
            f"recall    {self.recall:.3f}",
            f"precision {self.precision:.3f}",
            f"F1        {self.f1:.3f}",
            f"within 161 km {self.within_161km:.3f} of {self.resolved} recalled with coordinates",
            f"adjectival toponyms (not in recall): {self.adjectives_recalled}/{self.adjectives}",
        ]
        n = max(self.articles, 1)
        share = self.places_s / max(self.parse_s, 1e-9)
        lines.append(
            f"time: spaCy parse {1000 * self.parse_s / n:.1f} ms/article, "
            f"find_places {1000 * self.places_s / n:.1f} ms/article ({share:.0%} of parse)"
        )
        return "\n".join(lines)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def load_gwn(path: Path) -> list[GoldArticle]:
    """Articles of ``GWN.xml`` with their gold toponyms (toponym types only)."""
    from frontwatch.nlp import normalise_quotes

    out: list[GoldArticle] = []
    for article in ET.parse(path).getroot().findall("article"):
        gold = []
        for top in article.iter("toponym"):
            kind = top.findtext("type") or ""
            if kind not in TOPONYM_TYPES:
                continue
            lat, lon = top.findtext("latitude"), top.findtext("longitude")
            gold.append(
                GoldToponym(
                    start=int(top.findtext("start") or 0),
                    end=int(top.findtext("end") or 0),
                    name=top.findtext("extractedName") or "",
                    type=kind,
                    modifier=top.findtext("modifierType") or "",
                    coords=(float(lat), float(lon)) if lat and lon else None,
                )
            )
        out.append(
            GoldArticle(
                id=article.get("file", str(len(out))),
                text=normalise_quotes(article.findtext("text") or ""),
                toponyms=tuple(gold),
            )
        )
    return out


def evaluate(
    articles: Iterable[GoldArticle],
    nlp: Any,
    gazetteer: Any,
    *,
    debug: bool = False,
) -> GeoScores:
    """Run spaCy and ``find_places`` over the articles and score them against gold."""
    from frontwatch.geo.places import find_places

    scores = GeoScores()
    for article in articles:
        t0 = time.perf_counter()
        doc = nlp(article.text)
        t1 = time.perf_counter()
        places = [p for p in find_places(doc, gazetteer) if p.feature != "road"]
        scores.places_s += time.perf_counter() - t1
        scores.parse_s += t1 - t0
        _score(article, places, scores, debug)
    return scores


def _score(article: GoldArticle, places: Sequence[Any], scores: GeoScores, debug: bool) -> None:
    scores.articles += 1
    scores.predicted += len(places)
    gold = article.toponyms
    for p in places:
        if any(g.start < p.end and p.start < g.end for g in gold):
            scores.correct_predictions += 1
        elif debug:
            scores.errors.append(
                f"FP  [{article.id}] {p.text!r} -> {p.name} ({p.feature}, {p.country_code})"
                f"  ctx: {_context(article.text, p.start, p.end)}"
            )
    for g in gold:
        hits = [p for p in places if g.start < p.end and p.start < g.end]
        if g.adjective:
            scores.adjectives += 1
            scores.adjectives_recalled += bool(hits)
            continue
        scores.gold += 1
        if not hits:
            scores.misses[g.type] += 1
            if debug:
                scores.errors.append(
                    f"MISS [{article.id}] {g.name!r} ({g.type})"
                    f"  ctx: {_context(article.text, g.start, g.end)}"
                )
            continue
        scores.recalled += 1
        hit = hits[0]
        if g.coords and hit.latitude is not None and hit.longitude is not None:
            scores.resolved += 1
            dist = km(g.coords[0], g.coords[1], hit.latitude, hit.longitude)
            if dist <= WITHIN_KM:
                scores.within += 1
            elif debug:
                scores.errors.append(
                    f"FAR  [{article.id}] {g.name!r} -> {hit.name} ({hit.feature}, "
                    f"{hit.country_code}) {dist:.0f} km  ctx: "
                    f"{_context(article.text, g.start, g.end)}"
                )


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"...{left}[[{text[start:end]}]]{right}..."


def gate_subset(articles: Sequence[GoldArticle]) -> list[GoldArticle]:
    """The fixed subset the CI gate scores: every third article (about 67 of 200)."""
    return list(articles[::3])
