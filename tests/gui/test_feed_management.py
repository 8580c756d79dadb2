"""Managing many feeds at once in the Feeds dialog, and the sidebar's context menu on feeds,
categories, issues and saved searches."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import NOW
from tests.gui.helpers import add_feed, add_items, many
from tests.gui.test_dialogs import click, feed_dialog
from ui.dialogs.feeds import with_scheme
from ui.filters import Scope
from ui.models.articles import COL_TITLE


def three_feeds(store):
    return [
        add_feed(store, f"http://127.0.0.1:9/{n}.xml", title=f"Wire {n}", category="Wires").id
        for n in range(3)
    ]


def test_several_selected_feeds_are_disabled_enabled_and_moved_together(qtbot, make_context, gui_store):
    ids = three_feeds(gui_store)
    dialog = feed_dialog(qtbot, make_context)
    dialog.select_feeds(ids[:2])
    assert dialog.selected_ids() == ids[:2]
    assert not dialog.save_button.isEnabled()  # the form edits one feed at a time

    click(qtbot, dialog.disable_button)
    assert [f.enabled for f in gui_store.feeds.list()] == [False, False, True]
    assert dialog.selected_ids() == ids[:2]
    assert "Disabled 2 feeds" in dialog.message.text()

    dialog.ask_category = lambda categories: "Asia desk"
    click(qtbot, dialog.move_button)
    assert [f.category for f in gui_store.feeds.list()] == ["Asia desk", "Asia desk", "Wires"]

    click(qtbot, dialog.enable_button)
    assert all(f.enabled for f in gui_store.feeds.list())


def test_several_selected_feeds_are_deleted_after_one_question(qtbot, make_context, gui_store):
    ids = three_feeds(gui_store)
    dialog = feed_dialog(qtbot, make_context)
    questions = []
    dialog.confirm = lambda text: questions.append(text) or True
    dialog.select_feeds([ids[0], ids[2]])
    click(qtbot, dialog.delete_button)
    assert questions == ["Delete 2 feeds and the items only they carried?"]
    assert [f.id for f in gui_store.feeds.list()] == [ids[1]]


def test_poll_now_asks_for_every_selected_feed(qtbot, make_context, gui_store):
    ids = three_feeds(gui_store)
    dialog = feed_dialog(qtbot, make_context)
    dialog.select_feeds(ids[1:])
    with qtbot.waitSignal(dialog.poll_requested) as asked:
        click(qtbot, dialog.poll_button)
    assert asked.args == [ids[1:]]


def test_a_disabled_feed_shows_no_next_poll_time(qtbot, make_context, gui_store):
    ids = three_feeds(gui_store)
    gui_store.feeds.set_enabled(ids[0], False)
    dialog = feed_dialog(qtbot, make_context)
    assert dialog.table.item(0, 4).text() == "not polled (disabled)"
    assert "Next poll: not polled (disabled)" in dialog.table.item(0, 0).toolTip()


def test_an_address_without_a_scheme_is_tried_as_https(qtbot, make_context, gui_store):
    assert with_scheme("example.com/feed") == "https://example.com/feed"
    assert with_scheme("http://example.com/feed") == "http://example.com/feed"
    assert with_scheme("feed:https://example.com/rss") == "feed:https://example.com/rss"
    dialog = feed_dialog(qtbot, make_context)
    dialog.address.setText("127.0.0.1:1/feed.xml")  # nothing listens there
    with qtbot.waitSignal(dialog.discovery_finished, timeout=20_000) as found:
        click(qtbot, dialog.add_button)
    assert found.args[0].url == "https://127.0.0.1:1/feed.xml"
    assert gui_store.feeds.list() == []


def menu_commands(window, scope_or_index):
    sidebar = window.sidebar
    index = sidebar.index_of(scope_or_index) if isinstance(scope_or_index, Scope) else scope_or_index
    menu = sidebar.context_menu(index)
    return {action.data(): action for action in menu.actions()}


def category_index(window, name: str):
    model = window.sidebar.sidebar_model
    found = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, name, 1, Qt.MatchFlag.MatchRecursive)
    return found[0]


def test_the_sidebar_menu_on_a_feed_disables_it_marks_it_read_and_opens_its_site(
    qtbot, make_window, gui_store, opened
):
    feed = gui_store.feeds.add("http://127.0.0.1:9/a.xml", title="Wire A", site_url="https://wire.example/")
    ids = add_items(gui_store, feed, many(3), NOW)
    window = make_window()
    commands = menu_commands(window, Scope("feed", feed.id))
    assert list(commands) == ["poll", "edit", "disable", "mark_read", "open_site"]

    commands["mark_read"].trigger()
    assert all(gui_store.articles.state(i).read for i in ids)
    commands["open_site"].trigger()
    assert [u.toString() for u in opened] == ["https://wire.example/"]
    commands["disable"].trigger()
    assert not gui_store.feeds.get(feed.id).enabled
    assert "enable" in menu_commands(window, Scope("feed", feed.id))


def test_the_sidebar_menu_on_a_category_acts_on_its_feeds(qtbot, make_window, gui_store):
    ids = three_feeds(gui_store)
    other = add_feed(gui_store, "http://127.0.0.1:9/other.xml", title="Other", category="Other").id
    window = make_window()
    commands = menu_commands(window, category_index(window, "Wires"))
    assert list(commands) == ["poll", "edit", "disable", "mark_read"]
    commands["disable"].trigger()
    assert {f.id: f.enabled for f in gui_store.feeds.list()} == {**dict.fromkeys(ids, False), other: True}
    commands = menu_commands(window, category_index(window, "Wires"))
    commands["edit"].trigger()
    assert window._dialog.selected_ids() == ids
    window._dialog.reject()


def test_the_sidebar_menu_on_an_issue_opens_the_rules_and_marks_its_items_read(qtbot, make_window, gui_store):
    from tests.gui.test_main_window import fill

    _feed, ids = fill(gui_store)
    window = make_window()
    commands = menu_commands(window, Scope("issue", "tariffs"))
    commands["mark_read"].trigger()
    assert [gui_store.articles.state(i).read for i in ids] == [True, False, False, False]
    commands["edit"].trigger()
    from ui.dialogs.rules import RulesDialog

    assert isinstance(window._dialog, RulesDialog)
    window._dialog.reject()


def test_a_saved_search_is_renamed_and_leaving_it_clears_its_query(qtbot, make_window, gui_store):
    from tests.gui.test_main_window import TITLES, fill, titles

    fill(gui_store)
    window = make_window()
    window.articles.search.setText("canola")
    window.save_search("Canola", "canola")
    assert titles(window) == [TITLES[0]]
    search = gui_store.searches.list()[0]

    window.sidebar_actions.ask_name = lambda current: "Canola watch"
    menu_commands(window, Scope("search", search.id))["rename"].trigger()
    assert [s.name for s in gui_store.searches.list()] == ["Canola watch"]
    assert window.sidebar.sidebar_model.itemFromIndex(
        window.sidebar.index_of(Scope("search", search.id))
    ).text() == "Canola watch"

    window.sidebar.select(Scope("all"))
    assert window.articles.search_text() == ""
    assert len(titles(window)) == len(TITLES)
    assert window.model.index(0, COL_TITLE).data() is not None


def test_with_several_feeds_selected_the_form_shows_none_of_them(qtbot, make_context, gui_store):
    ids = three_feeds(gui_store)
    dialog = feed_dialog(qtbot, make_context)
    dialog.select_feeds([ids[0]])
    assert dialog.title.text() == "Wire 0"
    dialog.select_feeds(ids[:2])
    assert dialog.title.text() == "" and dialog.title.placeholderText() == "2 feeds selected"
