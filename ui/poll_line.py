"""The status bar's words about polling: when the last poll was, what it found (with the
issues' names, not their slugs), and when the next one is. Pure: tested without Qt."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from ui.core_text import core_text
from ui.i18n import clock, labelled, translate


def clock_time(moment: datetime, now: datetime) -> str:
    """"09:30" today, "Mon 09:30" within a week, else the date: local time, as a reader reads
    it ("9 h 30", "lun. 9 h 30" in French)."""
    local, today = moment.astimezone(), now.astimezone()
    if local.date() == today.date():
        return clock(local)
    if abs((local.date() - today.date()).days) < 7:
        return f"{weekday(local.weekday())} {clock(local)}"
    return local.strftime("%Y-%m-%d %H:%M")


def weekday(number: int) -> str:
    """The short name of a weekday (0 is Monday) in the interface's language, whatever the C locale."""
    names = (
        translate("PollLine", "Mon"), translate("PollLine", "Tue"), translate("PollLine", "Wed"),
        translate("PollLine", "Thu"), translate("PollLine", "Fri"), translate("PollLine", "Sat"),
        translate("PollLine", "Sun"),
    )
    return names[number]


def next_poll(next_due: datetime | None, next_tick: datetime | None, interval: timedelta) -> datetime | None:
    """When the app will next fetch a feed: the first timer tick at or after the first feed falls due."""
    if next_due is None:
        return None
    if next_tick is None:
        return next_due
    if next_due <= next_tick:
        return next_tick
    ticks = math.ceil((next_due - next_tick) / interval)
    return next_tick + ticks * interval


def summary_text(summary: Any, issue_names: Mapping[str, str]) -> str:
    """"12 feeds: 11 ok, 1 failed; 17 new items (Tariffs and trade 4, The visit 1)"."""
    # lupdate files a plural string only when its count is a plain name
    total, new_items, grown = summary.total, summary.new_items, summary.new_stories
    working, failed, skipped = summary.ok + summary.not_modified, summary.failed, summary.skipped
    counts = [translate("PollLine", "%Ln ok", None, working)]
    if failed:
        counts.append(translate("PollLine", "%Ln failed", None, failed))
    if skipped:
        counts.append(translate("PollLine", "%Ln skipped", None, skipped))
    feeds = translate("PollLine", "%Ln feed(s)", None, total)
    new = translate("PollLine", "%Ln new item(s)", None, new_items)
    # French puts a space before the colon: the punctuation belongs to the translation
    text = translate("PollLine", "{feeds}: {counts}; {new}").format(
        feeds=feeds, counts=", ".join(counts), new=new
    )
    issues = sorted(summary.new_by_issue.items(), key=lambda kv: (-kv[1], kv[0]))
    if issues:
        text += " (" + ", ".join(f"{issue_names.get(slug, slug)} {n}" for slug, n in issues) + ")"
    if summary.new_stories:
        text += "; " + translate("PollLine", "%n story(ies) grew", None, grown)
    if summary.story_error:
        text += f"; {core_text(summary.story_error)}"
    return text + ("; " + translate("PollLine", "cancelled") if summary.cancelled else "")


def status_line(
    now: datetime,
    last: datetime | None,
    following: datetime | None,
    summary: Any = None,
    issue_names: Mapping[str, str] | None = None,
) -> str:
    """"Last poll 09:00: 12 feeds: 12 ok; 3 new items · next poll 09:30"; a poll that had no feed
    due says only when the last real one was."""
    parts = []
    if last is not None:
        head = translate("PollLine", "Last poll {}").format(clock_time(last, now))
        if summary is not None and summary.total:
            head = labelled(head, summary_text(summary, issue_names or {}))
        parts.append(head)
    else:
        parts.append(translate("PollLine", "Not polled yet"))
    if following is not None:
        parts.append(translate("PollLine", "next poll {}").format(clock_time(max(following, now), now)))
    return " · ".join(parts)
