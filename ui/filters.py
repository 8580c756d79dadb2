"""What the article list shows, as plain data: the sidebar's scope, the search box, the dates.

Pure: turning the user's choices into an `ArticleQuery` is tested without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP

from db.query import ArticleQuery, SortKey
from db.records import SavedSearch

ScopeKind = Literal["all", "issue", "starred", "search", "feed"]
DatePreset = Literal["any", "day", "week", "month", "baseline", "custom"]

DATE_PRESETS: tuple[tuple[DatePreset, str], ...] = (
    ("any", QT_TRANSLATE_NOOP("Filters", "Any time")),
    ("day", QT_TRANSLATE_NOOP("Filters", "Last 24 hours")),
    ("week", QT_TRANSLATE_NOOP("Filters", "Last 7 days")),
    ("month", QT_TRANSLATE_NOOP("Filters", "Last 30 days")),
    ("baseline", QT_TRANSLATE_NOOP("Filters", "Since the baseline")),
    ("custom", QT_TRANSLATE_NOOP("Filters", "Between dates…")),
)


@dataclass(frozen=True)
class Scope:
    """One sidebar entry: everything, a tracked issue, the starred items, a saved search, a feed."""

    kind: ScopeKind = "all"
    key: str | int | None = None


ALL = Scope()
STARRED = Scope("starred")


@dataclass(frozen=True)
class DateRange:
    since: datetime | None = None
    until: datetime | None = None


def date_range(
    preset: DatePreset,
    now: datetime,
    baseline: date | None = None,
    first: date | None = None,
    last: date | None = None,
) -> DateRange:
    """The UTC bounds of a date preset; `first`/`last` are whole days, both included."""
    if preset == "day":
        return DateRange(now - timedelta(days=1), None)
    if preset == "week":
        return DateRange(now - timedelta(days=7), None)
    if preset == "month":
        return DateRange(now - timedelta(days=30), None)
    if preset == "baseline" and baseline is not None:
        return DateRange(_midnight(baseline), None)
    if preset == "custom":
        since = _midnight(first) if first else None
        until = _midnight(last + timedelta(days=1)) if last else None
        if since and until and until <= since:
            since, until = _midnight(last), _midnight(first + timedelta(days=1))  # type: ignore[arg-type]
        return DateRange(since, until)
    return DateRange()


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def query_for(
    scope: Scope,
    *,
    search: str = "",
    dates: DateRange = DateRange(),
    saved: SavedSearch | None = None,
    sort: SortKey = "date",
    descending: bool = True,
    include_irrelevant: bool = False,
) -> ArticleQuery:
    """The store query for what the user selected; a saved search adds its own filters."""
    issue = scope.key if scope.kind == "issue" and isinstance(scope.key, str) else None
    feed_id = scope.key if scope.kind == "feed" and isinstance(scope.key, int) else None
    words = [search.strip()] if search.strip() else []
    if saved is not None:
        issue = issue or saved.issue
        feed_id = feed_id if feed_id is not None else saved.feed_id
        if saved.query.strip():
            words.insert(0, saved.query.strip())
    return ArticleQuery(
        issue=issue,
        feed_id=feed_id,
        starred=scope.kind == "starred",
        since=dates.since,
        until=dates.until,
        search=" AND ".join(f"({w})" for w in words) if len(words) > 1 else (words[0] if words else None),
        sort=sort,
        descending=descending,
        include_irrelevant=include_irrelevant,
    )


def search_terms(text: str) -> list[str]:
    """The words and phrases of a search to highlight (operators and prefixes' stars left out)."""
    terms: list[str] = []
    rest = text
    while '"' in rest:
        before, _, after = rest.partition('"')
        phrase, _, rest = after.partition('"')
        terms.extend(_words(before))
        if phrase.strip():
            terms.append(phrase.strip())
    terms.extend(_words(rest))
    return terms


def _words(text: str) -> list[str]:
    out = []
    for token in text.replace("(", " ").replace(")", " ").split():
        if token in ("AND", "OR", "NOT"):
            continue
        token = token.rstrip("*")
        if token:
            out.append(token)
    return out
