"""Canonical URLs, clean text and UTC dates."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from monitor.normalize import canonical_url, clean_text, one_line, sha256_hex, utc_datetime, web_url


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        (
            "https://www.Example.COM/news/a?id=7&utm_source=rss&utm_Medium=feed#top",
            "https://www.example.com/news/a?id=7",
        ),
        ("HTTP://example.com/a?fbclid=xyz&b=2&gclid=q", "http://example.com/a?b=2"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com/a?z=1&a=%20x&utm_campaign=c", "https://example.com/a?z=1&a=%20x"),
        ("https://example.com/Path/Case", "https://example.com/Path/Case"),
    ],
)
def test_canonical_urls_drop_tracking_and_fragments_and_lower_case_the_host(given, canonical):
    assert canonical_url(given) == canonical


@pytest.mark.parametrize(
    "given",
    [None, "", "javascript:alert(1)", "file:///etc/passwd", "mailto:a@b.c", "/relative", "http://"],
)
def test_only_absolute_web_urls_have_a_canonical_form(given):
    assert canonical_url(given) is None


def test_relative_links_are_resolved_against_the_base():
    assert web_url("../b?x=1", "https://example.com/feeds/a/rss") == "https://example.com/feeds/b?x=1"
    assert web_url("//cdn.example.com/x", "https://example.com/") == "https://cdn.example.com/x"
    assert web_url("javascript:alert(1)", "https://example.com/") is None
    assert web_url("http://exa mple.com/") is None


def test_clean_text_removes_control_characters_and_lone_surrogates_but_keeps_lines_and_tabs():
    assert clean_text("a\x00b\x07c\r\nd\re\tf\x7f\x85g\ud800h\ufffe") == "abc\nd\ne\tfgh"


def test_one_line_folds_all_whitespace():
    assert one_line("  Breaking:\n\tCanada \u00a0 and  China ") == "Breaking: Canada and China"


def test_utc_datetime_reads_feedparser_struct_time_as_aware_utc():
    assert utc_datetime(time.gmtime(0)) == datetime(1970, 1, 1, tzinfo=UTC)
    leap_second = time.struct_time((2016, 12, 31, 23, 59, 60, 5, 366, 0))
    assert utc_datetime(leap_second) == datetime(2016, 12, 31, 23, 59, 59, tzinfo=UTC)


@pytest.mark.parametrize("bad", [None, time.struct_time((0, 13, 40, 0, 0, 0, 0, 0, 0))])
def test_utc_datetime_of_nothing_or_nonsense_is_none(bad):
    assert utc_datetime(bad) is None


def test_hash_parts_cannot_slide_into_each_other():
    assert sha256_hex("ab", "c") != sha256_hex("a", "bc")
    assert len(sha256_hex("x")) == 64
