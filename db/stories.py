"""Stories: which relevant items report one happening, and the reader's corrections.

The assignment itself is decided in monitor.stories (pure); this module reads what
the clustering needs and writes what it decided. A story's dates and counts are kept
here, in the same transaction as its items, so that lists never recompute them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from db.articles import chunks
from db.errors import NotFoundError, say
from db.records import ArticleRow, Story, StoryItem
from db.timeutil import from_db, to_db

if TYPE_CHECKING:
    from db.store import Store

# A new story in an assignment: a key of the caller's choosing, not yet an id.
NewStory = str

_ITEM_SELECT = (
    "SELECT a.id, a.title, a.text, a.lang, a.sort_date, coalesce(f.title, f.url) AS outlet, "
    "si.story_id, si.features FROM articles a JOIN feeds f ON f.id = a.feed_id "
    "LEFT JOIN story_items si ON si.article_id = a.id"
)

# Dates, counts and the first item of each story, from its items.
_REFRESH = """
UPDATE stories SET
    first_date = (SELECT min(a.sort_date) FROM story_items si JOIN articles a ON a.id = si.article_id
                  WHERE si.story_id = stories.id),
    last_date = (SELECT max(a.sort_date) FROM story_items si JOIN articles a ON a.id = si.article_id
                 WHERE si.story_id = stories.id),
    last_grown = (SELECT max(a.first_seen) FROM story_items si JOIN articles a ON a.id = si.article_id
                  WHERE si.story_id = stories.id),
    items = (SELECT count(*) FROM story_items si WHERE si.story_id = stories.id),
    outlets = (SELECT count(DISTINCT coalesce(f.title, f.url)) FROM story_items si
               JOIN articles a ON a.id = si.article_id JOIN feeds f ON f.id = a.feed_id
               WHERE si.story_id = stories.id),
    first_article_id = (SELECT si.article_id FROM story_items si JOIN articles a ON a.id = si.article_id
                        WHERE si.story_id = stories.id ORDER BY a.sort_date, a.id LIMIT 1)
