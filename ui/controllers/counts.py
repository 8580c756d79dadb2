"""Keeps the sidebar's and the baseline's counts fresh without counting on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ui.context import AppContext
from ui.sidebar_counts import SidebarCounts, load_counts


class CountsController(QObject):
    """Signals:
    counts_loaded(object): a fresh SidebarCounts.
    """

    counts_loaded = Signal(object)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._running = False
        self._again = False
        self.latest = SidebarCounts()

    def refresh(self) -> None:
        """Count again; requests while a count runs are folded into one more run."""
        if self._running:
            self._again = True
            return
        self._running = True
        self._context.runner.run_with_store(
            self._context.db_path, load_counts, on_done=self._on_task_done, on_error=self._on_task_failed
        )

    def _on_task_done(self, counts: SidebarCounts) -> None:
        self.latest = counts
        self.counts_loaded.emit(counts)
        self._settle()

    def _on_task_failed(self, _exc: BaseException) -> None:
        self._settle()

    def _settle(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.refresh()
