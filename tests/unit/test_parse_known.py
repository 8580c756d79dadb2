"""parse_feed leaves out the entries the store holds unchanged, and only those."""

from __future__ import annotations

from monitor.parse import parse_feed

FEED_URL = "https://news.example.com/rss/world.xml"
RSS_TYPE = {"content-type": "application/rss+xml; charset=utf-8"}


def rss(*items: tuple[str, str, str]) -> bytes:
    body = "".join(
        f'<item><guid isPermaLink="false">{guid}</guid><title>{title}</title>'
        f"<description>{summary}</description></item>"
        for guid, title, summary in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{body}</channel></rss>'.encode()


def known_of(body: bytes, url: str = FEED_URL) -> dict[str, str]:
    return {e.guid: e.raw_hash for e in parse_feed(body, RSS_TYPE, url).entries if e.raw_hash}


def test_entries_stored_unchanged_are_left_out_while_changed_and_new_ones_are_cleaned():
    first = rss(("a", "Tariffs rise", "<p>Ottawa</p>"), ("b", "Visit opens", "<p>Beijing</p>"))
    second = rss(
        ("c", "Talks resume", "<p>New</p>"),
        ("a", "Tariffs rise", "<p>Ottawa</p>"),
        ("b", "Visit opens", "<p>Beijing, updated</p>"),
    )

    feed = parse_feed(second, RSS_TYPE, FEED_URL, known_of(first))

    assert [(e.guid, e.text) for e in feed.entries] == [("c", "New"), ("b", "Beijing, updated")]


def test_a_left_out_entry_still_wins_over_a_later_entry_with_its_guid():
    first = rss(("a", "Tariffs rise", "<p>Ottawa</p>"))
    second = rss(("a", "Tariffs rise", "<p>Ottawa</p>"), ("a", "Tariffs rise again", "<p>Other</p>"))

    assert parse_feed(second, RSS_TYPE, FEED_URL, known_of(first)).entries == ()


def test_the_same_entry_is_cleaned_again_when_the_feed_moved_to_another_address():
    # Relative links resolve against the feed's address, so the cleaned entry may differ.
    body = rss(("a", "Tariffs rise", '<a href="/story">Ottawa</a>'))

    feed = parse_feed(body, RSS_TYPE, "https://other.example.net/feed", known_of(body))

    assert [e.guid for e in feed.entries] == ["a"]


def test_every_entry_is_cleaned_when_nothing_is_known():
    body = rss(("a", "Tariffs rise", "<p>Ottawa</p>"), ("b", "Visit opens", "<p>Beijing</p>"))

    assert [e.guid for e in parse_feed(body, RSS_TYPE, FEED_URL, {}).entries] == ["a", "b"]
    assert all(e.raw_hash for e in parse_feed(body, RSS_TYPE, FEED_URL).entries)
