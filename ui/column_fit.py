"""Column widths for a table with one stretching column (the title): the others take what
their content needs, each capped to a share of the width, so that in a narrow window the
stretching column keeps its room instead of shrinking to a few words."""

from __future__ import annotations

import math
import time
from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

STRETCH_KEEPS = 0.45  # of the width, at least, for the stretching column
# Rows measured for a fit (Qt's default is 1000): a column fitted to the rows a reader can
# scroll to soon, not to a long list's every row, whose delegates would each be asked for
# a size on the GUI thread whenever a poll adds rows.
MEASURED_ROWS = 100
# A poll adds rows many times a second, and a fit asks each measured row's delegate for its
# size on the GUI thread: rows that change fit their columns at most this often (the first
# change at once; a resize always at once). Fitting at every change made the GUI thread stall
# through a first poll (p99 of a 10 ms timer 133-280 ms, against 88-108 ms without those fits).
FIT_EVERY_MS = 2000


def fitted_widths(
    width: int, wanted: Mapping[int, int], caps: Mapping[int, float | None]
) -> dict[int, int]:
    """Widths of the non-stretching columns: each its `wanted` width, capped to its share of
    `width` (a column capped by None, like a date, is never narrowed), then the capped ones
    scaled down together if the stretching column would still get less than STRETCH_KEEPS
    of `width`."""
    fixed = {column: want for column, want in wanted.items() if caps.get(column) is None}
    shares = {column: caps[column] or 1.0 for column in wanted if column not in fixed}
    widths = {column: min(wanted[column], int(width * share)) for column, share in shares.items()}
    room = int(width * (1 - STRETCH_KEEPS)) - sum(fixed.values())
    total = sum(widths.values())
    if total > room:
        widths = {column: max(w * room // total, 0) for column, w in widths.items()}
    return {**fixed, **widths}


class ColumnFitter(QObject):
    """Keeps a table's columns fitted as it is resized and as its rows change."""

    def __init__(self, table: QTableView, stretch: int, caps: Mapping[int, float | None]) -> None:
        super().__init__(table)
        self._table = table
        self._caps = dict(caps)
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(MEASURED_ROWS)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for column in caps:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.fit)
        self._fitted_at = -math.inf
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
            signal.connect(self._rows_changed)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._timer.start(0)
        return False

    def _rows_changed(self, *_: object) -> None:
        if not self._timer.isActive():
            waited_ms = (time.monotonic() - self._fitted_at) * 1000
            self._timer.start(int(max(0.0, FIT_EVERY_MS - waited_ms)))

    def fit(self) -> None:
        self._fitted_at = time.monotonic()
        table, header = self._table, self._table.horizontalHeader()
        wanted = {
            column: max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in self._caps
        }
        for column, width in fitted_widths(table.viewport().width(), wanted, self._caps).items():
            header.resizeSection(column, width)
