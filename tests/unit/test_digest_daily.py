"""Which days' digests are due: a pure function of the settings and the local time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

from monitor.digest.daily import CATCH_UP_DAYS, due_days, local_midnight
from monitor.settings import DailyDigestSettings

TORONTO_WINTER = timezone(timedelta(hours=-5))


ON = DailyDigestSettings(enabled=True, folder=Path("/digests"), at=time(7, 0))


def due(last_day: date | None, now: datetime, settings: DailyDigestSettings = ON) -> list[date]:
    return due_days(settings, last_day, now)


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 1, day, hour, minute, tzinfo=TORONTO_WINTER)


def test_nothing_is_due_when_the_daily_digest_is_off():
    assert due(None, local(20, 9), DailyDigestSettings(enabled=False, folder=Path("/d"))) == []


def test_nothing_is_due_without_a_folder():
    assert due(None, local(20, 9), DailyDigestSettings(enabled=True, folder=None)) == []


def test_yesterday_is_due_once_the_chosen_time_has_come():
    assert due(date(2026, 1, 18), local(20, 7, 0)) == [date(2026, 1, 19)]


def test_yesterday_is_not_due_before_the_chosen_time():
    assert due(date(2026, 1, 18), local(20, 6, 59)) == []


def test_a_day_already_written_is_not_due_again():
    assert due(date(2026, 1, 19), local(20, 23, 59)) == []


def test_the_first_run_writes_only_the_latest_due_day():
    assert due(None, local(20, 6)) == [date(2026, 1, 18)]
    assert due(None, local(20, 8)) == [date(2026, 1, 19)]


def test_days_missed_while_nothing_ran_are_caught_up_oldest_first():
    assert due(date(2026, 1, 15), local(20, 8)) == [
        date(2026, 1, 16), date(2026, 1, 17), date(2026, 1, 18), date(2026, 1, 19),
    ]


def test_catching_up_is_bounded():
    days = due(date(2025, 6, 1), local(20, 8))
    assert len(days) == CATCH_UP_DAYS
    assert days[-1] == date(2026, 1, 19)
    assert days == sorted(days)


def test_a_clock_set_back_before_the_last_day_writes_nothing():
    assert due(date(2026, 1, 25), local(20, 8)) == []


def test_the_time_is_read_on_the_local_clock_not_in_utc():
    # 07:30 in Toronto is 12:30 UTC; at 06:30 Toronto (11:30 UTC) a 07:00 digest is not due yet.
    assert due(date(2026, 1, 18), local(20, 6, 30)) == []
    utc_view = local(20, 6, 30).astimezone(UTC)
    assert due(date(2026, 1, 18), utc_view) == [date(2026, 1, 19)]


def test_a_local_day_starts_at_local_midnight():
    assert local_midnight(date(2026, 1, 19), TORONTO_WINTER).astimezone(UTC) == datetime(
        2026, 1, 19, 5, 0, tzinfo=UTC
    )


def test_a_day_when_clocks_spring_forward_lasts_23_hours():
    from zoneinfo import ZoneInfo

    toronto = ZoneInfo("America/Toronto")
    start, end = local_midnight(date(2026, 3, 8), toronto), local_midnight(date(2026, 3, 9), toronto)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=23)
