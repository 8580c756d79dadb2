"""The status bar's poll indicator: feeds done / total, new items, and a cancel button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QStyle, QToolButton, QWidget

from ui.i18n import translate


class PollStatus(QWidget):
    """Signals:
    cancel_requested(): the user pressed the stop button.
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pollStatus")
        self.label = QLabel("")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(True)
        self.progress.setFormat(translate("PollStatus", "%v / %m feeds"))
        self.cancel = QToolButton()
        self.cancel.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserStop))
        self.cancel.setToolTip(translate("PollStatus", "Stop polling"))
        self.cancel.setAutoRaise(True)
        self.cancel.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel)
        self._new = 0
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel.setVisible(running)

    def on_started(self) -> None:
        self._new = 0
        self.progress.setRange(0, 0)
        self.label.setText(translate("PollStatus", "Polling feeds…"))
        self._set_running(True)

    def on_new_items(self, count: int) -> None:
        self._new += count
        new = self._new
        self.label.setText(translate("PollStatus", "Polling feeds… %Ln new", None, new))

    def on_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def on_finished(self, line: str) -> None:
        self._set_running(False)
        self.label.setText(line)

    @property
    def new_items(self) -> int:
        return self._new
