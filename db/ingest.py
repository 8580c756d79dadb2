"""Writing what a poll found: one transaction per feed, items, tags and feed state together.

A crash before COMMIT leaves the feed exactly as it was (old validators included), so
the next poll fetches the same items again instead of a 304 hiding them.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from db.articles import chunks, matches_to_json
from db.moves import insert_moves, replace_moves
from db.records import FeedOutcome, IncomingItem, IngestResult, Move, Tag
from db.timeutil import from_db, to_db

if TYPE_CHECKING:
    from db.store import Store

# A date further ahead than this is a feed's mistake: the item keeps it as published,
# but sorts by when we first saw it instead of sitting on top of every list for months.
FUTURE_SLACK = timedelta(days=1)

_ARTICLE_COLUMNS = (
    "guid, url, title, summary_html, text, author, published, content_hash, relevant, lang"
)


_ARTICLE_MARKS = "(" + ", ".join("?" * 14) + ")"  # id, feed_id, the columns, first_seen, sort_date
# Rows in one INSERT: 64 x 14 values stays under SQLite's oldest limit of 999 parameters.
_ROWS_A_STATEMENT = 64


class _New:
    """What _update_stored returns for an item that is a new article."""


_NEW = _New()


class _NewArticles:
    """New articles held back to be inserted together, and what they would answer to."""

    def __init__(self) -> None:
        self._items: list[IncomingItem] = []
        self._guids: set[str] = set()
        self._urls: set[str] = set()

    def add(self, item: IncomingItem) -> None:
        self._items.append(item)
        self._guids.add(item.guid)
        if item.url:
            self._urls.add(item.url)

    def concerns(self, item: IncomingItem) -> bool:
        """True when looking `item` up could meet one of these: same guid, or same link."""
        return item.guid in self._guids or bool(item.url) and item.url in self._urls

    def take(self) -> list[IncomingItem]:
        items, self._items = self._items, []
        self._guids.clear()
        self._urls.clear()
        return items


_INSERT_RULE_TAG = (
    "INSERT OR IGNORE INTO tags(article_id, issue_id, score, matches, source) "
    "SELECT ?, id, ?, ?, 'rule' FROM tracked_issues WHERE slug = ?"
)


def _tag_row(article_id: int, tag: Tag) -> tuple[object, ...]:
    return (article_id, tag.score, matches_to_json(tag.matches), tag.issue)


def _values(item: IncomingItem) -> tuple[object, ...]:
    return (
        item.guid, item.url, item.title, item.summary_html, item.text, item.author,
        to_db(item.published), item.content_hash, int(item.relevant), item.lang,
    )


@dataclass(frozen=True)
class FeedIngestResult(IngestResult):
    """What one feed's poll wrote; `new_relevant` counts new items judged relevant."""

    new_relevant: int = 0


def _sort_date(published: datetime | None, now: datetime) -> str | None:
    """The date an item sorts by: its own, unless it claims to come from the future."""
    if published is None or published > now + FUTURE_SLACK:
        return None
    return to_db(published)


