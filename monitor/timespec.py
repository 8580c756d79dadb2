"""Periods the reader types: "24h", "7d", "2w", "30m", or a date "2026-01-12"."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

_RELATIVE = re.compile(r"^\s*(\d{1,6})\s*([mhdw])\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class BadTimeSpecError(ValueError):
    """Neither a duration like 7d nor a date like 2026-01-12."""


def parse_since(text: str, now: datetime) -> datetime:
    """A point in time from a duration back from `now`, or from an ISO date or date-time (UTC)."""
    match = _RELATIVE.match(text)
    if match:
        amount, unit = int(match.group(1)), match.group(2).lower()
        return now - timedelta(**{_UNITS[unit]: amount})
    return parse_date(text)


def parse_date(text: str) -> datetime:
    value = text.strip()
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return datetime(day.year, day.month, day.day, tzinfo=UTC)
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise BadTimeSpecError(
            f"'{text}' is neither a period like 24h, 7d or 2w nor a date like 2026-01-12"
        ) from None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
