"""Which stored entries a poll may skip: only those whose article still holds what they clean to."""

from __future__ import annotations

from datetime import UTC, datetime

from db.records import FeedOutcome, IncomingItem

NOW = datetime(2026, 1, 20, 8, 0, tzinfo=UTC)
LINK = "https://news.example.org/story"


def item(guid: str, raw_hash: str, content_hash: str, title: str = "Tariffs") -> IncomingItem:
    return IncomingItem(
        guid=guid, url=LINK, title=title, summary_html="", text="", author=None, published=NOW,
        content_hash=content_hash, relevant=False, raw_hash=raw_hash,
    )


def ok() -> FeedOutcome:
    return FeedOutcome(status="ok", attempted_at=NOW, next_poll_at=None)


def test_a_stored_entry_is_known_by_its_raw_hash_and_an_updated_one_by_its_new_hash(store):
    feed = store.feeds.add("http://127.0.0.1/a").id
    store.ingest.store_feed(feed, ok(), [item("a-1", "raw-1", "h1")], NOW)
    assert store.ingest.known_entries(feed) == {"a-1": "raw-1"}

    store.ingest.store_feed(feed, ok(), [item("a-1", "raw-2", "h2", title="Tariffs rise")], NOW)

    assert store.ingest.known_entries(feed) == {"a-1": "raw-2"}


def test_an_entry_sharing_another_feeds_article_with_other_content_is_never_skipped(store):
    a = store.feeds.add("http://127.0.0.1/a").id
    b = store.feeds.add("http://127.0.0.1/b").id
    store.ingest.store_feed(a, ok(), [item("a-1", "raw-a", "ha")], NOW)

    store.ingest.store_feed(b, ok(), [item("b-1", "raw-b", "hb")], NOW)

    # b's entry would rewrite the article the next time b changes, so it must be cleaned again.
    assert store.ingest.known_entries(b) == {}
    assert store.ingest.known_entries(a) == {"a-1": "raw-a"}


def test_when_one_feed_rewrites_a_shared_article_the_other_feeds_entries_are_cleaned_again(store):
    a = store.feeds.add("http://127.0.0.1/a").id
    b = store.feeds.add("http://127.0.0.1/b").id
    store.ingest.store_feed(a, ok(), [item("a-1", "raw-a", "h1")], NOW)
    store.ingest.store_feed(b, ok(), [item("b-1", "raw-b", "h1")], NOW)
    assert store.ingest.known_entries(b) == {"b-1": "raw-b"}

    store.ingest.store_feed(a, ok(), [item("a-1", "raw-a2", "h2", title="Tariffs rise")], NOW)

    assert store.ingest.known_entries(a) == {"a-1": "raw-a2"}
    assert store.ingest.known_entries(b) == {}


def test_outcomes_stored_together_roll_back_one_failing_feed_alone(store):
    a = store.feeds.add("http://127.0.0.1/a").id
    b = store.feeds.add("http://127.0.0.1/b").id
    not_modified = FeedOutcome(status="not_modified", attempted_at=NOW, next_poll_at=None, etag='"2"')

    errors = store.ingest.store_outcomes([(a, not_modified), (9999, not_modified), (b, not_modified)])

    assert [e is None for e in errors] == [True, False, True]
    assert [store.feeds.get(f).etag for f in (a, b)] == ['"2"', '"2"']
    assert [len(store.feeds.fetch_log(f)) for f in (a, b, 9999)] == [1, 1, 0]


def test_a_first_poll_that_lists_one_guid_twice_stores_it_once(store):
    feed = store.feeds.add("http://127.0.0.1/a").id

    twice = [item("a-1", "raw-1", "h1"), item("a-1", "raw-2", "h2")]
    stored = store.ingest.store_feed(feed, ok(), twice, NOW)

    assert len(stored.new_ids) == 1
    assert store.ingest.known_entries(feed) == {"a-1": "raw-2"}
