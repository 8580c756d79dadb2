"""Links in sanitised HTML: relative ones resolved, absolute ones kept as written, however it was cleaned."""

from __future__ import annotations

import threading

import pytest

from monitor.sanitize import sanitize_html

BASE = "https://news.example.com/world/story.html"
UNUSABLE_BASES = ["http://999.999.999.999/a", "http://a.example:99999/", "http://xn--zz/"]
# Spellings a URL parser would rewrite: upper case, no path, spaces, non-ASCII,
# a default port, dot segments, a scheme without slashes, an empty query.
ODD_ABSOLUTE = [
    "HTTPS://Ex.COM",
    "https://ex.example",
    "https://ex.example/a b",
    "https://ex.example/caf\u00e9",
    "https://ex.example:443/x",
    "https://ex.example/a/../b/./c",
    "http:ex.example/x",
    "https://ex.example/?",
    "MAILTO:Desk@Example.com",
]


@pytest.mark.parametrize("href", ODD_ABSOLUTE)
@pytest.mark.parametrize("base", [BASE, None, *UNUSABLE_BASES])
def test_absolute_links_are_kept_exactly_as_written_whatever_the_base(href, base):
    cleaned = sanitize_html(f'<p>See <a href="{href}">this</a>.</p>', base)
    assert cleaned == f'<p>See <a href="{href}" rel="noopener noreferrer">this</a>.</p>'


def test_relative_links_are_resolved_when_absolute_links_surround_them():
    cleaned = sanitize_html(
        '<a href="https://a.example/">a</a><A HREF=../asia/b.html>b</A><a href="//cdn.example/c">c</a>', BASE
    )
    assert cleaned == (
        '<a href="https://a.example/" rel="noopener noreferrer">a</a>'
        '<a href="https://news.example.com/asia/b.html" rel="noopener noreferrer">b</a>'
        '<a href="https://cdn.example/c" rel="noopener noreferrer">c</a>'
    )


@pytest.mark.parametrize("base", [None, *UNUSABLE_BASES])
def test_relative_links_are_dropped_and_absolute_ones_kept_without_a_usable_base(base):
    cleaned = sanitize_html('<a href="/x">rel</a><a href="https://ok.example/">abs</a>', base)
    assert cleaned == (
        '<a rel="noopener noreferrer">rel</a><a href="https://ok.example/" rel="noopener noreferrer">abs</a>'
    )


def test_text_that_spells_the_sanitisers_own_relative_link_mark_is_kept_as_text():
    mark = "\ufdd0relative link\ufdd0"
    assert sanitize_html(f"<p>{mark}</p>", BASE) == f"<p>{mark}</p>"
    assert sanitize_html(f'<p>{mark}</p><a href="x.html">x</a>', BASE) == (
        f'<p>{mark}</p><a href="https://news.example.com/world/x.html" rel="noopener noreferrer">x</a>'
    )


def test_sanitising_on_several_threads_at_once_gives_what_one_thread_gives():
    markups = [
        f'<p onclick="x()">{i}</p><a href="{"/rel" if i % 3 else "https://abs.example"}/{i}">l</a><script>s()</script>'
        for i in range(300)
    ]
    expected = [sanitize_html(m, BASE) for m in markups]
    results: dict[int, list[str]] = {}

    def work(k: int) -> None:
        results[k] = [sanitize_html(m, BASE) for m in markups]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(results[k] == expected for k in range(4))
    assert "https://news.example.com/rel/1" in expected[1]
