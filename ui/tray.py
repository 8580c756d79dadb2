"""The tray icon: the unread count, notifications about new items on tracked issues, and a
way back to the window. Where there is no system tray (offscreen, some desktops) there is
no icon and no notification, and nothing else changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu, QSystemTrayIcon

from db.records import TrackedIssue
from ui.i18n import translate
from ui.notify import notification_text


def badge_icon(base: QIcon, count: int, size: int = 64) -> QIcon:
    """`base` with the unread count drawn in a corner badge (99+ past 99)."""
    pixmap = base.pixmap(size, size) if not base.isNull() else QPixmap(size, size)
    if base.isNull():
        pixmap.fill(QColor("#c62828"))
    if count > 0:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = str(count) if count < 100 else "99+"
        rect = QRect(size // 3, size // 2, size - size // 3, size // 2)
        painter.setBrush(QColor("#1565c0"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(rect, 10, 10)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(size // 3)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
    return QIcon(pixmap)


class Tray(QObject):
    def __init__(self, window: QMainWindow, icon: QIcon, wanted: bool = True) -> None:
        super().__init__(window)
        self._window = window
        self._base = icon
        self.last_message: str | None = None
        self.icon: QSystemTrayIcon | None = None
        if wanted and QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(icon, self)
            menu = QMenu(window)
            menu.addAction(translate("Tray", "Show window"), self.bring_forward)
            menu.addAction(translate("Tray", "Quit"), window.close)
            self.icon.setContextMenu(menu)
            self.icon.activated.connect(self._on_icon_activated)
            self.icon.messageClicked.connect(self.bring_forward)
            self.icon.show()

    @property
    def available(self) -> bool:
        return self.icon is not None

    def set_unread(self, count: int) -> None:
        if self.icon is not None:
            self.icon.setIcon(badge_icon(self._base, count))
            self.icon.setToolTip(translate("Tray", "Canada–China Monitor: {} unread").format(count))

    def notify(self, new_by_issue: Mapping[str, int], issues: Sequence[TrackedIssue]) -> str | None:
        """Show "4 new: Tariffs 3, Visit 1" for issues that notify; skipped without a tray."""
        text = notification_text(new_by_issue, issues)
        if text is None or self.icon is None:
            return None
        self.icon.showMessage(
            translate("MainWindow", "Canada–China Monitor"),
            text,
            QSystemTrayIcon.MessageIcon.Information,
            8000,
        )
        self.last_message = text
        return text

    def bring_forward(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    def _on_icon_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.bring_forward()

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
