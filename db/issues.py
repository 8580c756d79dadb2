"""Tracked issues and the rules that tag articles with them."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING, Any

from db.errors import NotFoundError
from db.records import Rule, TrackedIssue
from db.timeutil import from_db, to_db

if TYPE_CHECKING:
    from db.store import Store

RELEVANCE_SCOPE = "relevance"


def _issue(row: sqlite3.Row) -> TrackedIssue:
    return TrackedIssue(
        id=row["id"],
        slug=row["slug"],
        name=row["name"],
        description=row["description"],
        colour=row["colour"],
        position=row["position"],
        notify=bool(row["notify"]),
    )


class IssueRepo:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._ids: dict[str, int] = {}

    def list(self) -> list[TrackedIssue]:
        rows = self._store.conn.execute("SELECT * FROM tracked_issues ORDER BY position, id")
        return [_issue(row) for row in rows]

    def get(self, slug: str) -> TrackedIssue:
        row = self._store.conn.execute(
            "SELECT * FROM tracked_issues WHERE slug = ?", (slug,)
        ).fetchone()
        if row is None:
            known = ", ".join(i.slug for i in self.list()) or "none"
            raise NotFoundError(f"no tracked issue '{slug}' (known: {known})")
        return _issue(row)

    def id_of(self, slug: str) -> int:
        if slug not in self._ids:
            self._ids[slug] = self.get(slug).id
        return self._ids[slug]

    def add(
        self, slug: str, name: str, *, description: str = "", colour: str = "#607d8b",
        notify: bool = True, position: int | None = None,
    ) -> TrackedIssue:
        row = {"slug": slug, "name": name, "description": description, "colour": colour,
               "position": position, "notify": int(notify)}
        with self._store.write_tables() as db:
            if position is None:
                row["position"] = db.execute(
                    "SELECT coalesce(max(position) + 1, 0) FROM tracked_issues"
                ).fetchone()[0]
            db.table("tracked_issues").insert(row)
        return self.get(slug)

    def update(self, slug: str, **fields: Any) -> TrackedIssue:
        allowed = {"name", "description", "colour", "notify", "position"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))} of a tracked issue")
        if fields:
            with self._store.write_tables() as db:
                db.table("tracked_issues").update(self.get(slug).id, fields)
        return self.get(slug)

    # --- rules --------------------------------------------------------------------------

    def rules(self) -> dict[str, Rule]:
        rows = self._store.conn.execute("SELECT * FROM rules ORDER BY scope")
        return {
            row["scope"]: Rule(
                scope=row["scope"],
                body=json.loads(row["body"]),
                user_edited=bool(row["user_edited"]),
                updated_at=from_db(row["updated_at"]),
            )
            for row in rows
        }

    def rule_bodies(self) -> dict[str, Any]:
        """The rules in the shape the tagger takes: {"relevance": ..., "issues": {slug: ...}}."""
        stored = self.rules()
        slugs = [issue.slug for issue in self.list()]
        return {
            "relevance": stored[RELEVANCE_SCOPE].body if RELEVANCE_SCOPE in stored else {},
            "issues": {slug: stored[slug].body for slug in slugs if slug in stored},
        }

    def save_rule(
        self, scope: str, body: dict[str, Any], *, user_edited: bool = True,
        now: datetime | None = None,
    ) -> None:
        row = {"scope": scope, "body": json.dumps(body, ensure_ascii=False),
               "user_edited": int(user_edited), "updated_at": to_db(now)}
        with self._store.write_tables() as db:
            db.table("rules").upsert(row, pk="scope")

    def rules_version(self) -> str:
        """A short fingerprint of the current rules, printed in digests for reproducibility."""
        blob = json.dumps(self.rule_bodies(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode()).hexdigest()[:12]
