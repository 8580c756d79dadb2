"""Every text a reader can meet in a widget tree, and the English of the catalogue to find in it.

`visible_texts(widget)` walks a window or dialog: titles, labels, buttons, actions and menus,
tooltips, placeholders, header labels, combo items, group box and tab titles, the status bar,
the item views' cells, read-only text panes, and the names and descriptions screen readers say.
`EnglishSources` is built from the French catalogue: a text that is the English source of an
entry whose French differs is English left in the French interface.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

from ui.i18n_build import english_forms
from ui.keyboard import plain

ROWS = 60  # of each level of an item view: enough to meet every kind of row
# Qt's own buttons and menu entries, which qtbase_fr translates.
QT_STANDARD = ("Cancel", "Close", "Save", "Discard", "Yes", "No", "Apply", "Reset", "Help", "Open",
               "Restore Defaults", "&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All")


@dataclass(frozen=True)
class Seen:
    """A text and where it was read (widget class and object name, then which property)."""

    where: str
    text: str


def visible_texts(root: QWidget) -> list[Seen]:
    found: list[Seen] = []
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}#{widget.objectName()}"
        found += [Seen(f"{name}.{what}", text) for what, text in _widget_texts(widget) if text.strip()]
    return found


def menu_texts(menu: QMenu, where: str = "menu") -> list[Seen]:
    return [Seen(f"{where}.{what}", text) for what, text in _actions(menu.actions()) if text and text.strip()]


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    if widget.isWindow():
        yield "windowTitle", widget.windowTitle()
    yield "toolTip", widget.toolTip()
    yield "statusTip", widget.statusTip()
    yield "whatsThis", widget.whatsThis()
    yield "accessibleName", widget.accessibleName()
    yield "accessibleDescription", widget.accessibleDescription()
    yield from _own_texts(widget)
    yield from _actions(QWidget.actions(widget))  # the main window names its own `actions`


def _own_texts(widget: QWidget) -> Iterator[tuple[str, str]]:  # noqa: C901 - one branch per kind of widget
    if isinstance(widget, QLabel):
        yield "text", _without_markup(widget.text())
    if isinstance(widget, QAbstractButton):
        yield "text", widget.text()
    if isinstance(widget, QGroupBox):
        yield "title", widget.title()
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield "placeholderText", widget.placeholderText()
    if isinstance(widget, QTextEdit) and widget.isReadOnly():
        # the raw text keeps the non-breaking spaces that toPlainText() turns into plain ones
        yield from (("line", line) for line in widget.document().toRawText().splitlines())
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield "item", widget.itemText(i)
            yield "itemToolTip", widget.itemData(i, Qt.ItemDataRole.ToolTipRole) or ""
    if isinstance(widget, QAbstractSpinBox):
        yield "specialValueText", widget.specialValueText()
    if isinstance(widget, QSpinBox):
        yield "suffix", widget.suffix()
        yield "prefix", widget.prefix()
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield "tabText", widget.tabText(i)
            yield "tabToolTip", widget.tabToolTip(i)
    if isinstance(widget, QMainWindow) and widget.statusBar() is not None:
        yield "statusBar", widget.statusBar().currentMessage()
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget.model())


def _model_texts(model: QAbstractItemModel) -> Iterator[tuple[str, str]]:
    for column in range(_columns(model, QModelIndex())):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            yield "header", _text(model.headerData(column, Qt.Orientation.Horizontal, role))
    yield from _cells(model, QModelIndex(), depth=0)


def _cells(model: QAbstractItemModel, parent: QModelIndex, depth: int) -> Iterator[tuple[str, str]]:
    for row in range(min(model.rowCount(parent), ROWS)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.AccessibleTextRole):
                yield "cell", _text(index.data(role))
        if depth < 2:
            yield from _cells(model, model.index(row, 0, parent), depth + 1)


def _without_markup(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", text)) if "<" in text else text


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    # a list model hides columnCount() from Python: it has one column
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _actions(actions: Iterable[QAction]) -> Iterator[tuple[str, str]]:
    for action in actions:
        yield "action", action.text()
        yield "actionToolTip", action.toolTip() if action.toolTip() != plain(action.text()) else ""
        yield "actionStatusTip", action.statusTip()
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield "menuTitle", menu.title()
            yield from _actions(menu.actions())


class EnglishSources:
    """The English of every catalogue entry whose French differs, to look for in French text.

    Sources with placeholders ("Deleted {}.", "%n feed(s)") match as patterns; an entry whose
    fixed words are too few to tell English from data ("{} ok", "HTTP {status}") is left out.
    """

    def __init__(self, ts: Path, allowed: Iterable[str] = ()) -> None:
        translated: dict[str, set[str]] = {}
        for source, translations in _entries(ts):
            for form in _english_forms(source):
                translated.setdefault(plain(form), set()).update(plain(t) for t in translations)
        skip = set(allowed)
        english = [s for s, french in translated.items() if s not in french and s not in skip]
        english += [plain(s) for s in QT_STANDARD]
        self.exact = {s for s in english if not _PLACEHOLDER.search(s)}
        self.patterns = [_pattern(s) for s in english if _PLACEHOLDER.search(s) and _telling(s)]

    def english(self, text: str) -> str | None:
        """The English source `text` is (or one of its lines is), else None."""
        for candidate in (text, *text.splitlines()):
            candidate = plain(candidate).strip()
            if candidate in self.exact:
                return candidate
            for pattern in self.patterns:
                if pattern.fullmatch(candidate):
                    return pattern.pattern
        return None


_PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%L?n")


def _entries(ts: Path) -> Iterator[tuple[str, list[str]]]:
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        forms = [] if translation is None else [f.text or "" for f in translation.findall("numerusform")]
        single = [translation.text or "" if translation is not None else ""]
        yield message.findtext("source") or "", forms or single


def _english_forms(source: str) -> tuple[str, ...]:
    return english_forms(source) if "%n" in source or "%Ln" in source else (source,)


def _telling(source: str) -> bool:
    """True when the fixed words of a source say it is English: two words of three letters or more."""
    return len(re.findall(r"[A-Za-z]{3,}", _PLACEHOLDER.sub(" ", source))) >= 2


def _pattern(source: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(source)
    return re.compile(r".+?".join(re.escape(part) for part in parts), re.DOTALL)
