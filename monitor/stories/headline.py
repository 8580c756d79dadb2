"""The headline of a story: one of its items' titles, and why that one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from rapidfuzz import fuzz

from monitor.stories.features import StoryItem
from monitor.textmatch import fold

_NEVER = datetime.max.replace(tzinfo=UTC)
FIRST_REPORTS = 12  # the items a headline is chosen among


def headline(items: Sequence[StoryItem], lang: str | None = None) -> tuple[StoryItem, str]:
    """The item whose title heads the story, and the reason, for a reader of `lang`.

    Among the first reports in `lang` (all items if none is), the title closest to the others
    (mean rapidfuzz token-set similarity) says best what the outlets agree on; with two
    or fewer such items, or a tie, the earliest one is taken."""
    if not items:
        raise ValueError("a story has at least one item")
    pool = [i for i in items if lang and i.lang == lang] or list(items)
    where = f" in {lang}" if lang and pool[0].lang == lang else ""
    if len(pool) == 1:
        return pool[0], f"the only item{where}"
    # The first reports say what happened; later ones drift (and comparing every pair of a
    # long story's titles would cost the square of its length each time it grows).
    ordered = sorted(pool, key=_published)[:FIRST_REPORTS]
    if len(ordered) <= 2:
        return ordered[0], f"the earliest item{where}"
    titles = [fold(i.title).text for i in ordered]
    centrality = [
        sum(fuzz.token_set_ratio(title, other) for m, other in enumerate(titles) if m != n)
        / (len(titles) - 1)
        for n, title in enumerate(titles)
    ]
    best = max(range(len(ordered)), key=lambda n: (centrality[n], -n))
    if best == 0 and centrality[0] == max(centrality[1:]):
        return ordered[0], f"the earliest item{where}"
    return ordered[best], f"the title closest to the others{where}"


def _published(item: StoryItem) -> datetime:
    moment = item.published
    if moment is None:
        return _NEVER
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
