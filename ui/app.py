"""Starting the desktop app: one QApplication, one store for the GUI thread, one main window."""

from __future__ import annotations

import signal
import sys
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from db import StoreError, open_store
from monitor import APP_NAME, __version__
from monitor.seed import seed
from monitor.settings import load as load_settings
from ui.context import AppContext
from ui.i18n import install_translators, interface_language, translate
from ui.icons import app_icon
from ui.main_window import MainWindow
from ui.single_instance import SingleInstance, bring_to_front
from ui.theme import follow_colour_scheme


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName("Canada–China Monitor")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_NAME)  # Wayland matches the window to cc-monitor.desktop by this
    return app  # type: ignore[return-value]


def style_sheet() -> str:
    """resources/style.qss, or nothing when it is missing."""
    path = resources.files("resources") / "style.qss"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


# How long a thread may hold the GIL before another that waits gets it (Python's default
# is 5 ms). The poll and the background tasks run Python on their own threads; with
# several of them waiting, the GUI thread could wait several turns to paint.
GIL_SWITCH_S = 0.001


def run_app(db_path: Path) -> int:
    sys.setswitchinterval(GIL_SWITCH_S)
    app = create_application()
    follow_colour_scheme(app, style_sheet())
    instance = SingleInstance(db_path)
    if not instance.claim():
        print(f"cc-monitor: {db_path} is already open; its window was brought to the front")
        return 0
    try:
        store = open_store(db_path)
        language = interface_language(load_settings(store).language)
        seed(store, datetime.now(UTC), language)
    except StoreError as exc:
        QMessageBox.critical(None, "Canada–China Monitor", str(exc))
        print(f"cc-monitor: error: {exc}", file=sys.stderr)
        return 2
    translators = install_translators(app, language)  # noqa: F841 - Qt keeps only pointers to them
    app.setApplicationDisplayName(translate("MainWindow", "Canada–China Monitor"))
    window = MainWindow(AppContext(store=store, settings=QSettings(), language=language))
    window.show()
    # Issue colours are made readable on the current background: a new scheme redraws them.
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: window.load_content())
    instance.activation_requested.connect(lambda: bring_to_front(window))
    stop_on_signals(window)
    try:
        return app.exec()
    finally:
        instance.close()
        store.close()


def stop_on_signals(window: MainWindow) -> QTimer:
    """SIGINT and SIGTERM (Ctrl+C, `kill`, a logout) quit the way File › Quit does.

    Python runs signal handlers only when it holds the interpreter, which a Qt event
    loop rarely gives it: a short idle timer hands it back a few times a second.
    """
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: window.quit())
    ticker = QTimer(window)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)
    return ticker
