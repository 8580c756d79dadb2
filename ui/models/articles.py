"""The article list as a Qt table model, fed by the store a page at a time.

The model never counts or loads the whole result: it asks the store for the next
page when the view scrolls near the end (canFetchMore / fetchMore), so a list over
200,000 items costs what the user has looked at.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from db import ArticleQuery, Store
from db.query import SortKey
from db.records import ArticleRow
from ui.i18n import translate
from ui.theme import readable_colour

COL_DATE, COL_ISSUES, COL_TITLE, COL_SOURCE = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("ArticleList", "Date"),
    QT_TRANSLATE_NOOP("ArticleList", "Issues"),
    QT_TRANSLATE_NOOP("ArticleList", "Title"),
    QT_TRANSLATE_NOOP("ArticleList", "Source"),
)
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ISSUES_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3
_SORT_KEYS: dict[int, SortKey] = {COL_DATE: "date", COL_TITLE: "title", COL_SOURCE: "source"}
PAGE_SIZE = 200
NOT_RELEVANT = QT_TRANSLATE_NOOP("ArticleList", "not about Canada–China")
_GREY = "#8a8a8a"  # items judged not about Canada–China: dimmed, yet readable

_Index = QModelIndex | QPersistentModelIndex


class ArticleTableModel(QAbstractTableModel):
    """Rows of `store.articles.rows(query)`, loaded in pages as the view asks for them."""

    def __init__(self, store: Store, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._page_size = page_size
        self._query = ArticleQuery()
        self._rows: list[ArticleRow] = []
        self._exhausted = True
        self._issue_names: dict[str, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # --- what to show ---------------------------------------------------------------

    @property
    def query(self) -> ArticleQuery:
        return self._query

    def set_issue_names(self, names: dict[str, str]) -> None:
        self._issue_names = dict(names)

    def set_query(self, query: ArticleQuery) -> None:
        """Show another selection, from its first page; raises StoreError for a bad search."""
        sort = replace(query, sort=self._query.sort, descending=self._query.descending)
        self._reload(sort, self._page_size)

    def refresh(self, keep: int | None = None) -> None:
        """Re-read the first `keep` rows (default: as many as are loaded), so the view keeps its place."""
        count = len(self._rows) if keep is None else min(len(self._rows), keep)
        self._reload(self._query, max(self._page_size, count))

    def _reload(self, query: ArticleQuery, count: int) -> None:
        rows = self._store.articles.rows(query, offset=0, limit=count)
        self.beginResetModel()
        self._query = query
        self._rows = rows
        self._exhausted = len(rows) < count
        self.endResetModel()

    # --- rows -------------------------------------------------------------------------

    def article_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def article_row(self, row: int) -> ArticleRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == article_id:
                return number
        return None

    def update_row(self, article_id: int, **changes: Any) -> None:
        """Change what one loaded row shows (read, starred, issues) without a reload."""
        number = self.row_of(article_id)
        if number is None:
            return
        self._rows[number] = replace(self._rows[number], **changes)
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(HEADERS) - 1))

    def mark_all_read_locally(self) -> None:
        if not self._rows:
            return
        self._rows = [replace(r, read=True) for r in self._rows]
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1))

    # --- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        page = self._store.articles.rows(self._query, offset=len(self._rows), limit=self._page_size)
        self._exhausted = len(page) < self._page_size
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return translate("ArticleList", HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if not row.read else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return None if row.relevant else readable_colour(_GREY)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == ARTICLE_ID_ROLE:
            return row.id
        if role == ISSUES_ROLE:
            return list(row.issues)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, column)
        return None

    def _display(self, row: ArticleRow, column: int) -> str | None:
        if column == COL_DATE:
            return row.date.astimezone().strftime("%Y-%m-%d %H:%M")
        if column == COL_ISSUES:
            return ", ".join(self._issue_names.get(s, s) for s in row.issues)
        if column == COL_TITLE:
            marker = "" if row.relevant else f"({translate('ArticleList', NOT_RELEVANT)}) "
            return (
                ("★ " if row.starred else "") + marker + (row.title or translate("ArticleList", "(untitled)"))
            )
        if column == COL_SOURCE:
            return row.feed_title
        return None

    def _tooltip(self, row: ArticleRow, column: int) -> str | None:
        if column == COL_TITLE:
            return (row.title or "") + (
                "" if row.relevant else f"\n({translate('ArticleList', NOT_RELEVANT)})"
            ) or None
        if column == COL_ISSUES and row.issues:
            return ", ".join(self._issue_names.get(s, s) for s in row.issues)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the store for another order; the issues column has none and keeps the current one."""
        key = _SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending and self._rows:
            return
        self._reload(replace(self._query, sort=key, descending=descending), self._page_size)
