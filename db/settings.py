"""Key/value settings shared by the CLI and the app, stored as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.store import Store


class SettingsRepo:
    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, key: str, default: Any = None) -> Any:
        row = self._store.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        with self._store.write() as conn:  # plain SQL: a poll need not import sqlite-utils for one row
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        """The stored values of `keys`, in one query; a key whose value is not JSON is left out."""
        keys = list(keys)
        marks = ", ".join("?" * len(keys))
        rows = self._store.conn.execute(f"SELECT key, value FROM settings WHERE key IN ({marks})", keys)
        values = {}
        for key, value in rows:
            try:
                values[key] = json.loads(value)
            except (TypeError, ValueError):
                continue  # written by hand or by something else: read as missing
        return values

    def set_many(self, values: Mapping[str, Any]) -> None:
        """Store every value in one transaction: all of them or, on an error, none."""
        with self._store.write_tables() as db:
            db.table("settings").upsert_all(
                [{"key": key, "value": json.dumps(value)} for key, value in values.items()], pk="key"
            )

    def all(self) -> dict[str, Any]:
        rows = self._store.conn.execute("SELECT key, value FROM settings ORDER BY key")
        return {key: json.loads(value) for key, value in rows}
