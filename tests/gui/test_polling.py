"""Polling off the GUI thread, against feeds on a local HTTP server."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import time
from email.utils import format_datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db import ArticleQuery
from monitor.settings import DEFAULTS, DailyDigestSettings, save
from tests.gui.conftest import NOW, settle
from tests.gui.helpers import add_feed, add_items, many
from ui.filters import Scope
from ui.models.articles import COL_TITLE

HEADLINES = [
    (
        "China cuts tariffs on Canadian canola as Carney visits Beijing",
        "Beijing lowered its anti-dumping duties on Canadian canola seed during the prime minister's visit.",
    ),
    (
        "Canada and China sign agreement after Carney meets Xi Jinping",
        "Prime Minister Mark Carney met Chinese President Xi Jinping in Beijing on Friday.",
    ),
    (
        "Ottawa protests Chinese foreign interference in Canadian elections",
        "Canada summoned China's ambassador over interference in the federal election.",
    ),
]


def rss(items, prefix: str = "") -> bytes:
    entries = "".join(
        f"<item><title>{prefix}{title}</title><link>https://news.example/{prefix}{n}</link>"
        f"<guid>{prefix}{n}</guid><description>{summary}</description>"
        f"<pubDate>{format_datetime(NOW)}</pubDate></item>"
        for n, (title, summary) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local wire</title>'
        f"<link>https://news.example/</link>{entries}</channel></rss>"
    ).encode()


@pytest.fixture
def poller_factory(clock):
    from monitor.poller import Poller

    return lambda path: Poller(path, parse_processes=0, fetch_workers=4, clock=clock)


def serve_feed(httpserver, path: str, body: bytes) -> str:
    httpserver.expect_request(path).respond_with_data(body, content_type="application/rss+xml")
    return httpserver.url_for(path)


def test_the_poll_controller_reports_each_feed_progress_and_a_summary(
    qtbot, gui_store, poller_factory, httpserver
):
    from ui.poll_worker import BackgroundPoller

    gui_store.feeds.add(serve_feed(httpserver, "/a.xml", rss(HEADLINES)))
    controller = BackgroundPoller(gui_store.path, poller_factory)
    polled, progress = [], []
    controller.feed_polled.connect(polled.append)
    controller.poll_progressed.connect(lambda done, total: progress.append((done, total)))
    try:
        with qtbot.waitSignal(controller.poll_finished, timeout=20_000) as finished:
            assert controller.poll_now(all_feeds=True)
            assert not controller.poll_now()  # one poll at a time
    finally:
        assert controller.shutdown()
    summary = finished.args[0]
    assert summary.total == 1 and summary.new_items == 3
    assert [r.status for r in polled] == ["ok"] and len(polled[0].new_ids) == 3
    assert progress[-1] == (1, 1)


def test_the_progress_of_a_poll_of_many_feeds_is_passed_on_a_few_times_a_second_and_ends_on_the_count(
    qtbot, gui_store, poller_factory, httpserver
):
    import time

    from ui.poll_worker import PROGRESS_EVERY_MS, BackgroundPoller

    feeds = 120
    for n in range(feeds):
        gui_store.feeds.add(serve_feed(httpserver, f"/{n}.xml", rss([])))
    controller = BackgroundPoller(gui_store.path, poller_factory)
    progress = []
    controller.poll_progressed.connect(lambda done, total: progress.append((done, total)))
    try:
        started = time.monotonic()
        with qtbot.waitSignal(controller.poll_finished, timeout=60_000):
            assert controller.poll_now(all_feeds=True)
        took_ms = (time.monotonic() - started) * 1000
    finally:
        assert controller.shutdown()
    assert progress[-1] == (feeds, feeds)  # the bar ends full
    # the poller counts every feed; the bar (which repaints at each value) moves at most once a
    # period (Qt's coarse timers may fire up to 5 % early)
    assert len(progress) <= took_ms / (0.95 * PROGRESS_EVERY_MS) + 2
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)


def test_the_apps_own_poller_polls_in_a_process_of_its_own(qtbot, gui_store, httpserver):
    from ui.poll_worker import BackgroundPoller, default_poller_factory

    gui_store.feeds.add(serve_feed(httpserver, "/a.xml", rss(HEADLINES)))
    controller = BackgroundPoller(gui_store.path, default_poller_factory)
    polled = []
    controller.feed_polled.connect(polled.append)
    try:
        with qtbot.waitSignal(controller.poll_finished, timeout=60_000) as finished:
            assert controller.poll_now(all_feeds=True)
        child = controller._worker._poller._process.pid
        assert child != os.getpid()
    finally:
        assert controller.shutdown()
    assert not os.path.exists(f"/proc/{child}")  # closed with the controller: the process has left
    assert finished.args[0].new_items == 3
    assert [r.status for r in polled] == ["ok"]
    assert {a.title for a in gui_store.articles.get_many(gui_store.articles.ids(ArticleQuery()))} >= {
        HEADLINES[0][0]}


def test_f5_polls_and_new_items_appear_in_the_list(qtbot, make_window, gui_store, poller_factory, httpserver):
    add_feed(gui_store, serve_feed(httpserver, "/wire.xml", rss(HEADLINES)), title="Local wire")
    window = make_window(poller_factory=poller_factory)
    window.articles.table.setFocus()
    with qtbot.waitSignal(window.polling.poll_done, timeout=20_000):
        qtbot.keyClick(window.articles.table, Qt.Key.Key_F5)
    titles = {window.model.index(r, COL_TITLE).data() for r in range(window.model.rowCount())}
    assert HEADLINES[0][0] in titles
    assert "3 new items" in window.poll_status.label.text()
    settle(qtbot, window)


def test_new_items_keep_the_selected_item_and_the_scroll_position(
    qtbot, make_window, gui_store, poller_factory, httpserver
):
    feed = add_feed(
        gui_store, serve_feed(httpserver, "/wire.xml", rss(HEADLINES, "new-")), title="Local wire"
    )
    ids = add_items(gui_store, feed, many(300), NOW.replace(hour=1))
    window = make_window(poller_factory=poller_factory)
    table = window.articles.table
    while window.model.rowCount() < 300 and window.model.canFetchMore():
        window.model.fetchMore()
    window.articles.select_row(150)
    chosen = window.articles.current_article_id()
    table.verticalScrollBar().setValue(2000)
    scroll = table.verticalScrollBar().value()
    assert chosen == ids[150] and scroll > 0
    with qtbot.waitSignal(window.polling.items_changed, timeout=20_000):
        window.polling.poller.poll_now(all_feeds=True)
    assert window.model.index(0, COL_TITLE).data().startswith("new-")
    assert window.articles.current_article_id() == chosen
    assert table.verticalScrollBar().value() == scroll
    assert window.view.detail is not None and window.view.detail.article.id == chosen


def test_an_unreachable_feed_shows_as_failing_in_the_sidebar_without_a_dialog(
    qtbot, make_window, gui_store, poller_factory
):
    feed = add_feed(gui_store, "http://127.0.0.1:1/nothing.xml", title="Dead feed")
    window = make_window(poller_factory=poller_factory)
    with qtbot.waitSignal(window.polling.poll_done, timeout=30_000):
        window.polling.poller.poll_now(all_feeds=True)
    tooltip = window.sidebar.sidebar_model.itemFromIndex(
        window.sidebar.index_of(Scope("feed", feed.id))
    ).toolTip()
    assert "State: failing" in tooltip and "Last error:" in tooltip
    assert "1 failed" in window.poll_status.label.text()  # said in the status bar, not in a box
    assert QApplication.activeModalWidget() is None
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]


def test_first_start_polls_in_the_background_and_counts_new_items(
    qtbot, make_window, gui_store, poller_factory, httpserver
):
    add_feed(gui_store, serve_feed(httpserver, "/wire.xml", rss(HEADLINES)))
    window = make_window(poller_factory=poller_factory, poll_on_start=True)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=20_000)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.sidebar.sidebar_model.count_text(Scope()) == "3", timeout=10_000)


def test_closing_the_window_mid_poll_cancels_and_joins_the_poll_thread(
    qtbot, make_window, gui_store, poller_factory, httpserver
):
    for n in range(30):
        gui_store.feeds.add(serve_feed(httpserver, f"/f{n}.xml", rss(HEADLINES, f"f{n}-")))
    window = make_window(poller_factory=poller_factory)
    with qtbot.waitSignal(window.polling.poller.feed_polled, timeout=20_000):
        window.polling.poller.poll_now(all_feeds=True)
    window.quit()
    assert not window.isVisible()
    assert window.polling.poller._thread.isFinished()
    assert gui_store.integrity_check() == "ok"


def test_the_daily_digest_is_written_after_a_background_poll(
    qtbot, make_window, gui_store, poller_factory, httpserver, tmp_path
):
    add_feed(gui_store, serve_feed(httpserver, "/wire.xml", rss(HEADLINES)))
    folder = tmp_path / "daily"
    daily = DailyDigestSettings(enabled=True, formats=("html", "pdf"), folder=folder, at=time(0, 0))
    save(gui_store, replace(DEFAULTS, daily=daily))
    window = make_window(poller_factory=poller_factory)
    with qtbot.waitSignal(window.polling.poll_done, timeout=30_000):
        window.polling.poller.poll_now(all_feeds=True)
    settle(qtbot, window)
    assert sorted(p.suffix for p in folder.iterdir()) == [".html", ".pdf"]


def test_a_full_disk_during_a_background_poll_is_one_line_and_the_next_poll_runs(
    qtbot, gui_store, clock, httpserver
):
    from db import open_store
    from monitor.poller import Poller
    from ui.poll_worker import BackgroundPoller

    def full_disk(path):  # SQLite's page cap on the poller's own connection: "database or disk is full"
        store = open_store(path)
        store.conn.execute(f"PRAGMA max_page_count = {store.conn.execute('PRAGMA page_count').fetchone()[0]}")
        return store

    long_items = [(title, summary * 100) for title, summary in HEADLINES]  # more than the free pages
    gui_store.feeds.add(serve_feed(httpserver, "/a.xml", rss(long_items)))
    controller = BackgroundPoller(
        gui_store.path,
        lambda path: Poller(path, parse_processes=0, fetch_workers=4, clock=clock, open_db=full_disk),
    )
    try:
        for _ in range(2):  # the poll thread lives on: the second poll runs and fails the same way
            with qtbot.waitSignal(controller.poll_failed, timeout=20_000) as failed:
                assert controller.poll_now(all_feeds=True)
            assert failed.args[0].startswith("polling failed: the disk is full: ")
            assert "\n" not in failed.args[0]
    finally:
        assert controller.shutdown()
    assert gui_store.feeds.list()[0].last_attempt_at is None  # not marked polled: the next poll takes it
