"""Applying the current rules to stored articles: all of them (retag) or a sample (preview).

Manual decisions are kept by the store: a retag only replaces rule tags.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from db import Store
from monitor.compiled import compiled
from monitor.moves import baseline_detector, to_store_moves
from monitor.stories.assign import recluster
from monitor.tagging import Tagger, to_store_tags

BATCH = 2000


@dataclass(frozen=True)
class RetagSummary:
    total: int = 0
    relevant: int = 0
    by_issue: dict[str, int] = field(default_factory=dict)
    cancelled: bool = False
    stories: int = 0


def tagger_for(store: Store) -> Tagger:
    """The tagger for the rules as the reader last saved them (compiled once a process and
    kept between runs: see monitor.compiled; the stories' extractor comes with it)."""
    return compiled(store.issues.rule_bodies()).tagger


def retag_all(
    store: Store,
    tagger: Tagger,
    on_progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> RetagSummary:
    """Re-apply `tagger` (and the baseline's moves) to every stored article, a batch per transaction;
    then rebuild the stories. Returns the counts."""
    detector = baseline_detector()
    total = store.ingest.total()
    done = relevant = 0
    by_issue: Counter[str] = Counter()
    last_id = 0
    while True:
        if cancel is not None and cancel.is_set():
            return RetagSummary(done, relevant, dict(by_issue), cancelled=True)
        batch = store.ingest.texts(after_id=last_id, limit=BATCH)
        if not batch:
            break
        results = []
        for article_id, title, text, lang, published in batch:
            verdict = tagger.verdict(title, text, lang, published)
            moves = detector.detect(title, text, lang, published) if verdict.relevant else ()
            results.append((article_id, verdict.relevant, to_store_tags(verdict.tags), to_store_moves(moves)))
            if verdict.relevant:
                relevant += 1
                by_issue.update(t.issue for t in verdict.tags)
        store.ingest.retag(results)
        done += len(batch)
        last_id = batch[-1][0]
        if on_progress is not None:
            on_progress(done, max(total, done))
    stories = recluster(store)  # relevance and issues moved: so do the stories
    return RetagSummary(done, relevant, dict(by_issue), stories=stories.stories)
