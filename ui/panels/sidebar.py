"""The sidebar: what the article list shows. A tree over SidebarModel, two columns (name, unread)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView, QWidget

from ui.filters import Scope
from ui.i18n import translate
from ui.models.sidebar import FEED_ENABLED_ROLE, SidebarModel
from ui.sidebar_menu import entry_commands


class SidebarPanel(QTreeView):
    """Signals:
    scope_selected(object): the Scope the user picked.
    search_removal_requested(int): the id of a saved search to forget.
    entry_action_requested(str, object): a context-menu command ("poll", "edit", "disable",
        "enable", "mark_read", "open_site", "rename") on a Scope or a category name (str).
    """

    scope_selected = Signal(object)
    search_removal_requested = Signal(int)
    entry_action_requested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.sidebar_model = SidebarModel(self)
        self.setModel(self.sidebar_model)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setIndentation(14)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu_requested)
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._configure_header()

    def _configure_header(self) -> None:
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def reload(self, *content: object) -> None:
        """Rebuild the tree (issues, searches, feeds), keeping the selected entry."""
        current = self.current_scope()
        self.blockSignals(True)
        self.sidebar_model.set_content(*content)  # type: ignore[arg-type]
        self._configure_header()
        self.expandAll()
        self.blockSignals(False)
        if current is not None:
            self.select(current, notify=False)

    def current_scope(self) -> Scope | None:
        return self.sidebar_model.scope_at(self.currentIndex())

    def select(self, scope: Scope, notify: bool = True) -> bool:
        index = self.sidebar_model.index_of(scope)
        if not index.isValid():
            return False
        if not notify:
            self.selectionModel().blockSignals(True)
        self.setCurrentIndex(index)
        self.selectionModel().blockSignals(False)
        self.scrollTo(index)
        return True

    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        scope = self.sidebar_model.scope_at(indexes[0]) if indexes else None
        if scope is not None:
            self.scope_selected.emit(scope)

    def _on_context_menu_requested(self, point: QPoint) -> None:
        menu = self.context_menu(self.indexAt(point))
        if menu is not None:
            menu.popup(self.viewport().mapToGlobal(point))

    def context_menu(self, index: QModelIndex) -> QMenu | None:
        """The commands on a sidebar entry: feeds, categories, issues and saved searches."""
        index = self.sidebar_model.index(index.row(), 0, index.parent()) if index.isValid() else index
        scope = self.sidebar_model.scope_at(index)
        target: Scope | str | None = scope if scope is not None else self.sidebar_model.category_at(index)
        commands = entry_commands(target, enabled=index.data(FEED_ENABLED_ROLE) is not False)
        if not commands:
            return None
        menu = QMenu(self)
        for command, label in commands:
            action = menu.addAction(translate("SidebarMenu", label))
            action.setData(command)
            action.triggered.connect(lambda _c=False, c=command: self._request(c, target))
        return menu

    def _request(self, command: str, target: Scope | str | None) -> None:
        if command == "remove" and isinstance(target, Scope):
            self.search_removal_requested.emit(int(target.key or 0))
        else:
            self.entry_action_requested.emit(command, target)

    def index_of(self, scope: Scope) -> QModelIndex:
        return self.sidebar_model.index_of(scope)
