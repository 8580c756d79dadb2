"""Every real sample feed, served over HTTP, fetched and parsed end to end."""

from __future__ import annotations

import io
from pathlib import Path

import feedparser
import pytest

from monitor.fetch import Fetcher, Validators, make_client
from monitor.parse import parse_feed
from tests.integration.feedserver import FeedServer, gzipped, respond

FEEDS = Path(__file__).resolve().parents[3] / "shared" / "data" / "feeds"
FILES = sorted(FEEDS.glob("*.xml")) if FEEDS.is_dir() else []


@pytest.fixture(scope="module")
def served():
    if not FILES:
        pytest.skip(f"the shared sample feeds are not at {FEEDS}")
    with FeedServer() as server, make_client() as client:
        for path in FILES:
            body = path.read_bytes()
            # Served compressed and as news sites label them, without a charset.
            headers = {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip", "ETag": '"1"'}
            server.route(f"/{path.name}", respond(gzipped(body), headers=headers))
        yield server, Fetcher(client)


def identities(body: bytes) -> set[str]:
    # What feedparser alone finds, keyed as parse_feed keys items: id, else
    # link, else title and date. Items sharing a key are one item to us, and
    # items with nothing at all to show are skipped (none in these samples).
    found = feedparser.parse(io.BytesIO(body), sanitize_html=False, resolve_relative_uris=False)
    return {
        e.get("id") or e.get("link") or f"{e.get('title')}|{e.get('published')}"
        for e in found.entries
        if e.get("id") or e.get("link") or e.get("title") or e.get("summary")
    }


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_each_sample_feed_is_fetched_and_yields_every_item_feedparser_finds(served, path):
    server, fetcher = served
    fetched = fetcher.fetch(server.url(f"/{path.name}"), Validators())
    assert fetched.outcome == "ok", fetched.error
    assert fetched.body == path.read_bytes()
    assert fetched.validators.etag == '"1"'

    feed = parse_feed(fetched.body, fetched.headers, fetched.final_url)
    assert len(feed.entries) == len(identities(fetched.body))
    assert len(feed.entries) > 0
    assert len({e.guid for e in feed.entries}) == len(feed.entries)
    for entry in feed.entries:
        assert entry.title or entry.text
        assert entry.published is None or entry.published.utcoffset().total_seconds() == 0
        assert entry.link is None or entry.link.startswith(("http://", "https://"))
        assert "<script" not in entry.summary_html.lower()


def test_the_samples_that_are_not_well_formed_still_yield_items_with_a_warning(served):
    server, fetcher = served
    for name in ("guardian_2.xml", "uol_1.xml"):
        if not (FEEDS / name).exists():
            pytest.skip(f"{name} is not among the samples")
        fetched = fetcher.fetch(server.url(f"/{name}"), Validators())
        feed = parse_feed(fetched.body, fetched.headers, fetched.final_url)
        assert feed.entries
        assert feed.warning
