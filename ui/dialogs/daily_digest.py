"""The daily digest settings: on or off, which formats, which folder, at what time."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QWidget,
)

from monitor.digest.formats import FORMATS
from monitor.paths import data_dir
from monitor.settings import DEFAULTS, DailyDigestSettings
from ui.i18n import translate

FORMAT_LABELS = {"md": "Markdown", "html": "HTML", "pdf": "PDF", "csv": "CSV", "json": "JSON"}


class DailyDigestBox(QGroupBox):
    """A checkable group: checked means the previous day's digest is written every day."""

    def __init__(self, current: DailyDigestSettings, parent: QWidget | None = None) -> None:
        super().__init__(translate("DailyDigest", "Write a daily digest of the previous day"), parent)
        self.setObjectName("dailyDigestBox")
        self.setCheckable(True)
        self.setChecked(current.enabled)
        self.formats = {fmt: QCheckBox(FORMAT_LABELS[fmt]) for fmt in FORMATS}
        for fmt, box in self.formats.items():
            box.setChecked(fmt in current.formats)
        row = QHBoxLayout()
        for box in self.formats.values():
            row.addWidget(box)
        row.addStretch(1)
        self.folder = QLineEdit(str(current.folder or data_dir() / "digests"))
        browse = QPushButton(translate("DailyDigest", "Choose…"))
        browse.clicked.connect(self._on_browse_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.at = QTimeEdit(QTime(current.at.hour, current.at.minute))
        self.at.setDisplayFormat("HH:mm")
        form = QFormLayout(self)
        form.addRow(translate("DailyDigest", "Formats"), row)
        form.addRow(translate("DailyDigest", "Folder"), folder_row)
        form.addRow(translate("DailyDigest", "After (local time)"), self.at)

    def _on_browse_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, translate("DailyDigest", "Folder for daily digests"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def chosen_formats(self) -> list[str]:
        return [fmt for fmt, box in self.formats.items() if box.isChecked()]

    def chosen(self) -> DailyDigestSettings:
        """The daily digest settings as the form shows them (HTML when no format is ticked)."""
        folder = self.folder.text().strip()
        return DailyDigestSettings(
            enabled=self.isChecked(),
            formats=tuple(self.chosen_formats()) or DEFAULTS.daily.formats,
            folder=Path(folder).expanduser() if folder else None,
            at=time(self.at.time().hour(), self.at.time().minute()),
        )
