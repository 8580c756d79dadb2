"""Names and descriptions for screen readers, given to a window and its dialogs in one walk.

Qt already exposes a button's text, a check box's label and a form row's label as the
control's name. Everything else that takes focus gets one here: from the table below
(views, editors, icon-only buttons), from the label beside it in its layout, or from
its placeholder. Descriptions come from the table, the tooltip or the placeholder.
The names live here, apart from the widgets, so that building a widget stays short.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ui.i18n import translate

# objectName, or "OwnerClass.attribute", → (name, description).
NAMES: dict[str, tuple[str, str]] = {
    "mainTabs": (
        QT_TRANSLATE_NOOP("Accessibility", "Views"),
        QT_TRANSLATE_NOOP("Accessibility", "Developments, Articles, Baseline and Timeline: Ctrl+1 to Ctrl+4"),
    ),
    "sidebar": (
        QT_TRANSLATE_NOOP("Accessibility", "Sidebar"),
        QT_TRANSLATE_NOOP(
            "Accessibility",
            "All items, each tracked issue, starred, saved searches and feeds, with unread "
            "counts. F6 moves to the list",
        ),
    ),
    "articleTable": (
        QT_TRANSLATE_NOOP("Accessibility", "Articles"),
        QT_TRANSLATE_NOOP(
            "Accessibility",
            "The items of the chosen scope. j and k move, n and p go to the next and previous"
            " unread item",
        ),
    ),
    "articleBody": (
        QT_TRANSLATE_NOOP("Accessibility", "Article"),
        QT_TRANSLATE_NOOP(
            "Accessibility",
            "The selected item, with the words that tagged it highlighted. Space shows the "
            "next screenful",
        ),
    ),
    "articleFacts": (
        QT_TRANSLATE_NOOP("Accessibility", "Baseline facts"),
        QT_TRANSLATE_NOOP("Accessibility", "The baseline facts of the selected item's issues"),
    ),
    "searchBox": (
        QT_TRANSLATE_NOOP("Accessibility", "Search articles"),
        QT_TRANSLATE_NOOP("Accessibility", "Words, \"phrases\", AND, OR, NOT. Ctrl+F comes here"),
    ),
    "storyTree": (
        QT_TRANSLATE_NOOP("Accessibility", "Stories"),
        QT_TRANSLATE_NOOP(
            "Accessibility",
            "Stories under each tracked issue. Enter opens a story, the context menu marks "
            "read, merges and takes items out",
        ),
    ),
    "baselineDetail": (
        QT_TRANSLATE_NOOP("Accessibility", "Fact details"),
        QT_TRANSLATE_NOOP("Accessibility", "The selected baseline fact, its later reports and moves"),
    ),
    "emptyStateFailures": (
        QT_TRANSLATE_NOOP("Accessibility", "Failing feeds"),
        QT_TRANSLATE_NOOP("Accessibility", "The feeds that could not be read, with their errors"),
    ),
    "rulesEditorTabs": (
        QT_TRANSLATE_NOOP("Accessibility", "Rules editor"),
        QT_TRANSLATE_NOOP("Accessibility", "The issue's rules as a form or as JSON or TOML text"),
    ),
    "rulesText": (
        QT_TRANSLATE_NOOP("Accessibility", "Rules as text"),
        QT_TRANSLATE_NOOP("Accessibility", "The issue's rules in the chosen text format"),
    ),
    "ruleGroups": (
        QT_TRANSLATE_NOOP("Accessibility", "Term groups"),
        QT_TRANSLATE_NOOP("Accessibility", "The issue's term groups. Select one to edit it below"),
    ),
    "digestPreview": (
        QT_TRANSLATE_NOOP("Accessibility", "Digest preview"),
        QT_TRANSLATE_NOOP("Accessibility", "The digest as it will be written"),
    ),
    "shortcutsDialog.table": (
        QT_TRANSLATE_NOOP("Accessibility", "Keyboard shortcuts"),
        QT_TRANSLATE_NOOP("Accessibility", "Each command and its keys"),
    ),
    "BaselinePanel.tree": (
        QT_TRANSLATE_NOOP("Accessibility", "Baseline facts"),
        QT_TRANSLATE_NOOP(
            "Accessibility",
            "The baseline facts under each tracked issue, with how many later items report on"
            " them; a moved fact is marked",
        ),
    ),
    "PollStatus.cancel": (
        QT_TRANSLATE_NOOP("Accessibility", "Stop polling"),
        QT_TRANSLATE_NOOP("Accessibility", "Stops the poll that is running"),
    ),
    "ArticleListPanel.first": (
        QT_TRANSLATE_NOOP("Accessibility", "From date"),
        QT_TRANSLATE_NOOP("Accessibility", "The first day of the custom date range"),
    ),
    "ArticleListPanel.last": (
        QT_TRANSLATE_NOOP("Accessibility", "To date"),
        QT_TRANSLATE_NOOP("Accessibility", "The last day of the custom date range"),
    ),
    "FeedManagerDialog.table": (
        QT_TRANSLATE_NOOP("Accessibility", "Feeds"),
        QT_TRANSLATE_NOOP("Accessibility", "The feeds with their category, health and interval"),
    ),
    "RulesDialog.issues": (
        QT_TRANSLATE_NOOP("Accessibility", "Tracked issues"),
        QT_TRANSLATE_NOOP("Accessibility", "Select an issue to edit its name, colour and rules"),
    ),
    "RulesDialog.colour": (
        QT_TRANSLATE_NOOP("Accessibility", "Colour"),
        QT_TRANSLATE_NOOP("Accessibility", "The issue's colour as #rrggbb"),
    ),
    "RulesDialog.preview_table": (
        QT_TRANSLATE_NOOP("Accessibility", "Preview"),
        QT_TRANSLATE_NOOP("Accessibility", "Stored items that would gain or lose the tag"),
    ),
    "RulesDialog.text": (
        QT_TRANSLATE_NOOP("Accessibility", "Rules as text"),
        QT_TRANSLATE_NOOP("Accessibility", "The issue's rules in the chosen text format"),
    ),
    "ExportDialog.since_edit": (
        QT_TRANSLATE_NOOP("Accessibility", "Since"),
        QT_TRANSLATE_NOOP("Accessibility", "The digest's first moment (UTC)"),
    ),
    "ExportDialog.until_edit": (
        QT_TRANSLATE_NOOP("Accessibility", "Until"),
        QT_TRANSLATE_NOOP("Accessibility", "The digest's last moment (UTC)"),
    ),
}


def describe_for_assistive_tech(root: QWidget) -> None:
    """Give every focusable widget under `root` (itself included) a name and a description."""
    named = _named_by_attribute(root)
    for widget in _focusable(root):
        name, description = named.get(id(widget)) or NAMES.get(widget.objectName(), ("", ""))
        name, description = _translated(name), _translated(description)
        if not name and not exposed_name(widget):
            name = _label_beside(widget) or _placeholder(widget).split(",")[0].split(":")[0].strip()
        if name:
            widget.setAccessibleName(name)
        description = description or widget.toolTip() or _placeholder(widget)
        if description and not widget.accessibleDescription():
            widget.setAccessibleDescription(description)


def _translated(text: str) -> str:
    return translate("Accessibility", text) if text else ""


def exposed_name(widget: QWidget) -> str:
    """The name a screen reader hears for `widget`: its own, its text or its label's."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def unnamed(root: QWidget) -> list[QWidget]:
    """The focusable widgets under `root` a screen reader could not name."""
    return [widget for widget in _focusable(root) if not exposed_name(widget)]


