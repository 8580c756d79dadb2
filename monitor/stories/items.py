"""StoryItem from a JSON object: the `cluster` command's input and the labelled items."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from monitor.stories.features import StoryItem

# A year, or a year and month only ("2025-03"), as some labelled items have: a span of time.
_COARSE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


class ItemError(ValueError):
    """A JSON object that is not a usable item; the message names the bad field."""


def parse_published(text: str) -> tuple[datetime | None, datetime | None]:
    """(start, end) of an ISO 8601 date-time (end None: a moment), a date, a year-month
    or a year, in UTC; (None, None) for ""."""
    text = text.strip()
    if not text:
        return None, None
    try:
        return _span(text)
    except (ValueError, OverflowError):  # not a date, or one at the calendar's edge: 9999-12-31T23:59-12:00
        raise ItemError(f"published is not an ISO 8601 date: {text[:40]!r}") from None


def _span(text: str) -> tuple[datetime, datetime | None]:
    coarse = _COARSE_RE.match(text)
    if coarse:
        year, month = int(coarse[1]), int(coarse[2] or 0)
        start = datetime(year, month or 1, 1, tzinfo=UTC)
        end = datetime(year + (month in (0, 12)), month % 12 + 1 if month else 1, 1, tzinfo=UTC)
        return start, end
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if len(text) == 10:  # a day
        start = moment.replace(tzinfo=UTC)
        return start, start + timedelta(days=1)
    return (moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)), None


def item_from_json(value: Any, key: str, date_field: str = "published") -> StoryItem:
    """The StoryItem of one JSON object ({"title", "summary", "lang", "published", "outlet"})."""
    if not isinstance(value, Mapping):
        raise ItemError("expected a JSON object")
    title = value.get("title")
    if not isinstance(title, str):
        raise ItemError("title must be a string")
    fields = {}
    for name in ("summary", "lang", "outlet", date_field):
        field = value.get(name)
        if field is not None and not isinstance(field, str):
            raise ItemError(f"{name} must be a string")
        fields[name] = field or ""
    issues = value.get("issues") or []
    if not isinstance(issues, list) or not all(isinstance(s, str) for s in issues):
        raise ItemError("issues must be a list of slugs")
    published, published_end = parse_published(fields[date_field])
    return StoryItem(
        key=key,
        title=title,
        summary=fields["summary"],
        lang=fields["lang"] or None,
        published=published,
        published_end=published_end,
        outlet=fields["outlet"],
        issues=tuple(issues),
    )
