"""The article view shows hostile feed HTML without fetching, reading or opening anything."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextDocument

from tests.gui.conftest import NOW
from tests.gui.helpers import add_feed, add_items, tag
from ui.article_detail import load_detail
from ui.panels.article_view import ArticleView
from ui.panels.safe_browser import SafeTextBrowser


def hostile_summary(server_url: str, secret_png: str) -> str:
    return (
        f'<p>Canada and China talk canola tariffs.<img src="{server_url}/pixel.gif" width="1" height="1">'
        f'<img src="file://{secret_png}"></p>'
        f'<p><a href="javascript:alert(1)">script link</a> <a href="file:///etc/passwd">file link</a> '
        f'<a href="data:text/html,hi">data link</a> <a href="{server_url}/story">web link</a></p>'
        f'<link rel="stylesheet" href="{server_url}/style.css">'
        f"<style>@import url({server_url}/i.css);</style>"
    )


def click_text(qtbot, browser: SafeTextBrowser, text: str) -> None:
    cursor = browser.document().find(text)
    assert not cursor.isNull(), text
    cursor.setPosition(cursor.selectionStart() + 1)
    point: QPoint = browser.cursorRect(cursor).center()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_hostile_html_fetches_nothing_reads_no_file_and_opens_only_the_web_link(qtbot, httpserver, tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG not really")
    opened: list[QUrl] = []
    browser = SafeTextBrowser(opener=opened.append)
    qtbot.addWidget(browser)
    browser.resize(600, 300)
    browser.show()
    base = httpserver.url_for("").rstrip("/")
    browser.setHtml(hostile_summary(base, str(secret)))
    browser.grab()
    qtbot.waitExposed(browser)
    for text in ("script link", "file link", "data link", "web link"):
        click_text(qtbot, browser, text)
    assert httpserver.log == []
    assert f"{base}/pixel.gif" in browser.refused_resources
    assert f"file://{secret}" in browser.refused_resources
    loaded = browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(f"file://{secret}"))
    assert not loaded
    assert [url.toString() for url in opened] == [f"{base}/story"]


def test_a_stored_hostile_summary_shows_its_text_and_loads_nothing(qtbot, httpserver, gui_store, tmp_path):
    base = httpserver.url_for("").rstrip("/")
    feed = add_feed(gui_store)
    title = "Canada and China talk canola tariffs"
    [article_id] = add_items(
        gui_store,
        feed,
        [(title, hostile_summary(base, str(tmp_path / "x.png")), [tag("tariffs", title, "tariffs")])],
        NOW,
    )
    opened: list[QUrl] = []
    view = ArticleView(opener=opened.append)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    view.show_detail(load_detail(gui_store, article_id))
    view.grab()
    assert "canola tariffs" in view.body.toPlainText()
    assert httpserver.log == []
    assert opened == []


def test_open_in_browser_hands_the_article_url_to_the_opener(qtbot, gui_store):
    feed = add_feed(gui_store)
    [article_id] = add_items(gui_store, feed, [("Canada and China", "<p>x</p>", ())], NOW)
    opened: list[QUrl] = []
    view = ArticleView(opener=opened.append)
    qtbot.addWidget(view)
    view.show_detail(load_detail(gui_store, article_id))
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert [u.toString() for u in opened] == [gui_store.articles.get(article_id).url]


def test_matched_terms_and_search_words_are_highlighted(qtbot, gui_store):
    feed = add_feed(gui_store)
    title = "Ottawa weighs tariffs"
    summary = "<p>Beijing imposed tariffs on canola; Ottawa answered.</p>"
    [article_id] = add_items(gui_store, feed, [(title, summary, [tag("tariffs", title, "tariffs")])], NOW)
    from db.records import Match, Tag

    detail = load_detail(gui_store, article_id)
    text = detail.article.text
    start = text.index("canola")
    detail = detail.__class__(
        detail.article,
        detail.feed_titles,
        (Tag("tariffs", 3.0, (Match("canola", "summary", start, start + 6),)),),
        detail.issues,
        detail.facts,
    )
    view = ArticleView(opener=lambda _u: None)
    qtbot.addWidget(view)
    view.show_detail(detail, ["Beijing"])
    assert set(view.highlighted_text()) == {"canola", "Beijing"}
    assert "background-color" in view.title.text() or "<span" not in view.title.text()


def test_the_title_highlights_exactly_the_matched_span(qtbot, gui_store):
    feed = add_feed(gui_store)
    title = "Ottawa weighs tariffs <on> steel"
    [article_id] = add_items(gui_store, feed, [(title, "", [tag("tariffs", title, "tariffs")])], NOW)
    view = ArticleView(opener=lambda _u: None)
    qtbot.addWidget(view)
    view.show_detail(load_detail(gui_store, article_id))
    html = view.title.text()
    assert ">tariffs</span>" in html
    assert "&lt;on&gt;" in html


def test_the_view_lists_the_baseline_facts_of_the_items_issues(qtbot, gui_store):
    feed = add_feed(gui_store)
    title = "Carney visit to Beijing"
    [article_id] = add_items(gui_store, feed, [(title, "", [tag("visit", title, "visit")])], NOW)
    view = ArticleView(opener=lambda _u: None)
    qtbot.addWidget(view)
    view.show_detail(load_detail(gui_store, article_id))
    facts = [f for f in gui_store.baseline.list() if "visit" in f.issues]
    assert facts
    assert facts[0].statement[:40] in view.facts.toPlainText()
