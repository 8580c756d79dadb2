"""Settings: poll interval, notifications, minimise to tray, retention, language, daily digest, data folder.

The form shows the stored settings (monitor.settings) and saves them as one record; a
value the store refuses keeps the dialog open with the reason under the form.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from monitor.settings import MAX_INTERVAL_S, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, Settings, SettingsError
from monitor.settings import load as load_settings
from monitor.settings import save as save_settings
from ui.context import AppContext
from ui.core_text import core_text
from ui.dialogs.daily_digest import DailyDigestBox
from ui.i18n import translate

TRAY_MISSING = QT_TRANSLATE_NOOP(
    "SettingsDialog", "This desktop has no system tray, so closing the window quits the app."
)


class SettingsDialog(QDialog):
    """Signals:
    settings_saved(object): the Settings just stored.
    """

    settings_saved = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        self.setObjectName("settingsDialog")
        self._store = context.store
        self._loaded = current = load_settings(self._store)
        self.interval = QSpinBox()
        self.interval.setRange(1, MAX_INTERVAL_S // 60)
        self.interval.setSuffix(translate("SettingsDialog", " min"))
        self.interval.setValue(max(1, current.poll_interval_s // 60))
        self.notify = QCheckBox(
            translate("SettingsDialog", "Notify me when new items arrive on tracked issues")
        )
        self.notify.setChecked(current.notify)
        self.tray = QCheckBox(
            translate("SettingsDialog", "Closing the window keeps the app in the system tray")
        )
        self.tray.setChecked(current.minimise_to_tray)
        if not QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.setEnabled(False)
            self.tray.setToolTip(translate("SettingsDialog", TRAY_MISSING))
        self.retention = QSpinBox()
        self.retention.setRange(MIN_RETENTION_DAYS, MAX_RETENTION_DAYS)
        self.retention.setSuffix(translate("SettingsDialog", " days"))
        self.retention.setValue(current.retention_days)
        self.retention.setToolTip(
            translate("SettingsDialog", "Items judged not about Canada–China are forgotten after this long")
        )
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        for key, label in (
            ("auto", translate("SettingsDialog", "Automatic (the system's language)")),
            ("en", "English"),
            ("fr", "Français"),
        ):
            self.language.addItem(label, key)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.language.setToolTip(translate("SettingsDialog", "Takes effect the next time the app starts"))
        self.folder = QLineEdit(str(self._store.path.parent))
        self.folder.setReadOnly(True)
        self.folder.setToolTip(str(self._store.path))
        self.daily = DailyDigestBox(current.daily)
        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(translate("SettingsDialog", "Poll feeds every"), self.interval)
        form.addRow("", self.notify)
        form.addRow("", self.tray)
        form.addRow(translate("SettingsDialog", "Keep items not about Canada–China"), self.retention)
        form.addRow(translate("SettingsDialog", "Language (at the next start)"), self.language)
        form.addRow(translate("SettingsDialog", "Data folder"), self.folder)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.daily)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def chosen(self) -> Settings:
        """The settings as the form shows them."""
        return replace(
            self._loaded,
            poll_interval_s=self.interval.value() * 60,
            notify=self.notify.isChecked(),
            minimise_to_tray=self.tray.isChecked(),
            retention_days=self.retention.value(),
            language=self.language.currentData(),
            daily=self.daily.chosen(),
        )

    def accept(self) -> None:
        settings = self.chosen()
        try:
            save_settings(self._store, settings)
        except SettingsError as exc:
            self.error.setText(core_text(exc, framed=True))
            return
        self.settings_saved.emit(settings)
        super().accept()
