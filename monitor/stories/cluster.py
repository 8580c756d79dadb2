"""Which story (happening) each item reports: one incremental assignment, in arrival order.

A `Clusterer` keeps an index of the recent items' features. Each new item is scored
against the stories of the items it shares rare features with (an inverted index, never
all pairs), within a time window: it joins the best story that scores enough, or starts
a new one whose key is its own key. `recluster` is that same assignment run over items
sorted by publication time, so batch and incremental results agree.

How rare a feature is, is learnt from the items seen (document frequency), so a word
that every item of a storyline carries ("Canada") says little, and a name, an amount or
an acronym that few carry says much. Items published more than `window_days` apart
never join; closer ones lose a little of their score with each day between them.

The user's corrections are constraints: `pinned` puts an item in a given story whatever
it scores (a story key the caller chooses, e.g. the database id of a merged story), and
`apart` names items that must never share a story with a given item.
"""

from __future__ import annotations

import heapq
import math
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rapidfuzz import fuzz

from monitor.rules import RuleSet
from monitor.stories.features import FeatureExtractor, Features, StoryItem
from monitor.textmatch import fold

_DAY = 86400.0
_COARSE = 2 * _DAY  # a span longer than this is a date the feed did not give precisely
_Span = tuple[float, float]  # (start, end) in seconds since the epoch; equal for a moment


@dataclass(frozen=True)
class ClusterConfig:
    """The knobs of the assignment; the defaults are the ones measured in the README."""

    threshold: float = 0.50  # the score to join a story: a false merge costs more than a miss
    window_days: float = 7.0  # items further apart are never the same happening
    full_score_days: float = 2.0  # within this, time costs nothing
    far_factor: float = 0.6  # what is left of a score at window_days
    unknown_time_factor: float = 0.85  # a pair where a date is missing
    title_blend: float = 0.5  # share of the title's string similarity in the score
    idf_prior: float = 20.0  # pseudo-items: rarity means little until enough items are seen
    rare_postings: int = 400  # a feature carried by more recent items finds no candidates
    candidates: int = 24  # items scored exactly, the best of those sharing rare features
    keep_days: float = 21.0  # items older than this (than the newest seen) leave the index


@dataclass(frozen=True)
class Constraints:
    """Corrections to respect. `pinned`: item key -> story key it must be in. `apart`:
    pairs of item keys that must never be in one story (order does not matter)."""

    pinned: Mapping[str, str] = field(default_factory=dict)
    apart: Iterable[tuple[str, str]] = ()


@dataclass
class _Entry:
    key: str
    story: str
    time: _Span | None
    weights: Mapping[str, float]
    title: str
    live: bool = True


