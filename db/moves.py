"""Moves: what stored items report that differs from the baseline, kept beside the items.

Moves are found with the tags (at ingest, again at retag) and replaced with them, so
they always match the item's current text and the current baseline data.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from db.articles import chunks
from db.records import Move, StoredMove
from db.timeutil import from_db, to_db

if TYPE_CHECKING:
    from db.store import Store

_INSERT = (
    "INSERT INTO moves(article_id, fact_id, figure, baseline, reported, words, field, start, end) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_SELECT = (
    "SELECT m.article_id, m.fact_id, m.figure, m.baseline, m.reported, m.words, m.field, m.start, m.end, "
    "a.sort_date, a.title FROM moves m JOIN articles a ON a.id = m.article_id"
)


def insert_moves(conn: sqlite3.Connection, article_id: int, moves: Iterable[Move]) -> None:
    """Store an item's moves (inside the caller's write transaction)."""
    conn.executemany(
        _INSERT,
        [
            (article_id, m.fact, m.figure, m.baseline, m.reported, m.words, m.field, m.start, m.end)
            for m in moves
        ],
    )


def replace_moves(conn: sqlite3.Connection, article_id: int, moves: Iterable[Move]) -> None:
    conn.execute("DELETE FROM moves WHERE article_id = ?", (article_id,))
    insert_moves(conn, article_id, moves)


def _stored(row: sqlite3.Row) -> StoredMove:
    move = Move(
        fact=row[1], figure=row[2], baseline=row[3], reported=row[4], words=row[5],
        field=row[6], start=row[7], end=row[8],
    )
    return StoredMove(move=move, article_id=row[0], published=from_db(row[9]), title=row[10])  # type: ignore[arg-type]


class MoveRepo:
    def __init__(self, store: Store) -> None:
        self._store = store

    def recent(self, since: datetime | None = None, *, limit: int | None = None) -> list[StoredMove]:
        """Moves reported by relevant items dated from `since` on, newest first."""
        rows = self._store.conn.execute(
            f"{_SELECT} WHERE a.relevant = 1 AND a.sort_date >= ? ORDER BY a.sort_date DESC, m.id "
            "LIMIT ?",
            (to_db(since) or "", -1 if limit is None else limit),
        )
        return [_stored(r) for r in rows]

    def of_articles(self, article_ids: Sequence[int]) -> dict[int, list[StoredMove]]:
        out: dict[int, list[StoredMove]] = {}
        for chunk, marks in chunks(article_ids):
            rows = self._store.conn.execute(f"{_SELECT} WHERE m.article_id IN ({marks}) ORDER BY m.id", chunk)
            for row in rows:
                out.setdefault(row[0], []).append(_stored(row))
        return out

    def by_fact(self) -> dict[str, list[StoredMove]]:
        """Every stored move of a relevant item, per baseline fact, newest first."""
        out: dict[str, list[StoredMove]] = {}
        for move in self.recent():
            out.setdefault(move.move.fact, []).append(move)
        return out