WHERE id = ?
"""


class StoryRepo:
    def __init__(self, store: Store) -> None:
        self._store = store

    # --- what the clustering reads ------------------------------------------------------------

    def unassigned(
        self, among: Sequence[int] | None = None, *, seen_since: datetime | None = None
    ) -> list[StoryItem]:
        """Relevant items in no story yet, oldest first: of the articles `among`, if given,
        else of those first seen from `seen_since` on (every one with None)."""
        if among is None:
            rows = self._store.conn.execute(
                f"{_ITEM_SELECT} WHERE a.first_seen >= ? AND a.relevant = 1 AND si.story_id IS NULL "
                "ORDER BY a.sort_date, a.id",
                (to_db(seen_since) or "",),
            ).fetchall()
            return self._items(rows)
        found: list[StoryItem] = []
        for chunk, marks in chunks(among):
            rows = self._store.conn.execute(
                f"{_ITEM_SELECT} WHERE a.id IN ({marks}) AND a.relevant = 1 AND si.story_id IS NULL", chunk
            ).fetchall()
            found.extend(self._items(rows))
        return sorted(found, key=lambda i: (i.date, i.article_id))

    def items_since(self, since: datetime | None, *, after_id: int = 0) -> list[StoryItem]:
        """Relevant items dated from `since` on (every one with None), oldest first, with their story.

        `after_id`: only articles stored after that one.
        """
        rows = self._store.conn.execute(
            f"{_ITEM_SELECT} WHERE a.relevant = 1 AND a.sort_date >= ? AND a.id > ? "
            "ORDER BY a.sort_date, a.id",
            (to_db(since) or "", after_id),
        ).fetchall()
        return self._items(rows)

    def version(self) -> int:
        """Moves on whenever stories are rebuilt or corrected (not when items join them)."""
        row = self._store.conn.execute("SELECT value FROM story_state WHERE key = 'version'").fetchone()
        return int(row[0]) if row else 0

    def _bump(self, conn: sqlite3.Connection) -> None:
        conn.execute(
            "INSERT INTO story_state(key, value) VALUES ('version', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
        )

    def members(self, story_ids: Sequence[int], first: int | None = None) -> dict[int, list[StoryItem]]:
        """story id -> its items (its `first` ones, if given), oldest first."""
        out: dict[int, list[StoryItem]] = {s: [] for s in story_ids}
        for chunk, marks in chunks(story_ids):
            ranked = (
                "(SELECT article_id, story_id, row_number() OVER "
                "(PARTITION BY story_id ORDER BY joined_at, article_id) AS n "
                f"FROM story_items WHERE story_id IN ({marks}))"
            )
            rows = self._store.conn.execute(
                f"{_ITEM_SELECT} JOIN {ranked} r ON r.article_id = a.id WHERE r.n <= ? "
                "ORDER BY a.sort_date, a.id",
                [*chunk, first if first is not None else 2**62],
            ).fetchall()
            for item in self._items(rows):
                out[item.story_id].append(item)  # type: ignore[index]
        return out

    def _items(self, rows: Sequence[sqlite3.Row]) -> list[StoryItem]:
        issues = self._store.articles.issue_slugs([r[0] for r in rows])
        return [
            StoryItem(
                article_id=r[0], title=r[1], text=r[2], lang=r[3], date=from_db(r[4]),  # type: ignore[arg-type]
                outlet=r[5], issues=issues.get(r[0], ()), story_id=r[6], features=r[7],
            )
            for r in rows
        ]

    def pins(self) -> dict[int, str]:
        """The reader's corrections: article id -> pin (items with one pin stay together)."""
        return dict(self._store.conn.execute("SELECT article_id, pin FROM story_pins"))

    # --- writing the clustering's decisions ---------------------------------------------------

    def assign(
        self, assignments: Sequence[tuple[int, int | NewStory]], features: Mapping[int, str] | None = None
    ) -> dict[int, int]:
        """Put each article in a story: an existing story's id, or a key for a new one.

        `features`: article id -> what the clustering read of it, kept for the next index.
        Returns article id -> story id; the stories touched get their dates and counts
        again. One transaction.
        """
        features = features or {}
        placed: dict[int, int] = {}
        with self._store.write() as conn:
            new_ids: dict[NewStory, int] = {}
            wanted = [story for _a, story in assignments if isinstance(story, int)]
            gone = set(wanted)
            for chunk, marks in chunks(sorted(gone)):
                gone -= {r[0] for r in conn.execute(f"SELECT id FROM stories WHERE id IN ({marks})", chunk)}
            for article_id, story in assignments:
                if story in gone:  # forgotten meanwhile (its items removed): the item starts another
                    story = f"gone-{story}"
                if isinstance(story, str):
                    if story not in new_ids:
                        new_ids[story] = conn.execute("INSERT INTO stories DEFAULT VALUES").lastrowid or 0
                    story = new_ids[story]
                placed[article_id] = story
            conn.executemany(
                "INSERT INTO story_items(article_id, story_id, joined_at, features) "
                "SELECT ?1, ?2, first_seen, ?3 FROM articles WHERE id = ?1 "
                "ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, "
                "features = coalesce(excluded.features, story_items.features)",
                [(a, story, features.get(a)) for a, story in placed.items()],
            )
            self._refresh(conn, set(placed.values()))
        return placed

    def rebuild(
        self, groups: Sequence[Sequence[int]], features: Mapping[int, str] | None = None
    ) -> list[int]:
        """Replace every story with `groups` (lists of article ids); returns their story ids.

        `features` as for `assign`.

        A group keeps the id its first item's story had, where no earlier group took it,
        so that what the reader had open stays where it was.
        """
        with self._store.write() as conn:
            old = dict(conn.execute("SELECT article_id, story_id FROM story_items"))
            conn.execute("DELETE FROM story_items")
            used: set[int] = set()
            ids: list[int] = []
            for group in groups:
                keep = old.get(group[0]) if group else None
                if keep is not None and keep not in used:
                    story_id = keep
                else:
                    story_id = conn.execute("INSERT INTO stories DEFAULT VALUES").lastrowid or 0
                used.add(story_id)
                ids.append(story_id)
                conn.executemany(
                    "INSERT INTO story_items(article_id, story_id, joined_at, features) "
                    "SELECT id, ?, first_seen, ? FROM articles WHERE id = ?",
                    [(story_id, (features or {}).get(article_id), article_id) for article_id in group],
                )
            conn.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_items)")
            self._refresh(conn, used)
            self._bump(conn)
        return ids

    def set_headlines(self, headlines: Mapping[int, tuple[int, str]]) -> None:
        """story id -> (article id of the headline, why that one)."""
        with self._store.write() as conn:
            conn.executemany(
                "UPDATE stories SET headline_article_id = ?, headline_reason = ? WHERE id = ?",
                [(article_id, reason, story_id) for story_id, (article_id, reason) in headlines.items()],
            )

    def forget_empty(self) -> int:
        """Stories whose items were all pruned or removed."""
        with self._store.write() as conn:
            gone = conn.execute(
                "DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_items)"
            ).rowcount
            if gone:
                self._bump(conn)
            return gone

    def _refresh(self, conn: sqlite3.Connection, story_ids: Iterable[int]) -> None:
        conn.executemany(_REFRESH, [(story_id,) for story_id in story_ids])

    # --- the reader's corrections -------------------------------------------------------------

    def merge(self, into: int, other: int) -> None:
        """Put `other`'s items in `into`, and pin them together so that reclustering keeps it."""
        if into == other:
            return
        with self._store.write() as conn:
            members = self._members(conn, into) + self._members(conn, other)
            pin = f"merged-{into}-{other}"
            self._pin(conn, members, pin)
            conn.execute("UPDATE story_items SET story_id = ? WHERE story_id = ?", (into, other))
            conn.execute("DELETE FROM stories WHERE id = ?", (other,))
            self._refresh(conn, [into])
            self._bump(conn)

    def take_out(self, article_id: int) -> int:
        """Move one item out of its story into a story of its own; returns the new story's id.

        The item and the rest of its former story are pinned apart, so that
        reclustering never puts them together again.
        """
        with self._store.write() as conn:
            old = self.of_article(article_id)
            if old is None:
                raise NotFoundError(say("article_no_story", id=article_id))
            rest = [m for m in self._members(conn, old) if m != article_id]
            pins = self.pins()
            self._pin(conn, rest, pins.get(rest[0], f"kept-{old}") if rest else f"kept-{old}")
            self._pin(conn, [article_id], f"alone-{article_id}")
            new = conn.execute("INSERT INTO stories DEFAULT VALUES").lastrowid or 0
            conn.execute("UPDATE story_items SET story_id = ? WHERE article_id = ?", (new, article_id))
            self._refresh(conn, [old, new])
            conn.execute("DELETE FROM stories WHERE id = ? AND items = 0", (old,))
            self._bump(conn)
        return new

    def _members(self, conn: sqlite3.Connection, story_id: int) -> list[int]:
        rows = conn.execute("SELECT article_id FROM story_items WHERE story_id = ?", (story_id,)).fetchall()
        if not rows and conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone() is None:
            raise NotFoundError(say("no_story", id=story_id))
        return [r[0] for r in rows]

    def _pin(self, conn: sqlite3.Connection, article_ids: Sequence[int], pin: str) -> None:
        conn.executemany(
            "INSERT INTO story_pins(article_id, pin) VALUES (?, ?) "
            "ON CONFLICT(article_id) DO UPDATE SET pin = excluded.pin",
            [(a, pin) for a in article_ids],
        )

    # --- reading stories ----------------------------------------------------------------------

    def get(self, story_id: int) -> Story:
        found = self._stories(f"WHERE s.id = {int(story_id)}", {})
        if not found:
            raise NotFoundError(say("no_story", id=story_id))
        return found[0]

    def get_many(self, story_ids: Sequence[int]) -> list[Story]:
        found: dict[int, Story] = {}
        for chunk, marks in chunks(story_ids):
            found.update((s.id, s) for s in self._stories(f"WHERE s.id IN ({marks})", chunk))
        return [found[i] for i in story_ids if i in found]

    def of_articles(self, article_ids: Sequence[int]) -> dict[int, int]:
        """article id -> its story's id, for the articles that are in one."""
        out: dict[int, int] = {}
        for chunk, marks in chunks(article_ids):
            out.update(self._store.conn.execute(
                f"SELECT article_id, story_id FROM story_items WHERE article_id IN ({marks})", chunk
            ).fetchall())
        return out

    def of_article(self, article_id: int) -> int | None:
        row = self._store.conn.execute(
            "SELECT story_id FROM story_items WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else int(row[0])

    def item_rows(self, story_id: int) -> list[ArticleRow]:
        """A story's items as list rows (date, title, outlet, read), oldest first."""
        rows = self._store.conn.execute(
            "SELECT a.id, a.sort_date, a.title, a.feed_id, coalesce(f.title, f.url), "
            "coalesce(st.read, 0), coalesce(st.starred, 0), a.relevant "
            "FROM story_items si JOIN articles a ON a.id = si.article_id JOIN feeds f ON f.id = a.feed_id "
            "LEFT JOIN article_state st ON st.article_id = a.id "
            "WHERE si.story_id = ? ORDER BY a.sort_date, a.id",
            (story_id,),
        ).fetchall()
        issues = self._store.articles.issue_slugs([r[0] for r in rows])
        return [
            ArticleRow(
                id=r[0], date=from_db(r[1]), title=r[2], feed_id=r[3], feed_title=r[4],  # type: ignore[arg-type]
                issues=issues.get(r[0], ()), read=bool(r[5]), starred=bool(r[6]), relevant=bool(r[7]),
            )
            for r in rows
        ]

    def recent(
        self, since: datetime | None = None, *, issue: str | None = None, limit: int = 200
    ) -> list[Story]:
        """Stories with an item dated from `since` on, newest first (on one issue, if given)."""
        clause = "WHERE s.last_date >= :since"
        if issue is not None:
            # CROSS JOIN keeps SQLite going from the story to its few items' tags, not
            # from every tag of the issue to each story (50 times slower on a large store).
            clause += (
                " AND EXISTS (SELECT 1 FROM story_items si CROSS JOIN tags t ON t.article_id = si.article_id "
                "WHERE si.story_id = s.id AND t.removed = 0 "
                "AND t.issue_id = (SELECT id FROM tracked_issues WHERE slug = :issue))"
            )
        return self._stories(
            f"{clause} ORDER BY s.last_date DESC, s.id DESC LIMIT :limit",
            {"since": to_db(since) or "", "issue": issue, "limit": limit},
        )

    def _stories(self, tail: str, params: Mapping[str, object] | Sequence[object]) -> list[Story]:
        rows = self._store.conn.execute(
            "SELECT s.id, s.first_date, s.last_date, s.last_grown, s.headline_article_id, s.headline_reason, "
            "coalesce(h.title, fa.title, '') AS headline, coalesce(ff.title, ff.url, '') AS first_outlet "
            "FROM stories s LEFT JOIN articles h ON h.id = s.headline_article_id "
            "LEFT JOIN articles fa ON fa.id = s.first_article_id LEFT JOIN feeds ff ON ff.id = fa.feed_id "
            f"{tail}",
            params,
        ).fetchall()
        members = self._story_members([r[0] for r in rows])
        return [
            Story(
                id=r[0], headline=r[6], headline_article_id=r[4], headline_reason=r[5],
                first_date=from_db(r[1]), first_outlet=r[7],  # type: ignore[arg-type]
                last_date=from_db(r[2]), last_grown=from_db(r[3]),  # type: ignore[arg-type]
                outlets=members[r[0]][1], item_ids=members[r[0]][0], issues=members[r[0]][2],
                unread=members[r[0]][3],
            )
            for r in rows
        ]

    def _story_members(
        self, story_ids: Sequence[int]
    ) -> dict[int, tuple[tuple[int, ...], tuple[str, ...], tuple[str, ...], int]]:
        """story id -> (item ids oldest first, outlets in order of arrival, issues, unread items)."""
        items: dict[int, list[int]] = {s: [] for s in story_ids}
        outlets: dict[int, dict[str, None]] = {s: {} for s in story_ids}
        unread: dict[int, int] = dict.fromkeys(story_ids, 0)
        conn = self._store.conn
        for chunk, marks in chunks(story_ids):
            rows = conn.execute(
                "SELECT si.story_id, a.id, coalesce(f.title, f.url), coalesce(st.read, 0) "
                "FROM story_items si JOIN articles a ON a.id = si.article_id "
                "JOIN feeds f ON f.id = a.feed_id LEFT JOIN article_state st ON st.article_id = a.id "
                f"WHERE si.story_id IN ({marks}) ORDER BY a.sort_date, a.id",
                chunk,
            )
            for story_id, article_id, outlet, read in rows:
                items[story_id].append(article_id)
                outlets[story_id][outlet] = None
                unread[story_id] += not read
        every = [a for ids in items.values() for a in ids]
        slugs = self._store.articles.issue_slugs(every)
        order = {issue.slug: n for n, issue in enumerate(self._store.issues.list())}
        out = {}
        for story_id, ids in items.items():
            issues = {s for a in ids for s in slugs.get(a, ())}
            out[story_id] = (
                tuple(ids), tuple(outlets[story_id]), tuple(sorted(issues, key=lambda s: order.get(s, 99))),
                unread[story_id],
            )
        return out
