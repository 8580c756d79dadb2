"""The tracked-issue editor: name, colour, notifications and rules (as a form, or as JSON or
TOML text, kept in step), a preview of the items the edited rules would tag or untag, the
shipped rules on request, and a retag in the background on save."""

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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db import Store
from monitor import resources
from monitor.retag import RetagSummary, retag_all, tagger_for
from monitor.rules_preview import LIMIT, RulesPreview, preview_changes
from monitor.settings import rules_format, save_rules_format
from monitor.tagging import RuleError, rules_from_resource
from ui.context import AppContext
from ui.core_text import core_text
from ui.i18n import number, shown_issues, translate
from ui.icons import dot_icon
from ui.rules_form import RulesForm
from ui.rules_text import TextFormat, checked_rules, parse_text, to_text
from ui.screen_fit import fit_to_screen

SLUG_ROLE = Qt.ItemDataRole.UserRole + 40


TAB_FORM, TAB_TEXT = range(2)


def _preview_job(store: Store, rules: dict[str, Any], issue: str) -> RulesPreview:
    return preview_changes(store, rules, issue)


def shipped_rules(slug: str) -> dict[str, Any] | None:
    """The issue's rules as resources/ ships them; None for an issue the reader added."""
    body = rules_from_resource(resources.read_toml("tracked_issues.toml")).get("issues", {}).get(slug)
    return dict(body) if isinstance(body, dict) else None


def _retag_job(store: Store, cancel: threading.Event) -> RetagSummary:
    return retag_all(store, tagger_for(store), cancel=cancel)


