"""Polling off the GUI thread: a worker object on its own QThread, driven by a controller.

The poller blocks, so it is built and used on the poll thread only. The app's own
poller runs the poll in a process of its own (monitor.poll_process); its callbacks
run on the poll thread, and the worker turns them into Qt signals, which Qt queues
to the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from monitor.settings import DEFAULTS
from ui.core_text import core_text
from ui.i18n import translate


class PollerLike(Protocol):
    def poll(
        self,
        *,
        all_feeds: bool = False,
        feed_ids: Sequence[int] | None = None,
        on_result: Callable[[Any], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> Any: ...

    def close(self) -> None: ...


PollerFactory = Callable[[Path], PollerLike]


def default_poller_factory(db_path: Path) -> PollerLike:
    from monitor.poll_process import PollProcess  # imported late: it starts nothing until asked

    # The poll runs in a process of its own: its threads would otherwise take turns with
    # the GUI thread for the interpreter. The app keeps it, so it starts once a session.
    return PollProcess(db_path)


class PollWorker(QObject):
    """Runs polls on the poll thread, one at a time.

    Signals:
        feed_polled(object): a FeedResult, as soon as that feed is stored.
        poll_progressed(int, int): feeds done, feeds total.
        poll_finished(object): the PollSummary.
        poll_failed(str): the poll could not run at all (one line).
    """

    feed_polled = Signal(object)
    poll_progressed = Signal(int, int)
    poll_finished = Signal(object)
    poll_failed = Signal(str)

    def __init__(self, db_path: Path, factory: PollerFactory) -> None:
        super().__init__()
        self._db_path = db_path
        self._factory = factory
        self._poller: PollerLike | None = None

    @Slot(bool, object, object)
    def poll(self, all_feeds: bool, feed_ids: object, cancel: object) -> None:
        try:
            if self._poller is None:
                self._poller = self._factory(self._db_path)
            summary = self._poller.poll(
                all_feeds=all_feeds,
                feed_ids=feed_ids,  # type: ignore[arg-type]
                on_result=self.feed_polled.emit,
                on_progress=self.poll_progressed.emit,
                cancel=cancel,  # type: ignore[arg-type]
            )
        except Exception as exc:  # the user sees one line; the next poll tries again
            failed = translate("PollWorker", "polling failed: {}").format(core_text(exc))
            self.poll_failed.emit(failed.splitlines()[0])
        else:
            self.poll_finished.emit(summary)

    @Slot()
    def close(self) -> None:
        if self._poller is not None:
            self._poller.close()
            self._poller = None
        QThread.currentThread().quit()


# A progress bar repaints at once at each new value: a count that moves at every feed
# (hundreds a second in a first poll) is passed on at most this often.
PROGRESS_EVERY_MS = 100


class BackgroundPoller(QObject):
    """Owns the poll thread, the periodic timer and the cancel switch; lives on the GUI thread.

    Signals:
        poll_started(): a poll was handed to the worker.
        feed_polled(object), poll_progressed(int, int), poll_finished(object), poll_failed(str):
            the worker's, re-emitted on the GUI thread; poll_progressed at most every
            PROGRESS_EVERY_MS, and with the last count before a poll ends.
    """

    poll_started = Signal()
    feed_polled = Signal(object)
    poll_progressed = Signal(int, int)
    poll_finished = Signal(object)
    poll_failed = Signal(str)
    _poll_requested = Signal(bool, object, object)
    _close_requested = Signal()

    def __init__(
        self,
        db_path: Path,
        factory: PollerFactory = default_poller_factory,
        interval_s: int = DEFAULTS.poll_interval_s,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("poll")
        self._worker = PollWorker(db_path, factory)
        self._worker.moveToThread(self._thread)
        self._poll_requested.connect(self._worker.poll)
        self._close_requested.connect(self._worker.close)
        self._worker.feed_polled.connect(self._on_worker_feed_polled)
        self._worker.poll_progressed.connect(self._on_worker_poll_progressed)
        self._worker.poll_finished.connect(self._on_worker_poll_finished)
        self._worker.poll_failed.connect(self._on_worker_poll_failed)
        self._cancel: threading.Event | None = None
        self._closed = False
        self._progress: tuple[int, int] | None = None  # the latest, not yet passed on
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_EVERY_MS)
        self._progress_timer.timeout.connect(self._on_progress_period)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll_due)
        self.set_interval(interval_s)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._cancel is not None

    def set_interval(self, seconds: int) -> None:
        self.timer.setInterval(max(60, int(seconds)) * 1000)

    def start_timer(self) -> None:
        self.timer.start()

    def poll_due(self) -> bool:
        return self.poll_now(all_feeds=False)

    def poll_now(self, all_feeds: bool = True, feed_ids: Sequence[int] | None = None) -> bool:
        """Start a poll; False when one is running already or the controller is shut down."""
        if self.busy or self._closed:
            return False
        self._cancel = threading.Event()
        self.poll_started.emit()
        self._poll_requested.emit(all_feeds, list(feed_ids) if feed_ids else None, self._cancel)
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def shutdown(self, msecs: int = 30_000) -> bool:
        """Cancel the running poll, close the poller on its thread, and wait for the thread."""
        if self._closed:
            return True
        self._closed = True
        self.timer.stop()
        self.cancel()
        self._close_requested.emit()
        return self._thread.wait(msecs)

    def _settle(self) -> None:
        self._cancel = None
        self._progress_timer.stop()
        self._pass_progress()  # the count the poll ended on

    def _on_progress_period(self) -> None:
        if self._progress is not None:  # counts came during the period: the latest, then wait again
            self._pass_progress()
            self._progress_timer.start()

    def _pass_progress(self) -> None:
        if self._progress is not None and not self._closed:
            done, total = self._progress
            self._progress = None
            self.poll_progressed.emit(done, total)

    @Slot(object)
    def _on_worker_feed_polled(self, result: object) -> None:
        if not self._closed:
            self.feed_polled.emit(result)

    @Slot(int, int)
    def _on_worker_poll_progressed(self, done: int, total: int) -> None:
        self._progress = (done, total)
        if not self._progress_timer.isActive():  # the first at once, then at most one a period
            self._pass_progress()
            self._progress_timer.start()

    @Slot(object)
    def _on_worker_poll_finished(self, summary: object) -> None:
        self._settle()
        if not self._closed:
            self.poll_finished.emit(summary)

    @Slot(str)
    def _on_worker_poll_failed(self, message: str) -> None:
        self._settle()
        if not self._closed:
            self.poll_failed.emit(message)
