"""The polling engine against a real HTTP server on 127.0.0.1 and a real SQLite file.

Most tests parse in-thread (parse_processes=0) for speed; one runs a real process pool.
The clock is injected and moved by hand: no test sleeps.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import select
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from db import ArticleQuery, open_store
from monitor.pipeline import ParseLane
from monitor.poller import FeedResult, Poller
from monitor.seed import seed
from monitor.settings import DEFAULTS, save
from tests.integration.feedserver import FeedServer, redirect, respond

START = datetime(2026, 1, 20, 8, 0, tzinfo=UTC)
TARIFF = "Canada imposes 100% tariff on Chinese electric vehicles"
VISIT = "Carney meets Xi Jinping in Beijing as visit opens"
PANDAS = "Calgary Zoo says goodbye to its giant pandas"
RSS_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}


# --- helpers shared with test_cli_poll.py and test_crash_safety.py -----------------------------


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@dataclass(frozen=True)
class Entry:
    guid: str
    title: str
    link: str | None = None
    summary: str = ""
    published: datetime | None = None


def rss(*entries: Entry, title: str = "Test feed") -> bytes:
    items = []
    for e in entries:
        parts = [f"<guid isPermaLink=\"false\">{escape(e.guid)}</guid>", f"<title>{escape(e.title)}</title>"]
        if e.link:
            parts.append(f"<link>{escape(e.link)}</link>")
        if e.summary:
            parts.append(f"<description>{escape(e.summary)}</description>")
        if e.published:
            parts.append(f"<pubDate>{format_datetime(e.published, usegmt=True)}</pubDate>")
        items.append("<item>" + "".join(parts) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example.org/</link>"
        + "".join(items) + "</channel></rss>"
    ).encode()


@dataclass
class Route:
    """A feed whose answer the test changes between polls; it honours If-None-Match."""

    body: bytes = b""
    status: int = 200
    etag: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    conditional: bool = True
    gets: int = 0
    seen_if_none_match: list[str | None] = field(default_factory=list)

    def __call__(self, request, server) -> None:
        self.gets += 1
        sent = request.headers.get("If-None-Match")
        self.seen_if_none_match.append(sent)
        headers = dict(RSS_TYPE) | self.headers
        if self.etag:
            headers["ETag"] = self.etag
        if self.conditional and self.etag and sent == self.etag and self.status == 200:
            respond(b"", status=304, headers={"ETag": self.etag})(request, server)
            return
        respond(self.body, status=self.status, headers=headers)(request, server)


def fresh_db(path: Path, now: datetime = START) -> None:
    """A seeded database without the default feeds (they live on the internet)."""
    with open_store(path) as store:
        seed(store, now)
        for feed in store.feeds.list():
            store.feeds.remove(feed.id)


def add_feed(path: Path, url: str, **kwargs) -> int:
    with open_store(path) as store:
        return store.feeds.add(url, **kwargs).id


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_poller(db: Path, clock: Clock):
    pollers: list[Poller] = []

    def make(**kwargs) -> Poller:
        kwargs.setdefault("clock", clock)
        kwargs.setdefault("parse_processes", 0)
        kwargs.setdefault("fetch_workers", 4)
        poller = Poller(db, **kwargs)
        pollers.append(poller)
        return poller

    yield make
    for poller in pollers:
        poller.close()


@pytest.fixture
def poller(make_poller) -> Poller:
    return make_poller()


def feed_route(server: FeedServer, db: Path, path: str, route: Route) -> int:
    server.route(path, route)
    return add_feed(db, server.url(path))


def read(db: Path):
    return open_store(db)


def all_articles(db: Path):
    with read(db) as store:
        return store.articles.get_many(store.articles.ids(ArticleQuery(include_irrelevant=True)))


# --- storing and tagging ---------------------------------------------------------------------------


def test_new_items_are_stored_tagged_and_reported(server, db, poller):
    route = Route(rss(Entry("t", TARIFF, "https://news.example.org/t"),
                      Entry("v", VISIT, "https://news.example.org/v"),
                      Entry("p", PANDAS, "https://news.example.org/p")), etag='"1"')
    feed_id = feed_route(server, db, "/feed", route)
    results: list[FeedResult] = []

    summary = poller.poll(on_result=results.append)

    assert (summary.total, summary.ok, summary.new_items, summary.new_relevant) == (1, 1, 3, 2)
    assert summary.new_by_issue == {"tariffs": 1, "visit": 1}
    [result] = results
    assert (result.feed_id, result.status, result.http_status, result.error) == (feed_id, "ok", 200, None)
    assert len(result.new_ids) == 3
    with read(db) as store:
        by_title = {a.title: a for a in store.articles.get_many(list(result.new_ids))}
        assert [t.issue for t in store.articles.tags(by_title[TARIFF].id)] == ["tariffs"]
        assert [t.issue for t in store.articles.tags(by_title[VISIT].id)] == ["visit"]
        assert store.articles.tags(by_title[TARIFF].id)[0].matches  # the words that matched are kept
        assert not by_title[PANDAS].relevant
        assert by_title[TARIFF].first_seen == START
        feed = store.feeds.get(feed_id)
        assert (feed.last_status, feed.etag, feed.title) == ("ok", '"1"', "Test feed")


def test_the_summary_line_counts_feeds_and_new_items_per_issue(server, db, poller):
    feed_route(server, db, "/a", Route(rss(Entry("t", TARIFF), Entry("v", VISIT))))
    feed_route(server, db, "/b", Route(status=500))
    assert poller.poll().line() == (
        "2 feeds: 1 ok, 0 not modified, 1 failed; 2 new items (tariffs 1, visit 1); 2 stories grew"
    )


def test_a_304_writes_no_items_and_keeps_the_validators_byte_for_byte(server, db, poller, clock):
    etag = 'W/"abc=="'
    modified = "Mon, 19 Jan 2026 07:00:00 GMT"
    route = Route(rss(Entry("t", TARIFF)), etag=etag, headers={"Last-Modified": modified})
    feed_id = feed_route(server, db, "/feed", route)
    poller.poll()
    with read(db) as store:
        assert store.feeds.get(feed_id).last_modified == modified
    route.body = rss(Entry("t", TARIFF), Entry("new", VISIT))  # would be new, but the server says 304
    clock.advance(hours=1)
    results: list[FeedResult] = []

    summary = poller.poll(on_result=results.append)

    assert route.seen_if_none_match == [None, etag]
    assert (summary.not_modified, summary.new_items) == (1, 0)
    assert (results[0].status, results[0].http_status) == ("not_modified", 304)
    assert len(all_articles(db)) == 1
    with read(db) as store:
        feed = store.feeds.get(feed_id)
        assert (feed.etag, feed.last_modified) == (etag, modified)
        assert feed.last_status == "not_modified"
        assert feed.next_poll_at > clock.now


def test_an_identical_body_is_not_parsed_again_but_its_new_validators_are_stored(server, db, poller):
    route = Route(rss(Entry("t", TARIFF), Entry("v", VISIT)), etag='"one"', conditional=False)
    feed_id = feed_route(server, db, "/feed", route)
    poller.poll()
    with read(db) as store, store.write() as conn:  # if the body were parsed again, this would come back
        conn.execute("DELETE FROM articles WHERE title = ?", (VISIT,))
    route.etag = '"two"'

    summary = poller.poll(all_feeds=True)

    assert (summary.not_modified, summary.new_items) == (1, 0)
    assert [a.title for a in all_articles(db)] == [TARIFF]
    with read(db) as store:
        assert store.feeds.get(feed_id).etag == '"two"'


def test_a_changed_body_with_a_new_etag_is_parsed(server, db, poller):
    route = Route(rss(Entry("t", TARIFF)), etag='"one"')
    feed_route(server, db, "/feed", route)
    poller.poll()
    route.body, route.etag = rss(Entry("t", TARIFF), Entry("v", VISIT)), '"two"'
    summary = poller.poll(all_feeds=True)
    assert (summary.ok, summary.new_items, summary.new_by_issue) == (1, 1, {"visit": 1})


def test_a_changed_entry_is_updated_in_place_keeping_read_and_starred(server, db, poller):
    route = Route(rss(Entry("t", "Canola talks stall", "https://news.example.org/t", "Ottawa and Beijing")))
    feed_route(server, db, "/feed", route)
    poller.poll()
    [article] = all_articles(db)
    with read(db) as store:
        store.articles.set_read([article.id])
        store.articles.set_starred(article.id)
    route.body = rss(Entry("t", TARIFF, "https://news.example.org/t", "Ottawa and Beijing, updated"))

    summary = poller.poll(all_feeds=True)

    assert summary.new_items == 0
    [updated] = all_articles(db)
    assert (updated.id, updated.title, updated.first_seen) == (article.id, TARIFF, article.first_seen)
    with read(db) as store:
        state = store.articles.state(article.id)
        assert (state.read, state.starred) == (True, True)
        assert "tariffs" in [t.issue for t in store.articles.tags(article.id)]


def test_the_same_url_from_two_feeds_is_one_article_that_records_both(server, db, poller):
    link = "https://news.example.org/story"
    a = feed_route(server, db, "/a", Route(rss(Entry("a-1", TARIFF, link))))
    b = feed_route(server, db, "/b", Route(rss(Entry("b-9", TARIFF, link + "?utm_source=rss#top"))))

    summary = poller.poll()

    assert summary.new_items == 1
    [article] = all_articles(db)
    assert article.url == link
    with read(db) as store:
        assert sorted(store.articles.feed_urls([article.id])[article.id]) == sorted(
            [store.feeds.get(a).url, store.feeds.get(b).url]
        )


def test_an_item_dated_far_in_the_future_keeps_its_date_but_sorts_by_first_seen(server, db, poller):
    future = START + timedelta(days=300)
    feed_route(server, db, "/feed", Route(rss(Entry("t", TARIFF, published=future))))
    poller.poll()
    [article] = all_articles(db)
    assert article.published == future
    with read(db) as store:
        [row] = store.articles.rows(ArticleQuery())
        assert row.date == START


# --- HTTP outcomes --------------------------------------------------------------------------------


def test_a_chain_of_permanent_redirects_updates_the_stored_url(server, db, poller):
    server.route("/old", redirect("/mid", 301))
    server.route("/mid", redirect("/new", 308))
    server.route("/new", Route(rss(Entry("t", TARIFF))))
    feed_id = add_feed(db, server.url("/old"))
    results: list[FeedResult] = []
    poller.poll(on_result=results.append)
    with read(db) as store:
        assert store.feeds.get(feed_id).url == server.url("/new")
    assert results[0].url == server.url("/new")


def test_a_temporary_redirect_anywhere_in_the_chain_keeps_the_stored_url(server, db, poller):
    server.route("/old", redirect("/mid", 301))
    server.route("/mid", redirect("/new", 302))
    server.route("/new", Route(rss(Entry("t", TARIFF))))
    feed_id = add_feed(db, server.url("/old"))
    assert poller.poll().new_items == 1
    with read(db) as store:
        assert store.feeds.get(feed_id).url == server.url("/old")


def test_a_410_marks_the_feed_gone_keeps_its_items_and_stops_polling_it(server, db, poller, clock):
    route = Route(rss(Entry("t", TARIFF)))
    feed_id = feed_route(server, db, "/feed", route)
    poller.poll()
    route.status = 410
    results: list[FeedResult] = []
    poller.poll(all_feeds=True, on_result=results.append)
    assert results[0].status == "gone"
    assert results[0].error

    clock.advance(days=30)
    assert poller.poll().total == 0
    assert poller.poll(all_feeds=True).total == 0
    assert route.gets == 2
    assert len(all_articles(db)) == 1
    with read(db) as store:
        feed = store.feeds.get(feed_id)
        assert (feed.last_status, feed.next_poll_at) == ("gone", None)


def test_server_errors_back_off_exponentially_and_success_resets_the_backoff(server, db, poller, clock):
    route = Route(rss(Entry("t", TARIFF)), status=500)
    feed_id = feed_route(server, db, "/feed", route)

    def delay_after_poll() -> float:
        poller.poll()
        with read(db) as store:
            feed = store.feeds.get(feed_id)
        waited = (feed.next_poll_at - clock.now).total_seconds()
        clock.now = feed.next_poll_at
        return waited

    delays = [delay_after_poll() for _ in range(4)]
    for n, waited in enumerate(delays):
        assert 900 * 2**n * 0.9 <= waited <= 900 * 2**n * 1.1
    with read(db) as store:
        feed = store.feeds.get(feed_id)
        assert (feed.last_status, feed.error_count) == ("failing", 4)
        assert feed.last_error == "HTTP 500 Internal Server Error"

    route.status = 200
    assert 810 <= delay_after_poll() <= 990
    with read(db) as store:
        assert store.feeds.get(feed_id).error_count == 0
    assert route.gets == 5


def test_a_retry_after_is_remembered_by_a_new_poller(server, db, make_poller, clock):
    route = Route(rss(Entry("t", TARIFF)), status=429, headers={"Retry-After": "7200"})
    feed_id = feed_route(server, db, "/feed", route)
    make_poller().poll()
    assert route.gets == 1

    clock.advance(hours=1)
    later = make_poller()  # as after a restart
    assert later.poll().total == 0
    results: list[FeedResult] = []
    later.poll(all_feeds=True, on_result=results.append)  # even a forced poll waits
    assert results[0].status == "skipped"
    assert "wait" in results[0].error
    assert route.gets == 1

    clock.advance(hours=1, minutes=1)
    route.status = 200
    assert make_poller().poll().ok == 1
    assert route.gets == 2
    with read(db) as store:
        assert store.feeds.get(feed_id).last_status == "ok"


def test_a_max_age_pushes_the_next_poll_back(server, db, poller, clock):
    route = Route(rss(Entry("t", TARIFF)), headers={"Cache-Control": "max-age=7200"})
    feed_id = feed_route(server, db, "/feed", route)
    poller.poll()
    with read(db) as store:
        assert store.feeds.get(feed_id).next_poll_at >= clock.now + timedelta(seconds=7200)


def test_a_feed_that_fails_never_stops_the_others(server, db, poller):
    feed_route(server, db, "/error", Route(status=500))
    feed_route(server, db, "/html", Route(b"<!DOCTYPE html><html><body><p>Hello</p></body></html>",
                                          headers={"Content-Type": "text/html"}))
    feed_route(server, db, "/empty", Route(b""))
    with socket_that_refuses() as refused_url:
        add_feed(db, refused_url)
        good = feed_route(server, db, "/good", Route(rss(Entry("t", TARIFF))))
        results: list[FeedResult] = []
        summary = poller.poll(on_result=results.append)
    assert (summary.total, summary.ok, summary.failed) == (5, 1, 4)
    by_id = {r.feed_id: r for r in results}
    assert by_id[good].new_ids
    assert all(r.error for r in results if r.status == "failing")


def test_an_html_page_is_a_failure_that_keeps_the_feeds_items_and_validators(server, db, poller, clock):
    route = Route(rss(Entry("t", TARIFF)), etag='"good"')
    feed_id = feed_route(server, db, "/feed", route)
    poller.poll()
    route.body, route.etag = b"<html><head><title>Moved</title></head><body>Sorry</body></html>", '"html"'
    route.headers = {"Content-Type": "text/html"}
    results: list[FeedResult] = []
    poller.poll(all_feeds=True, on_result=results.append)
    assert results[0].status == "failing"
    assert "HTML" in results[0].error or "not a feed" in results[0].error
    with read(db) as store:
        feed = store.feeds.get(feed_id)
        assert (feed.last_status, feed.etag, feed.error_count) == ("failing", '"good"', 1)
        assert feed.last_error == results[0].error
    assert len(all_articles(db)) == 1


def test_a_failure_to_store_one_feed_is_that_feeds_error_and_the_poll_goes_on(server, db, make_poller):
    doomed = feed_route(server, db, "/doomed", Route(rss(Entry("d", TARIFF))))
    others = [feed_route(server, db, f"/f{i}", Route(rss(Entry(f"g{i}", VISIT)))) for i in range(3)]
    poller = make_poller(fetch_workers=4)
    results: list[FeedResult] = []
    removed = threading.Event()

    def remove_doomed_feed_while_it_is_in_flight(result: FeedResult) -> None:
        results.append(result)
        if not removed.is_set() and result.feed_id != doomed:
            removed.set()
            with read(db) as store:
                store.feeds.remove(doomed)

    summary = poller.poll(on_result=remove_doomed_feed_while_it_is_in_flight)

    by_id = {r.feed_id: r for r in results}
    assert summary.total == 4
    assert all(by_id[i].status == "ok" for i in others)
    if by_id[doomed].status != "ok":  # it may have been stored before the first callback ran
        assert by_id[doomed].status == "failing" and by_id[doomed].error.startswith("could not store")


def test_a_poll_with_nothing_due_fetches_nothing(server, db, poller, clock):
    route = Route(rss(Entry("t", TARIFF)))
    feed_route(server, db, "/feed", route)
    poller.poll()
    clock.advance(seconds=300)
    assert poller.poll().total == 0
    assert route.gets == 1
    assert poller.next_due_at() > clock.now


def test_a_disabled_feed_is_polled_only_when_asked_for_by_id(server, db, poller):
    route = Route(rss(Entry("t", TARIFF)))
    feed_id = feed_route(server, db, "/feed", route)
    with read(db) as store:
        store.feeds.set_enabled(feed_id, False)
    assert poller.poll(all_feeds=True).total == 0
    assert poller.poll(feed_ids=[feed_id]).ok == 1


def test_the_first_polls_of_many_feeds_come_due_spread_over_the_interval(server, db, poller, clock):
    for i in range(40):
        feed_route(server, db, f"/f{i}", Route(rss(Entry(f"e{i}", VISIT))))
    poller.poll()
    with read(db) as store:
        delays = sorted((f.next_poll_at - clock.now).total_seconds() for f in store.feeds.list())
    assert delays[0] >= 450 and delays[-1] <= 1350
    assert delays[-1] - delays[0] > 450


# --- retention ------------------------------------------------------------------------------------


def test_irrelevant_items_are_stored_hidden_and_pruned_after_the_retention(server, db, poller, clock):
    route = Route(rss(Entry("p", PANDAS, "https://news.example.org/p"), Entry("t", TARIFF)))
    feed_route(server, db, "/feed", route)
    with read(db) as store:
        save(store, replace(DEFAULTS, retention_days=5))
    poller.poll()
    with read(db) as store:
        assert [a.title for a in store.articles.get_many(store.articles.ids())] == [TARIFF]
        assert store.articles.count(ArticleQuery(include_irrelevant=True)) == 2

    clock.advance(days=6)
    poller.poll()  # the same body: nothing parsed, the old irrelevant item pruned
    assert [a.title for a in all_articles(db)] == [TARIFF]


def test_an_irrelevant_item_older_than_the_retention_is_not_stored_at_all(server, db, poller):
    old = START - timedelta(days=60)
    route = Route(rss(Entry("p", PANDAS, published=old), Entry("t", TARIFF, published=old)))
    feed_route(server, db, "/feed", route)
    summary = poller.poll()
    assert summary.new_items == 1
    assert [a.title for a in all_articles(db)] == [TARIFF]


# --- callbacks, cancellation, leases, processes ---------------------------------------------------


def test_callbacks_deliver_each_feeds_result_and_progress_on_the_polling_thread(server, db, poller):
    ids = [feed_route(server, db, f"/f{i}", Route(rss(Entry(f"e{i}", TARIFF, f"https://x.example/{i}"))))
           for i in range(5)]
    results: list[FeedResult] = []
    progress: list[tuple[int, int]] = []
    threads: set[int] = set()

    def on_result(result: FeedResult) -> None:
        threads.add(threading.get_ident())
        results.append(result)

    poller.poll(on_result=on_result, on_progress=lambda d, t: progress.append((d, t)))

    assert sorted(r.feed_id for r in results) == sorted(ids)
    assert all(len(r.new_ids) == 1 and r.new_by_issue == {"tariffs": 1} for r in results)
    assert progress == [(i, 5) for i in range(6)]
    assert threads == {threading.get_ident()}


def test_cancel_stops_handing_out_feeds_and_leaves_nothing_half_done(server, db, make_poller):
    routes = [Route(rss(Entry(f"e{i}", TARIFF, f"https://x.example/{i}"))) for i in range(20)]
    for i, route in enumerate(routes):
        feed_route(server, db, f"/f{i}", route)
    poller = make_poller(fetch_workers=1)
    cancel = threading.Event()
    results: list[FeedResult] = []

    def cancel_after_the_first(result: FeedResult) -> None:
        results.append(result)
        cancel.set()

    summary = poller.poll(on_result=cancel_after_the_first, cancel=cancel)

    assert summary.cancelled
    assert summary.line().endswith("; cancelled")
    assert 1 <= summary.total < 20
    assert sum(r.gets for r in routes) < 20
    with read(db) as store:
        feeds = store.feeds.list()
        stored = {a.feed_id for a in all_articles(db)}
        leased = store.conn.execute("SELECT count(*) FROM feeds WHERE lease_owner IS NOT NULL").fetchone()[0]
    assert leased == 0
    for feed in feeds:  # each feed was either stored whole or not touched at all
        assert (feed.last_attempt_at is not None) == (feed.id in stored)
    assert {r.feed_id for r in results} == stored


def test_cancel_ends_a_fetch_that_is_waiting_on_a_silent_server_at_once(server, db, make_poller):
    from tests.integration.feedserver import never_answer

    asked, hung_up = threading.Event(), threading.Event()
    silent = never_answer(hung_up)

    def ask_then_wait(request, srv) -> None:
        asked.set()
        silent(request, srv)

    server.route("/silent", ask_then_wait)
    add_feed(db, server.url("/silent"))
    poller = make_poller()
    cancel = threading.Event()
    outcome: list = []
    polling = threading.Thread(target=lambda: outcome.append(poller.poll(cancel=cancel)))
    polling.start()
    try:
        assert asked.wait(10), "the poller never asked"
        cancel.set()
        # Both bounds are far less than the 45 s fetch deadline a cancel must not wait for.
        polling.join(10)
        assert not polling.is_alive(), "the poll went on after it was cancelled"
        assert hung_up.wait(10), "the cancelled fetch kept waiting on the server"
    finally:
        poller.close()
    assert outcome and outcome[0].cancelled
    fetch_threads = [t for t in threading.enumerate() if "ThreadPoolExecutor" in t.name]
    for thread in fetch_threads:
        thread.join(5)
    assert not any(t.is_alive() for t in fetch_threads)


def test_a_poll_cancelled_before_it_starts_polls_nothing(server, db, poller):
    route = Route(rss(Entry("t", TARIFF)))
    feed_route(server, db, "/feed", route)
    cancel = threading.Event()
    cancel.set()
    summary = poller.poll(cancel=cancel)
    assert (summary.cancelled, summary.total, route.gets) == (True, 0, 0)


def test_a_callback_that_raises_stops_the_poll_without_leaving_leases_behind(server, db, make_poller):
    for i in range(10):
        feed_route(server, db, f"/f{i}", Route(rss(Entry(f"e{i}", TARIFF, f"https://x.example/{i}"))))

    def explode(result: FeedResult) -> None:
        raise RuntimeError("the receiver broke")

    with pytest.raises(RuntimeError, match="the receiver broke"):
        make_poller(fetch_workers=2).poll(on_result=explode)
    with read(db) as store:
        leased = store.conn.execute("SELECT count(*) FROM feeds WHERE lease_owner IS NOT NULL").fetchone()[0]
        stored = store.conn.execute(
            "SELECT count(*) FROM feeds WHERE last_success_at IS NOT NULL").fetchone()[0]
    assert leased == 0
    assert 1 <= stored < 10  # the transaction that came before the callback raised
    assert make_poller().poll().ok == 10 - stored  # the feeds stored then are not due


def test_two_pollers_on_one_database_share_the_work_without_duplicates_or_lock_errors(
    server, db, make_poller
):
    both_fetching = threading.Barrier(2, timeout=10)
    routes = []
    for i in range(30):
        route = Route(rss(Entry(f"e{i}", TARIFF, "https://x.example/shared"),
                          Entry(f"o{i}", VISIT, f"https://x.example/{i}")))
        routes.append(route)
        feed_route(server, db, f"/f{i}", route)
    first_two = threading.Semaphore(2)

    def meet_then_answer(route: Route):
        def handler(request, srv) -> None:
            if first_two.acquire(blocking=False):
                both_fetching.wait()  # proves the two pollers fetch at the same time
            route(request, srv)
        return handler

    for i, route in enumerate(routes):
        server.route(f"/f{i}", meet_then_answer(route))
    pollers = [make_poller(fetch_workers=1), make_poller(fetch_workers=1)]
    summaries, errors = [], []

    def run(p: Poller) -> None:
        try:
            summaries.append(p.poll())
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(p,)) for p in pollers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)

    assert errors == []
    assert sum(r.gets for r in routes) == 30  # each feed fetched once, by one of them
    assert sum(s.ok for s in summaries) == 30
    assert all(s.ok > 0 for s in summaries)
    assert sum(s.new_items for s in summaries) == 31
    assert_no_duplicates(db)


def test_a_lease_left_by_a_dead_poller_process_is_taken_over_at_once(server, db, poller, clock):
    feed_id = feed_route(server, db, "/feed", Route(rss(Entry("t", TARIFF))))
    dead_pid = dead_process_id()
    hold_lease(db, feed_id, f"{os.uname().nodename}:{dead_pid}:0", clock)
    assert poller.poll().ok == 1


def test_a_lease_held_by_a_live_poller_makes_the_feed_skipped(server, db, poller, clock):
    route = Route(rss(Entry("t", TARIFF)))
    feed_id = feed_route(server, db, "/feed", route)
    hold_lease(db, feed_id, f"{os.uname().nodename}:{os.getpid()}:other", clock)
    results: list[FeedResult] = []
    summary = poller.poll(on_result=results.append)
    assert (summary.skipped, results[0].status, route.gets) == (1, "skipped", 0)
    clock.advance(minutes=6)  # the lease ran out
    assert poller.poll().ok == 1


def test_feeds_are_parsed_in_a_real_process_pool(server, db, make_poller):
    for i in range(4):
        feed_route(server, db, f"/f{i}", Route(rss(Entry(f"t{i}", TARIFF, f"https://x.example/t{i}"),
                                                    Entry(f"p{i}", PANDAS, f"https://x.example/p{i}"))))
    html = Route(b"<html><body>no feed here</body></html>", headers={"Content-Type": "text/html"})
    feed_route(server, db, "/html", html)
    poller = make_poller(parse_processes=2)
    summary = poller.poll()
    assert (summary.ok, summary.failed, summary.new_items, summary.new_relevant) == (4, 1, 8, 4)
    assert summary.new_by_issue == {"tariffs": 4}


# --- helpers ---------------------------------------------------------------------------------------


def assert_no_duplicates(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute(
            "SELECT count(*) FROM (SELECT feed_id, guid FROM articles "
            "GROUP BY feed_id, guid HAVING count(*) > 1)"
        ).fetchone()[0] == 0
        assert conn.execute(
            "SELECT count(*) FROM (SELECT url FROM articles WHERE url IS NOT NULL "
            "GROUP BY url HAVING count(*) > 1)"
        ).fetchone()[0] == 0
    finally:
        conn.close()


def hold_lease(db: Path, feed_id: int, owner: str, clock: Clock) -> None:
    """Lease a feed for five minutes the way a poller does, as `owner`."""
    with read(db) as store:
        claimed, refused = store.feeds.claim([feed_id], owner, clock.now, clock.now + timedelta(minutes=5))
    assert ([f.id for f in claimed], refused) == ([feed_id], {})


def dead_process_id() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


class socket_that_refuses:
    """An address on 127.0.0.1 where nothing listens."""

    def __enter__(self) -> str:
        import socket

        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}/feed"

    def __exit__(self, *exc: object) -> None:
        self._sock.close()


def test_a_slow_host_does_not_hold_up_the_feeds_of_other_hosts(server, db, make_poller):
    other_host_served = threading.Event()
    order: list[str] = []

    def slow(request, srv) -> None:
        other_host_served.wait(10)  # bounded: a regression fails the assertion below, not the run
        order.append("slow")
        respond(rss(Entry(request.path, VISIT)), headers=RSS_TYPE)(request, srv)

    def quick(request, srv) -> None:
        order.append("quick")
        respond(rss(Entry("q", TARIFF)), headers=RSS_TYPE)(request, srv)
        other_host_served.set()

    for i in range(6):
        server.route(f"/slow{i}", slow)
        add_feed(db, server.url(f"/slow{i}"))
    server.route("/quick", quick)
    add_feed(db, server.url("/quick").replace("127.0.0.1", "localhost"))

    summary = make_poller(fetch_workers=2).poll()

    assert summary.ok == 7
    assert order[0] == "quick"


def test_a_hosts_feeds_take_the_connections_its_first_feeds_left_open(db, make_poller):
    # Many hosts of three feeds each, as a reader follows sections of many outlets, the
    # feeds added in no order of host: each host's later feeds go out on the connections
    # its first ones left open.
    with contextlib.ExitStack() as stack:
        servers = (FeedServer(keep_alive=True, address=f"127.0.0.{n}") for n in range(2, 42))
        hosts = [stack.enter_context(server) for server in servers]
        for i in range(3):
            for host in hosts:
                host.route(f"/f{i}", respond(status=304))
                add_feed(db, host.url(f"/f{i}"))

        summary = make_poller(fetch_workers=16).poll()

        assert summary.not_modified == 120
        assert [len(host.requests) for host in hosts] == [3] * 40
        assert max(len({r.client_port for r in host.requests}) for host in hosts) <= 2
        # and the poll ends holding none of them open
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(host.open_connections for host in hosts):
            time.sleep(0.02)
        assert [host.open_connections for host in hosts] == [0] * 40


def test_a_poll_of_a_few_changed_feeds_parses_them_without_starting_parser_processes(server, db, make_poller):
    for i in range(3):
        feed_route(server, db, f"/f{i}", Route(rss(Entry(f"t{i}", TARIFF, f"https://x.example/{i}"))))
    before = set(multiprocessing.active_children())

    summary = make_poller(parse_processes=2).poll()

    assert summary.ok == 3 and summary.new_items == 3
    assert set(multiprocessing.active_children()) == before


def test_a_backlog_of_feeds_to_parse_moves_parsing_to_the_parser_processes(db):
    with read(db) as store:
        rules = store.issues.rule_bodies()
    lane = ParseLane(2, local_backlog=2)
    lane.use_rules(rules)
    release = threading.Event()
    outcomes: dict[int, object] = {}
    arrived = threading.Semaphore(0)

    def done_with(n: int):
        def done(outcome) -> None:
            outcomes[n] = outcome
            if n == 0:
                release.wait(10)  # holds the local thread, so that the next feeds queue behind it
            arrived.release()
        return done

    try:
        for n in range(5):
            body = rss(Entry(f"t{n}", TARIFF, f"https://x.example/{n}"))
            lane.run(body, {"content-type": "application/rss+xml"}, f"http://127.0.0.1/f{n}", done_with(n))
        assert multiprocessing.active_children(), "no parser process started despite the backlog"
        release.set()
        for _ in range(5):
            assert arrived.acquire(timeout=60)
    finally:
        release.set()
        lane.close()
    assert sorted(outcomes) == [0, 1, 2, 3, 4]
    assert [outcomes[n].items[0].guid for n in range(5)] == [f"t{n}" for n in range(5)]


def test_parser_processes_are_forked_only_from_a_process_that_runs_one_thread():
    probe = (
        "import threading, sys\n"
        "from monitor.pipeline import start_method\n"
        "alone = start_method(True)\n"
        "threading.Thread(target=threading.Event().wait, daemon=True).start()\n"
        "print(alone, start_method(True), start_method(False))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    expected = "fork" if sys.platform == "linux" else "spawn"
    assert out.split() == [expected, "spawn", "spawn"]


def test_a_poller_with_forked_parser_processes_stores_what_the_feeds_hold(server, db, tmp_path):
    for i in range(3):
        feed_route(server, db, f"/f{i}", Route(rss(Entry(f"t{i}", TARIFF, f"https://x.example/{i}"))))
    script = tmp_path / "forked.py"
    script.write_text(
        "import sys\nfrom pathlib import Path\nfrom monitor.poller import Poller\n"
        "if __name__ == '__main__':\n"
        "    with Poller(Path(sys.argv[1]), parse_processes=2, fork_parsers=True) as poller:\n"
        "        poller.prepare()\n"
        "        print(poller.poll().line())\n"
    )
    out = subprocess.run([sys.executable, "-W", "error", str(script), str(db)], capture_output=True,
                         text=True, timeout=120, check=True).stdout
    assert "3 ok" in out and "3 new items" in out
    assert sorted(a.title for a in all_articles(db)) == [TARIFF] * 3


WORKERS_THEN_DIE = """
import multiprocessing, os, signal, sys
from pathlib import Path
from monitor.poller import Poller

