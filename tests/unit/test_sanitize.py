"""Feed HTML made inert, feed HTML made text, and XML prologs without entities."""

from __future__ import annotations

import time

import pytest

from monitor.sanitize import MAX_DEPTH, html_to_text, neutralise_dtd, plain_to_html, safe_xml, sanitize_html

BASE = "https://news.example.com/world/story.html"


@pytest.mark.parametrize(
    "hostile",
    [
        '<a href="javascript:alert(1)">x</a>',
        '<a href="&#106;avascript&#58;alert(1)">x</a>',
        '<a href="java&#x09;script:alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="file:///etc/passwd">x</a>',
        '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    ],
)
def test_links_that_are_not_web_or_mail_never_survive(hostile):
    cleaned = sanitize_html(hostile, BASE)
    assert "javascript" not in cleaned.lower()
    assert "file:" not in cleaned
    assert "data:" not in cleaned
    assert "href" not in cleaned


def test_scripts_styles_frames_and_forms_are_gone_with_their_code():
    cleaned = sanitize_html(
        "<p onclick='steal()' style='color:red'>Text</p><script>steal()</script>"
        "<style>p{}</style><iframe src='https://evil.example'></iframe>"
        "<form action='https://evil.example'><input name='pw'><textarea>t</textarea>"
        "<button>Send</button></form><object data='x.swf'></object>",
        BASE,
    )
    assert cleaned.startswith("<p>Text</p>")
    for word in ("steal", "style", "iframe", "form", "input", "textarea", "object", "onclick", "evil"):
        assert word not in cleaned


def test_tracking_pixels_and_other_images_are_dropped():
    cleaned = sanitize_html(
        '<p>Story</p><img src="https://track.example/p.gif?u=1" width="1" height="1">'
        '<img src="https://img.example/photo.jpg" alt="Photo">',
        BASE,
    )
    assert cleaned == "<p>Story</p>"


def test_relative_links_are_resolved_against_the_item_and_open_without_referrer():
    cleaned = sanitize_html('<a href="/asia/next.html?a=1&amp;b=2">Next</a>', BASE)
    assert cleaned == (
        '<a href="https://news.example.com/asia/next.html?a=1&amp;b=2" rel="noopener noreferrer">Next</a>'
    )


def test_relative_links_without_a_usable_base_are_dropped():
    assert "href" not in sanitize_html('<a href="/x">x</a>', None)
    assert "href" not in sanitize_html('<a href="/x">x</a>', "file:///tmp/feed.xml")


@pytest.mark.parametrize(
    "odd_base",
    ["http://999.999.999.999/a", "http://a.example:99999/", "http://xn--zz/", "http://ex%ample.com/"],
)
def test_a_base_the_sanitiser_cannot_use_drops_relative_links_instead_of_failing(odd_base):
    cleaned = sanitize_html('<a href="/x">rel</a> <a href="https://ok.example/">abs</a>', odd_base)
    assert cleaned == (
        '<a rel="noopener noreferrer">rel</a> <a href="https://ok.example/" rel="noopener noreferrer">abs</a>'
    )


def test_web_and_mail_links_and_plain_structure_are_kept():
    markup = (
        '<h2>Trade</h2><p>Read <a href="https://gov.example.ca/canola" title="Notice">the notice</a>'
        ' or <a href="mailto:desk@example.com">write</a>.</p><ul><li><em>one</em></li></ul>'
        "<blockquote>quoted</blockquote>"
    )
    cleaned = sanitize_html(markup, BASE)
    assert '<a href="https://gov.example.ca/canola" title="Notice" rel="noopener noreferrer">' in cleaned
    assert '<a href="mailto:desk@example.com" rel="noopener noreferrer">' in cleaned
    assert "<h2>Trade</h2>" in cleaned
    assert "<ul><li><em>one</em></li></ul>" in cleaned
    assert "<blockquote>quoted</blockquote>" in cleaned


def test_html_comments_and_control_characters_are_removed():
    assert sanitize_html("<p>a<!-- secret -->b\x00\x1bc</p>", BASE) == "<p>abc</p>"


def test_text_of_html_has_no_tags_decoded_entities_and_one_block_per_line():
    text = html_to_text(
        "<p>Canada &amp; China&nbsp;talk</p><ul><li>canola</li><li>steel &lt;tariffs&gt;</li></ul>"
        '<script>var x = "hidden";</script><a title="a>b" href="https://x.example">link</a>'
    )
    assert text == "Canada & China talk\ncanola\nsteel <tariffs>\nlink"


def test_plain_text_becomes_escaped_html_with_line_breaks():
    escaped = plain_to_html("1 < 2 & <b>not bold</b>\nnext")
    assert escaped == "1 &lt; 2 &amp; &lt;b&gt;not bold&lt;/b&gt;<br>next"


def test_the_internal_dtd_subset_goes_and_the_external_identifier_stays():
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd" [\n'
        b'<!ENTITY a "]>not the end">\n<!-- ] -->\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<rss/>'
    )
    cleaned, declared = neutralise_dtd(data)
    assert declared
    assert cleaned == (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss/>'
    )


