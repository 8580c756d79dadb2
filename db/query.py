"""What a list of articles is filtered by, turned into SQL in one place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from db.timeutil import to_db

SortKey = Literal["date", "title", "source"]

_ORDER = {
    "date": "a.sort_date {dir}, a.id {dir}",
    "title": "a.title COLLATE NOCASE {dir}, a.id {dir}",
    "source": "(SELECT coalesce(f.title, f.url) FROM feeds f WHERE f.id = a.feed_id) "
    "COLLATE NOCASE {dir}, a.sort_date DESC, a.id DESC",
}
_FTS_OPERATORS = {"AND", "OR", "NOT"}
# The same operators as a French search writes them (upper case, as the English ones).
_OPERATOR_WORDS = {"AND": "AND", "OR": "OR", "NOT": "NOT", "ET": "AND", "OU": "OR", "SAUF": "NOT"}
_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[^\s()"]+')


@dataclass(frozen=True)
class ArticleQuery:
    issue: str | None = None
    feed_id: int | None = None
    starred: bool = False
    unread: bool = False
    include_irrelevant: bool = False
    since: datetime | None = None
    until: datetime | None = None
    search: str | None = None
    sort: SortKey = "date"
    descending: bool = True


def fts_query(text: str) -> str:
    """A user's search as an FTS5 query: words, "phrases", AND / OR / NOT (or ET / OU /
    SAUF) and parentheses.

    Every bare word is quoted so that punctuation in it (C$118.7, U.S., Li-Qiang) is
    a phrase, not FTS5 syntax; a word ending in * stays a prefix search.
    """
    parts: list[str] = []
    for token in _TOKEN.findall(text):
        if token in _OPERATOR_WORDS:
            parts.append(_OPERATOR_WORDS[token])
        elif token in "()":
            parts.append(token)
        elif token.startswith('"'):
            inner = token.strip('"').replace('"', "")
            if inner.strip():
                parts.append(f'"{inner}"')
        else:
            prefix = token.endswith("*") and len(token) > 1
            word = token.rstrip("*").replace('"', "")
            if word:
                parts.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(_tidy_operators(parts))


def _tidy_operators(parts: list[str]) -> list[str]:
    """Operators only between terms: "a AND NOT b" is FTS5's "a NOT b"; dangling ones go."""
    tidy: list[str] = []
    for part in parts:
        if part in _FTS_OPERATORS:
            if not tidy or tidy[-1] in _FTS_OPERATORS or tidy[-1] == "(":
                if part == "NOT" and tidy and tidy[-1] == "AND":
                    tidy[-1] = "NOT"
                continue
        elif part == ")" and tidy and tidy[-1] in _FTS_OPERATORS:
            tidy.pop()
        tidy.append(part)
    while tidy and tidy[-1] in _FTS_OPERATORS:
        tidy.pop()
    return tidy


def where(query: ArticleQuery) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if not query.include_irrelevant:
        clauses.append("a.relevant = 1")
    if query.issue:
        clauses.append(
            "a.id IN (SELECT t.article_id FROM tags t JOIN tracked_issues i ON i.id = t.issue_id "
            "WHERE i.slug = :issue AND t.removed = 0)"
        )
        params["issue"] = query.issue
    if query.feed_id is not None:
        clauses.append("a.id IN (SELECT af.article_id FROM article_feeds af WHERE af.feed_id = :feed)")
        params["feed"] = query.feed_id
    if query.starred:
        clauses.append("a.id IN (SELECT article_id FROM article_state WHERE starred = 1)")
    if query.unread:
        clauses.append("a.id NOT IN (SELECT article_id FROM article_state WHERE read = 1)")
    if query.since is not None:
        clauses.append("a.sort_date >= :since")
        params["since"] = to_db(query.since)
    if query.until is not None:
        clauses.append("a.sort_date < :until")
        params["until"] = to_db(query.until)
    if query.search and query.search.strip():
        text = query.search.strip()
        # FTS5's NOT is binary; a search that starts with NOT (SAUF) means "everything but".
        first, _, rest = text.partition(" ")
        negate = _OPERATOR_WORDS.get(first.upper()) == "NOT"
        match = fts_query(rest if negate else text)
        if match:
            membership = "NOT IN" if negate else "IN"
            clauses.append(
                f"a.id {membership} (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :match)"
            )
            params["match"] = match
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def order_by(query: ArticleQuery) -> str:
    return " ORDER BY " + _ORDER[query.sort].format(dir="DESC" if query.descending else "ASC")
