"""Gazetteer speed: ``python benchmarks/gazetteer_speed.py [--lookups N]``.

Prints the time of ``Gazetteer.load()`` (target: under 1 s) and the mean time
of N lookups of varied names (target: about 1 ms): exact names, spelling
variants that need fuzzy matching, names with and without a country hint, and
names the gazetteer lacks.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from frontwatch.geo import Gazetteer

# (name, country hint): exact hits, transliteration variants, misses, world names.
NAMES: tuple[tuple[str, str | None], ...] = (
    ("Idlib", "SY"),
    ("Idleb", None),
    ("Saraqib", "SY"),
    ("Maarat al-Numan", "SY"),
    ("Ma'arrat an-Nu'man", None),
    ("Kafr Nabl", "SY"),
    ("Khan Shaykhun", "SY"),
    ("Khan Sheikhoun", "SY"),
    ("Jisr al-Shughur", "SY"),
    ("Deir ez-Zor", None),
    ("Raqqa", "SY"),
    ("Aleppo", None),
    ("Homs", "SY"),
    ("Daraa", "SY"),
    ("Kabani", "SY"),
    ("Ajaz", "SY"),
    ("Tall Rifat", "SY"),
    ("Afrin", None),
    ("Qamishli", "SY"),
    ("Hasakah", "SY"),
    ("Damascus", None),
    ("Mosul", "IQ"),
    ("Tripoli", "LY"),
    ("Khartoum", None),
    ("El Fasher", "SD"),
    ("Kyiv", "UA"),
    ("Bakhmut", "UA"),
    ("Gaza", None),
    ("Sanaa", "YE"),
    ("Marib", "YE"),
    ("Nowhereville", "SY"),
    ("Qwertzu", None),
)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lookups", type=int, default=1000, help="number of lookups (1,000)")
    args = parser.parse_args(argv)

    loads = []
    for _ in range(3):
        started = time.perf_counter()
        gazetteer = Gazetteer.load()
        loads.append(time.perf_counter() - started)
    print(
        f"Gazetteer.load(): {min(loads):.3f} s best of 3 ({len(gazetteer):,} places; target < 1 s)"
    )

    # The first fuzzy lookup per country builds that country's pool: time it apart.
    started = time.perf_counter()
    for country in sorted({c or "" for _, c in NAMES}):
        gazetteer.lookup("Qxqwyvbnk", country=country or None)
    warm = time.perf_counter() - started
    print(f"first fuzzy lookup per country (pool build, once per process): {warm:.3f} s in all")

    times = []
    for i in range(args.lookups):
        name, country = NAMES[i % len(NAMES)]
        started = time.perf_counter()
        gazetteer.lookup(name, country=country)
        times.append(time.perf_counter() - started)
    mean_ms = statistics.fmean(times) * 1000
    p95_ms = sorted(times)[int(len(times) * 0.95)] * 1000
    print(
        f"{args.lookups:,} lookups of {len(NAMES)} varied names: mean {mean_ms:.3f} ms, "
        f"p95 {p95_ms:.3f} ms, max {max(times) * 1000:.1f} ms (target ~1 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
