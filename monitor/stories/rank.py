"""How stories are ranked wherever they are listed (the Developments view, digests, the CLI)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, tzinfo

from db.records import Story


def rank_key(last: datetime, outlets: int, tz: tzinfo = UTC) -> tuple[date, int, datetime]:
    """Higher ranks first: the latest day (as the reader's clock counts days), then the
    stories carried by more outlets, then the latest."""
    return (last.astimezone(tz).date(), outlets, last)


def rank_stories(stories: Iterable[Story], tz: tzinfo = UTC) -> list[Story]:
    return sorted(stories, key=lambda s: (*rank_key(s.last_date, len(s.outlets), tz), s.id), reverse=True)
