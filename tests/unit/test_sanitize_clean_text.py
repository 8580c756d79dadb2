"""clean_html_to_text reads clean markup exactly as html_to_text does, without a second clean."""

from __future__ import annotations

import pytest

from monitor.sanitize import clean_html_to_text, html_to_text, plain_to_html, sanitize_html

MARKUP = [
    "<p>Ottawa &amp; Beijing</p><p>Talks <b>resume</b> on canola</p>",
    '<a href="/x" title="a > b &quot;quoted&quot; <i>">link text</a> after',
    "<div><table><tr><td>one</td><td>two</td></tr></table></div>tail",
    "<b>bold <p>para</b> still</p><i>x<u>y</i>z</u>",
    "<ul><li>first<li>second</ul><br>after&nbsp;break<hr>rule",
    "<p>before<!-- <p>comment</p> -->after</p><script>alert(1)</script><style>p{}</style>",
    "text with &lt;not a tag&gt; and a lone < sign and 5 > 3",
    "<h1>Title</h1>\r\n<blockquote>quote\tindented</blockquote><pre>  code\n  lines</pre>",
    "<img src=x onerror=alert(1)>picture<svg><text>vector</text></svg><figure><figcaption>cap",
    "<p>" + "<span>deep " * 300 + "</p>",
    "caf\u00e9 \u4e2d\u56fd <em>\u00e9t\u00e9</em> &#x1F600; &#0; \x07bell",
]


@pytest.mark.parametrize("markup", MARKUP)
def test_the_text_of_sanitised_markup_is_what_html_to_text_finds_in_it(markup):
    clean = sanitize_html(markup, "https://news.example.org/a/")
    assert clean_html_to_text(clean) == html_to_text(clean)


@pytest.mark.parametrize("markup", MARKUP)
def test_the_text_of_escaped_plain_text_is_the_plain_text_as_html_to_text_gives_it(markup):
    escaped = plain_to_html(markup)
    assert clean_html_to_text(escaped) == html_to_text(escaped)


def test_block_tags_break_lines_and_inline_tags_do_not():
    clean = sanitize_html('<p>One <a href="https://x.example/" title="a>b">two</a></p><p>three</p>')
    assert clean_html_to_text(clean) == "One two\nthree"
