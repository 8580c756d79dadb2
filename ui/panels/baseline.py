"""The baseline: the seed article's facts, grouped by tracked issue, with dates and figures,
each heading with the number of items on that issue since the baseline and a way to list them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.records import BaselineFact, TrackedIssue
from ui.icons import dot_icon

SLUG_ROLE = Qt.ItemDataRole.UserRole + 20


def figure_text(fact: BaselineFact) -> str:
    parts = []
    for fig in fact.figures:
        qualifier = f"{fig.qualifier} " if fig.qualifier else ""
        parts.append(f"{fig.label}: {qualifier}{number_text(fig.value, fig.unit)} {fig.unit}".strip())
    return "; ".join(parts)


def number_text(value: float, unit: str) -> str:
    """A figure as people write it: 118.7, 1,200, but a year stays 2017."""
    if "year" in unit.lower() and value.is_integer():
        return str(int(value))
    return f"{value:,.10g}"


def later_text(count: int | None) -> str:
    if count is None:
        return "counting…"
    return "no later item" if count == 0 else f"{count:,} later item{'s' if count != 1 else ''}"


class BaselinePanel(QWidget):
    """Facts under one heading per tracked issue; context facts last.

    Signals:
        issue_chosen(str): the user asked to list the items on this issue.
    """

    issue_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("baselinePanel")
        self.intro = QLabel()
        self.intro.setObjectName("baselineIntro")
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Fact", "When", "Figures"])
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)
        self.tree.currentItemChanged.connect(self._on_tree_current_changed)
        self.list_button = QPushButton("List later items")
        self.list_button.setEnabled(False)
        self.list_button.clicked.connect(self._on_list_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.intro, 1)
        buttons.addWidget(self.list_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        self._headings: dict[str, tuple[QTreeWidgetItem, str, int]] = {}

    def show_facts(
        self, issues: Sequence[TrackedIssue], facts: Sequence[BaselineFact], baseline: date | None = None
    ) -> None:
        self.tree.clear()
        self._headings = {}
        source = next((f.source for f in facts if f.source), None)
        day = baseline.strftime("%d %B %Y") if baseline else "the baseline"
        self.intro.setText(
            f"What was true on {day}"
            + (f" ({source})" if source else "")
            + ". Each issue shows how many items arrived since."
        )
        groups = [(i.slug, i.name, i.colour) for i in issues] + [("", "Context", "")]
        for slug, name, colour in groups:
            members = [f for f in facts if (slug in f.issues if slug else not f.issues)]
            if not members and not slug:
                continue
            heading = QTreeWidgetItem(self.tree, [name, "", ""])
            heading.setFirstColumnSpanned(False)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            if colour:
                heading.setIcon(0, dot_icon(colour))
                heading.setData(0, SLUG_ROLE, slug)
                self._headings[slug] = (heading, name, len(members))
                heading.setText(2, later_text(None))
                heading.setToolTip(0, "Double-click to list the items on this issue")
            for fact in members:
                item = QTreeWidgetItem(
                    heading, [fact.statement, fact.date_label or fact.date or "", figure_text(fact)]
                )
                item.setToolTip(0, fact.statement)
                item.setToolTip(2, figure_text(fact))
                item.setData(0, Qt.ItemDataRole.UserRole, fact.id)
                if slug:
                    item.setData(0, SLUG_ROLE, slug)
            heading.setExpanded(True)
        self.tree.setColumnWidth(0, 520)
        self.tree.setColumnWidth(1, 150)

    def set_counts(self, since_baseline: Mapping[str, int]) -> None:
        for slug, (heading, _name, _facts) in self._headings.items():
            heading.setText(2, later_text(since_baseline.get(slug, 0)))

    def _on_tree_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        slug = item.data(0, SLUG_ROLE)
        if slug:
            self.issue_chosen.emit(slug)

    def _on_tree_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        slug = current.data(0, SLUG_ROLE) if current is not None else None
        self.list_button.setEnabled(bool(slug))
        if slug:
            self.list_button.setText(f"List items on {self._headings[slug][1]}")

    def _on_list_button_clicked(self) -> None:
        current = self.tree.currentItem()
        slug = current.data(0, SLUG_ROLE) if current is not None else None
        if slug:
            self.issue_chosen.emit(slug)
