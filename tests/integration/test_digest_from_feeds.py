"""A digest of a database that the poller filled from feeds served on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from db import ArticleQuery, open_store
from monitor import poller
from monitor.seed import seed
from tests.conftest import REPO
from tests.integration.feedserver import FeedServer, respond

NOW = datetime(2026, 1, 20, 8, 0, tzinfo=UTC)
RSS_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}
TARIFF = "Canada imposes 100% tariff on Chinese electric vehicles"
VISIT = "Carney meets Xi Jinping in Beijing as visit opens"
PANDAS = "Calgary Zoo says goodbye to its giant pandas"
HOSTILE = "<script>alert(1)</script> China and Canada tariff talks =HYPERLINK(\"x\")"


def rss(title: str, items: list[tuple[str, str, str, datetime]]) -> bytes:
    body = "".join(
        f"<item><guid isPermaLink=\"false\">{escape(guid)}</guid><title>{escape(headline)}</title>"
        f"<link>{escape(link)}</link><description>{escape(headline)}. More to follow.</description>"
        f"<pubDate>{format_datetime(when, usegmt=True)}</pubDate></item>"
        for guid, headline, link, when in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>https://news.example.org/</link>{body}</channel></rss>"
    ).encode()


@pytest.fixture
def polled(db_path: Path) -> Iterator[Path]:
    with open_store(db_path) as store:
        seed(store, NOW)
        for feed in store.feeds.list():  # the default feeds live on the internet
            store.feeds.remove(feed.id)
    day = timedelta(days=1)
    with FeedServer() as server:
        server.route("/globe", respond(rss("Globe", [
            ("g1", TARIFF, "https://news.example.org/ev", NOW - day),
            ("g2", VISIT, "https://news.example.org/visit", NOW - 2 * day),
            ("g3", PANDAS, "https://news.example.org/pandas", NOW - 3 * day),
            ("g4", HOSTILE, "javascript:alert(1)", NOW - 4 * day),
            ("g5", TARIFF + " (earlier)", "https://news.example.org/ev-0", NOW - 9 * day),
        ]), headers=RSS_TYPE))
        server.route("/wire", respond(rss("Wire", [("w1", TARIFF, "https://news.example.org/ev", NOW - day)]),
                                      headers=RSS_TYPE))
        real = (REPO / "tests" / "data" / "feeds" / "wsj_1.xml").read_bytes()  # a real outlet's feed
        server.route("/wsj", respond(real, headers=RSS_TYPE))
        with open_store(db_path) as store:
            for path in ("/globe", "/wire", "/wsj"):
                store.feeds.add(server.url(path), now=NOW)
        with poller.Poller(db_path, clock=lambda: NOW, parse_processes=0, fetch_workers=2) as p:
            summary = p.poll()
        assert summary.ok == 3
    yield db_path


def digest_json(cli, *args: str) -> dict:
    result = cli("digest", "--since", "2026-01-13", "--until", "2026-01-19", "--format", "json", *args)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_the_digest_lists_the_polled_items_once_per_issue_with_also_in(cli, polled):
    document = digest_json(cli)
    tariffs = next(s for s in document["issues"] if s["slug"] == "tariffs")
    ev = [i for i in tariffs["items"] if i["title"] == TARIFF]
    assert len(ev) == 1
    # Whichever feed stored it first is its source; the other is where else it ran.
    assert len(ev[0]["also_in"]) == 1
    assert {ev[0]["source"], *ev[0]["also_in"]} == {"Globe", "Wire"}
    assert ev[0]["url"] == "https://news.example.org/ev"
    assert "tariff" in [t.lower() for t in ev[0]["matched_terms"]]
    assert tariffs["previous_total"] >= 1  # the earlier story, a week before
    visit = next(s for s in document["issues"] if s["slug"] == "visit")
    assert VISIT in [i["title"] for i in visit["items"]]
    titles = {i["title"] for s in document["issues"] for i in s["items"]}
    assert PANDAS not in titles


def test_every_relevant_tagged_article_in_the_period_is_in_the_digest_and_nothing_else(cli, polled):
    document = digest_json(cli, "--since", "2000-01-01", "--until", "2030-01-01")
    listed = {(s["slug"], i["article_id"]) for s in document["issues"] for i in s["items"]}
    with open_store(polled) as store:
        stored = {
            (issue.slug, article_id)
            for issue in store.issues.list()
            for article_id in store.articles.ids(ArticleQuery(issue=issue.slug))
        }
        feed_count = store.feeds.count()
    assert listed == stored
    assert len(document["feeds"]) == feed_count == 3


def test_hostile_feed_text_comes_out_inert_in_html(cli, polled, tmp_path):
    target = tmp_path / "week.html"
    assert cli("digest", "--since", "2026-01-13", "--until", "2026-01-19", "-o", str(target)).code == 0
    html = target.read_text()
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html  # a link of another scheme is dropped, not shown
