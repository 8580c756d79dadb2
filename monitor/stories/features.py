"""What an item says that can tell one happening from another, as weighted feature keys.

Every feature is a string key with a weight (how much the kind of feature says, before
the clusterer weighs it by how rare it is):

    w:<stem>    a Latin-script word, cut to its first letters so that "tariffs", "tariff"
                and the French "tarifs" meet; names and acronyms weigh more
    n:<digits>  a number or amount ("100%", "10,000", the "4" of "4公民")
    z:<pair>    two adjacent characters of a script written without spaces (Chinese)
    r:<rule>    a tracked-issue rule group that matched: the rules list English, French and
                Chinese terms for one concept, so this key is the same in every language
    c:<name>    a thing named in resources/stories.toml's [names] (a country, a leader, an
                institution, a kind of measure) in English, French or Chinese; numbers
                written as words ("four", "quatre") give the n: key of their digits

Words of the title and of the summary's first sentence (which names who, where and how
much) count fully, the rest of the summary counts half: summaries run long and drift
from the happening the headline reports.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from importlib import resources

from monitor.rules import RuleSet
from monitor.textmatch import TermMatcher, fold

RESOURCE = "stories.toml"
STEM_LENGTH = 5  # "tarif", "canad", "execu": cheap stemming that also joins French and English
TITLE_WEIGHT = 1.0
LEAD_WEIGHT = 1.0  # the summary's first sentence names who, where and how much
SUMMARY_WEIGHT = 0.5
NAME_WEIGHT = 1.5  # a capitalised name or an acronym says more than a common word
NUMBER_WEIGHT = 1.5
PAIR_WEIGHT = 0.5  # two characters say less than a word; a Chinese word gives several pairs
CONCEPT_WEIGHT = 1.0

_STEM_CACHE_LIMIT = 200_000
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RUN_RE = re.compile(f"[{_CJK}]+")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ORIGINAL_WORD_RE = re.compile(f"[^\\W\\d_{_CJK}]+")
_NUMBER_RE = re.compile(r"\d(?:[\d,.  ]*\d)?")
_ACRONYM_RE = re.compile(r"^[A-Z]{2,6}s?$")
_ELISION_RE = re.compile(r"^(?:[ldjmnst]|qu)['’]")
_NUMBER_SEPARATORS_RE = re.compile(r"[,.\u00a0\u202f ]")
_SENTENCE_END_RE = re.compile(r"[.!?。！？](?:\s|$)")


@dataclass(frozen=True)
class StoryItem:
    """An item to put in a story. `key` is the caller's id for it (e.g. the article id)."""

    key: str
    title: str
    summary: str = ""
    lang: str | None = None
    published: datetime | None = None  # aware or naive UTC; None when the feed gave none
    published_end: datetime | None = None  # when only a month is known: its end (published its start)
    outlet: str = ""
    issues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Features:
    """The weighted feature keys of one item (weights before rarity is applied)."""

    weights: Mapping[str, float] = field(default_factory=dict)


