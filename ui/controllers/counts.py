"""Keeps the sidebar's and the baseline's counts fresh without counting on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ui.context import AppContext
from ui.sidebar_counts import SidebarCounts, load_counts
from ui.tasks import FoldedRead


class CountsController(QObject):
    """Signals:
    counts_loaded(object): a fresh SidebarCounts.
    """

    counts_loaded = Signal(object)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.latest = SidebarCounts()
        self._read = FoldedRead(context.runner, context.db_path, load_counts, self._on_counts_read)

    def refresh(self) -> None:
        """Count again; requests while a count runs are folded into one more run."""
        self._read.request()

    def _on_counts_read(self, counts: SidebarCounts) -> None:
        self.latest = counts
        self.counts_loaded.emit(counts)
