"""The sidebar: what the article list shows. A tree over SidebarModel, two columns (name, unread)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView, QWidget

from ui.filters import Scope
from ui.models.sidebar import SidebarModel


class SidebarPanel(QTreeView):
    """Signals:
    scope_selected(object): the Scope the user picked.
    search_removal_requested(int): the id of a saved search to forget.
    """

    scope_selected = Signal(object)
    search_removal_requested = Signal(int)

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
        scope = self.sidebar_model.scope_at(self.indexAt(point))
        if scope is None or scope.kind != "search":
            return
        menu = QMenu(self)
        remove = menu.addAction("Remove saved search")
        remove.triggered.connect(lambda: self.search_removal_requested.emit(int(scope.key or 0)))
        menu.popup(self.viewport().mapToGlobal(point))

    def index_of(self, scope: Scope) -> QModelIndex:
        return self.sidebar_model.index_of(scope)
