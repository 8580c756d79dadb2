"""Settings: poll interval, notifications, minimise to tray, retention, daily digest, data folder."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db import Store
from ui.dialogs.daily_digest import DailyDigestBox

KEY_INTERVAL = "poll.interval_s"
KEY_NOTIFY = "notify.enabled"
KEY_TRAY = "ui.minimise_to_tray"
KEY_RETENTION = "retention.irrelevant_days"
DEFAULTS = {KEY_INTERVAL: 900, KEY_NOTIFY: True, KEY_TRAY: False, KEY_RETENTION: 30}


class SettingsDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setObjectName("settingsDialog")
        self._store = store
        get = lambda key: store.settings.get(key, DEFAULTS[key])  # noqa: E731
        self.interval = QSpinBox()
        self.interval.setRange(1, 24 * 60)
        self.interval.setSuffix(" min")
        self.interval.setValue(max(1, int(get(KEY_INTERVAL)) // 60))
        self.notify = QCheckBox("Notify me when new items arrive on tracked issues")
        self.notify.setChecked(bool(get(KEY_NOTIFY)))
        self.tray = QCheckBox("Closing the window keeps the app in the system tray")
        self.tray.setChecked(bool(get(KEY_TRAY)))
        self.retention = QSpinBox()
        self.retention.setRange(1, 3650)
        self.retention.setSuffix(" days")
        self.retention.setValue(int(get(KEY_RETENTION)))
        self.retention.setToolTip("Items judged not about Canada–China are forgotten after this long")
        self.folder = QLineEdit(str(store.path.parent))
        self.folder.setReadOnly(True)
        self.folder.setToolTip(str(store.path))
        form = QFormLayout()
        form.addRow("Poll feeds every", self.interval)
        form.addRow("", self.notify)
        form.addRow("", self.tray)
        form.addRow("Keep items not about Canada–China", self.retention)
        form.addRow("Data folder", self.folder)
        self.daily = DailyDigestBox(store)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.daily)
        layout.addWidget(buttons)

    def interval_s(self) -> int:
        return self.interval.value() * 60

    def accept(self) -> None:
        settings = self._store.settings
        settings.set(KEY_INTERVAL, self.interval_s())
        settings.set(KEY_NOTIFY, self.notify.isChecked())
        settings.set(KEY_TRAY, self.tray.isChecked())
        settings.set(KEY_RETENTION, self.retention.value())
        self.daily.save(self._store)
        super().accept()
