"""Reference cycles are collected on the GUI thread only.

CPython collects cycles on whichever thread allocates when a threshold is passed. When
that is a worker thread (a poll, a retag) and a cycle holds Qt objects (a finished task
and the slots connected to it, a closed dialog), their C++ side is destroyed on the
wrong thread, and the app can crash. Once the app runs work off the GUI thread, automatic
collection is therefore switched off, and a timer on the GUI thread collects instead,
generation by generation as CPython would.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 250  # garbage cycles wait at most this long; a young generation takes ~1 ms


class GuiThreadCollector(QObject):
    """Collects when CPython's thresholds say so, on the thread of its parent (the GUI's)."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation due, if any; returns what was collected."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                return gc.collect(generation)
        return 0

    def stop(self) -> None:
        """Automatic collection as it was before (for a process that goes on without the GUI)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Switch to collecting on `app`'s thread; call it there, before starting worker threads.
    Calling it again returns the collector already running."""
    found = app.findChild(GuiThreadCollector)
    return found if found is not None else GuiThreadCollector(app)
