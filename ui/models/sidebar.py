"""The sidebar's tree: everything, tracked issues, starred, saved searches, feeds by category.

Column 0 names the entry, column 1 shows its unread count. Each entry carries the
`Scope` it selects.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from db.records import Feed, SavedSearch, TrackedIssue
from ui.filters import ALL, STARRED, Scope
from ui.health import HEALTH_COLOURS, feed_tooltip, health, health_word
from ui.i18n import translate
from ui.icons import dot_icon
from ui.sidebar_counts import SidebarCounts

SCOPE_ROLE = Qt.ItemDataRole.UserRole + 10
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 11
FEED_ENABLED_ROLE = Qt.ItemDataRole.UserRole + 12
ALL_LABEL = QT_TRANSLATE_NOOP("Sidebar", "All Canada–China")
STARRED_LABEL = QT_TRANSLATE_NOOP("Sidebar", "Starred")


def _item(text: str, scope: Scope | None = None, tooltip: str | None = None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if scope is None:
        item.setSelectable(False)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    else:
        item.setData(scope, SCOPE_ROLE)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _count_item() -> QStandardItem:
    item = QStandardItem("")
    item.setEditable(False)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class SidebarModel(QStandardItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self._by_scope: dict[Scope, QStandardItem] = {}
        self._shown: dict[Scope, int] = {}  # what each entry shows now, to touch only changes
        self._counts = SidebarCounts()

    def set_content(
        self, issues: Sequence[TrackedIssue], searches: Sequence[SavedSearch], feeds: Sequence[Feed]
    ) -> None:
        self.clear()
        self.setColumnCount(2)
        self._by_scope = {}
        self._shown = {}
        self._add_row(self.invisibleRootItem(), _item(translate("Sidebar", ALL_LABEL), ALL))
        for issue in issues:
            entry = _item(issue.name, Scope("issue", issue.slug), issue.description or None)
            entry.setIcon(dot_icon(issue.colour))
            self._add_row(self.invisibleRootItem(), entry)
        self._add_row(self.invisibleRootItem(), _item(translate("Sidebar", STARRED_LABEL), STARRED))
        if searches:
            group = self._add_row(self.invisibleRootItem(), _item(translate("Sidebar", "Saved searches")))
            for search in searches:
                self._add_row(group, _item(search.name, Scope("search", search.id), search.query))
        if feeds:
            group = self._add_row(self.invisibleRootItem(), _item(translate("Sidebar", "Feeds")))
            folders: dict[str, QStandardItem] = {}
            for feed in feeds:
                parent = group
                if feed.category:
                    if feed.category not in folders:
                        folders[feed.category] = self._add_row(group, _item(feed.category))
                        folders[feed.category].setData(feed.category, CATEGORY_ROLE)
                    parent = folders[feed.category]
                self._add_row(parent, self._feed_item(feed))
        self.set_counts(self._counts)

    def _add_row(self, parent: QStandardItem, item: QStandardItem) -> QStandardItem:
        parent.appendRow([item, _count_item()])
        scope = item.data(SCOPE_ROLE)
        if scope is not None:
            self._by_scope[scope] = item
        return item

    def _feed_item(self, feed: Feed) -> QStandardItem:
        item = _item(feed.display_title, Scope("feed", feed.id))
        self._dress_feed(item, feed)
        return item

    def _dress_feed(self, item: QStandardItem, feed: Feed) -> None:
        state = health(feed)
        item.setText(feed.display_title)
        item.setIcon(dot_icon(HEALTH_COLOURS[state]))
        item.setToolTip(feed_tooltip(feed))
        item.setData(health_word(state), Qt.ItemDataRole.AccessibleDescriptionRole)
        item.setData(feed.enabled, FEED_ENABLED_ROLE)

    def update_feed(self, feed: Feed) -> None:
        item = self._by_scope.get(Scope("feed", feed.id))
        if item is not None:
            self._dress_feed(item, feed)

    def set_counts(self, counts: SidebarCounts) -> None:
        """Show new counts. Hundreds of feeds change at once during a poll, so the items are
        updated silently and the views told once per branch, not once per cell."""
        self._counts = counts
        changed = False
        self.blockSignals(True)
        try:
            for scope, item in self._by_scope.items():
                count = self._count_for(scope, counts)
                if self._shown.get(scope) != count:
                    self._shown[scope] = count
                    changed |= self._set_count(item, count)
        finally:
            self.blockSignals(False)
        if changed:
            self._announce(self.invisibleRootItem())

    def _announce(self, parent: QStandardItem) -> None:
        rows = parent.rowCount()
        if rows == 0:
            return
        parent_index = parent.index() if parent is not self.invisibleRootItem() else QModelIndex()
        self.dataChanged.emit(self.index(0, 0, parent_index), self.index(rows - 1, 1, parent_index))
        for row in range(rows):
            child = parent.child(row, 0)
            if child is not None and child.hasChildren():
                self._announce(child)

    def _count_for(self, scope: Scope, counts: SidebarCounts) -> int:
        if scope.kind == "all":
            return counts.unread
        if scope.kind == "starred":
            return counts.starred
        if scope.kind == "issue":
            return counts.by_issue.get(str(scope.key), 0)
        if scope.kind == "search":
            return counts.by_search.get(int(scope.key or 0), 0)
        return counts.by_feed.get(int(scope.key or 0), 0)

    def _set_count(self, item: QStandardItem, count: int) -> bool:
        parent = item.parent() or self.invisibleRootItem()
        cell = parent.child(item.row(), 1)
        text = str(count) if count else ""
        changed = False
        if cell is not None and cell.text() != text:
            cell.setText(text)
            changed = True
        font = item.font()
        if font.bold() != (count > 0):
            font.setBold(count > 0)
            item.setFont(font)
            changed = True
        return changed

    def count_text(self, scope: Scope) -> str:
        item = self._by_scope.get(scope)
        if item is None:
            return ""
        parent = item.parent() or self.invisibleRootItem()
        return parent.child(item.row(), 1).text()

    def index_of(self, scope: Scope) -> QModelIndex:
        item = self._by_scope.get(scope)
        return item.index() if item is not None else QModelIndex()

    def category_at(self, index: QModelIndex) -> str | None:
        """The feed category an entry names, or None when it is no category."""
        if not index.isValid():
            return None
        category = self.index(index.row(), 0, index.parent()).data(CATEGORY_ROLE)
        return category if isinstance(category, str) else None

    def scope_at(self, index: QModelIndex) -> Scope | None:
        if not index.isValid():
            return None
        scope = self.index(index.row(), 0, index.parent()).data(SCOPE_ROLE)
        return scope if isinstance(scope, Scope) else None
