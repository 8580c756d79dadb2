"""Immutable records the store returns and accepts.

Content (`Article`) and the reader's state of it (`ArticleState`) are kept apart:
polling rewrites content, the reader changes state, and neither touches the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

FeedStatus = Literal["ok", "not_modified", "failing", "gone"]
TagSource = Literal["rule", "manual"]


@dataclass(frozen=True)
class Feed:
    id: int
    url: str
    title: str | None
    site_url: str | None
    category: str | None
    enabled: bool
    interval_s: int | None
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    last_status: FeedStatus | None
    last_http_status: int | None
    last_error: str | None
    last_attempt_at: datetime | None
    last_success_at: datetime | None
    next_poll_at: datetime | None
    retry_after: datetime | None
    error_count: int
    added_at: datetime | None

    @property
    def display_title(self) -> str:
        return self.title or self.url


@dataclass(frozen=True)
class NewFeed:
    """A feed to add to the list: what an OPML outline or the default feeds say of it."""

    url: str
    title: str | None = None
    category: str | None = None
    site_url: str | None = None


@dataclass(frozen=True)
class Match:
    term: str
    field: Literal["title", "summary"]
    start: int
    end: int


@dataclass(frozen=True)
class Tag:
    issue: str
    score: float
    matches: tuple[Match, ...] = ()
    source: TagSource = "rule"


@dataclass(frozen=True)
class Article:
    id: int
    feed_id: int
    guid: str
    url: str | None
    title: str
    summary_html: str
    text: str
    author: str | None
    published: datetime | None
    first_seen: datetime
    updated_at: datetime | None
    content_hash: str
    relevant: bool
    lang: str | None

    @property
    def date(self) -> datetime:
        """When it happened as far as the reader can tell: published, else first seen."""
        return self.published or self.first_seen


@dataclass(frozen=True)
class ArticleState:
    read: bool = False
    starred: bool = False


@dataclass(frozen=True)
class ArticleRow:
    """One line of an article list: enough to draw it, nothing more."""

    id: int
    date: datetime
    title: str
    feed_id: int
    feed_title: str
    issues: tuple[str, ...]
    read: bool
    starred: bool
    relevant: bool


@dataclass(frozen=True)
class TrackedIssue:
    id: int
    slug: str
    name: str
    description: str
    colour: str
    position: int
    notify: bool


@dataclass(frozen=True)
class Rule:
    scope: str  # "relevance" or an issue slug
    body: dict[str, Any]
    user_edited: bool
    updated_at: datetime | None


@dataclass(frozen=True)
class Figure:
    label: str
    value: float
    unit: str
    qualifier: str | None = None
    phrase: str | None = None  # how a person says it, `#` standing for the value: "in #", "over #%"


@dataclass(frozen=True)
class BaselineFact:
    id: str
    issues: tuple[str, ...]
    statement: str
    date: str | None = None
    date_end: str | None = None
    date_label: str | None = None
    event: bool = False
    figures: tuple[Figure, ...] = ()
    source: str | None = None
    source_date: str | None = None


@dataclass(frozen=True)
class SavedSearch:
    id: int
    name: str
    query: str
    issue: str | None = None
    feed_id: int | None = None


@dataclass(frozen=True)
class FetchLogEntry:
    feed_id: int
    at: datetime
    outcome: str
    http_status: int | None
    error: str | None
    new_items: int
    duration_ms: int


@dataclass(frozen=True)
class IncomingItem:
    """One entry of a fetched feed, parsed, normalised and tagged, ready to store."""

    guid: str
    url: str | None
    title: str
    summary_html: str
    text: str
    author: str | None
    published: datetime | None
    content_hash: str
    relevant: bool
    lang: str | None = None
    tags: tuple[Tag, ...] = ()
    moves: tuple[Move, ...] = ()
    # A digest of the raw entry this was cleaned from: the next poll skips the
    # entry while it hashes the same (see monitor.parse.raw_entry_hash).
    raw_hash: str | None = None


@dataclass(frozen=True)
class FeedOutcome:
    """What one poll of one feed decided about the feed itself."""

    status: FeedStatus
    attempted_at: datetime
    next_poll_at: datetime | None
    http_status: int | None = None
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    retry_after: datetime | None = None
    error_count: int = 0
    new_url: str | None = None
    title: str | None = None
    site_url: str | None = None
    duration_ms: int = 0


@dataclass(frozen=True)
class IngestResult:
    new_ids: tuple[int, ...] = ()
    updated_ids: tuple[int, ...] = ()
    new_by_issue: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Move:
    """What an item reports that differs from a baseline fact, in the item's own words.

    `figure` is the figure's label, or None when a state moved (a visit happened, a
    detention ended); `field`, `start` and `end` locate `words` in the item.
    """

    fact: str
    figure: str | None
    baseline: str
    reported: str
    words: str
    field: Literal["title", "summary"] = "title"
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class StoredMove:
    move: Move
    article_id: int
    published: datetime
    title: str


@dataclass(frozen=True)
class StoryItem:
    """A relevant item as the story clustering reads it."""

    article_id: int
    title: str
    text: str
    lang: str | None
    date: datetime
    outlet: str
    issues: tuple[str, ...] = ()
    story_id: int | None = None
    features: str | None = None  # what the clustering read of it, as it stored it


@dataclass(frozen=True)
class Story:
    id: int
    headline: str
    headline_article_id: int | None
    headline_reason: str
    first_date: datetime
    first_outlet: str
    last_date: datetime
    last_grown: datetime
    outlets: tuple[str, ...]
    item_ids: tuple[int, ...]
    issues: tuple[str, ...]
    unread: int
    moves: tuple[StoredMove, ...] = ()
