"""The shipped data in French: tracked issues, the notes of their rules, baseline facts and the
words moves carry.

resources/i18n/data_fr.toml holds the translations; this module applies them to the records
the store returns, for a French interface or a French digest. Records are replaced, never
changed; a name or a note the reader edited is kept as the reader wrote it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cache
from typing import Any

from db.records import BaselineFact, Figure, TrackedIssue
from monitor import resources
from monitor.figures import PLACEHOLDER, value_text
from monitor.opml import OPMLFeed

__all__ = [
    "LANGS", "localize_default_feeds", "localize_facts", "localize_issues", "localize_note",
    "localize_source", "note_fingerprint", "say",
]

LANGS = ("en", "fr")
_VALUE = re.compile(r"^(?:(?P<qualifier>[a-z]+) )?(?P<number>-?\d+(?:\.\d+)?)\s?(?P<unit>.*)$")


@cache
def _french() -> Mapping[str, Any]:
    return resources.read_toml("i18n/data_fr.toml")


@cache
def _shipped_names() -> Mapping[str, str]:
    shipped = resources.read_toml("tracked_issues.toml").get("issues", [])
    return {entry["slug"]: entry["name"] for entry in shipped}


def localize_issues(issues: Iterable[TrackedIssue], lang: str) -> list[TrackedIssue]:
    """The issues with their French name and description, unless the reader renamed them."""
    issues = list(issues)
    if lang != "fr":
        return issues
    french = _french().get("issues", {})
    out = []
    for issue in issues:
        text = french.get(issue.slug)
        if text and issue.name == _shipped_names().get(issue.slug):
            issue = replace(issue, name=text["name"], description=text.get("description", issue.description))
        out.append(issue)
    return out


def note_fingerprint(note: str) -> str:
    """The short fingerprint a French note carries (`of`) of the English note it translates:
    the first 12 hex digits of the SHA-256 of the note, its runs of whitespace made one space."""
    return hashlib.sha256(" ".join(note.split()).encode("utf-8")).hexdigest()[:12]


def localize_note(scope: str, group_name: str, english_note: str, lang: str) -> str:
    """The note of a rule group in `lang`: the French of data_fr.toml's [notes.<scope>.<group>]
    when it translates this very note (its fingerprint matches), else the note as given.

    `scope` is "relevance" or an issue's slug. A note the reader wrote or edited, or a shipped
    one changed since it was translated, is shown as it is rather than with a stale French.
    """
    if lang != "fr" or not english_note.strip():
        return english_note
    notes = _french().get("notes", {}).get(scope, {})
    entry = notes.get(group_name) if isinstance(notes, dict) else None
    if not isinstance(entry, dict) or entry.get("of") != note_fingerprint(english_note):
        return english_note
    french = entry.get("fr")
    return french if isinstance(french, str) and french.strip() else english_note


def localize_facts(facts: Iterable[BaselineFact], lang: str) -> list[BaselineFact]:
    """The facts with their French statement, date as read and figures."""
    facts = list(facts)
    if lang != "fr":
        return facts
    french = _french().get("facts", {})
    return [_fact(fact, french[fact.id]) if fact.id in french else fact for fact in facts]


def _fact(fact: BaselineFact, text: Mapping[str, Any]) -> BaselineFact:
    figures = text.get("figures", [])
    if len(figures) == len(fact.figures):
        translated = tuple(
            replace(figure, label=f.get("label", figure.label), phrase=_phrase(f.get("phrase"), figure))
            for figure, f in zip(fact.figures, figures, strict=True)
        )
    else:
        translated = fact.figures  # the English file changed: better English than a wrong figure
    return replace(
        fact,
        statement=text.get("statement", fact.statement),
        date_label=text.get("date_label", fact.date_label),
        figures=translated,
        source=localize_source(fact.source, "fr"),
    )


def _phrase(phrase: str | None, figure: Figure) -> str | None:
    """The French phrase with its number written in: a decimal comma ("environ 118,7 G$")."""
    if phrase is None:
        return figure.phrase
    return phrase.replace(PLACEHOLDER, value_text(figure.value).replace(".", ","))


def localize_default_feeds(feeds: Iterable[OPMLFeed], lang: str) -> list[OPMLFeed]:
    """The shipped feeds with the folders and titles a French interface first shows them under."""
    feeds = list(feeds)
    if lang != "fr":
        return feeds
    folders, titles = _french().get("feed_folders", {}), _french().get("feed_titles", {})
    return [
        replace(feed, title=titles.get(feed.title or "", feed.title),
                category=folders.get(feed.category or "", feed.category))
        for feed in feeds
    ]


def localize_source(source: str | None, lang: str) -> str | None:
    """The seed article's title, which stays English: quoted and marked so in French."""
    if lang != "fr" or not source:
        return source
    shipped = resources.read_toml("baseline.toml").get("source", {}).get("title")
    return _french().get("source", {}).get("title", source) if source == shipped else source


def say(text: str | None, lang: str) -> str | None:
    """A figure's label, a state or a value that a move carries, in `lang` ("over 70%" → "plus de 70 %")."""
    if lang != "fr" or not text:
        return text
    phrases = _french().get("phrases", {})
    if text in phrases:
        return phrases[text]
    return _value(text) or text


def _value(text: str) -> str | None:
    match = _VALUE.match(text)
    units = _french().get("units", {})
    if match is None or match["unit"] not in units:
        return None
    number = match["number"].replace(".", ",")
    qualifier = _french().get("qualifiers", {}).get(match["qualifier"] or "", match["qualifier"])
    said = units[match["unit"]].replace("#", number)
    return f"{qualifier} {said}" if qualifier else said
