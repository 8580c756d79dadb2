"""Which characters clean text keeps, in ASCII text and in any other."""

from __future__ import annotations

import pytest

from monitor.normalize import clean_text, one_line

CONTROLS = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\x7f"]


def test_every_ascii_control_but_tab_and_newline_is_removed_and_every_other_ascii_character_kept():
    every = "".join(chr(c) for c in range(128))
    assert clean_text(every) == "\t\n\n" + "".join(chr(c) for c in range(0x20, 0x7F))


@pytest.mark.parametrize("control", CONTROLS)
def test_text_with_other_scripts_loses_the_same_controls_as_ascii_text(control):
    assert clean_text(f"a{control}b") == "ab"
    assert clean_text(f"\u4e2d{control}\u00e9") == "\u4e2d\u00e9"


@pytest.mark.parametrize("text", ["a\r\nb\rc", "\u00e9\r\nb\rc"])
def test_carriage_returns_become_newlines_in_any_text(text):
    assert clean_text(text) == text.replace("\r\n", "\n").replace("\r", "\n")


def test_c1_controls_surrogates_and_noncharacters_go_and_other_unusual_characters_stay():
    assert clean_text("a\x85\x9f\ud800\udfff\ufffe\uffffb") == "ab"
    assert clean_text("\u00a0\u200b\u2028\ufdd0\U0001f600") == "\u00a0\u200b\u2028\ufdd0\U0001f600"


SPACES = [" ", "\t", "\n", "\u00a0", "\u1680", "\u2003", "\u2028", "\u205f", "\u3000"]


@pytest.mark.parametrize("space", SPACES)
def test_one_line_folds_every_kind_of_space_into_one(space):
    assert one_line(f"{space}a{space}{space}b {space}") == "a b"


def test_one_line_removes_controls_before_it_folds():
    assert one_line("a \x1c\x85 b\x1fc") == "a bc"
