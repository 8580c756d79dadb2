"""How a digest says its numbers and dates, the same way in every format."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from monitor.digest.build import Digest, DigestItem, DigestMove, DigestStory, IssueSection


def when(value: datetime) -> str:
    """A moment as readers compare them across a digest: UTC, to the minute."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def span(length: timedelta) -> str:
    """'7 days', 'day', '12 hours': the period's length in the largest unit that divides it.

    A period that no unit divides (a date to now) is rounded: '2,523 days', '5.5 hours'.
    """
    seconds = int(length.total_seconds())
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return unit if count == 1 else f"{count:,} {unit}s"
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= 2 * size:
            count = seconds / size
            return f"{count:,.0f} {unit}s" if count >= 10 else f"{count:.1f} {unit}s"
    return f"{seconds} seconds"


def period(digest: Digest) -> str:
    return f"{when(digest.since)} – {when(digest.until)} UTC ({span(digest.span)})"


def signed(number: int) -> str:
    return f"+{number}" if number > 0 else ("±0" if number == 0 else str(number))


def items(count: int) -> str:
    return f"{count} item" if count == 1 else f"{count} items"


def section_summary(section: IssueSection, digest: Digest) -> str:
    """'12 items, +5 on the previous 7 days' (with what the filters kept, when there are filters)."""
    change = f"{signed(section.change)} on the previous {span(digest.span)}"
    if not (digest.unread_only or digest.starred_only):
        return f"{items(section.period_total)}, {change}"
    kind = filters(digest)
    return f"{section.count} {kind} of {items(section.period_total)} in the period, {change}"


def filters(digest: Digest) -> str:
    """'unread', 'starred', 'unread starred', or '' for no filter."""
    chosen = (("unread", digest.unread_only), ("starred", digest.starred_only))
    return " ".join(word for word, on in chosen if on)


def why(item: DigestItem) -> str:
    """'Matched: canola, tariff · Also in: Reuters': why the item is in this section, and where else."""
    terms = ", ".join(item.matched_terms) or "-"
    reason = "Tagged by hand" if item.tagged_by_hand else f"Matched: {terms}"
    return reason + (" · Also in: " + ", ".join(item.also_in) if item.also_in else "")


def move_change(move: DigestMove) -> str:
    """'Chinese tariff on Canadian canola: over 70% → 15%'; a state: 'scheduled → happened'."""
    what = move.figure or "State"
    return f"{what}: {move.baseline} → {move.reported}"


def story_line(story: DigestStory) -> str:
    """'3 outlets: Globe, CBC, Xinhua · first seen 2026-01-14 09:00 in Globe'."""
    count = len(story.outlets)
    outlets = f"{count} outlet{'s' if count != 1 else ''}: {', '.join(story.outlets)}"
    return f"{outlets} · first seen {when(story.first_seen)} in {story.first_outlet}"
