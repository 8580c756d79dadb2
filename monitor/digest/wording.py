"""How a digest says its numbers and dates, the same way in every format, in its language.

Each function takes the digest's language last ("en" by default); templates use a
`Wording` bound to the digest's language, whose methods are these functions.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from monitor.digest.build import Digest, DigestItem, DigestMove, DigestStory, IssueSection
from monitor.digest.lang import Words, long_date, number


def when(value: datetime, lang: str = "en") -> str:
    """A moment as readers compare them across a digest: UTC, to the minute."""
    moment = value.astimezone(UTC)
    if lang == "fr":
        return f"{long_date(moment, lang)}, {moment:%H} h {moment:%M}"
    return moment.strftime("%Y-%m-%d %H:%M")


def iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def span(length: timedelta, lang: str = "en") -> str:
    """'7 days', 'day', '12 hours': the period's length in the largest unit that divides it.

    A period that no unit divides (a date to now) is rounded: '2,523 days', '5.5 hours'.
    """
    t = Words(lang).t
    seconds = int(length.total_seconds())
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return t(unit) if count == 1 else f"{number(count, lang)} {t(unit + 's')}"
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= 2 * size:
            count = seconds / size
            return f"{number(count, lang, 0 if count >= 10 else 1)} {t(unit + 's')}"
    return f"{seconds} {t('seconds')}"


def period(digest: Digest, lang: str = "en") -> str:
    if lang == "fr":
        return f"du {when(digest.since, lang)} au {when(digest.until, lang)} UTC ({span(digest.span, lang)})"
    return f"{when(digest.since)} – {when(digest.until)} UTC ({span(digest.span)})"


def signed(number: int) -> str:
    return f"+{number}" if number > 0 else ("±0" if number == 0 else str(number))


def items(count: int, lang: str = "en") -> str:
    t = Words(lang).t
    if count == 1 or (count == 0 and lang == "fr"):  # French counts nothing in the singular
        return t("1 item").replace("1", str(count))
    return t("{} items_").format(number(count, lang))


def section_summary(section: IssueSection, digest: Digest, lang: str = "en") -> str:
    """'12 items, +5 on the previous 7 days' (with what the filters kept, when there are filters)."""
    t = Words(lang).t
    change = t("{change} on the previous {span}").format(
        change=signed(section.change), span=span(digest.span, lang)
    )
    if not (digest.unread_only or digest.starred_only):
        return f"{items(section.period_total, lang)}, {change}"
    return t("{count} {kind} of {total} in the period, {change}").format(
        count=section.count,
        kind=filters(digest, lang),
        total=items(section.period_total, lang),
        change=change,
    )


def filters(digest: Digest, lang: str = "en") -> str:
    """'unread', 'starred', 'unread starred', or '' for no filter."""
    t = Words(lang).t
    chosen = (("unread", digest.unread_only), ("starred", digest.starred_only))
    return " ".join(t(word) for word, on in chosen if on)


def why(item: DigestItem, lang: str = "en") -> str:
    """'Matched: canola, tariff · Also in: Reuters': why the item is in this section, and where else."""
    t = Words(lang).t
    terms = ", ".join(item.matched_terms) or "-"
    reason = t("Tagged by hand") if item.tagged_by_hand else t("Matched: {}").format(terms)
    return reason + (t(" · Also in: {}").format(", ".join(item.also_in)) if item.also_in else "")


def move_change(move: DigestMove, lang: str = "en") -> str:
    """'Chinese tariff on Canadian canola: over 70% → 15%'; a state: 'scheduled → happened'."""
    w = Words(lang)
    what = move.figure or w.t("State")
    return f"{what}{w.colon}{move.baseline} → {move.reported}"


def story_line(story: DigestStory, lang: str = "en") -> str:
    """'3 outlets: Globe, CBC, Xinhua · first seen 2026-01-14 09:00 in Globe'."""
    t = Words(lang).t
    count = len(story.outlets)
    outlets = t("1 outlet") if count == 1 else t("{} outlets").format(count)
    return t("{outlets}: {names} · first seen {when} in {outlet}").format(
        outlets=outlets,
        names=", ".join(story.outlets),
        when=when(story.first_seen, lang),
        outlet=story.first_outlet,
    )


class Wording:
    """These functions in one language, for a template: `w.period(digest)`, `w.t("Period")`."""

    def __init__(self, lang: str = "en") -> None:
        self.words = Words(lang)
        self.lang = lang
        self.t = self.words.t
        self.colon = self.words.colon
        self.quoted = self.words.quoted

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401 - one of this module's functions
        function = globals()[name] if name in _BOUND else None
        if function is None:
            raise AttributeError(name)
        return partial(function, lang=self.lang)


_BOUND = frozenset({"when", "span", "period", "items", "section_summary", "filters", "why", "move_change",
                    "story_line"})
