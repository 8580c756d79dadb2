"""Putting stored items in stories: as polls store them, and all over again (recluster).

The clustering itself is pure (monitor.stories.cluster); this is where the store's
items go in and its decisions come back. New items are assigned as polls store them,
against the stories of the items dated within `WINDOW` of them, never by recomputing
every story; `recluster` rebuilds every story from scratch, keeping the reader's
corrections (items pinned together stay together, items pinned apart stay apart).
Headlines are chosen for a reader of the interface's language (`HEADLINE_LANG`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from db import Store
from db.records import StoryItem as StoredItem
from monitor.compiled import compiled
from monitor.stories.cluster import Clusterer, Constraints, by_time
from monitor.stories.features import FeatureExtractor, Features, StoryItem, data_fingerprint
from monitor.stories.headline import FIRST_REPORTS, headline

# The index a new item is compared with: stories of the items dated this close to it.
# Wider than the clusterer's own window, so that its rarity counts see enough items.
WINDOW = timedelta(days=14)
# Bump when the code that makes features changes (monitor.stories.features); a change of
# resources/stories.toml or of the rules is noticed by itself. Stored features are then made again.
FEATURES_VERSION = 1
HEADLINE_LANG = "en"
SUMMARY_CHARS = 600  # the start of an item's text says what it reports; the rest adds noise


@dataclass(frozen=True)
class StorySummary:
    assigned: int = 0  # items put in a story
    stories: int = 0  # stories after the run (recluster) or touched (assign)


def story_item(item: StoredItem) -> StoryItem:
    """A stored item as the clustering reads it."""
    return StoryItem(
        key=str(item.article_id), title=item.title, summary=item.text[:SUMMARY_CHARS], lang=item.lang,
        published=item.date, outlet=item.outlet, issues=item.issues,
    )


def _extractor(store: Store) -> FeatureExtractor:
    """The feature extractor for the tracked-issue rules as the reader last saved them:
    their terms join languages."""
    return compiled(store.issues.rule_bodies()).extractor


class StoryAssigner:
    """Puts new items in stories as polls store them, keeping its index of recent items
    between polls.

    Each poll opens a session: the index is brought up to date once (built from the
    items of the last `WINDOW` the first time, or when the stories were rebuilt or
    corrected, or the rules changed; otherwise only what other processes assigned
    since), then every feed's new items are assigned right after the feed is stored.
    Not thread-safe: one poller owns one.
    """

    def __init__(self, clock: Callable[[], datetime], lang: str | None = HEADLINE_LANG) -> None:
        self._clock = clock
        self._lang = lang
        self._clusterer: Clusterer | None = None
        self._key: tuple[int, str] | None = None  # (stories version, rules version) it was built for
        self._last_id = 0  # the newest article the index has seen
        self._stored: dict[str, int] = {}  # the index's key of a story it started -> the story's id
        self._version = ""  # what the index's features were made under (see _features_version)

    def session(self, store: Store) -> StorySession:
        """For one poll on `store`: the index is read when the first items need it."""
        return StorySession(self, store)

    def assign_new(self, store: Store) -> StorySummary:
        """Put every relevant item that is in no story yet into one (an existing story or a new one)."""
        session = self.session(store)
        session.assign(store.stories.unassigned())
        return StorySummary(session.assigned, len(session.touched))

    def index_for(self, store: Store, oldest_new: datetime) -> Clusterer:
        """The index, brought up to date with the store for items from `oldest_new` on."""
        rules_version = store.issues.rules_version()
        key = (store.stories.version(), rules_version)
        since = min(oldest_new, self._clock()) - WINDOW
        if self._clusterer is None or key != self._key:
            self._clusterer = Clusterer(extractor=_extractor(store),
                                        constraints=_constraints(store.stories.pins()))
            self._key, self._last_id, self._stored = key, 0, {}
            known = store.stories.items_since(since)
        else:  # only what other processes assigned since
            known = store.stories.items_since(since, after_id=self._last_id)
        # Once a session, not once a batch: reading and hashing the rules cost a few ms each time.
        self._version = version = _features_version(rules_version)
        for item in known:
            if item.story_id is not None:
                kept = _features(item.features, version)  # read back, unless made under other rules
                self._clusterer.place(story_item(item), _existing(item.story_id), kept)
                self._last_id = max(self._last_id, item.article_id)
        return self._clusterer

    def decide(self, store: Store, clusterer: Clusterer, new: list[StoredItem]) -> list[int]:
        """Assign `new` with `clusterer`, store the stories and their headlines; returns the
        ids of the stories that grew."""
        decided, read, version = [], {}, self._version
        for item in _oldest_first(new):
            told = story_item(item)
            features = clusterer.extract(told)
            decided.append((item.article_id, clusterer.assign(told, features)))
            read[item.article_id] = _stored_features(features, version)
        placed = store.stories.assign([(article, self._story_ref(key)) for article, key in decided], read)
        self._last_id = max(self._last_id, *placed)
        # The index knows a story this run started by its first item's key; the store by its new id.
        self._stored.update((key, placed[article]) for article, key in decided)
        touched = sorted(set(placed.values()))
        members = store.stories.members(touched, first=FIRST_REPORTS)
        store.stories.set_headlines(_headlines(
            {story: [story_item(i) for i in items] for story, items in members.items()}, self._lang))
        return touched

    def _story_ref(self, key: str) -> int | str:
        """A stored story's id, or the key of a story this run starts."""
        if key in self._stored:
            return self._stored[key]
        return int(key.removeprefix("story:")) if key.startswith("story:") else key


