"""What one fetch and parse mean for a feed: its next state and the items to store. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from db.records import Feed, FeedOutcome, IncomingItem
from monitor import schedule
from monitor.fetch import FetchResult
from monitor.messages import message
from monitor.normalize import cap, one_line
from monitor.parse import FeedParseError
from monitor.pipeline import ProcessedFeed

ERROR_CAP = 500  # a feed's stored error: one line, short enough for a tooltip
ResultStatus = Literal["ok", "not_modified", "failing", "gone", "skipped"]


@dataclass(frozen=True)
class Fetched:
    """What a fetch thread hands back to the writer: the fetch (without its body) and the parse."""

    feed: Feed
    attempted_at: datetime
    fetch: FetchResult | None = None
    body_hash: str | None = None
    parsed: ProcessedFeed | BaseException | None = None  # None: nothing new to parse


def decide(
    fetched: Fetched, now: datetime, interval: int, rand: schedule.Random, cutoff: datetime
) -> tuple[FeedOutcome, tuple[IncomingItem, ...]]:
    """The feed's new state and the items to store, from one fetch and parse."""
    feed, fetch, parsed = fetched.feed, fetched.fetch, fetched.parsed
    if fetch is None:
        return failing(feed, fetched.attempted_at, now, interval, rand, error_text(parsed), None), ()
    if fetch.outcome == "gone":
        outcome = FeedOutcome(
            status="gone", attempted_at=fetched.attempted_at, next_poll_at=None,
            http_status=fetch.status, error=fetch.error or message("gone"),
            error_count=feed.error_count + 1, duration_ms=elapsed_ms(fetch),
        )
        return outcome, ()
    if fetch.outcome == "error":
        return failing(feed, fetched.attempted_at, now, interval, rand, fetch.error or message("failed"),
                        fetch.status, fetch), ()
    if isinstance(parsed, BaseException):
        return failing(feed, fetched.attempted_at, now, interval, rand, error_text(parsed),
                        fetch.status, fetch), ()
    # A 304, or a 200 with the very bytes stored last time, is "not modified" either way.
    parsed_feed = parsed if isinstance(parsed, ProcessedFeed) else None
    kind: schedule.Kind = "ok" if parsed_feed is not None else "not_modified"
    outcome = FeedOutcome(
        status=kind,
        attempted_at=fetched.attempted_at,
        next_poll_at=schedule.next_poll_at(now, kind, interval=interval, rand=rand,
                                           first=feed.last_attempt_at is None, max_age=fetch.max_age),
        http_status=fetch.status,
        error=message("parse_warning", warning=parsed_feed.warning) if parsed_feed and parsed_feed.warning
        else None,
        etag=fetch.validators.etag,
        last_modified=fetch.validators.last_modified,
        content_hash=fetched.body_hash,
        new_url=fetch.permanent_url,
        title=parsed_feed.title if parsed_feed else None,
        site_url=parsed_feed.site_url if parsed_feed else None,
        duration_ms=elapsed_ms(fetch),
    )
    if parsed_feed is None:
        return outcome, ()
    return outcome, tuple(item for item in parsed_feed.items if worth_storing(item, cutoff))


def worth_storing(item: IncomingItem, cutoff: datetime) -> bool:
    """Irrelevant items dated before the retention cutoff would be pruned at once.

    Storing them anyway would bring them back as "new" after every prune for as
    long as the feed still lists them.
    """
    return item.relevant or item.published is None or item.published >= cutoff


def failing(
    feed: Feed, attempted_at: datetime, now: datetime, interval: int, rand: schedule.Random,
    error: str, http_status: int | None, fetch: FetchResult | None = None,
) -> FeedOutcome:
    errors = feed.error_count + 1
    retry_after = fetch.retry_after if fetch is not None else None
    return FeedOutcome(
        status="failing",
        attempted_at=attempted_at,
        next_poll_at=schedule.next_poll_at(now, "failing", interval=interval, rand=rand, errors=errors,
                                           retry_after=retry_after),
        http_status=http_status,
        error=error,
        retry_after=retry_after,
        error_count=errors,
        duration_ms=elapsed_ms(fetch) if fetch is not None else 0,
    )


def error_text(exc: object) -> str:
    if isinstance(exc, FeedParseError):
        return cap(one_line(exc), ERROR_CAP)
    if isinstance(exc, BaseException):
        return cap(message("internal_error", kind=type(exc).__name__, reason=one_line(exc)), ERROR_CAP)
    return message("internal_error_bare")


def elapsed_ms(fetch: FetchResult) -> int:
    return int(fetch.elapsed_s * 1000)
