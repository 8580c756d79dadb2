"""The store: one SQLite file, one `Store` per thread, every write in `BEGIN IMMEDIATE`.

A deferred transaction that reads and then writes fails at once with "database is
locked" when another connection committed in between, whatever the busy timeout;
beginning every write transaction IMMEDIATE takes the write lock up front, so a
writer waits its turn instead. A write inside a `read()` snapshot would be exactly that
deferred upgrade, so it is refused.

A write that another program's lock keeps waiting past SQLite's busy timeout is tried
again (it has not begun) until `Patience.give_up_after_s`; what SQLite says about the
file itself (full, damaged, read-only) leaves a write as a `DatabaseFault`, and once the
file is known to be damaged this store writes nothing more into it.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from db import migrations
from db.articles import ArticleRepo
from db.baseline import BaselineRepo
from db.connection import BUSY_TIMEOUT_S, apply_pragmas, open_plain, remove_files
from db.errors import (
    DatabaseBusyError,
    DatabaseCorruptError,
    DatabaseFault,
    StoreError,
    damaged_message,
    fault,
)
from db.feeds import FeedRepo
from db.ingest import IngestRepo
from db.issues import IssueRepo
from db.moves import MoveRepo
from db.searches import SavedSearchRepo
from db.settings import SettingsRepo
from db.stories import StoryRepo
from db.timeutil import from_db, to_db

if TYPE_CHECKING:
    import sqlite_utils


CHECKED_AT_KEY = "store.checked_at"  # when the quick check last found the file sound


@dataclass(frozen=True)
class Patience:
    """How long a write waits for another program's lock before it gives up."""

    busy_timeout_s: float = BUSY_TIMEOUT_S  # SQLite's own wait, each try
    give_up_after_s: float = 60.0  # then tries again, until this much time has passed
    on_wait: Callable[[], None] | None = None  # called once, when the first try timed out


class Store:
    """The front door to the database for one thread."""

    def __init__(self, conn: sqlite3.Connection, path: Path, patience: Patience = Patience()) -> None:
        self.path = path
        self.patience = patience
        self._conn = conn
        self._damaged: str | None = None  # SQLite's words, once it said the file is damaged
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
        if self._damaged is not None:
            raise DatabaseCorruptError(damaged_message(self.path, self._damaged))
        self._begin_immediate()
        self._writing = True
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._roll_back()
            problem = self.fault(exc)
            if problem is None:
                raise
            raise problem from exc
        except BaseException:
            self._roll_back()
            raise
        finally:
            self._writing = False

    def _begin_immediate(self) -> None:
        """Take the write lock, waiting for another program's in bounded tries."""
        started = time.monotonic()
        told = False
        while True:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                problem = self.fault(exc)
                if not isinstance(problem, DatabaseBusyError):
                    raise problem or exc from None
                if time.monotonic() - started >= self.patience.give_up_after_s:
                    raise problem from None
                if not told and self.patience.on_wait is not None:
                    self.patience.on_wait()
                told = True

    def _roll_back(self) -> None:
        if not self._conn.in_transaction:
            return
        try:
            self._conn.execute("ROLLBACK")
        except sqlite3.Error:  # SQLite rolls back by itself on the next use (a full disk, a lost file)
            pass

    def fault(self, exc: BaseException) -> DatabaseFault | None:
        """What `exc` says about the file; a damaged file is remembered and never written again."""
        problem = fault(exc, self.path)
        if isinstance(problem, DatabaseCorruptError):
            self._damaged = str(exc).splitlines()[0] if str(exc) else "damaged"
        return problem

    def check(self, now: datetime | None = None, every: timedelta | None = None) -> None:
        """Raise `DatabaseCorruptError` when SQLite's quick check finds the file damaged.

        It reads every page (about a second per 100,000 items): for commands that write.
        With `every`, a file found sound less than `every` before `now` is not read again
        (when it last was is kept in the file): a poll every few minutes would otherwise
        read the whole file each time, while a damaged page a poll reads still says so.
        """
        try:
            if every is not None and now is not None and now - every < self._checked_at() <= now:
                return
            rows = [str(row[0]) for row in self._conn.execute("PRAGMA quick_check(3)")]
        except sqlite3.DatabaseError as exc:
            raise self.fault(exc) or exc from None
        if rows != ["ok"]:
            self._damaged = "; ".join(rows)
            raise DatabaseCorruptError(damaged_message(self.path, "quick check: " + rows[0]))
        if every is not None and now is not None:
            self.settings.set(CHECKED_AT_KEY, to_db(now))

    def _checked_at(self) -> datetime:
        stored = self.settings.get(CHECKED_AT_KEY)
        try:
            return from_db(stored) or datetime.min.replace(tzinfo=UTC)
        except (TypeError, ValueError):  # written by something else: as never checked
            return datetime.min.replace(tzinfo=UTC)

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


def open_store(path: str | Path, *, migrate: bool = True, patience: Patience = Patience()) -> Store:
    """Open (creating if needed) the database at `path`, migrated to the current schema.

    A file that is not ours, or from a newer app, is refused before anything is written
    to it; a file this call created and could not set up is removed again.
    """
    path = Path(path).expanduser()
    created = not path.exists()
    conn = None
    try:
        conn = open_plain(path, busy_timeout_s=patience.busy_timeout_s)
        migrations.check_version(conn, path)
        apply_pragmas(conn, path)
        if migrate:
            migrations.migrate(conn)
    except BaseException as exc:
        if conn is not None:
            conn.close()
        problem = fault(exc, path)
        if created and not isinstance(problem or exc, DatabaseBusyError):  # busy: another program uses it
            remove_files(path)
        if isinstance(exc, sqlite3.DatabaseError):
            raise problem or StoreError(f"cannot use {path}: {exc}") from None
        raise
    return Store(conn, path, patience)