def test_a_doctype_without_a_subset_is_left_alone():
    data = b'<!DOCTYPE rss SYSTEM "http://example.com/rss.dtd">\n<rss version="0.91"><channel/></rss>'
    assert neutralise_dtd(data) == (data, False)


def test_entity_declarations_outside_the_prolog_doctype_are_escaped_into_text():
    data = b'<rss>\n<!DOCTYPE x [<!ENTITY a "x">]>\n<!ENTITY b "y">\n</rss>'
    cleaned, declared = neutralise_dtd(data)
    assert declared
    assert cleaned == b'<rss>\n<!DOCTYPE x [&lt;!ENTITY a "x">]>\n&lt;!ENTITY b "y">\n</rss>'


def test_junk_before_the_doctype_does_not_keep_its_subset_alive():
    cleaned, _ = neutralise_dtd(b'junk\n<!DOCTYPE rss [\n<!ENTITY a "x">\n]>\n<rss/>')
    assert cleaned == b"junk\n<!DOCTYPE rss>\n<rss/>"


def test_an_unterminated_subset_swallows_the_rest_of_the_document():
    cleaned, declared = neutralise_dtd(b'<!DOCTYPE rss [<!ENTITY a "aaaa">\n<rss><channel/></rss>')
    assert declared
    assert cleaned == b"<!DOCTYPE rss>"


@pytest.mark.parametrize(
    "pattern",
    [b'<!DOCTYPE "', b"<!DOCTYPE [ '", b"<!DOCTYPE [ <!--", b"<!ENTITY ", b"<!DOCTYPE x [ <?"],
)
def test_neutralising_runs_in_linear_time_on_hostile_repetition(pattern):
    started = time.perf_counter()
    neutralise_dtd(pattern * 200_000)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("nest", ["<div>", "<ul>", "<blockquote>", "<div></span>", "<b><div>"])
def test_markup_nested_thousands_deep_is_shown_as_text_quickly(nest):
    markup = nest * 50_000 + "end &amp; <b>bold</b> <a href='javascript:x()'>link</a>"
    started = time.perf_counter()
    cleaned = sanitize_html(markup, BASE)
    text = html_to_text(markup)
    assert time.perf_counter() - started < 1.0
    assert cleaned == "end &amp; bold link"
    assert text == "end & bold link"


def test_ordinary_nesting_keeps_its_markup():
    markup = "<div>" * (MAX_DEPTH - 1) + "<p>deep <b>but fine</b></p>" + "</div>" * MAX_DEPTH
    markup += "<p>para" * 1000 + "<br>" * 1000
    assert "<b>but fine</b>" in sanitize_html(markup, BASE)


def test_safe_xml_drops_characters_xml_forbids_raw_or_referenced():
    data = b"<t>a\x00b\x1bc&#0;&#x1;&#xD800;&#xdfff;&#xFFFE;&#1114112;&#99999999999;d&#9;&#x10FFFF;&#233;</t>"
    cleaned, declared = safe_xml(data)
    assert cleaned == b"<t>abcd&#9;&#x10FFFF;&#233;</t>"
    assert not declared


def test_safe_xml_keeps_escaped_references_as_text():
    assert safe_xml(b"<t>&amp;#0; and &#38;</t>") == (b"<t>&amp;#0; and &#38;</t>", False)
