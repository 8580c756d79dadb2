"""Developments: what happened since a chosen moment, story by story under each tracked issue,
with the moves the stories report; the open item below, in the article view.

The panel only shows and asks: the controller reads the store and carries out what the
reader asks for (mark read, merge, take out).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFontMetrics, QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.delegates import paint_cell_without_text
from ui.developments import PERIODS, RANKING, Period
from ui.i18n import translate
from ui.models.stories import (
    ARTICLE_ID_ROLE,
    COL_FIRST_SEEN,
    COL_MOVED,
    COL_OUTLETS,
    COL_STORY,
    KIND_ROLE,
    MOVED_ROLE,
    STORY_ID_ROLE,
    StoryTreeModel,
)
from ui.panels.article_view import ArticleView

BADGE_BACKGROUND = "#ffe0b2"
BADGE_TEXT = "#4e2600"
_Index = QModelIndex | QPersistentModelIndex


class MoveBadgeDelegate(QStyledItemDelegate):
    """Draws a row's move as a rounded amber badge whose words say what moved."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        text = index.data(MOVED_ROLE)
        if not text:
            super().paint(painter, option, index)
            return
        paint_cell_without_text(self, painter, option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(option.font)  # type: ignore[attr-defined]
        rect = QRectF(option.rect).adjusted(3, 2, -3, -2)  # type: ignore[attr-defined]
        label = metrics.elidedText(f"▲ {text}", Qt.TextElideMode.ElideRight, int(rect.width()) - 10)
        badge = QRectF(
            rect.left(), rect.top(), min(rect.width(), metrics.horizontalAdvance(label) + 10), rect.height()
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(BADGE_BACKGROUND))
        painter.drawRoundedRect(badge, 4, 4)
        painter.setPen(QColor(BADGE_TEXT))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        base = super().sizeHint(option, index)
        return QSize(base.width() + 16, max(base.height(), QFontMetrics(option.font).height() + 6))  # type: ignore[attr-defined]


class StoryTree(QTreeView):
    """Enter on a story opens it (expands it and marks it read), as a double-click does.

    The side columns take a share of the width, within bounds, and the headline the rest,
    so that the headline stays readable on a small screen.
    """

    SHARES = ((COL_MOVED, 0.25, 185, 330), (COL_OUTLETS, 0.15, 100, 240), (COL_FIRST_SEEN, 0.14, 115, 200))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self.viewport().width()
        for column, share, least, most in self.SHARES:
            self.setColumnWidth(column, int(min(most, max(least, width * share))))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class DevelopmentsPanel(QWidget):
    """Signals:
    period_changed(str): the reader chose another period (a Period key).
    current_item_changed(object): the article id of the item row now current, or None.
    story_activated(int): the reader opened a story (Enter or double-click).
    mark_read_requested(list): story ids to mark read.
    merge_requested(list): story ids to merge, the first keeps its id.
    take_out_requested(int): the article id to take out of its story.
    """

    period_changed = Signal(str)
    current_item_changed = Signal(object)
    story_activated = Signal(int)
    mark_read_requested = Signal(list)
    merge_requested = Signal(list)
    take_out_requested = Signal(int)

    def __init__(self, model: StoryTreeModel, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("developmentsPanel")
        self.model = model
        self.view = view
        self.period = QComboBox()
        self.period.setObjectName("developmentsPeriod")
        for key, label in PERIODS:
            self.period.addItem(translate("Developments", label), key)
        self.summary = QLabel()
        self.summary.setObjectName("developmentsSummary")
        self.summary.setToolTip(translate("Developments", RANKING))
        self.tree = StoryTree()
        self.tree.setObjectName("storyTree")
        self._build_tree()
        self._build_actions()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("developmentsSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(view)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.period.currentIndexChanged.connect(lambda _i: self.period_changed.emit(self.period_key()))
        self._layout()

    def _build_tree(self) -> None:
        tree = self.tree
        tree.setModel(self.model)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setExpandsOnDoubleClick(False)
        tree.setItemDelegateForColumn(COL_MOVED, MoveBadgeDelegate(tree))
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_STORY, QHeaderView.ResizeMode.Stretch)
        for column in (COL_MOVED, COL_OUTLETS, COL_FIRST_SEEN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        tree.activated.connect(self._on_tree_activated)
        tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        tree.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

    def _build_actions(self) -> None:
        self.mark_read_action = QAction(translate("DevelopmentsPanel", "Mark story &read"), self.tree)
        self.merge_action = QAction(translate("DevelopmentsPanel", "&Merge stories"), self.tree)
        self.merge_action.setStatusTip(
            translate(
                "DevelopmentsPanel", "Select two or more stories that report one happening, then merge them"
            )
        )
        self.take_out_action = QAction(translate("DevelopmentsPanel", "&Take out of this story"), self.tree)
        self.mark_read_action.triggered.connect(
            lambda: self.mark_read_requested.emit(self.selected_story_ids())
        )
        self.merge_action.triggered.connect(lambda: self.merge_requested.emit(self.selected_story_ids()))
        self.take_out_action.triggered.connect(self._on_take_out)
        for action in (self.mark_read_action, self.merge_action, self.take_out_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.tree.addAction(action)
        self._update_actions()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 0)
        label = QLabel(translate("DevelopmentsPanel", "Show stories"))
        label.setBuddy(self.period)
        bar.addWidget(label)
        bar.addWidget(self.period)
        bar.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    # --- what the controller sets and reads -----------------------------------------------

    def period_key(self) -> Period:
        return self.period.currentData()  # type: ignore[no-any-return]

    def set_period(self, key: str) -> None:
        found = self.period.findData(key)
        if found >= 0:
            self.period.setCurrentIndex(found)

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)

    def expand_issues(self) -> None:
        for row in range(self.model.rowCount()):
            self.tree.expand(self.model.index(row, 0))

    def selected_story_ids(self) -> list[int]:
        """Stories selected (an item row counts for its story), in the order shown, once each."""
        rows = sorted(self.tree.selectionModel().selectedRows(COL_STORY), key=self._position)
        ids = [index.data(STORY_ID_ROLE) for index in rows if index.data(KIND_ROLE) == "story"]
        return list(dict.fromkeys(ids))

    def _position(self, index: QModelIndex) -> tuple[int, ...]:
        path = []
        while index.isValid():
            path.insert(0, index.row())
            index = index.parent()
        return tuple(path)

    def current_article_id(self) -> int | None:
        index = self.tree.currentIndex()
        return index.data(ARTICLE_ID_ROLE) if index.isValid() else None

    # --- reactions ----------------------------------------------------------------------------

    def _update_actions(self) -> None:
        stories = self.selected_story_ids()
        self.mark_read_action.setEnabled(bool(stories))
        self.merge_action.setEnabled(len(stories) >= 2)
        self.take_out_action.setEnabled(self._takeable() is not None)

    def _takeable(self) -> int | None:
        index = self.tree.currentIndex()
        if not index.isValid() or index.data(KIND_ROLE) != "item":
            return None
        return index.data(ARTICLE_ID_ROLE) if self.model.rowCount(index.parent()) > 1 else None

    def _on_take_out(self) -> None:
        article_id = self._takeable()
        if article_id is not None:
            self.take_out_requested.emit(article_id)

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        self.current_item_changed.emit(current.data(ARTICLE_ID_ROLE) if current.isValid() else None)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        kind = index.data(KIND_ROLE)
        if kind == "issue":
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
        elif kind == "story":
            self.tree.expand(index.siblingAtColumn(0))
            self.story_activated.emit(index.data(STORY_ID_ROLE))
