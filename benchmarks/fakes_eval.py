"""Main-event governorate on FA-KES: ``python benchmarks/fakes_eval.py [CSV] [--limit N]``.

For each article, ``frontwatch.extract(text, published=date)``; the report's
main event is ``report.events[0]``. Its ``admin1`` is compared with the
article's labelled governorate (column ``location``, lower case, e.g.
``deir ezzor``), mapped to the gazetteer's OCHA admin1 names by normalised,
transliteration-tolerant matching. FA-KES has no separate label for Rural
Damascus: the label ``damascus`` accepts Damascus and Rural Damascus.
Articles without an event count as misses.

Also printed, separately: the share when the report's most-mentioned Syrian
admin1 (over all its places) is used where the main event has no admin1.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path

from rapidfuzz import fuzz, process

from frontwatch import extract_many
from frontwatch.geo import Gazetteer, normalise_name
from frontwatch.models import Article, Report

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/eval/fakes_dev.csv"


def admin1_names(gaz: Gazetteer) -> dict[str, str]:
    """Normalised name or alternate -> OCHA admin1 name, for Syrian governorates."""
    out: dict[str, str] = {}
    for pcode in range(1, 15):
        unit = gaz.get(f"ocha:SY{pcode:02d}")
        if unit is not None:
            for name in (unit.name, *unit.names):
                out[normalise_name(name)] = unit.name
    return out


def label_to_admin1(label: str, names: dict[str, str]) -> set[str]:
    """The OCHA admin1 names a FA-KES label stands for."""
    key = normalise_name(label)
    found = names.get(key)
    if found is None:
        squashed = {k.replace(" ", ""): v for k, v in names.items()}
        best = process.extractOne(key.replace(" ", ""), list(squashed), scorer=fuzz.ratio)
        found = squashed[best[0]] if best and best[1] >= 70 else label
    return {found, "Rural Damascus"} if found == "Damascus" else {found}


def most_mentioned_admin1(report: Report) -> str | None:
    counts = Counter(p.admin1 for p in report.places if p.admin1 and p.country_code == "SY")
    return counts.most_common(1)[0][0] if counts else None


def _date(text: str) -> date | None:
    try:
        return datetime.strptime(text.strip(), "%m/%d/%Y").date()
    except ValueError:
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--errors", type=Path, help="write the misses here")
    args = parser.parse_args()
    if not args.path.is_file():
        print(f"error: {args.path}: not found", file=sys.stderr)
        return 1
    with args.path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if args.limit:
        rows = rows[: args.limit]
    names = admin1_names(Gazetteer.load())
    articles = [
        Article(
            id=f"fakes-{row['unit_id']}",
            text=row["article_content"],
            published=_date(row["date"]),
            source=row.get("source") or None,
        )
        for row in rows
    ]
    started = time.perf_counter()
    main_hits = fallback_hits = no_event = 0
    errors = []
    for row, report in zip(rows, extract_many(articles), strict=True):
        wanted = label_to_admin1(row["location"], names)
        event_admin1 = report.events[0].admin1 if report.events else None
        no_event += not report.events
        main_hits += event_admin1 in wanted
        guess = event_admin1 or most_mentioned_admin1(report)
        fallback_hits += guess in wanted
        if event_admin1 not in wanted:
            errors.append(
                f"{row['unit_id']}\tlabel={row['location']}\tevent={event_admin1}\t"
                f"mentioned={most_mentioned_admin1(report)}\t{row['article_title'][:80]}"
            )
    n = max(len(rows), 1)
    print(
        f"articles {len(rows)} ({no_event} without an event), {time.perf_counter() - started:.0f} s"
    )
    print(f"main event admin1 = label: {main_hits / n:.3f}")
    print(f"with most-mentioned Syrian admin1 as fallback: {fallback_hits / n:.3f}")
    if args.errors is not None:
        args.errors.write_text("\n".join(errors) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
