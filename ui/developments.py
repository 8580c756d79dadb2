"""What the Developments view shows: the stories since a chosen moment, per tracked issue,
ranked, with the moves their items report. Plain data read from the store; no Qt.

The read is bounded (at most `STORY_CAP` stories per issue, newest first), so that it
stays fast on the GUI thread whatever the size of the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP

from db import Store
from db.records import BaselineFact, Move, StoredMove, Story, TrackedIssue
from monitor.stories.rank import rank_stories
from ui.i18n import labelled, say, shown_facts, shown_issues, translate

Period = Literal["baseline", "last_looked", "day", "week"]
PERIODS: tuple[tuple[Period, str], ...] = (
    ("baseline", QT_TRANSLATE_NOOP("Developments", "Since the baseline")),
    ("last_looked", QT_TRANSLATE_NOOP("Developments", "Since I last looked")),
    ("day", QT_TRANSLATE_NOOP("Developments", "Last 24 hours")),
    ("week", QT_TRANSLATE_NOOP("Developments", "Last 7 days")),
)
# When the reader last left the view: shared with every window on this database.
STORY_CAP = 200
RANKING = QT_TRANSLATE_NOOP(
    "Developments", "Stories of the latest day first, then those carried by more outlets, then the latest"
)


@dataclass(frozen=True)
class IssueStories:
    issue: TrackedIssue
    stories: tuple[Story, ...]  # ranked, each with its moves
    capped: bool  # more stories exist than were read


@dataclass(frozen=True)
class Developments:
    since: datetime | None
    groups: tuple[IssueStories, ...]
    fact_labels: dict[str, str]  # fact id -> a short name for move badges


def since_for(
    period: Period, now: datetime, baseline: date | None, last_looked: datetime | None
) -> datetime | None:
    """The moment a period starts; None means every story."""
    if period == "day":
        return now - timedelta(hours=24)
    if period == "week":
        return now - timedelta(days=7)
    if period == "last_looked" and last_looked is not None:
        return last_looked
    return datetime.combine(baseline, time(0), tzinfo=UTC) if baseline else None


def load_developments(store: Store, since: datetime | None, cap: int = STORY_CAP) -> Developments:
    with store.read():
        issues = shown_issues(store.issues.list())
        facts = shown_facts(store.baseline.list())
        found = {i.slug: store.stories.recent(since, issue=i.slug, limit=cap + 1) for i in issues}
        items = sorted({a for stories in found.values() for s in stories[:cap] for a in s.item_ids})
        moves = store.moves.of_articles(items)
    groups = tuple(
        IssueStories(
            i,
            tuple(rank_stories((_with_moves(s, moves) for s in found[i.slug][:cap]), _local_zone())),
            len(found[i.slug]) > cap,
        )
        for i in issues
    )
    return Developments(since, groups, {f.id: fact_label(f) for f in facts})


def _local_zone() -> tzinfo | None:
    return datetime.now().astimezone().tzinfo


def _with_moves(story: Story, moves: dict[int, list[StoredMove]]) -> Story:
    found = tuple(m for a in story.item_ids for m in moves.get(a, ()))
    return replace(story, moves=found) if found else story


def fact_label(fact: BaselineFact, limit: int = 48) -> str:
    """A fact's short name: its first figure's label, else the start of its statement."""
    text = fact.figures[0].label if fact.figures else fact.statement
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def move_text(move: Move, labels: dict[str, str]) -> str:
    """'Chinese tariffs on canola: over 70% → 15%': what moved, from what, to what."""
    what = say(move.figure) or labels.get(move.fact, move.fact)
    return labelled(what, f"{say(move.baseline)} → {say(move.reported)}")


def moves_badge(moves: Sequence[StoredMove], labels: dict[str, str]) -> str:
    """One line for a row, the change first so that it survives eliding: 'Moved: over 70% → 15% (…)'."""
    if not moves:
        return ""
    distinct = list(
        dict.fromkeys((say(m.move.baseline), say(m.move.reported), _what(m.move, labels)) for m in moves)
    )
    baseline, reported, what = distinct[0]
    others = len(distinct) - 1
    more = translate("Developments", " +%n more", None, others) if others else ""
    text = translate("Developments", "Moved: {baseline} → {reported}{more} ({what})")
    return text.format(baseline=baseline, reported=reported, more=more, what=what)


def _what(move: Move, labels: dict[str, str]) -> str:
    return say(move.figure) or labels.get(move.fact, move.fact)
