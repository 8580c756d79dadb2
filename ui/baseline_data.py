"""What the Baseline tab shows beside the facts: the moves reported on each fact, and the
latest stories on each issue. Read in one go off the GUI thread (every move is read)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from db import Store
from db.records import StoredMove, Story
from ui.i18n import shown_issues

MOVES_PER_FACT = 5
STORIES_PER_ISSUE = 3


@dataclass(frozen=True)
class MoveLine:
    move: StoredMove
    outlet: str


@dataclass(frozen=True)
class FactMoves:
    lines: tuple[MoveLine, ...]  # the latest few, newest first
    total: int


@dataclass(frozen=True)
class BaselineExtras:
    moves: dict[str, FactMoves] = field(default_factory=dict)  # fact id ->
    stories: dict[str, tuple[Story, ...]] = field(default_factory=dict)  # issue slug -> latest first


def load_baseline_extras(store: Store, since: datetime | None = None) -> BaselineExtras:
    with store.read():
        by_fact = store.moves.by_fact()
        shown = {fact: moves[:MOVES_PER_FACT] for fact, moves in by_fact.items()}
        outlets = store.articles.feed_titles(sorted({m.article_id for ms in shown.values() for m in ms}))
        stories = {
            issue.slug: tuple(store.stories.recent(since, issue=issue.slug, limit=STORIES_PER_ISSUE))
            for issue in shown_issues(store.issues.list())
        }
    moves = {
        fact: FactMoves(
            tuple(MoveLine(m, (outlets.get(m.article_id) or [""])[0]) for m in shown[fact]), len(all_moves)
        )
        for fact, all_moves in by_fact.items()
    }
    return BaselineExtras(moves, stories)
