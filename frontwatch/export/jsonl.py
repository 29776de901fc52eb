"""JSON Lines export of whole reports (read back with ``frontwatch.store.report_from_dict``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from frontwatch.models import Report


def write_reports_jsonl(reports: Iterable[Report], out: TextIO) -> int:
    """Write one ``Report.to_dict()`` JSON object per line; return the lines written.

    ``ensure_ascii=False`` keeps Arabic, Cyrillic and other scripts readable;
    JSON escapes newlines inside strings, and U+2028/U+2029 (which some line
    readers, Python's ``str.splitlines`` included, treat as line breaks) are
    escaped too, so each report is exactly one line however it is split.
    """
    count = 0
    for report in reports:
        line = json.dumps(report.to_dict(), ensure_ascii=False)
        out.write(line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
        out.write("\n")
        count += 1
    return count
