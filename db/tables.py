"""sqlite-utils over the store's own connection, for the plain table writes (see db/__init__.py)."""

from __future__ import annotations

import sqlite3

import sqlite_utils


class _Tables(sqlite_utils.Database):
    """sqlite-utils on the store's own connection, used only inside `Store.write()`.

    There its atomic() is a savepoint: it never begins nor commits a transaction of its
    own. No plugins, and recursive triggers stay off (they would change what REPLACE fires).
    """

    @property
    def supports_on_conflict(self) -> bool:
        # The store's own SQL needs SQLite 3.35 (RETURNING) anyway; sqlite-utils' probe
        # would create and drop a table inside the caller's transaction.
        return True


def tables_over(conn: sqlite3.Connection) -> sqlite_utils.Database:
    return _Tables(conn, recursive_triggers=False, execute_plugins=False)
