"""No English left in the French interface: the main window on a database with items, stories,
moves and a failing feed, every tab, every dialog and the context menus, read text by text
against the English of the French catalogue (and the rules editor's note of a shipped group, in
French); and French punctuation in every translation."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from db.moves import replace_moves
from db.records import FeedOutcome, Move
from monitor import resources
from tests.gui.conftest import NOW, settle
from tests.gui.helpers import add_feed, add_items, tag
from tests.gui.visible_text import EnglishSources, Seen, menu_texts, visible_texts
from ui.i18n_build import TS

# The same in both languages, or data shown as it came rather than words of the interface.
ALLOWED = ("OPML", "CSV", "JSON", "HTML", "PDF", "Markdown", "English", "Français", "URL", "OK", "Total",
           "Articles", "Article", "Section", "Question", "Type", "Source", "Date", "Global", "Notes")



@pytest.fixture
def stocked(gui_store):
    """Items on several issues, two of them one story with a move, and a feed that fails."""
    store = gui_store
    globe = add_feed(store, "http://127.0.0.1:9/globe.xml", "The Globe")
    cbc = add_feed(store, "http://127.0.0.1:9/cbc.xml", "CBC")
    titles = ("China cuts canola tariff to 15%", "Beijing cuts canola tariff to 15%")
    first, second = (
        add_items(store, feed, [(title, f"<p>{title}.</p>", [tag("tariffs", title, "tariff")])], NOW - age)[0]
        for feed, title, age in ((globe, titles[0], timedelta(hours=2)), (cbc, titles[1], timedelta(hours=1)))
    )
    visit = "Carney meets Xi in Beijing"
    (summit,) = add_items(store, globe, [(visit, "<p>Talks.</p>", [tag("visit", visit, "Carney")])], NOW)
    store.stories.assign([(first, "canola"), (second, "canola"), (summit, "summit")])
    move = Move(fact="canola-seafood-tariffs", figure="Chinese tariffs on Canadian canola, in some cases",
                baseline="100%",
                reported="15%", words="cuts canola tariff to 15%", field="title", start=6, end=31)
    with store.write() as conn:
        replace_moves(conn, second, [move])
    failing = add_feed(store, "http://127.0.0.1:9/slow.xml", "Slow Wire")
    outcome = FeedOutcome(status="failing", attempted_at=NOW, next_poll_at=None, error="timed out after 45 s")
    store.feeds.record_outcome(failing.id, outcome)
    return store


def english_in(seen: list[Seen]) -> list[tuple[str, str, str]]:
    sources = EnglishSources(TS, ALLOWED)
    return sorted({(s.where, s.text, found) for s in seen if (found := sources.english(s.text)) is not None})


def test_the_french_window_shows_no_english(qtbot, french, stocked, make_window):
    seen = walk(qtbot, make_window(language="fr"))
    assert len(seen) > 1000, "the walk read too little to mean anything"
    assert english_in(seen) == []
    assert sorted({(s.where, s.text) for s in seen if bare_colon(s.text)}) == []
    notes = shown_notes(seen)
    assert notes, "the walk did not read the note of a rule group"
    assert set(notes) <= french_notes(), "a shipped rule group's note is shown in English"


def shown_notes(seen: list[Seen]) -> list[str]:
    """The notes the rules editor showed (its note field's tooltip holds the whole note)."""
    tips = [s.text for s in seen if s.where == "QPlainTextEdit#groupNote.toolTip"]
    return [html.unescape(re.sub(r"<[^>]*>", "", tip)) for tip in tips]


def french_notes() -> set[str]:
    tables = resources.read_toml("i18n/data_fr.toml")["notes"]
    return {entry["fr"] for groups in tables.values() for entry in groups.values()}


def test_the_same_walk_finds_the_english_window_english(qtbot, stocked, make_window):
    found = {english for _, _, english in english_in(walk(qtbot, make_window()))}
    assert {"Poll now", "Feeds", "Keyboard shortcuts", "Close", "Developments", "Help"} <= found
    assert len(found) > 150


def walk(qtbot, window) -> list[Seen]:
    """The texts of every tab, an open article, the sidebar's menus and every dialog."""
    seen = visible_texts(window)
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        settle(qtbot, window)
        seen += visible_texts(window)
    window.tabs.setCurrentIndex(1)
    window.articles.table.selectRow(0)
    settle(qtbot, window)
    seen += visible_texts(window)
    seen += sidebar_menus(window)
    return seen + every_dialog(qtbot, window)


def sidebar_menus(window) -> list[Seen]:
    model, tree = window.sidebar.sidebar_model, window.sidebar
    seen = []
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        for index in (parent, *(model.index(child, 0, parent) for child in range(model.rowCount(parent)))):
            menu = tree.context_menu(index)
            if menu is not None:
                seen += menu_texts(menu, "sidebarMenu")
    return seen


def every_dialog(qtbot, window) -> list[Seen]:
    seen = []
    for open_dialog in (window.open_feeds, window.open_rules, window.open_settings):
        dialog = open_dialog()
        settle(qtbot, window)
        seen += visible_texts(dialog)
        dialog.reject()
    export = window.open_export()
    with qtbot.wait_signal(export.preview_updated, timeout=10_000):
        export.refresh_preview()
    seen += visible_texts(export)
    export.reject()
    shortcuts = window.keyboard.show_shortcuts()
    seen += visible_texts(shortcuts)
    shortcuts.reject()
    seen += about_box(window)
    return seen


def about_box(window) -> list[Seen]:
    """What Help › About shows: read, then closed, from inside its own event loop."""
    seen: list[Seen] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend(visible_texts(box))
        box.accept()

    QTimer.singleShot(0, read_and_close)
    window._about()
    assert seen, "the About box was not shown"
    return seen


def french_translations() -> list[tuple[str, str]]:
    """(source, French text) of every entry, each plural form on its own."""
    out = []
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        out += [(message.findtext("source") or "", form) for form in forms]
    return out


COLON = re.compile(r":(?=\s|$)")  # one that ends a word; "portée:nom", "HH:MM", "https:" are codes


def bare_colon(text: str) -> bool:
    """True when a colon of prose in `text` lacks the non-breaking space French puts before it."""
    return any(found.start() == 0 or text[found.start() - 1] != "\u00a0" for found in COLON.finditer(text))


def test_every_french_colon_has_a_non_breaking_space_before_it():
    wrong = [(source, text) for source, text in french_translations() if bare_colon(text)]
    assert wrong == []


def test_french_puts_no_space_before_semicolons_and_marks_and_non_breaking_ones_inside_guillemets():
    wrong = [(source, text) for source, text in french_translations()
             if re.search(r"\s[;!?]", text) or re.search(r"«(?!\u00a0)|(?<!\u00a0)»", text)]
    assert wrong == []
