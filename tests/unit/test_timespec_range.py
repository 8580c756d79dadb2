"""Periods and dates that would leave the calendar are refused in one line, not overflowed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from monitor.timespec import BadTimeSpecError, parse_since

NOW = datetime(2026, 1, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    "text", ["999999d", "999999w", "0001-01-01", "1899-12-31", "9999-12-31",
             "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-05:00"],
)
def test_out_of_range_periods_and_dates_are_refused(text):
    with pytest.raises(BadTimeSpecError, match="outside the years 1900 to 8999"):
        parse_since(text, NOW)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7d", datetime(2026, 1, 13, tzinfo=UTC)), ("1900-01-01", datetime(1900, 1, 1, tzinfo=UTC)),
     ("999999m", datetime(2024, 2, 25, 13, 21, tzinfo=UTC))],
)
def test_periods_within_range_still_work(text, expected):
    assert parse_since(text, NOW) == expected
