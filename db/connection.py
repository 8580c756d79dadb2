"""Opening a connection: the pragmas every connection of the app runs with."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.errors import StoreError, fault

BUSY_TIMEOUT_S = 10.0
BUSY_TIMEOUT_MS = int(BUSY_TIMEOUT_S * 1000)
# NORMAL: in WAL mode the database never corrupts and a crash of the app loses no
# commit; a power cut may roll back the last few, which the next poll fetches again
# (a feed's validators commit with its items). FULL would cost an fsync per commit.
SYNCHRONOUS = "NORMAL"
_SYNCHRONOUS_CODES = {"OFF": 0, "NORMAL": 1, "FULL": 2, "EXTRA": 3}
_COMPANIONS = ("-wal", "-shm", "-journal")


def connect(path: str | Path, *, busy_timeout_s: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """A connection for the calling thread, in autocommit mode so the store owns transactions."""
    conn = open_plain(path, busy_timeout_s=busy_timeout_s)
    try:
        apply_pragmas(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def open_plain(path: str | Path, *, busy_timeout_s: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """A connection that has changed nothing in the file yet (no journal mode set)."""
    path = Path(path)
    check_path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path, timeout=busy_timeout_s, isolation_level=None, check_same_thread=True)
    except sqlite3.DatabaseError as exc:
        raise fault(exc, path) or StoreError(f"cannot open {path} as a database: {exc}") from None
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
    return conn


def check_path(path: Path) -> None:
    """Refuse what SQLite would misuse: a folder, a device (/dev/null), a pipe."""
    if path.exists() and path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    if path.exists() and not path.is_file():
        raise StoreError(f"{path} is not a regular file: choose a database file with --db")


def apply_pragmas(conn: sqlite3.Connection, path: str | Path) -> None:
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StoreError(f"the database could not switch to WAL mode (it is in {mode} mode)")
        conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
        if conn.execute("PRAGMA synchronous").fetchone()[0] != _SYNCHRONOUS_CODES[SYNCHRONOUS]:
            raise StoreError("the database refused synchronous = " + SYNCHRONOUS)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
    except sqlite3.DatabaseError as exc:
        raise fault(exc, path) or StoreError(f"cannot open {path} as a database: {exc}") from None


def remove_files(path: str | Path) -> None:
    """Remove a database file and its companions (for a file this run created and could not fill)."""
    path = Path(path)
    for name in ("", *_COMPANIONS):
        Path(f"{path}{name}").unlink(missing_ok=True)
