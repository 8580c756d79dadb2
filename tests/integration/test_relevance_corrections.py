"""The reader's word on whether an item is about Canada–China: it wins over the rules and
outlives a retag; lists, the CLI, digests and stories follow it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from db import ArticleQuery, migrations, open_store
from db.connection import connect
from monitor.retag import retag_all, tagger_for
from monitor.stories.assign import recluster
from tests.integration.test_retag import PANDAS, TARIFF, VISIT, stored

NOW = datetime(2026, 1, 20, tzinfo=UTC)


def test_an_item_corrected_to_not_relevant_leaves_the_lists_and_stays_out_after_a_retag(seeded_store):
    ids = stored(seeded_store, TARIFF, VISIT)
    retag_all(seeded_store, tagger_for(seeded_store))
    seeded_store.articles.set_relevance(ids[TARIFF], False, now=NOW)

    assert ids[TARIFF] not in seeded_store.articles.ids()
    retag_all(seeded_store, tagger_for(seeded_store))
    assert seeded_store.articles.ids() == [ids[VISIT]]
    assert seeded_store.articles.relevance_correction(ids[TARIFF]) is False
    assert ids[TARIFF] in seeded_store.articles.ids(ArticleQuery(include_irrelevant=True))


def test_an_item_corrected_to_relevant_is_listed_and_stays_so_after_a_retag(seeded_store):
    ids = stored(seeded_store, PANDAS)
    retag_all(seeded_store, tagger_for(seeded_store))
    assert seeded_store.articles.ids() == []

    seeded_store.articles.set_relevance(ids[PANDAS], True, now=NOW)
    retag_all(seeded_store, tagger_for(seeded_store))
    assert seeded_store.articles.ids() == [ids[PANDAS]]


def test_a_not_relevant_correction_wins_over_a_manual_tag(seeded_store):
    ids = stored(seeded_store, TARIFF)
    seeded_store.articles.set_manual_tag(ids[TARIFF], "visit", present=True)
    seeded_store.articles.set_relevance(ids[TARIFF], False, now=NOW)
    retag_all(seeded_store, tagger_for(seeded_store))
    assert seeded_store.articles.ids() == []


def test_an_item_corrected_to_not_relevant_leaves_its_story_on_the_next_recluster(seeded_store):
    ids = stored(seeded_store, TARIFF, VISIT)
    retag_all(seeded_store, tagger_for(seeded_store))
    assert seeded_store.stories.of_article(ids[TARIFF]) is not None

    seeded_store.articles.set_relevance(ids[TARIFF], False, now=NOW)
    recluster(seeded_store)

    assert seeded_store.stories.of_article(ids[TARIFF]) is None
    assert seeded_store.stories.of_article(ids[VISIT]) is not None


def test_the_articles_command_follows_the_corrected_relevance(seeded_store, cli):
    ids = stored(seeded_store, TARIFF, PANDAS)
    retag_all(seeded_store, tagger_for(seeded_store))
    seeded_store.articles.set_relevance(ids[TARIFF], False, now=NOW)
    seeded_store.articles.set_relevance(ids[PANDAS], True, now=NOW)

    shown = cli("articles").out
    assert "pandas" in shown
    assert "tariff" not in shown
    assert "tariff" in cli("articles", "--all").out


def test_a_version_4_database_migrates_and_keeps_its_articles(db_path):
    conn = connect(db_path)
    migrations.migrate(conn, target=4)
    conn.execute("INSERT INTO feeds(url) VALUES ('https://example.org/rss')")
    conn.execute(
        "INSERT INTO articles(feed_id, guid, title, first_seen, sort_date, content_hash, relevant) "
        "VALUES (1, 'g', 'Old item', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'h', 1)"
    )
    conn.close()

    with open_store(db_path) as store:
        assert store.schema_version() == migrations.LATEST == 5
        store.articles.set_relevance(1, False, now=NOW)
        assert store.articles.relevance_correction(1) is False
        assert store.articles.count() == 0
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT relevant FROM relevance_corrections").fetchall() == [(0,)]
