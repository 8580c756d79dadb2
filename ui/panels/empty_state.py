"""What the app says while the database holds no items yet: what it is doing (the first poll,
n of m feeds done), which feeds failed and why, and how to add a feed or import OPML."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate

IDLE = QT_TRANSLATE_NOOP(
    "EmptyState", "No items yet. The app polls the feeds in the list; press F5 (Poll now) to start."
)
NO_FEEDS = QT_TRANSLATE_NOOP(
    "EmptyState", "No items yet, and no feeds to poll: add a feed or import an OPML file."
)


class EmptyStatePanel(QWidget):
    """Signals:
    feeds_requested(): open the Feeds dialog.
    import_requested(): import feeds from an OPML file.
    """

    feeds_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.heading = QLabel(translate("EmptyState", "Nothing to read yet"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.status = QLabel(translate("EmptyState", IDLE))
        self.status.setObjectName("emptyStateStatus")
        self.status.setWordWrap(True)
        self.failures_label = QLabel(translate("EmptyState", "Feeds that failed:"))
        self.failures = QListWidget()
        self.failures.setObjectName("emptyStateFailures")
        self.failures.setAlternatingRowColors(True)
        self.feeds_button = QPushButton(translate("EmptyState", "Add or edit feeds…"))
        self.feeds_button.clicked.connect(self.feeds_requested)
        self.import_button = QPushButton(translate("EmptyState", "Import OPML…"))
        self.import_button.clicked.connect(self.import_requested)
        hint = QLabel(
            translate(
                "EmptyState",
                "Items appear here as soon as the first feed brings something about Canada–China. "
                "Meanwhile the Baseline tab shows what the app watches for.",
            )
        )
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.feeds_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.failures_label)
        layout.addWidget(self.failures, 1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._show_failures()

    def show_idle(self, feeds: int) -> None:
        self.status.setText(translate("EmptyState", IDLE if feeds else NO_FEEDS))

    def on_started(self) -> None:
        self.failures.clear()
        self._show_failures()
        self.status.setText("Polling the feeds for the first time…")

    def on_progressed(self, done: int, total: int) -> None:
        self.status.setText(
            translate(
                "EmptyState", "Polling the feeds for the first time: {done} of {total} feeds done."
            ).format(done=done, total=total)
        )

    def on_feed_failed(self, name: str, error: str) -> None:
        self.failures.addItem(f"{name} — {error}")
        self._show_failures()

    def on_finished(self, feeds: int) -> None:
        failed = self.failures.count()
        if failed:
            self.status.setText(
                translate(
                    "EmptyState",
                    "The poll is done and brought nothing about Canada–China yet; {failed} of {feeds} "
                    "feeds failed (below). Check their addresses, or add other feeds.",
                ).format(failed=failed, feeds=feeds)
            )
        else:
            self.status.setText(
                translate(
                    "EmptyState",
                    "The poll is done and brought nothing about Canada–China yet. "
                    "The feeds are polled again on schedule; add more feeds to widen the net.",
                )
            )

    def failure_lines(self) -> list[str]:
        return [self.failures.item(row).text() for row in range(self.failures.count())]

    def _show_failures(self) -> None:
        shown = self.failures.count() > 0
        self.failures_label.setVisible(shown)
        self.failures.setVisible(shown)
