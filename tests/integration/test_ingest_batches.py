"""A poll's new articles are inserted many to a statement: what a reader finds must be what
a row-by-row insert gave, links shared within one poll and guids that come twice included."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from db.query import ArticleQuery
from db.records import FeedOutcome, IncomingItem, Tag
from monitor.seed import seed

NOW = datetime(2026, 1, 20, 8, 0, tzinfo=UTC)


def ok() -> FeedOutcome:
    return FeedOutcome(status="ok", attempted_at=NOW, next_poll_at=None)


def item(guid: str, title: str, url: str | None = None, content: str | None = None) -> IncomingItem:
    return IncomingItem(
        guid=guid, url=url if url is not None else f"https://news.example.org/{guid}", title=title,
        summary_html="", text=f"{title}, in the text", author=None,
        published=NOW - timedelta(minutes=len(guid)), content_hash=content or title, relevant=True,
        tags=(Tag(issue="tariffs", score=1.0),), raw_hash=f"raw-{guid}-{content or title}",
    )


def everything() -> ArticleQuery:
    return ArticleQuery(include_irrelevant=True)


def test_a_first_poll_of_many_items_stores_each_once_in_order_searchable_and_tagged(store):
    seed(store, NOW)  # the tracked issues the tags name
    feed = store.feeds.add("http://127.0.0.1/many").id
    items = [item(f"g{n}", f"Canola duty story number{n}") for n in range(150)]

    stored = store.ingest.store_feed(feed, ok(), items, NOW)

    assert len(stored.new_ids) == 150
    assert [store.articles.get(i).title for i in stored.new_ids] == [i.title for i in items]
    for n in (0, 63, 64, 149):
        found = store.articles.ids(ArticleQuery(search=f"number{n}"))
        assert found == [stored.new_ids[n]]
    assert store.articles.count(ArticleQuery(issue="tariffs")) == 150
    assert store.ingest.known_entries(feed)["g149"] == items[149].raw_hash


def test_two_entries_of_one_poll_with_one_link_make_one_article(store):
    feed = store.feeds.add("http://127.0.0.1/a").id
    link = "https://news.example.org/shared"

    stored = store.ingest.store_feed(feed, ok(), [
        item("a", "Canola duty doubled", url=link), item("b", "Canola duty doubled", url=link),
    ], NOW)

    assert len(stored.new_ids) == 1
    assert store.articles.count(everything()) == 1
    # both entries are known, so neither is cleaned again at the next poll
    assert set(store.ingest.known_entries(feed)) == {"a", "b"}


def test_a_guid_that_comes_twice_in_one_poll_keeps_the_later_text(store):
    feed = store.feeds.add("http://127.0.0.1/a").id
    first = item("same", "Canola duty doubled", url="https://news.example.org/1")
    later = item("same", "Canola duty tripled", url="https://news.example.org/2", content="v2")

    stored = store.ingest.store_feed(feed, ok(), [first, later], NOW)

    assert len(stored.new_ids) == 1
    assert store.articles.get(stored.new_ids[0]).title == "Canola duty tripled"
    assert store.articles.ids(ArticleQuery(search="tripled")) == list(stored.new_ids)
    assert store.articles.ids(ArticleQuery(search="doubled")) == []


def test_a_changed_link_that_a_new_article_of_the_same_poll_takes_keeps_the_old_one(store):
    feed = store.feeds.add("http://127.0.0.1/a").id
    old = store.ingest.store_feed(feed, ok(), [item("old", "Steel surtax", url="https://e.org/old")], NOW)
    taken = "https://e.org/new"

    store.ingest.store_feed(feed, ok(), [
        item("fresh", "EV surtax", url=taken),
        item("old", "Steel surtax widened", url=taken, content="v2"),
    ], NOW)

    assert store.articles.get(old.new_ids[0]).url == "https://e.org/old"
    assert store.articles.get(old.new_ids[0]).title == "Steel surtax widened"
    assert store.articles.count(everything()) == 2
