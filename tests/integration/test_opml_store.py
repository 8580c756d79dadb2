"""Importing an OPML document into the store and exporting the store's feeds: one transaction,
feeds already listed left alone, and what goes out comes back in."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from db import open_store
from monitor import resources
from monitor.opml import read_opml
from monitor.opml_store import export_opml, import_opml
from monitor.seed import seed

NOW = datetime(2026, 1, 20, tzinfo=UTC)

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Mine</title></head><body>
  <outline text="Canada">
    <outline text="Politics">
      <outline type="rss" text="Ottawa desk" xmlUrl="https://ottawa.example.org/rss"
               htmlUrl="https://ottawa.example.org/"/>
    </outline>
    <outline type="rss" text="Trade wire" xmlUrl="https://trade.example.org/atom"/>
  </outline>
  <outline type="rss" text="Broken row" xmlUrl="ftp://old.example.org/feed"/>
  <outline type="rss" text="Top level" xmlUrl="http://top.example.org/feed"/>
</body></opml>"""


def stored(store) -> list[tuple[str, str | None, str | None, str | None]]:
    return sorted((f.url, f.title, f.category, f.site_url) for f in store.feeds.list())


def test_importing_a_document_adds_its_feeds_with_their_categories_and_reports_the_bad_row(store):
    result = import_opml(store, read_opml(OPML), NOW)
    assert [f.url for f in result.added] == [
        "https://ottawa.example.org/rss", "https://trade.example.org/atom", "http://top.example.org/feed"
    ]
    assert result.skipped == ()
    assert len(result.problems) == 1 and "Broken row" in result.problems[0]
    assert stored(store) == [
        ("http://top.example.org/feed", "Top level", None, None),
        ("https://ottawa.example.org/rss", "Ottawa desk", "Canada/Politics", "https://ottawa.example.org/"),
        ("https://trade.example.org/atom", "Trade wire", "Canada", None),
    ]


def test_a_feed_another_process_lists_after_the_file_was_read_is_skipped_and_keeps_its_edits(
    store, db_path
):
    document = read_opml(OPML)
    with open_store(db_path) as other:  # another process, between reading the file and storing it
        other.feeds.add("https://trade.example.org/atom", title="My trade feed", category="Mine")

    result = import_opml(store, document, NOW)

    assert [f.url for f in result.skipped] == ["https://trade.example.org/atom"]
    assert len(result.added) == 2
    assert [f for f in stored(store) if f[0] == "https://trade.example.org/atom"] == [
        ("https://trade.example.org/atom", "My trade feed", "Mine", None)
    ]


def test_importing_the_same_document_twice_adds_nothing_the_second_time(store):
    import_opml(store, read_opml(OPML), NOW)
    before = stored(store)
    again = import_opml(store, read_opml(OPML), NOW)
    assert (len(again.added), len(again.skipped)) == (0, 3)
    assert stored(store) == before


def test_an_import_that_fails_midway_stores_no_feed_at_all(store, db_path):
    # The database refuses the third feed, after two were written in the same transaction.
    store.conn.execute(
        "CREATE TEMP TRIGGER refuse_top BEFORE INSERT ON main.feeds "
        "WHEN NEW.url = 'http://top.example.org/feed' BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
    )
    with pytest.raises(sqlite3.DatabaseError, match="disk says no"):
        import_opml(store, read_opml(OPML), NOW)

    assert store.feeds.list() == []
    assert not store.conn.in_transaction
    with open_store(db_path) as other:
        assert other.feeds.list() == []


def test_export_then_import_into_a_new_database_round_trips_titles_categories_and_site_urls(
    store, tmp_path
):
    store.feeds.add("https://a.example.org/feed", title="Xinhua — 新华社", category="World/Asia",
                    site_url="https://a.example.org/")
    store.feeds.add("https://b.example.org/rss?lang=fr&x=1", title="Le Devoir & co", category="Canada")
    store.feeds.add("https://c.example.org/atom", title=None, category=None, site_url="https://c.example.org/")
    store.feeds.add("https://d.example.org/feed", title="Deep", category="World/Asia/China")

    export = export_opml(store)
    assert export.feeds == 4

    with open_store(tmp_path / "other.db") as other:
        result = import_opml(other, read_opml(export.data), NOW)
        assert (len(result.added), result.skipped, result.problems) == (4, (), ())
        assert stored(other) == stored(store)


def test_seeding_offers_the_default_feeds_through_the_same_import_and_keeps_a_feed_listed_first(store):
    defaults = read_opml(resources.read_bytes("feeds.opml")).feeds
    mine = store.feeds.add(defaults[0].url, title="My name for it", category="Mine")

    report = seed(store, NOW)

    assert report.feeds_added == len(defaults) - 1
    assert store.feeds.get(mine.id).title == "My name for it"
    assert store.feeds.get(mine.id).category == "Mine"
    assert store.feeds.count() == len(defaults)
