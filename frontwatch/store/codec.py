"""Rebuild frontwatch records from their ``to_dict()`` JSON shape.

``report_from_dict(report.to_dict())`` gives back an equal ``Report`` (dates as
``datetime.date``, nested records as dataclasses), so the store can keep the full
report JSON and the exports can read JSONL written by ``write_reports_jsonl``.

The conversion is driven by the dataclass type hints rather than hand-written
per class, so a field added to ``frontwatch.models`` round-trips without a change
here. Unknown keys are ignored (a newer frontwatch may add fields); a missing
required field or a value of the wrong shape raises :class:`InputError` naming
``origin`` and the field path.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from typing import Any, TypeVar

from frontwatch.errors import InputError
from frontwatch.models import Event, Report

T = TypeVar("T")


def report_from_dict(data: Any, origin: str = "<report>") -> Report:
    """Build a :class:`Report` from ``Report.to_dict()`` output.

    >>> r = Report(id="r1", text="x", published=date(2024, 5, 1))
    >>> report_from_dict(r.to_dict()) == r
    True
    """
    return _build(Report, data, origin, "report")


def event_from_dict(data: Any, origin: str = "<event>") -> Event:
    """Build an :class:`Event` from ``Event.to_dict()`` output."""
    return _build(Event, data, origin, "event")


def _build(cls: type[T], data: Any, origin: str, path: str) -> T:
    """Instantiate dataclass ``cls`` from a dict, converting each field by its type hint."""
    if not isinstance(data, dict):
        raise InputError(origin, f"{path}: expected an object, got {type(data).__name__}")
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for fld in dataclasses.fields(cls):  # type: ignore[arg-type]
        if fld.name not in data:
            has_default = (
                fld.default is not dataclasses.MISSING
                or fld.default_factory is not dataclasses.MISSING
            )
            if has_default:
                continue
            raise InputError(origin, f"{path}: missing field {fld.name!r}")
        kwargs[fld.name] = _convert(hints[fld.name], data[fld.name], origin, f"{path}.{fld.name}")
    return cls(**kwargs)


def _convert(hint: Any, value: Any, origin: str, path: str) -> Any:
    """Convert one JSON value to the Python type ``hint`` describes."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        if value is None:
            if type(None) in args:
                return None
            raise InputError(origin, f"{path}: must not be null")
        # Optional[X]: convert with the single non-None member.
        members = [a for a in args if a is not type(None)]
        if len(members) == 1:
            return _convert(members[0], value, origin, path)
        return value
    if typing.get_origin(hint) is list:
        if not isinstance(value, list):
            raise InputError(origin, f"{path}: expected a list, got {type(value).__name__}")
        item_hint = args[0] if args else Any
        return [_convert(item_hint, v, origin, f"{path}[{i}]") for i, v in enumerate(value)]
    if hint is date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            raise InputError(origin, f"{path}: not an ISO date: {value!r:.40}") from None
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _build(hint, value, origin, path)
    return _check_scalar(hint, value, origin, path)


def _check_scalar(hint: Any, value: Any, origin: str, path: str) -> Any:
    """Check a JSON scalar against ``str``/``int``/``float``/``bool``.

    An int is accepted for a float field and kept as it is, so the value
    round-trips exactly as it was written.
    """
    if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if hint is int and isinstance(value, bool):
        raise InputError(origin, f"{path}: expected int, got bool")
    if hint in (str, int, bool) and not isinstance(value, hint):
        raise InputError(origin, f"{path}: expected {hint.__name__}, got {type(value).__name__}")
    return value
