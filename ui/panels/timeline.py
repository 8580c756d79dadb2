"""The timeline: items per day on each tracked issue, drawn with QPainter, with the
baseline's dated events (the visit, the summit…) marked across the chart."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.timeline_data import TimelineData

PERIODS = ((30, "Last 30 days"), (90, "Last 90 days"), (180, "Last 6 months"), (365, "Last year"))
_MARGIN_LEFT, _MARGIN_RIGHT, _MARGIN_TOP, _MARGIN_BOTTOM = 48, 30, 44, 56


def nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is at least `value`, and at least 4."""
    if value <= 4:
        return 4
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def tick_step(days: int, width: float, label_width: float) -> int:
    """Days between labelled ticks so that the labels do not run into each other."""
    for step in (1, 2, 7, 14, 30, 61, 91):
        if days / step * (label_width + 12) <= width:
            return step
    return 182


class TimelineChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineChart")
        self.setMinimumSize(480, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.data: TimelineData | None = None

    def set_data(self, data: TimelineData | None) -> None:
        self.data = data
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        if self.data is None or not self.data.days:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Loading…")
            return
        plot = self.plot_area()
        top = nice_ceiling(self.data.peak)
        self._draw_axes(painter, plot, top, text)
        self._draw_events(painter, plot)
        self._draw_series(painter, plot, top)
        self._draw_legend(painter, text)
        painter.end()

    def plot_area(self) -> QRectF:
        """The rectangle inside the axes where the series and the events are drawn."""
        return QRectF(
            _MARGIN_LEFT,
            _MARGIN_TOP,
            max(10.0, self.width() - _MARGIN_LEFT - _MARGIN_RIGHT),
            max(10.0, self.height() - _MARGIN_TOP - _MARGIN_BOTTOM),
        )

    def position(self, day: date, count: float) -> QPointF:
        """Where a count of `count` items on `day` is drawn (data must be set)."""
        assert self.data is not None
        plot = self.plot_area()
        index = (day - self.data.days[0]).days
        return QPointF(self._x(plot, index), self._y(plot, count, nice_ceiling(self.data.peak)))

    def _x(self, plot: QRectF, index: float) -> float:
        days = len(self.data.days) if self.data else 1
        return plot.left() + (index + 0.5) * plot.width() / days

    def _y(self, plot: QRectF, value: float, top: int) -> float:
        return plot.bottom() - value / top * plot.height()

    def _draw_axes(self, painter: QPainter, plot: QRectF, top: int, text: QColor) -> None:
        assert self.data is not None
        grid = QColor(text)
        grid.setAlpha(40)
        metrics = QFontMetrics(painter.font())
        parts = 5 if top % 5 == 0 else 4
        for n in range(parts + 1):
            value = top * n / parts
            y = self._y(plot, value, top)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            label = f"{value:g}"
            painter.drawText(QRectF(0, y - 8, _MARGIN_LEFT - 6, 16), Qt.AlignmentFlag.AlignRight, label)
        painter.setPen(QPen(text, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        days = self.data.days
        step = tick_step(len(days), plot.width(), metrics.horizontalAdvance("30 Dec"))
        for index, day in enumerate(days):
            x = self._x(plot, index)
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
            if (len(days) - 1 - index) % step == 0:
                painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 6))
                label = day.strftime("%d %b")
                width = metrics.horizontalAdvance(label)
                painter.drawText(QPointF(x - width / 2, plot.bottom() + 8 + metrics.ascent()), label)
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 26, plot.width(), 20),
            Qt.AlignmentFlag.AlignCenter,
            "Items per day (UTC)",
        )

    def _draw_events(self, painter: QPainter, plot: QRectF) -> None:
        assert self.data is not None
        days = self.data.days
        marker = QColor("#6a1b9a")
        for n, event in enumerate(self.data.events):
            start = max(0, (event.day - days[0]).days)
            end = min(len(days) - 1, ((event.end or event.day) - days[0]).days)
            if end < 0 or start > len(days) - 1:
                continue
            band = QColor(marker)
            band.setAlpha(28)
            left = self._x(plot, start - 0.5)
            right = self._x(plot, end + 0.5)
            painter.fillRect(QRectF(left, plot.top(), right - left, plot.height()), band)
            painter.setPen(QPen(marker, 1, Qt.PenStyle.DashLine))
            x = self._x(plot, start)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(marker)
            y = plot.top() + 4 + (n % 3) * 14
            painter.drawText(QPointF(x + 4, y + 10), "◆ " + event.label)

    def _draw_series(self, painter: QPainter, plot: QRectF, top: int) -> None:
        assert self.data is not None
        for series in self.data.series:
            colour = QColor(series.colour)
            painter.setPen(QPen(colour, 2))
            points = [QPointF(self._x(plot, i), self._y(plot, c, top)) for i, c in enumerate(series.counts)]
            painter.drawPolyline(points)
            painter.setBrush(colour)
            radius = 2.5 if len(points) <= 60 else 1.5
            for point, count in zip(points, series.counts, strict=True):
                if count:
                    painter.drawEllipse(point, radius, radius)
            painter.setBrush(Qt.BrushStyle.NoBrush)

    def _draw_legend(self, painter: QPainter, text: QColor) -> None:
        assert self.data is not None
        metrics = QFontMetrics(painter.font())
        x, y = float(_MARGIN_LEFT), 10.0
        for series in self.data.series:
            label = f"{series.name} ({sum(series.counts)})"
            painter.fillRect(QRectF(x, y + 3, 18, 4), QColor(series.colour))
            painter.setPen(text)
            painter.drawText(QPointF(x + 24, y + metrics.ascent() - 2), label)
            x += 24 + metrics.horizontalAdvance(label) + 18


class TimelinePanel(QWidget):
    """The chart with its period chooser.

    Signals:
        period_changed(int): the number of days the user chose.
    """

    period_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self.period = QComboBox()
        for days, label in PERIODS:
            self.period.addItem(label, days)
        self.period.currentIndexChanged.connect(lambda _i: self.period_changed.emit(self.days()))
        self.chart = TimelineChart()
        self._last_day = date.today()
        self._loads = 0
        self.note = QLabel("Dashed lines and shaded bands mark the baseline's dated events.")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Period:"))
        bar.addWidget(self.period)
        bar.addStretch(1)
        bar.addWidget(self.note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.chart, 1)

    def days(self) -> int:
        return int(self.period.currentData())

    def begin_load(self) -> int:
        """A token for a load about to start; only the newest load's data is shown."""
        self._loads += 1
        return self._loads

    def finish_load(self, token: int, data: TimelineData) -> None:
        if token == self._loads:
            self.chart.set_data(data)

    def set_last_day(self, day: date) -> None:
        self._last_day = day

    def last_day(self) -> date:
        return self._last_day
