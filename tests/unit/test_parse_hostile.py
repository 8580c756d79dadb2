"""parse_feed against documents built to hurt: entities, odd encodings, not-feeds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import time
from dataclasses import astuple
from pathlib import Path

import feedparser
import pytest

from monitor.parse import FeedParseError, ParsedFeed, parse_feed
from monitor.sanitize import escape_bare_ampersands
from tests.sample_feeds import sample_feeds

FEED_URL = "https://feeds.example.com/world.xml"
XML_TYPE = {"content-type": "application/xml"}
UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff]")


def all_text(feed: ParsedFeed) -> str:
    fields = [feed.title, feed.site_url, feed.warning]
    for entry in feed.entries:
        fields += [v for v in astuple(entry) if isinstance(v, str)]
    return "\n".join(f for f in fields if f)


def item_feed(item: str, prolog: str = "", channel_title: str = "t") -> str:
    return (
        f'<?xml version="1.0"?>\n{prolog}<rss version="2.0"><channel><title>{channel_title}</title>'
        f"<item>{item}</item></channel></rss>"
    )


def test_an_external_entity_leaks_nothing_from_local_files(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    body = item_feed(
        "<title>a &xxe; b</title><link>https://x.example/1</link><description>&xxe;</description>",
        prolog=f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n',
        channel_title="&xxe;",
    ).encode()
    feed = parse_feed(body, XML_TYPE, FEED_URL)
    assert len(feed.entries) == 1
    assert "TOP-SECRET-VALUE" not in all_text(feed)
    assert "entity declarations ignored" in feed.warning


def test_an_external_dtd_is_never_read(tmp_path):
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY leak "DTD-WAS-READ">')
    body = item_feed("<title>&leak;</title>", prolog=f'<!DOCTYPE rss SYSTEM "{dtd.as_uri()}">\n').encode()
    feed = parse_feed(body, XML_TYPE, FEED_URL)
    assert "DTD-WAS-READ" not in all_text(feed)


def test_billion_laughs_finishes_at_once():
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">\n' for i in range(1, 10))
    body = item_feed(
        "<title>&l9;</title><description>&l9;&l9;</description>",
        prolog=f'<!DOCTYPE rss [\n<!ENTITY l0 "lol">\n{levels}]>\n',
    ).encode()
    started = time.perf_counter()
    feed = parse_feed(body, XML_TYPE, FEED_URL)
    assert time.perf_counter() - started < 1.0
    assert "lollol" not in all_text(feed)


QUADRATIC = textwrap.dedent(
    """
    import json, re, resource, sys, time
    def peak_mb():
        # VmHWM starts afresh at exec; ru_maxrss would carry the parent's peak over
        status = open("/proc/self/status").read()
        return int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) / 1024
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))  # fail fast, not swap
    from monitor.parse import parse_feed
    encoding = sys.argv[1]
    body = (
        '<?xml version="1.0" encoding="%s"?>\\n<!DOCTYPE rss [\\n<!ENTITY a "' % encoding
        + "x" * 100_000
        + '">\\n]>\\n<rss version="2.0"><channel><title>t</title><item><title>&a;</title><description>'
        + "&a;" * 20_000
        + "</description></item></channel></rss>"
    ).encode(encoding)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    feed = parse_feed(body, {"content-type": "application/xml"}, "https://x.example/feed")
    print(json.dumps({
        "bytes": len(body),
        "seconds": time.perf_counter() - started,
        "maxrss_mb": peak_mb(),
        "growth_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024,
        "entries": len(feed.entries),
        "summary_chars": len(feed.entries[0].summary_html),
    }))
    """
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-7"])
def test_a_quadratic_blowup_finishes_fast_in_bounded_memory(encoding):
    # Expanded, this document is 1.5 GB; feedparser's lenient parser would build it.
    done = subprocess.run(
        [sys.executable, "-c", QUADRATIC, encoding], capture_output=True, text=True, timeout=120, check=True
    )
    measured = json.loads(done.stdout)
    assert measured["bytes"] >= 160_000
    assert measured["seconds"] < 5
    assert measured["maxrss_mb"] < 300
    assert measured["entries"] == 1
    assert measured["summary_chars"] < 200_000


def test_a_body_that_names_a_local_file_is_not_read():
    with pytest.raises(FeedParseError, match="^not a feed$"):
        parse_feed(b"/etc/passwd", {}, FEED_URL)


def test_a_body_that_is_a_url_is_not_fetched():
    with pytest.raises(FeedParseError, match="^not a feed$"):
        parse_feed(b"http://127.0.0.1:9/feed.xml", {}, FEED_URL)


def test_an_html_page_is_not_a_feed():
    page = b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hello</p></body></html>"
    with pytest.raises(FeedParseError, match=r"^not a feed \(HTML page\)$"):
        parse_feed(page, {"content-type": "text/html; charset=utf-8"}, FEED_URL)


@pytest.mark.parametrize("body", [b"", b"   \r\n\t "])
def test_an_empty_body_is_an_error(body):
    with pytest.raises(FeedParseError, match="^empty body$"):
        parse_feed(body, XML_TYPE, FEED_URL)


def test_json_is_not_a_feed():
    with pytest.raises(FeedParseError, match="^not a feed$"):
        parse_feed(b'{"items": [{"title": "x"}]}', {"content-type": "application/json"}, FEED_URL)


UNICODE_FEED = item_feed(
    "<title>Carney à Pékin — 中加关系</title><link>https://x.example/1</link>",
    channel_title="Nouvelles",
)


@pytest.mark.parametrize(
    ("codec", "declared"),
    [("utf-16", "utf-16"), ("utf-16-le", "utf-16"), ("utf-16-be", "utf-16"), ("utf-16-le", None)],
)
def test_utf16_with_or_without_bom_or_declaration_parses(codec, declared):
    text = UNICODE_FEED if declared else UNICODE_FEED.split("?>", 1)[1].lstrip()
    text = text.replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{declared}"?>')
    feed = parse_feed(text.encode(codec), XML_TYPE, FEED_URL)
    assert only_title(feed) == "Carney à Pékin — 中加关系"


def test_a_utf16_document_cannot_hide_entity_declarations():
    body = item_feed("<title>&a;</title>", prolog='<!DOCTYPE rss [<!ENTITY a "INJECTED">]>\n')
    body = body.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>')
    feed = parse_feed(body.encode("utf-16"), XML_TYPE, FEED_URL)
    assert "INJECTED" not in all_text(feed)


def test_a_wrong_charset_header_does_not_stop_parsing():
    body = UNICODE_FEED.replace(" — 中加关系", "").encode("latin-1")
    feed = parse_feed(body, {"content-type": "text/xml; charset=utf-8"}, FEED_URL)
    assert only_title(feed) == "Carney à Pékin"


def test_utf8_mislabelled_as_latin1_is_read_as_utf8():
    feed = parse_feed(UNICODE_FEED.encode(), {"content-type": "text/xml; charset=iso-8859-1"}, FEED_URL)
    assert only_title(feed) == "Carney à Pékin — 中加关系"
    assert "encoded as UTF-8" in feed.warning


@pytest.mark.parametrize("charset", ["x-made-up", "utf-32", "", "binary"])
def test_unknown_or_absurd_charsets_raise_nothing(charset):
    headers = {"content-type": f"application/xml; charset={charset}"}
    feed = parse_feed(UNICODE_FEED.encode(), headers, FEED_URL)
    assert UNWANTED.search(all_text(feed)) is None


@pytest.mark.parametrize("name", [b"ut\xc2f-8", b"utf\x008", b"\xff\xfe", b"x" * 300])
def test_an_unreadable_encoding_name_is_ignored(name):
    body = UNICODE_FEED.encode().replace(
        b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="' + name + b'"?>'
    )
    assert only_title(parse_feed(body, {}, FEED_URL)) == "Carney à Pékin — 中加关系"


def test_nul_and_control_characters_never_reach_the_output():
    body = item_feed(
        "<title>a\x00b\x01c\x1b&#0;&#1;&#x1F;&#xD800;d</title><link>https://x.example/1</link>"
        "<description>x\x0by\x0c&#x0;&#xDFFF;&#99999999999;&#x110000;z</description>",
        channel_title="c\x00h",
    ).encode()
    feed = parse_feed(body, XML_TYPE, FEED_URL)
    assert UNWANTED.search(all_text(feed)) is None
    assert feed.title == "ch"
    assert only_title(feed).startswith("abc")


def test_invalid_utf8_bytes_raise_nothing():
    body = item_feed("<title>ok \xff\xfe bad</title>").encode("latin-1")
    body = body.replace(b"\xff\xfe", b"\xc3\x28\xa0\xa1")
    feed = parse_feed(body, {"content-type": "application/xml; charset=utf-8"}, FEED_URL)
    assert only_title(feed).startswith("ok ")


def test_markup_in_feeds_is_made_inert():
    body = item_feed(
        "<title>&lt;script&gt;alert(1)&lt;/script&gt;Hi</title><link>javascript:alert(1)</link>"
        "<description><![CDATA[<p onmouseover='x()'>ok</p>"
        '<a href="&#106;avascript:alert(1)">a</a><svg><a xlink:href="javascript:alert(2)">b</a></svg>'
        '<a href="file:///etc/passwd">c</a><form action="https://evil.example"><input name="pw"></form>'
        '<img src="https://track.example/p.gif" width="1" height="1"><a href="/next">d</a>]]></description>'
    ).encode()
    entry = parse_feed(body, XML_TYPE, FEED_URL).entries[0]
    assert entry.link is None
    assert entry.title == "<script>alert(1)</script>Hi"  # plain text, shown as written
    html = entry.summary_html
    for word in ("javascript", "onmouseover", "file:", "form", "input", "img", "track.example", "svg"):
        assert word not in html
    assert '<a href="https://feeds.example.com/next" rel="noopener noreferrer">d</a>' in html


@pytest.mark.parametrize("link", ["http://999.999.999.999/a", "http://a.example:99999/a", "http://[::1/a"])
def test_item_links_no_browser_could_open_raise_nothing(link):
    body = item_feed(
        f"<title>t</title><link>{link}</link><description>&lt;a href='/x'&gt;x&lt;/a&gt;</description>"
    )
    entry = parse_feed(body.encode(), XML_TYPE, FEED_URL).entries[0]
    assert entry.title == "t"
    assert "<a" in entry.summary_html


def test_a_deeply_nested_document_raises_nothing():
    body = item_feed("<title>deep</title><description>" + "<div>" * 20_000 + "</description>").encode()
    feed = parse_feed(body, XML_TYPE, FEED_URL)
    assert only_title(feed) == "deep"


def only_title(feed: ParsedFeed) -> str:
    assert len(feed.entries) == 1
    return feed.entries[0].title


def test_bare_ampersands_read_as_text_on_the_strict_parser_with_raw_hashes():
    # One "&" outside a reference made the whole feed not well-formed, read whole by
    # feedparser's lenient parser (which also turns "Q&A" into "Q&A;"); escaped, it reads as
    # written, on the strict parser, cut into entries a later poll can skip.
    body = item_feed(
        "<title>Q&A: canola & steel</title><link>https://x.example/a?id=1&amp;b=2&c=3</link>"
        "<description><![CDATA[<p>Tom & Jerry &amp; co</p>]]></description>"
    ).encode()
    lenient = feedparser.parse(body)
    assert lenient.bozo  # what the fix is for

    feed = parse_feed(body, XML_TYPE, FEED_URL)

    (entry,) = feed.entries
    assert entry.title == "Q&A: canola & steel"
    assert lenient.entries[0].title == "Q&A;: canola & steel"
    assert entry.link == lenient.entries[0].link == "https://x.example/a?id=1&b=2&c=3"
    assert entry.text == "Tom & Jerry & co"  # CDATA holds its "&" as it is
    assert entry.raw_hash is not None
    assert feed.warning == "not well-formed XML: 3 bare & read as text"


def test_an_html_entity_without_its_semicolon_is_left_to_the_lenient_parser():
    body = item_feed("<title>Tariffs&nbsp rise</title><link>https://x.example/n</link>").encode()
    feed = parse_feed(body, XML_TYPE, FEED_URL)
    (entry,) = feed.entries
    assert feedparser.parse(body).entries[0].title == "Tariffs\xa0 rise"  # decoded, as it always was
    assert entry.title == "Tariffs rise"
    assert entry.raw_hash is None  # still not well-formed: read whole, as before
    assert "not well-formed XML at line" in feed.warning


def _with_bare_ampersands(path: Path) -> bool:
    return b"&" in (body := path.read_bytes()) and escape_bare_ampersands(body)[1] > 0 and bool(
        feedparser.parse(body).bozo)


@pytest.mark.parametrize("path", [p for p in sample_feeds() if _with_bare_ampersands(p)],
                         ids=lambda p: p.name)
def test_a_real_feed_with_bare_ampersands_keeps_the_entries_of_the_lenient_read(path):
    body = path.read_bytes()
    lenient = feedparser.parse(body)
    feed = parse_feed(body, XML_TYPE, FEED_URL)
    assert [e.title for e in feed.entries] == [" ".join(e.title.split()) for e in lenient.entries]
    assert [e.link for e in feed.entries] == [e.link for e in lenient.entries]
    assert all(e.raw_hash for e in feed.entries)


def test_unclosed_comments_and_sections_cost_linear_time_when_escaping_ampersands():
    # One search per opening: a million unclosed "<!--" must not mean a million scans to the end.
    body = item_feed("<title>a & b</title>" + "<!--" * 250_000 + "<![CDATA[" * 100_000).encode()
    start = time.process_time()
    escaped, count = escape_bare_ampersands(body)
    assert time.process_time() - start < 2.0  # quadratic would take minutes
    assert count == 1 and b"a &amp; b" in escaped
