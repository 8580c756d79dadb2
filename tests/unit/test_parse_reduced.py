"""Feeds read with their stored entries cut out yield exactly the entries a whole read leaves to clean."""

from __future__ import annotations

import random

import pytest

from monitor.entry_split import entry_spans
from monitor.parse import ParsedFeed, parse_feed
from tests.sample_feeds import sample_feeds

XML_TYPE = {"content-type": "application/xml; charset=utf-8"}
FEED_URL = "https://news.example.com/feeds/world.xml"
NAMESPACES = (
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom"'
)


def rss_feed(rng: random.Random, items: int) -> bytes:
    body = []
    for n in range(items):
        guid = f'<guid isPermaLink="false">story-{n}</guid>' if n % 4 else ""
        date = f"<dc:date>2026-01-{n % 28 + 1:02d}T08:00:00Z</dc:date>" if n % 3 else ""
        body.append(
            f"<item><title>Tariffs &amp; talks {n}</title><link>/world/{n}?utm_source=x</link>{guid}{date}"
            f"<description>&lt;p&gt;Short {n}&lt;/p&gt;</description>"
            f"<content:encoded><![CDATA[<p>Ottawa and Beijing {rng.random()}</p><img src='/p.gif'>]]>"
            f"</content:encoded><media:content url='https://cdn.example.com/{n}.jpg' medium='image'/>"
            f"<media:description>Photo {n}</media:description><dc:creator>Staff {n % 5}</dc:creator></item>"
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" {NAMESPACES}><channel>'
        f"<title>World</title><link>https://news.example.com/</link>"
        f'<atom:link href="{FEED_URL}" rel="self"/>{"".join(body)}</channel></rss>'
    ).encode()


def atom_feed(rng: random.Random, entries: int) -> bytes:
    body = []
    for n in range(entries):
        content = (
            f'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
            f"<p>Visit {rng.random()}</p></div></content>"
            if n % 2
            else f'<content type="html">&lt;p&gt;Visit {rng.random()}&lt;/p&gt;</content>'
        )
        body.append(
            f'<entry xml:base="/section/"><id>tag:news.example.com,2026:{n}</id>'
            f'<title type="html">Rights &lt;b&gt;{n}&lt;/b&gt;</title>'
            f'<link rel="alternate" href="story-{n}"/><updated>2026-01-02T0{n % 10}:00:00Z</updated>'
            f"<author><name>Reporter {n % 3}</name></author><summary>Summary {n}</summary>{content}"
            f'<media:thumbnail url="https://cdn.example.com/{n}.jpg"/></entry>'
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
        f'xmlns:media="http://search.yahoo.com/mrss/" xml:base="https://news.example.com/">'
        f"<title>World</title><link href='https://news.example.com/'/>{''.join(body)}</feed>"
    ).encode()


def assert_reduced_read_matches_whole_read(body: bytes, url: str = FEED_URL) -> ParsedFeed:
    whole = parse_feed(body, XML_TYPE, url)
    entries = whole.entries
    # As the store gives them: only entries with a raw hash (those of a document cut into entries).
    choices = [
        {e.guid: e.raw_hash for e in entries[::2] if e.raw_hash},  # every other one stored
        {e.guid: e.raw_hash for e in entries[5:] if e.raw_hash},  # five new ones on top
        {e.guid: e.raw_hash for e in entries if e.raw_hash},  # nothing new
        {e.guid: "0" * 64 for e in entries[1:]},  # all changed but the first, which is new
    ]
    for known in choices:
        reduced = parse_feed(body, XML_TYPE, url, known)

        assert reduced.entries == tuple(
            e for e in entries if e.raw_hash is None or known.get(e.guid) != e.raw_hash
        )
        assert (reduced.title, reduced.site_url) == (whole.title, whole.site_url)
        assert reduced.warning == whole.warning
    return whole


@pytest.mark.parametrize("seed", range(4))
def test_generated_rss_and_atom_feeds_read_the_same_with_their_stored_entries_cut_out(seed):
    rng = random.Random(seed)
    for body in (rss_feed(rng, 50), atom_feed(rng, 30)):
        assert entry_spans(body) is not None  # the cut is really taken

        whole = assert_reduced_read_matches_whole_read(body)

        assert len(whole.entries) in (50, 30)


def test_a_stored_entry_left_out_still_claims_its_guid_only_from_where_it_stands():
    def rss(*items: str) -> bytes:
        return f'<rss version="2.0"><channel><title>W</title>{"".join(items)}</channel></rss>'.encode()

    stored = "<item><guid>a</guid><title>Old</title></item>"
    changed = "<item><guid>a</guid><title>New</title></item>"
    known = {e.guid: e.raw_hash for e in parse_feed(rss(stored), XML_TYPE, FEED_URL).entries}

    # A changed copy before the stored one wins; one after it loses.
    assert [e.title for e in parse_feed(rss(changed, stored), XML_TYPE, FEED_URL, known).entries] == ["New"]
    assert parse_feed(rss(stored, changed), XML_TYPE, FEED_URL, known).entries == ()


def test_an_entry_is_cleaned_again_when_what_encloses_it_changed():
    body = atom_feed(random.Random(1), 3)
    known = {e.guid: e.raw_hash for e in parse_feed(body, XML_TYPE, FEED_URL).entries}
    moved = body.replace(b'xml:base="https://news.example.com/"', b'xml:base="https://other.example.com/"')

    assert [e.link for e in parse_feed(moved, XML_TYPE, FEED_URL, known).entries] == [
        f"https://other.example.com/section/story-{n}" for n in range(3)
    ]


def test_every_sample_feed_reads_the_same_with_its_stored_entries_cut_out():
    files = sample_feeds()
    assert files
    for path in files:
        assert_reduced_read_matches_whole_read(path.read_bytes(), f"https://feeds.example.com/{path.name}")


def test_entries_of_a_document_not_cut_have_no_raw_hash_so_none_is_ever_skipped():
    # Not well-formed: feedparser reads it whole, so there is no span to know an entry by.
    body = (b'<rss version="2.0"><channel><title>W</title><item><guid isPermaLink="false">a</guid>'
            b"<title>Tariffs &nbsp; rise</title></item><item><link>https://n.example/b</link>"
            b"<title>Visit</title></item></channel></rss>")
    assert entry_spans(body) is None

    first = parse_feed(body, XML_TYPE, FEED_URL)

    assert [(e.guid, e.raw_hash) for e in first.entries] == [("a", None), ("https://n.example/b", None)]
    assert first.warning
