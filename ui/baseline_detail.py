"""The Baseline tab's reading aids: rows that wrap their text instead of cutting it, and a
pane below the facts that shows the selected row in full (reachable with Tab, selectable,
copyable)."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTextBrowser, QTreeView, QWidget

from db.records import BaselineFact, Story
from monitor.figures import figure_phrase
from ui.baseline_data import FactMoves, MoveLine
from ui.i18n import labelled, long_date, quoted, say, translate

_PADDING = 8  # above and below a wrapped row, and beside its text
_ICON_ROOM = 22


class WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's present width."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        view.header().sectionResized.connect(lambda *_args: view.doItemsLayout())

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return hint
        width = self._view.header().sectionSize(index.column()) - _PADDING - _ICON_ROOM
        if index.column() == 0:
            width -= self._view.indentation() * (self._depth(index) + 1)
        font = index.data(Qt.ItemDataRole.FontRole) or option.font  # type: ignore[union-attr]
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        rect = QFontMetrics(font).boundingRect(QRect(0, 0, max(40, width), 100_000), flags, str(text))
        return QSize(hint.width(), max(hint.height(), rect.height() + _PADDING))

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText  # type: ignore[operator]

    @staticmethod
    def _depth(index: QModelIndex | QPersistentModelIndex) -> int:
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        return depth


class DetailPane(QTextBrowser):
    """The selected row in full. Loads nothing remote: its HTML is built here from the store."""

    PROMPT = QT_TRANSLATE_NOOP("BaselineDetail", "Select a fact to read it in full here.")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("baselineDetail")
        self.setOpenLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.clear()

    def clear(self) -> None:
        self.setHtml(self._prompt())

    def show_html(self, text: str | None) -> None:
        self.setHtml(text or self._prompt())

    def _prompt(self) -> str:
        return "<p><i>" + translate("BaselineDetail", self.PROMPT) + "</i></p>"


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def fact_html(fact: BaselineFact, moves: FactMoves | None) -> str:
    when = fact.date_label or fact.date
    parts = [f"<p><b>{_e(when)}</b></p>" if when else "", f"<p>{_e(fact.statement)}</p>"]
    if fact.figures:
        figures = (labelled(f.label, figure_phrase(f)) for f in fact.figures)
        parts.append("<ul>" + "".join(f"<li>{_e(line)}</li>" for line in figures) + "</ul>")
    if moves:
        total = moves.total
        count = translate("BaselineDetail", "%n report(s) since the baseline", None, total)
        moved = f"<b>▲ {_e(translate('BaselineDetail', 'Moved'))}</b> — {_e(count)}"
        parts.append(f"<p>{labelled(moved, '').rstrip()}</p>")
        parts.append("<ul>" + "".join(f"<li>{_move_line(line)}</li>" for line in moves.lines) + "</ul>")
    return "".join(parts)


def _move_line(line: MoveLine) -> str:
    move = line.move
    when = long_date(move.published.astimezone())
    what = f"{_e(say(move.move.baseline))} → {_e(say(move.move.reported))}"
    return labelled(what, f"{_e(quoted(move.move.words))} — {_e(line.outlet)}, {when}")


def move_html(line: MoveLine) -> str:
    return f"<p>{_move_line(line)}</p><p><i>{_e(line.move.title)}</i></p>"


def heading_html(name: str, facts: int) -> str:
    count = translate("BaselineDetail", "%n baseline fact(s)", None, facts)
    hint = translate("BaselineDetail", "Double-click, or the button above, lists the items on this issue.")
    return f"<p>{labelled(f'<b>{_e(name)}</b>', _e(count))}.</p><p>{_e(hint)}</p>"


def story_html(story: Story) -> str:
    outlets = ", ".join(story.outlets)
    count = len(story.outlets)
    where = translate("BaselineDetail", "%n outlet(s)", None, count)
    latest = translate("BaselineDetail", "Latest {}").format(long_date(story.last_date.astimezone()))
    hint = translate("BaselineDetail", "Double-click opens the story in Developments.")
    return (
        f"<p><b>{_e(story.headline)}</b></p>"
        f"<p>{_e(latest)}; {_e(labelled(where, outlets))}</p>"
        f"<p>{_e(hint)}</p>"
    )
