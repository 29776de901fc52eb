"""Event extraction quality on the gold set: ``python benchmarks/event_eval.py [GOLD] [PRED]``.

Runs ``frontwatch extract`` on every gold report (unless PRED, a JSON Lines
file of ``extract`` output, is given), scores it with ``frontwatch.evaluate``
and prints the table plus the time taken (extraction includes loading spaCy).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from frontwatch.errors import FrontwatchError
from frontwatch.settings import Settings

DEFAULT = Path(__file__).resolve().parents[1] / "tests/eval/gold.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("pred", nargs="?", type=Path, help="extract output to score instead")
    args = parser.parse_args()

    from frontwatch.commands.evaluate import extract_gold
    from frontwatch.evaluate import evaluate, format_table, load_jsonl

    try:
        started = time.perf_counter()
        gold = load_jsonl(args.gold)
        pred = load_jsonl(args.pred) if args.pred else extract_gold(args.gold, Settings())
        extracted = time.perf_counter()
        result = evaluate(gold, pred)
        scored = time.perf_counter()
    except FrontwatchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(format_table(result))
    what = "read predictions" if args.pred else "extract"
    print(
        f"\n{len(gold)} reports; {what} {extracted - started:.1f}s "
        f"({len(gold) / max(extracted - started, 1e-9):.1f} reports/s), "
        f"evaluate {scored - extracted:.3f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
