"""The window and the dialogs fit small screens (1024x640 and up), restored windows land on
a screen, and the article list gives the title its room in a narrow window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from tests.gui.conftest import NOW, settle
from tests.gui.helpers import add_feed, add_items
from ui.column_fit import STRETCH_KEEPS, fitted_widths
from ui.main_window import TAB_ARTICLES
from ui.models.articles import COL_DATE, COL_SOURCE, COL_TITLE
from ui.screen_fit import MAIN_WINDOW_MAX, first_size, keep_on_screen, placed

SMALL = QRect(0, 0, 1024, 640)
LAPTOP = QRect(0, 0, 1366, 768)


def inside(rect: QRect, outer: QRect) -> bool:
    return outer.contains(rect.topLeft()) and outer.contains(rect.bottomRight())


# --- first sizes ---------------------------------------------------------------------------


@pytest.mark.parametrize("screen", [SMALL, LAPTOP])
def test_the_main_window_opens_within_the_screen(screen):
    size = first_size(screen, MAIN_WINDOW_MAX)
    assert size.width() <= screen.width() * 0.9 and size.height() <= screen.height() * 0.9


def test_on_a_big_screen_the_main_window_stops_growing():
    assert first_size(QRect(0, 0, 3840, 2160), MAIN_WINDOW_MAX) == MAIN_WINDOW_MAX


def test_the_main_window_can_be_as_small_as_a_1024x640_screen_allows(qtbot, make_window, gui_store):
    feed = add_feed(gui_store)
    add_items(gui_store, feed, [("Canada and China talk canola", "<p>Canada China.</p>", ())], NOW)
    window = make_window()
    size = first_size(SMALL, MAIN_WINDOW_MAX)
    window.resize(size)
    window.tabs.setCurrentIndex(TAB_ARTICLES)
    window.articles.select_row(0)
    qtbot.waitUntil(lambda: window.size() == size)
    view = window.view
    parts = (window.statusBar(), view.open_button, view.copy_button, window.articles.save_button)
    for part in parts:
        where = QRect(part.mapTo(window, QPoint(0, 0)), part.size())
        assert part.isVisible() and inside(where, window.rect()), part
    settle(qtbot, window)


def dialogs(window):
    yield window.open_export()
    yield window.open_rules()
    yield window.open_feeds()
    yield window.open_settings()


def test_every_dialog_opens_within_the_screen_and_can_shrink_to_a_1024x640_one(qtbot, make_window):
    window = make_window()
    screen = window.screen().availableGeometry()
    room = first_size(SMALL, QSize(10_000, 10_000))
    for dialog in dialogs(window):
        assert dialog.width() <= screen.width() and dialog.height() <= screen.height(), dialog
        hint = dialog.minimumSizeHint()
        assert hint.width() <= room.width() and hint.height() <= room.height(), dialog
        dialog.reject()
    settle(qtbot, window)


# --- restored positions ----------------------------------------------------------------------


def test_a_window_left_on_an_unplugged_screen_comes_back_centred():
    spot = placed(QRect(3000, 200, 900, 600), [SMALL])
    assert inside(spot, SMALL)
    assert spot.center() == SMALL.center() or abs(spot.center().x() - SMALL.center().x()) <= 1


def test_a_window_half_off_the_right_edge_moves_in_and_a_too_big_one_shrinks():
    spot = placed(QRect(700, 100, 900, 500), [SMALL])
    assert inside(spot, SMALL) and spot.size() == QSize(900, 500)
    spot = placed(QRect(0, 0, 1280, 800), [SMALL])
    assert inside(spot, SMALL) and spot.size() == QSize(1024, 640)


def test_a_window_on_the_second_screen_stays_there():
    right = QRect(1024, 0, 1366, 768)
    frame = QRect(1200, 50, 900, 600)
    assert placed(frame, [SMALL, right]) == frame


def test_keep_on_screen_brings_a_window_back(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    widget.move(9000, 9000)
    qtbot.waitUntil(lambda: widget.pos() == QPoint(9000, 9000))
    keep_on_screen(widget)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert inside(widget.frameGeometry(), screen)


# --- columns -------------------------------------------------------------------------------


def test_the_title_keeps_its_share_when_the_other_columns_want_more():
    widths = fitted_widths(600, {0: 130, 1: 300, 3: 300}, {0: None, 1: 0.5, 3: 0.5})
    assert widths[0] == 130  # the date is never cut
    assert 600 - sum(widths.values()) >= 600 * STRETCH_KEEPS - 1


def test_short_columns_take_only_what_they_need():
    assert fitted_widths(1200, {1: 90, 3: 120}, {1: 0.2, 3: 0.2}) == {1: 90, 3: 120}


def test_in_a_narrow_window_the_title_column_stays_wide(qtbot, make_window, gui_store):
    feed = add_feed(gui_store, title="The Global Banking and Finance Review of the Week")
    title = "China's foreign minister meets Canada's counterpart at the Munich Security Conference"
    add_items(gui_store, feed, [(title, "<p>Canada China.</p>", ())], NOW)
    window = make_window()
    window.tabs.setCurrentIndex(TAB_ARTICLES)
    table = window.articles.table
    header = table.horizontalHeader()
    for size in (first_size(SMALL, MAIN_WINDOW_MAX), QSize(760, 560)):
        window.resize(size)
        qtbot.waitUntil(
            lambda: header.sectionSize(COL_TITLE) >= table.viewport().width() * STRETCH_KEEPS - 2
        )
        assert header.sectionSize(COL_TITLE) > header.sectionSize(COL_SOURCE)
        assert header.sectionSize(COL_DATE) >= table.sizeHintForColumn(COL_DATE)
    narrow_source = header.sectionSize(COL_SOURCE)
    window.resize(1600, 1000)  # the source gets its name's width, up to a fifth of the list
    qtbot.waitUntil(
        lambda: header.sectionSize(COL_SOURCE)
        >= min(table.sizeHintForColumn(COL_SOURCE), table.viewport().width() // 5) - 1
    )
    assert header.sectionSize(COL_SOURCE) > narrow_source
    settle(qtbot, window)


# --- on a real 1024x640 screen -----------------------------------------------------------------

OPEN_ON_SMALL_SCREEN = """
import json, sys
from PySide6.QtCore import QSettings
from db import open_store
from ui.app import create_application
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

app = create_application()
store = open_store(sys.argv[1])
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
context = AppContext(store, settings, runner=TaskRunner(), poll_on_start=False, use_tray=False)
window = MainWindow(context)
window.show()
app.processEvents()
shown = {"screen": app.primaryScreen().availableGeometry().getRect()}
shown["window"] = window.frameGeometry().getRect()
for name in ("open_export", "open_rules", "open_feeds", "open_settings"):
    dialog = getattr(window, name)()
    app.processEvents()
    shown[name] = dialog.frameGeometry().getRect()
    dialog.reject()
window.quit()
context.runner.wait(10_000)
print(json.dumps(shown))
"""


def test_on_a_1024x640_screen_the_window_and_every_dialog_open_inside_it(tmp_path, db_path, gui_store):
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screen.json"
    screen = {"name": "small", "x": 0, "y": 0, "width": 1024, "height": 640, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-c", OPEN_ON_SMALL_SCREEN, str(db_path), str(tmp_path / "ui.ini")],
        env=env, capture_output=True, text=True, timeout=60, check=True,
    )
    shown = {name: QRect(*rect) for name, rect in json.loads(done.stdout.splitlines()[-1]).items()}
    assert shown.pop("screen") == SMALL
    for name, rect in shown.items():
        assert inside(rect, SMALL), (name, rect)