class Clusterer:
    """The index of recent items and the stories they are in. Not thread-safe: one owner."""

    def __init__(self, rules: RuleSet | None = None, config: ClusterConfig | None = None,
                 constraints: Constraints | None = None,
                 extractor: FeatureExtractor | None = None) -> None:
        self.config = config or ClusterConfig()
        self._extract = (extractor or FeatureExtractor(rules)).extract
        constraints = constraints or Constraints()
        self._pinned = dict(constraints.pinned)
        self._apart: dict[str, set[str]] = {}
        for a, b in constraints.apart:
            self._apart.setdefault(a, set()).add(b)
            self._apart.setdefault(b, set()).add(a)
        self._df: dict[str, int] = {}
        self._seen = 0
        self._postings: dict[str, deque[_Entry]] = {}
        self._by_time: list[tuple[float, int, _Entry]] = []  # a heap, for forgetting
        self._members: dict[str, set[str]] = {}  # story -> item keys (those indexed)
        self._story_of: dict[str, str] = {}
        self._newest: float | None = None
        self._count = 0

    # --- the front door ------------------------------------------------------------------

    def assign(self, item: StoryItem) -> str:
        """The story key for a new item (an existing story's, or the item's own), indexed."""
        story = self._pinned.get(item.key)
        features = self._extract(item)
        if story is None:
            story = self._best_story(item, features) or item.key
        self._index(item, features, story)
        return story

    def place(self, item: StoryItem, story: str) -> None:
        """Index an item already known to be in `story`, e.g. one from the store at start."""
        self._index(item, self._extract(item), story)

    def story_of(self, key: str) -> str | None:
        return self._story_of.get(key)

    # --- scoring -------------------------------------------------------------------------

    def _best_story(self, item: StoryItem, features: Features) -> str | None:
        time = _span(item)
        title = _plain_title(item.title)
        best_story, best_score = None, self.config.threshold
        for entry, score in self._scored(item, features, time, title):
            if score >= best_score and self._allowed(item.key, entry.story):
                best_story, best_score = entry.story, score
        return best_story

    def _scored(self, item: StoryItem, features: Features, time: _Span | None,
                title: str) -> Iterable[tuple[_Entry, float]]:
        cfg = self.config
        weights = {k: w * self._idf(k) for k, w in features.weights.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        shared: dict[int, float] = {}
        entries: dict[int, _Entry] = {}
        for key, weight in weights.items():
            posting = self._postings.get(key)
            if not posting or len(posting) > cfg.rare_postings:
                continue
            for entry in posting:
                if entry.live and self._near(time, entry.time):
                    ident = id(entry)
                    shared[ident] = shared.get(ident, 0.0) + weight
                    entries[ident] = entry
        best = heapq.nlargest(cfg.candidates, shared, key=shared.__getitem__)
        for ident in best:
            entry = entries[ident]
            yield entry, self._pair_score(weights, norm, title, time, entry)

    def _pair_score(self, weights: Mapping[str, float], norm: float, title: str,
                    time: _Span | None, entry: _Entry) -> float:
        other = {k: w * self._idf(k) for k, w in entry.weights.items()}
        other_norm = math.sqrt(sum(w * w for w in other.values())) or 1.0
        dot = sum(w * other[k] for k, w in weights.items() if k in other)
        cosine = dot / (norm * other_norm)
        blend = self.config.title_blend
        if blend:
            cosine = (1 - blend) * cosine + blend * fuzz.token_set_ratio(title, entry.title) / 100
        return cosine * self._time_factor(time, entry.time)

    def _time_factor(self, a: _Span | None, b: _Span | None) -> float:
        cfg = self.config
        if a is None or b is None:
            return cfg.unknown_time_factor
        days = _gap(a, b) / _DAY
        factor = 1.0
        if days > cfg.full_score_days:
            span = max(cfg.window_days - cfg.full_score_days, 1e-9)
            factor = 1.0 - (1.0 - cfg.far_factor) * min(1.0, (days - cfg.full_score_days) / span)
        if a[1] - a[0] > _COARSE or b[1] - b[0] > _COARSE:
            factor *= cfg.unknown_time_factor
        return factor

    def _near(self, a: _Span | None, b: _Span | None) -> bool:
        return a is None or b is None or _gap(a, b) <= self.config.window_days * _DAY

    def _allowed(self, key: str, story: str) -> bool:
        apart = self._apart.get(key)
        return not apart or apart.isdisjoint(self._members.get(story, ()))

    def _idf(self, key: str) -> float:
        prior = self.config.idf_prior
        return math.log((self._seen + prior) / (self._df.get(key, 0) + 1.0))

    # --- the index -----------------------------------------------------------------------

    def _index(self, item: StoryItem, features: Features, story: str) -> None:
        time = _span(item)
        entry = _Entry(item.key, story, time, features.weights, _plain_title(item.title))
        self._seen += 1
        for key in features.weights:
            self._df[key] = self._df.get(key, 0) + 1
            self._postings.setdefault(key, deque()).append(entry)
        self._members.setdefault(story, set()).add(item.key)
        self._story_of[item.key] = story
        if time is not None:
            self._count += 1
            heapq.heappush(self._by_time, (time[1], self._count, entry))
            if self._newest is None or time[0] > self._newest:
                self._newest = time[0]
                self._forget(time[0] - self.config.keep_days * _DAY)

    def _forget(self, cutoff: float) -> None:
        """Drop items older than `cutoff` from the postings; rarity counts keep them."""
        while self._by_time and self._by_time[0][0] < cutoff:
            _, _, entry = heapq.heappop(self._by_time)
            entry.live = False
            for key in entry.weights:
                posting = self._postings.get(key)
                while posting and not posting[0].live:
                    posting.popleft()


def recluster(items: Iterable[StoryItem], rules: RuleSet | None = None,
              config: ClusterConfig | None = None,
              constraints: Constraints | None = None) -> dict[str, str]:
    """Item key -> story key for every item: `Clusterer.assign` over the items sorted by
    publication time (items without a date last, in the order given)."""
    clusterer = Clusterer(rules, config, constraints)
    return {item.key: clusterer.assign(item) for item in by_time(items)}


def by_time(items: Iterable[StoryItem]) -> list[StoryItem]:
    """The order `recluster` assigns in: dated items oldest first, then undated ones."""
    listed = list(items)
    dated = sorted((i for i in listed if i.published is not None),
                   key=lambda i: _seconds(i.published) or 0.0)
    return dated + [i for i in listed if i.published is None]


def stories(assignment: Mapping[str, str]) -> dict[str, list[str]]:
    """Story key -> its item keys, in the order of `assignment`."""
    grouped: dict[str, list[str]] = {}
    for item, story in assignment.items():
        grouped.setdefault(story, []).append(item)
    return grouped


def _span(item: StoryItem) -> _Span | None:
    start = _seconds(item.published)
    if start is None:
        return None
    end = _seconds(item.published_end)
    return (start, start) if end is None or end < start else (start, end)


def _gap(a: _Span, b: _Span) -> float:
    """Seconds between two spans of time; 0 when they overlap."""
    return max(0.0, a[0] - b[1], b[0] - a[1])


def _seconds(moment: datetime | None) -> float | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def _plain_title(title: str) -> str:
    return fold(title).text

