"""How stories are ranked wherever they are listed (the Developments view, digests, the CLI)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, tzinfo

from db.records import Story


def rank_stories(stories: Iterable[Story], tz: tzinfo = UTC) -> list[Story]:
    """The latest day first (days as the reader's clock counts them), then the stories
    carried by more outlets, then the latest first."""
    return sorted(
        stories,
        key=lambda s: (s.last_date.astimezone(tz).date(), len(s.outlets), s.last_date, s.id),
        reverse=True,
    )