class StorySession:
    """One poll's assignments; see StoryAssigner."""

    def __init__(self, assigner: StoryAssigner, store: Store) -> None:
        self._assigner = assigner
        self._store = store
        self._clusterer: Clusterer | None = None
        self.assigned = 0  # items put in a story
        self.touched: set[int] = set()  # the stories they started or joined

    def assign(self, new: list[StoredItem]) -> None:
        """Put each of these items (relevant, in no story) into one."""
        if not new:
            return
        if self._clusterer is None:
            self._clusterer = self._assigner.index_for(self._store, min(item.date for item in new))
        self.touched.update(self._assigner.decide(self._store, self._clusterer, new))
        self.assigned += len(new)


def recluster(
    store: Store, *, lang: str | None = HEADLINE_LANG, on_progress: Callable[[int, int], None] | None = None,
) -> StorySummary:
    """Every story again, from every relevant item; the reader's corrections are kept."""
    items = store.stories.items_since(None)
    clusterer = Clusterer(extractor=_extractor(store), constraints=_constraints(store.stories.pins()))
    groups: dict[str, list[int]] = {}
    read: dict[int, str] = {}
    version = _features_version(store.issues.rules_version())
    ordered = by_time(story_item(i) for i in items)
    for done, item in enumerate(ordered, 1):
        features = clusterer.extract(item)
        groups.setdefault(clusterer.assign(item, features), []).append(int(item.key))
        read[int(item.key)] = _stored_features(features, version)
        if on_progress is not None and done % 2000 == 0:
            on_progress(done, len(ordered))
    ids = store.stories.rebuild(list(groups.values()), read)
    by_key = {item.key: item for item in ordered}
    store.stories.set_headlines(_headlines(
        {story: [by_key[str(a)] for a in group] for story, group in zip(ids, groups.values(), strict=True)},
        lang,
    ))
    return StorySummary(assigned=len(items), stories=len(ids))


def _features_version(rules_version: str) -> str:
    """What an item's features depend on besides its text: the rules and the stories' data."""
    return f"{FEATURES_VERSION}:{data_fingerprint()}:{rules_version}"


def _stored_features(features: Features, version: str) -> str:
    weights = {k: round(w, 3) for k, w in features.weights.items()}
    return json.dumps({"v": version, "w": weights}, ensure_ascii=False, separators=(",", ":"))


def _features(stored: str | None, version: str) -> Features | None:
    """Stored features made under `version`; None for others (they are made again)."""
    if not stored:
        return None
    kept = json.loads(stored)
    return Features(kept["w"]) if kept.get("v") == version else None


def _constraints(pins: dict[int, str]) -> Constraints:
    """Items with one pin go to one story, whose key no item or stored story can have."""
    return Constraints(pinned={str(article): f"pin:{pin}" for article, pin in pins.items()})


def _existing(story_id: int) -> str:
    return f"story:{story_id}"


def _oldest_first(items: Iterable[StoredItem]) -> list[StoredItem]:
    return sorted(items, key=lambda i: (i.date, i.article_id))


def _headlines(stories: dict[int, list[StoryItem]], lang: str | None) -> dict[int, tuple[int, str]]:
    """story id -> (the article whose title heads it, why)."""
    chosen = {}
    for story_id, items in stories.items():
        best, reason = headline(items, lang)
        chosen[story_id] = (int(best.key), reason)
    return chosen
