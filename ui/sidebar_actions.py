"""What the sidebar's context menu does: poll, edit, disable, mark read, open the site,
rename a saved search. The window only calls `wire_sidebar_actions`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QInputDialog

from db import ArticleQuery, NotFoundError, StoreError
from ui.core_text import core_text
from ui.filters import Scope, query_for
from ui.i18n import translate
from ui.panels.safe_browser import is_web_url

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Target = Scope | str | None


class SidebarActions:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._store = window.store
        self.ask_name: Callable[[str], str | None] = self._ask_name

    def run(self, command: str, target: Target) -> None:
        handler = getattr(self, f"_{command}", None)
        if handler is not None:
            handler(target)

    def _feed_ids(self, target: Target) -> list[int] | None:
        """The feeds an entry stands for; None for every feed (an issue, everything)."""
        if isinstance(target, str):
            return [f.id for f in self._store.feeds.list() if f.category == target]
        if target is not None and target.kind == "feed":
            return [int(target.key or 0)]
        return None

    def _poll(self, target: Target) -> None:
        ids = self._feed_ids(target)
        self._window.polling.poller.poll_now(all_feeds=ids is None, feed_ids=ids)

    def _edit(self, target: Target) -> None:
        if isinstance(target, Scope) and target.kind == "issue":
            self._window.open_rules()
            return
        dialog = self._window.open_feeds()
        dialog.select_feeds(self._feed_ids(target) or [])

    def _set_enabled(self, target: Target, enabled: bool) -> None:
        for feed_id in self._feed_ids(target) or []:
            self._store.feeds.set_enabled(feed_id, enabled)
        self._window.load_content()

    def _disable(self, target: Target) -> None:
        self._set_enabled(target, False)

    def _enable(self, target: Target) -> None:
        self._set_enabled(target, True)

    def _mark_read(self, target: Target) -> None:
        if isinstance(target, str):
            queries = [ArticleQuery(feed_id=i) for i in self._feed_ids(target) or []]
        else:
            saved = None
            if target is not None and target.kind == "search":
                saved = self._store.searches.get(int(target.key or 0))
            queries = [query_for(target or Scope(), saved=saved)]
        self._window.reader.mark_all_read_in(queries)

    def _open_site(self, target: Target) -> None:
        ids = self._feed_ids(target) or []
        try:
            feed = self._store.feeds.get(ids[0]) if ids else None
        except NotFoundError:
            return
        url = QUrl(feed.site_url or feed.url) if feed is not None else QUrl()
        if is_web_url(url):
            self._window.context.opener(url)

    def _rename(self, target: Target) -> None:
        if not isinstance(target, Scope) or target.kind != "search":
            return
        search = self._store.searches.get(int(target.key or 0))
        name = self.ask_name(search.name)
        if not name or not name.strip() or name.strip() == search.name:
            return
        try:
            self._store.searches.rename(search.id, name.strip())
        except StoreError as exc:
            self._window.statusBar().showMessage(core_text(exc, framed=True), 5000)
            return
        self._window.load_content()

    def _ask_name(self, current: str) -> str | None:
        name, ok = QInputDialog.getText(
            self._window,
            translate("SidebarMenu", "Rename saved search"),
            translate("SidebarMenu", "New name:"),
            text=current,
        )
        return name if ok else None


def wire_sidebar_actions(window: MainWindow) -> SidebarActions:
    actions = SidebarActions(window)
    window.sidebar.entry_action_requested.connect(actions.run)
    return actions
