"""The feed manager, the tracked-issue editor and the settings, driven through their widgets."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from monitor.settings import DEFAULTS
from monitor.settings import load as load_settings
from monitor.settings import save as save_settings
from tests.gui.conftest import NOW
from tests.gui.helpers import add_feed, add_items, tag
from ui.dialogs.feeds import FeedManagerDialog
from ui.dialogs.rules import RulesDialog
from ui.dialogs.settings import SettingsDialog

PAGE = """<html><head>
<link rel="alternate" type="application/rss+xml" title="Politics" href="/politics.xml">
<link rel="alternate" type="application/atom+xml" title="Business" href="/business.atom">
</head><body></body></html>"""
RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title></channel></rss>'


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def feed_dialog(qtbot, make_context):
    dialog = FeedManagerDialog(make_context())
    qtbot.addWidget(dialog)
    return dialog


def test_adding_a_web_page_discovers_its_feeds_off_the_gui_thread_and_adds_the_chosen_one(
    qtbot, make_context, gui_store, httpserver
):
    httpserver.expect_request("/news").respond_with_data(PAGE, content_type="text/html")
    dialog = feed_dialog(qtbot, make_context)
    offered = []
    dialog.choose_feed = lambda links: offered.extend(links) or links[1]
    qtbot.keyClicks(dialog.address, httpserver.url_for("/news"))
    with qtbot.waitSignal(dialog.discovery_finished, timeout=10_000):
        click(qtbot, dialog.add_button)
    assert [link.title for link in offered] == ["Politics", "Business"]
    assert [f.url for f in gui_store.feeds.list()] == [httpserver.url_for("/business.atom")]
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "Business"


def test_adding_a_feed_address_adds_it_without_asking(qtbot, make_context, gui_store, httpserver):
    httpserver.expect_request("/feed.xml").respond_with_data(RSS, content_type="application/rss+xml")
    dialog = feed_dialog(qtbot, make_context)
    dialog.choose_feed = lambda links: (_ for _ in ()).throw(AssertionError("asked"))
    dialog.address.setText(httpserver.url_for("/feed.xml"))
    with qtbot.waitSignal(dialog.poll_requested, timeout=10_000):
        click(qtbot, dialog.add_button)
    assert [f.url for f in gui_store.feeds.list()] == [httpserver.url_for("/feed.xml")]


def test_an_address_that_offers_nothing_says_why_in_the_dialog(qtbot, make_context, gui_store, httpserver):
    httpserver.expect_request("/empty").respond_with_data("<html></html>", content_type="text/html")
    dialog = feed_dialog(qtbot, make_context)
    dialog.address.setText(httpserver.url_for("/empty"))
    with qtbot.waitSignal(dialog.discovery_finished, timeout=10_000):
        click(qtbot, dialog.add_button)
    assert "neither a feed nor a page" in dialog.message.text()
    assert gui_store.feeds.list() == []


def test_editing_a_feed_saves_title_category_interval_and_enabled(qtbot, make_context, gui_store):
    feed = add_feed(gui_store)
    dialog = feed_dialog(qtbot, make_context)
    dialog.select_feed(feed.id)
    dialog.title.setText("Renamed wire")
    dialog.category.setCurrentText("Asia")
    dialog.interval.setValue(30)
    dialog.enabled.setChecked(False)
    click(qtbot, dialog.save_button)
    saved = gui_store.feeds.get(feed.id)
    assert (saved.title, saved.category, saved.interval_s, saved.enabled) == (
        "Renamed wire",
        "Asia",
        1800,
        False,
    )
    assert dialog.table.item(0, 2).text() == "disabled"


def test_deleting_a_feed_asks_first_and_keeps_it_when_the_answer_is_no(qtbot, make_context, gui_store):
    feed = add_feed(gui_store)
    dialog = feed_dialog(qtbot, make_context)
    questions = []
    dialog.confirm = lambda text: questions.append(text) or False
    dialog.select_feed(feed.id)
    click(qtbot, dialog.delete_button)
    assert len(questions) == 1 and gui_store.feeds.list() != []
    dialog.confirm = lambda text: True
    click(qtbot, dialog.delete_button)
    assert gui_store.feeds.list() == []


def test_opml_export_then_import_round_trips_the_feed_list(qtbot, make_context, gui_store, tmp_path):
    add_feed(gui_store, "https://a.example/feed", title="A", category="World/Asia")
    add_feed(gui_store, "https://b.example/feed", title="B", category=None)
    dialog = feed_dialog(qtbot, make_context)
    target = tmp_path / "out.opml"
    dialog.ask_save_path = lambda: str(target)
    click(qtbot, dialog.export_button)
    for feed in gui_store.feeds.list():
        gui_store.feeds.remove(feed.id)
    dialog.ask_open_path = lambda: str(target)
    click(qtbot, dialog.import_button)
    assert sorted((f.url, f.title, f.category) for f in gui_store.feeds.list()) == [
        ("https://a.example/feed", "A", "World/Asia"),
        ("https://b.example/feed", "B", None),
    ]
    assert "Imported 2 new feeds" in dialog.message.text()


def test_importing_a_file_that_is_not_opml_says_so_and_changes_nothing(
    qtbot, make_context, gui_store, tmp_path
):
    bad = tmp_path / "bad.opml"
    bad.write_text("<html>nope</html>")
    dialog = feed_dialog(qtbot, make_context)
    dialog.ask_open_path = lambda: str(bad)
    click(qtbot, dialog.import_button)
    assert "not an OPML file" in dialog.message.text()
    assert gui_store.feeds.list() == []


def rules_dialog(qtbot, make_context):
    dialog = RulesDialog(make_context())
    qtbot.addWidget(dialog)
    return dialog


def test_invalid_rules_give_a_one_line_message_and_save_nothing(qtbot, make_context, gui_store):
    before = gui_store.issues.rule_bodies()
    dialog = rules_dialog(qtbot, make_context)
    dialog.text.setPlainText('{"threshold": 1, "groups": [{"name": "x"}]}')
    click(qtbot, dialog.save_button)
    assert dialog.error.text() and "\n" not in dialog.error.text()
    dialog.text.setPlainText("{not json")
    click(qtbot, dialog.save_button)
    assert dialog.error.text().startswith("not valid JSON")
    assert gui_store.issues.rule_bodies() == before


def test_rules_can_be_edited_as_toml_and_convert_back(qtbot, make_context, gui_store):
    dialog = rules_dialog(qtbot, make_context)
    original = dialog.text.toPlainText()
    dialog.format.setCurrentIndex(dialog.format.findData("toml"))
    assert "[[groups]]" in dialog.text.toPlainText()
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    assert dialog.text.toPlainText() == original


def test_preview_lists_the_stored_items_the_edited_rules_would_tag(qtbot, make_context, gui_store):
    feed = add_feed(gui_store)
    add_items(
        gui_store,
        feed,
        [
            ("Canada and China argue over canola quota", "<p>Canada China canola.</p>", ()),
            ("Canada China talks on fisheries", "<p>Nothing.</p>", ()),
        ],
        NOW,
    )
    dialog = rules_dialog(qtbot, make_context)
    body = {"threshold": 1.0, "groups": [{"name": "quota", "terms": ["quota"], "weight": 2.0}]}
    import json

    dialog.text.setPlainText(json.dumps(body))
    with qtbot.waitSignal(dialog.preview_ready, timeout=10_000) as ready:
        click(qtbot, dialog.preview_button)
    assert [(line.change, line.row.title) for line in ready.args[0].rows] == [
        ("gains", "Canada and China argue over canola quota")
    ]
    assert dialog.preview_table.rowCount() == 1


def test_saving_rules_stores_them_and_retags_in_the_background(qtbot, make_context, gui_store):
    feed = add_feed(gui_store)
    title = "Canada and China argue over canola quota"
    [article_id] = add_items(gui_store, feed, [(title, "<p>Canada China canola quota.</p>", ())], NOW)
    dialog = rules_dialog(qtbot, make_context)
    import json

    dialog.name.setText("Trade rows")
    dialog.colour.setText("#123456")
    dialog.text.setPlainText(json.dumps({"threshold": 1.0, "groups": [{"name": "q", "terms": ["quota"]}]}))
    with qtbot.waitSignal(dialog.retag_finished, timeout=20_000):
        click(qtbot, dialog.save_button)
    slug = gui_store.issues.list()[0].slug
    issue = gui_store.issues.get(slug)
    assert (issue.name, issue.colour) == ("Trade rows", "#123456")
    assert gui_store.issues.rules()[slug].user_edited
    assert slug in [t.issue for t in gui_store.articles.tags(article_id)]


def settings_dialog(qtbot, make_context):
    dialog = SettingsDialog(make_context())
    qtbot.addWidget(dialog)
    return dialog


def save_button(dialog):
    return dialog.buttons.button(dialog.buttons.StandardButton.Save)


def test_settings_are_saved_to_the_store_and_show_the_data_folder(qtbot, make_context, gui_store):
    dialog = settings_dialog(qtbot, make_context)
    assert dialog.folder.text() == str(gui_store.path.parent) and dialog.folder.isReadOnly()
    assert (dialog.interval.value(), dialog.notify.isChecked(), dialog.retention.value()) == (15, True, 30)
    dialog.interval.setValue(5)
    dialog.notify.setChecked(False)
    dialog.tray.setChecked(True)
    dialog.retention.setValue(7)
    with qtbot.waitSignal(dialog.settings_saved) as saved:
        click(qtbot, save_button(dialog))
    stored = load_settings(gui_store)
    assert saved.args == [stored]
    assert (stored.poll_interval_s, stored.notify, stored.minimise_to_tray, stored.retention_days) == (
        300, False, True, 7
    )


def test_the_dialog_shows_what_is_stored(qtbot, make_context, gui_store):
    stored = replace(DEFAULTS, poll_interval_s=3600, minimise_to_tray=True, retention_days=90)
    save_settings(gui_store, stored)
    dialog = settings_dialog(qtbot, make_context)
    assert (dialog.interval.value(), dialog.tray.isChecked(), dialog.retention.value()) == (60, True, 90)


def test_the_daily_digest_is_switched_on_with_formats_folder_and_time(
    qtbot, make_context, gui_store, tmp_path
):
    from PySide6.QtCore import QTime

    dialog = settings_dialog(qtbot, make_context)
    assert not dialog.daily.isChecked()
    dialog.daily.setChecked(True)
    dialog.daily.formats["html"].setChecked(False)
    dialog.daily.formats["md"].setChecked(True)
    dialog.daily.formats["pdf"].setChecked(True)
    dialog.daily.folder.setText(str(tmp_path / "daily"))
    dialog.daily.at.setTime(QTime(6, 30))
    click(qtbot, save_button(dialog))

    daily = load_settings(gui_store).daily
    assert daily.enabled and daily.formats == ("md", "pdf")
    assert daily.folder == tmp_path / "daily" and daily.at.strftime("%H:%M") == "06:30"


def test_a_new_poll_interval_reaches_the_running_poller(qtbot, make_window, gui_store):
    window = make_window()
    assert window.polling.poller.timer.interval() == 15 * 60_000
    dialog = window.open_settings()
    dialog.interval.setValue(5)
    click(qtbot, save_button(dialog))
    assert window.polling.poller.timer.interval() == 5 * 60_000
    assert load_settings(gui_store).poll_interval_s == 300


def test_the_window_opens_the_feed_manager_and_refreshes_the_sidebar_after(qtbot, make_window, gui_store):
    window = make_window()
    dialog = window.open_feeds()
    gui_store.feeds.add("https://new.example/feed", title="New feed")
    dialog.accept()
    from ui.filters import Scope

    feed = gui_store.feeds.find("https://new.example/feed")
    assert window.sidebar.index_of(Scope("feed", feed.id)).isValid()


def test_export_digest_opens_the_export_dialog_when_it_exists(qtbot, make_window):
    window = make_window()
    dialog = window.open_export()
    try:
        from ui.dialogs.export import ExportDialog  # noqa: F401
    except ImportError:
        assert dialog is None and "not available" in window.statusBar().currentMessage()
    else:
        assert dialog is not None
        dialog.reject()


def test_a_manual_tag_on_an_item_survives_a_retag(qtbot, make_window, gui_store):
    feed = add_feed(gui_store)
    title = "Canada China tariffs"
    [article_id] = add_items(gui_store, feed, [(title, "", [tag("tariffs", title, "tariffs")])], NOW)
    gui_store.articles.set_manual_tag(article_id, "visit", True)
    window = make_window()
    dialog = window.open_rules()
    with qtbot.waitSignal(dialog.retag_finished, timeout=20_000):
        click(qtbot, dialog.save_button)
    assert "visit" in [t.issue for t in gui_store.articles.tags(article_id)]
    dialog.accept()
