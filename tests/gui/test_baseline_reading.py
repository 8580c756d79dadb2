"""The Baseline tab read at a laptop's width: facts wrap instead of being cut, figures read as
a person says them, and the selected row is shown in full in a pane Tab reaches."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from ui.main_window import TAB_BASELINE


def fact_item(window, fact_id: str):
    return window.baseline._facts[fact_id]


def open_baseline(qtbot, make_window, width: int = 1024, height: int = 640):
    window = make_window()
    window.resize(width, height)
    window.tabs.setCurrentIndex(TAB_BASELINE)
    qtbot.waitUntil(lambda: window.baseline.tree.viewport().width() < 900)
    return window


def test_a_long_fact_wraps_onto_several_lines_at_1024_pixels(qtbot, make_window):
    window = open_baseline(qtbot, make_window)
    tree = window.baseline.tree
    item = fact_item(window, "visit-dates")
    line = QFontMetrics(tree.font()).height()
    qtbot.waitUntil(lambda: tree.visualItemRect(item).height() >= 3 * line)
    assert item.text(0).endswith("international security.")


def test_figures_read_as_a_person_says_them(qtbot, make_window):
    window = open_baseline(qtbot, make_window)
    figures = {fact_id: item.text(2) for fact_id, item in window.baseline._facts.items()}
    assert figures["first-visit-since-2017"].endswith(": in 2017")
    assert figures["canola-seafood-tariffs"].endswith(": over 70%")
    trade = figures[next(f for f in figures if "second-largest" in figures[f])]
    assert "China's rank among Canada's trading partners: second-largest" in trade
    assert "about C$118.7 billion" in trade and "about US$85.5 billion" in trade
    lines = [line for text in figures.values() for line in text.splitlines()]
    assert not any(line.endswith((" year", " rank")) or "2,017" in line for line in lines)


def test_selecting_a_fact_shows_it_whole_in_the_detail_pane_which_tab_reaches(qtbot, make_window):
    window = open_baseline(qtbot, make_window)
    panel = window.baseline
    panel.tree.setFocus()
    panel.tree.setCurrentItem(fact_item(window, "canola-seafood-tariffs"))
    text = panel.detail.toPlainText()
    assert "deeply affecting Canadian agricultural producers." in text
    assert "Chinese tariffs on Canadian canola, in some cases: over 70%" in text
    assert panel.detail.focusPolicy() & Qt.FocusPolicy.TabFocus
    panel.tree.setCurrentItem(None)
    assert "Select a fact" in panel.detail.toPlainText()


def test_the_list_button_names_an_issue_with_an_ampersand_as_written(qtbot, make_window):
    window = open_baseline(qtbot, make_window)
    panel = window.baseline
    panel.tree.setCurrentItem(panel._headings["tariffs"][0])
    assert panel.list_button.text().replace("&&", "&") == "List items on Tariffs & trade"
    assert "&&" in panel.list_button.text()
