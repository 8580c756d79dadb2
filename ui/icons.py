"""Small icons drawn once: colour dots for issues and feed health, and the app icon."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap


@cache
def dot_icon(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    painter.end()
    return QIcon(pixmap)


def app_icon() -> QIcon:
    """The app icon from resources/icons; an empty icon if the file is missing."""
    icon = QIcon()
    folder = resources.files("resources") / "icons"
    for size in (16, 32, 64, 128, 256):
        path = folder / f"app-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    scalable = folder / "cc-monitor.svg"  # the one the desktop entry installs: any other size
    if scalable.is_file():
        icon.addFile(str(scalable))
    return icon
