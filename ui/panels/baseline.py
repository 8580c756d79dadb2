"""The baseline: the seed article's facts, grouped by tracked issue, with dates and figures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from db.records import BaselineFact, TrackedIssue


def figure_text(fact: BaselineFact) -> str:
    parts = []
    for fig in fact.figures:
        qualifier = f"{fig.qualifier} " if fig.qualifier else ""
        parts.append(f"{qualifier}{fig.value:g} {fig.unit}".strip())
    return "; ".join(parts)


class BaselinePanel(QTreeWidget):
    """Facts under one heading per tracked issue; context facts last."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("baselinePanel")
        self.setColumnCount(3)
        self.setHeaderLabels(["Fact", "When", "Figures"])
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)

    def show_facts(self, issues: list[TrackedIssue], facts: list[BaselineFact]) -> None:
        self.clear()
        groups = [(i.slug, i.name) for i in issues] + [("", "Context")]
        for slug, name in groups:
            members = [f for f in facts if (slug in f.issues if slug else not f.issues)]
            if not members:
                continue
            heading = QTreeWidgetItem(self, [f"{name} ({len(members)})"])
            heading.setFirstColumnSpanned(True)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            for fact in members:
                item = QTreeWidgetItem(heading, [fact.statement, fact.date_label or "", figure_text(fact)])
                item.setToolTip(0, fact.statement)
                item.setData(0, Qt.ItemDataRole.UserRole, fact.id)
            heading.setExpanded(True)
        self.resizeColumnToContents(1)
        self.setColumnWidth(0, max(420, self.columnWidth(0)))
