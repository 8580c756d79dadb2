"""The baseline: the seed article's facts, grouped by tracked issue, with dates and figures,
each heading with the number of items on that issue since the baseline and a way to list them.

Each fact that later items say has moved is marked ("▲ moved", an amber icon) and lists
those moves (what was reported against the baseline, in whose words, when, where);
each heading lists the latest stories on its issue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap, QPolygonF, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.records import BaselineFact, Story, TrackedIssue
from monitor.figures import figure_phrase
from ui.baseline_data import BaselineExtras, FactMoves
from ui.baseline_detail import DetailPane, WrapDelegate, fact_html, heading_html, move_html, story_html
from ui.i18n import labelled, long_date, quoted, say, translate
from ui.icons import dot_icon
from ui.labels import action_text

SLUG_ROLE = Qt.ItemDataRole.UserRole + 20
STORY_ROLE = Qt.ItemDataRole.UserRole + 21
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 22  # the row in full, as HTML, for the detail pane
COL_FACT, COL_WHEN, COL_FIGURES, COL_MOVED = range(4)
MOVED_COLOUR = "#ffe0b2"
MOVED_TEXT = "#4e2600"


def figure_text(fact: BaselineFact, separator: str = "; ") -> str:
    """The fact's figures as a person says them: "China's rank among…: second-largest"."""
    return separator.join(labelled(fig.label, figure_phrase(fig)) for fig in fact.figures)


def later_text(count: int | None) -> str:
    if count is None:
        return translate("BaselinePanel", "counting…")
    if count == 0:
        return translate("BaselinePanel", "no later item")
    return translate("BaselinePanel", "%Ln later item(s)", None, count)


