"""What the window showed when it closed — the tab, the sidebar entry, the open article and the
list's scroll position — read back on the next start (stored as monitor.settings.ViewState)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView

from monitor.settings import ViewState
from ui.filters import ALL, Scope

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def capture(window: MainWindow) -> ViewState:
    scope = window.sidebar.current_scope() or ALL
    table = window.articles.table
    return ViewState(
        tab=window.tabs.currentIndex(),
        scope_kind=scope.kind,
        scope_key=scope.key,
        article_id=window.articles.current_article_id(),
        first_row=max(0, table.rowAt(0)),
    )


def restore(window: MainWindow, state: ViewState) -> None:
    """Each part that still exists comes back; a removed feed or article costs only that part."""
    scope = Scope(state.scope_kind, state.scope_key)  # type: ignore[arg-type]
    if scope != ALL:
        window.sidebar.select(scope)  # notifies: the list follows the scope
    model, table = window.model, window.articles.table
    _load_rows(window, state.first_row + 1)
    if state.article_id is not None:
        row = _row_of(window, state.article_id, state.first_row + 200)
        if row is not None:
            window.articles.select_row(row)
    if 0 <= state.first_row < model.rowCount():
        index = model.index(state.first_row, 0)
        # Once the window is shown and laid out: before, the table's height is not yet its own.
        QTimer.singleShot(0, table, lambda: table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop))
    if 0 <= state.tab < window.tabs.count():
        window.tabs.setCurrentIndex(state.tab)


def _load_rows(window: MainWindow, count: int) -> None:
    model = window.model
    while model.rowCount() < count and model.canFetchMore():
        model.fetchMore()


def _row_of(window: MainWindow, article_id: int, limit: int) -> int | None:
    """The article's row, loading pages up to about `limit` rows to find it."""
    model = window.model
    while (row := model.row_of(article_id)) is None and model.rowCount() < limit and model.canFetchMore():
        model.fetchMore()
    return row