def _focusable(root: QWidget) -> Iterator[QWidget]:
    for widget in (root, *root.findChildren(QWidget)):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not _inner_part(widget):
            yield widget


def _inner_part(widget: QWidget) -> bool:
    """A spin box's editor or a combo box's popup list: the outer control carries the name."""
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QComboBox):
        return True
    # The popup list sits in a private frame that the combo box owns.
    return parent is not None and isinstance(parent.parentWidget(), QComboBox)


def _named_by_attribute(root: QWidget) -> dict[int, tuple[str, str]]:
    """Widgets the table names as "OwnerClass.attribute" (or "ownerObjectName.attribute")."""
    found: dict[int, tuple[str, str]] = {}
    for owner in (root, *root.findChildren(QObject)):
        for prefix in {type(owner).__name__, owner.objectName()} - {""}:
            for attribute, value in vars(owner).items() if hasattr(owner, "__dict__") else ():
                entry = NAMES.get(f"{prefix}.{attribute}")
                if entry is not None and isinstance(value, QWidget):
                    found[id(value)] = entry
    return found


def _label_beside(widget: QWidget) -> str:
    """The text of the label just before `widget` in its layout, which then becomes its buddy."""
    parent = widget.parentWidget()
    layout = _layout_holding(parent.layout(), widget) if parent is not None else None
    if layout is None:
        return ""
    index = layout.indexOf(widget)
    before = layout.itemAt(index - 1).widget() if index > 0 else None
    if isinstance(before, QLabel) and before.text().strip():
        before.setBuddy(widget)
        return re.sub(r"&(?!&)", "", before.text()).strip().rstrip(":")
    return ""


def _layout_holding(layout: QLayout | None, widget: QWidget) -> QLayout | None:
    if layout is None:
        return None
    if layout.indexOf(widget) >= 0:
        return layout
    for index in range(layout.count()):
        inner = layout.itemAt(index).layout()
        if inner is not None and (found := _layout_holding(inner, widget)) is not None:
            return found
    return None


def _placeholder(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget.placeholderText()
    return ""
