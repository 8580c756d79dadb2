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
        with self._store.write_tables() as db:
            positions = dict(db.execute("SELECT id, position FROM baseline_facts").fetchall())
            start = max(positions.values(), default=-1) + 1
            rows = [_row(fact, positions.get(fact.id, start + offset)) for offset, fact in enumerate(facts)]
            db.table("baseline_facts").upsert_all(rows, pk="id")
        return len(rows)


def _row(fact: BaselineFact, position: int) -> dict[str, object]:
    return {
        "id": fact.id,
        "issues": json.dumps(list(fact.issues)),
        "statement": fact.statement,
        "date": fact.date,
        "date_end": fact.date_end,
        "date_label": fact.date_label,
        "event": int(fact.event),
        "figures": json.dumps([asdict(f) for f in fact.figures], ensure_ascii=False),
        "source": fact.source,
        "source_date": fact.source_date,
        "position": position,
    }
