"""Links resolved against their feed as urljoin resolves them, and their canonical form."""

from __future__ import annotations

import pytest

from monitor.normalize import canonical_url, web_url


def test_a_link_of_another_scheme_than_its_base_is_kept_as_written():
    assert web_url("https://E.example/a?", "http://feed.example/rss") == "https://E.example/a?"
    assert web_url("HTTP://E.example/a?", "https://feed.example/rss") == "HTTP://E.example/a?"


def test_a_link_of_the_same_scheme_as_its_base_is_rebuilt_as_urljoin_rebuilds_it():
    assert web_url("HTTPS://E.example/a?", "https://feed.example/rss") == "https://E.example/a"


def test_a_link_of_another_scheme_is_refused_when_its_base_cannot_be_read():
    assert web_url("https://e.example/a", "http://[::1/feed") is None


@pytest.mark.parametrize("link", ["http:///x", "https://@/x", "https://u@:80/x", "http://:8080/x"])
def test_links_without_a_host_are_not_web_urls(link):
    assert web_url(link) is None
    assert web_url(link, "https://feed.example/") is None


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("https://User:Pw@[::1]:443/?utm_source=x&fbclid=2#top", "https://User:Pw@[::1]/"),
        ("HTTP://Ex.Example:80", "http://ex.example/"),
        ("https://ex.example?&a=1&&UTM_x=2", "https://ex.example/?a=1"),
        ("https://@Ex.example/p;q", "https://ex.example/p;q"),
    ],
)
def test_canonical_urls_keep_user_info_and_drop_empty_queries_and_default_ports(given, canonical):
    assert canonical_url(given) == canonical


def test_a_blank_link_is_no_link_rather_than_a_link_to_the_base() -> None:
    assert web_url("   ", "https://news.example.com/feed.xml") is None
    assert web_url("", "https://news.example.com/feed.xml") is None

