"""`cc-monitor` with no command opens the desktop app on the chosen database."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from db import open_store
from monitor.seed import seed


def test_cc_monitor_without_a_command_opens_the_main_window_with_issues_and_baseline(
    qapp, db_path, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    store = open_store(db_path)
    seed(store, datetime.now(UTC))
    for feed in store.feeds.list():  # the shipped feeds are on the internet: never poll them here
        store.feeds.set_enabled(feed.id, False)
    facts = {fact.id for fact in store.baseline.list()}
    store.close()
    seen: dict[str, object] = {}

    def look_then_close() -> None:
        from ui.main_window import MainWindow

        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = windows[0]
        seen["visible"] = window.isVisible()
        seen["title"] = window.windowTitle()
        model = window.sidebar.sidebar_model
        seen["sidebar"] = [
            model.item(row).text() for row in range(model.rowCount()) if model.item(row) is not None
        ]
        tree = window.baseline.tree
        seen["facts"] = {
            tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole)
            for i in range(tree.topLevelItemCount())
            for j in range(tree.topLevelItem(i).childCount())
        }
        window.quit()

    QTimer.singleShot(0, look_then_close)
    from ui.__main__ import main

    assert main(["--db", str(db_path)]) == 0
    assert seen["visible"] is True
    assert seen["title"] == "Canada–China Monitor"
    labels = " ".join(map(str, seen["sidebar"]))
    for name in ("Tariffs", "visit", "Human rights", "Election interference"):
        assert name.lower() in labels.lower()
    assert seen["facts"] == facts


def test_sigterm_quits_the_app_the_way_file_quit_does(qtbot, make_window):
    import os
    import signal

    from ui.app import stop_on_signals

    window = make_window()
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        stop_on_signals(window)
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    assert window.polling.poller._thread.isFinished()
