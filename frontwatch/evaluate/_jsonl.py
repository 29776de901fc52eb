"""Reading the JSON Lines files that ``evaluate`` compares (``extract`` output or gold)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from frontwatch.errors import InputError


def _problem_text(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:120]


def _check_events(value: Any, origin: str) -> None:
    if not isinstance(value, list):
        raise InputError(origin, "'events' is not a list")
    for number, event in enumerate(value, start=1):
        if not isinstance(event, dict):
            raise InputError(origin, f"event {number} is not a JSON object")
        claims = event.get("claims")
        if claims is None:
            continue
        if not isinstance(claims, list) or not all(isinstance(c, dict) for c in claims):
            raise InputError(origin, f"event {number}: 'claims' is not a list of objects")


def read_rows(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
    """The rows of a JSON Lines report file with their line numbers, checked.

    Every non-blank line must be a JSON object with an ``id`` (text or integer,
    returned as text) that no earlier line has, and an ``events`` list of objects.
    Anything else raises :class:`~frontwatch.errors.InputError` naming the file
    and line.
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a JSON Lines file") from None
    except OSError as exc:
        raise InputError(name, f"cannot read the file ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not UTF-8 text (byte {exc.start})") from None
    rows: list[tuple[int, dict[str, Any]]] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{name} line {number}"
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise InputError(origin, f"invalid JSON ({_problem_text(exc)})") from None
        if not isinstance(row, dict):
            raise InputError(origin, f"expected a JSON object, got {type(row).__name__}")
        report_id = row.get("id")
        if isinstance(report_id, bool) or not isinstance(report_id, str | int):
            raise InputError(origin, "no 'id' (text or integer)")
        report_id = str(report_id)
        if report_id in seen:
            raise InputError(
                origin, f"duplicate id {report_id!r} (first on line {seen[report_id]})"
            )
        seen[report_id] = number
        if "events" not in row:
            raise InputError(origin, "no 'events' list")
        _check_events(row["events"], origin)
        rows.append((number, {**row, "id": report_id}))
    if not rows:
        raise InputError(name, "empty file (no JSON lines)")
    return rows


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSON Lines file in the ``extract`` output format: one object per report.

    Each object needs an ``id`` and an ``events`` list (ACLED field names); a
    gold file also has ``text``, ``published`` and ``source``. A bad file or row
    raises :class:`~frontwatch.errors.InputError` naming the file and line.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "gold.jsonl"
    >>> _ = path.write_text('{"id": "a", "events": []}\\n{"id": 7, "events": []}\\n')
    >>> [row["id"] for row in load_jsonl(path)]
    ['a', '7']
    >>> _ = path.write_text('{"id": "a", "events": []}\\n{"id": "b"}\\n')
    >>> load_jsonl(path)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    frontwatch.errors.InputError: ...gold.jsonl line 2: no 'events' list
    """
    return [row for _, row in read_rows(path)]
