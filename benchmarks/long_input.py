"""Time and peak memory of ``extract`` on one very long report (10k, 50k, 100k words).

Usage: python benchmarks/long_input.py [--sizes 10000,50000,100000]

The report is synthetic: a few dozen sentences written for this benchmark
(conflict events interleaved with unrelated prose, place names repeated),
cycled until the word count is reached and split into paragraphs. Each size
runs in a fresh subprocess, so peak RSS (resource.getrusage) is that size's
alone. Prints words, seconds, words/s and peak RSS; a words/s figure that falls
as the size grows means worse than linear time. It measures, it does not assert.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

SENTENCES = (
    "Syrian government forces shelled the town of Saraqib in the Idlib countryside "
    "on Monday, killing three civilians, the Syrian Observatory for Human Rights said.",
    "The weather in the region was mild for the season, with light rain in the afternoon.",
    "Russian warplanes struck a market in Maarat al-Numan, killing at least seven people, "
    "according to local rescue workers.",
    "Farmers in the Ghab plain said the olive harvest had been smaller than last year.",
    "Hayat Tahrir al-Sham fighters clashed with government troops near Kafr Nabl, "
    "and both sides reported losses.",
    "A committee of teachers met to discuss the reopening of schools after the holiday.",
    "Turkish-backed rebels captured the village of Tal Tamr from the Syrian Democratic "
    "Forces on Tuesday.",
    "The price of bread rose again this month, shopkeepers in Aleppo said.",
    "Hundreds of families fled Ariha towards the Turkish border after the bombardment, "
    "a local official said.",
    "Protesters gathered in Suwayda to demonstrate against rising prices and corruption.",
    "An improvised explosive device exploded near a checkpoint in Daraa, wounding two soldiers.",
    "The football season was postponed, and the players returned to their home towns.",
    "Unidentified gunmen abducted a local council member on the road between Idlib and Binnish.",
    "Officials said the new hospital wing in Hama would open before the end of the year.",
    "Islamic State militants attacked an army post in the desert east of Palmyra overnight, "
    "killing four soldiers, state media reported.",
    "The river level was low after a dry winter, and fishermen complained of poor catches.",
    "Government troops regained control of Khan Shaykhun after days of fighting, "
    "a military source told state television.",
    "Aid agencies delivered food parcels to camps near Atmeh on Wednesday.",
    "A drone strike hit a car in the western Aleppo countryside, killing two men, activists said.",
    "Students in Latakia sat their final examinations in crowded halls.",
    "Opposition fighters fired rockets at the town of Suqaylabiyah, wounding five civilians.",
    "A power cut lasted most of the evening in several districts of Homs.",
    "The Kurdish-led forces said they had arrested a cell of Islamic State members in Raqqa.",
    "Merchants reopened their shops in the old market after the holiday.",
    "Clashes between rival rebel factions in Afrin left three fighters dead on Thursday.",
    "A delegation discussed water sharing and electricity supplies with local officials.",
    "Artillery fire hit the outskirts of Jisr al-Shughur, damaging several houses.",
    "Residents of Deir ez-Zor said the bridge repairs were taking longer than promised.",
    "Israeli missiles struck targets near Damascus airport late on Friday, the Syrian army said.",
    "The local radio station broadcast a programme about traditional music.",
    "More than 20,000 people have been displaced from southern Idlib since the start "
    "of the month, the United Nations said.",
    "Night fell over the hills, and the villages were quiet for a few hours.",
    "A landmine exploded under a shepherd near Manbij, killing him.",
    "The municipality planted trees along the main avenue of Qamishli.",
)
PARAGRAPH = 6  # sentences a paragraph


def build_report(words: int) -> str:
    """A report of about ``words`` words, cycling through :data:`SENTENCES`."""
    paragraphs: list[str] = []
    current: list[str] = []
    count = 0
    i = 0
    while count < words:
        sentence = SENTENCES[i % len(SENTENCES)]
        current.append(sentence)
        count += len(sentence.split())
        i += 1
        if len(current) == PARAGRAPH:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def run_one(words: int) -> dict[str, float]:
    """Extract once from a ``words``-word report in this process; the measurements."""
    import frontwatch
    from frontwatch.pipeline import load_resources
    from frontwatch.settings import Settings

    load_resources(Settings())
    frontwatch.extract("Warm-up: shelling hit Saraqib.", published="2019-05-21")
    text = build_report(words)
    started = time.perf_counter()
    report = frontwatch.extract(text, published="2019-05-21", source="benchmark")
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "words": len(text.split()),
        "chars": len(text),
        "seconds": seconds,
        "events": len(report.events),
        "peak_mib": peak_mib,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000,100000", help="comma-separated words")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(run_one(args.child)))
        return 0

    print(f"{'words':>8} {'chars':>9} {'seconds':>8} {'words/s':>8} {'events':>7} {'peak RSS':>10}")
    status = 0
    for size in (int(s) for s in args.sizes.split(",")):
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(size)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            tail = (done.stderr.strip().splitlines() or ["?"])[-1]
            print(f"{size:>8} failed: {tail}")
            status = 1
            continue
        m = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{m['words']:>8.0f} {m['chars']:>9.0f} {m['seconds']:>8.2f} "
            f"{m['words'] / m['seconds']:>8.0f} {m['events']:>7.0f} {m['peak_mib']:>6.0f} MiB"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
