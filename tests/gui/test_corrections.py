"""Seeing the items judged not about Canada–China, correcting an item's relevance, and
undoing a mark all read, as a user does it from the window."""

from __future__ import annotations

from tests.gui.conftest import NOW
from tests.gui.helpers import add_items
from tests.gui.test_main_window import TITLES, click_row, fill, titles
from ui.filters import Scope
from ui.models.articles import COL_TITLE, NOT_RELEVANT

PANDAS = "Calgary Zoo says goodbye to its giant pandas"


def test_show_all_items_lists_the_items_judged_not_relevant_greyed_and_marked(qtbot, make_window, gui_store):
    feed, _ids = fill(gui_store)
    add_items(gui_store, feed, [(PANDAS, "<p>Zoo news.</p>", ())], NOW, relevant=False)
    window = make_window()
    assert PANDAS not in titles(window)
    assert window.articles.show_all_action in window.menuBar().actions()[3].menu().actions()

    window.articles.show_all_button.click()

    shown = [window.model.index(r, COL_TITLE).data() for r in range(window.model.rowCount())]
    pandas = next(r for r, text in enumerate(shown) if PANDAS in text)
    assert shown[pandas].startswith(f"({NOT_RELEVANT})")
    assert window.model.index(pandas, COL_TITLE).data(0x9) is not None  # ForegroundRole: greyed
    assert window.model.index(0, COL_TITLE).data(0x9) is None or pandas == 0
    window.articles.show_all_button.click()
    assert PANDAS not in " ".join(titles(window))


def test_not_about_canada_china_in_the_context_menu_hides_the_item_and_survives_a_retag(
    qtbot, make_window, gui_store
):
    _feed, ids = fill(gui_store)
    window = make_window()
    click_row(qtbot, window, 1)
    assert window.actions.not_relevant in window.articles.table.actions()
    assert window.actions.not_relevant.isEnabled() and not window.actions.relevant.isEnabled()

    window.actions.not_relevant.trigger()

    assert TITLES[1] not in titles(window)
    assert not gui_store.articles.get(ids[1]).relevant
    from monitor.retag import retag_all, tagger_for

    retag_all(gui_store, tagger_for(gui_store))
    assert not gui_store.articles.get(ids[1]).relevant


def test_about_canada_china_brings_a_hidden_item_into_the_lists(qtbot, make_window, gui_store):
    feed, _ids = fill(gui_store)
    [pandas] = add_items(gui_store, feed, [(PANDAS, "<p>Zoo news.</p>", ())], NOW, relevant=False)
    window = make_window()
    window.articles.show_all_action.setChecked(True)
    row = window.model.row_of(pandas)
    click_row(qtbot, window, row)
    assert window.actions.relevant.isEnabled() and not window.actions.not_relevant.isEnabled()

    window.actions.relevant.trigger()

    window.articles.show_all_action.setChecked(False)
    assert PANDAS in titles(window)
    assert gui_store.articles.relevance_correction(pandas) is True


def test_mark_all_read_can_be_undone_restoring_exactly_the_items_it_marked(qtbot, make_window, gui_store):
    _feed, ids = fill(gui_store)
    gui_store.articles.set_read([ids[2]], True, now=NOW)
    window = make_window()
    assert not window.actions.undo_mark_all_read.isEnabled()
    window.sidebar.select(Scope("all"))
    window.actions.mark_all_read.trigger()
    assert all(gui_store.articles.state(i).read for i in ids)
    assert "Undo" in window.statusBar().currentMessage()
    assert window.actions.undo_mark_all_read in window.menuBar().actions()[1].menu().actions()

    window.actions.undo_mark_all_read.trigger()

    assert [gui_store.articles.state(i).read for i in ids] == [False, False, True, False]
    assert not window.actions.undo_mark_all_read.isEnabled()
