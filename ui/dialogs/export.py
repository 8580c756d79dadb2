"""Export a digest: choose the period, issues and format, see a preview, save a file.

Building and writing run on the app's task runner (ui.tasks), each with a store of its
own: a week is quick, but a digest of thousands of items, and a PDF of it, take seconds.
The preview shows the first PREVIEW_ITEMS items of each issue; the file has them all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QDateTime, QSize, QTime, QTimer, QTimeZone, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db import Store
from monitor.digest.build import Digest, build_digest, preview
from monitor.digest.files import write_digest
from monitor.digest.formats import EXTENSIONS, FORMATS, PAGE_SIZES, PdfRenderer
from monitor.digest.render import render_html
from ui.context import AppContext
from ui.core_text import core_text
from ui.i18n import data_lang, shown_issues, translate
from ui.labels import action_text
from ui.panels.safe_browser import SafeTextBrowser
from ui.screen_fit import fit_to_screen
from ui.tasks import Task

PREVIEW_ITEMS = 50
PRESETS = (
    (QT_TRANSLATE_NOOP("ExportDialog", "24 h"), timedelta(hours=24)),
    (QT_TRANSLATE_NOOP("ExportDialog", "7 d"), timedelta(days=7)),
    (QT_TRANSLATE_NOOP("ExportDialog", "30 d"), timedelta(days=30)),
)
_EDIT_FORMAT = "yyyy-MM-dd HH:mm"
_FORMAT_NAMES = {"md": "Markdown", "html": "HTML", "pdf": "PDF", "csv": "CSV", "json": "JSON"}


@dataclass(frozen=True)
class DigestRequest:
    """What the dialog's controls ask for; built on the GUI thread, used on the pool."""

    since: datetime
    until: datetime
    issues: tuple[str, ...]
    unread: bool
    starred: bool
    now: datetime
    lang: str = "en"

    def build(self, store: Store) -> Digest:
        return build_digest(
            store,
            self.since,
            self.until,
            self.issues,
            self.unread,
            self.starred,
            now=self.now,
            lang=self.lang,
        )


def _build_preview(store: Store, request: DigestRequest) -> tuple[Digest, str]:
    digest = request.build(store)
    return digest, render_html(preview(digest, PREVIEW_ITEMS))


def _build_and_write(
    store: Store, request: DigestRequest, fmt: str, path: Path, page_size: str, pdf: PdfRenderer
) -> Path:
    return write_digest(request.build(store), fmt, path, pdf_renderer=pdf, page_size=page_size)