class FeatureExtractor:
    """Builds Features; knows the stopwords, the words shared across languages and,
    optionally, the tracked-issue rules."""

    def __init__(self, rules: RuleSet | None = None, stopwords: Iterable[str] | None = None,
                 lexicon: Mapping[str, Iterable[str]] | None = None) -> None:
        words = load_stopwords() if stopwords is None else frozenset(stopwords)
        self._stopwords = frozenset(fold(w).text for w in words)
        self._stems: dict[str, str] = {}
        self._matcher, self._concepts = _concept_matcher(rules, load_lexicon() if lexicon is None
                                                         else lexicon)

    def extract(self, item: StoryItem) -> Features:
        weights: dict[str, float] = {}
        lead, rest = _lead(item.summary)
        for text, weight in ((item.title, TITLE_WEIGHT), (lead, LEAD_WEIGHT),
                             (rest, SUMMARY_WEIGHT)):
            if text:
                self._add_text(weights, text, weight)
                for concept in self._concepts_in(text):
                    _keep(weights, concept, CONCEPT_WEIGHT * weight)
        return Features(weights)

    def _add_text(self, weights: dict[str, float], text: str, weight: float) -> None:
        names = _names(text)
        folded = fold(text).text
        for number in _NUMBER_RE.findall(folded):
            _keep(weights, "n:" + _NUMBER_SEPARATORS_RE.sub("", number), NUMBER_WEIGHT * weight)
        if _CJK_RUN_RE.search(folded):
            for run in _CJK_RUN_RE.findall(folded):
                for i in range(max(1, len(run) - 1)):
                    _keep(weights, "z:" + run[i:i + 2], PAIR_WEIGHT * weight)
            folded = _CJK_RUN_RE.sub(" ", folded)
        stems = self._stems
        for word in set(_WORD_RE.findall(folded)):
            stem = stems.get(word)
            if stem is None:
                if len(stems) > _STEM_CACHE_LIMIT:
                    stems.clear()
                stem = stems[word] = self._stem(word)
            if stem:
                _keep(weights, stem, NAME_WEIGHT * weight if word in names else weight)

    def _stem(self, word: str) -> str:
        """The feature key of a folded word; "" for one too short or too common. Kept per
        word (words recur: a few thousand make most of any feed)."""
        if "'" in word or "’" in word:
            word = _ELISION_RE.sub("", word)
        if len(word) < 3 or word in self._stopwords:
            return ""
        return "w:" + word[:STEM_LENGTH]

    def _concepts_in(self, text: str) -> set[str]:
        found: set[str] = set()
        for hit in self._matcher.scan(text).hits:
            found.update(self._concepts[hit[0]])
        return found


def _lead(summary: str) -> tuple[str, str]:
    """The first sentence of a summary (it names who, where and how much), and the rest."""
    match = _SENTENCE_END_RE.search(summary, 20)
    if match is None:
        return summary, ""
    return summary[:match.end()], summary[match.end():]


def _keep(weights: dict[str, float], key: str, weight: float) -> None:
    if weights.get(key, 0.0) < weight:
        weights[key] = weight


def _names(text: str) -> frozenset[str]:
    """Folded words written as names: acronyms anywhere; capitalised words only in text
    that is not Title Case, where a capital says nothing."""
    words = _ORIGINAL_WORD_RE.findall(text)
    if not words:
        return frozenset()
    capitalised = [w for w in words if w[0].isupper()]
    title_case = len(capitalised) > 0.6 * len(words)
    names = {w for w in capitalised if _ACRONYM_RE.match(w)}
    if not title_case:
        names.update(w for w in capitalised[1:] if w is not words[0])
    return frozenset(fold(w).text for w in names)


def _concept_matcher(rules: RuleSet | None, lexicon: Mapping[str, Iterable[str]]
                     ) -> tuple[TermMatcher, list[tuple[str, ...]]]:
    """One matcher over every term of every rule group and of the lexicon; for each term,
    the concepts it names. Distractor groups (negative weight) are left out: they name
    what an item is not."""
    terms: dict[str, set[str]] = {}
    for concept, listed in lexicon.items():
        for term in listed:
            terms.setdefault(term, set()).add(concept)
    scopes = () if rules is None else (rules.relevance, *rules.issues)
    for scope in scopes:
        for group in scope.groups:
            if group.weight <= 0:
                continue
            for term in group.terms:
                terms.setdefault(term, set()).add(f"r:{scope.scope}.{group.name}")
    ordered = list(terms)
    return TermMatcher(ordered), [tuple(sorted(terms[t])) for t in ordered]


@lru_cache(maxsize=1)
def _resource_text() -> str:
    return (resources.files("resources") / RESOURCE).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _resource() -> dict:
    return tomllib.loads(_resource_text())


def data_fingerprint() -> str:
    """Changes whenever the stories' data does: features read before are then stale."""
    return hashlib.sha256(_resource_text().encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, tuple[str, ...]]:
    """Concept key -> its terms in every language: resources/stories.toml's names ("c:")
    and numbers written as words ("n:")."""
    doc = _resource()
    lexicon = {f"c:{name}": tuple(terms) for name, terms in doc.get("names", {}).items()}
    lexicon.update({f"n:{number}": tuple(terms) for number, terms in doc.get("numbers", {}).items()})
    return lexicon


@lru_cache(maxsize=1)
def load_stopwords() -> frozenset[str]:
    """The stopwords shipped in resources/stories.toml."""
    return frozenset(_resource().get("stopwords", []))
