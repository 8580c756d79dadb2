"""Feed text stays text in every format: links only to http(s), inert Markdown, inert spreadsheet cells."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest
from markdown_it import MarkdownIt

from monitor.digest.escape import csv_cell, md_link, md_text, safe_url

HOSTILE = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "<http://evil.example>",
    "**bold** _it_ `code` ~~gone~~",
    "# not a heading",
    "- not a list",
    "1. not a list",
    "> not a quote",
    "&lt;b&gt; &amp; &#60;",
    "a | b | c",
    "\\[escaped\\]",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "<img src=x onerror=alert(1)>",
    "text ending in a backslash\\",
]


def rendered(markdown: str) -> str:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


def visible_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html)).strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_text_renders_as_exactly_itself(text):
    html = rendered(md_text(text, line_start=True))
    assert visible_text(html) == text
    assert not re.search(r"<(a|img|script|strong|em|code|h\d|li|blockquote|table|s)\b", html)


@pytest.mark.parametrize("text", HOSTILE)
def test_a_markdown_link_label_renders_as_its_text_and_links_only_where_it_should(text):
    html = rendered("- " + md_link(text, "https://news.example/a_(1)?q=é"))
    assert visible_text(html) == text
    assert re.findall(r'href="([^"]*)"', html) == ["https://news.example/a_%281%29?q=%C3%A9"]


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd",
     "vbscript:x", "//evil.example/x", "/relative/path", "http://", "https://a.example/\"onmouseover=x",
     "https://a.example/ x", "http://a.example/\nx", None, ""],
)
def test_only_absolute_http_links_are_links(url):
    assert safe_url(url) is None
    html = rendered(md_link("title", url))
    assert "href" not in html


@pytest.mark.parametrize("url", ["http://news.example/a?b=1&c=2#x", "HTTPS://News.Example/path"])
def test_http_and_https_links_are_kept(url):
    assert safe_url(url) == url


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "  =cmd|' /C calc'!A0"])
def test_spreadsheet_formulas_are_neutralised_with_a_leading_quote(value):
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Canola", "2026-01-20", "", "a=b", "100%"])
def test_ordinary_cells_are_left_alone(value):
    assert csv_cell(value) == value


def test_a_neutralised_cell_reads_back_through_the_csv_module_unchanged_otherwise():
    out = io.StringIO()
    csv.writer(out).writerow([csv_cell('=HYPERLINK("x","y")'), csv_cell("a,b\nc")])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ['\'=HYPERLINK("x","y")', "a,b\nc"]
