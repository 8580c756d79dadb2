"""The tracked-issue editor: name, colour, notifications and rules (as JSON or TOML text),
a preview of what the edited rules would tag, and a retag in the background on save."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import Store
from monitor.retag import RetagSummary, preview, retag_all, tagger_for
from monitor.tagging import RuleError, Tagger
from ui.context import AppContext
from ui.icons import dot_icon
from ui.rules_text import TextFormat, checked_rules, parse_text, to_text
from ui.screen_fit import fit_to_screen

SLUG_ROLE = Qt.ItemDataRole.UserRole + 40


def _preview_job(store: Store, rules: dict[str, Any], issue: str) -> list[tuple[Any, Any]]:
    return preview(store, Tagger.from_rules(rules), issue=issue, limit=200)


def _retag_job(store: Store, cancel: threading.Event) -> RetagSummary:
    return retag_all(store, tagger_for(store), cancel=cancel)


class RulesDialog(QDialog):
    """Signals:
    preview_ready(object): the preview rows [(ArticleRow, tags)].
    saved(str): the slug of the issue just saved.
    retag_finished(object): the RetagSummary after a save.
    """

    preview_ready = Signal(object)
    saved = Signal(str)
    retag_finished = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Tracked issues")
        self.setObjectName("rulesDialog")
        fit_to_screen(self, QSize(1000, 680))
        self._context = context
        self._store = context.store
        self._format: TextFormat = "json"
        self._slug: str | None = None
        self._loaded: tuple[str, str, bool, object] | None = None  # the form as last loaded or saved
        self.ask_unsaved: Callable[[str], QMessageBox.StandardButton] = self._ask_unsaved
        self._build()
        for issue in self._store.issues.list():
            item = QListWidgetItem(dot_icon(issue.colour), issue.name, self.issues)
            item.setData(SLUG_ROLE, issue.slug)
        if self.issues.count():
            self.issues.setCurrentRow(0)

    def _build(self) -> None:
        self.issues = QListWidget()
        self.issues.currentItemChanged.connect(self._on_issues_current_changed)
        self.name = QLineEdit()
        self.colour = QLineEdit()
        self.colour.setPlaceholderText("#1565c0")
        self.colour.setMaximumWidth(110)
        pick = QPushButton("Choose…")
        pick.clicked.connect(self._pick_colour)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour)
        colour_row.addWidget(pick)
        colour_row.addStretch(1)
        self.notify = QCheckBox("Notify me of new items on this issue")
        self.format = QComboBox()
        self.format.addItem("JSON", "json")
        self.format.addItem("TOML", "toml")
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.text = QPlainTextEdit()
        self.text.setObjectName("rulesText")
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = self.text.font()
        font.setFamily("monospace")
        self.text.setFont(font)
        self.error = QLabel()
        self.error.setObjectName("rulesError")
        self.error.setWordWrap(True)
        self.preview_button = QPushButton("Preview")
        self.preview_button.clicked.connect(self.run_preview)
        self.save_button = QPushButton("Save and retag")
        self.save_button.clicked.connect(self.save)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        self.preview_table = QTableWidget(0, 3)
        self.preview_table.setHorizontalHeaderLabels(["Date", "Title", "Matched"])
        self.preview_table.horizontalHeader().setStretchLastSection(True)
        self.preview_table.setColumnWidth(1, 420)
        self.preview_table.verticalHeader().setVisible(False)
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Colour", colour_row)
        form.addRow("", self.notify)
        form.addRow("Rules as", self.format)
        editor = QWidget()
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.text, 3)
        column.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        column.addLayout(buttons)
        column.addWidget(self.preview_table, 2)
        splitter = QSplitter()
        splitter.addWidget(self.issues)
        splitter.addWidget(editor)
        splitter.setSizes([220, 780])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # --- loading ------------------------------------------------------------------------------

    def _on_issues_current_changed(self, current: QListWidgetItem | None, previous: object) -> None:
        if previous is not None and not self.settle_edit():
            self._select_quietly(previous)  # type: ignore[arg-type]
            return
        self._slug = current.data(SLUG_ROLE) if current is not None else None
        if self._slug is None:
            return
        issue = self._store.issues.get(self._slug)
        self.name.setText(issue.name)
        self.colour.setText(issue.colour)
        self.notify.setChecked(issue.notify)
        body = self._store.issues.rule_bodies()["issues"].get(self._slug, {})
        self.text.setPlainText(to_text(body, self._format))
        self.error.clear()
        self.preview_table.setRowCount(0)
        self._loaded = self._edited()

    def _select_quietly(self, item: QListWidgetItem) -> None:
        self.issues.blockSignals(True)
        self.issues.setCurrentItem(item)
        self.issues.blockSignals(False)

    # --- unsaved edits --------------------------------------------------------------------------

    def _edited(self) -> tuple[str, str, bool, object]:
        """What the form holds now, with the rules parsed so that a format switch is no edit."""
        try:
            body: object = parse_text(self.text.toPlainText(), self._format)
        except RuleError:
            body = self.text.toPlainText()
        return (self.name.text().strip(), self.colour.text().strip(), self.notify.isChecked(), body)

    def is_dirty(self) -> bool:
        return self._slug is not None and self._edited() != self._loaded

    def settle_edit(self) -> bool:
        """Before the edit is left: save, discard or (False) stay, as the user answers."""
        if not self.is_dirty():
            return True
        answer = self.ask_unsaved(self.name.text().strip() or str(self._slug))
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _ask_unsaved(self, name: str) -> QMessageBox.StandardButton:
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        question = f"Save the changes to “{name}”?"
        default = QMessageBox.StandardButton.Save
        return QMessageBox.question(self, "Unsaved changes", question, buttons, default)

    def done(self, result: int) -> None:
        if not self.isVisible() or self.settle_edit():  # hidden, nobody is editing
            super().done(result)

    def _on_format_changed(self, _index: int) -> None:
        new: TextFormat = self.format.currentData()
        try:
            body = parse_text(self.text.toPlainText(), self._format)
        except RuleError as exc:
            self.error.setText(str(exc))
            self.format.blockSignals(True)
            self.format.setCurrentIndex(self.format.findData(self._format))
            self.format.blockSignals(False)
            return
        self._format = new
        self.text.setPlainText(to_text(body, new))

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.colour.text() or "#607d8b"), self, "Issue colour")
        if colour.isValid():
            self.colour.setText(colour.name())

    # --- checking, previewing, saving -------------------------------------------------------------

    def checked(self) -> dict[str, Any] | None:
        """The full rules with the edit applied, or None with the one-line reason shown."""
        if self._slug is None:
            return None
        try:
            body = parse_text(self.text.toPlainText(), self._format)
            rules = checked_rules(self._store.issues.rule_bodies(), self._slug, body)
        except RuleError as exc:
            self.error.setText(str(exc))
            return None
        if not QColor.fromString(self.colour.text().strip()).isValid():
            self.error.setText(f"'{self.colour.text()}' is not a colour (use #rrggbb)")
            return None
        self.error.clear()
        return rules

    def run_preview(self) -> None:
        rules = self.checked()
        if rules is None or self._slug is None:
            return
        self.preview_button.setEnabled(False)
        self.error.setText("Previewing…")
        self._context.runner.run_with_store(
            self._context.db_path,
            _preview_job,
            rules,
            self._slug,
            on_done=self._on_preview_done,
            on_error=self._on_task_failed,
        )

    def _on_preview_done(self, rows: list[tuple[Any, Any]]) -> None:
        self.preview_button.setEnabled(True)
        self.error.setText(
            f"The edited rules would tag {len(rows)} of the newest stored items"
            + (" (first 200 shown)" if len(rows) >= 200 else "")
            + "."
        )
        self.preview_table.setRowCount(len(rows))
        for number, (row, tags) in enumerate(rows):
            terms = sorted({m.term for tag in tags for m in tag.matches})
            cells = (row.date.astimezone().strftime("%Y-%m-%d"), row.title, ", ".join(terms))
            for column, text in enumerate(cells):
                self.preview_table.setItem(number, column, QTableWidgetItem(text))
        self.preview_ready.emit(rows)

    def _on_task_failed(self, exc: BaseException) -> None:
        self.preview_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.error.setText(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

    def save(self) -> bool:
        """Store the edit and retag in the background; False (with the reason shown) if it is not valid."""
        rules = self.checked()
        slug = self._slug
        if rules is None or slug is None:
            return False
        name = self.name.text().strip() or slug
        self._store.issues.update(
            slug, name=name, colour=self.colour.text().strip(), notify=int(self.notify.isChecked())
        )
        self._store.issues.save_rule(slug, rules["issues"][slug], user_edited=True, now=self._context.clock())
        # The saved issue may no longer be current: saving on the way to another one.
        for row in range(self.issues.count()):
            item = self.issues.item(row)
            if item.data(SLUG_ROLE) == slug:
                item.setText(name)
                item.setIcon(dot_icon(self.colour.text().strip()))
        self._loaded = self._edited()
        self.saved.emit(slug)
        self.save_button.setEnabled(False)
        self.error.setText("Saved. Retagging stored items in the background…")
        self._context.runner.run_with_store(
            self._context.db_path,
            _retag_job,
            cancellable=True,
            on_done=self._on_retag_done,
            on_error=self._on_task_failed,
        )
        return True

    def _on_retag_done(self, summary: RetagSummary) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(
            f"Saved. Retagged {summary.total:,} items; {summary.relevant:,} about Canada–China."
        )
        self.retag_finished.emit(summary)
