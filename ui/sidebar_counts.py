"""The numbers beside sidebar entries and baseline headings, read in one go off the GUI thread.

Counting unread items over a large store takes tens to hundreds of milliseconds, so
`load_counts` runs as a background task on its own store connection and the GUI only
receives the finished record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from db import Store, StoreError
from db.query import ArticleQuery
from db.records import BaselineFact, SavedSearch


@dataclass(frozen=True)
class SidebarCounts:
    unread: int = 0
    starred: int = 0
    by_issue: dict[str, int] = field(default_factory=dict)
    by_search: dict[int, int] = field(default_factory=dict)
    by_feed: dict[int, int] = field(default_factory=dict)
    since_baseline: dict[str, int] = field(default_factory=dict)


def baseline_date(facts: list[BaselineFact]) -> date | None:
    """The day of the seed article: the facts' source date, else their latest own date."""
    for candidates in ([f.source_date for f in facts], [f.date for f in facts]):
        days = sorted(_day(d) for d in candidates if d and _day(d))
        if days:
            return days[-1]  # type: ignore[return-value]
    return None


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def load_counts(store: Store) -> SidebarCounts:
    """Every count the sidebar and the baseline view show, in one read snapshot."""
    with store.read():
        searches = {s.id: _search_count(store, s) for s in store.searches.list()}
        day = baseline_date(store.baseline.list())
        since = datetime.combine(day, time(0), tzinfo=UTC) if day else None
        return SidebarCounts(
            unread=store.articles.count(ArticleQuery(unread=True)),
            starred=store.articles.count(ArticleQuery(starred=True)),
            by_issue=store.articles.unread_by_issue(),
            by_search=searches,
            by_feed=store.feeds.unread_counts(),
            since_baseline=store.articles.count_by_issue(since) if since else {},
        )


def _search_count(store: Store, search: SavedSearch) -> int:
    query = ArticleQuery(issue=search.issue, feed_id=search.feed_id, search=search.query, unread=True)
    try:
        return store.articles.count(query)
    except StoreError:  # a saved query FTS5 cannot read counts as nothing, not as a crash
        return 0
