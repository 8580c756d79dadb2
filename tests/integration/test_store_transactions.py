"""Every write of the store, SQL or sqlite-utils, happens inside one `BEGIN IMMEDIATE`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from db import open_store
from db.records import BaselineFact, FeedOutcome, Figure, IncomingItem, NewFeed, Tag
from monitor.seed import seed

NOW = datetime(2026, 1, 20, 12, 0, tzinfo=UTC)
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def fact(fact_id: str = "tariff-canola") -> BaselineFact:
    return BaselineFact(
        id=fact_id, issues=("tariffs",), statement="China's duty on canola oil is 100%",
        figures=(Figure(label="canola oil duty", value=100.0, unit="%"),),
    )


def ok() -> FeedOutcome:
    return FeedOutcome(status="ok", attempted_at=NOW, next_poll_at=NOW + timedelta(minutes=15))


def item(guid: str) -> IncomingItem:
    return IncomingItem(
        guid=guid, url=f"https://news.example.org/{guid}", title=f"Canola tariffs {guid}",
        summary_html="", text="Beijing duties", author=None, published=NOW,
        content_hash=guid, relevant=True, tags=(Tag(issue="tariffs", score=1.0),),
    )


def use_every_write(store) -> None:
    """Each write method of the store's public API, once."""
    seed(store, NOW)
    feed = store.feeds.add("https://example.org/rss", title="Example")
    store.feeds.update(feed.id, title="Example news", interval_s=600)
    store.feeds.set_enabled(feed.id, False)
    store.feeds.set_enabled(feed.id, True)
    store.feeds.claim([feed.id], "me", NOW, NOW + timedelta(minutes=5))
    store.feeds.release_leases([feed.id], "me")
    stored = store.ingest.store_feed(feed.id, ok(), [item("a"), item("b")], NOW)
    store.ingest.store_outcomes([(feed.id, ok())])
    store.ingest.store_feeds([(feed.id, ok(), [item("c")])], NOW)
    store.ingest.retag([(stored.new_ids[0], True, [Tag(issue="visit", score=1.0)], [])])
    store.articles.set_read(stored.new_ids)
    store.articles.set_starred(stored.new_ids[0])
    store.articles.mark_all_read()
    store.articles.set_manual_tag(stored.new_ids[1], "tariffs", present=False)
    store.articles.prune_irrelevant(NOW)
    store.settings.set("poll.interval_s", 900)
    store.settings.set_many({"poll.interval_s": 600, "notify.enabled": False})
    store.feeds.add_many([NewFeed("https://example.org/many", title="Many")], now=NOW)
    placed = store.stories.assign([(stored.new_ids[0], "one"), (stored.new_ids[1], "two")])
    store.stories.set_headlines({placed[stored.new_ids[0]]: (stored.new_ids[0], "the earliest item")})
    store.stories.merge(placed[stored.new_ids[0]], placed[stored.new_ids[1]])
    store.stories.take_out(stored.new_ids[1])
    store.stories.rebuild([[stored.new_ids[0], stored.new_ids[1]]])
    store.stories.forget_empty()
    search = store.searches.add("Canola", "canola", issue="tariffs", feed_id=feed.id)
    store.searches.remove(search.id)
    store.issues.add("fisheries", "Fisheries", colour="#00838f")
    store.issues.update("fisheries", name="Fisheries and seafood", notify=False)
    store.issues.save_rule("fisheries", {"any": ["lobster"]})
    store.baseline.put([fact(), fact("seafood-ban")])
    other = store.feeds.add("https://example.org/other")
    store.feeds.remove(other.id)


def test_every_write_statement_runs_inside_begin_immediate_and_nothing_else_begins(store):
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    use_every_write(store)
    store.conn.set_trace_callback(None)

    begins = {s.strip() for s in statements if s.strip().upper().startswith("BEGIN")}
    assert begins == {"BEGIN IMMEDIATE"}
    in_transaction = False
    outside: list[str] = []
    for statement in (s.strip() for s in statements):
        keyword = statement.split(None, 1)[0].upper() if statement else ""
        if keyword == "BEGIN":
            in_transaction = True
        elif keyword in ("COMMIT", "ROLLBACK") and not statement.upper().startswith("ROLLBACK TO"):
            in_transaction = False
        elif keyword in _WRITES and not in_transaction:
            outside.append(statement)
    assert outside == []
    assert store.issues.get("fisheries").name == "Fisheries and seafood"  # the writes happened


def test_an_error_inside_a_write_leaves_nothing_that_sqlite_utils_wrote(db_path):
    store = open_store(db_path)
    watcher = open_store(db_path)
    with pytest.raises(RuntimeError, match="half done"):  # noqa: SIM117
        with store.write():
            store.feeds.add("https://example.org/rss")
            store.settings.set("poll.interval_s", 900)
            store.issues.add("fisheries", "Fisheries")
            store.issues.save_rule("fisheries", {"any": ["lobster"]})
            store.baseline.put([fact()])
            store.searches.add("Canola", "canola")
            assert store.feeds.count() == 1  # visible to the writer itself...
            assert watcher.feeds.count() == 0  # ...and committed nowhere yet
            raise RuntimeError("half done")

    for s in (store, watcher):
        assert s.feeds.count() == 0
        assert s.settings.all() == {}
        assert s.issues.list() == []
        assert s.issues.rules() == {}
        assert s.baseline.list() == []
        assert s.searches.list() == []
    store.close()
    watcher.close()


def test_a_failed_sqlite_utils_write_rolls_back_the_whole_transaction(store):
    store.feeds.add("https://example.org/rss")
    with pytest.raises(Exception, match="already in the feed list"):  # noqa: SIM117
        with store.write():
            store.settings.set("poll.interval_s", 900)
            store.feeds.add("https://example.org/rss")
    assert store.settings.get("poll.interval_s") is None
    store.settings.set("poll.interval_s", 600)  # the connection is usable again
    assert store.settings.get("poll.interval_s") == 600


def test_a_write_inside_a_read_snapshot_is_refused_rather_than_upgraded(store):
    with store.read():
        store.settings.all()
        with pytest.raises(RuntimeError, match="deferred"):
            store.settings.set("poll.interval_s", 900)
    assert store.settings.get("poll.interval_s") is None
    store.settings.set("poll.interval_s", 900)
    assert store.settings.get("poll.interval_s") == 900


def test_feeds_stored_together_keep_each_other_when_one_cannot_be_stored(tmp_path):
    with open_store(tmp_path / "monitor.db") as store:
        first = store.feeds.add("https://a.example/rss")
        last = store.feeds.add("https://b.example/rss")
        missing = last.id + 100  # its items would point at no feed
        results = store.ingest.store_feeds(
            [(first.id, ok(), [item("a1")]), (missing, ok(), [item("m1")]), (last.id, ok(), [item("b1")])],
            NOW,
        )
        assert isinstance(results[1], Exception)
        assert [len(r.new_ids) for r in (results[0], results[2])] == [1, 1]
        stored = store.conn.execute("SELECT title FROM articles ORDER BY id").fetchall()
        assert [row[0] for row in stored] == ["Canola tariffs a1", "Canola tariffs b1"]
