"""Folding and word finding on every kind of text: each shortcut agrees with the plain rule.

Folding is defined one character at a time, and a word is a run of letters and digits
(two characters of a script written without spaces); the matcher takes shortcuts for
the usual text (ASCII, a few accents, a dash) and must find the same words at the same
offsets in any text.
"""

from __future__ import annotations

import random
import re

from monitor.textmatch import TermMatcher, fold

# Characters from the scripts, punctuation and oddities headlines are made of: ligatures
# and fractions that fold to several characters, lone combining accents that fold to
# none, letters whose folded form folds again (ẛ), final sigma, surrogates, emoji.
ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'\"-_/()&\n\t"
ACCENTED = "àéîõüçñßæøœÀÉÎÕÜÇÑÅåÿ"
PUNCTUATION = "’‘“”«»—–…·\xa0\u200b"
ODD = "ﬁﬂ½²ǅİẞſẛΣσςΟΔЖКанадаḯ\u0301\u0327\ud800\U0001f600"
FULL_WIDTH = "ＣＡｎａ１，"
NO_SPACE = "中国加拿大・カナダ"


def random_text(rng: random.Random, alphabet: str, length: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


def test_folding_agrees_character_by_character_in_every_script():
    rng = random.Random(11)
    extras = ACCENTED + PUNCTUATION + ODD + FULL_WIDTH + NO_SPACE
    for round_ in range(600):
        # mostly ASCII with a few distinct others, as in news; now and then many of them
        few = round_ % 4 != 3
        alphabet = ASCII * 6 + "".join(rng.sample(extras, 3 if few else 30))
        text = random_text(rng, alphabet, rng.randint(0, 120))
        folded = fold(text)
        pieces = [fold(ch).text for ch in text]
        assert folded.text == "".join(pieces), repr(text)
        at = 0
        for index, piece in enumerate(pieces):
            if piece:
                start, end = folded.original_span(at, at + len(piece))
                assert start == index and end > index, (repr(text), index)
            at += len(piece)


def reference_words(text: str) -> list[re.Match[str]]:
    """Words as defined, for text without scripts written without spaces."""
    return list(re.finditer(r"[^\W_]+", fold(text).text))


VOCABULARY = ["canada", "china", "ottawa", "beijing", "b2b", "x"]
OTHER_WORDS = ["the", "and", "a", "canadas", "chinas", "xx", "2025", "Ottawa", "CANADA", "chİna"]
FOREIGN_WORDS = ["Кана́да", "œuvre", "straße", "Ελλάδα", "ﬁn", "Ｃａｎａｄａ"]
SEPARATORS = [" ", "  ", ", ", "-", "—", "–", "’", "'", ".", "\n", "/", "_", " « ", " » ", "…", "·", "\xa0"]


def test_every_word_is_found_at_its_offsets_whatever_surrounds_it():
    matcher = TermMatcher(VOCABULARY)
    rng = random.Random(5)
    for round_ in range(800):
        words = VOCABULARY + OTHER_WORDS + (FOREIGN_WORDS if round_ % 3 == 0 else [])
        separators = SEPARATORS if round_ % 2 else [" ", ", ", "-", "."]
        text = "".join(
            rng.choice(words) + rng.choice(separators) for _ in range(rng.randint(0, 25))
        )
        expected = [
            (VOCABULARY.index(m.group()), m.start(), m.end(), index, index)
            for index, m in enumerate(reference_words(text))
            if m.group() in VOCABULARY
        ]
        assert list(matcher.scan(text).hits) == expected, repr(text)


def test_a_repeated_word_is_located_at_each_of_its_places():
    matcher = TermMatcher(["canada"])
    text = "Canada, canada; CANADA—canada canada"
    spans = [(start, end) for _, start, end, _, _ in matcher.scan(text).hits]
    assert [text[s:e] for s, e in spans] == ["Canada", "canada", "CANADA", "canada", "canada"]
    assert spans[-1] == (len(text) - 6, len(text))


def test_a_phrase_is_found_after_earlier_copies_of_its_first_word_that_led_nowhere():
    matcher = TermMatcher(["in canada", "in china"])
    text = "Made in Ottawa, sold in Toronto, taxed in Canada and in China"
    hits = matcher.scan(text).hits
    assert [text[start:end] for _, start, end, _, _ in hits] == ["in Canada", "in China"]
    assert [(first, last) for _, _, _, first, last in hits] == [(7, 8), (10, 11)]


def test_words_of_a_script_without_spaces_and_spaced_words_are_found_together():
    matcher = TermMatcher(["加拿大", "canola", "in canada"])
    text = "加拿大对Canola征税 — made in Canada，中国"
    hits = matcher.scan(text).hits
    assert [(text[start:end], first, last) for _, start, end, first, last in hits] == [
        ("Canola", 2, 2), ("in Canada", 5, 6), ("加拿大", 0, 1),
    ]


def test_a_word_too_long_to_remember_is_still_found_every_time():
    matcher = TermMatcher(["canadian*"])
    word = "Canadian" + "ish" * 20
    for _ in range(3):
        [hit] = matcher.scan(f"A {word} plan").hits
        assert hit[1:3] == (2, 2 + len(word))


def test_terms_are_found_while_and_after_the_matcher_forgets_the_words_it_has_seen():
    matcher = TermMatcher(["canada", "in canada", "tariff*"])
    # more distinct words than the matcher keeps (200,000), a few texts at a time
    for batch in range(42):
        filler = " ".join(f"w{batch}x{i}" for i in range(5_000))
        text = f"{filler} tariffs in Canada {filler[:50]}"
        terms = [matcher.terms[hit[0]] for hit in matcher.scan(text).hits]
        assert terms == ["tariff*", "in canada", "canada"], batch
