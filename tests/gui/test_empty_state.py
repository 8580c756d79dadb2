"""The first start on an empty database: a panel in place of the Developments view and the
list says what the app is doing, which feeds failed and why, and how to add feeds."""

from __future__ import annotations

from tests.gui.helpers import add_feed
from tests.gui.test_polling import HEADLINES, poller_factory, rss, serve_feed  # noqa: F401 - fixture
from ui.main_window import TAB_ARTICLES, TAB_DEVELOPMENTS


def test_an_empty_database_shows_the_guidance_until_the_first_items_arrive(
    qtbot, make_window, gui_store, poller_factory, httpserver  # noqa: F811
):
    add_feed(gui_store, "http://127.0.0.1:1/dead.xml", title="Dead wire")
    add_feed(gui_store, serve_feed(httpserver, "/wire.xml", rss(HEADLINES)), title="Local wire")
    window = make_window(poller_factory=poller_factory)
    developments, articles = window.empty_state.panels
    for tab, panel in ((TAB_DEVELOPMENTS, developments), (TAB_ARTICLES, articles)):
        assert window.tabs.widget(tab).currentWidget() is panel
    assert "press F5" in articles.status.text()
    seen = []
    window.polling.poller.poll_progressed.connect(lambda *_: seen.append(articles.status.text()))

    with qtbot.waitSignal(window.polling.poll_done, timeout=30_000):
        window.polling.poller.poll_now(all_feeds=True)

    assert seen[-1] == "Polling the feeds for the first time: 2 of 2 feeds done."
    [failure] = articles.failure_lines()
    assert failure.startswith("Dead wire — ") and len(failure) > len("Dead wire — ")
    assert window.tabs.widget(TAB_ARTICLES).currentWidget() is window.reading
    assert window.tabs.widget(TAB_DEVELOPMENTS).currentWidget() is window.developments
    assert window.model.rowCount() == 3


def test_when_every_feed_fails_the_panel_stays_and_says_which_and_why(
    qtbot, make_window, gui_store, poller_factory  # noqa: F811
):
    add_feed(gui_store, "http://127.0.0.1:1/dead.xml", title="Dead wire")
    window = make_window(poller_factory=poller_factory)
    panel = window.empty_state.panels[1]
    with qtbot.waitSignal(window.polling.poll_done, timeout=30_000):
        window.polling.poller.poll_now(all_feeds=True)
    assert window.tabs.widget(TAB_ARTICLES).currentWidget() is panel
    assert "1 of 1 feeds failed" in panel.status.text()
    assert panel.failures.isVisibleTo(panel) and panel.failure_lines()[0].startswith("Dead wire — ")


def test_the_panel_opens_the_feeds_dialog_and_says_when_there_are_no_feeds(qtbot, make_window):
    window = make_window()
    panel = window.empty_state.panels[0]
    assert "no feeds to poll" in panel.status.text()
    panel.feeds_button.click()
    from ui.dialogs.feeds import FeedManagerDialog

    assert isinstance(window._dialog, FeedManagerDialog) and window._dialog.isVisible()
    window._dialog.reject()


def test_the_panel_imports_an_opml_file_into_the_feed_list(qtbot, make_window, gui_store, tmp_path):
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>f</title></head><body>'
        '<outline text="Local wire" type="rss" xmlUrl="http://127.0.0.1:9/wire.xml"/></body></opml>'
    )
    window = make_window()
    window.empty_state.ask_open_path = lambda: str(opml)
    window.empty_state.panels[1].import_button.click()
    assert [f.url for f in gui_store.feeds.list()] == ["http://127.0.0.1:9/wire.xml"]
    assert "Imported 1 new feed" in window._dialog.message.text()
    window._dialog.reject()
