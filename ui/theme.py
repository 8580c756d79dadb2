"""Following the desktop's light or dark colour scheme, and colours that read in both.

Qt 6.5+ reports the scheme (QStyleHints.colorScheme) and most platform themes hand Qt a
matching palette. Where the scheme is dark but the palette stayed light (a bare window
manager, the offscreen platform), a dark palette is set; when the scheme turns light
again the style's own palette returns. Fonts are never set here: the system's size holds.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ui.contrast import readable_on

Role, Group = QPalette.ColorRole, QPalette.ColorGroup

_DARK = {
    Role.Window: "#2b2b2b", Role.WindowText: "#e8e8e8", Role.Base: "#1e1e1e",
    Role.AlternateBase: "#262626", Role.ToolTipBase: "#3a3a3a", Role.ToolTipText: "#f0f0f0",
    Role.PlaceholderText: "#a0a0a0", Role.Text: "#e8e8e8", Role.Button: "#353535",
    Role.ButtonText: "#e8e8e8", Role.BrightText: "#ff8a80", Role.Light: "#4a4a4a",
    Role.Midlight: "#3d3d3d", Role.Mid: "#2f2f2f", Role.Dark: "#1a1a1a", Role.Shadow: "#000000",
    Role.Highlight: "#2f65ca", Role.HighlightedText: "#ffffff", Role.Link: "#8ab4f8",
    Role.LinkVisited: "#c58af9", Role.Accent: "#2f65ca",
}
_DARK_DISABLED = {Role.WindowText: "#8a8a8a", Role.Text: "#8a8a8a", Role.ButtonText: "#8a8a8a",
                  Role.Highlight: "#505050"}
# The only colours the style sheet names: a dark scheme needs its own.
_DARK_SHEET = "\nQLabel#listMessage { color: #ff8a80; }\n"


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def apply_scheme(app: QApplication, dark: bool, sheet: str) -> None:
    """Set the palette and style sheet for a dark or light scheme."""
    if dark and not is_dark(app.style().standardPalette()):
        app.setPalette(dark_palette())
    elif not dark:
        app.setPalette(app.style().standardPalette())
    app.setStyleSheet(sheet + (_DARK_SHEET if dark else ""))


def follow_colour_scheme(app: QApplication, sheet: str) -> None:
    """Match the system's scheme now and whenever it changes."""
    hints = app.styleHints()

    def match() -> None:
        scheme = hints.colorScheme()
        dark = scheme == Qt.ColorScheme.Dark or (
            scheme == Qt.ColorScheme.Unknown and is_dark(app.style().standardPalette())
        )
        apply_scheme(app, dark, sheet)

    match()
    hints.colorSchemeChanged.connect(lambda _scheme: match())


@cache
def _readable(colour: str, background: str) -> QColor:
    return QColor(readable_on(colour, background))


def readable_colour(colour: str, palette: QPalette | None = None) -> QColor:
    """`colour` as text on the view background of `palette` (the app's by default), 4.5:1 at least."""
    base = (palette or QGuiApplication.palette()).color(Role.Base).name()
    return _readable(QColor(colour).name(), base)
