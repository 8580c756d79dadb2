"""Feed addresses are checked at the door: ports in range, a sane length, no invisible characters."""

from __future__ import annotations

import pytest

from monitor.feedurl import MAX_URL_LENGTH, BadFeedURLError, normalise_feed_url


@pytest.mark.parametrize("port", ["0", "99999", "65536", "-1", "abc", "8o"])
def test_a_port_outside_1_to_65535_is_refused(port):
    with pytest.raises(BadFeedURLError, match="bad port: it must be a number from 1 to 65535"):
        normalise_feed_url(f"https://news.example:{port}/rss")


@pytest.mark.parametrize("port", ["1", "8080", "65535"])
def test_a_port_in_range_is_kept(port):
    assert normalise_feed_url(f"https://news.example:{port}/rss") == f"https://news.example:{port}/rss"


def test_an_address_longer_than_the_limit_is_refused_without_echoing_it():
    url = "https://news.example/" + "a" * 100_000
    with pytest.raises(BadFeedURLError) as caught:
        normalise_feed_url(url)
    assert "at most 2,048" in str(caught.value)
    assert len(str(caught.value)) < 200


def test_an_address_at_the_limit_is_accepted():
    url = "https://news.example/" + "a" * (MAX_URL_LENGTH - len("https://news.example/"))
    assert normalise_feed_url(url) == url


@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\u2066", "\x85"])
def test_invisible_and_bidirectional_characters_are_refused(char):
    with pytest.raises(BadFeedURLError, match="control characters"):
        normalise_feed_url(f"https://news.example/{char}gpj.exe")
