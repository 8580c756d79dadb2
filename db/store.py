"""The store: one SQLite file, one `Store` per thread, every write in `BEGIN IMMEDIATE`.

A deferred transaction that reads and then writes fails at once with "database is
locked" when another connection committed in between, whatever the busy timeout;
beginning every write transaction IMMEDIATE takes the write lock up front, so a
writer waits its turn instead. A write inside a `read()` snapshot would be exactly that
deferred upgrade, so it is refused.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    import sqlite_utils


class Store:
    """The front door to the database for one thread."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.path = path
        self._conn = conn
        self._thread = threading.get_ident()
        self._writing = False
        self._tables: sqlite_utils.Database | None = None  # made at the first plain-table write
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
        if self._writing:
            yield self._conn
            return
        if self._conn.in_transaction:
            raise RuntimeError("a write inside a read() snapshot would upgrade a deferred transaction")
        self._conn.execute("BEGIN IMMEDIATE")
        self._writing = True
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        finally:
            self._writing = False

    @contextmanager
    def write_tables(self) -> Iterator[sqlite_utils.Database]:
        """A write transaction through sqlite-utils' tables (plain inserts, upserts, updates)."""
        with self.write():
            if self._tables is None:
                # Imported here: sqlite-utils takes 0.1 s to import, which a poll that writes
                # no plain table (and every parser process) need not pay.
                from db.tables import tables_over

                self._tables = tables_over(self._conn)
            yield self._tables

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

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the file (another
        process, or another thread's store); this connection's own commits leave it alone."""
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

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