class IngestRepo:
    def __init__(self, store: Store) -> None:
        self._store = store

    def store_feed(
        self, feed_id: int, outcome: FeedOutcome, items: Sequence[IncomingItem], now: datetime
    ) -> FeedIngestResult:
        """Store one feed's poll: new and changed items with their tags, then the feed's state."""
        new_ids: list[int] = []
        updated_ids: list[int] = []
        per_issue: Counter[str] = Counter()
        new_relevant = 0
        new_tags: list[tuple[object, ...]] = []
        with self._store.write() as conn:
            # A feed polled for the first time has no entries to match, so its items
            # need no lookup (until a guid comes twice, which the parser never sends).
            first = bool(items) and conn.execute(
                "SELECT 1 FROM article_feeds WHERE feed_id = ? LIMIT 1", (feed_id,)
            ).fetchone() is None
            guids: set[str] = set()
            pending = _NewArticles()
            created: list[tuple[int, IncomingItem]] = []
            for item in items:
                unseen = first and item.guid not in guids
                guids.add(item.guid)
                if pending.concerns(item):  # its lookups must see the articles held back
                    created += self._insert_new(conn, feed_id, pending.take(), now)
                article_id = self._update_stored(conn, feed_id, item, now, unseen)
                if isinstance(article_id, _New):
                    pending.add(item)
                elif article_id is not None:
                    updated_ids.append(article_id)
                    self._write_rule_tags(conn, article_id, item.relevant, item.tags)
                    replace_moves(conn, article_id, item.moves)
            created += self._insert_new(conn, feed_id, pending.take(), now)
            # A new row has no tags to replace and no manual ones to consult, and
            # its relevant column was written with it.
            for article_id, item in created:
                new_ids.append(article_id)
                if item.relevant:
                    new_relevant += 1
                    per_issue.update(tag.issue for tag in item.tags)
                    new_tags.extend(_tag_row(article_id, tag) for tag in item.tags)
                    if item.moves:
                        insert_moves(conn, article_id, item.moves)
            if new_tags:
                conn.executemany(_INSERT_RULE_TAG, new_tags)
            self._store.feeds.record_outcome(feed_id, outcome, new_items=len(new_ids))
        return FeedIngestResult(tuple(new_ids), tuple(updated_ids), dict(per_issue), new_relevant)

    def store_feeds(
        self, polls: Sequence[tuple[int, FeedOutcome, Sequence[IncomingItem]]], now: datetime
    ) -> list[FeedIngestResult | Exception]:
        """Store several feeds' polls in one transaction, each feed in a savepoint.

        One commit and one full-text flush for the lot: a first poll of many feeds
        costs about a tenth less. A feed whose items cannot be stored rolls back alone
        and gets its error in the result; a fault of the file itself (full, damaged)
        is raised, and then nothing was stored.
        """
        results: list[FeedIngestResult | Exception] = []
        with self._store.write() as conn:
            for feed_id, outcome, items in polls:
                conn.execute("SAVEPOINT feed_poll")
                try:
                    results.append(self.store_feed(feed_id, outcome, items, now))
                except Exception as exc:
                    if isinstance(exc, sqlite3.Error) and self._store.fault(exc) is not None:
                        raise
                    conn.execute("ROLLBACK TO feed_poll")
                    results.append(exc)
                conn.execute("RELEASE feed_poll")
        return results

    def store_outcomes(self, outcomes: Sequence[tuple[int, FeedOutcome]]) -> list[Exception | None]:
        """Store the polls of several feeds that brought no items, in one transaction.

        Each feed gets a savepoint, so one that fails rolls back alone; returns each
        feed's error, or None where its outcome was stored. An error of the
        transaction itself (a locked database, say) is raised: then nothing was stored.
        """
        errors: list[Exception | None] = []
        with self._store.write() as conn:
            if len(outcomes) > 1 and not any(o.new_url for _, o in outcomes):
                # All at once first; only when that fails, feed by feed to learn which.
                conn.execute("SAVEPOINT feed_outcomes")
                try:
                    self._store.feeds.record_outcomes(outcomes)
                except Exception:
                    conn.execute("ROLLBACK TO feed_outcomes")
                    conn.execute("RELEASE feed_outcomes")
                else:
                    conn.execute("RELEASE feed_outcomes")
                    return [None] * len(outcomes)
            for feed_id, outcome in outcomes:
                conn.execute("SAVEPOINT feed_outcome")
                try:
                    self._store.feeds.record_outcome(feed_id, outcome)
                except Exception as exc:
                    conn.execute("ROLLBACK TO feed_outcome")
                    errors.append(exc)
                else:
                    errors.append(None)
                conn.execute("RELEASE feed_outcome")
        return errors

    def known_entries(self, feed_id: int) -> dict[str, str]:
        """guid -> raw hash of the feed's stored entries that a poll may skip while unchanged."""
        # One row, not one per entry: each step lets the fetch threads take the GIL.
        row = self._store.conn.execute(
            "SELECT json_group_object(guid, raw_hash) FROM article_feeds "
            "WHERE feed_id = ? AND raw_hash IS NOT NULL",
            (feed_id,),
        ).fetchone()
        return dict(json.loads(row[0])) if row and row[0] else {}

    def _update_stored(
        self, conn: sqlite3.Connection, feed_id: int, item: IncomingItem, now: datetime, unseen: bool
    ) -> int | None | _New:
        """The id of the stored article `item` rewrote; None when it changed nothing;
        _NEW when it is a new article, which the caller inserts.

        `unseen`: the feed is known to hold no entry under this guid, so none is looked up.

        Keeps article_feeds.raw_hash true to its promise: set only while the article
        holds exactly what this entry cleans to, and cleared on the other feeds'
        rows when one feed's entry rewrites the article.
        """
        known = None if unseen else conn.execute(
            "SELECT a.id, a.content_hash, af.raw_hash FROM article_feeds af "
            "JOIN articles a ON a.id = af.article_id WHERE af.feed_id = ? AND af.guid = ?",
            (feed_id, item.guid),
        ).fetchone()
        if known is not None:
            if known[1] == item.content_hash:
                if known[2] != item.raw_hash:
                    conn.execute(
                        "UPDATE article_feeds SET raw_hash = ? WHERE feed_id = ? AND guid = ?",
                        (item.raw_hash, feed_id, item.guid),
                    )
                return None
            # One canonical URL, one article: a changed link that another article already
            # has keeps the old one.
            conn.execute(
                "UPDATE articles SET url = CASE WHEN ?1 IS NULL OR NOT EXISTS (SELECT 1 FROM articles "
                "WHERE url = ?1 AND id != ?9) THEN ?1 ELSE url END, title = ?2, summary_html = ?3, "
                "text = ?4, author = ?5, published = coalesce(?6, published), "
                "sort_date = coalesce(?7, sort_date), content_hash = ?8, updated_at = ?10 WHERE id = ?9",
                (
                    item.url, item.title, item.summary_html, item.text, item.author,
                    to_db(item.published), _sort_date(item.published, now), item.content_hash,
                    known[0], to_db(now),
                ),
            )
            conn.execute(
                "UPDATE article_feeds SET raw_hash = CASE WHEN feed_id = ? AND guid = ? THEN ? END "
                "WHERE article_id = ?",
                (feed_id, item.guid, item.raw_hash, known[0]),
            )
            return int(known[0])
        if item.url:
            same = conn.execute(
                "SELECT id, content_hash FROM articles WHERE url = ? LIMIT 1", (item.url,)
            ).fetchone()
            if same is not None:
                conn.execute(
                    "INSERT OR IGNORE INTO article_feeds(feed_id, guid, article_id, raw_hash) "
                    "VALUES (?, ?, ?, ?)",
                    (feed_id, item.guid, same[0], item.raw_hash if same[1] == item.content_hash else None),
                )
                return None
        return _NEW

    def _insert_new(
        self, conn: sqlite3.Connection, feed_id: int, items: Sequence[IncomingItem], now: datetime
    ) -> list[tuple[int, IncomingItem]]:
        """Insert new articles, many rows a statement; returns (article id, item) in order.

        The full-text trigger flushes its index once per statement: inserted a row at a
        time, a first poll of 25,000 items spent three quarters of its storing in it.
        The ids are the ones SQLite would give (one past the largest), written out so
        that the rows of one statement are known apart.
        """
        if not items:
            return []
        seen = to_db(now)
        next_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0])
        ids = range(next_id, next_id + len(items))
        rows = [
            (article_id, feed_id, *_values(item), seen, _sort_date(item.published, now) or seen)
            for article_id, item in zip(ids, items, strict=True)
        ]
        for start in range(0, len(rows), _ROWS_A_STATEMENT):
            batch = rows[start : start + _ROWS_A_STATEMENT]
            conn.execute(
                f"INSERT INTO articles(id, feed_id, {_ARTICLE_COLUMNS}, first_seen, sort_date) "
                f"VALUES {','.join([_ARTICLE_MARKS] * len(batch))}",
                [value for row in batch for value in row],
            )
        created = list(zip(ids, items, strict=True))
        conn.executemany(
            "INSERT INTO article_feeds(feed_id, guid, article_id, raw_hash) VALUES (?, ?, ?, ?)",
            [(feed_id, item.guid, article_id, item.raw_hash) for article_id, item in created],
        )
        return created

    def _write_rule_tags(
        self, conn: sqlite3.Connection, article_id: int, relevant: bool, tags: Iterable[Tag]
    ) -> None:
        conn.execute("DELETE FROM tags WHERE article_id = ? AND source = 'rule'", (article_id,))
        if relevant:
            conn.executemany(_INSERT_RULE_TAG, [_tag_row(article_id, t) for t in tags])
        # A reader who tagged an item by hand has said it belongs, whatever the rules think;
        # a reader who corrected its relevance has said so outright, and that wins.
        conn.execute(
            "UPDATE articles SET relevant = coalesce((SELECT relevant FROM relevance_corrections "
            "WHERE article_id = ?2), ?1 OR EXISTS (SELECT 1 FROM tags WHERE article_id = ?2 "
            "AND source = 'manual' AND removed = 0)) WHERE id = ?2",
            (int(relevant), article_id),
        )

    def retag(self, results: Iterable[tuple[int, bool, Sequence[Tag], Sequence[Move]]]) -> int:
        """Replace the rule tags and moves of many articles in one transaction; manual decisions stay."""
        results = list(results)
        with self._store.write() as conn:
            # Few articles have moves: one statement clears the batch's, then each adds its own.
            for chunk, marks in chunks([article_id for article_id, *_ in results]):
                conn.execute(f"DELETE FROM moves WHERE article_id IN ({marks})", chunk)
            for article_id, relevant, tags, moves in results:
                self._write_rule_tags(conn, article_id, relevant, tags)
                if moves:
                    insert_moves(conn, article_id, moves)
        return len(results)

    def texts(
        self, after_id: int = 0, limit: int = 2000
    ) -> list[tuple[int, str, str, str | None, datetime | None]]:
        """(id, title, text, lang, published) of stored articles in id order, a page at a time."""
        rows = self._store.conn.execute(
            "SELECT id, title, text, lang, published FROM articles WHERE id > ? ORDER BY id LIMIT ?",
            (after_id, limit),
        )
        return [(r[0], r[1], r[2], r[3], from_db(r[4])) for r in rows]

    def total(self) -> int:
        return int(self._store.conn.execute("SELECT count(*) FROM articles").fetchone()[0])