class ExportDialog(QDialog):
    """Signals:
    preview_updated(): the preview shows the current choices.
    saved(object): the Path written.
    failed(str): why building or saving failed, in one line.
    """

    preview_updated = Signal()
    saved = Signal(object)
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ExportDialog", "Export digest"))
        self.setObjectName("exportDialog")
        self._context = context
        self._clock = context.clock
        self._tasks: list[Task] = []  # started here and not yet settled
        self._generation = 0
        self.digest: Digest | None = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh_preview)
        self._build_controls(context.store)
        self.preview = SafeTextBrowser(context.opener)
        self.preview.setObjectName("digestPreview")
        self.status = QLabel()
        self._lay_out()
        self.apply_preset(timedelta(days=7))

    # --- building the form ------------------------------------------------------------

    def _build_controls(self, store: Store) -> None:
        self.since_edit, self.until_edit = QDateTimeEdit(), QDateTimeEdit()
        for edit in (self.since_edit, self.until_edit):
            edit.setTimeZone(QTimeZone.utc())
            edit.setDisplayFormat(_EDIT_FORMAT)
            edit.setCalendarPopup(True)
            edit.dateTimeChanged.connect(self._on_choice_changed)
        self.preset_buttons: list[QPushButton] = []
        for label, length in PRESETS:
            button = QPushButton(translate("ExportDialog", label))
            button.setAutoDefault(False)  # Enter in a date edit must not pick a preset
            button.clicked.connect(lambda _=False, span=length: self.apply_preset(span))
            self.preset_buttons.append(button)
        self.issue_boxes: dict[str, QCheckBox] = {}
        for issue in shown_issues(store.issues.list()):
            box = QCheckBox(action_text(issue.name))
            box.setChecked(True)
            box.toggled.connect(self._on_choice_changed)
            self.issue_boxes[issue.slug] = box
        self.unread_box, self.starred_box = (
            QCheckBox(translate("ExportDialog", "Only unread")),
            QCheckBox(translate("ExportDialog", "Only starred")),
        )
        for box in (self.unread_box, self.starred_box):
            box.toggled.connect(self._on_choice_changed)
        self.format_combo = QComboBox()
        for fmt in FORMATS:
            self.format_combo.addItem(_FORMAT_NAMES[fmt], fmt)
        self.format_combo.setCurrentIndex(FORMATS.index("html"))
        self.lang_combo = QComboBox()
        self.lang_combo.setObjectName("digestLanguage")
        self.lang_combo.addItem("English", "en")
        self.lang_combo.addItem("Français", "fr")
        self.lang_combo.setCurrentIndex(self.lang_combo.findData(data_lang()))  # the interface's, first
        self.lang_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.page_combo = QComboBox()
        # the paper's name in the interface's language; its id, as the renderer knows it, kept as data
        names = {"A4": translate("ExportDialog", "A4"), "Letter": translate("ExportDialog", "Letter")}
        for size in PAGE_SIZES:
            self.page_combo.addItem(names.get(size, size), size)
        self.save_button = QPushButton(translate("ExportDialog", "Save…"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self._on_save_clicked)

    def _lay_out(self) -> None:
        form = QFormLayout()
        period = QHBoxLayout()
        period.addWidget(self.since_edit)
        period.addWidget(QLabel(translate("ExportDialog", "to")))
        period.addWidget(self.until_edit)
        period.addWidget(QLabel("UTC"))
        for button in self.preset_buttons:
            period.addWidget(button)
        form.addRow(translate("ExportDialog", "Period"), period)
        issues = QGroupBox(translate("ExportDialog", "Issues"))
        issue_layout = QHBoxLayout(issues)
        for box in self.issue_boxes.values():
            issue_layout.addWidget(box)
        form.addRow(issues)
        only = QHBoxLayout()
        only.addWidget(self.unread_box)
        only.addWidget(self.starred_box)
        form.addRow(translate("ExportDialog", "Items"), only)
        output = QHBoxLayout()
        output.addWidget(self.format_combo)
        output.addWidget(QLabel(translate("ExportDialog", "Language")))
        output.addWidget(self.lang_combo)
        output.addWidget(QLabel(translate("ExportDialog", "PDF page")))
        output.addWidget(self.page_combo)
        output.addStretch(1)
        output.addWidget(self.save_button)
        form.addRow(translate("ExportDialog", "Format"), output)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        fit_to_screen(self, QSize(900, 700))

    # --- the choices ------------------------------------------------------------------

    def apply_preset(self, length: timedelta) -> None:
        """The period that ends now and lasts `length`."""
        now = self._clock()
        self.set_period(now - length, now)

    def set_period(self, since: datetime, until: datetime) -> None:
        self.since_edit.setDateTime(_to_qt(since))
        self.until_edit.setDateTime(_to_qt(until))
        self._on_choice_changed()

    def set_issues(self, slugs: Sequence[str]) -> None:
        for slug, box in self.issue_boxes.items():
            box.setChecked(slug in slugs)

    def set_format(self, fmt: str) -> None:
        self.format_combo.setCurrentIndex(FORMATS.index(fmt))

    def request(self) -> DigestRequest:
        return DigestRequest(
            since=_from_qt(self.since_edit.dateTime()),
            until=_from_qt(self.until_edit.dateTime()),
            issues=tuple(slug for slug, box in self.issue_boxes.items() if box.isChecked()),
            unread=self.unread_box.isChecked(),
            starred=self.starred_box.isChecked(),
            now=self._clock(),
            lang=self.lang_combo.currentData(),
        )

    @Slot()
    def _on_choice_changed(self) -> None:
        # Many controls change at once (a preset sets both dates): build once for all.
        self._refresh_timer.start()

    # --- preview ----------------------------------------------------------------------

    @Slot()
    def refresh_preview(self) -> None:
        request = self.request()
        self._generation += 1
        generation = self._generation
        if not request.issues:
            self._show_message(translate("ExportDialog", "Choose at least one issue."))
            return
        self.status.setText(translate("ExportDialog", "Building the preview…"))
        self._start(
            _build_preview, request,
            on_done=lambda result: self._on_preview_built(generation, result),
            on_error=lambda exc: self._on_preview_failed(generation, exc),
        )

    def _on_preview_built(self, generation: int, result: tuple[Digest, str]) -> None:
        if generation != self._generation:
            return  # the choices changed while it was building
        self.digest, html = result
        self.preview.setHtml(html)
        count = self.digest.article_count
        self.status.setText(translate("ExportDialog", "%Ln item(s)", None, count))
        self.save_button.setEnabled(True)
        self.preview_updated.emit()

    def _on_preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._show_message(core_text(exc, framed=True))

    def _show_message(self, text: str) -> None:
        self.digest = None
        self.preview.setPlainText(text)
        self.status.setText(text)
        self.save_button.setEnabled(False)
        self.failed.emit(text)

    # --- saving -----------------------------------------------------------------------

    def save_to(self, path: Path) -> None:
        """Build the digest as chosen and write it to `path` in the chosen format, off the GUI thread."""
        fmt = self.format_combo.currentData()
        self.status.setText(translate("ExportDialog", "Saving {}…").format(Path(path).name))
        self._start(
            _build_and_write, self.request(), fmt, Path(path),
            self.page_combo.currentData(), self._context.pdf_renderer,
            on_done=self._on_saved, on_error=self._on_save_failed,
        )

    def _on_saved(self, path: Path) -> None:
        self.status.setText(translate("ExportDialog", "Saved {}").format(path))
        self.saved.emit(path)

    def _on_save_failed(self, exc: BaseException) -> None:
        self.status.setText(translate("ExportDialog", "Not saved: {}").format(core_text(exc)))
        self.failed.emit(str(exc))

    @Slot()
    def _on_save_clicked(self) -> None:
        fmt = self.format_combo.currentData()
        name = f"cc-monitor-digest-{self._clock().date().isoformat()}{EXTENSIONS[fmt]}"
        path, _ = QFileDialog.getSaveFileName(
            self, translate("ExportDialog", "Save digest"), name, f"{_FORMAT_NAMES[fmt]} (*{EXTENSIONS[fmt]})"
        )
        if path:
            self.save_to(Path(path))

    def _start(self, fn: Callable[..., object], *args: object, **callbacks: Callable) -> None:
        """Run `fn(store, *args)` on the app's runner, remembered until it reports."""
        task = self._context.runner.run_with_store(self._context.db_path, fn, *args, **callbacks)
        self._tasks.append(task)
        task.settled.connect(lambda: self._tasks.remove(task))

    def done(self, result: int) -> None:
        # Results that arrive after the dialog is gone have nobody to show them to; a file
        # being written is still finished (the runner waits for it when the app quits).
        for task in self._tasks:
            task.cancel()
        super().done(result)


def _to_qt(value: datetime) -> QDateTime:
    utc = value.astimezone(UTC)
    return QDateTime(QDate(utc.year, utc.month, utc.day), QTime(utc.hour, utc.minute), QTimeZone.utc())


def _from_qt(value: QDateTime) -> datetime:
    utc = value.toUTC()
    day, clock = utc.date(), utc.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=UTC)
