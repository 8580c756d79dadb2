"""What the window is built from: made once at start-up and passed down, never looked up.

Tests build one with a database under tmp_path, a QSettings file under tmp_path, a
poller that talks to a local server and an opener that records instead of opening.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QDesktopServices

from db import Store
from db.timeutil import utcnow
from monitor.digest.formats import PdfRenderer
from ui.panels.safe_browser import UrlOpener
from ui.pdf import html_to_pdf
from ui.poll_worker import PollerFactory, default_poller_factory
from ui.tasks import TaskRunner


@dataclass
class AppContext:
    store: Store  # the GUI thread's own connection
    settings: QSettings  # window geometry and splitters
    runner: TaskRunner = field(default_factory=TaskRunner)
    poller_factory: PollerFactory = default_poller_factory
    opener: UrlOpener = QDesktopServices.openUrl
    clock: Callable[[], datetime] = utcnow
    pdf_renderer: PdfRenderer = html_to_pdf
    poll_on_start: bool = True
    use_tray: bool = True
    language: str = "en"  # the interface's: "en" or "fr" (ui.i18n.interface_language)

    @property
    def db_path(self) -> Path:
        return self.store.path
