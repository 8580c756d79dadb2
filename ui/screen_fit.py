"""Window and dialog sizes that fit the screen they open on, and restored positions that
stay on a screen that still exists.

The sizing rules are pure functions of rectangles (tested against a 1024x640 screen
whatever the test machine has); the two small helpers at the end apply them to widgets.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.9  # of the available area: room left for the frame and a glimpse of the desktop
MAIN_WINDOW_MAX = QSize(1600, 1000)  # beyond this a news list is more white space than news


def first_size(available: QRect, wanted: QSize, share: float = SCREEN_SHARE) -> QSize:
    """`wanted`, shrunk where needed to `share` of the available screen area."""
    return QSize(
        min(wanted.width(), int(available.width() * share)),
        min(wanted.height(), int(available.height() * share)),
    )


def placed(frame: QRect, screens: Sequence[QRect]) -> QRect:
    """Where a window that was at `frame` goes: on the screen it overlaps most, shrunk to fit
    and moved fully inside it; centred on the first screen if it overlaps none (a screen
    that was unplugged, a resolution that was lowered)."""
    if not screens:
        return frame
    overlaps = [(_area(frame.intersected(screen)), screen) for screen in screens]
    best, screen = max(overlaps, key=lambda pair: pair[0])
    size = frame.size().boundedTo(screen.size())
    if best == 0:
        screen = screens[0]
        size = frame.size().boundedTo(screen.size())
        corner = screen.center() - QPoint(size.width() // 2, size.height() // 2)
        return QRect(corner, size)
    x = min(max(frame.x(), screen.left()), screen.left() + screen.width() - size.width())
    y = min(max(frame.y(), screen.top()), screen.top() + screen.height() - size.height())
    return QRect(QPoint(x, y), size)


def _area(rect: QRect) -> int:
    return max(rect.width(), 0) * max(rect.height(), 0) if rect.isValid() else 0


def available_geometry(widget: QWidget) -> QRect:
    """The free area (without panels and docks) of the screen the widget is on, or will open on."""
    parent = widget.parentWidget()
    screen = (parent.screen() if parent is not None else widget.screen()) or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, wanted: QSize) -> None:
    """Give a window or dialog its first size: `wanted`, or less on a small screen."""
    widget.resize(first_size(available_geometry(widget), wanted))


def keep_on_screen(window: QWidget) -> None:
    """Move a window (after restoreGeometry) back onto a screen if it is partly or wholly off."""
    screens = [screen.availableGeometry() for screen in QGuiApplication.screens()]
    frame = window.frameGeometry()
    target = placed(frame, screens)
    if target == frame:
        return
    decorations = frame.size() - window.geometry().size()
    window.resize(target.size() - decorations)
    window.move(target.topLeft())
