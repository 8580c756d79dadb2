"""The database file: pragmas, schema versions, migrations and full-text search."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
import sqlite_utils

from db import SchemaTooNewError, migrations, open_store
from db.connection import connect
from db.records import FeedOutcome, IncomingItem

NOW = datetime(2026, 1, 20, 12, 0, tzinfo=UTC)


def item(guid: str, title: str, text: str = "", url: str | None = None, **kw) -> IncomingItem:
    return IncomingItem(
        guid=guid, url=url, title=title, summary_html=f"<p>{text}</p>", text=text, author=None,
        published=kw.pop("published", None), content_hash=kw.pop("content_hash", guid + title + text),
        relevant=kw.pop("relevant", True), **kw,
    )


def ok(now: datetime = NOW) -> FeedOutcome:
    return FeedOutcome(status="ok", attempted_at=now, next_poll_at=now)


def test_a_new_database_is_created_at_the_latest_schema_with_safe_pragmas(db_path):
    store = open_store(db_path)
    conn = store.conn
    assert store.schema_version() == migrations.LATEST
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL, safe with WAL
    store.close()
    with sqlite_utils.Database(db_path) as db:
        assert {"feeds", "articles", "article_state", "tracked_issues", "rules", "tags",
                "baseline_facts", "fetch_log", "articles_fts", "saved_searches"} <= set(db.table_names())


def test_the_schema_has_the_keys_indexes_and_search_triggers_the_store_relies_on(db_path):
    open_store(db_path).close()
    with sqlite_utils.Database(db_path) as db:
        assert db.table("tags").pks == ["article_id", "issue_id"]  # one decision per article and issue
        assert db.table("article_feeds").pks == ["feed_id", "guid"]
        assert [fk.other_table for fk in db.table("articles").foreign_keys] == ["feeds"]
        assert {"articles_url", "articles_relevant_date", "articles_feed_date",
                "articles_first_seen"} <= {i.name for i in db.table("articles").indexes}
        assert [i.unique for i in db.table("feeds").indexes] == [1]  # one row per feed address
        assert db.table_names(fts5=True) == ["articles_fts"]
        assert {(t.name, t.table) for t in db.triggers} == {
            ("articles_fts_insert", "articles"), ("articles_fts_delete", "articles"),
            ("articles_fts_update", "articles"),
        }


def test_a_database_from_a_newer_app_is_refused_with_a_clear_message(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 5}")
    conn.close()
    with pytest.raises(SchemaTooNewError, match="made by a newer version"):
        open_store(db_path)


def test_a_database_created_by_schema_version_1_opens_with_its_data_kept(db_path):
    conn = connect(db_path)
    migrations.migrate(conn, target=1)
    conn.execute("INSERT INTO feeds(url, title) VALUES ('https://example.org/rss', 'Old feed')")
    conn.close()

    store = open_store(db_path)
    assert store.schema_version() == migrations.LATEST
    assert [f.title for f in store.feeds.list()] == ["Old feed"]
    assert store.searches.list() == []  # the table version 2 added
    store.close()
    with sqlite_utils.Database(db_path) as db:
        assert "raw_hash" in db.table("article_feeds").columns_dict  # the column version 3 added


def test_full_text_search_follows_inserts_updates_and_deletes(store):
    feed = store.feeds.add("https://example.org/rss")
    store.ingest.store_feed(feed.id, ok(), [item("a", "Canola tariffs rise", "Beijing duties")], NOW)
    from db import ArticleQuery

    assert store.articles.count(ArticleQuery(search="canola")) == 1
    store.ingest.store_feed(
        feed.id, ok(), [item("a", "Steel quotas announced", "Ottawa measures")], NOW
    )
    assert store.articles.count(ArticleQuery(search="canola")) == 0
    assert store.articles.count(ArticleQuery(search="steel")) == 1
    store.feeds.remove(feed.id)
    assert store.articles.count(ArticleQuery(search="steel", include_irrelevant=True)) == 0


def test_search_accepts_phrases_operators_and_punctuation(store):
    from db import ArticleQuery

    feed = store.feeds.add("https://example.org/rss")
    store.ingest.store_feed(feed.id, ok(), [
        item("a", "Canada and China agree trade talks", "worth C$118.7 billion"),
        item("b", "China talks with the U.S.", "no Canada here"),
        item("c", "Trade war widens", "Canada retaliates"),
    ], NOW)

    def titles(text: str) -> set[str]:
        return {r.title for r in store.articles.rows(ArticleQuery(search=text))}

    assert titles('"trade talks"') == {"Canada and China agree trade talks"}
    assert titles("canada AND china NOT U.S.") == {"Canada and China agree trade talks"}
    assert titles("C$118.7") == {"Canada and China agree trade talks"}
    assert titles("war OR agree") == {"Canada and China agree trade talks", "Trade war widens"}
    assert titles("trad*") == {"Canada and China agree trade talks", "Trade war widens"}
    assert titles('unbalanced "quote') == set()
    assert titles("canada AND NOT trade") == {"China talks with the U.S."}
    assert titles("NOT canada") == set()
    assert titles("NOT war") == {"Canada and China agree trade talks", "China talks with the U.S."}
    # The French words for the same operators, upper case as the English ones; lower case they are words.
    assert titles("canada ET china SAUF U.S.") == {"Canada and China agree trade talks"}
    assert titles("war OU agree") == {"Canada and China agree trade talks", "Trade war widens"}
    assert titles("SAUF war") == {"Canada and China agree trade talks", "China talks with the U.S."}
    assert titles("war ou agree") == set()
