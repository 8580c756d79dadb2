"""What parse_feed makes of ordinary RSS and Atom documents."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from multiprocessing import get_context

import pytest

from monitor.parse import (
    AUTHOR_CAP,
    MAX_ENTRIES,
    SUMMARY_HTML_CAP,
    TEXT_CAP,
    TITLE_CAP,
    FeedParseError,
    ParsedFeed,
    parse_feed,
)

FEED_URL = "https://news.example.com/rss/world.xml"
RSS_TYPE = {"content-type": "application/rss+xml; charset=utf-8"}


def rss(items: str, channel: str = "<title>World</title><link>https://news.example.com/</link>") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel>{channel}{items}</channel></rss>"
    ).encode()


def only(feed: ParsedFeed):
    assert len(feed.entries) == 1
    return feed.entries[0]


def test_an_rss_item_becomes_a_clean_record():
    feed = parse_feed(
        rss(
            "<item><title>Canada &amp; China &lt;trade&gt; talks</title>"
            "<link>https://News.Example.com/a/1?utm_source=rss&amp;id=4#top</link>"
            '<guid isPermaLink="false">story-1</guid>'
            "<description>&lt;p&gt;Ministers met in &lt;b&gt;Beijing&lt;/b&gt;.&lt;/p&gt;</description>"
            "<author>desk@example.com (Jane Doe)</author>"
            "<pubDate>Tue, 13 Jan 2026 09:30:00 +0200</pubDate></item>"
        ),
        RSS_TYPE,
        FEED_URL,
    )
    assert feed.title == "World"
    assert feed.site_url == "https://news.example.com/"
    assert feed.warning is None
    entry = only(feed)
    assert entry.guid == "story-1"
    assert entry.link == "https://News.Example.com/a/1?utm_source=rss&id=4#top"
    assert entry.url == "https://news.example.com/a/1?id=4"
    assert entry.title == "Canada & China <trade> talks"
    assert entry.summary_html == "<p>Ministers met in <b>Beijing</b>.</p>"
    assert entry.text == "Ministers met in Beijing."
    assert entry.author == "Jane Doe"
    assert entry.published == datetime(2026, 1, 13, 7, 30, tzinfo=UTC)
    assert len(entry.content_hash) == 64


def test_full_content_is_preferred_over_a_shorter_description():
    entry = only(
        parse_feed(
            rss(
                "<item><title>t</title><link>https://x.example/1</link>"
                "<description>Short teaser</description>"
                "<content:encoded><![CDATA[<p>The full story, much longer than the teaser.</p>]]>"
                "</content:encoded></item>"
            ),
            RSS_TYPE,
            FEED_URL,
        )
    )
    assert entry.summary_html == "<p>The full story, much longer than the teaser.</p>"


def test_a_description_longer_than_the_content_wins():
    entry = only(
        parse_feed(
            rss(
                "<item><title>t</title><link>https://x.example/1</link>"
                "<description>A long description that says more than the content does.</description>"
                "<content:encoded>Brief</content:encoded></item>"
            ),
            RSS_TYPE,
            FEED_URL,
        )
    )
    assert entry.text == "A long description that says more than the content does."


def test_an_atom_entry_with_only_updated_takes_that_as_its_date():
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Trade &amp;lt;desk&amp;gt;</title><link href="https://atom.example/"/>
  <id>urn:feed</id><updated>2026-01-14T10:00:00Z</updated>
  <entry>
    <title type="html">&lt;em&gt;Tariffs&lt;/em&gt; on canola</title>
    <link rel="alternate" href="/2026/01/canola"/>
    <id>tag:atom.example,2026:1</id>
    <updated>2026-01-14T08:15:00-05:00</updated>
    <author><name>Li Wei</name></author>
    <content type="xhtml">
      <div xmlns="http://www.w3.org/1999/xhtml"><p>Duties <strong>rise</strong>.</p></div>
    </content>
  </entry>
</feed>"""
    feed = parse_feed(atom, {"content-type": "application/atom+xml"}, "https://atom.example/feed")
    assert feed.title == "Trade <desk>"
    entry = only(feed)
    assert entry.guid == "tag:atom.example,2026:1"
    assert entry.link == "https://atom.example/2026/01/canola"
    assert entry.title == "Tariffs on canola"
    assert "<p>Duties <strong>rise</strong>.</p>" in entry.summary_html
    assert entry.author == "Li Wei"
    assert entry.published == datetime(2026, 1, 14, 13, 15, tzinfo=UTC)


def test_relative_item_links_and_summary_links_are_resolved():
    entry = only(
        parse_feed(
            rss(
                "<item><title>t</title><link>/a/2</link>"
                "<description>&lt;a href='b/3'&gt;more&lt;/a&gt;</description></item>"
            ),
            RSS_TYPE,
            FEED_URL,
        )
    )
    assert entry.link == "https://news.example.com/a/2"
    assert 'href="https://news.example.com/a/b/3"' in entry.summary_html


def test_without_a_guid_the_link_identifies_the_item():
    body = rss("<item><title>t</title><link>https://x.example/9</link></item>")
    entry = only(parse_feed(body, RSS_TYPE, FEED_URL))
    assert entry.guid == "https://x.example/9"


def test_without_guid_or_link_a_hash_of_title_and_date_identifies_the_item():
    def guid(title: str, date: str) -> str:
        body = rss(f"<item><title>{title}</title><pubDate>{date}</pubDate></item>")
        return only(parse_feed(body, RSS_TYPE, FEED_URL)).guid

    first = guid("Visit", "Tue, 13 Jan 2026 09:30:00 GMT")
    assert first.startswith("sha256:")
    assert first == guid("Visit", "Tue, 13 Jan 2026 09:30:00 GMT")
    assert first != guid("Visit", "Wed, 14 Jan 2026 09:30:00 GMT")
    assert first != guid("Visit again", "Tue, 13 Jan 2026 09:30:00 GMT")


