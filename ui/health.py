"""How a feed is doing, in colours and tooltips for the sidebar and the feed manager. Pure."""

from __future__ import annotations

from datetime import datetime

from db.records import Feed
from monitor.health import HEALTH_WORDS, Health, health

HEALTH_COLOURS: dict[Health, str] = {
    "ok": "#2e7d32",
    "not_modified": "#78909c",
    "failing": "#e65100",
    "gone": "#b71c1c",
    "new": "#90a4ae",
    "disabled": "#bdbdbd",
}


def when(value: datetime | None, never: str = "never") -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else never


def next_poll_text(feed: Feed, unknown: str) -> str:
    """When the feed is polled next; a disabled feed is not polled at all."""
    return "not polled (disabled)" if not feed.enabled else when(feed.next_poll_at, unknown)


def feed_tooltip(feed: Feed) -> str:
    """Several lines: the address, the state, the last error, the last success, the next poll."""
    lines = [feed.display_title, feed.url, f"State: {HEALTH_WORDS[health(feed)]}"]
    if feed.last_error:
        lines.append(f"Last error: {feed.last_error}")
    lines.append(f"Last success: {when(feed.last_success_at)}")
    lines.append(f"Next poll: {next_poll_text(feed, 'as soon as possible')}")
    return "\n".join(lines)
