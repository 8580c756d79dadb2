"""The timeline: items on each tracked issue as stacked bars, one bar per day, week or month
(chosen from the period's length), drawn with QPainter, with labelled axes, a tooltip per
bar segment, and the baseline's dated events (the visit, the summit…) marked across it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from ui.i18n import labelled, number, translate
from ui.theme import readable_colour
from ui.timeline_data import Bucket, Series, TimelineData

SINCE_BASELINE = None  # the period that starts on the baseline's day
PERIODS: tuple[tuple[int | None, str], ...] = (
    (SINCE_BASELINE, QT_TRANSLATE_NOOP("Timeline", "Since the baseline")),
    (30, QT_TRANSLATE_NOOP("Timeline", "Last 30 days")),
    (90, QT_TRANSLATE_NOOP("Timeline", "Last 90 days")),
    (180, QT_TRANSLATE_NOOP("Timeline", "Last 6 months")),
    (365, QT_TRANSLATE_NOOP("Timeline", "Last year")),
)
_MARGIN_LEFT, _MARGIN_RIGHT, _MARGIN_TOP, _MARGIN_BOTTOM = 64, 30, 44, 56
_BAR_SHARE = 0.72  # of a bucket's slot; the rest is the gap between bars
_AXIS_TITLES = {
    "day": QT_TRANSLATE_NOOP("Timeline", "Day (UTC)"),
    "week": QT_TRANSLATE_NOOP("Timeline", "Week, Monday to Sunday (UTC)"),
    "month": QT_TRANSLATE_NOOP("Timeline", "Month (UTC)"),
}


def axis_top(peak: int) -> int:
    """A round top for the y axis with room above the tallest bar (for the event labels)."""
    wanted = max(4, peak + max(1, peak // 5))
    step = 1
    while True:
        for factor in (1, 1.5, 2, 3, 4, 5, 6, 8):
            if step * factor >= wanted and float(step * factor).is_integer():
                return int(step * factor)
        step *= 10


def tick_parts(top: int) -> int:
    """How many gaps between labelled ticks: whole numbers each, four to six of them where possible."""
    return next((parts for parts in (5, 4, 6, 3) if top % parts == 0), 4)


def label_step(count: int, width: float, label_width: float) -> int:
    """Buckets between labelled ticks so that the labels do not run into each other."""
    for step in (1, 2, 3, 4, 6, 7, 12, 14, 30, 61, 91):
        if count / step * (label_width + 12) <= width:
            return step
    return 182


def item_count(count: int) -> str:
    return translate("Timeline", "%Ln item(s)", None, count)


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
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, translate("Timeline", "Loading…"))
            return
        plot = self.plot_area()
        top = self._top()
        self._draw_events(painter, plot)
        self._draw_axes(painter, plot, top, text)
        self._draw_bars(painter, plot, top)
        self._draw_event_labels(painter, plot)
        self._draw_legend(painter, text)
        painter.end()

    def plot_area(self) -> QRectF:
        """The rectangle inside the axes where the bars and the events are drawn."""
        return QRectF(
            _MARGIN_LEFT,
            _MARGIN_TOP,
            max(10.0, self.width() - _MARGIN_LEFT - _MARGIN_RIGHT),
            max(10.0, self.height() - _MARGIN_TOP - _MARGIN_BOTTOM),
        )

    def position(self, day: date, count: float) -> QPointF:
        """The middle of the bar of `day`'s bucket, at the height of `count` items (data must be set)."""
        assert self.data is not None
        plot = self.plot_area()
        index = self.data.bucket_of(day)
        return QPointF(self._x(plot, index + 0.5), self._y(plot, count, self._top()))

    def bar_rect(self, index: int, below: int, count: int) -> QRectF:
        """The segment of bucket `index` from `below` items up to `below + count`."""
        plot = self.plot_area()
        top = self._top()
        slot = self._slot(plot)
        left = self._x(plot, index) + slot * (1 - _BAR_SHARE) / 2
        upper, lower = self._y(plot, below + count, top), self._y(plot, below, top)
        return QRectF(left, upper, slot * _BAR_SHARE, lower - upper)

    def hit(self, point: QPointF) -> tuple[Bucket, Series, int] | None:
        """The bar segment under `point`: its bucket, its issue and its count."""
        if self.data is None:
            return None
        for index, bucket in enumerate(self.data.buckets):
            below = 0
            for series in self.data.series:
                count = series.counts[index]
                if count and self.bar_rect(index, below, count).contains(point):
                    return bucket, series, count
                below += count
        return None

    def tooltip_at(self, point: QPointF) -> str | None:
        found = self.hit(point)
        if found is None or self.data is None:
            return None
        bucket, series, count = found
        index = self.data.buckets.index(bucket)
        total = sum(s.counts[index] for s in self.data.series)
        when = bucket.describe(self.data.unit)
        all_issues = translate("Timeline", "(all issues: {})").format(number(total))
        return f"{when}\n{labelled(series.name, item_count(count))} {all_issues}"

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _top(self) -> int:
        """The y axis's top: a round number with room above the tallest bar for the event labels."""
        return axis_top(self.data.peak) if self.data else 4

    def _slot(self, plot: QRectF) -> float:
        return plot.width() / max(1, len(self.data.buckets) if self.data else 1)

    def _x(self, plot: QRectF, index: float) -> float:
        return plot.left() + index * self._slot(plot)

    def _day_x(self, plot: QRectF, day: date, edge: float = 0.5) -> float:
        """Where `day` sits inside its bucket: its own share of the bucket's slot."""
        assert self.data is not None
        index = self.data.bucket_of(day)
        bucket = self.data.buckets[index]
        length = (bucket.last - bucket.first).days + 1
        offset = min(max((day - bucket.first).days + edge, 0), length)
        return self._x(plot, index + offset / length)

    def _y(self, plot: QRectF, value: float, top: int) -> float:
        return plot.bottom() - value / top * plot.height()

    def _draw_axes(self, painter: QPainter, plot: QRectF, top: int, text: QColor) -> None:
        assert self.data is not None
        grid = QColor(text)
        grid.setAlpha(40)
        metrics = QFontMetrics(painter.font())
        parts = tick_parts(top)
        for n in range(parts + 1):
            value = top * n / parts
            y = self._y(plot, value, top)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawLine(QPointF(plot.left() - 4, y), QPointF(plot.left(), y))
            label = number(int(value)) if float(value).is_integer() else f"{value:g}"
            painter.drawText(QRectF(0, y - 8, plot.left() - 8, 16), Qt.AlignmentFlag.AlignRight, label)
        painter.setPen(QPen(text, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        painter.save()
        painter.translate(14, plot.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-60, -10, 120, 20), Qt.AlignmentFlag.AlignCenter, translate("Timeline", "items")
        )
        painter.restore()
        unit, cuts = self.data.unit, self.data.buckets
        widest = max(metrics.horizontalAdvance(b.label(unit)) for b in cuts)
        step = label_step(len(cuts), plot.width(), widest)
        for index, bucket in enumerate(cuts):
            x = self._x(plot, index + 0.5)
            labelled = (len(cuts) - 1 - index) % step == 0
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + (6 if labelled else 3)))
            if labelled:
                label = bucket.label(unit)
                width = metrics.horizontalAdvance(label)
                painter.drawText(QPointF(x - width / 2, plot.bottom() + 8 + metrics.ascent()), label)
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 26, plot.width(), 20),
            Qt.AlignmentFlag.AlignCenter,
            translate("Timeline", "{} — hover over a bar for its count").format(
                translate("Timeline", _AXIS_TITLES[unit])
            ),
        )

    def _draw_events(self, painter: QPainter, plot: QRectF) -> None:
        """Bands and dashed lines under the bars; their labels go on top (see _draw_event_labels)."""
        marker = QColor(readable_colour("#6a1b9a", self.palette()))
        band = QColor(marker)
        band.setAlpha(28)
        for first, last, _label in self._events_in_view():
            left, right = self._day_x(plot, first, 0), self._day_x(plot, last, 1)
            painter.fillRect(QRectF(left, plot.top(), right - left, plot.height()), band)
            painter.setPen(QPen(marker, 1, Qt.PenStyle.DashLine))
            x = self._day_x(plot, first)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))

    def _draw_event_labels(self, painter: QPainter, plot: QRectF) -> None:
        metrics = QFontMetrics(painter.font())
        marker = QColor(readable_colour("#6a1b9a", self.palette()))
        backdrop = self.palette().color(QPalette.ColorRole.Base)
        backdrop.setAlpha(210)
        for n, (first, _last, label) in enumerate(self._events_in_view()):
            text = "◆ " + label
            width = metrics.horizontalAdvance(text) + 6
            x = self._day_x(plot, first)
            left = x + 3 if x + 3 + width <= plot.right() else x - 3 - width  # near the right edge: leftwards
            box = QRectF(left, plot.top() + 3 + (n % 3) * (metrics.height() + 2), width, metrics.height())
            painter.fillRect(box, backdrop)
            painter.setPen(marker)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _events_in_view(self) -> list[tuple[date, date, str]]:
        """(first, last, label) of each event inside the period, each label once per day."""
        assert self.data is not None
        days, seen, shown = self.data.days, set(), []
        for event in self.data.events:
            first, last = max(event.day, days[0]), min(event.end or event.day, days[-1])
            if last >= first and (first, event.label) not in seen:
                seen.add((first, event.label))
                shown.append((first, last, event.label))
        return shown

    def _draw_bars(self, painter: QPainter, plot: QRectF, top: int) -> None:
        assert self.data is not None
        painter.setPen(Qt.PenStyle.NoPen)
        colours = [readable_colour(series.colour, self.palette()) for series in self.data.series]
        gap = self.palette().color(QPalette.ColorRole.Base)
        for index in range(len(self.data.buckets)):
            below = 0
            for series, colour in zip(self.data.series, colours, strict=True):
                count = series.counts[index]
                if count:
                    bar = self.bar_rect(index, below, count)
                    painter.fillRect(bar, colour)
                    if below:  # a gap tells stacked issues apart where their colours look alike
                        painter.fillRect(QRectF(bar.left(), bar.bottom() - 1, bar.width(), 2), gap)
                    below += count

    def _draw_legend(self, painter: QPainter, text: QColor) -> None:
        assert self.data is not None
        metrics = QFontMetrics(painter.font())
        x, y = float(_MARGIN_LEFT), 10.0
        for series in self.data.series:
            label = f"{series.name} ({number(series.total)})"
            painter.fillRect(QRectF(x, y + 1, 12, 10), readable_colour(series.colour, self.palette()))
            painter.setPen(text)
            painter.drawText(QPointF(x + 18, y + metrics.ascent() - 2), label)
            x += 18 + metrics.horizontalAdvance(label) + 18


class TimelinePanel(QWidget):
    """The chart with its period chooser.

    Signals:
        period_changed(object): the number of days the user chose, or None for since the baseline.
    """

    period_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self.period = QComboBox()
        for days, label in PERIODS:
            self.period.addItem(translate("Timeline", label), days)
        self.period.currentIndexChanged.connect(lambda _i: self.period_changed.emit(self.days()))
        self.chart = TimelineChart()
        self._last_day = date.today()
        self._loads = 0
        self.note = QLabel(
            translate(
                "Timeline", "Bars stack the items on each issue; dashed lines mark the baseline's events."
            )
        )
        self.note.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(translate("Timeline", "Period:")))
        bar.addWidget(self.period)
        bar.addStretch(1)
        bar.addWidget(self.note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.chart, 1)

    def days(self) -> int | None:
        """The period's length in days, or None for since the baseline."""
        days = self.period.currentData()
        return None if days is None else int(days)

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
