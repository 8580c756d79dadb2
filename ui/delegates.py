"""Issue chips: small rounded labels in each issue's colour, drawn in the article list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from db.records import TrackedIssue
from ui.contrast import text_on
from ui.models.articles import ISSUES_ROLE

_PAD_X, _GAP, _RADIUS = 5, 4, 4


_ARTICLES = {"the", "a", "an", "la", "le", "les", "l'"}


def paint_cell_without_text(
    delegate: QStyledItemDelegate, painter: QPainter, option: QStyleOptionViewItem,
    index: QModelIndex | QPersistentModelIndex,
) -> None:
    """The cell's background, selection and focus as the style draws them, but not its text:
    delegates that draw chips or badges draw those over it."""
    style_option = QStyleOptionViewItem(option)
    delegate.initStyleOption(style_option, index)
    style_option.text = ""
    widget = option.widget  # type: ignore[attr-defined]
    style = widget.style() if widget is not None else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, style_option, painter, widget)


def short_name(name: str, limit: int = 12) -> str:
    """A chip's label: the name without a leading article, cut to its first word when long.

    "The visit" → "Visit", "Human rights" → "Human rights", "Tariffs & trade" → "Tariffs".
    """
    words = name.split()
    if len(words) > 1 and words[0].lower() in _ARTICLES:
        words = words[1:]
    text = " ".join(words)
    if len(text) > limit and words:
        text = words[0].rstrip(",:;&")
    return text[:1].upper() + text[1:]


def text_colour(background: str) -> QColor:
    """Black or white, whichever has the higher WCAG contrast on `background`."""
    return QColor(text_on(QColor(background).name()))


class IssueChipsDelegate(QStyledItemDelegate):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._issues: dict[str, TrackedIssue] = {}
        # (font, slugs) -> the chips' width: a column fit asks a hundred rows at a time, and
        # most rows carry one of a few combinations of issues.
        self._widths: dict[tuple[str, tuple[str, ...]], int] = {}

    def set_issues(self, issues: Sequence[TrackedIssue]) -> None:
        self._issues = {issue.slug: issue for issue in issues}
        self._widths.clear()

    def _chips(self, index: QModelIndex | QPersistentModelIndex) -> list[tuple[str, str]]:
        slugs = index.data(ISSUES_ROLE) or []
        out = []
        for slug in slugs:
            issue = self._issues.get(slug)
            out.append((short_name(issue.name) if issue else slug, issue.colour if issue else "#607d8b"))
        return out

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        paint_cell_without_text(self, painter, option, index)
        chips = self._chips(index)
        if not chips:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = option.font  # type: ignore[attr-defined]
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        rect = option.rect  # type: ignore[attr-defined]
        height = metrics.height() + 2
        x = rect.left() + 4
        y = rect.top() + (rect.height() - height) / 2
        for label, colour in chips:
            width = metrics.horizontalAdvance(label) + 2 * _PAD_X
            if x + width > rect.right() - 2:
                painter.setPen(option.palette.text().color())  # type: ignore[attr-defined]
                painter.drawText(QRectF(x, y, 16, height), Qt.AlignmentFlag.AlignVCenter, "…")
                break
            chip = QRectF(x, y, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(chip, _RADIUS, _RADIUS)
            painter.setPen(text_colour(colour))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
            x += width + _GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        font = option.font  # type: ignore[attr-defined]
        key = (font.key(), tuple(index.data(ISSUES_ROLE) or ()))
        width = self._widths.get(key)
        if width is None:
            metrics = QFontMetrics(font)
            width = self._widths[key] = sum(
                metrics.horizontalAdvance(label) + 2 * _PAD_X + _GAP for label, _ in self._chips(index))
        return QSize(max(base.width(), width + 8), base.height())
