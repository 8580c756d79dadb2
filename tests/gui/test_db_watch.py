"""The window follows what other processes write to the database (the CLI, `poll --watch`),
without the user doing anything."""

from __future__ import annotations

import pytest

from db import open_store
from tests.gui.conftest import NOW, settle
from tests.gui.helpers import add_feed, add_items
from tests.gui.test_polling import HEADLINES, rss, serve_feed
from ui.controllers.db_watch import CHECK_INTERVAL_MS
from ui.filters import Scope
from ui.main_window import TAB_ARTICLES
from ui.models.articles import COL_TITLE

WAIT_MS = CHECK_INTERVAL_MS * 4
TITLE = "Canada and China resume canola talks"


@pytest.fixture
def other(db_path):
    """Another process's connection to the same file."""
    store = open_store(db_path)
    yield store
    store.close()


@pytest.fixture
def poller_factory(clock):
    from monitor.poller import Poller

    return lambda path: Poller(path, parse_processes=0, fetch_workers=2, clock=clock)


def titles(window) -> list[str]:
    return [window.model.index(r, COL_TITLE).data() for r in range(window.model.rowCount())]


def feed_health(window, feed_id: int):
    from PySide6.QtCore import Qt

    index = window.sidebar.index_of(Scope("feed", feed_id))
    return index.data(Qt.ItemDataRole.AccessibleDescriptionRole) if index.isValid() else None


def test_a_feed_and_an_item_added_elsewhere_appear_in_the_sidebar_and_the_list(qtbot, make_window, other):
    window = make_window()
    window.tabs.setCurrentIndex(TAB_ARTICLES)
    feed = add_feed(other, title="Wire from the CLI")
    add_items(other, feed, [(TITLE, "<p>Canada China canola.</p>", ())], NOW)
    qtbot.waitUntil(lambda: window.sidebar.index_of(Scope("feed", feed.id)).isValid(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: TITLE in titles(window), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.counts.latest.unread == 1, timeout=WAIT_MS)
    settle(qtbot, window)


def test_a_feed_disabled_elsewhere_shows_disabled_without_losing_the_selection(
    qtbot, make_window, gui_store, other
):
    feed = add_feed(gui_store)
    window = make_window()
    window.sidebar.select(Scope("issue", "visit"))
    other.feeds.set_enabled(feed.id, False)
    qtbot.waitUntil(lambda: feed_health(window, feed.id) == "disabled", timeout=WAIT_MS)
    assert window.sidebar.current_scope() == Scope("issue", "visit")
    settle(qtbot, window)


def test_an_open_feeds_dialog_lists_a_feed_added_elsewhere(qtbot, make_window, other):
    window = make_window()
    dialog = window.open_feeds()
    feed = add_feed(other, title="Wire from the CLI")
    qtbot.waitUntil(lambda: dialog.select_feed(feed.id), timeout=WAIT_MS)
    dialog.reject()
    settle(qtbot, window)


def test_a_feed_added_in_the_dialog_shows_its_successful_poll(
    qtbot, make_window, poller_factory, httpserver
):
    window = make_window(poller_factory=poller_factory)
    dialog = window.open_feeds()
    dialog.address.setText(serve_feed(httpserver, "/wire.xml", rss(HEADLINES)))
    with qtbot.waitSignal(window.polling.poll_done, timeout=20_000):
        dialog.add_from_address()
        qtbot.waitUntil(lambda: dialog.selected_id() is not None, timeout=10_000)
        dialog.poll_button.click()
    row = dialog.table.currentRow()
    qtbot.waitUntil(lambda: dialog.table.item(row, 3).text() != "never", timeout=WAIT_MS)
    dialog.reject()
    settle(qtbot, window)
