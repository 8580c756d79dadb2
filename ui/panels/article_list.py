"""The article list with its filters: the search box, the date range and "Save search"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.column_fit import ColumnFitter
from ui.delegates import IssueChipsDelegate
from ui.filters import DATE_PRESETS, DatePreset
from ui.i18n import translate
from ui.models.articles import COL_DATE, COL_ISSUES, COL_SOURCE, COL_TITLE, PAGE_SIZE, ArticleTableModel

SEARCH_HINT = QT_TRANSLATE_NOOP("ArticleList", 'Search: words, "phrases", AND / OR / NOT')


class ArticleListPanel(QWidget):
    """Signals:
    filters_changed(): the search text or the dates changed.
    current_article_changed(object): the id of the item now current, or None.
    save_search_requested(str): the user wants the current search in the sidebar.
    """

    filters_changed = Signal()
    current_article_changed = Signal(object)
    save_search_requested = Signal(str)

    def __init__(self, model: ArticleTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.model = model
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(translate("ArticleList", SEARCH_HINT))
        self.search.setClearButtonEnabled(True)
        self.dates = QComboBox()
        self.dates.setObjectName("dateRange")
        for key, label in DATE_PRESETS:
            self.dates.addItem(translate("Filters", label), key)
        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setVisible(False)
            edit.dateChanged.connect(self._on_filter_edited)
        self.first.setDate(QDate.currentDate().addDays(-30))
        self.show_all_action = QAction(translate("ArticleList", "Show &all items"), self)
        self.show_all_action.setCheckable(True)
        self.show_all_action.setToolTip(
            translate("ArticleList", "Also list the items judged not about Canada–China (greyed)")
        )
        self.show_all_action.toggled.connect(lambda _on: self.filters_changed.emit())
        self.show_all_button = QToolButton()
        self.show_all_button.setObjectName("showAllItems")
        self.show_all_button.setDefaultAction(self.show_all_action)
        self.save_button = QPushButton(translate("ArticleList", "Save search"))
        self.save_button.setEnabled(False)
        self.message = QLabel()
        self.message.setObjectName("listMessage")
        self.message.setVisible(False)
        self.table = QTableView()
        self.table.setObjectName("articleTable")
        self._build_table()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(350)
        self._debounce.timeout.connect(self.filters_changed)
        self.search.textEdited.connect(self._on_search_edited)
        self.search.returnPressed.connect(self._apply_now)
        self.dates.currentIndexChanged.connect(self._on_dates_changed)
        self.save_button.clicked.connect(lambda: self.save_search_requested.emit(self.search_text()))
        self._layout()

    def _build_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        self.chips = IssueChipsDelegate(table)
        table.setItemDelegateForColumn(COL_ISSUES, self.chips)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setSortingEnabled(True)
        table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.columns = ColumnFitter(table, COL_TITLE, {COL_DATE: None, COL_ISSUES: 0.2, COL_SOURCE: 0.2})
        table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.dates)
        bar.addWidget(self.first)
        bar.addWidget(self.last)
        bar.addWidget(self.show_all_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    # --- filters ------------------------------------------------------------------------

    def search_text(self) -> str:
        return self.search.text().strip()

    def shows_all(self) -> bool:
        """Whether the list includes the items judged not about the storyline."""
        return self.show_all_action.isChecked()

    def date_preset(self) -> DatePreset:
        return self.dates.currentData()

    def custom_dates(self) -> tuple[date, date]:
        return self.first.date().toPython(), self.last.date().toPython()  # type: ignore[return-value]

    def set_dates(self, preset: DatePreset, first: date | None = None, last: date | None = None) -> None:
        if first is not None:
            self.first.setDate(QDate(first.year, first.month, first.day))
        if last is not None:
            self.last.setDate(QDate(last.year, last.month, last.day))
        self.dates.setCurrentIndex(max(0, self.dates.findData(preset)))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_search_edited(self, text: str) -> None:
        self.save_button.setEnabled(bool(text.strip()))
        self._debounce.start()

    def _apply_now(self) -> None:
        self._debounce.stop()
        self.filters_changed.emit()

    def _on_dates_changed(self, _index: int) -> None:
        custom = self.date_preset() == "custom"
        self.first.setVisible(custom)
        self.last.setVisible(custom)
        self.filters_changed.emit()

    def _on_filter_edited(self, *_args: object) -> None:
        if self.date_preset() == "custom":
            self._debounce.start()

    # --- the current item ---------------------------------------------------------------

    def current_article_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.article_id(index.row()) if index.isValid() else None

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_article_changed.emit(self.model.article_id(current.row()) if current.isValid() else None)

    def select_row(self, row: int) -> bool:
        if not 0 <= row < self.model.rowCount():
            return False
        index = self.model.index(row, COL_TITLE)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def step(self, delta: int) -> bool:
        """Move to the next (+1) or previous (-1) item, loading the next page when needed."""
        row = self.table.currentIndex().row()
        target = 0 if row < 0 else row + delta
        if target >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        return self.select_row(target)

    def reload_keeping_place(self) -> None:
        """Re-read the list after new items arrived: same selected item, same scroll offset."""
        selected = self.current_article_id()
        scroll = self.table.verticalScrollBar().value()
        # Rows past what is shown and selected need not be read again: they load on scrolling.
        last_shown = self.table.rowAt(self.table.viewport().height() - 1)
        needed = max(
            self.table.currentIndex().row(), last_shown if last_shown >= 0 else self.model.rowCount()
        )
        self.table.selectionModel().blockSignals(True)
        try:
            self.model.refresh(keep=needed + 1 + PAGE_SIZE)
            row = self.model.row_of(selected) if selected is not None else None
            if row is not None:
                index = self.model.index(row, COL_TITLE)
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.selectionModel().setCurrentIndex(index, flags)
        finally:
            self.table.selectionModel().blockSignals(False)
        self.table.viewport().update()
        self.table.verticalScrollBar().setValue(scroll)
        if selected is not None and self.model.row_of(selected) is None:
            self.current_article_changed.emit(None)
