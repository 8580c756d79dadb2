"""Light and dark colour schemes: the palette follows, and issue colours stay readable in both."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from tests.gui.conftest import NOW
from tests.gui.helpers import add_feed, add_items, tag
from ui.app import style_sheet
from ui.contrast import TEXT_CONTRAST, contrast_ratio
from ui.theme import apply_scheme, is_dark


@pytest.fixture
def scheme(qapp):
    """Sets a scheme for one test, then puts the app's palette and style sheet back."""
    palette, sheet = qapp.palette(), qapp.styleSheet()
    yield lambda dark: apply_scheme(qapp, dark, style_sheet())
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


def test_a_dark_scheme_darkens_the_palette_and_a_light_one_restores_it(qapp, scheme):
    scheme(True)
    assert is_dark(qapp.palette())
    assert contrast_ratio(qapp.palette().color(QPalette.ColorRole.Text).name(),
                          qapp.palette().color(QPalette.ColorRole.Base).name()) >= 7

    scheme(False)
    assert not is_dark(qapp.palette())


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_issue_headings_of_the_developments_view_read_in_each_scheme(make_window, gui_store, scheme, dark):
    feed = add_feed(gui_store)
    items = []
    for issue in gui_store.issues.list():
        title = f"Canada and China: {issue.slug} news"
        items.append((title, "", [tag(issue.slug, title, issue.slug)]))
    add_items(gui_store, feed, items, NOW)
    scheme(dark)
    window = make_window()
    model = window.developments.model
    base = window.developments.tree.palette().color(QPalette.ColorRole.Base).name()

    for issue in gui_store.issues.list():
        colour = model.issue_index(issue.slug).data(Qt.ItemDataRole.ForegroundRole)
        assert contrast_ratio(colour.name(), base) >= TEXT_CONTRAST, (issue.slug, colour.name(), base)
