"""Periods the reader types: "24h", "7d", "2w", "30m", or a date "2026-01-12"."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

_RELATIVE = re.compile(r"^\s*(\d{1,6})\s*([mhdw])\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
# News the app can hold lies well inside these; outside them, a period's arithmetic
# (the one before it, the end of a day) would leave the calendar.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


class BadTimeSpecError(ValueError):
    """Neither a duration like 7d nor a date like 2026-01-12."""


def parse_since(text: str, now: datetime) -> datetime:
    """A point in time from a duration back from `now`, or from an ISO date or date-time (UTC)."""
    match = _RELATIVE.match(text)
    if match:
        amount, unit = int(match.group(1)), match.group(2).lower()
        try:
            moment = now - timedelta(**{_UNITS[unit]: amount})
        except OverflowError:
            moment = datetime.min.replace(tzinfo=UTC)
        return _in_range(text, moment)
    return parse_date(text)


def parse_date(text: str) -> datetime:
    value = text.strip()
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
        else:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            moment = parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except ValueError:
        raise BadTimeSpecError(
            f"'{text}' is neither a period like 24h, 7d or 2w nor a date like 2026-01-12"
        ) from None
    except OverflowError:  # 0001-01-01T00:00+01:00 is before year 1 in UTC
        moment = datetime.min.replace(tzinfo=UTC)
    return _in_range(text, moment)


def _in_range(text: str, moment: datetime) -> datetime:
    if not EARLIEST <= moment < LATEST:
        raise BadTimeSpecError(
            f"'{text}' falls outside the years {EARLIEST.year} to {LATEST.year - 1}, "
            "which is all a period may span"
        )
    return moment
