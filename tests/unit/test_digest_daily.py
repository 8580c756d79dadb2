"""Which days' digests are due: a pure function of the settings and the local time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from monitor.digest.daily import (
    CATCH_UP_DAYS,
    DailySettings,
    DailySettingsError,
    due_days,
    local_midnight,
    parse_settings,
)

TORONTO_WINTER = timezone(timedelta(hours=-5))


def settings(last_day: date | None = None, at: time = time(7, 0), **kw) -> DailySettings:
    return DailySettings(enabled=True, folder=Path("/digests"), at=at, last_day=last_day, **kw)


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 1, day, hour, minute, tzinfo=TORONTO_WINTER)


def test_nothing_is_due_when_the_daily_digest_is_off():
    assert due_days(DailySettings(enabled=False, folder=Path("/d")), local(20, 9)) == []


def test_nothing_is_due_without_a_folder():
    assert due_days(DailySettings(enabled=True, folder=None), local(20, 9)) == []


def test_yesterday_is_due_once_the_chosen_time_has_come():
    assert due_days(settings(last_day=date(2026, 1, 18)), local(20, 7, 0)) == [date(2026, 1, 19)]


def test_yesterday_is_not_due_before_the_chosen_time():
    assert due_days(settings(last_day=date(2026, 1, 18)), local(20, 6, 59)) == []


def test_a_day_already_written_is_not_due_again():
    assert due_days(settings(last_day=date(2026, 1, 19)), local(20, 23, 59)) == []


def test_the_first_run_writes_only_the_latest_due_day():
    assert due_days(settings(), local(20, 6)) == [date(2026, 1, 18)]
    assert due_days(settings(), local(20, 8)) == [date(2026, 1, 19)]


def test_days_missed_while_nothing_ran_are_caught_up_oldest_first():
    assert due_days(settings(last_day=date(2026, 1, 15)), local(20, 8)) == [
        date(2026, 1, 16), date(2026, 1, 17), date(2026, 1, 18), date(2026, 1, 19),
    ]


def test_catching_up_is_bounded():
    days = due_days(settings(last_day=date(2025, 6, 1)), local(20, 8))
    assert len(days) == CATCH_UP_DAYS
    assert days[-1] == date(2026, 1, 19)
    assert days == sorted(days)


def test_a_clock_set_back_before_the_last_day_writes_nothing():
    assert due_days(settings(last_day=date(2026, 1, 25)), local(20, 8)) == []


def test_the_time_is_read_on_the_local_clock_not_in_utc():
    # 07:30 in Toronto is 12:30 UTC; at 06:30 Toronto (11:30 UTC) a 07:00 digest is not due yet.
    assert due_days(settings(last_day=date(2026, 1, 18)), local(20, 6, 30)) == []
    utc_view = local(20, 6, 30).astimezone(UTC)
    assert due_days(settings(last_day=date(2026, 1, 18)), utc_view) == [date(2026, 1, 19)]


def test_a_local_day_starts_at_local_midnight():
    assert local_midnight(date(2026, 1, 19), TORONTO_WINTER).astimezone(UTC) == datetime(
        2026, 1, 19, 5, 0, tzinfo=UTC
    )


def test_stored_settings_are_read_with_defaults():
    parsed = parse_settings({
        "digest.daily.enabled": True, "digest.daily.formats": ["md", "json", "md"],
        "digest.daily.folder": "/tmp/d", "digest.daily.time": "6:05", "digest.daily.last_day": "2026-01-18",
    })
    assert parsed == DailySettings(
        enabled=True, formats=("md", "json"), folder=Path("/tmp/d"), at=time(6, 5), last_day=date(2026, 1, 18)
    )
    assert parse_settings({}) == DailySettings()


@pytest.mark.parametrize(
    "values",
    [{"digest.daily.time": "25:00"}, {"digest.daily.time": "7am"}, {"digest.daily.time": "07:60"},
     {"digest.daily.formats": ["docx"]}],
)
def test_settings_that_cannot_be_followed_are_one_clear_error(values):
    with pytest.raises(DailySettingsError):
        parse_settings(values)


def test_an_unreadable_last_day_means_starting_afresh():
    assert parse_settings({"digest.daily.last_day": "yesterday"}).last_day is None


def test_a_day_when_clocks_spring_forward_lasts_23_hours():
    from zoneinfo import ZoneInfo

    toronto = ZoneInfo("America/Toronto")
    start, end = local_midnight(date(2026, 3, 8), toronto), local_midnight(date(2026, 3, 9), toronto)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=23)
