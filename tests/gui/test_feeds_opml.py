"""The Feeds dialog imports OPML through the same path as `cc-monitor feeds import`."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db import open_store
from monitor.cli import main
from monitor.seed import seed
from tests.gui.conftest import NOW
from tests.gui.helpers import add_feed
from ui.dialogs.feeds import FeedManagerDialog

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Mine</title></head><body>
  <outline text="Canada">
    <outline text="Politics">
      <outline type="rss" text="Ottawa desk" xmlUrl="https://ottawa.example.org/rss"
               htmlUrl="https://ottawa.example.org/"/>
    </outline>
    <outline type="rss" text="Trade wire" xmlUrl="https://trade.example.org/atom"/>
  </outline>
  <outline type="rss" text="Broken row" xmlUrl="ftp://old.example.org/feed"/>
  <outline type="rss" xmlUrl="http://top.example.org/feed"/>
</body></opml>"""


def stored(store) -> list[tuple]:
    return sorted(
        (f.url, f.title, f.category, f.site_url, f.enabled, f.interval_s) for f in store.feeds.list()
    )


def import_in_dialog(qtbot, make_context, path) -> FeedManagerDialog:
    dialog = FeedManagerDialog(make_context())
    qtbot.addWidget(dialog)
    dialog.ask_open_path = lambda: str(path)
    with qtbot.waitSignal(dialog.feeds_changed, timeout=1000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    return dialog


def test_the_dialog_and_the_cli_import_the_same_file_to_the_same_feeds(
    qtbot, make_context, gui_store, tmp_path, capsys
):
    path = tmp_path / "mine.opml"
    path.write_bytes(OPML)
    dialog = import_in_dialog(qtbot, make_context, path)

    cli_db = tmp_path / "cli.db"
    with open_store(cli_db) as cli_store:  # the same starting point as the dialog's: seeded, no feeds
        seed(cli_store, NOW)
        for feed in cli_store.feeds.list():
            cli_store.feeds.remove(feed.id)
    assert main(["--db", str(cli_db), "feeds", "import", str(path)]) == 0
    printed = capsys.readouterr()

    with open_store(cli_db) as cli_store:
        assert stored(cli_store) == stored(gui_store)
    assert len(stored(gui_store)) == 3
    assert "Imported 3 new feeds; 1 skipped" in dialog.message.text()
    assert "Broken row" in dialog.message.text()
    assert "imported 3 feeds" in printed.out and "Broken row" in printed.err


def test_a_feed_already_listed_is_counted_as_skipped_and_keeps_the_readers_title(
    qtbot, make_context, gui_store, tmp_path
):
    mine = add_feed(gui_store, "https://trade.example.org/atom", title="My trade feed", category="Mine")
    path = tmp_path / "mine.opml"
    path.write_bytes(OPML)

    dialog = import_in_dialog(qtbot, make_context, path)

    assert "Imported 2 new feeds; 1 already listed" in dialog.message.text()
    kept = gui_store.feeds.get(mine.id)
    assert (kept.title, kept.category) == ("My trade feed", "Mine")
    assert gui_store.feeds.count() == 3
