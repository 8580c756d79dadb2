"""Tray notifications (and their absence without a tray), the timeline chart, and pure helpers."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QSystemTrayIcon

from db.records import TrackedIssue
from monitor.settings import DEFAULTS, save
from tests.gui.conftest import NOW, settle
from tests.gui.helpers import add_feed, add_items, tag
from ui.delegates import short_name
from ui.filters import ALL, Scope, date_range, query_for, search_terms
from ui.main_window import TAB_TIMELINE
from ui.notify import notification_text
from ui.panels.timeline import axis_top, tick_parts
from ui.timeline_data import load_timeline

ISSUES = [
    TrackedIssue(1, "tariffs", "Tariffs", "", "#c62828", 0, True),
    TrackedIssue(2, "visit", "Visit", "", "#1565c0", 1, True),
    TrackedIssue(3, "human_rights", "Human rights", "", "#6a1b9a", 2, False),
]


def test_the_notification_counts_new_items_per_issue_that_notifies():
    assert (
        notification_text({"tariffs": 3, "visit": 1, "human_rights": 5}, ISSUES)
        == "4 new: Tariffs 3, Visit 1"
    )


def test_there_is_no_notification_when_no_notifying_issue_has_new_items():
    assert notification_text({"human_rights": 2, "tariffs": 0}, ISSUES) is None


def test_without_a_system_tray_there_is_no_icon_and_notifications_are_skipped(qtbot, make_window, gui_store):
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen
    window = make_window(use_tray=True)
    assert not window.tray.available
    assert window.tray.notify({"tariffs": 2}, gui_store.issues.list()) is None


def test_minimise_to_tray_without_a_tray_closes_the_window_normally(qtbot, make_window, gui_store):
    save(gui_store, replace(DEFAULTS, minimise_to_tray=True))
    window = make_window(use_tray=True)
    window.close()
    assert window.polling.poller._closed


def test_the_timeline_counts_items_per_day_and_marks_the_baseline_events(gui_store):
    feed = add_feed(gui_store)
    title = "Carney visit to Beijing"
    add_items(
        gui_store, feed, [(title, "", [tag("visit", title, "visit")])], datetime(2026, 1, 14, 12, tzinfo=UTC)
    )
    data = load_timeline(gui_store, date(2026, 1, 31), 30)
    visit = next(s for s in data.series if s.slug == "visit")
    assert data.unit == "day" and len(data.buckets) == 30
    assert visit.counts[data.bucket_of(date(2026, 1, 14))] == 1 and sum(visit.counts) == 1
    assert any(e.day == date(2026, 1, 13) for e in data.events)


VISIT_OPENS = date(2026, 1, 13)  # the baseline's dated visit, 13-17 January


def open_timeline(qtbot, window):
    window.tabs.setCurrentIndex(TAB_TIMELINE)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.timeline.chart.data is not None)
    return window.timeline.chart


def near(pixel: QColor, colour: QColor, tolerance: int = 30) -> bool:
    pairs = zip(pixel.getRgb()[:3], colour.getRgb()[:3], strict=True)
    return max(abs(a - b) for a, b in pairs) <= tolerance


def pixel(image, point: QPointF) -> QColor:
    return image.pixelColor(int(point.x()), int(point.y()))


def marker_pixels(chart, image, day: date) -> int:
    """Strongly purple pixels down the plot at `day` (below the event labels, above the series)."""
    plot, x = chart.plot_area(), int(chart.position(day, 0).x())
    column = (image.pixelColor(x, y) for y in range(int(plot.top()) + 50, int(plot.bottom()) - 6))
    return sum(1 for c in column if c.blue() - c.green() > 40 and c.red() - c.green() > 20)


def test_the_timeline_draws_each_day_count_as_a_bar_in_its_issue_colour_and_nothing_on_empty_days(
    qtbot, make_window, gui_store
):
    feed = add_feed(gui_store)
    tariffs, visit = "Canada China tariffs", "Carney visit to Beijing"
    add_items(gui_store, feed, [(tariffs, "", [tag("tariffs", tariffs, "tariffs")])] * 2,
              datetime(2026, 2, 5, 12, tzinfo=UTC))  # fmt: skip
    add_items(gui_store, feed, [(visit, "", [tag("visit", visit, "visit")])], NOW)
    chart = open_timeline(qtbot, make_window())
    assert chart.data.days[-1] == NOW.date() and chart.data.peak == 2
    colours = {s.slug: QColor(s.colour) for s in chart.data.series}
    image = chart.grab().toImage()
    assert near(pixel(image, chart.position(date(2026, 2, 5), 1.8)), colours["tariffs"])
    assert near(pixel(image, chart.position(NOW.date(), 0.8)), colours["visit"])
    assert not near(pixel(image, chart.position(date(2026, 2, 5), 2.3)), colours["tariffs"])
    for day in (date(2026, 1, 25), date(2026, 2, 1), date(2026, 2, 8)):
        for count in (0.5, 1, 1.5, 2):
            assert not any(near(pixel(image, chart.position(day, count)), c) for c in colours.values())


def test_the_timeline_marks_the_baseline_visit_on_its_first_day_and_shades_its_days(
    qtbot, make_window, gui_store
):
    chart = open_timeline(qtbot, make_window())
    assert VISIT_OPENS in {e.day for e in chart.data.events}
    image = chart.grab().toImage()
    plot = chart.plot_area()
    assert marker_pixels(chart, image, VISIT_OPENS) > 0.4 * (plot.height() - 56)  # a dashed line
    assert marker_pixels(chart, image, date(2026, 2, 1)) == 0
    background = chart.palette().color(QPalette.ColorRole.Base)
    shaded = pixel(image, chart.position(date(2026, 1, 15), 2.5))
    assert shaded != background and shaded.blue() - shaded.green() >= 8
    assert pixel(image, chart.position(date(2026, 2, 1), 2.5)) == background


def test_with_no_items_the_timeline_draws_no_counts_but_still_marks_the_events(qtbot, make_window, gui_store):
    chart = open_timeline(qtbot, make_window())
    assert chart.data.peak == 0
    colours = [QColor(s.colour) for s in chart.data.series]
    image = chart.grab().toImage()
    for day in chart.data.days:
        for count in (0.5, 1, 1.5, 2, 2.5, 3, 3.5):
            assert not any(near(pixel(image, chart.position(day, count)), c) for c in colours), day
    assert marker_pixels(chart, image, VISIT_OPENS) > 0


def test_the_y_axis_tops_out_a_little_above_the_tallest_bar_in_whole_ticks():
    assert [axis_top(n) for n in (0, 3, 5, 7, 11, 20, 160)] == [4, 4, 6, 8, 15, 30, 200]
    assert all((top / tick_parts(top)).is_integer() for top in (4, 6, 8, 15, 30, 200))


def test_chip_labels_drop_articles_and_shorten_long_names():
    assert [
        short_name(n) for n in ("The visit", "Human rights", "Tariffs & trade", "Election interference")
    ] == ["Visit", "Human rights", "Tariffs", "Election"]


def test_a_saved_search_and_the_search_box_combine_with_and():
    from db.records import SavedSearch

    saved = SavedSearch(1, "Canola", "canola OR rapeseed", issue="tariffs")
    query = query_for(Scope("search", 1), search="Beijing", saved=saved)
    assert query.issue == "tariffs" and query.search == "(canola OR rapeseed) AND (Beijing)"
    assert query_for(ALL).search is None and query_for(Scope("starred")).starred


def test_date_ranges_are_utc_bounds_and_custom_days_include_both_ends():
    now = datetime(2026, 2, 10, 9, tzinfo=UTC)
    week = date_range("week", now)
    assert week.since == datetime(2026, 2, 3, 9, tzinfo=UTC) and week.until is None
    custom = date_range("custom", now, first=date(2026, 1, 5), last=date(2026, 1, 6))
    assert (custom.since, custom.until) == (
        datetime(2026, 1, 5, tzinfo=UTC),
        datetime(2026, 1, 7, tzinfo=UTC),
    )
    assert date_range("baseline", now, baseline=date(2026, 1, 12)).since == datetime(2026, 1, 12, tzinfo=UTC)


def test_search_terms_keep_phrases_and_drop_operators():
    assert search_terms('"Li Qiang" AND (canola OR tariff*) NOT steel') == [
        "Li Qiang",
        "canola",
        "tariff",
        "steel",
    ]