@cache
def moved_icon(size: int = 14) -> QIcon:
    """An amber upward triangle: this fact has moved (always beside the word "moved")."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#b35c00"))
    painter.setBrush(QColor("#ff9800"))
    painter.drawPolygon(QPolygonF([QPointF(size / 2, 1), QPointF(size - 1, size - 2), QPointF(1, size - 2)]))
    painter.end()
    return QIcon(pixmap)


def moved_text(moves: FactMoves) -> str:
    total = moves.total
    return translate("BaselinePanel", "moved — %n report(s)", None, total)


class BaselinePanel(QWidget):
    """Facts under one heading per tracked issue; context facts last.

    Signals:
        issue_chosen(str): the user asked to list the items on this issue.
        story_chosen(int): the user asked to open this story in Developments.
    """

    issue_chosen = Signal(str)
    story_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("baselinePanel")
        self.intro = QLabel()
        self.intro.setObjectName("baselineIntro")
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [
                translate("BaselinePanel", "Fact"),
                translate("BaselinePanel", "When"),
                translate("BaselinePanel", "Figures"),
                translate("BaselinePanel", "Moved"),
            ]
        )
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(WrapDelegate(self.tree))
        self.tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)
        self.tree.currentItemChanged.connect(self._on_tree_current_changed)
        self.list_button = QPushButton(translate("BaselinePanel", "List later items"))
        self.list_button.setEnabled(False)
        self.list_button.clicked.connect(self._on_list_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.intro, 1)
        buttons.addWidget(self.list_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(buttons)
        self.detail = DetailPane()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("baselineSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 140])
        layout.addWidget(self.splitter, 1)
        self._headings: dict[str, tuple[QTreeWidgetItem, str, int]] = {}
        self._facts: dict[str, QTreeWidgetItem] = {}
        self._fact_records: dict[str, BaselineFact] = {}
        self._extras = BaselineExtras()

    def show_facts(
        self, issues: Sequence[TrackedIssue], facts: Sequence[BaselineFact], baseline: date | None = None
    ) -> None:
        self.tree.clear()
        self.detail.clear()
        self._headings = {}
        self._facts = {}
        self._fact_records = {}
        source = next((f.source for f in facts if f.source), None)
        day = long_date(baseline) if baseline else translate("BaselinePanel", "the baseline")
        self.intro.setText(
            translate("BaselinePanel", "What was true on {}").format(day)
            + (f" ({source})" if source else "")
            + translate(
                "BaselinePanel",
                ". Each issue shows how many items arrived since and its latest stories; "
                "a fact that later items report differently is marked “moved”, with those reports.",
            )
        )
        groups = [(i.slug, i.name, i.colour) for i in issues] + [
            ("", translate("BaselinePanel", "Context"), "")
        ]
        for slug, name, colour in groups:
            members = [f for f in facts if (slug in f.issues if slug else not f.issues)]
            if not members and not slug:
                continue
            heading = QTreeWidgetItem(self.tree, [name, "", "", ""])
            heading.setFirstColumnSpanned(False)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            if colour:
                heading.setIcon(0, dot_icon(colour))
                heading.setData(0, SLUG_ROLE, slug)
                self._headings[slug] = (heading, name, len(members))
                heading.setText(2, later_text(None))
                heading.setToolTip(
                    0, translate("BaselinePanel", "Double-click to list the items on this issue")
                )
                heading.setData(0, DETAIL_ROLE, heading_html(name, len(members)))
            for fact in members:
                item = QTreeWidgetItem(
                    heading, [fact.statement, fact.date_label or fact.date or "", figure_text(fact, "\n"), ""]
                )
                self._facts[fact.id] = item
                self._fact_records[fact.id] = fact
                item.setToolTip(0, fact.statement)
                item.setToolTip(2, figure_text(fact))
                item.setData(0, Qt.ItemDataRole.UserRole, fact.id)
                if slug:
                    item.setData(0, SLUG_ROLE, slug)
            heading.setExpanded(True)
        self.fit_columns()
        self.show_extras(self._extras)

    def show_extras(self, extras: BaselineExtras) -> None:
        """The moves under each fact and the latest stories under each heading."""
        self._extras = extras
        for slug, (heading, _name, _facts) in self._headings.items():
            self._show_stories(heading, extras.stories.get(slug, ()))
        for fact_id, item in self._facts.items():
            self._show_moves(item, extras.moves.get(fact_id))

    def _show_stories(self, heading: QTreeWidgetItem, stories: Sequence[Story]) -> None:
        for row_number in reversed(range(heading.childCount())):
            if heading.child(row_number).data(0, STORY_ROLE) is not None:
                heading.removeChild(heading.child(row_number))
        for position, story in enumerate(stories):
            outlets = len(story.outlets)
            count = translate("BaselinePanel", "%n outlet(s)", None, outlets)
            row = QTreeWidgetItem([
                translate("BaselinePanel", "Latest: {}").format(story.headline),
                long_date(story.last_date.astimezone()), labelled(count, ", ".join(story.outlets)), "",
            ])
            font = row.font(0)
            font.setItalic(True)
            row.setFont(0, font)
            row.setData(0, STORY_ROLE, story.id)
            row.setToolTip(
                0,
                story.headline
                + "\n"
                + translate("BaselinePanel", "Double-click to open the story in Developments"),
            )
            row.setData(0, DETAIL_ROLE, story_html(story))
            heading.insertChild(position, row)

    def _show_moves(self, item: QTreeWidgetItem, moves: FactMoves | None) -> None:
        item.takeChildren()
        item.setIcon(COL_MOVED, moved_icon() if moves else QIcon())
        item.setText(COL_MOVED, moved_text(moves) if moves else "")
        brush = QBrush(QColor(MOVED_COLOUR)) if moves else QBrush()
        item.setBackground(COL_MOVED, brush)
        item.setForeground(COL_MOVED, QBrush(QColor(MOVED_TEXT)) if moves else QBrush())
        fact = self._fact_records.get(item.data(0, Qt.ItemDataRole.UserRole))
        if fact is not None:
            item.setData(0, DETAIL_ROLE, fact_html(fact, moves))
        if not moves:
            return
        for line in moves.lines:
            move = line.move
            what = say(move.move.figure) or translate("BaselinePanel", "What the fact says")
            baseline, reported = say(move.move.baseline), say(move.move.reported)
            child = QTreeWidgetItem(item, [
                quoted(move.move.words), long_date(move.published.astimezone()),
                f"{baseline} → {reported}",
                translate("BaselinePanel", "reported by {}").format(line.outlet),
            ])
            child.setToolTip(0, f"{move.title}\n{quoted(move.move.words)}")
            tip = translate("BaselinePanel", "{what}: baseline {baseline}, reported {reported}")
            child.setToolTip(
                2, tip.format(what=what, baseline=baseline, reported=reported)
            )
            child.setData(0, DETAIL_ROLE, move_html(line))
        if moves.total > len(moves.lines):
            rest = moves.total - len(moves.lines)
            earlier = translate("BaselinePanel", "… and %Ln earlier report(s)", None, rest)
            QTreeWidgetItem(item, [earlier, "", "", ""])
        item.setExpanded(True)

    def set_counts(self, since_baseline: Mapping[str, int]) -> None:
        for slug, (heading, _name, _facts) in self._headings.items():
            heading.setText(2, later_text(since_baseline.get(slug, 0)))

    def _on_tree_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        story = item.data(0, STORY_ROLE)
        if story is not None:
            self.story_chosen.emit(story)
            return
        slug = item.data(0, SLUG_ROLE)
        if slug:
            self.issue_chosen.emit(slug)

    def fit_columns(self) -> None:
        """The fact column takes what the others leave; every column wraps its text."""
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_FACT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_WHEN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_FIGURES, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_MOVED, QHeaderView.ResizeMode.Interactive)
        width = max(480, self.tree.viewport().width())
        self.tree.setColumnWidth(COL_WHEN, max(110, width * 14 // 100))
        self.tree.setColumnWidth(COL_FIGURES, max(180, width * 26 // 100))
        self.tree.setColumnWidth(COL_MOVED, max(120, width * 15 // 100))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def _on_tree_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self.detail.show_html(current.data(0, DETAIL_ROLE) if current is not None else None)
        slug = current.data(0, SLUG_ROLE) if current is not None else None
        self.list_button.setEnabled(bool(slug))
        if slug:
            self.list_button.setText(
                action_text(translate("BaselinePanel", "List items on {}").format(self._headings[slug][1]))
            )

    def _on_list_button_clicked(self) -> None:
        current = self.tree.currentItem()
        slug = current.data(0, SLUG_ROLE) if current is not None else None
        if slug:
            self.issue_chosen.emit(slug)