def test_an_item_with_nothing_to_show_or_recognise_is_skipped():
    feed = parse_feed(
        rss("<item><category>x</category></item><item><title>kept</title></item>"), RSS_TYPE, FEED_URL
    )
    assert [e.title for e in feed.entries] == ["kept"]


def test_items_sharing_a_guid_keep_the_first():
    feed = parse_feed(
        rss("<item><guid>g</guid><title>newer</title></item><item><guid>g</guid><title>older</title></item>"),
        RSS_TYPE,
        FEED_URL,
    )
    assert [e.title for e in feed.entries] == ["newer"]


def test_the_content_hash_follows_what_a_reader_sees():
    base = "<item><guid>g</guid><title>{t}</title><link>{l}</link><description>{d}</description>{p}</item>"
    first = dict(t="A", l="https://x.example/1", d="body", p="")

    def digest(**changes: str) -> str:
        body = rss(base.format(**{**first, **changes}))
        return only(parse_feed(body, RSS_TYPE, FEED_URL)).content_hash

    original = digest()
    assert digest(p="<pubDate>Tue, 13 Jan 2026 09:30:00 GMT</pubDate>") == original
    assert digest(t="B") != original
    assert digest(l="https://x.example/2") != original
    assert digest(d="other body") != original


def test_dates_far_in_the_future_are_kept_and_nonsense_dates_are_none():
    feed = parse_feed(
        rss(
            "<item><guid>a</guid><title>a</title><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>"
            "<item><guid>b</guid><title>b</title><pubDate>the day after tomorrow</pubDate></item>"
        ),
        RSS_TYPE,
        FEED_URL,
    )
    assert [e.published for e in feed.entries] == [datetime(2100, 1, 1, tzinfo=UTC), None]


def test_every_text_field_is_capped():
    huge_link = "https://x.example/" + "a" * 3000
    feed = parse_feed(
        rss(
            f"<item><guid>{'g' * 3000}</guid><title>{'t ' * 2000}</title><link>{huge_link}</link>"
            f"<dc:creator>{'n' * 500}</dc:creator>"
            f"<description><![CDATA[{'<p>word word</p>' * 20000}]]></description></item>"
        ),
        RSS_TYPE,
        FEED_URL,
    )
    entry = only(feed)
    assert len(entry.title) <= TITLE_CAP
    assert len(entry.author) <= AUTHOR_CAP
    assert entry.guid.startswith("sha256:")
    assert entry.link is None and entry.url is None
    assert len(entry.summary_html) <= SUMMARY_HTML_CAP
    assert entry.summary_html.endswith("</p>")
    assert len(entry.text) <= TEXT_CAP


def test_a_valid_feed_without_items_is_an_empty_feed_not_an_error():
    feed = parse_feed(rss(""), RSS_TYPE, FEED_URL)
    assert feed.entries == ()
    assert feed.title == "World"


def test_a_broken_feed_keeps_what_parses_and_says_what_was_wrong():
    body = rss(
        "<item><title>one</title><link>https://x.example/1</link></item>"
        "<item><title>two & three</title><link>https://x.example/2</link></item>"
    )
    feed = parse_feed(body, RSS_TYPE, FEED_URL)
    assert [e.title for e in feed.entries] == ["one", "two & three"]
    assert "not well-formed" in feed.warning


def test_results_survive_pickling_and_a_spawned_worker_process():
    body = rss("<item><guid>g</guid><title>pool</title><pubDate>Tue, 13 Jan 2026 09:30 GMT</pubDate></item>")
    here = parse_feed(body, RSS_TYPE, FEED_URL)
    assert pickle.loads(pickle.dumps(here)) == here
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        there = pool.submit(parse_feed, body, RSS_TYPE, FEED_URL).result(timeout=60)
    assert there == here


def test_a_parse_error_crosses_a_process_boundary_intact():
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        future = pool.submit(parse_feed, b"<html><body>nope</body></html>", {}, FEED_URL)
        with pytest.raises(FeedParseError, match=r"^not a feed \(HTML page\)$"):
            future.result(timeout=60)


def test_records_are_frozen():
    entry = only(parse_feed(rss("<item><guid>g</guid><title>t</title></item>"), RSS_TYPE, FEED_URL))
    with pytest.raises(AttributeError):
        entry.title = "changed"  # type: ignore[misc]
    assert replace(entry, title="copy").title == "copy"


def test_a_feed_with_thousands_of_items_keeps_the_first_few_thousand():
    items = "".join(f"<item><guid>g{i}</guid><title>t{i}</title></item>" for i in range(MAX_ENTRIES + 10))
    feed = parse_feed(rss(items), RSS_TYPE, FEED_URL)
    assert len(feed.entries) == MAX_ENTRIES
    assert feed.entries[-1].title == f"t{MAX_ENTRIES - 1}"
    assert f"only the first {MAX_ENTRIES} of {MAX_ENTRIES + 10} items kept" in feed.warning


def test_entries_whose_links_are_blank_are_kept_apart_by_their_own_guids() -> None:
    body = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>'
        b'<entry><title>First</title><link href=" "/></entry>'
        b'<entry><title>Second</title><link href=" "/></entry></feed>'
    )
    parsed = parse_feed(body, {"content-type": "application/atom+xml"}, "https://news.example.com/feed.xml")
    assert [e.title for e in parsed.entries] == ["First", "Second"]
    assert all(e.link is None for e in parsed.entries)
