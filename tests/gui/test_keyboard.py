"""Reading from the keyboard: n / p through unread items, Space through an article then on,
F6 between the panes, the shortcuts window built from the actions, the version in About."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from monitor import __version__
from tests.gui.conftest import NOW
from tests.gui.helpers import add_feed, add_items, many
from ui.main_window import TAB_ARTICLES, TAB_DEVELOPMENTS


def key(qtbot, widget, sequence: str) -> None:
    combo = QKeySequence(sequence)[0]
    QTest.keyClick(widget, combo.key(), combo.keyboardModifiers())


def titles_at(window, rows):
    return [window.model.article_row(r).title for r in rows]


def unread_window(qtbot, make_window, gui_store, count: int = 6):
    feed = add_feed(gui_store)
    ids = add_items(gui_store, feed, many(count), NOW)
    gui_store.articles.set_read([ids[1], ids[2]], True, NOW)  # rows 1 and 2 were read before
    window = make_window()
    window.tabs.setCurrentIndex(TAB_ARTICLES)
    window.articles.table.setFocus()
    return window


def current_row(window) -> int:
    return window.articles.table.currentIndex().row()


def test_n_skips_read_items_and_p_goes_back_to_the_previous_unread(qtbot, make_window, gui_store):
    window = unread_window(qtbot, make_window, gui_store)
    table = window.articles.table
    assert current_row(window) == 0  # opened, so read now
    key(qtbot, table, "N")
    assert current_row(window) == 3  # 1 and 2 were read
    key(qtbot, table, "N")
    assert current_row(window) == 4
    gui_store.articles.set_read([window.model.article_id(2)], False, NOW)
    window.model.update_row(window.model.article_id(2), read=False)
    key(qtbot, table, "P")
    assert current_row(window) == 2  # 3 was read on the way
    key(qtbot, table, "P")
    assert current_row(window) == 2 and "No more unread" in window.statusBar().currentMessage()


def test_n_from_another_tab_opens_the_first_unread_item_in_articles(qtbot, make_window, gui_store):
    window = unread_window(qtbot, make_window, gui_store)
    window.tabs.setCurrentIndex(TAB_DEVELOPMENTS)
    window.keyboard.next_unread.trigger()
    assert window.tabs.currentIndex() == TAB_ARTICLES and current_row(window) == 3


def test_space_pages_a_long_article_then_goes_to_the_next_unread(qtbot, make_window, gui_store):
    feed = add_feed(gui_store)
    long_text = "<p>" + "Canada and China talk at length. " * 40 + "</p>"
    items = [("Long Canada China item", long_text * 30, ()), ("Short one", "<p>x</p>", ())]
    add_items(gui_store, feed, items, NOW)
    window = make_window()
    window.resize(1024, 640)
    window.tabs.setCurrentIndex(TAB_ARTICLES)
    window.articles.select_row(0)
    bar = window.view.body.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    window.articles.table.setFocus()
    key(qtbot, window.articles.table, "Space")
    assert bar.value() > 0 and current_row(window) == 0
    bar.setValue(bar.maximum())
    key(qtbot, window.articles.table, "Space")
    assert current_row(window) == 1


def test_f6_cycles_the_focus_sidebar_list_article(qtbot, make_window, gui_store):
    window = unread_window(qtbot, make_window, gui_store)
    window.sidebar.setFocus()
    qtbot.waitUntil(lambda: window.sidebar.hasFocus())
    order = []
    for _ in range(3):
        key(qtbot, QApplication.focusWidget(), "F6")
        order.append(QApplication.focusWidget())
    assert order == [window.articles.table, window.view.body, window.sidebar]
    key(qtbot, QApplication.focusWidget(), "Shift+F6")
    assert QApplication.focusWidget() is window.view.body


def test_the_shortcuts_window_lists_every_action_with_a_key(qtbot, make_window):
    window = make_window()
    window.keyboard.shortcuts.trigger()
    dialog = window.keyboard.dialog
    table = dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Next unread"] == "N" and rows["Poll now"] == "F5" and rows["Find"] == "Ctrl+F"
    assert rows["Focus the next pane"] == "F6" and rows["Page down, then next unread"] == "Space"
    assert rows["Keyboard shortcuts"] == "F1"
    window.actions.poll_now.setShortcut("F9")  # built from the actions, not a list kept by hand
    dialog.reject()
    window.keyboard.shortcuts.trigger()
    table = window.keyboard.dialog.table
    assert "F9" in [table.item(r, 1).text() for r in range(table.rowCount())]
    window.keyboard.dialog.reject()


def test_help_about_names_the_version(qtbot, make_window):
    window = make_window()
    seen = []

    def read_and_close() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    window.actions.about.trigger()
    assert seen and __version__ in seen[0]
