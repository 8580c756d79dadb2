"""The timeline as stacked bars: a bucket size that fits the period, a period since the
baseline, a tooltip per bar segment, and legend counts that follow a retag."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from tests.gui.conftest import NOW, OFFSCREEN_NOISE, settle
from tests.gui.helpers import add_feed, add_items, tag
from ui.main_window import TAB_TIMELINE
from ui.timeline_data import load_timeline

TARIFFS = "Canada and China clash over canola tariffs"
VISIT = "Carney visit to Beijing"


def fill(store) -> None:
    feed = add_feed(store)
    tariffs = (TARIFFS, "<p>Canada China canola tariffs.</p>", [tag("tariffs", TARIFFS, "tariffs")])
    add_items(store, feed, [tariffs] * 2, datetime(2026, 2, 5, 12, tzinfo=UTC))
    add_items(store, feed, [(VISIT, "<p>Canada China visit.</p>", [tag("visit", VISIT, "visit")])],
              datetime(2026, 2, 5, 15, tzinfo=UTC))  # fmt: skip


def choose_period(qtbot, window, label: str):
    window.tabs.setCurrentIndex(TAB_TIMELINE)
    period = window.timeline.period
    period.setCurrentIndex(period.findText(label))
    settle(qtbot, window)
    chart = window.timeline.chart
    qtbot.waitUntil(lambda: chart.data is not None and chart.data.days[-1] == NOW.date())
    return chart


def test_the_bucket_grows_with_the_period_day_week_month(gui_store):
    last = NOW.date()
    assert load_timeline(gui_store, last, 30).unit == "day"
    weeks = load_timeline(gui_store, last, 90)
    assert weeks.unit == "week" and all(b.first.weekday() == 0 for b in weeks.buckets[1:])
    year = load_timeline(gui_store, last, 365)
    assert year.unit == "month" and len(year.buckets) == 13
    assert year.buckets[-1].describe("month") == "February 2026"


def test_since_the_baseline_starts_on_the_day_of_the_baseline_article(qtbot, make_window, gui_store):
    chart = choose_period(qtbot, make_window(), "Since the baseline")
    assert chart.data.days[0] == date(2026, 1, 12)


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, r"This plugin does not support raise\(\)")  # offscreen tooltips
def test_a_year_stacks_a_month_of_items_into_one_bar_whose_tooltip_names_month_issue_and_count(
    qtbot, make_window, gui_store
):
    fill(gui_store)
    chart = choose_period(qtbot, make_window(), "Last year")
    assert chart.data.unit == "month"
    tariffs_point = chart.position(date(2026, 2, 5), 1)
    visit_point = chart.position(date(2026, 2, 5), 2.5)  # stacked on top of the two tariffs items
    assert chart.tooltip_at(tariffs_point).splitlines() == [
        "February 2026", "Tariffs & trade: 2 items (all issues: 3)"
    ]
    assert chart.tooltip_at(visit_point).splitlines()[1].startswith("The visit: 1 item")
    assert chart.tooltip_at(chart.position(date(2025, 11, 5), 0.5)) is None
    where = tariffs_point.toPoint()
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, where, chart.mapToGlobal(where)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert "Tariffs & trade: 2 items" in QToolTip.text()
    QToolTip.hideText()


def test_the_legend_counts_follow_a_retag_that_untags_an_issue(qtbot, make_window, gui_store):
    fill(gui_store)
    window = make_window()
    chart = choose_period(qtbot, window, "Last 30 days")
    totals = {s.slug: s.total for s in chart.data.series}
    assert totals["tariffs"] == 2
    dialog = window.open_rules()
    row = next(r for r in range(dialog.issues.count()) if dialog.issues.item(r).text() == "Tariffs & trade")
    dialog.issues.setCurrentRow(row)
    body = {"threshold": 1.0, "groups": [{"name": "nothing", "terms": ["zzqx"]}]}
    dialog.text.setPlainText(json.dumps(body))
    with qtbot.waitSignal(dialog.retag_finished, timeout=20_000):
        dialog.save()
    qtbot.waitUntil(lambda: {s.slug: s.total for s in chart.data.series}["tariffs"] == 0, timeout=10_000)
    dialog.accept()


def test_a_week_tooltip_names_the_week(gui_store):
    fill(gui_store)
    data = load_timeline(gui_store, NOW.date(), 90)
    bucket = data.buckets[data.bucket_of(date(2026, 2, 5))]
    assert bucket.describe("week") == "Week of 2–8 February 2026"
    assert bucket.last - bucket.first == timedelta(days=6)
