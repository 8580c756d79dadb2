"""The store's exception tree: callers catch `StoreError` and show its one-line message.

`DatabaseFault` and its kinds are what SQLite says about the file itself (busy, full,
damaged, read-only) rather than about one statement: `fault()` turns SQLite's error
codes into them, with what the user can do about it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class StoreError(Exception):
    """A problem the user can act on; the message is one line."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer version of the app."""


class NotFoundError(StoreError):
    """No feed, article, issue or rule with that key."""


class DuplicateFeedError(StoreError):
    """A feed with that URL is already in the list."""


class DatabaseFault(StoreError):
    """The database file cannot be used as it is now; nothing was written."""

    transient = False  # True: the same work may succeed later (a lock released, space freed)


class NotOurDatabaseError(DatabaseFault):
    """The file is a database, but not one this app made (or one it cannot read)."""


class DatabaseBusyError(DatabaseFault):
    """Another program held the write lock for longer than we wait."""

    transient = True


class DiskFullError(DatabaseFault):
    """The disk (or SQLite's page limit) is full, or writing to it failed."""

    transient = True


class DatabaseCorruptError(DatabaseFault):
    """The file is damaged: nothing more may be written into it."""


class ReadOnlyDatabaseError(DatabaseFault):
    """The file, or the folder that must hold its WAL, is read-only."""


# SQLite's primary result codes (the low byte of the extended code).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26
BUSY_MESSAGE = "the database is busy: another program holds it"

# The store's sentences, by code (monitor.messages joins them to the core's one catalogue,
# through which the app translates them): fill them with say().
STORE_TEMPLATES: dict[str, str] = {
    "db_busy": BUSY_MESSAGE + " ({path}); try again when it is done",
    "db_full": "the disk is full: {path} could not be written ({detail}); free some space and try again",
    "db_io": "could not use {path}: {detail} (is the disk full or failing?)",
    "db_damaged": ("{path} is damaged ({detail}): restore the last good copy, or recover what is left "
                   "with `sqlite3 {path} .recover > fixed.sql`; nothing more will be written to it"),
    "db_read_only": ("{path} is read-only ({detail}): make it and its folder writable, "
                     "or choose another file with --db"),
    "db_cannot_open": "cannot open {path} ({detail}): is it, or its folder, read-only?",
    "feed_listed": "{url} is already in the feed list",
    "no_feed": "no feed with id {id}",
    "no_article": "no article with id {id}",
    "no_story": "no story with id {id}",
    "article_no_story": "article {id} is in no story",
    "search_exists": "a saved search named '{name}' exists already",
    "no_search": "no saved search with id {id}",
    "bad_search": "cannot search for that: {detail}",
}


def say(code: str, **fields: object) -> str:
    """The store's sentence `code` with its fields filled in (English)."""
    return STORE_TEMPLATES[code].format(**fields)


def fault(exc: BaseException, path: str | Path) -> DatabaseFault | None:
    """The fault that SQLite's `exc` reports about the file at `path`; None for other errors."""
    code = getattr(exc, "sqlite_errorcode", None) if isinstance(exc, sqlite3.Error) else None
    if code is None:
        return None
    detail = str(exc).splitlines()[0] if str(exc) else "no detail"
    primary = code & 0xFF
    if primary in (_BUSY, _LOCKED):
        return DatabaseBusyError(say("db_busy", path=path))
    if primary == _FULL:
        return DiskFullError(say("db_full", path=path, detail=detail))
    if primary == _IOERR:
        return DiskFullError(say("db_io", path=path, detail=detail))
    if primary in (_CORRUPT, _NOTADB):
        return DatabaseCorruptError(damaged_message(path, detail))
    if primary == _READONLY:
        return ReadOnlyDatabaseError(read_only_message(path, detail))
    if primary == _CANTOPEN:
        return ReadOnlyDatabaseError(say("db_cannot_open", path=path, detail=detail))
    return None


def damaged_message(path: str | Path, detail: str) -> str:
    return say("db_damaged", path=path, detail=detail)


def read_only_message(path: str | Path, detail: str) -> str:
    return say("db_read_only", path=path, detail=detail)
