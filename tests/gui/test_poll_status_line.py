"""The status bar says when the last poll was, what it found in the issues' own names, and
when the next poll is; after a restart it reads the last poll from the store."""

from __future__ import annotations

from datetime import timedelta

from tests.gui.conftest import NOW
from tests.gui.helpers import add_feed, add_items, many
from tests.gui.test_polling import HEADLINES, poller_factory, rss, serve_feed  # noqa: F401 - fixture
from ui.poll_line import clock_time


def test_a_poll_summary_names_the_issues_and_says_when_the_next_poll_is(
    qtbot, make_window, gui_store, poller_factory, httpserver  # noqa: F811
):
    add_feed(gui_store, serve_feed(httpserver, "/wire.xml", rss(HEADLINES)), title="Local wire")
    window = make_window(poller_factory=poller_factory)
    with qtbot.waitSignal(window.polling.poll_done, timeout=20_000):
        window.polling.poller.poll_now(all_feeds=True)

    text = window.poll_status.label.text()
    names = {i.slug: i.name for i in gui_store.issues.list()}
    assert text.startswith(f"Last poll {clock_time(NOW, NOW)}: 1 feed: 1 ok; 3 new items (")
    assert names["election_interference"] in text and "election_interference" not in text
    assert "next poll" in text


def test_after_a_restart_the_status_bar_reads_the_last_poll_from_the_store(
    qtbot, make_window, gui_store
):
    feed = add_feed(gui_store)
    add_items(gui_store, feed, many(2), NOW - timedelta(hours=2))  # polled 2 h ago, due again 1 h ago

    window = make_window()

    text = window.poll_status.label.text()
    assert text == (
        f"Last poll {clock_time(NOW - timedelta(hours=2), NOW)} · next poll {clock_time(NOW, NOW)}"
    )
    assert "0 feeds" not in text


def test_a_poll_with_no_feed_due_does_not_say_zero_feeds(
    qtbot, make_window, gui_store, poller_factory  # noqa: F811
):
    feed = add_feed(gui_store)
    add_items(gui_store, feed, many(2), NOW - timedelta(minutes=10))
    window = make_window(poller_factory=poller_factory)
    with qtbot.waitSignal(window.polling.poll_done, timeout=20_000):
        window.polling.poller.poll_due()
    last = clock_time(NOW - timedelta(minutes=10), NOW)
    assert window.poll_status.label.text().startswith(f"Last poll {last}")
    assert "0 feeds" not in window.poll_status.label.text()


def test_times_read_as_each_language_writes_them(qapp):
    from datetime import datetime

    from ui.i18n import install_translators, remove_translators

    now = datetime(2026, 2, 16, 9, 5).astimezone()
    assert clock_time(now, now) == "09:05"
    translators = install_translators(qapp, "fr")
    try:
        assert clock_time(now, now) == "9 h 05"
        assert clock_time(now - timedelta(days=1), now) == "dim. 9 h 05"
    finally:
        remove_translators(qapp, translators)
        install_translators(qapp, "en")
