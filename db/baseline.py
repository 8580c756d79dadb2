"""The baseline facts: what was true on the day of the seed article."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict
from typing import TYPE_CHECKING

from db.records import BaselineFact, Figure

if TYPE_CHECKING:
    from db.store import Store


def _fact(row: sqlite3.Row) -> BaselineFact:
    return BaselineFact(
        id=row["id"],
        issues=tuple(json.loads(row["issues"])),
        statement=row["statement"],
        date=row["date"],
        date_end=row["date_end"],
        date_label=row["date_label"],
        event=bool(row["event"]),
        figures=tuple(Figure(**f) for f in json.loads(row["figures"])),
        source=row["source"],
        source_date=row["source_date"],
    )


class BaselineRepo:
    def __init__(self, store: Store) -> None:
        self._store = store

    def list(self, issue: str | None = None) -> list[BaselineFact]:
        facts = [
            _fact(row)
            for row in self._store.conn.execute("SELECT * FROM baseline_facts ORDER BY position, id")
        ]
        return [f for f in facts if issue is None or issue in f.issues]

    def ids(self) -> set[str]:
        return {row[0] for row in self._store.conn.execute("SELECT id FROM baseline_facts")}

    def put(self, facts: Iterable[BaselineFact]) -> int:
        """Insert or replace facts by id; returns how many were written."""
        count = 0
        with self._store.write() as conn:
            start = conn.execute("SELECT coalesce(max(position) + 1, 0) FROM baseline_facts").fetchone()[0]
            for offset, fact in enumerate(facts):
                existing = conn.execute(
                    "SELECT position FROM baseline_facts WHERE id = ?", (fact.id,)
                ).fetchone()
                conn.execute(
                    "INSERT OR REPLACE INTO baseline_facts(id, issues, statement, date, date_end, "
                    "date_label, event, figures, source, source_date, position) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        fact.id,
                        json.dumps(list(fact.issues)),
                        fact.statement,
                        fact.date,
                        fact.date_end,
                        fact.date_label,
                        int(fact.event),
                        json.dumps([asdict(f) for f in fact.figures], ensure_ascii=False),
                        fact.source,
                        fact.source_date,
                        existing[0] if existing else start + offset,
                    ),
                )
                count += 1
        return count
