"""Putting articles into a test database the way a poll does: through store.ingest."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime, timedelta

from db import Store
from db.records import Feed, FeedOutcome, IncomingItem, Match, Tag


def add_feed(
    store: Store,
    url: str = "http://127.0.0.1:9/feed.xml",
    title: str = "Test Wire",
    category: str | None = "Wires",
) -> Feed:
    return store.feeds.add(url, title=title, category=category)


def tag(issue: str, title: str, word: str) -> Tag:
    """A rule tag whose match points at `word` in `title`."""
    start = title.index(word)
    return Tag(issue=issue, score=3.0, matches=(Match(word, "title", start, start + len(word)),))


def add_items(
    store: Store,
    feed: Feed,
    items: Sequence[tuple[str, str, Sequence[Tag]]],
    now: datetime,
    relevant: bool = True,
) -> list[int]:
    """Store (title, summary_html, tags) items, newest first, one minute apart; returns the new ids."""
    incoming = []
    for n, (title, summary, tags) in enumerate(items):
        guid = hashlib.sha1(f"{feed.id}-{title}-{n}".encode()).hexdigest()
        incoming.append(
            IncomingItem(
                guid=guid,
                url=f"https://news.example/{guid[:12]}",
                title=title,
                summary_html=summary,
                text=_text(summary),
                author=None,
                published=now - timedelta(minutes=n),
                content_hash=guid,
                relevant=relevant,
                lang="en",
                tags=tuple(tags),
            )
        )
    outcome = FeedOutcome(
        status="ok", attempted_at=now, next_poll_at=now + timedelta(hours=1), http_status=200
    )
    return list(store.ingest.store_feed(feed.id, outcome, incoming, now).new_ids)


def _text(summary_html: str) -> str:
    from monitor.sanitize import html_to_text

    return html_to_text(summary_html)


def many(count: int, prefix: str = "Canada and China item") -> list[tuple[str, str, Sequence[Tag]]]:
    return [(f"{prefix} {n:04d}", f"<p>Summary {n} about Canada and China.</p>", ()) for n in range(count)]
