"""Feed autodiscovery: pure link extraction, and discovery over a real local HTTP server."""

from __future__ import annotations

import pytest

from monitor.discover import discover, feed_links, looks_like_feed
from monitor.fetch import Fetcher, make_client

PAGE = """<!doctype html><html><head><title>News</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Top stories" href="/rss/top.xml">
<LINK REL="Alternate" TYPE="application/atom+xml" HREF="https://other.example/atom">
<link rel="alternate" type="application/rss+xml" href="/rss/top.xml">
<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
<link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
</head><body><a href="/rss/other.xml">not announced</a></body></html>"""

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


def test_feed_links_resolves_announced_feeds_once_each_and_ignores_other_links():
    links = feed_links(PAGE, "https://news.example/section/page.html")
    assert [(link.url, link.title) for link in links] == [
        ("https://news.example/rss/top.xml", "Top stories"),
        ("https://other.example/atom", None),
    ]


def test_feed_links_honours_a_base_element():
    page = (
        '<head><base href="https://cdn.example/x/">'
        '<link rel="alternate" type="application/rss+xml" href="f.xml">'
    )
    assert [link.url for link in feed_links(page, "https://news.example/")] == ["https://cdn.example/x/f.xml"]


def test_broken_html_yields_no_links_rather_than_an_error():
    assert (
        feed_links("<head><link rel=alternate type='application/rss+xml' href=", "https://x.example/") == []
    )


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (RSS, "text/xml", True),
        (b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "", True),
        (b"<rdf:RDF xmlns:rdf='x'></rdf:RDF>", "application/xml", True),
        (PAGE.encode(), "text/html", False),
        (b"<html><body>rss feed</body></html>", "application/xml", False),
    ],
)
def test_looks_like_feed_goes_by_the_document_not_the_label(body, content_type, expected):
    assert looks_like_feed(body, content_type) is expected


@pytest.fixture
def fetcher():
    client = make_client()
    yield Fetcher(client)
    client.close()


def test_a_feed_address_is_offered_as_itself(httpserver, fetcher):
    httpserver.expect_request("/feed.xml").respond_with_data(RSS, content_type="application/rss+xml")
    found = discover(httpserver.url_for("/feed.xml"), fetcher)
    assert found.is_feed and [f.url for f in found.feeds] == [httpserver.url_for("/feed.xml")]


def test_a_web_page_offers_the_feeds_it_announces(httpserver, fetcher):
    httpserver.expect_request("/page").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    found = discover(httpserver.url_for("/page"), fetcher)
    assert not found.is_feed and found.error is None
    assert found.feeds[0].url == httpserver.url_for("/rss/top.xml")


def test_a_page_without_feeds_is_a_one_line_error(httpserver, fetcher):
    httpserver.expect_request("/plain").respond_with_data(
        "<html><head></head></html>", content_type="text/html"
    )
    found = discover(httpserver.url_for("/plain"), fetcher)
    assert found.feeds == () and "neither a feed nor a page" in found.error


def test_an_http_error_is_reported_not_raised(httpserver, fetcher):
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    found = discover(httpserver.url_for("/gone"), fetcher)
    assert found.feeds == () and "404" in found.error


def test_a_non_web_address_is_refused_without_fetching(httpserver, fetcher):
    found = discover("file:///etc/passwd", fetcher)
    assert found.error and "http" in found.error
    assert httpserver.log == []
