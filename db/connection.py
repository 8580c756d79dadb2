"""Opening a connection: the pragmas every connection of the app runs with."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.errors import StoreError

BUSY_TIMEOUT_MS = 10_000
# NORMAL: in WAL mode the database never corrupts and a crash of the app loses no
# commit; a power cut may roll back the last few, which the next poll fetches again
# (a feed's validators commit with its items). FULL would cost an fsync per commit.
SYNCHRONOUS = "NORMAL"
_SYNCHRONOUS_CODES = {"OFF": 0, "NORMAL": 1, "FULL": 2, "EXTRA": 3}


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection for the calling thread, in autocommit mode so the store owns transactions."""
    path = Path(path)
    if path.exists() and path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=True
        )
        conn.row_factory = sqlite3.Row
        _apply_pragmas(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open {path} as a database: {exc}") from None
    return conn


def _apply_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise StoreError(f"the database could not switch to WAL mode (it is in {mode} mode)")
    conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
    if conn.execute("PRAGMA synchronous").fetchone()[0] != _SYNCHRONOUS_CODES[SYNCHRONOUS]:
        raise StoreError("the database refused synchronous = " + SYNCHRONOUS)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
