"""The store: one SQLite file, one `Store` per thread, every write in `BEGIN IMMEDIATE`.

A deferred transaction that reads and then writes fails at once with "database is
locked" when another connection committed in between, whatever the busy timeout;
beginning every write transaction IMMEDIATE takes the write lock up front, so a
writer waits its turn instead.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from db import migrations
from db.articles import ArticleRepo
from db.baseline import BaselineRepo
from db.connection import connect
from db.errors import StoreError
from db.feeds import FeedRepo
from db.ingest import IngestRepo
from db.issues import IssueRepo
from db.moves import MoveRepo
from db.searches import SavedSearchRepo
from db.settings import SettingsRepo
from db.stories import StoryRepo


class Store:
    """The front door to the database for one thread."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.path = path
        self._conn = conn
        self._thread = threading.get_ident()
        self.feeds = FeedRepo(self)
        self.articles = ArticleRepo(self)
        self.issues = IssueRepo(self)
        self.baseline = BaselineRepo(self)
        self.settings = SettingsRepo(self)
        self.searches = SavedSearchRepo(self)
        self.ingest = IngestRepo(self)
        self.stories = StoryRepo(self)
        self.moves = MoveRepo(self)

    @property
    def conn(self) -> sqlite3.Connection:
        return self._conn

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; nested calls join the outer one."""
        if self._conn.in_transaction:
            yield self._conn
            return
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot across several queries."""
        if self._conn.in_transaction:
            yield self._conn
            return
        self._conn.execute("BEGIN")
        try:
            yield self._conn
        finally:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")

    def schema_version(self) -> int:
        return migrations.current_version(self._conn)

    def integrity_check(self) -> str:
        return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: str | Path, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the database at `path`, migrated to the current schema."""
    path = Path(path).expanduser()
    conn = connect(path)
    try:
        if migrate:
            migrations.migrate(conn)
        elif migrations.current_version(conn) > migrations.LATEST:
            migrations.migrate(conn)  # raises SchemaTooNewError
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"cannot use {path}: {exc}") from None
    except BaseException:
        conn.close()
        raise
    return Store(conn, path)
