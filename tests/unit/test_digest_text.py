"""Feed text made fit for a digest: one clean line, and a summary cut where a sentence ends."""

from __future__ import annotations

import pytest

from monitor.digest.text import clean_text, cut_words, sentence_ends, summarize


def test_control_characters_and_line_breaks_become_single_spaces():
    assert clean_text("Tariffs\x00 on\x07\tcanola\r\n\u2028rise\x85 ") == "Tariffs on canola rise"


def test_bidirectional_overrides_are_removed_so_text_reads_as_stored():
    assert clean_text("invoice\u202efdp.exe") == "invoicefdp.exe"


def test_missing_text_is_an_empty_line():
    assert clean_text(None) == ""


def test_a_summary_keeps_two_short_sentences_and_drops_the_rest():
    text = "Ottawa cut the tariff. Beijing welcomed it. Farmers were cautious. Prices rose."
    assert summarize(text) == "Ottawa cut the tariff. Beijing welcomed it."


def test_a_long_first_sentence_stands_alone():
    first = "Canada and China agreed on Friday to " + "resume talks on many things " * 4 + "soon."
    assert summarize(first + " A second sentence follows.") == first


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "The U.S. and Mr. Li met J. Smith in Beijing. Talks went on."
    assert sentence_ends(text) == [len("The U.S. and Mr. Li met J. Smith in Beijing."), len(text)]


def test_chinese_full_stops_end_sentences():
    assert summarize("加拿大总理访华。双方讨论了贸易问题。第三句。") == "加拿大总理访华。双方讨论了贸易问题。"


def test_a_summary_without_any_sentence_end_is_cut_at_a_word_with_an_ellipsis():
    summary = summarize("word " * 200, limit=100)
    assert len(summary) <= 100
    assert summary.endswith("word…")


def test_a_summary_never_exceeds_its_limit_even_for_one_unbroken_word():
    assert len(summarize("x" * 1000, limit=50)) == 50


def test_a_summary_does_not_repeat_the_headline_that_opens_the_text():
    assert summarize("Canola tariff cut. Ottawa acted on Friday.", title="Canola tariff cut") == (
        "Ottawa acted on Friday."
    )


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01"])
def test_an_empty_text_gives_an_empty_summary(text):
    assert summarize(text) == ""


def test_cutting_words_keeps_short_text_whole():
    assert cut_words("short", 10) == "short"


def test_a_period_length_reads_as_days_or_hours_never_as_raw_seconds():
    from datetime import timedelta

    from monitor.digest.wording import span

    assert span(timedelta(days=7)) == "7 days"
    assert span(timedelta(hours=12)) == "12 hours"
    assert span(timedelta(days=2523, seconds=53897)) == "2,524 days"
    assert span(timedelta(hours=5, minutes=31, seconds=3)) == "5.5 hours"
