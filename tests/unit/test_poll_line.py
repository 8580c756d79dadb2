"""When the next poll comes: the first tick of the app's timer at or after a feed falls due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ui.poll_line import next_poll

T = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)
HALF_HOUR = timedelta(minutes=30)


def test_a_feed_due_before_the_next_tick_is_polled_at_that_tick():
    assert next_poll(T, T + timedelta(minutes=5), HALF_HOUR) == T + timedelta(minutes=5)


def test_a_feed_due_later_is_polled_at_the_first_tick_after_it():
    due, tick = T + timedelta(minutes=40), T + timedelta(minutes=5)
    assert next_poll(due, tick, HALF_HOUR) == T + timedelta(minutes=65)


def test_without_a_timer_the_next_poll_is_when_the_first_feed_falls_due():
    assert next_poll(T, None, HALF_HOUR) == T
    assert next_poll(None, T, HALF_HOUR) is None
