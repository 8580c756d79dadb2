"""Menus and buttons built from user text, the tag menus per selection, and links that
cannot be opened in a browser."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QKeySequence

from tests.gui.conftest import NOW
from tests.gui.helpers import add_feed, add_items, tag
from tests.gui.test_main_window import click_row, key
from ui.main_window import TAB_ARTICLES
from ui.panels.article_view import NO_BROWSER

TITLE = "Canada and China agree to cut canola tariffs"


def one_item(store, issues=("tariffs",)):
    feed = add_feed(store)
    tags = [tag(slug, TITLE, "canola") for slug in issues]
    return add_items(store, feed, [(TITLE, "<p>Beijing lowers tariffs.</p>", tags)], NOW)[0]


def offered(menu) -> list[str]:
    return [action.data() for action in menu.actions()]


def test_an_ampersand_in_an_issue_name_is_shown_not_taken_for_a_shortcut(qtbot, make_window, gui_store):
    gui_store.issues.update("visit", name="Visits & summits")
    one_item(gui_store, issues=())
    window = make_window()
    click_row(qtbot, window, 0)
    names = {action.data(): action for action in window.actions.add_tag_menu.actions()}
    assert names["tariffs"].iconText() == "Tariffs & trade"
    assert names["visit"].iconText() == "Visits & summits"
    assert QKeySequence.mnemonic(names["visit"].text()).isEmpty()


def test_the_export_dialog_names_issues_with_their_ampersand(qtbot, make_window):
    window = make_window()
    dialog = window.open_export()
    box = dialog.issue_boxes["tariffs"]
    assert QKeySequence.mnemonic(box.text()).isEmpty()
    assert box.text().replace("&&", "&") == "Tariffs & trade"
    dialog.reject()


def test_add_tag_offers_only_issues_the_item_lacks_and_remove_those_it_has(qtbot, make_window, gui_store):
    one_item(gui_store, issues=("tariffs", "visit"))
    window = make_window()
    click_row(qtbot, window, 0)
    assert offered(window.actions.add_tag_menu) == ["human_rights", "election_interference"]
    assert offered(window.actions.remove_tag_menu) == ["tariffs", "visit"]
    remove_visit = next(a for a in window.actions.remove_tag_menu.actions() if a.data() == "visit")
    remove_visit.trigger()
    assert offered(window.actions.remove_tag_menu) == ["tariffs"]
    assert "visit" in offered(window.actions.add_tag_menu)


def test_an_item_with_every_issue_has_no_add_tag_menu_to_open(qtbot, make_window, gui_store):
    one_item(gui_store, issues=("tariffs", "visit", "human_rights", "election_interference"))
    window = make_window()
    click_row(qtbot, window, 0)
    assert not window.actions.add_tag_menu.menuAction().isEnabled()
    assert window.actions.remove_tag_menu.menuAction().isEnabled()


def test_for_several_items_add_offers_what_not_all_have_and_remove_what_any_has(make_window):
    window = make_window()
    window.actions.set_tag_choices([{"tariffs", "visit"}, {"tariffs"}])
    assert offered(window.actions.add_tag_menu) == ["visit", "human_rights", "election_interference"]
    assert offered(window.actions.remove_tag_menu) == ["tariffs", "visit"]


def test_when_no_browser_starts_the_view_says_so_and_copy_link_puts_the_url_on_the_clipboard(
    qtbot, make_window, gui_store
):
    article_id = one_item(gui_store)
    url = gui_store.articles.get(article_id).url
    window = make_window(opener=lambda _url: False)
    window.tabs.setCurrentIndex(TAB_ARTICLES)
    click_row(qtbot, window, 0)
    window.view.open_button.click()
    assert window.view.open_message.isVisible()
    assert window.view.open_message.text() == NO_BROWSER
    QGuiApplication.clipboard().clear()
    window.view.copy_button.click()
    assert QGuiApplication.clipboard().text() == url


def test_the_o_key_without_a_browser_says_so_in_the_status_bar_and_l_copies_the_link(
    qtbot, make_window, gui_store
):
    article_id = one_item(gui_store)
    url = gui_store.articles.get(article_id).url
    window = make_window(opener=lambda _url: False)
    click_row(qtbot, window, 0)
    key(qtbot, window, "O")
    assert "No web browser could be started" in window.statusBar().currentMessage()
    assert window.actions.copy_link in window.articles.table.actions()
    QGuiApplication.clipboard().clear()
    key(qtbot, window, "L")
    assert QGuiApplication.clipboard().text() == url


def test_a_browser_that_starts_leaves_no_message(qtbot, make_window, gui_store, opened):
    one_item(gui_store)
    window = make_window()
    window.tabs.setCurrentIndex(TAB_ARTICLES)
    click_row(qtbot, window, 0)
    window.view.open_button.click()
    assert len(opened) == 1
    assert not window.view.open_message.isVisible()
