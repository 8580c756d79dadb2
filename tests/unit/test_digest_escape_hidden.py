"""Formula starts hidden behind invisible or full-width characters, and bidi controls in links."""

from __future__ import annotations

import pytest

from monitor.digest.escape import csv_cell, md_link, safe_url


@pytest.mark.parametrize(
    "value",
    ["\u200b=HYPERLINK(\"http://evil.example\")", "\ufeff=1+1", "\uff1dSUM(A1)", "\uff0b1", "\uff0d1",
     "\uff20SUM(A1)", "\u00a0=1", "\u2060\u200b @x", "\u3000=cmd"],
)
def test_a_formula_start_behind_invisible_or_full_width_characters_is_neutralised(value):
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["\u200bCanola", "\uff21BC", "a\u200b=b", "Canada;=HYPERLINK(1)"])
def test_text_that_does_not_start_a_formula_is_left_alone(value):
    assert csv_cell(value) == value


@pytest.mark.parametrize("control", ["\u202e", "\u202a", "\u202d", "\u2066", "\u2069", "\u200e", "\u200f",
                                     "\u061c"])
def test_bidirectional_controls_are_stripped_from_links(control):
    url = f"https://news.example/{control}gpj.exe"
    assert safe_url(url) == "https://news.example/gpj.exe"
    assert md_link("title", url) == "[title](https://news.example/gpj.exe)"
