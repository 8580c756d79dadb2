"""The feed list: what to poll, and how each feed fared last time."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from db.errors import DuplicateFeedError, NotFoundError, say
from db.records import Feed, FeedOutcome, FetchLogEntry, NewFeed
from db.timeutil import from_db, to_db

if TYPE_CHECKING:
    from db.store import Store

_EDITABLE = {"title", "site_url", "category", "interval_s", "enabled"}
_POLLABLE = " AND enabled = 1 AND coalesce(last_status, '') != 'gone'"

ClaimFilter = Literal["any", "enabled", "due"]
_CLAIM_FILTERS: dict[str, str] = {
    "any": "",
    "enabled": _POLLABLE,
    "due": _POLLABLE + " AND (next_poll_at IS NULL OR next_poll_at <= :now)",
}


def _feed(row: sqlite3.Row) -> Feed:
    return Feed(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        site_url=row["site_url"],
        category=row["category"],
        enabled=bool(row["enabled"]),
        interval_s=row["interval_s"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        content_hash=row["content_hash"],
        last_status=row["last_status"],
        last_http_status=row["last_http_status"],
        last_error=row["last_error"],
        last_attempt_at=from_db(row["last_attempt_at"]),
        last_success_at=from_db(row["last_success_at"]),
        next_poll_at=from_db(row["next_poll_at"]),
        retry_after=from_db(row["retry_after"]),
        error_count=row["error_count"],
        added_at=from_db(row["added_at"]),
    )


class FeedRepo:
    def __init__(self, store: Store) -> None:
        self._store = store

    def add(
        self,
        url: str,
        *,
        title: str | None = None,
        category: str | None = None,
        site_url: str | None = None,
        interval_s: int | None = None,
        now: datetime | None = None,
    ) -> Feed:
        row = {"url": url, "title": title, "category": category, "site_url": site_url,
               "interval_s": interval_s, "added_at": to_db(now)}
        with self._store.write_tables() as db:
            try:
                feeds = db.table("feeds").insert(row)
            except sqlite3.IntegrityError:
                raise DuplicateFeedError(say("feed_listed", url=url)) from None
            return self.get(int(feeds.last_rowid or 0))

    def add_many(self, feeds: Iterable[NewFeed], *, now: datetime | None = None) -> list[str]:
        """Add feeds in one transaction; return the URLs added, in order.

        A URL already listed (even one another connection added a moment ago) is left
        as it is, with the reader's title and category, and not returned.
        """
        wanted = {feed.url: feed for feed in feeds}  # the first of a URL listed twice
        with self._store.write_tables() as db:
            # Inside the write lock: nobody can add a feed between this look and the insert.
            listed = {url for (url,) in db.execute("SELECT url FROM feeds")}
            rows = [
                {"url": f.url, "title": f.title, "category": f.category, "site_url": f.site_url,
                 "added_at": to_db(now)}
                for f in wanted.values() if f.url not in listed
            ]
            db.table("feeds").insert_all(rows)
        return [row["url"] for row in rows]

    def get(self, feed_id: int) -> Feed:
        row = self._store.conn.execute("SELECT * FROM feeds WHERE id = ?", (feed_id,)).fetchone()
        if row is None:
            raise NotFoundError(say("no_feed", id=feed_id))
        return _feed(row)

    def find(self, url: str) -> Feed | None:
        row = self._store.conn.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        return None if row is None else _feed(row)

    def list(self) -> list[Feed]:
        rows = self._store.conn.execute(
            "SELECT * FROM feeds ORDER BY coalesce(category, ''), coalesce(title, url), id"
        )
        return [_feed(row) for row in rows]

    def count(self) -> int:
        return int(self._store.conn.execute("SELECT count(*) FROM feeds").fetchone()[0])

    def update(self, feed_id: int, **fields: Any) -> Feed:
        """Change what the user may edit: title, site_url, category, interval_s, enabled."""
        unknown = set(fields) - _EDITABLE
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))} of a feed")
        if fields:
            with self._store.write_tables() as db:
                table = db.table("feeds")
                if table.count_where("id = ?", [feed_id]) == 0:
                    raise NotFoundError(say("no_feed", id=feed_id))
                table.update(feed_id, fields)
        return self.get(feed_id)

    def set_enabled(self, feed_id: int, enabled: bool) -> Feed:
        return self.update(feed_id, enabled=int(enabled))

    def remove(self, feed_id: int) -> None:
        """Delete a feed with the articles only it carried; shared articles stay with the others."""
        with self._store.write_tables() as db:
            feeds = db.table("feeds")
            if not feeds.count_where("id = ?", [feed_id]):
                raise NotFoundError(say("no_feed", id=feed_id))
            db.execute(_HAND_OVER_SHARED_ARTICLES, {"feed": feed_id})
            feeds.delete(feed_id)

    def due(self, now: datetime, *, include_not_due: bool = False, limit: int | None = None) -> list[Feed]:
        """Enabled feeds whose time has come (never-polled first), gone feeds excluded."""
        sql = "SELECT * FROM feeds WHERE enabled = 1 AND coalesce(last_status, '') != 'gone'"
        params: list[Any] = []
        if not include_not_due:
            sql += " AND (next_poll_at IS NULL OR next_poll_at <= ?)"
            params.append(to_db(now))
        sql += " ORDER BY next_poll_at IS NOT NULL, next_poll_at, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [_feed(row) for row in self._store.conn.execute(sql, params)]

    def next_due_at(self) -> datetime | None:
        row = self._store.conn.execute(
            "SELECT min(next_poll_at) FROM feeds "
            "WHERE enabled = 1 AND coalesce(last_status, '') != 'gone'"
        ).fetchone()
        return from_db(row[0])

    def claim(
        self,
        feed_ids: Sequence[int],
        owner: str,
        now: datetime,
        until: datetime,
        *,
        only: ClaimFilter = "any",
        stale_owners: Sequence[str] = (),
    ) -> tuple[list[Feed], dict[int, str | None]]:
        """Lease several feeds in one transaction; return (leased feeds, {refused id: lease owner}).

        A feed is refused when a live lease of another poller holds it (its owner is
        given) or, with `only`, when it is no longer "due" or no longer "enabled"
        (owner None): another poller may have polled it since the caller chose it.
        Leases of `stale_owners` (pollers known to be dead) count as free.
        """
        condition = _CLAIM_FILTERS[only]
        ids = list(dict.fromkeys(feed_ids))
        with self._store.write() as conn:
            # One statement for the batch: each statement lets the fetch threads take the GIL.
            rows = conn.execute(
                "UPDATE feeds SET lease_owner = :owner, lease_until = :until "
                "WHERE id IN (SELECT value FROM json_each(:ids)) "
                "AND (lease_owner IS NULL OR lease_owner = :owner OR lease_until IS NULL "
                "OR lease_until <= :now OR lease_owner IN (SELECT value FROM json_each(:stale)))"
                f"{condition} RETURNING *",
                {
                    "owner": owner, "until": to_db(until), "ids": json.dumps(ids), "now": to_db(now),
                    "stale": json.dumps(list(stale_owners)),
                },
            ).fetchall()
            leased = {row["id"]: _feed(row) for row in rows}
            others = conn.execute(
                "SELECT id, lease_owner, lease_until FROM feeds WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps([i for i in ids if i not in leased]),),
            ).fetchall()
        refused: dict[int, str | None] = {}
        for row in others:
            live = row["lease_until"] is not None and row["lease_until"] > (to_db(now) or "")
            refused[row["id"]] = row["lease_owner"] if live else None
        claimed = [leased[i] for i in ids if i in leased]  # in the order asked
        return claimed, {i: refused[i] for i in ids if i in refused}

    def release_leases(self, feed_ids: Iterable[int], owner: str) -> None:
        """Give up leases this owner still holds (feeds abandoned without writing)."""
        ids = list(feed_ids)
        if not ids:
            return
        with self._store.write() as conn:
            conn.executemany(
                "UPDATE feeds SET lease_owner = NULL, lease_until = NULL "
                "WHERE id = ? AND lease_owner = ?",
                [(feed_id, owner) for feed_id in ids],
            )

    def record_outcome(self, feed_id: int, outcome: FeedOutcome, new_items: int = 0) -> None:
        """Store how a poll went; part of the caller's transaction when one is open."""
        with self._store.write() as conn:
            conn.execute(_RECORD_OUTCOME, _outcome_params(feed_id, outcome))
            if outcome.new_url and outcome.new_url != self.get(feed_id).url:
                clash = conn.execute(
                    "SELECT 1 FROM feeds WHERE url = ?", (outcome.new_url,)
                ).fetchone()
                if clash is None:
                    conn.execute("UPDATE feeds SET url = ? WHERE id = ?", (outcome.new_url, feed_id))
            conn.execute(_LOG_FETCH, _log_row(feed_id, outcome, new_items))

    def record_outcomes(self, outcomes: Sequence[tuple[int, FeedOutcome]]) -> None:
        """`record_outcome` for several polls that brought no items and no new address."""
        if any(outcome.new_url for _, outcome in outcomes):
            raise ValueError("a moved feed's outcome is recorded on its own")
        with self._store.write() as conn:
            conn.executemany(_RECORD_OUTCOME, [_outcome_params(f, o) for f, o in outcomes])
            conn.executemany(_LOG_FETCH, [_log_row(f, o, 0) for f, o in outcomes])

    def fetch_log(self, feed_id: int, limit: int = 50) -> list[FetchLogEntry]:
        rows = self._store.conn.execute(
            "SELECT * FROM fetch_log WHERE feed_id = ? ORDER BY id DESC LIMIT ?", (feed_id, limit)
        )
        return [
            FetchLogEntry(
                feed_id=row["feed_id"],
                at=from_db(row["at"]),  # type: ignore[arg-type]
                outcome=row["outcome"],
                http_status=row["http_status"],
                error=row["error"],
                new_items=row["new_items"],
                duration_ms=row["duration_ms"],
            )
            for row in rows
        ]

    def unread_counts(self) -> dict[int, int]:
        rows = self._store.conn.execute(
            """
            SELECT af.feed_id, count(DISTINCT a.id) FROM article_feeds af
            JOIN articles a ON a.id = af.article_id
            LEFT JOIN article_state s ON s.article_id = a.id
            WHERE a.relevant = 1 AND coalesce(s.read, 0) = 0
            GROUP BY af.feed_id
            """
        )
        return {feed_id: count for feed_id, count in rows}