if __name__ == "__main__":
    if sys.argv[2] == "fork":
        poller = Poller(Path(sys.argv[1]), parse_processes=2, fork_parsers=True)
        poller.prepare()
    else:
        poller = Poller(Path(sys.argv[1]), parse_processes=2, local_parse_backlog=0)
    poller.poll()
    print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="needs pidfd_open to wait for a non-child")
@pytest.mark.parametrize("started", ["spawn", "fork"])
def test_parser_processes_do_not_outlive_a_poller_that_was_killed(server, db, tmp_path, started):
    for i in range(3):
        feed_route(server, db, f"/f{i}", Route(rss(Entry(f"t{i}", TARIFF, f"https://x.example/{i}"))))
    script = tmp_path / "die.py"
    script.write_text(WORKERS_THEN_DIE)
    child = subprocess.Popen([sys.executable, str(script), str(db), started], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL)
    with child.stdout:
        workers = [int(pid) for pid in child.stdout.readline().split()]
    assert child.wait(timeout=60) == -9
    assert workers
    handles = {}
    for pid in workers:
        with contextlib.suppress(ProcessLookupError):  # gone already
            handles[pid] = os.pidfd_open(pid)
    try:
        for pid, handle in handles.items():
            readable, _, _ = select.select([handle], [], [], 30)  # readable once the process exits
            assert readable, f"parser process {pid} outlived its poller"
    finally:
        for handle in handles.values():
            with contextlib.suppress(ProcessLookupError):
                signal.pidfd_send_signal(handle, signal.SIGKILL)  # never leave one behind
            os.close(handle)
