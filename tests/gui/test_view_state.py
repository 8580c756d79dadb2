"""On restart the window comes back as it was left: the tab, the sidebar entry, the open
article and the list's scroll position, not only the geometry."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView

from monitor.settings import VIEW_KEY, load_view
from tests.gui.conftest import NOW
from tests.gui.helpers import add_feed, add_items, many
from ui.filters import ALL, Scope
from ui.main_window import TAB_ARTICLES, TAB_TIMELINE


def test_the_scope_tab_open_article_and_scroll_position_come_back(qtbot, make_window, gui_store):
    add_items(gui_store, add_feed(gui_store, "http://127.0.0.1:9/a.xml", "Other Wire"), many(5, "Other"), NOW)
    feed = add_feed(gui_store)
    add_items(gui_store, feed, many(300), NOW)
    window = make_window()
    window.resize(1024, 640)
    window.sidebar.select(Scope("feed", feed.id))
    model, table = window.model, window.articles.table
    while model.rowCount() < 150 and model.canFetchMore():
        model.fetchMore()
    window.articles.select_row(130)
    opened = window.articles.current_article_id()
    table.scrollTo(model.index(120, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    first = table.rowAt(0)
    assert first >= 100
    window.quit()

    again = make_window()
    again.resize(1024, 640)
    assert again.tabs.currentIndex() == TAB_ARTICLES
    assert again.sidebar.current_scope() == Scope("feed", feed.id)
    assert again.articles.current_article_id() == opened
    assert model.article_row(130).title in again.view.title.text()
    qtbot.waitUntil(lambda: again.articles.table.rowAt(0) == first)


def test_the_chosen_tab_comes_back_and_a_removed_feed_falls_back_to_everything(qtbot, make_window, gui_store):
    feed = add_feed(gui_store)
    add_items(gui_store, feed, many(3), NOW)
    window = make_window()
    window.sidebar.select(Scope("feed", feed.id))
    window.tabs.setCurrentIndex(TAB_TIMELINE)
    window.quit()
    gui_store.feeds.remove(feed.id)
    again = make_window()
    assert again.tabs.currentIndex() == TAB_TIMELINE
    assert again.sidebar.current_scope() in (None, ALL)


def test_an_unreadable_saved_view_opens_the_default_view(qtbot, make_window, gui_store):
    gui_store.settings.set(VIEW_KEY, {"tab": "two", "scope_kind": "planet"})
    assert load_view(gui_store) is None
    window = make_window()
    assert window.sidebar.current_scope() in (None, ALL)
