"""The article table model: Qt's model contract, paging from the store, sorting, filtering."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db import ArticleQuery
from tests.gui.conftest import NOW
from tests.gui.helpers import add_feed, add_items, many, tag
from ui.models.articles import COL_DATE, COL_ISSUES, COL_SOURCE, COL_TITLE, ISSUES_ROLE, ArticleTableModel


def test_the_model_passes_qt_model_tester_with_a_few_hundred_rows(qtmodeltester, gui_store):
    feed = add_feed(gui_store)
    add_items(gui_store, feed, many(300), NOW)
    model = ArticleTableModel(gui_store, page_size=100)
    model.set_query(ArticleQuery())
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 300
    qtmodeltester.check(model, force_py=True)


def test_the_model_loads_one_page_and_fetches_the_next_only_when_asked(gui_store):
    feed = add_feed(gui_store)
    add_items(gui_store, feed, many(250), NOW)
    model = ArticleTableModel(gui_store, page_size=100)
    model.set_query(ArticleQuery())
    assert model.rowCount() == 100 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 250
    assert not model.canFetchMore()


def test_unread_rows_are_bold_and_read_rows_are_not(gui_store):
    feed = add_feed(gui_store)
    ids = add_items(gui_store, feed, many(2), NOW)
    gui_store.articles.set_read([ids[0]])
    model = ArticleTableModel(gui_store)
    model.set_query(ArticleQuery())
    fonts = {model.article_id(r): model.index(r, COL_TITLE).data(Qt.ItemDataRole.FontRole) for r in range(2)}
    assert fonts[ids[0]] is None
    assert fonts[ids[1]].bold()


def test_sorting_by_title_asks_the_store_for_that_order(gui_store):
    feed = add_feed(gui_store)
    add_items(gui_store, feed, [("Beta", "", ()), ("alpha", "", ()), ("Gamma", "", ())], NOW)
    model = ArticleTableModel(gui_store)
    model.set_query(ArticleQuery())
    model.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, COL_TITLE).data() for r in range(3)] == ["alpha", "Beta", "Gamma"]
    model.sort(COL_DATE, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, COL_TITLE).data() for r in range(3)] == ["Beta", "alpha", "Gamma"]


def test_sorting_by_the_issues_column_keeps_the_current_order(gui_store):
    feed = add_feed(gui_store)
    add_items(gui_store, feed, [("B", "", ()), ("A", "", ())], NOW)
    model = ArticleTableModel(gui_store)
    model.set_query(ArticleQuery())
    model.sort(COL_ISSUES, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, COL_TITLE).data() for r in range(2)] == ["B", "A"]


def test_a_query_for_one_issue_shows_only_its_items_with_their_issue_slugs(gui_store):
    feed = add_feed(gui_store)
    title = "Canada weighs tariffs on Chinese steel"
    add_items(gui_store, feed, [(title, "", [tag("tariffs", title, "tariffs")]), ("Unrelated", "", ())], NOW)
    model = ArticleTableModel(gui_store)
    model.set_query(ArticleQuery(issue="tariffs"))
    assert model.rowCount() == 1
    assert model.index(0, COL_ISSUES).data(ISSUES_ROLE) == ["tariffs"]
    assert model.index(0, COL_SOURCE).data() == "Test Wire"


def test_refresh_reloads_as_many_rows_as_were_loaded_and_shows_new_items_on_top(gui_store):
    feed = add_feed(gui_store)
    add_items(gui_store, feed, many(150), NOW)
    model = ArticleTableModel(gui_store, page_size=100)
    model.set_query(ArticleQuery())
    model.fetchMore()
    add_items(gui_store, feed, [("Brand new item", "", ())], NOW.replace(hour=10))
    model.refresh()
    assert model.rowCount() == 150
    assert model.index(0, COL_TITLE).data() == "Brand new item"


def test_the_issue_chips_ask_for_more_room_when_an_issue_is_renamed_longer(qapp):
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStyleOptionViewItem

    from db.records import TrackedIssue
    from ui.delegates import IssueChipsDelegate

    model = QStandardItemModel()
    item = QStandardItem()
    item.setData(["tariffs", "visit"], ISSUES_ROLE)
    model.appendRow(item)
    delegate = IssueChipsDelegate()
    option = QStyleOptionViewItem()

    def issues(name: str) -> list[TrackedIssue]:
        return [TrackedIssue(1, "tariffs", name, "", "#aa3333", 0, False),
                TrackedIssue(2, "visit", "The visit", "", "#3333aa", 1, False)]

    delegate.set_issues(issues("Tariffs"))
    short = delegate.sizeHint(option, model.index(0, 0)).width()
    assert delegate.sizeHint(option, model.index(0, 0)).width() == short  # asked again: the same
    delegate.set_issues(issues("Duties"))
    delegate.set_issues(issues("Countervailing"))
    assert delegate.sizeHint(option, model.index(0, 0)).width() > short
