"""Noticing what other connections wrote: the CLI, a `poll --watch` sharing the file, and
this app's own worker threads.

SQLite's `PRAGMA data_version` on the GUI thread's long-lived connection changes when
another connection commits. It is one tiny query, so it is asked on the GUI thread, on
a timer and when the app knows something was written (after a poll).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from db import Store
from db.records import Feed, SavedSearch, TrackedIssue

CHECK_INTERVAL_MS = 2000


class DatabaseWatcher(QObject):
    """Signals:
    changed(): another connection committed since the last check.
    """

    changed = Signal()

    def __init__(
        self,
        store: Store,
        parent: QObject | None = None,
        paused: Callable[[], bool] = lambda: False,
        interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._paused = paused
        self._version = store.data_version()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        if not self._paused():
            self.check()

    def check(self) -> bool:
        """Emit `changed` (and return True) if another connection committed since last asked."""
        version = self._store.data_version()
        if version == self._version:
            return False
        self._version = version
        self.changed.emit()
        return True

    def stop(self) -> None:
        self._timer.stop()


def outline(
    issues: Sequence[TrackedIssue], searches: Sequence[SavedSearch], feeds: Sequence[Feed]
) -> tuple[object, ...]:
    """What the sidebar's rows are made of. A poll changes only the feeds' health, which is
    updated in place; rebuilding the tree for it would fold and scroll it under the user."""
    return (
        tuple((i.slug, i.name, i.colour, i.description) for i in issues),
        tuple((s.id, s.name, s.query) for s in searches),
        tuple((f.id, f.display_title, f.category, f.enabled) for f in feeds),
    )
