"""Cyclic garbage is collected on the GUI thread, never on a worker thread.

Python's collector runs on whichever thread allocates when its counts pass their
thresholds. A cycle that holds a Qt object (a closed dialog, a model with a slot that
refers back to it) collected on a background task's thread deletes that object off the
GUI thread, and Qt crashes. So automatic collection is switched off while the app runs
and a timer on the GUI thread collects instead, by the same thresholds, generation by
generation. Reference counting still frees everything else at once, on every thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_EVERY_MS = 200  # garbage waits at most this long; a check that finds little costs ~1 µs


class GuiThreadCollector(QObject):
    """Owns the collector while it lives (made on the GUI thread); `stop` hands it back."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(CHECK_EVERY_MS)

    def check(self) -> None:
        """Collect the oldest generation whose count has passed its threshold, as Python would."""
        counts = gc.get_count()
        generation = -1
        for n, (count, threshold) in enumerate(zip(counts, self._thresholds, strict=True)):
            if threshold and count > threshold:
                generation = n
            else:
                break
        if generation >= 0:
            gc.collect(generation)

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
