"""The main window: composes the panels and wires their signals; no logic of its own."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMainWindow, QSplitter

from db import Store
from ui.panels.baseline import BaselinePanel


def colour_icon(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store
        self.setWindowTitle("Canada–China Monitor")
        self.resize(1280, 800)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.baseline = BaselinePanel()
        splitter = QSplitter()
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.baseline)
        splitter.setSizes([260, 1020])
        self.setCentralWidget(splitter)
        self.refresh()

    def refresh(self) -> None:
        issues = self._store.issues.list()
        self.sidebar.clear()
        self.sidebar.addItem("All Canada–China")
        for issue in issues:
            QListWidgetItem(colour_icon(issue.colour), issue.name, self.sidebar)
        self.baseline.show_facts(issues, self._store.baseline.list())
