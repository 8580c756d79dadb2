"""How the text of HTML is laid out: which tags break lines, and which spaces fold."""

from __future__ import annotations

import pytest

from monitor.sanitize import clean_html_to_text, html_to_text


@pytest.mark.parametrize("to_text", [clean_html_to_text, html_to_text])
def test_block_tags_break_lines_in_any_letter_case(to_text):
    assert to_text("<P>a</P><Br>b<DIV>c</dIv>d") == "a\nb\nc\nd"


@pytest.mark.parametrize("to_text", [clean_html_to_text, html_to_text])
def test_tags_whose_names_only_begin_like_block_tags_do_not_break_lines(to_text):
    assert to_text("<p2>a</p2>b<pre1>c</pre1><bra>d") == "abcd"


def test_a_quoted_angle_bracket_inside_a_tag_does_not_end_it():
    assert clean_html_to_text('<a title="x>y">link</a> <p title="<p>">z</p>') == "link\nz"


def test_runs_of_spaces_tabs_and_no_break_spaces_fold_into_one_space_and_other_spaces_stay():
    assert clean_html_to_text("a \t\u00a0 b\u2003\u2003c  d\t") == "a b\u2003\u2003c d"


def test_lines_lose_every_kind_of_space_at_their_ends_and_blank_lines_go():
    assert clean_html_to_text("<p>\u3000 a \u2028</p><p> </p><p>\u00a0</p>\r\n<p>\tb\x0b</p>") == "a\nb"


def test_control_characters_that_entities_spell_are_removed_from_the_text():
    assert clean_html_to_text("<p>a&#x81;b&#13;c</p>") == "ab\nc"
