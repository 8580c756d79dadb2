"""Saved searches: a query the reader named, shown in the sidebar like a tracked issue."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from db.errors import NotFoundError, StoreError, say
from db.records import SavedSearch

if TYPE_CHECKING:
    from db.store import Store


def _search(row: sqlite3.Row) -> SavedSearch:
    return SavedSearch(
        id=row["id"], name=row["name"], query=row["query"], issue=row["issue"], feed_id=row["feed_id"]
    )


class SavedSearchRepo:
    def __init__(self, store: Store) -> None:
        self._store = store

    def list(self) -> list[SavedSearch]:
        rows = self._store.conn.execute("SELECT * FROM saved_searches ORDER BY name COLLATE NOCASE")
        return [_search(row) for row in rows]

    def get(self, search_id: int) -> SavedSearch:
        row = self._store.conn.execute(
            "SELECT * FROM saved_searches WHERE id = ?", (search_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(say("no_search", id=search_id))
        return _search(row)

    def add(self, name: str, query: str, issue: str | None = None, feed_id: int | None = None) -> SavedSearch:
        row = {"name": name, "query": query, "issue": issue, "feed_id": feed_id}
        with self._store.write_tables() as db:
            try:
                searches = db.table("saved_searches").insert(row)
            except sqlite3.IntegrityError:
                raise StoreError(say("search_exists", name=name)) from None
        return self.get(int(searches.last_rowid or 0))

    def rename(self, search_id: int, name: str) -> SavedSearch:
        self.get(search_id)
        with self._store.write() as conn:
            try:
                conn.execute("UPDATE saved_searches SET name = ? WHERE id = ?", (name, search_id))
            except sqlite3.IntegrityError:
                raise StoreError(say("search_exists", name=name)) from None
        return self.get(search_id)

    def remove(self, search_id: int) -> None:
        with self._store.write_tables() as db:
            db.table("saved_searches").delete_where("id = ?", [search_id])
