"""How a feed is doing, in colours and tooltips for the sidebar and the feed manager. Pure."""

from __future__ import annotations

from datetime import datetime

from db.records import Feed
from monitor.health import Health, health
from ui.core_text import core_text
from ui.i18n import translate

HEALTH_COLOURS: dict[Health, str] = {
    "ok": "#2e7d32",
    "not_modified": "#78909c",
    "failing": "#e65100",
    "gone": "#b71c1c",
    "new": "#90a4ae",
    "disabled": "#bdbdbd",
}


def health_word(state: Health) -> str:
    """How a feed is doing, in the interface's language."""
    words = {
        "ok": translate("Health", "ok"),
        "not_modified": translate("Health", "not modified"),
        "failing": translate("Health", "failing"),
        "gone": translate("Health", "gone"),
        "new": translate("Health", "not polled yet"),
        "disabled": translate("Health", "disabled"),
    }
    return words[state]


def when(value: datetime | None, never: str | None = None) -> str:
    if value:
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return translate("Health", "never") if never is None else never


def next_poll_text(feed: Feed, unknown: str) -> str:
    """When the feed is polled next; a disabled feed is not polled at all."""
    return (
        translate("Health", "not polled (disabled)") if not feed.enabled else when(feed.next_poll_at, unknown)
    )


def feed_tooltip(feed: Feed) -> str:
    """Several lines: the address, the state, the last error, the last success, the next poll."""
    lines = [feed.display_title, feed.url, translate("Health", "State: {}").format(health_word(health(feed)))]
    if feed.last_error:
        lines.append(translate("Health", "Last error: {}").format(core_text(feed.last_error)))
    lines.append(translate("Health", "Last success: {}").format(when(feed.last_success_at)))
    soon = translate("Health", "as soon as possible")
    lines.append(translate("Health", "Next poll: {}").format(next_poll_text(feed, soon)))
    return "\n".join(lines)
