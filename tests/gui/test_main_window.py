"""The main window driven as a user drives it: sidebar, list, shortcuts, context menu, search."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import NOW, settle
from tests.gui.helpers import add_feed, add_items, tag
from ui.filters import ALL, STARRED, Scope
from ui.main_window import TAB_ARTICLES, TAB_BASELINE, TAB_DEVELOPMENTS
from ui.models.articles import COL_TITLE

TITLES = [
    "Canada and China agree to cut canola tariffs",
    "Carney lands in Beijing for state visit",
    "Report on Canada China election interference",
    "Canada China human rights dialogue resumes",
]


def fill(store):
    feed = add_feed(store)
    items = [
        (
            TITLES[0],
            "<p>Beijing will lower tariffs on canola seed.</p>",
            [tag("tariffs", TITLES[0], "tariffs")],
        ),
        (TITLES[1], "<p>The prime minister meets Xi.</p>", [tag("visit", TITLES[1], "visit")]),
        (TITLES[2], "<p>An inquiry reports.</p>", [tag("election_interference", TITLES[2], "interference")]),
        (TITLES[3], "<p>Talks resume in Ottawa.</p>", [tag("human_rights", TITLES[3], "human rights")]),
    ]
    return feed, add_items(store, feed, items, NOW)


def titles(window) -> list[str]:
    model = window.model
    return [model.index(r, COL_TITLE).data().lstrip("★ ") for r in range(model.rowCount())]


def click_row(qtbot, window, row: int) -> None:
    table = window.articles.table
    rect = table.visualRect(window.model.index(row, COL_TITLE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def key(qtbot, window, sequence: str) -> None:
    """Press a shortcut the way a user does, on the focused list."""
    from PySide6.QtGui import QKeySequence

    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(window.articles.table, combo.key(), combo.keyboardModifiers())


def test_first_run_shows_what_the_app_is_doing_and_the_tracked_issues_at_once(make_window, gui_store):
    window = make_window()
    assert window.tabs.currentIndex() == TAB_DEVELOPMENTS
    model = window.sidebar.sidebar_model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    issues = [i.name for i in gui_store.issues.list()]
    assert names[0] == "All Canada–China" and names[1 : 1 + len(issues)] == issues
    assert window.baseline.tree.topLevelItemCount() >= len(issues)


def test_the_list_shows_stored_items_and_the_sidebar_counts_them(qtbot, make_window, gui_store):
    fill(gui_store)
    window = make_window()
    assert window.tabs.currentIndex() == TAB_DEVELOPMENTS  # what moved comes first
    assert titles(window) == TITLES
    model = window.sidebar.sidebar_model
    assert model.count_text(ALL) == "4"
    assert model.count_text(Scope("issue", "tariffs")) == "1"


def test_choosing_an_issue_in_the_sidebar_filters_the_list(qtbot, make_window, gui_store):
    fill(gui_store)
    window = make_window()
    index = window.sidebar.index_of(Scope("issue", "visit"))
    rect = window.sidebar.visualRect(index)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert titles(window) == [TITLES[1]]


def test_selecting_an_item_opens_it_and_marks_it_read(qtbot, make_window, gui_store):
    _feed, ids = fill(gui_store)
    window = make_window()
    click_row(qtbot, window, 0)
    assert window.view.detail is not None and window.view.detail.article.id == ids[0]
    assert gui_store.articles.state(ids[0]).read
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.sidebar.sidebar_model.count_text(ALL) == "3")


def test_j_and_k_move_to_the_next_and_previous_item(qtbot, make_window, gui_store):
    _feed, ids = fill(gui_store)
    window = make_window()
    click_row(qtbot, window, 0)
    for _ in range(3):
        key(qtbot, window, "J")
    assert window.articles.current_article_id() == ids[3]
    key(qtbot, window, "K")
    assert window.articles.current_article_id() == ids[2]
    assert gui_store.articles.state(ids[2]).read


def test_mark_unread_star_and_open_in_browser_act_on_the_current_item(qtbot, make_window, gui_store, opened):
    _feed, ids = fill(gui_store)
    window = make_window()
    click_row(qtbot, window, 0)
    key(qtbot, window, "U")
    assert not gui_store.articles.state(ids[0]).read
    key(qtbot, window, "S")
    assert gui_store.articles.state(ids[0]).starred
    assert window.model.index(0, COL_TITLE).data().startswith("★")
    key(qtbot, window, "O")
    assert [u.toString() for u in opened] == [gui_store.articles.get(ids[0]).url]
    window.sidebar.select(STARRED)
    assert titles(window) == [TITLES[0]]


def test_mark_all_read_marks_every_item_in_the_current_list(qtbot, make_window, gui_store):
    _feed, ids = fill(gui_store)
    window = make_window()
    window.sidebar.select(Scope("issue", "tariffs"))
    window.articles.table.setFocus()
    key(qtbot, window, "Ctrl+Shift+R")
    assert gui_store.articles.state(ids[0]).read
    assert not gui_store.articles.state(ids[1]).read


def test_adding_and_removing_a_tag_from_the_context_menu_corrects_the_item(qtbot, make_window, gui_store):
    _feed, ids = fill(gui_store)
    window = make_window()
    click_row(qtbot, window, 1)
    assert window.actions.add_tag_menu.menuAction() in window.articles.table.actions()
    add = next(a for a in window.actions.add_tag_menu.actions() if a.data() == "tariffs")
    add.trigger()
    assert "tariffs" in [t.issue for t in gui_store.articles.tags(ids[1])]
    remove = next(a for a in window.actions.remove_tag_menu.actions() if a.data() == "visit")
    remove.trigger()
    assert [t.issue for t in gui_store.articles.tags(ids[1])] == ["tariffs"]
    assert window.model.article_row(1).issues == ("tariffs",)


def test_ctrl_f_focuses_the_search_box_and_a_search_fills_the_list(qtbot, make_window, gui_store):
    fill(gui_store)
    window = make_window()
    window.articles.table.setFocus()
    key(qtbot, window, "Ctrl+F")
    assert QApplication.focusWidget() is window.articles.search
    qtbot.keyClicks(window.articles.search, "canola OR Xi")
    qtbot.keyClick(window.articles.search, Qt.Key.Key_Return)
    assert titles(window) == [TITLES[0], TITLES[1]]
    window.articles.select_row(0)
    assert "canola" in window.view.highlighted_text()


def test_a_search_fts5_cannot_read_says_so_in_one_line_instead_of_failing(qtbot, make_window, gui_store):
    fill(gui_store)
    window = make_window()
    window.tabs.setCurrentIndex(TAB_ARTICLES)
    qtbot.keyClicks(window.articles.search, "(canola OR")
    qtbot.keyClick(window.articles.search, Qt.Key.Key_Return)
    assert window.articles.message.isVisible()
    assert "cannot search" in window.articles.message.text()
    window.articles.search.clear()
    qtbot.keyClicks(window.articles.search, "NOT canola")
    qtbot.keyClick(window.articles.search, Qt.Key.Key_Return)
    assert not window.articles.message.isVisible()
    assert titles(window) and not any("canola" in t.lower() for t in titles(window))
    window.articles.search.clear()
    qtbot.keyClick(window.articles.search, Qt.Key.Key_Return)
    assert not window.articles.message.isVisible()
    assert len(titles(window)) == 4


def test_a_saved_search_appears_in_the_sidebar_with_its_unread_count(qtbot, make_window, gui_store):
    fill(gui_store)
    window = make_window()
    qtbot.keyClicks(window.articles.search, "canola")
    qtbot.keyClick(window.articles.search, Qt.Key.Key_Return)
    window.save_search("Canola watch", window.articles.search_text())
    saved = gui_store.searches.list()
    assert [s.name for s in saved] == ["Canola watch"]
    settle(qtbot, window)
    assert window.sidebar.sidebar_model.count_text(Scope("search", saved[0].id)) == "1"
    window.articles.search.clear()
    window.sidebar.select(ALL)
    window.sidebar.select(Scope("search", saved[0].id))
    assert titles(window) == [TITLES[0]]


def test_the_date_range_limits_the_list(qtbot, make_window, gui_store):
    feed = add_feed(gui_store)
    add_items(gui_store, feed, [("Canada China recent", "", ())], NOW)
    from datetime import timedelta

    add_items(gui_store, feed, [("Canada China old", "", ())], NOW - timedelta(days=20))
    window = make_window()
    assert len(titles(window)) == 2
    window.articles.set_dates("week")
    assert titles(window) == ["Canada China recent"]
    window.articles.set_dates("custom", (NOW - timedelta(days=21)).date(), (NOW - timedelta(days=19)).date())
    qtbot.waitUntil(lambda: titles(window) == ["Canada China old"])


def test_double_clicking_an_issue_in_the_baseline_lists_its_items(qtbot, make_window, gui_store):
    fill(gui_store)
    window = make_window()
    window.tabs.setCurrentIndex(TAB_BASELINE)
    heading = window.baseline._headings["visit"][0]
    assert "1 later item" in heading.text(2)
    window.baseline.tree.itemDoubleClicked.emit(heading, 0)
    assert window.tabs.currentIndex() == TAB_ARTICLES
    assert window.sidebar.current_scope() == Scope("issue", "visit")
    assert titles(window) == [TITLES[1]]


def test_ctrl_q_closes_the_window_and_geometry_is_saved(qtbot, make_window, qsettings):
    window = make_window()
    key(qtbot, window, "Ctrl+Q")
    assert not window.isVisible()
    assert qsettings.value("window/geometry") is not None
