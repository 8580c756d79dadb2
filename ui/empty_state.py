"""Puts the empty-state panel in place of the Developments view and the article list while
the database has no items about the storyline, and feeds it the poll's progress. The window
only calls `install_empty_state`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStackedWidget, QWidget

from db import ArticleQuery, NotFoundError
from ui.core_text import core_text
from ui.i18n import translate
from ui.panels.empty_state import EmptyStatePanel

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class EmptyState(QObject):
    """Two panels (one per tab) that say the same thing, and the stacks that hold them."""

    def __init__(self, window: MainWindow, tabs: tuple[int, ...]) -> None:
        super().__init__(window)
        self._window = window
        self.panels: list[EmptyStatePanel] = []
        self.stacks: list[QStackedWidget] = []
        self.ask_open_path: Callable[[], str] | None = None  # None: the Feeds dialog asks
        self._wrap(tabs)
        poller = window.polling.poller
        poller.poll_started.connect(self._on_poll_started)
        poller.poll_progressed.connect(self._on_poll_progressed)
        poller.feed_polled.connect(self._on_feed_polled)
        window.polling.poll_done.connect(self._on_poll_done)
        window.polling.items_changed.connect(self.update)
        self.update()

    def _wrap(self, indexes: tuple[int, ...]) -> None:
        tabs = self._window.tabs
        current = tabs.currentIndex()
        tabs.blockSignals(True)  # the tabs move, the view the user sees does not
        try:
            for index in indexes:
                label, view = tabs.tabText(index), tabs.widget(index)
                tabs.removeTab(index)
                panel = EmptyStatePanel()
                panel.feeds_requested.connect(self._window.open_feeds)
                panel.import_requested.connect(self._import)
                stack = QStackedWidget()
                stack.addWidget(view)
                stack.addWidget(panel)
                tabs.insertTab(index, stack, label)
                self.panels.append(panel)
                self.stacks.append(stack)
            tabs.setCurrentIndex(current)
        finally:
            tabs.blockSignals(False)

    @property
    def shown(self) -> bool:
        pairs = zip(self.stacks, self.panels, strict=True)
        return any(stack.currentWidget() is panel for stack, panel in pairs)

    def update(self) -> None:
        """Show the panels while there is nothing to read; the views once there is."""
        empty = not self._window.store.articles.rows(ArticleQuery(), limit=1)
        if empty and not self.shown and not self._window.polling.poller.busy:
            feeds = sum(f.enabled for f in self._window.store.feeds.list())
            self._each(lambda panel: panel.show_idle(feeds))
        for stack, panel in zip(self.stacks, self.panels, strict=True):
            view: QWidget = stack.widget(0)
            stack.setCurrentWidget(panel if empty else view)

    def _each(self, call: Any) -> None:
        for panel in self.panels:
            call(panel)

    def _on_poll_started(self) -> None:
        self._each(EmptyStatePanel.on_started)

    def _on_poll_progressed(self, done: int, total: int) -> None:
        self._each(lambda panel: panel.on_progressed(done, total))

    def _on_feed_polled(self, result: Any) -> None:
        if result.status not in ("failing", "gone"):
            return
        try:
            name = self._window.store.feeds.get(result.feed_id).display_title
        except NotFoundError:
            name = result.url
        error = (result.error or "").strip().splitlines()
        gone = (
            translate("EmptyState", "gone") if result.status == "gone" else translate("EmptyState", "failed")
        )
        line = core_text(error[0]) if error else gone
        self._each(lambda panel: panel.on_feed_failed(name, line))

    def _on_poll_done(self, summary: Any) -> None:
        self._each(lambda panel: panel.on_finished(summary.total))
        self.update()

    def _import(self) -> None:
        dialog = self._window.open_feeds()
        if self.ask_open_path is not None:
            dialog.ask_open_path = self.ask_open_path
        dialog.import_opml()


def install_empty_state(window: MainWindow, tabs: tuple[int, ...]) -> EmptyState:
    return EmptyState(window, tabs)
