"""What edited rules would change: among the newest stored items, those that would gain the
issue's tag and those that would lose it (a tag the reader set by hand is never lost).
Run off the GUI thread with its own store connection."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from db import ArticleQuery, Store
from db.records import ArticleRow
from monitor.tagging import Tagger

SCAN = 5000
LIMIT = 200

Change = Literal["gains", "loses"]


@dataclass(frozen=True)
class PreviewRow:
    row: ArticleRow
    change: Change
    terms: tuple[str, ...]  # the matched terms, for an item that gains the tag


@dataclass(frozen=True)
class RulesPreview:
    rows: tuple[PreviewRow, ...]  # gains first, then losses; newest first within each
    gains: int
    losses: int
    scanned: int

    @property
    def cut(self) -> bool:
        return self.gains + self.losses > len(self.rows)


def preview_changes(store: Store, rules: dict[str, Any], issue: str, scan: int = SCAN) -> RulesPreview:
    tagger = Tagger.from_rules(rules)
    rows = store.articles.rows(ArticleQuery(include_irrelevant=True), limit=scan)
    gains: list[PreviewRow] = []
    losses: list[PreviewRow] = []
    for start in range(0, len(rows), 500):
        chunk = rows[start : start + 500]
        articles = {a.id: a for a in store.articles.get_many([r.id for r in chunk])}
        for row in chunk:
            article = articles.get(row.id)
            if article is None:
                continue
            verdict = tagger.verdict(article.title, article.text, article.lang, article.published)
            tags = [t for t in verdict.tags if t.issue == issue] if verdict.relevant else []
            has = issue in row.issues
            if tags and not has:
                terms = tuple(sorted({m.term for tag in tags for m in tag.matches}))
                gains.append(PreviewRow(row, "gains", terms))
            elif has and not tags and not _manual(store, row.id, issue):
                losses.append(PreviewRow(row, "loses", ()))
    shown = (gains[: LIMIT // 2] + losses)[:LIMIT] if len(losses) >= LIMIT // 2 else (gains + losses)[:LIMIT]
    ordered = tuple(r for r in shown if r.change == "gains") + tuple(r for r in shown if r.change == "loses")
    return RulesPreview(ordered, len(gains), len(losses), len(rows))


def _manual(store: Store, article_id: int, issue: str) -> bool:
    return any(t.issue == issue and t.source == "manual" for t in store.articles.tags(article_id))
