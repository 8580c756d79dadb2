"""The French interface says in French what the core reports in English: a failing feed's
error, a rule that cannot be read, an export that cannot be written; counts take the French
plural ("0 nouvel article", "2 nouveaux articles")."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt

from db.records import FeedOutcome
from monitor.poller import PollSummary
from tests.gui.conftest import NOW, settle
from tests.gui.helpers import add_feed
from tests.integration.feedserver import FeedServer, respond
from ui.dialogs.feeds import FeedManagerDialog
from ui.dialogs.rules import RulesDialog
from ui.health import feed_tooltip
from ui.i18n import install_translators, remove_translators
from ui.poll_line import summary_text

COL_LAST_ERROR = 5



@pytest.fixture
def poller_factory(clock):
    from monitor.poller import Poller

    return lambda path: Poller(path, parse_processes=0, fetch_workers=2, clock=clock)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: a connection to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_failing_feeds_show_their_errors_in_french(qtbot, french, make_window, make_context, gui_store,
                                                   poller_factory):
    with FeedServer() as server:
        server.route("/gone.xml", respond(b"nothing here", status=404))
        missing = add_feed(gui_store, server.url("/gone.xml"), title="Fil disparu")
        refused = add_feed(gui_store, f"http://127.0.0.1:{closed_port()}/feed.xml", title="Fil muet")
        window = make_window(poller_factory=poller_factory)
        with qtbot.waitSignal(window.polling.poll_done, timeout=20_000):
            qtbot.keyClick(window.articles.table, Qt.Key.Key_F5)
    line = window.poll_status.label.text()
    assert "2 fils" in line and "2 en échec" in line and "0 nouvel article" in line, line
    assert " :" not in line and ": " not in line.replace("\u00a0:", ""), line  # French colons only
    settle(qtbot, window)
    dialog = FeedManagerDialog(make_context())
    qtbot.addWidget(dialog)
    errors = {dialog.table.item(row, 0).text(): dialog.table.item(row, COL_LAST_ERROR).text()
              for row in range(dialog.table.rowCount())}
    assert errors["Fil disparu"] == "introuvable (HTTP 404)"
    assert errors["Fil muet"] == "échec de la connexion\u00a0: connexion refusée"
    tooltip = feed_tooltip(gui_store.feeds.get(missing.id))
    assert "Dernière erreur\u00a0: introuvable (HTTP 404)" in tooltip
    assert gui_store.feeds.get(refused.id).last_error.startswith("connection failed")  # stored in English


def test_an_error_stored_in_english_by_the_cli_shows_in_french(qtbot, french, make_context, gui_store):
    feed = add_feed(gui_store, "https://slow.example/rss", title="Fil lent")
    outcome = FeedOutcome(status="failing", attempted_at=NOW, next_poll_at=None, error="timed out after 45 s")
    gui_store.feeds.record_outcome(feed.id, outcome)  # as `cc-monitor poll` stores it
    dialog = FeedManagerDialog(make_context())
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, COL_LAST_ERROR).text() == "délai dépassé après 45 s"


def test_a_rule_syntax_error_shows_in_french(qtbot, french, make_context):
    dialog = RulesDialog(make_context())
    qtbot.addWidget(dialog)
    dialog.text.setPlainText('{"threshold": 1, "groups": [{"name": "x", "terms": ["*"]}]}')
    dialog.save_button.click()
    text = dialog.error.text()
    assert "aucune lettre ni aucun chiffre dans le terme '*'" in text, text
    assert "no letters" not in text


def test_a_digest_that_cannot_be_written_says_so_in_french(qtbot, french, make_context, tmp_path):
    from ui.dialogs.export import ExportDialog

    context = make_context()
    dialog = ExportDialog(context)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_updated, timeout=10_000):
        pass
    target = tmp_path / "missing" / "semaine.html"
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.save_to(target)
    said = f"Non enregistré : impossible d’écrire {target} : fichier ou dossier introuvable"
    assert dialog.status.text() == said.replace(" :", "\u00a0:")
    dialog.done(0)
    context.runner.shutdown()


@pytest.mark.parametrize(("count", "french_words", "english_words"), [
    (0, "0 nouvel article", "0 new items"),
    (1, "1 nouvel article", "1 new item"),
    (2, "2 nouveaux articles", "2 new items"),
])
def test_counts_take_the_plural_of_each_language(qapp, count, french_words, english_words):
    summary = PollSummary(total=1, ok=1, new_items=count)
    assert english_words in summary_text(summary, {})
    translators = install_translators(qapp, "fr")
    try:
        assert french_words in summary_text(summary, {})
    finally:
        remove_translators(qapp, translators)


def test_a_failure_to_build_stories_shows_in_french_in_the_poll_line(qapp):
    from monitor.messages import message

    summary = PollSummary(total=1, ok=1, story_error=message("stories_failed", reason="database is locked"))
    assert "could not put new items in stories: database is locked" in summary_text(summary, {})
    translators = install_translators(qapp, "fr")
    try:
        line = summary_text(summary, {})
    finally:
        remove_translators(qapp, translators)
    said = "impossible de classer les nouveaux articles en nouvelles\u00a0: base de données verrouillée"
    assert line == f"1 fil\u00a0: 1 fonctionnel; 0 nouvel article; {said}"


def test_what_was_wrong_with_a_feed_that_still_read_shows_in_french(qtbot, french, make_window, make_context,
                                                                  gui_store, poller_factory):
    # A bare "&" and a tag closed by the wrong name: the items are read all the same, and the
    # feed's warning lists both problems, each said in French.
    body = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
            b"<item><title>Q&A on canola</title><link>https://x.example/1?a=1&b=2</link></item>"
            b"<item><title>two</title><link>https://x.example/2</link></itemm></item>"
            b"</channel></rss>")
    with FeedServer() as server:
        server.route("/odd.xml", respond(body, headers={"Content-Type": "application/rss+xml"}))
        add_feed(gui_store, server.url("/odd.xml"), title="Fil bancal")
        window = make_window(poller_factory=poller_factory)
        with qtbot.waitSignal(window.polling.poll_done, timeout=20_000):
            qtbot.keyClick(window.articles.table, Qt.Key.Key_F5)
    settle(qtbot, window)
    dialog = FeedManagerDialog(make_context())
    qtbot.addWidget(dialog)
    shown = dialog.table.item(0, COL_LAST_ERROR).text()
    assert shown.startswith("avertissement"), shown
    assert "XML mal formé\u00a0: «\u00a0&\u00a0» isolé lu comme du texte (2)" in shown, shown
    assert "balise fermante qui ne correspond pas" in shown, shown
    assert "not well-formed" not in shown and "mismatched" not in shown, shown
