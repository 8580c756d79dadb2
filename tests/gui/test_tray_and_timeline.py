"""Tray notifications (and their absence without a tray), the timeline chart, and pure helpers."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from PySide6.QtWidgets import QSystemTrayIcon

from db.records import TrackedIssue
from monitor.settings import DEFAULTS, save
from tests.gui.conftest import NOW, settle
from tests.gui.helpers import add_feed, add_items, tag
from ui.delegates import short_name
from ui.filters import ALL, Scope, date_range, query_for, search_terms
from ui.main_window import TAB_TIMELINE
from ui.notify import notification_text
from ui.panels.timeline import nice_ceiling
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
    assert visit.counts[data.days.index(date(2026, 1, 14))] == 1 and sum(visit.counts) == 1
    assert any(e.day == date(2026, 1, 13) for e in data.events)


def test_the_timeline_tab_draws_the_chart_from_the_store(qtbot, make_window, gui_store):
    feed = add_feed(gui_store)
    title = "Canada China tariffs"
    add_items(gui_store, feed, [(title, "", [tag("tariffs", title, "tariffs")])], NOW)
    window = make_window()
    window.tabs.setCurrentIndex(TAB_TIMELINE)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.timeline.chart.data is not None)
    data = window.timeline.chart.data
    assert data.days[-1] == NOW.date() and data.peak == 1
    image = window.timeline.chart.grab().toImage()
    assert image.width() > 400 and not image.isNull()


def test_nice_ceiling_rounds_up_to_1_2_or_5_times_a_power_of_ten():
    assert [nice_ceiling(n) for n in (0, 3, 5, 7, 11, 160)] == [4, 4, 5, 10, 20, 200]


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
