"""GUI fixtures: a seeded database under tmp_path, QSettings under tmp_path, a recording
URL opener, and a main window that is closed (poll thread joined, stores closed) after each test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

NOW = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)
# The offscreen platform warns each time a shown window's size hints change; that says
# nothing about the app, so GUI tests ignore it (any other Qt warning still fails them).
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


@pytest.fixture(scope="session", autouse=True)
def english_catalogue(qapp):
    """The English catalogue, as the app installs it at start: its plural forms say "1 new item"."""
    from ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "en")
    assert translators, "the English catalogue did not load"
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def french(qapp):
    """The French interface for one test; the English catalogue is back after it."""
    from ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "fr")
    assert translators, "the French catalogue did not load"
    yield
    remove_translators(qapp, translators)
    install_translators(qapp, "en")  # Qt keeps both: English plural forms first again


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def clock():
    return lambda: NOW


@pytest.fixture
def gui_store(db_path: Path) -> Iterator:
    from db import open_store
    from monitor.seed import seed

    store = open_store(db_path)
    seed(store, NOW)
    for feed in store.feeds.list():  # the shipped feeds are on the internet; tests add local ones
        store.feeds.remove(feed.id)
    yield store
    store.close()


@pytest.fixture
def qsettings(tmp_path: Path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def opened() -> list:
    return []


@pytest.fixture
def make_context(gui_store, qsettings, opened, clock):
    from ui.context import AppContext
    from ui.tasks import TaskRunner

    def make(**overrides):
        values = dict(
            store=gui_store,
            settings=qsettings,
            runner=TaskRunner(),
            opener=lambda url: opened.append(url) or True,  # a real opener says it opened
            clock=clock,
            poll_on_start=False,
            use_tray=False,
        )
        values.update(overrides)
        return AppContext(**values)

    return make


@pytest.fixture
def make_window(qtbot, make_context):
    from ui.main_window import MainWindow

    windows = []

    def make(**overrides):
        window = MainWindow(make_context(**overrides))
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        windows.append(window)
        settle(qtbot, window)
        return window

    yield make
    for window in windows:
        if window.isVisible() or not window.polling.poller._closed:
            window.quit()
        window.context.runner.shutdown()


def settle(qtbot, window) -> None:
    """Wait until the background tasks the window started have reported back."""
    qtbot.waitUntil(lambda: window.context.runner.active == 0, timeout=10_000)
