"""The Developments view: stories since a chosen moment under each tracked issue, ranked,
with their moves; reading, merging and taking out; and the moves in the Baseline tab."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QWidget

from db.moves import replace_moves
from db.records import Move
from tests.gui.conftest import NOW, settle
from tests.gui.helpers import add_feed, add_items, tag
from ui.main_window import TAB_ARTICLES, TAB_DEVELOPMENTS
from ui.models.stories import (
    COL_FIRST_SEEN,
    COL_MOVED,
    COL_OUTLETS,
    COL_STORY,
    KIND_ROLE,
    STORY_ID_ROLE,
    StoryTreeModel,
)
from ui.panels.baseline import COL_MOVED as BASELINE_COL_MOVED

CANOLA_MOVE = Move(
    fact="canola-seafood-tariffs",
    figure="Chinese tariffs on Canadian canola",
    baseline="100%",
    reported="15%",
    words="cuts canola tariff to 15%",
    field="title",
    start=6,
    end=31,
)


@dataclass
class Stocked:
    canola: int  # two outlets today, with a move
    summit: int  # one outlet, today, later than canola; on two issues
    steel: int  # three outlets, three days ago
    rights: int  # ten days ago
    old: int  # before the baseline
    canola_items: list[int]
    steel_items: list[int]


def _item(store, feed, title: str, issues: list[tuple[str, str]], when) -> int:
    (article,) = add_items(
        store, feed, [(title, f"<p>{title}.</p>", [tag(i, title, w) for i, w in issues])], when
    )
    return article


@pytest.fixture
def stocked(gui_store) -> Stocked:
    store = gui_store
    globe = add_feed(store, "http://127.0.0.1:9/globe.xml", "The Globe")
    cbc = add_feed(store, "http://127.0.0.1:9/cbc.xml", "CBC")
    xinhua = add_feed(store, "http://127.0.0.1:9/xinhua.xml", "Xinhua")
    c1 = _item(
        store, globe, "China cuts canola tariff to 15%", [("tariffs", "tariff")], NOW - timedelta(hours=2)
    )
    c2 = _item(
        store, cbc, "Beijing cuts canola tariff to 15%", [("tariffs", "tariff")], NOW - timedelta(hours=1)
    )
    summit = _item(
        store,
        xinhua,
        "Xi and Carney agree on tariff talks",
        [("tariffs", "tariff"), ("visit", "Carney")],
        NOW - timedelta(minutes=30),
    )
    steel = [
        _item(
            store,
            feed,
            f"Steel duty stays at 25% ({feed.title})",
            [("tariffs", "duty")],
            NOW - timedelta(days=3),
        )
        for feed in (globe, cbc, xinhua)
    ]
    rights = _item(
        store,
        globe,
        "Rights groups press Ottawa on Hong Kong",
        [("human_rights", "Rights")],
        NOW - timedelta(days=10),
    )
    old = _item(
        store, cbc, "Canola tariff dispute drags on", [("tariffs", "tariff")], NOW - timedelta(days=90)
    )
    placed = store.stories.assign(
        [
            (c1, "canola"),
            (c2, "canola"),
            (summit, "summit"),
            *[(s, "steel") for s in steel],
            (rights, "rights"),
            (old, "old"),
        ]
    )
    with store.write() as conn:
        replace_moves(conn, c2, [CANOLA_MOVE])
    return Stocked(placed[c1], placed[summit], placed[steel[0]], placed[rights], placed[old], [c1, c2], steel)


def heading(model, slug: str) -> QModelIndex:
    index = model.issue_index(slug)
    assert index.isValid(), slug
    return index


def story_ids(model, slug: str) -> list[int]:
    parent = heading(model, slug)
    return [model.index(r, 0, parent).data(STORY_ID_ROLE) for r in range(model.rowCount(parent))]


def story_row(model, story_id: int, column: int, slug: str | None = None) -> QModelIndex:
    return model.story_index(story_id, slug).siblingAtColumn(column)


def select_stories(panel, *stories: int) -> None:
    selection = panel.tree.selectionModel()
    flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
    for story in stories:
        selection.select(story_row(panel.model, story, COL_STORY), flags)


def test_developments_is_the_first_tab_and_shown_when_items_exist(make_window, stocked):
    window = make_window()
    assert window.tabs.tabText(0) == "Developments" and TAB_DEVELOPMENTS == 0
    assert window.tabs.currentIndex() == TAB_DEVELOPMENTS


def test_an_empty_database_opens_on_the_guidance_of_the_developments_view(make_window):
    window = make_window()
    assert window.tabs.currentIndex() == TAB_DEVELOPMENTS
    panel = window.tabs.currentWidget().findChild(QWidget, "emptyState")
    assert panel is not None and panel.isVisibleTo(window)


def test_stories_sit_under_each_of_their_issues_ranked_by_day_then_outlets_then_recency(make_window, stocked):
    window = make_window()
    model = window.developments.model
    names = [model.index(r, COL_STORY).data() for r in range(model.rowCount())]
    assert names[0].startswith("Tariffs") and "3 stories" in names[0]
    # Today's canola story (two outlets) before today's later summit (one), then the
    # steel story of three days ago although three outlets carried it.
    assert story_ids(model, "tariffs") == [stocked.canola, stocked.summit, stocked.steel]
    assert story_ids(model, "visit") == [stocked.summit]
    assert story_ids(model, "human_rights") == [stocked.rights]
    assert stocked.old not in story_ids(model, "tariffs")
    assert "latest day first" in model.headerData(
        COL_STORY, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )


def test_a_story_row_shows_its_headline_outlets_first_sighting_and_move(make_window, stocked):
    window = make_window()
    model = window.developments.model
    assert story_row(model, stocked.canola, COL_STORY).data() == "China cuts canola tariff to 15%"
    assert story_row(model, stocked.canola, COL_OUTLETS).data() == "2 · The Globe, CBC"
    assert story_row(model, stocked.canola, COL_FIRST_SEEN).data().endswith("· The Globe")
    assert story_row(model, stocked.canola, COL_MOVED).data() == (
        "Moved: 100% → 15% (Chinese tariffs on Canadian canola)"
    )
    assert story_row(model, stocked.summit, COL_MOVED).data() == ""
    assert "1 moved" in model.index(0, COL_MOVED).data()


def test_the_period_combo_narrows_and_widens_the_stories(qtbot, make_window, stocked):
    window = make_window()
    model = window.developments.model
    combo = window.developments.period
    combo.setCurrentIndex(combo.findText("Last 24 hours"))
    assert story_ids(model, "tariffs") == [stocked.canola, stocked.summit]
    assert story_ids(model, "human_rights") == []
    combo.setCurrentIndex(combo.findText("Last 7 days"))
    assert story_ids(model, "tariffs") == [stocked.canola, stocked.summit, stocked.steel]
    assert story_ids(model, "human_rights") == []
    combo.setCurrentIndex(combo.findText("Since the baseline"))
    assert story_ids(model, "human_rights") == [stocked.rights]


def test_since_i_last_looked_counts_from_when_the_view_was_last_left(qtbot, make_window, stocked, gui_store):
    now = [NOW - timedelta(minutes=45)]
    window = make_window(clock=lambda: now[0])
    window.tabs.setCurrentIndex(TAB_ARTICLES)  # leaving the view records the moment
    now[0] = NOW
    window.tabs.setCurrentIndex(TAB_DEVELOPMENTS)
    combo = window.developments.period
    combo.setCurrentIndex(combo.findText("Since I last looked"))
    assert story_ids(window.developments.model, "tariffs") == [stocked.summit]
    assert window.developments.summary.text().startswith("1 story since")


def test_opening_a_story_marks_its_items_read_and_unbolds_it(qtbot, make_window, stocked, gui_store):
    window = make_window()
    tree = window.developments.tree
    index = story_row(window.developments.model, stocked.canola, COL_STORY, "tariffs")
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    tree.setCurrentIndex(index)
    tree.setFocus()
    with qtbot.wait_signal(window.stories.state_changed):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert all(gui_store.articles.state(a).read for a in stocked.canola_items)
    assert index.data(Qt.ItemDataRole.FontRole) is None
    assert tree.isExpanded(index)
    assert not gui_store.articles.state(stocked.steel_items[0]).read


def test_mark_story_read_in_the_context_menu_marks_every_selected_story(
    qtbot, make_window, stocked, gui_store
):
    window = make_window()
    panel = window.developments
    select_stories(panel, stocked.steel, stocked.rights)
    assert panel.mark_read_action in panel.tree.actions() and panel.mark_read_action.isEnabled()
    panel.mark_read_action.trigger()
    assert all(gui_store.articles.state(a).read for a in stocked.steel_items)
    assert gui_store.stories.get(stocked.rights).unread == 0
    assert gui_store.stories.get(stocked.canola).unread == 2
    settle(qtbot, window)
    assert window.counts.latest.unread == 4  # canola's two, the summit, the story before the baseline


def test_selecting_an_item_of_a_story_shows_it_and_marks_it_read(qtbot, make_window, stocked, gui_store):
    window = make_window()
    panel = window.developments
    story = story_row(panel.model, stocked.canola, COL_STORY, "tariffs")
    panel.tree.expand(story)
    assert panel.model.rowCount(story) == 2
    item = panel.model.index(1, COL_STORY, story)
    assert item.data(KIND_ROLE) == "item" and item.data() == "Beijing cuts canola tariff to 15%"
    assert panel.model.index(1, COL_OUTLETS, story).data() == "CBC"
    assert panel.model.index(1, COL_MOVED, story).data().startswith("Moved: ")
    panel.tree.setCurrentIndex(item)
    assert window.developments.view.detail.article.id == stocked.canola_items[1]
    assert gui_store.articles.state(stocked.canola_items[1]).read
    assert not gui_store.articles.state(stocked.canola_items[0]).read
    assert story.data(Qt.ItemDataRole.FontRole).bold()  # one item is still unread
    assert gui_store.stories.get(stocked.canola).unread == 1


def test_merging_two_selected_stories_changes_the_store_and_the_tree(qtbot, make_window, stocked, gui_store):
    window = make_window()
    panel = window.developments
    select_stories(panel, stocked.summit, stocked.canola)
    assert panel.merge_action.isEnabled()
    panel.merge_action.trigger()
    merged = gui_store.stories.get(stocked.canola)  # the story seen first keeps its id
    assert len(merged.item_ids) == 3 and merged.outlets == ("The Globe", "CBC", "Xinhua")
    assert story_ids(panel.model, "tariffs") == [stocked.canola, stocked.steel]
    assert story_ids(panel.model, "visit") == [stocked.canola]
    assert story_row(panel.model, stocked.canola, COL_OUTLETS).data().startswith("3 · ")


def test_taking_an_item_out_makes_it_a_story_of_its_own(qtbot, make_window, stocked, gui_store):
    window = make_window()
    panel = window.developments
    story = story_row(panel.model, stocked.canola, COL_STORY, "tariffs")
    panel.tree.expand(story)
    panel.tree.setCurrentIndex(panel.model.index(1, COL_STORY, story))
    assert panel.take_out_action.isEnabled()
    panel.take_out_action.trigger()
    assert gui_store.stories.get(stocked.canola).item_ids == (stocked.canola_items[0],)
    alone = gui_store.stories.of_article(stocked.canola_items[1])
    assert alone != stocked.canola
    assert set(story_ids(panel.model, "tariffs")) == {stocked.canola, alone, stocked.summit, stocked.steel}


def test_the_baseline_marks_a_moved_fact_and_lists_its_move_and_the_latest_stories(
    qtbot, make_window, stocked
):
    window = make_window()
    settle(qtbot, window)
    tree = window.baseline.tree
    facts = {}
    headings = {}
    for top in range(tree.topLevelItemCount()):
        heading = tree.topLevelItem(top)
        headings[heading.text(0)] = heading
        for n in range(heading.childCount()):
            child = heading.child(n)
            facts[child.data(0, Qt.ItemDataRole.UserRole)] = child
    moved = facts["canola-seafood-tariffs"]
    assert moved.text(BASELINE_COL_MOVED) == "moved — 1 report"
    assert not moved.icon(BASELINE_COL_MOVED).isNull()
    line = moved.child(0)
    assert line.text(0) == "“cuts canola tariff to 15%”"
    assert line.text(2) == "100% → 15%" and line.text(3) == "reported by CBC"
    assert facts["steel-duty"].text(BASELINE_COL_MOVED) == ""
    tariffs = next(h for name, h in headings.items() if name.startswith("Tariffs"))
    latest = [
        tariffs.child(n).text(0)
        for n in range(tariffs.childCount())
        if tariffs.child(n).text(0).startswith("Latest")
    ]
    assert latest[0] == "Latest: Xi and Carney agree on tariff talks" and len(latest) == 3


def test_new_items_from_a_poll_show_in_the_view(qtbot, make_window, stocked, gui_store):
    window = make_window()
    feed = add_feed(gui_store, "http://127.0.0.1:9/scmp.xml", "SCMP")
    article = _item(gui_store, feed, "Canada lifts EV tariff review", [("tariffs", "tariff")], NOW)
    story = gui_store.stories.assign([(article, "ev")])[article]
    window.polling.items_changed.emit()  # what a poll that stored items sends
    # Read off the GUI thread; then today's, after the canola story that two outlets carry,
    # before the earlier summit.
    expected = [stocked.canola, story, stocked.summit, stocked.steel]
    qtbot.waitUntil(lambda: story_ids(window.developments.model, "tariffs") == expected)


def test_the_story_model_passes_qt_model_tester(qtmodeltester, stocked, gui_store):
    from ui.developments import load_developments

    model = StoryTreeModel(gui_store)
    model.set_developments(load_developments(gui_store, None))
    story = model.story_index(stocked.steel)
    model.fetchMore(story)
    assert model.rowCount(story) == 3
    qtmodeltester.check(model, force_py=True)
