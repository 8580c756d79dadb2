"""Reading articles and changing the reader's state of them (read, starred, manual tags)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from db.errors import NotFoundError, StoreError, say
from db.query import ArticleQuery, order_by, where
from db.records import Article, ArticleRow, ArticleState, Match, Tag
from db.timeutil import from_db, to_db

if TYPE_CHECKING:
    from db.store import Store


def _article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        feed_id=row["feed_id"],
        guid=row["guid"],
        url=row["url"],
        title=row["title"],
        summary_html=row["summary_html"],
        text=row["text"],
        author=row["author"],
        published=from_db(row["published"]),
        first_seen=from_db(row["first_seen"]),  # type: ignore[arg-type]
        updated_at=from_db(row["updated_at"]),
        content_hash=row["content_hash"],
        relevant=bool(row["relevant"]),
        lang=row["lang"],
    )


def matches_from_json(text: str) -> tuple[Match, ...]:
    return tuple(
        Match(term=m["term"], field=m["field"], start=int(m["start"]), end=int(m["end"]))
        for m in json.loads(text or "[]")
    )


def matches_to_json(matches: Iterable[Match]) -> str:
    return json.dumps(
        [{"term": m.term, "field": m.field, "start": m.start, "end": m.end} for m in matches],
        ensure_ascii=False,
    )


def chunks(ids: Sequence[int], size: int = 500) -> Iterator[tuple[list[int], str]]:
    """Ids in slices small enough for one `IN (...)`, each with its placeholders."""
    for start in range(0, len(ids), size):
        chunk = list(ids[start : start + size])
        yield chunk, ",".join("?" * len(chunk))


class ArticleRepo:
    def __init__(self, store: Store) -> None:
        self._store = store

    def _run(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        try:
            return self._store.conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc) or "MATCH" in str(exc):
                raise StoreError(say("bad_search", detail=exc)) from None
            raise

    def get(self, article_id: int) -> Article:
        row = self._run("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(say("no_article", id=article_id))
        return _article(row)

    def get_many(self, ids: Sequence[int]) -> list[Article]:
        found = {a.id: a for a in self._select_ids("SELECT * FROM articles", ids, _article)}
        return [found[i] for i in ids if i in found]

    def _select_ids(self, sql: str, ids: Sequence[int], make: Any) -> list[Any]:
        out: list[Any] = []
        for chunk, marks in chunks(ids):
            out.extend(make(r) for r in self._run(f"{sql} WHERE id IN ({marks})", chunk))
        return out

    def count(self, query: ArticleQuery = ArticleQuery()) -> int:
        clause, params = where(query)
        return int(self._run(f"SELECT count(*) FROM articles a{clause}", params).fetchone()[0])

    def ids(self, query: ArticleQuery = ArticleQuery()) -> list[int]:
        clause, params = where(query)
        return [r[0] for r in self._run(f"SELECT a.id FROM articles a{clause}{order_by(query)}", params)]

    def rows(
        self, query: ArticleQuery = ArticleQuery(), offset: int = 0, limit: int = 200
    ) -> list[ArticleRow]:
        """One page of the list, in the query's order."""
        clause, params = where(query)
        sql = (
            "SELECT a.id, a.sort_date, a.title, a.feed_id, a.relevant, "
            "coalesce(f.title, f.url) AS feed_title, "
            "coalesce(s.read, 0) AS read, coalesce(s.starred, 0) AS starred "
            "FROM articles a JOIN feeds f ON f.id = a.feed_id "
            "LEFT JOIN article_state s ON s.article_id = a.id"
            f"{clause}{order_by(query)} LIMIT :limit OFFSET :offset"
        )
        page = self._run(sql, {**params, "limit": limit, "offset": offset}).fetchall()
        issues = self.issue_slugs([r["id"] for r in page])
        return [
            ArticleRow(
                id=r["id"],
                date=from_db(r["sort_date"]),  # type: ignore[arg-type]
                title=r["title"],
                feed_id=r["feed_id"],
                feed_title=r["feed_title"],
                issues=issues.get(r["id"], ()),
                read=bool(r["read"]),
                starred=bool(r["starred"]),
                relevant=bool(r["relevant"]),
            )
            for r in page
        ]

    def issue_slugs(self, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        out: dict[int, list[str]] = {}
        for chunk, marks in chunks(ids):
            rows = self._run(
                "SELECT t.article_id, i.slug FROM tags t JOIN tracked_issues i ON i.id = t.issue_id "
                f"WHERE t.removed = 0 AND t.article_id IN ({marks}) ORDER BY i.position, i.id",
                chunk,
            )
            for article_id, slug in rows:
                out.setdefault(article_id, []).append(slug)
        return {k: tuple(v) for k, v in out.items()}

    def feed_urls(self, ids: Sequence[int]) -> dict[int, list[str]]:
        """Addresses of every feed carrying each article, the article's own feed first."""
        return self._carriers(ids, "f.url")

    def feed_titles(self, ids: Sequence[int]) -> dict[int, list[str]]:
        """Titles of every feed carrying each article, the article's own feed first."""
        return self._carriers(ids, "coalesce(f.title, f.url)")

    def _carriers(self, ids: Sequence[int], column: str) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for chunk, marks in chunks(ids):
            rows = self._run(
                f"SELECT af.article_id, {column}, af.feed_id = a.feed_id AS own "
                "FROM article_feeds af JOIN feeds f ON f.id = af.feed_id "
                f"JOIN articles a ON a.id = af.article_id WHERE af.article_id IN ({marks}) "
                "ORDER BY own DESC, f.id",
                chunk,
            )
            for article_id, value, _own in rows:
                out.setdefault(article_id, []).append(value)
        return out

    # --- the reader's state -------------------------------------------------------------

    def state(self, article_id: int) -> ArticleState:
        row = self._run(
            "SELECT read, starred FROM article_state WHERE article_id = ?", (article_id,)
        ).fetchone()
        return ArticleState() if row is None else ArticleState(bool(row[0]), bool(row[1]))

    def set_read(self, ids: Iterable[int], read: bool = True, now: datetime | None = None) -> int:
        params = [(i, int(read), to_db(now)) for i in ids]
        with self._store.write() as conn:
            conn.executemany(
                "INSERT INTO article_state(article_id, read, read_at) "
                "SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?1) "
                "ON CONFLICT(article_id) DO UPDATE SET read = excluded.read, read_at = excluded.read_at",
                params,
            )
        return len(params)

    def set_starred(self, article_id: int, starred: bool = True, now: datetime | None = None) -> None:
        self.get(article_id)
        with self._store.write() as conn:
            conn.execute(
                "INSERT INTO article_state(article_id, starred, starred_at) VALUES (?, ?, ?) "
                "ON CONFLICT(article_id) DO UPDATE SET starred = excluded.starred, "
                "starred_at = excluded.starred_at",
                (article_id, int(starred), to_db(now)),
            )

    def mark_all_read(self, query: ArticleQuery = ArticleQuery(), now: datetime | None = None) -> int:
        return len(self.mark_all_read_ids(query, now))

    def mark_all_read_ids(
        self, query: ArticleQuery = ArticleQuery(), now: datetime | None = None
    ) -> list[int]:
        """Mark every unread item of `query` read; returns their ids, so that it can be undone."""
        clause, params = where(query)
        unread = "a.id NOT IN (SELECT article_id FROM article_state WHERE read = 1)"
        with self._store.write() as conn:
            marked = [
                r[0] for r in conn.execute(
                    f"SELECT a.id FROM articles a{clause + ' AND ' if clause else ' WHERE '}{unread}", params
                )
            ]
            # The WHERE keeps SQLite from reading ON CONFLICT as part of a join.
            conn.execute(
                "INSERT INTO article_state(article_id, read, read_at) "
                f"SELECT a.id, 1, :now FROM articles a{clause or ' WHERE true'} "
                "ON CONFLICT(article_id) DO UPDATE SET read = 1, read_at = excluded.read_at "
                "WHERE article_state.read = 0",
                {**params, "now": to_db(now)},
            )
            return marked

    # --- tags ---------------------------------------------------------------------------

    def tags(self, article_id: int) -> list[Tag]:
        """The tags a reader sees: rule tags unless the reader removed them, plus manual ones."""
        rows = self._run(
            "SELECT i.slug, t.score, t.matches, t.source FROM tags t "
            "JOIN tracked_issues i ON i.id = t.issue_id "
            "WHERE t.article_id = ? AND t.removed = 0 ORDER BY i.position, i.id",
            (article_id,),
        )
        return [
            Tag(issue=r[0], score=r[1], matches=matches_from_json(r[2]), source=r[3]) for r in rows
        ]

    def set_manual_tag(self, article_id: int, issue: str, present: bool) -> None:
        """The reader's decision on one issue of one article; it outlives every retag."""
        self.get(article_id)
        with self._store.write() as conn:
            issue_id = self._store.issues.id_of(issue)
            conn.execute(
                "INSERT INTO tags(article_id, issue_id, score, matches, source, removed) "
                "VALUES (?, ?, 1.0, '[]', 'manual', ?) "
                "ON CONFLICT(article_id, issue_id) DO UPDATE SET source = 'manual', "
                "removed = excluded.removed, "
                "score = CASE WHEN tags.source = 'rule' THEN tags.score ELSE excluded.score END",
                (article_id, issue_id, int(not present)),
            )

    def set_relevance(self, article_id: int, relevant: bool, now: datetime | None = None) -> None:
        """The reader's correction: this item is (or is not) about the storyline; it outlives every retag."""
        self.get(article_id)
        with self._store.write() as conn:
            conn.execute(
                "INSERT INTO relevance_corrections(article_id, relevant, at) VALUES (?, ?, ?) "
                "ON CONFLICT(article_id) DO UPDATE SET relevant = excluded.relevant, at = excluded.at",
                (article_id, int(relevant), to_db(now)),
            )
            conn.execute("UPDATE articles SET relevant = ? WHERE id = ?", (int(relevant), article_id))

    def relevance_correction(self, article_id: int) -> bool | None:
        """What the reader said of this item's relevance, or None when the rules decide."""
        row = self._run(
            "SELECT relevant FROM relevance_corrections WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else bool(row[0])

    # --- counts for the sidebar -----------------------------------------------------------

    def unread_by_issue(self) -> dict[str, int]:
        rows = self._run(
            "SELECT i.slug, count(*) FROM tags t JOIN tracked_issues i ON i.id = t.issue_id "
            "JOIN articles a ON a.id = t.article_id "
            "WHERE t.removed = 0 AND a.relevant = 1 AND a.id NOT IN "
            "(SELECT article_id FROM article_state WHERE read = 1) GROUP BY i.slug"
        )
        return {slug: n for slug, n in rows}

    def count_by_issue(self, since: datetime | None = None) -> dict[str, int]:
        rows = self._run(
            "SELECT i.slug, count(*) FROM tags t JOIN tracked_issues i ON i.id = t.issue_id "
            "JOIN articles a ON a.id = t.article_id "
            "WHERE t.removed = 0 AND a.relevant = 1 AND a.sort_date >= coalesce(?, '') GROUP BY i.slug",
            (to_db(since),),
        )
        return {slug: n for slug, n in rows}

    def daily_counts(self, issue: str, since: datetime, until: datetime) -> dict[str, int]:
        """Items per UTC day on one issue, for the timeline."""
        rows = self._run(
            "SELECT substr(a.sort_date, 1, 10) AS day, count(*) FROM tags t "
            "JOIN tracked_issues i ON i.id = t.issue_id JOIN articles a ON a.id = t.article_id "
            "WHERE i.slug = ? AND t.removed = 0 AND a.relevant = 1 "
            "AND a.sort_date >= ? AND a.sort_date < ? GROUP BY day",
            (issue, to_db(since), to_db(until)),
        )
        return {day: n for day, n in rows}

    def prune_irrelevant(self, older_than: datetime) -> int:
        """Forget items judged not about the storyline once they are older than the retention."""
        with self._store.write() as conn:
            # Runs after every poll: it walks only the items older than the retention
            # ("+relevant" keeps SQLite off the index that would visit every unrelated item).
            cursor = conn.execute(
                "DELETE FROM articles WHERE +relevant = 0 AND first_seen < ? "
                "AND NOT EXISTS (SELECT 1 FROM article_state s "
                "WHERE s.article_id = articles.id AND s.starred = 1) "
                "AND NOT EXISTS (SELECT 1 FROM tags t WHERE t.article_id = articles.id "
                "AND t.source = 'manual' AND t.removed = 0)",
                (to_db(older_than),),
            )
            return cursor.rowcount
