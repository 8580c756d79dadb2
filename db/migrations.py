"""Numbered schema steps on `PRAGMA user_version`; each runs forward, once, in its own transaction.

Never edit a released step: add a new one. A database whose version is higher than
the last step here was written by a newer app and is refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from db.errors import NotOurDatabaseError, SchemaTooNewError

_V1 = """
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    site_url TEXT,
    category TEXT,
    enabled INTEGER NOT NULL DEFAULT 1,
    interval_s INTEGER,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    last_status TEXT,
    last_http_status INTEGER,
    last_error TEXT,
    last_attempt_at TEXT,
    last_success_at TEXT,
    next_poll_at TEXT,
    retry_after TEXT,
    error_count INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_until TEXT,
    added_at TEXT
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    url TEXT,
    title TEXT NOT NULL DEFAULT '',
    summary_html TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    author TEXT,
    published TEXT,
    first_seen TEXT NOT NULL,
    sort_date TEXT NOT NULL,
    updated_at TEXT,
    content_hash TEXT NOT NULL,
    relevant INTEGER NOT NULL DEFAULT 0,
    lang TEXT
);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_relevant_date ON articles(relevant, sort_date);
CREATE INDEX articles_feed_date ON articles(feed_id, sort_date);

-- Which feeds carry an article, under which entry id: one article, many feeds.
CREATE TABLE article_feeds (
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (feed_id, guid)
) WITHOUT ROWID;
CREATE INDEX article_feeds_article ON article_feeds(article_id);

CREATE TABLE article_state (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    read_at TEXT,
    starred_at TEXT
);
CREATE INDEX article_state_unread ON article_state(read, article_id);
CREATE INDEX article_state_starred ON article_state(starred) WHERE starred = 1;

CREATE TABLE tracked_issues (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL DEFAULT '#607d8b',
    position INTEGER NOT NULL DEFAULT 0,
    notify INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE rules (
    scope TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    user_edited INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT
);

-- A manual row wins over the rules: removed = 1 is the user saying "not this issue".
CREATE TABLE tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    issue_id INTEGER NOT NULL REFERENCES tracked_issues(id) ON DELETE CASCADE,
    score REAL NOT NULL DEFAULT 0,
    matches TEXT NOT NULL DEFAULT '[]',
    source TEXT NOT NULL CHECK (source IN ('rule', 'manual')),
    removed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, issue_id)
) WITHOUT ROWID;
CREATE INDEX tags_issue ON tags(issue_id, removed, article_id);

CREATE TABLE baseline_facts (
    id TEXT PRIMARY KEY,
    issues TEXT NOT NULL DEFAULT '[]',
    statement TEXT NOT NULL,
    date TEXT,
    date_end TEXT,
    date_label TEXT,
    event INTEGER NOT NULL DEFAULT 0,
    figures TEXT NOT NULL DEFAULT '[]',
    source TEXT,
    source_date TEXT,
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE fetch_log (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    outcome TEXT NOT NULL,
    http_status INTEGER,
    error TEXT,
    new_items INTEGER NOT NULL DEFAULT 0,
    duration_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX fetch_log_feed ON fetch_log(feed_id, at);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
"""

_V2 = """
CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    query TEXT NOT NULL,
    issue TEXT,
    feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL
);
CREATE INDEX articles_first_seen ON articles(first_seen);
"""

# The digest of the raw entry a feed last carried under this guid, set only while
# cleaning that entry again would store nothing new: the poll then skips it.
_V3 = """
ALTER TABLE article_feeds ADD COLUMN raw_hash TEXT;
"""


# Stories: the items that report one happening, across outlets and languages. The
# assignment is derived (recluster rewrites it); the reader's corrections live in
# story_pins and outlive it: items pinned to one pin stay together (a merge), an item
# pinned alone stays out of every other story (taken out).
# story_items.features: what the clustering read of the item and under which rules (JSON),
# so that a poll's index of recent items is read back instead of computed again.
# A story's dates and counts are kept by the store as items join: first_date and
# last_date span its items' dates, last_grown is when the newest item was first seen.
# Moves: what an item reports that differs from a baseline fact, with the words that say so.
_V4 = """
CREATE TABLE stories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: an id names one story for good
    first_date TEXT NOT NULL DEFAULT '',
    first_article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    last_date TEXT NOT NULL DEFAULT '',
    last_grown TEXT NOT NULL DEFAULT '',
    items INTEGER NOT NULL DEFAULT 0,
    outlets INTEGER NOT NULL DEFAULT 0,
    headline_article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    headline_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stories_last_date ON stories(last_date);
CREATE TABLE story_items (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    joined_at TEXT NOT NULL,
    features TEXT
);
CREATE INDEX story_items_story ON story_items(story_id);
CREATE TABLE story_pins (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    pin TEXT NOT NULL
);
CREATE INDEX story_pins_pin ON story_pins(pin);
-- version: moves on at every rebuild or correction (an index of stories built before is stale).
CREATE TABLE story_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE moves (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    fact_id TEXT NOT NULL,
    figure TEXT,
    baseline TEXT NOT NULL,
    reported TEXT NOT NULL,
    words TEXT NOT NULL,
    field TEXT NOT NULL DEFAULT 'title',
    start INTEGER NOT NULL DEFAULT 0,
    end INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX moves_article ON moves(article_id);
CREATE INDEX moves_fact ON moves(fact_id);
"""


# The reader's word on whether an item is about the storyline at all: it wins over the
# rules (and over manual tags) and outlives every retag, like a manual tag does.
_V5 = """
CREATE TABLE relevance_corrections (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    relevant INTEGER NOT NULL,
    at TEXT
);
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def step(conn: sqlite3.Connection) -> None:
        # executescript() would commit the open transaction; run statement by statement.
        for statement in _split(sql):
            conn.execute(statement)

    return step


def _split(sql: str) -> list[str]:
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return [s for s in statements if s]


STEPS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _script(_V1),
    _script(_V2),
    _script(_V3),
    _script(_V4),
    _script(_V5),
)
LATEST = len(STEPS)


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_version(conn: sqlite3.Connection, path: object = "the database") -> int:
    """The file's schema version, refused unless this app made it and can run on it.

    Reads only: a database that is refused is left exactly as it was.
    """
    version = current_version(conn)
    if version < 0 or (version == 0 and _has_tables(conn)):
        raise NotOurDatabaseError(
            f"{path} is not a Canada–China Monitor database (schema version {version}); "
            "choose another file with --db"
        )
    if version > LATEST:
        raise SchemaTooNewError(
            f"{path} was made by a newer version of cc-monitor (schema version {version}, this one "
            f"knows up to {LATEST}); upgrade cc-monitor or choose another database with --db"
        )
    return version


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> int:
    """Bring the schema up to `target`; return the version it started from."""
    start = check_version(conn)
    for version in range(start + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if current_version(conn) >= version:  # another process got here first
                conn.execute("ROLLBACK")
                continue
            STEPS[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return start
