"""Reading from the keyboard: next and previous unread item (n, p), Space that pages the
article and then goes on to the next unread item, F6 / Shift+F6 that move the focus between
the sidebar, the list and the article, and Help › Keyboard shortcuts, a window built from
the window's own actions so that it never lists a key the app does not have."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.accessibility import describe_for_assistive_tech
from ui.i18n import translate
from ui.models.articles import ArticleTableModel
from ui.panels.article_list import ArticleListPanel
from ui.panels.article_view import ArticleView


def next_unread_row(model: ArticleTableModel, row: int, delta: int) -> int | None:
    """The first unread row after (delta 1) or before (delta -1) `row`, loading pages as needed."""
    target = row + delta
    while True:
        while 0 <= target < model.rowCount():
            article = model.article_row(target)
            if article is not None and not article.read:
                return target
            target += delta
        if delta < 0 or not model.canFetchMore():
            return None
        model.fetchMore()


def plain(text: str) -> str:
    """An action's text as a list shows it: without the & of its mnemonic or a trailing …"""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class KeyboardNavigation(QObject):
    """The reading keys and the shortcuts window; the actions live on the main window."""

    def __init__(
        self,
        window: QMainWindow,
        panes: tuple[QWidget, ...],
        articles: ArticleListPanel,
        view: ArticleView,
        show_articles: QAction,
        reading: QWidget,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._panes = panes
        self._articles = articles
        self._view = view
        self._show_articles = show_articles
        self.next_unread = self._make(translate("Keyboard", "Next &unread"), "N", lambda: self.step_unread(1))
        self.previous_unread = self._make(
            translate("Keyboard", "Pre&vious unread"), "P", lambda: self.step_unread(-1)
        )
        self.page_or_next = self._make(
            translate("Keyboard", "Page down, then next unread"), "Space", self.page_or_next_unread
        )
        # Space only where one reads articles: elsewhere it keeps its own meaning (a tree's, a button's).
        self._window.removeAction(self.page_or_next)
        reading.addAction(self.page_or_next)
        self.page_or_next.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.next_pane = self._make(
            translate("Keyboard", "Focus the next pane"), "F6", lambda: self.cycle_focus(1)
        )
        self.previous_pane = self._make(
            translate("Keyboard", "Focus the previous pane"), "Shift+F6", lambda: self.cycle_focus(-1)
        )
        self.shortcuts = self._make(translate("Keyboard", "&Keyboard shortcuts"), "F1", self.show_shortcuts)
        self.dialog: QDialog | None = None

    def _make(self, text: str, key: str, slot: object) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self._window.addAction(action)
        return action

    def fill_menus(self, article: QMenu | None, view: QMenu | None, help_menu: QMenu | None) -> None:
        for menu, actions in (
            (article, (self.next_unread, self.previous_unread, self.page_or_next)),
            (view, (self.next_pane, self.previous_pane)),
        ):
            if menu is not None:
                menu.addSeparator()
                for action in actions:
                    menu.addAction(action)
        if help_menu is not None:
            help_menu.insertAction(help_menu.actions()[0] if help_menu.actions() else None, self.shortcuts)

    # --- unread items -----------------------------------------------------------------------

    def step_unread(self, delta: int) -> bool:
        """Open the next (1) or previous (-1) unread item of the list; False when there is none."""
        self._show_articles.trigger()
        table = self._articles.table
        row = next_unread_row(self._articles.model, table.currentIndex().row(), delta)
        if row is None:
            self._window.statusBar().showMessage(
                translate("Keyboard", "No more unread items in this list"), 4000
            )
            return False
        self._articles.select_row(row)
        table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def page_or_next_unread(self) -> None:
        """Space: the article's next screenful, or at its end the next unread item."""
        bar = self._view.body.verticalScrollBar()
        if self._articles.current_article_id() is not None and bar.value() < bar.maximum():
            bar.setValue(bar.value() + bar.pageStep())
            return
        self.step_unread(1)

    # --- focus ------------------------------------------------------------------------------

    def cycle_focus(self, delta: int) -> QWidget:
        """Give the focus to the next pane (sidebar, list, article) after the one that has it."""
        self._show_articles.trigger()
        focused = self._window.focusWidget()
        current = next(
            (n for n, pane in enumerate(self._panes) if focused is pane or pane.isAncestorOf(focused)), -delta
        )
        pane = self._panes[(current + delta) % len(self._panes)]
        pane.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return pane

    # --- the shortcuts window ------------------------------------------------------------------

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(command, keys) for every action of the window that has a shortcut, in menu order."""
        rows, seen = [], set()
        for action in (*QWidget.actions(self._window), self.page_or_next):  # the window's .actions is ours
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys and id(action) not in seen:
                seen.add(id(action))
                rows.append((plain(action.text()), ", ".join(keys)))
        return rows

    def show_shortcuts(self) -> QDialog:
        dialog = QDialog(self._window)
        dialog.setWindowTitle(translate("Keyboard", "Keyboard shortcuts"))
        dialog.setObjectName("shortcutsDialog")
        rows = self.shortcut_rows()
        table = QTableWidget(len(rows), 2, dialog)
        table.setHorizontalHeaderLabels([translate("Keyboard", "Command"), translate("Keyboard", "Keys")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        for number, (command, keys) in enumerate(rows):
            table.setItem(number, 0, QTableWidgetItem(command))
            table.setItem(number, 1, QTableWidgetItem(keys))
        table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(460, 520)
        dialog.table = table  # type: ignore[attr-defined]
        self.dialog = dialog
        describe_for_assistive_tech(dialog)
        dialog.open()
        return dialog
