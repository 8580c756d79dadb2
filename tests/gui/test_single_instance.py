"""One app per database: a second start for the same file brings the first window forward and exits."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from db import open_store
from monitor.seed import seed
from tests.gui.conftest import OFFSCREEN_NOISE
from ui.single_instance import SingleInstance, server_name


def test_a_second_instance_on_the_same_database_asks_the_first_to_show_itself(qtbot, db_path):
    first, second = SingleInstance(db_path), SingleInstance(db_path)
    try:
        assert first.claim()
        with qtbot.waitSignal(first.activation_requested, timeout=5_000):
            assert not second.claim()
    finally:
        first.close()


def test_another_database_is_another_instance(qtbot, tmp_path):
    first, second = SingleInstance(tmp_path / "a.db"), SingleInstance(tmp_path / "b.db")
    try:
        assert first.claim() and second.claim()
    finally:
        first.close()
        second.close()


def test_the_same_file_spelt_another_way_is_the_same_instance(tmp_path):
    (tmp_path / "sub").mkdir()
    assert server_name(tmp_path / "sub" / ".." / "monitor.db") == server_name(tmp_path / "monitor.db")


def test_after_the_first_instance_closes_the_next_start_runs(qtbot, db_path):
    first = SingleInstance(db_path)
    assert first.claim()
    first.close()
    again = SingleInstance(db_path)
    try:
        assert again.claim()
    finally:
        again.close()


# The offscreen platform cannot raise a window and says so; a desktop's window manager can.
@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, r"This plugin does not support raise\(\)")
def test_starting_the_app_again_on_its_database_raises_the_open_window(qapp, db_path, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    store = open_store(db_path)
    seed(store, datetime.now(UTC))
    for feed in store.feeds.list():  # the shipped feeds are on the internet: never poll them here
        store.feeds.set_enabled(feed.id, False)
    store.close()
    seen: dict[str, object] = {}

    give_up = time.monotonic() + 120  # a broken start fails the test instead of hanging it
    from ui.main_window import MainWindow

    def hide_then_start_again() -> None:
        # the window of this database: other tests may have left theirs in this process
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and Path(w.context.db_path) == Path(db_path)]
        if not windows:  # the window is not built yet on a slow machine: look again soon
            if time.monotonic() > give_up:
                QApplication.quit()
            else:
                QTimer.singleShot(50, hide_then_start_again)
            return
        window = windows[0]
        window.hide()  # as if closed to the tray
        second = subprocess.run(
            [sys.executable, "-m", "ui", "--db", str(db_path)],
            capture_output=True, text=True, timeout=60,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")},
        )
        seen["second"] = second
        deadline = time.monotonic() + 10

        def check() -> None:
            if window.isVisible() or time.monotonic() > deadline:
                seen["shown"] = window.isVisible()
                window.quit()
            else:
                QTimer.singleShot(20, check)

        check()

    QTimer.singleShot(0, hide_then_start_again)
    from ui.__main__ import main

    assert main(["--db", str(db_path)]) == 0
    second = seen["second"]
    assert second.returncode == 0, second.stderr
    assert "already open" in second.stdout
    assert seen["shown"] is True
