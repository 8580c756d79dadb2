"""Polling as the window sees it: the status bar, feed health in the sidebar, and when to reload.

Feed results arrive one by one; reloading the list and the counts for each would keep
the GUI thread busy, so reloads are folded into one per `RELOAD_DELAY_MS`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from db import NotFoundError
from monitor.settings import load as load_settings
from ui.context import AppContext
from ui.core_text import core_text
from ui.i18n import shown_issues, translate
from ui.panels.poll_status import PollStatus
from ui.panels.sidebar import SidebarPanel
from ui.poll_line import next_poll, status_line
from ui.poll_worker import BackgroundPoller

RELOAD_DELAY_MS = 700


class PollingController(QObject):
    """Signals:
    items_changed(): new items were stored; reload what shows them.
    poll_done(object): the PollSummary of a finished poll.
    """

    items_changed = Signal()
    poll_done = Signal(object)

    def __init__(self, context: AppContext, status: PollStatus, sidebar: SidebarPanel) -> None:
        super().__init__(sidebar)
        self._context = context
        self._status = status
        self._sidebar = sidebar
        interval = load_settings(context.store).poll_interval_s
        self.poller = BackgroundPoller(context.db_path, context.poller_factory, interval, self)
        self.poller.poll_started.connect(status.on_started)
        self.poller.feed_polled.connect(self._on_poller_feed_polled)
        self.poller.poll_progressed.connect(status.on_progressed)
        self.poller.poll_finished.connect(self._on_poller_poll_finished)
        self.poller.poll_failed.connect(self._on_poller_poll_failed)
        status.cancel_requested.connect(self.poller.cancel)
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(RELOAD_DELAY_MS)
        self._reload.timeout.connect(self.items_changed)
        self.show_schedule()

    def start(self) -> None:
        """Poll what is due now, then on the timer."""
        self.poller.start_timer()
        if not self.poller.poll_due():
            self.show_schedule()

    def _last_polled(self) -> datetime | None:
        """When a feed was last fetched, as the store remembers it (a restart forgets nothing)."""
        attempts = [f.last_attempt_at for f in self._context.store.feeds.list() if f.last_attempt_at]
        return max(attempts, default=None)

    def _next_poll(self) -> datetime | None:
        timer = self.poller.timer
        now = self._context.clock()
        tick = now + timedelta(milliseconds=timer.remainingTime()) if timer.isActive() else None
        interval = timedelta(milliseconds=timer.interval())
        return next_poll(self._context.store.feeds.next_due_at(), tick, interval)

    def show_schedule(self, summary: Any = None) -> None:
        """The last poll (with what it found, when given), and the next one."""
        names = {i.slug: i.name for i in shown_issues(self._context.store.issues.list())}
        line = status_line(self._context.clock(), self._last_polled(), self._next_poll(), summary, names)
        self._status.on_finished(line)

    def set_interval(self, seconds: int) -> None:
        self.poller.set_interval(seconds)

    def _on_poller_feed_polled(self, result: Any) -> None:
        try:
            self._sidebar.sidebar_model.update_feed(self._context.store.feeds.get(result.feed_id))
        except NotFoundError:
            pass  # removed while it was being polled
        if result.new_ids:
            self._status.on_new_items(len(result.new_ids))
            if not self._reload.isActive():
                self._reload.start()

    def _on_poller_poll_finished(self, summary: Any) -> None:
        self.show_schedule(summary)
        self._reload.stop()
        self.items_changed.emit()
        self.poll_done.emit(summary)
        self._write_daily_digests()

    def _write_daily_digests(self) -> None:
        """The daily digest is due after a poll: write missed days off the GUI thread."""
        from monitor.digest.daily import write_due_digests

        context = self._context
        context.runner.run_with_store(
            context.db_path,
            lambda store: write_due_digests(store, context.clock(), pdf_renderer=context.pdf_renderer),
            on_error=lambda exc: self._status.on_finished(
                translate("Polling", "Daily digest not written: {}").format(core_text(exc))
            ),
        )

    def _on_poller_poll_failed(self, message: str) -> None:
        self._status.on_finished(message)

    def shutdown(self) -> bool:
        self._reload.stop()
        return self.poller.shutdown()