class RulesDialog(QDialog):
    """Signals:
    preview_ready(object): the RulesPreview (items that would gain and lose the tag).
    saved(str): the slug of the issue just saved.
    retag_finished(object): the RetagSummary after a save.
    """

    preview_ready = Signal(object)
    saved = Signal(str)
    retag_finished = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("RulesDialog", "Tracked issues"))
        self.setObjectName("rulesDialog")
        fit_to_screen(self, QSize(1000, 680))
        self._context = context
        self._store = context.store
        self._format: TextFormat = rules_format(self._store)  # type: ignore[assignment]
        self._slug: str | None = None
        self._names: tuple[str | None, str | None] = (None, None)  # (shown, stored) name of the issue
        self._loaded: tuple[Any, ...] | None = None  # what the editor showed when the issue opened
        self._syncing = False
        self.ask_confirm = self._ask_confirm  # replaceable: tests answer without a modal box
        self.ask_unsaved: Callable[[str], QMessageBox.StandardButton] = self._ask_unsaved
        self._build()
        for issue in shown_issues(self._store.issues.list()):
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
        pick = QPushButton(translate("RulesDialog", "Choose…"))
        pick.clicked.connect(self._pick_colour)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour)
        colour_row.addWidget(pick)
        colour_row.addStretch(1)
        self.notify = QCheckBox(translate("RulesDialog", "Notify me of new items on this issue"))
        self.format = QComboBox()
        self.format.addItem("JSON", "json")
        self.format.addItem("TOML", "toml")
        self.format.setCurrentIndex(self.format.findData(self._format))
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.text = QPlainTextEdit()
        self.text.setObjectName("rulesText")
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # long term lists wrap
        self.text.textChanged.connect(self._on_text_changed)
        self.form = RulesForm()
        self.form.edited.connect(self._on_form_edited)
        self.editor_tabs = QTabWidget()
        self.editor_tabs.setObjectName("rulesEditorTabs")
        self.editor_tabs.addTab(self.form, translate("RulesDialog", "Form"))
        text_page = QWidget()
        text_column = QVBoxLayout(text_page)
        text_column.setContentsMargins(0, 4, 0, 0)
        text_as = QHBoxLayout()
        text_as.addWidget(QLabel(translate("RulesDialog", "Text as")))
        text_as.addWidget(self.format)
        text_as.addStretch(1)
        text_column.addLayout(text_as)
        text_column.addWidget(self.text, 1)
        self.editor_tabs.addTab(text_page, translate("RulesDialog", "Text"))
        font = self.text.font()
        font.setFamily("monospace")
        self.text.setFont(font)
        self.error = QLabel()
        self.error.setObjectName("rulesError")
        self.error.setWordWrap(True)
        self.preview_button = QPushButton(translate("RulesDialog", "Preview"))
        self.preview_button.clicked.connect(self.run_preview)
        self.save_button = QPushButton(translate("RulesDialog", "Save and retag"))
        self.save_button.clicked.connect(self.save)
        self.restore_button = QPushButton(translate("RulesDialog", "Restore shipped rules…"))
        self.restore_button.setToolTip(
            translate("RulesDialog", "Put back this issue's rules as the app ships them")
        )
        self.restore_button.clicked.connect(self.restore_shipped)
        close = QPushButton(translate("RulesDialog", "Close"))
        close.clicked.connect(self.accept)
        self.preview_table = QTableWidget(0, 4)
        self.preview_table.setHorizontalHeaderLabels(
            [
                translate("RulesDialog", "Change"),
                translate("RulesDialog", "Date"),
                translate("RulesDialog", "Title"),
                translate("RulesDialog", "Matched"),
            ]
        )
        self.preview_table.horizontalHeader().setStretchLastSection(True)
        self.preview_table.setColumnWidth(0, 130)
        self.preview_table.setColumnWidth(2, 420)
        self.preview_table.verticalHeader().setVisible(False)
        form = QFormLayout()
        form.addRow(translate("RulesDialog", "Name"), self.name)
        colour_row.insertSpacing(colour_row.count() - 1, 16)
        colour_row.insertWidget(colour_row.count() - 1, self.notify)
        form.addRow(translate("RulesDialog", "Colour"), colour_row)
        editor = QWidget()
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.editor_tabs, 3)
        column.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        column.addLayout(buttons)
        right = QSplitter(Qt.Orientation.Vertical)  # the reader gives the preview more room when wanted
        right.addWidget(editor)
        right.addWidget(self.preview_table)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        splitter = QSplitter()
        splitter.addWidget(self.issues)
        splitter.addWidget(right)
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
        stored = self._store.issues.get(self._slug)
        issue = shown_issues([stored])[0]
        # The name as the interface says it; saved unchanged, the stored (shipped) name stays.
        self._names = (issue.name, stored.name)
        self.name.setText(issue.name)
        self.colour.setText(issue.colour)
        self.notify.setChecked(issue.notify)
        body = self._store.issues.rule_bodies()["issues"].get(self._slug, {})
        self.form.set_scope(self._slug)  # its notes in the interface's language
        self.text.setPlainText(to_text(body, self._format))
        self.error.clear()
        self.preview_table.setRowCount(0)
        self._loaded = self._snapshot()
        self.restore_button.setEnabled(shipped_rules(self._slug) is not None)

    def _select_quietly(self, item: QListWidgetItem) -> None:
        self.issues.blockSignals(True)
        self.issues.setCurrentItem(item)
        self.issues.blockSignals(False)

    # --- unsaved edits --------------------------------------------------------------------------

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
        question = translate("RulesDialog", "Save the changes to “{}”?").format(name)
        default = QMessageBox.StandardButton.Save
        return QMessageBox.question(
            self, translate("RulesDialog", "Unsaved changes"), question, buttons, default
        )

    def done(self, result: int) -> None:
        if not self.isVisible() or self.settle_edit():  # hidden, nobody is editing
            super().done(result)

    def _on_format_changed(self, _index: int) -> None:
        new: TextFormat = self.format.currentData()
        try:
            body = parse_text(self.text.toPlainText(), self._format)
        except RuleError as exc:
            self.error.setText(core_text(exc, framed=True))
            self.format.blockSignals(True)
            self.format.setCurrentIndex(self.format.findData(self._format))
            self.format.blockSignals(False)
            return
        self._format = new
        save_rules_format(self._store, new)
        self._syncing = True
        self.text.setPlainText(to_text(body, new))
        self._syncing = False

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(
            QColor(self.colour.text() or "#607d8b"), self, translate("RulesDialog", "Issue colour")
        )
        if colour.isValid():
            self.colour.setText(colour.name())

    # --- the form and the text, in step ----------------------------------------------------------

    def _on_form_edited(self) -> None:
        self._syncing = True
        self.text.setPlainText(to_text(self.form.body(), self._format))
        self._syncing = False

    def _on_text_changed(self) -> None:
        if self._syncing:
            return
        try:
            body = parse_text(self.text.toPlainText(), self._format)
        except RuleError as exc:
            self._show_rule_error(core_text(exc, framed=True))
            self.editor_tabs.setTabEnabled(TAB_FORM, False)  # the form cannot show broken text
            return
        self.editor_tabs.setTabEnabled(TAB_FORM, True)
        if self.error.property("ruleError"):
            self.error.clear()
            self.error.setProperty("ruleError", False)
        self.form.set_body(body)

    def _show_rule_error(self, message: str) -> None:
        """The reason, in place of a preview that no longer says anything about these rules."""
        self.preview_table.setRowCount(0)
        self.error.setText(message)
        self.error.setProperty("ruleError", True)

    def _snapshot(self) -> tuple[Any, ...]:
        try:
            body: Any = parse_text(self.text.toPlainText(), self._format)
        except RuleError:
            body = self.text.toPlainText()
        return (self.name.text(), self.colour.text().strip(), self.notify.isChecked(), body)

    def is_dirty(self) -> bool:
        """True when the issue shown has edits not saved yet (name, colour, notify or rules)."""
        return self._loaded is not None and self._snapshot() != self._loaded

    # --- the shipped rules -------------------------------------------------------------------------

    def _ask_confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, translate("RulesDialog", "Restore shipped rules"), question)
        return answer == QMessageBox.StandardButton.Yes

    def restore_shipped(self) -> bool:
        """Put the shipped rules in the editor, once the reader agrees; Save applies them."""
        body = shipped_rules(self._slug) if self._slug else None
        if body is None:
            self.error.setText(translate("RulesDialog", "This issue has no shipped rules."))
            return False
        name = self.name.text() or self._slug
        if not self.ask_confirm(
            translate("RulesDialog", "Replace the rules of {} in the editor with the shipped ones?").format(
                name
            )
        ):
            return False
        self.text.setPlainText(to_text(body, self._format))
        self.error.setText(
            translate("RulesDialog", "The shipped rules are in the editor: Save and retag to apply them.")
        )
        return True

    # --- checking, previewing, saving -------------------------------------------------------------

    def checked(self) -> dict[str, Any] | None:
        """The full rules with the edit applied, or None with the one-line reason shown."""
        if self._slug is None:
            return None
        try:
            body = parse_text(self.text.toPlainText(), self._format)
            rules = checked_rules(self._store.issues.rule_bodies(), self._slug, body)
        except RuleError as exc:
            self._show_rule_error(core_text(exc, framed=True))
            return None
        if not QColor.fromString(self.colour.text().strip()).isValid():
            self.error.setText(
                translate("RulesDialog", "'{}' is not a colour (use #rrggbb)").format(self.colour.text())
            )
            return None
        self.error.clear()
        return rules

    def run_preview(self) -> None:
        rules = self.checked()
        if rules is None or self._slug is None:
            return
        self.preview_button.setEnabled(False)
        self.error.setText(translate("RulesDialog", "Previewing…"))
        self._context.runner.run_with_store(
            self._context.db_path,
            _preview_job,
            rules,
            self._slug,
            on_done=self._on_preview_done,
            on_error=self._on_task_failed,
        )

    def _on_preview_done(self, result: RulesPreview) -> None:
        self.preview_button.setEnabled(True)
        shown = LIMIT
        cut = translate("RulesDialog", " (first %n shown)", None, shown) if result.cut else ""
        text = translate(
            "RulesDialog",
            "Among the {scanned} newest stored items, {gains} would gain the tag "
            "and {losses} would lose it{cut}.",
        )
        scanned, gains, losses = number(result.scanned), number(result.gains), number(result.losses)
        self.error.setText(text.format(scanned=scanned, gains=gains, losses=losses, cut=cut))
        self.preview_table.setRowCount(len(result.rows))
        labels = {
            "gains": translate("RulesDialog", "+ would gain"),
            "loses": translate("RulesDialog", "− would lose"),
        }
        for row_number, line in enumerate(result.rows):
            cells = (
                labels[line.change],
                line.row.date.astimezone().strftime("%Y-%m-%d"),
                line.row.title,
                ", ".join(line.terms),
            )
            for column, text in enumerate(cells):
                self.preview_table.setItem(row_number, column, QTableWidgetItem(text))
        self.preview_ready.emit(result)

    def _on_task_failed(self, exc: BaseException) -> None:
        self.preview_button.setEnabled(True)
        self.save_button.setEnabled(True)
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        self.error.setText(core_text(first, framed=True))

    def save(self) -> bool:
        """Store the edit and retag in the background; False (with the reason shown) if it is not valid."""
        rules = self.checked()
        slug = self._slug
        if rules is None or slug is None:
            return False
        name = self.name.text().strip() or slug
        shown, stored = self._names
        self._store.issues.update(
            slug,
            name=stored if name == shown else name,
            colour=self.colour.text().strip(),
            notify=int(self.notify.isChecked()),
        )
        body = rules["issues"][slug]
        # Rules equal to the shipped ones stay "shipped": a later version's rules may replace them.
        edited = body != shipped_rules(slug)
        self._store.issues.save_rule(slug, body, user_edited=edited, now=self._context.clock())
        # The saved issue may no longer be current: saving on the way to another one.
        for row in range(self.issues.count()):
            item = self.issues.item(row)
            if item.data(SLUG_ROLE) == slug:
                item.setText(name)
                item.setIcon(dot_icon(self.colour.text().strip()))
        self._loaded = self._snapshot()
        self.saved.emit(slug)
        self.save_button.setEnabled(False)
        self.error.setText(translate("RulesDialog", "Saved. Retagging stored items in the background…"))
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
            translate("RulesDialog", "Saved. Retagged {total} items; {relevant} about Canada–China.").format(
                total=number(summary.total), relevant=number(summary.relevant)
            )
        )
        self.retag_finished.emit(summary)
