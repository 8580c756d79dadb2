"""When a feed is polled next: pure functions of the outcome, the time and a random source."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from monitor import schedule
from monitor.schedule import next_poll_at

NOW = datetime(2026, 1, 20, 8, 0, tzinfo=UTC)
LOW, MID, HIGH = (lambda: 0.0), (lambda: 0.5), (lambda: 0.999999)


def delay(when: datetime | None) -> float:
    assert when is not None
    return (when - NOW).total_seconds()


def test_the_feeds_own_interval_wins_over_the_setting():
    assert schedule.interval_s(600, 1200) == 600
    assert schedule.interval_s(None, 1200) == 1200
    assert schedule.interval_s(0, 1200) == 1200


def test_no_interval_is_shorter_than_a_minute():
    assert schedule.interval_s(1, 900) == schedule.MIN_INTERVAL_S
    assert schedule.interval_s(None, 5) == schedule.MIN_INTERVAL_S


def test_after_a_success_the_next_poll_is_one_interval_away_give_or_take_the_jitter():
    assert delay(next_poll_at(NOW, "ok", interval=900, rand=MID)) == pytest.approx(900)
    assert delay(next_poll_at(NOW, "ok", interval=900, rand=LOW)) == pytest.approx(810)
    assert delay(next_poll_at(NOW, "ok", interval=900, rand=HIGH)) == pytest.approx(990, abs=0.01)


def test_not_modified_is_scheduled_like_a_success():
    assert next_poll_at(NOW, "not_modified", interval=900, rand=MID) == next_poll_at(
        NOW, "ok", interval=900, rand=MID
    )


def test_feeds_polled_together_for_the_first_time_spread_over_a_whole_interval():
    rng = random.Random(7)
    delays = sorted(delay(next_poll_at(NOW, "ok", interval=900, rand=rng.random, first=True))
                    for _ in range(500))
    assert delays[0] >= 450 and delays[-1] < 1350
    assert delays[-1] - delays[0] > 800  # not a burst: nearly the whole window is used
    # and evenly: each tenth of the window holds some of them
    buckets = {int((d - 450) // 90) for d in delays}
    assert buckets == set(range(10))


def test_later_polls_keep_drifting_apart_by_the_jitter():
    rng = random.Random(3)
    delays = {round(delay(next_poll_at(NOW, "ok", interval=900, rand=rng.random))) for _ in range(50)}
    assert len(delays) > 40
    assert min(delays) >= 810 and max(delays) <= 990


def test_backoff_doubles_with_each_consecutive_failure():
    delays = [delay(next_poll_at(NOW, "failing", interval=900, rand=MID, errors=n)) for n in range(1, 6)]
    assert delays == [900, 1800, 3600, 7200, 14400]


def test_backoff_is_jittered_so_failing_feeds_do_not_retry_in_step():
    low = delay(next_poll_at(NOW, "failing", interval=900, rand=LOW, errors=3))
    high = delay(next_poll_at(NOW, "failing", interval=900, rand=HIGH, errors=3))
    assert low == pytest.approx(3600 * 0.9)
    assert high == pytest.approx(3600 * 1.1, abs=0.01)


@pytest.mark.parametrize("errors", [8, 9, 30, 1000, 10**9])
def test_backoff_never_exceeds_a_day_and_never_stops(errors):
    when = next_poll_at(NOW, "failing", interval=900, rand=HIGH, errors=errors)
    assert 0 < delay(when) <= 24 * 3600


def test_a_zero_error_count_on_failure_is_treated_as_the_first_failure():
    assert delay(next_poll_at(NOW, "failing", interval=900, rand=MID, errors=0)) == 900


def test_a_gone_feed_is_never_scheduled_again():
    assert next_poll_at(NOW, "gone", interval=900, rand=MID) is None


def test_retry_after_wins_when_it_is_later_than_the_backoff():
    later = NOW + timedelta(hours=3)
    assert next_poll_at(NOW, "failing", interval=900, rand=MID, errors=1, retry_after=later) == later


def test_backoff_wins_when_retry_after_asks_for_less():
    sooner = NOW + timedelta(seconds=30)
    assert delay(next_poll_at(NOW, "failing", interval=900, rand=MID, errors=2, retry_after=sooner)) == 1800


def test_a_retry_after_in_the_past_changes_nothing():
    past = NOW - timedelta(hours=1)
    assert delay(next_poll_at(NOW, "failing", interval=900, rand=MID, errors=1, retry_after=past)) == 900


def test_an_absurd_retry_after_is_capped_so_the_feed_is_not_silenced_for_good():
    far = NOW + timedelta(days=400)
    when = next_poll_at(NOW, "failing", interval=900, rand=MID, errors=1, retry_after=far)
    assert delay(when) == schedule.MAX_RETRY_AFTER_S


def test_max_age_wins_when_it_is_later_than_the_interval():
    assert delay(next_poll_at(NOW, "ok", interval=900, rand=MID, max_age=3600)) == 3600
    assert delay(next_poll_at(NOW, "not_modified", interval=900, rand=MID, max_age=3600)) == 3600


def test_a_short_max_age_does_not_make_polls_more_frequent():
    assert delay(next_poll_at(NOW, "ok", interval=900, rand=MID, max_age=60)) == 900
    assert delay(next_poll_at(NOW, "ok", interval=900, rand=MID, max_age=0)) == 900


def test_a_huge_max_age_is_capped():
    when = next_poll_at(NOW, "ok", interval=900, rand=MID, max_age=10**9)
    assert delay(when) == schedule.MAX_AGE_CAP_S


def test_max_age_does_not_apply_to_failures():
    assert delay(next_poll_at(NOW, "failing", interval=900, rand=MID, errors=1, max_age=7200)) == 900


def test_a_retry_after_that_is_still_ahead_defers_a_forced_poll():
    assert schedule.deferred_until(NOW + timedelta(minutes=5), NOW) == NOW + timedelta(minutes=5)
    assert schedule.deferred_until(NOW - timedelta(minutes=5), NOW) is None
    assert schedule.deferred_until(NOW, NOW) is None
    assert schedule.deferred_until(None, NOW) is None


def test_scheduling_never_looks_at_anything_but_the_injected_clock_and_random_source():
    first = next_poll_at(NOW, "ok", interval=900, rand=random.Random(1).random)
    second = next_poll_at(NOW, "ok", interval=900, rand=random.Random(1).random)
    assert first == second
