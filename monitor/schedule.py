"""When to poll a feed next: pure functions of the outcome, the time and a random source.

Only our own clock drives scheduling; dates inside feeds never do. Every delay is
jittered so that feeds polled together at start-up drift apart instead of coming
due together again, and every delay is capped so that no feed stops for good
(except one the server said is gone).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Literal

Random = Callable[[], float]  # uniform in [0, 1), like random.random
Kind = Literal["ok", "not_modified", "failing", "gone"]

# Below a minute a poll is a load on the publisher, not a service to the reader.
MIN_INTERVAL_S = 60
JITTER = 0.1  # ± this fraction on every regular and backoff delay
MAX_BACKOFF_S = 24 * 3600
# A news feed's max-age beyond a few hours is more likely a CDN default than the
# publisher's intent; missing half a day of news costs more than one early request.
MAX_AGE_CAP_S = 6 * 3600
# The server's word wins over our backoff, but a misconfigured server must not
# silence a feed for months.
MAX_RETRY_AFTER_S = 7 * 24 * 3600


def interval_s(feed_interval_s: int | None, default_s: int) -> int:
    """The feed's own interval, else the default (the poll interval setting); never under a minute."""
    chosen = feed_interval_s if feed_interval_s is not None and feed_interval_s > 0 else default_s
    return max(MIN_INTERVAL_S, int(chosen))


def jittered(seconds: float, rand: Random, fraction: float = JITTER) -> float:
    """`seconds` moved by up to ±`fraction` of itself."""
    return seconds * (1.0 + fraction * (2.0 * rand() - 1.0))


def regular_delay_s(interval: int, rand: Random, *, first: bool = False) -> float:
    """The delay after a successful poll.

    After a feed's first poll the next one lands anywhere in a window one interval
    wide (half to one and a half intervals): feeds added or started together then
    spread over the whole interval instead of coming due in a burst.
    """
    if first:
        return interval * (0.5 + rand())
    return jittered(interval, rand)


def backoff_delay_s(interval: int, errors: int, rand: Random) -> float:
    """interval * 2^(errors-1), jittered, never more than a day."""
    exponent = min(max(errors, 1) - 1, 32)  # 2^32 intervals is far past the cap already
    return min(jittered(interval * 2.0**exponent, rand), float(MAX_BACKOFF_S))


def next_poll_at(
    now: datetime,
    kind: Kind,
    *,
    interval: int,
    rand: Random,
    errors: int = 0,
    first: bool = False,
    retry_after: datetime | None = None,
    max_age: int | None = None,
) -> datetime | None:
    """When to poll next after an outcome of `kind`; None for a gone feed.

    `errors` counts consecutive failures including this one; `retry_after` and
    `max_age` come from the server and win when they ask for a later time.
    """
    if kind == "gone":
        return None
    if kind == "failing":
        delay = backoff_delay_s(interval, errors, rand)
    else:
        delay = regular_delay_s(interval, rand, first=first)
        if max_age is not None and max_age > 0:
            delay = max(delay, float(min(max_age, MAX_AGE_CAP_S)))
    when = now + timedelta(seconds=delay)
    if retry_after is not None:
        when = max(when, min(retry_after, now + timedelta(seconds=MAX_RETRY_AFTER_S)))
    return when


def deferred_until(retry_after: datetime | None, now: datetime) -> datetime | None:
    """The time a server asked us to wait until, when it is still ahead of `now`."""
    if retry_after is None or retry_after <= now:
        return None
    return min(retry_after, now + timedelta(seconds=MAX_RETRY_AFTER_S))
