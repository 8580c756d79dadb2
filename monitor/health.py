"""How a feed is doing, in the words the CLI and the app both show. Pure."""

from __future__ import annotations

from typing import Literal

from db.records import Feed

Health = Literal["ok", "not_modified", "failing", "gone", "new", "disabled"]
HEALTH_WORDS: dict[Health, str] = {
    "ok": "ok",
    "not_modified": "not modified",
    "failing": "failing",
    "gone": "gone",
    "new": "not polled yet",
    "disabled": "disabled",
}


def health(feed: Feed) -> Health:
    if not feed.enabled:
        return "disabled"
    return feed.last_status or "new"