# Articles this feed shares with others move to one of them before the feed's cascade.
_HAND_OVER_SHARED_ARTICLES = """
UPDATE articles SET feed_id = (
    SELECT af.feed_id FROM article_feeds af
    WHERE af.article_id = articles.id AND af.feed_id != :feed LIMIT 1)
WHERE feed_id = :feed AND EXISTS (
    SELECT 1 FROM article_feeds af
    WHERE af.article_id = articles.id AND af.feed_id != :feed)
"""
_RECORD_OUTCOME = """
UPDATE feeds SET
    last_status = :status, last_http_status = :http_status, last_error = :error,
    last_attempt_at = :attempted,
    last_success_at = CASE WHEN :ok THEN :attempted ELSE last_success_at END,
    next_poll_at = :next_poll, retry_after = :retry_after,
    error_count = :error_count,
    etag = CASE WHEN :ok THEN :etag ELSE etag END,
    last_modified = CASE WHEN :ok THEN :last_modified ELSE last_modified END,
    content_hash = CASE WHEN :ok THEN coalesce(:content_hash, content_hash)
                   ELSE content_hash END,
    title = coalesce(title, :title),
    site_url = coalesce(site_url, :site_url),
    lease_owner = NULL, lease_until = NULL
WHERE id = :id
"""
_LOG_FETCH = (
    "INSERT INTO fetch_log(feed_id, at, outcome, http_status, error, new_items, "
    "duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def _outcome_params(feed_id: int, outcome: FeedOutcome) -> dict[str, object]:
    return {
        "id": feed_id,
        "status": outcome.status,
        "http_status": outcome.http_status,
        "error": outcome.error,
        "attempted": to_db(outcome.attempted_at),
        "ok": outcome.status in ("ok", "not_modified"),
        "next_poll": to_db(outcome.next_poll_at),
        "retry_after": to_db(outcome.retry_after),
        "error_count": outcome.error_count,
        "etag": outcome.etag,
        "last_modified": outcome.last_modified,
        "content_hash": outcome.content_hash,
        "title": outcome.title,
        "site_url": outcome.site_url,
    }


def _log_row(feed_id: int, outcome: FeedOutcome, new_items: int) -> tuple[object, ...]:
    return (
        feed_id, to_db(outcome.attempted_at), outcome.status, outcome.http_status, outcome.error,
        new_items, outcome.duration_ms,
    )
