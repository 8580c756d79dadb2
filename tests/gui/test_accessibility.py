"""Usable with a screen reader and a keyboard: every control has a name, the views have a
description, context menus open from the keyboard, focus shows, and the window has its icon."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAccessible, QContextMenuEvent, QImage
from PySide6.QtWidgets import QApplication, QMenu

from tests.gui.conftest import NOW, OFFSCREEN_NOISE
from tests.gui.helpers import add_feed, add_items, tag
from ui.accessibility import exposed_name, unnamed
from ui.app import style_sheet

DIALOGS = ("open_feeds", "open_rules", "open_settings", "open_export")


@pytest.fixture
def stocked(gui_store):
    feed = add_feed(gui_store)
    title = "Canada and China agree on canola tariffs"
    add_items(gui_store, feed, [(title, "<p>Ottawa, Beijing.</p>", [tag("tariffs", title, "tariffs")])], NOW)
    return gui_store


def describe(widgets) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r} in {type(w.parentWidget()).__name__}" for w in widgets]


def test_every_focusable_control_of_the_main_window_has_a_name(make_window, stocked):
    window = make_window()

    assert describe(unnamed(window)) == []


@pytest.mark.parametrize("opener", DIALOGS)
def test_every_focusable_control_of_each_dialog_has_a_name(make_window, stocked, opener):
    window = make_window()
    dialog = getattr(window, opener)()
    try:
        assert describe(unnamed(dialog)) == []
    finally:
        dialog.reject()


def test_the_shortcuts_window_names_its_table(make_window):
    window = make_window()
    window.keyboard.shortcuts.trigger()
    dialog = window.keyboard.dialog
    try:
        assert describe(unnamed(dialog)) == []
        assert exposed_name(dialog.table) == "Keyboard shortcuts"
    finally:
        dialog.reject()


def test_the_views_and_icon_only_buttons_say_what_they_are(make_window, stocked):
    window = make_window()
    expected = {
        window.sidebar: "Sidebar",
        window.articles.table: "Articles",
        window.articles.search: "Search articles",
        window.view.body: "Article",
        window.developments.tree: "Stories",
        window.baseline.tree: "Baseline facts",
        window.poll_status.cancel: "Stop polling",
    }
    for widget, name in expected.items():
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface.text(QAccessible.Text.Name) == name
        assert interface.text(QAccessible.Text.Description), name


# An offscreen popup can neither raise itself nor grab the keyboard, and says so.
@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, r"This plugin does not support (raise\(\)|grabbing the keyboard)")
@pytest.mark.parametrize("view", ["sidebar", "articles", "stories"])
def test_a_context_menu_opens_from_the_keyboard(qtbot, make_window, stocked, view):
    window = make_window()
    widget = {
        "sidebar": lambda: window.sidebar,
        "articles": lambda: window.articles.table,
        "stories": lambda: window.developments.tree,
    }[view]()
    window.tabs.setCurrentIndex(0 if view == "stories" else 1)
    widget.setFocus()
    widget.setCurrentIndex(widget.model().index(0, 0))
    opened: list[list[str]] = []

    def close_menu() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            opened.append([a.text() for a in menu.actions() if a.text()])
            menu.close()

    QTimer.singleShot(0, close_menu)
    # What the window makes of the Menu key or Shift+F10 on the focused view.
    at = widget.visualRect(widget.currentIndex()).center()
    request = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, at, widget.mapToGlobal(at), Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, request)
    qtbot.waitUntil(lambda: bool(opened), timeout=5_000)
    assert opened[0]


def grab(widget) -> QImage:
    return widget.grab().toImage()


@pytest.mark.parametrize("view", ["sidebar", "articles"])
def test_a_borderless_view_shows_when_it_holds_the_focus(qtbot, make_window, qapp, stocked, view):
    previous = qapp.styleSheet()
    qapp.setStyleSheet(style_sheet())
    try:
        window = make_window()
        window.tabs.setCurrentIndex(1)
        widget = window.sidebar if view == "sidebar" else window.articles.table
        window.articles.search.setFocus()
        qtbot.waitUntil(lambda: not widget.hasFocus())
        without = grab(widget)
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        with_focus = grab(widget)
        width, height = without.width(), without.height()
        ring = [QPoint(x, y) for x in range(0, width, 5) for y in (0, height - 1)]
        ring += [QPoint(x, y) for y in range(0, height, 5) for x in (0, width - 1)]
        changed = [p for p in ring if without.pixel(p) != with_focus.pixel(p)]
        assert len(changed) > len(ring) // 3  # a frame, not a row's highlight
    finally:
        qapp.setStyleSheet(previous)


def test_the_window_carries_the_app_icon_at_any_size(make_window):
    window = make_window()
    icon = window.windowIcon()

    assert not icon.isNull()
    assert not icon.pixmap(512, 512).isNull() and icon.pixmap(512, 512).width() == 512


def tab_chain(window) -> list:
    """The widgets Tab visits from the window's start, as Qt's focus chain orders them."""
    chain, widget = [], window.nextInFocusChain()
    while widget is not window and len(chain) < 500:
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def test_tab_goes_through_the_articles_tab_in_reading_order(make_window, stocked):
    window = make_window()
    window.tabs.setCurrentIndex(1)
    panel = window.articles

    assert tab_chain(window) == [
        window.sidebar, window.tabs, window.tabs.tabBar(), panel.search, panel.dates, panel.show_all_button,
        panel.table, window.view.body, window.view.facts,
    ]


def test_tab_goes_through_the_developments_tab_in_reading_order(make_window, stocked):
    window = make_window()
    window.tabs.setCurrentIndex(0)
    panel = window.developments

    assert tab_chain(window) == [
        window.sidebar, window.tabs, window.tabs.tabBar(), panel.period, panel.tree, panel.view.body,
        panel.view.facts,
    ]


def test_every_command_is_in_a_menu_has_a_key_or_sits_in_a_keyboard_context_menu(make_window):
    from PySide6.QtGui import QAction

    window = make_window()
    in_menus: set = set()

    def collect(menu) -> None:
        for action in menu.actions():
            in_menus.add(action)
            if action.menu() is not None:
                collect(action.menu())

    collect(window.menuBar())
    stranded = [
        action.text() for action in window.findChildren(QAction)
        if action.text() and action not in in_menus and not action.shortcuts()
        and not any(w.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
                    and w.focusPolicy() != Qt.FocusPolicy.NoFocus for w in action.associatedObjects())
    ]
    assert stranded == []
