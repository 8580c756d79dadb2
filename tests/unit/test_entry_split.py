"""entry_spans cuts only documents it reads with certainty, and cuts them exactly at their entries."""

from __future__ import annotations

from monitor.entry_split import entry_spans, without_spans

RSS = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    b"<channel><title>W</title>ITEMS<link>https://news.example.com/</link></channel></rss>"
)


def rss(items: bytes) -> bytes:
    return RSS.replace(b"ITEMS", items)


def pieces(data: bytes) -> list[bytes]:
    spans = entry_spans(data)
    assert spans is not None
    return [data[s.start : s.end] for s in spans]


def test_rss_items_are_cut_at_their_exact_bytes_even_with_a_gt_in_an_attribute():
    items = [
        b"<item><guid>a</guid><dc:date>2026-01-01</dc:date></item>", b'<item id="x>y"/>', b"<item >b</item >"
    ]

    assert pieces(rss(b"\n".join(items))) == items


def test_atom_entries_and_rss_1_items_are_cut():
    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/"><title>A</title>'
        b"<entry><id>1</id></entry><entry><id>2</id><content type='xhtml'>"
        b'<div xmlns="http://www.w3.org/1999/xhtml">x</div></content></entry></feed>'
    )
    rdf = (
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
        b'<channel rdf:about="c"><title>R</title></channel>'
        b'<item rdf:about="i"><title>I</title></item></rdf:RDF>'
    )

    assert pieces(atom) == [
        b"<entry><id>1</id></entry>",
        b"<entry><id>2</id><content type='xhtml'><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></content></entry>",
    ]
    assert pieces(rdf) == [b'<item rdf:about="i"><title>I</title></item>']


def test_cutting_entries_out_leaves_the_rest_of_the_document_untouched():
    data = rss(b"<item>a</item><item>b</item><item>c</item>")
    spans = entry_spans(data)
    assert spans is not None

    assert without_spans(data, [spans[0], spans[2]]) == rss(b"<item>b</item>")


def test_entries_of_the_same_document_share_their_context_and_other_attributes_change_it():
    first = entry_spans(rss(b"<item>a</item><item>b</item>"))
    other = entry_spans(rss(b"<item>a</item>").replace(b"<channel>", b'<channel xml:base="https://b.example/">'))
    assert first is not None and other is not None

    assert first[0].context == first[1].context != other[0].context


def test_documents_read_with_any_doubt_are_not_cut():
    doubtful = [
        rss(b"<item>a &nbsp; b</item>"),  # an entity XML does not define
        b'<!DOCTYPE rss SYSTEM "http://my.netscape.com/rss-0.91.dtd">' + rss(b"<item>a</item>"),
        rss(b"<item>a</item"),  # not well-formed
        rss(b"<item><item>nested</item></item>"),
        rss(b"<image><item>astray</item></image>"),
        b'<rss version="2.0"><item>outside the channel</item><channel/></rss>',
        b"<html><body><item>a</item></body></html>",
        rss(b'<item xmlns:dc="http://purl.org/rss/1.0/modules/content/"><dc:x>rebound</dc:x></item>'),
        rss(b""),  # nothing to cut
    ]

    assert [entry_spans(data) for data in doubtful] == [None] * len(doubtful)


def test_an_entry_restating_a_prefix_as_declared_above_is_still_cut():
    item = b'<item xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:date>2026-01-01</dc:date></item>'

    assert pieces(rss(item)) == [item]


def test_entity_declarations_are_never_expanded_while_cutting():
    laughs = b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'

    assert entry_spans(laughs + rss(b"<item>&b;</item>").split(b"\n", 1)[1]) is None
