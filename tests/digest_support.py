"""Building stores for digest tests: issues, feeds and items written the way the poller writes them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from db import Store
from db.records import BaselineFact, FeedOutcome, Figure, IncomingItem, Match, Tag

NOW = datetime(2026, 1, 20, 8, 0, tzinfo=UTC)


@dataclass
class Entry:
    """One feed entry: which issues it is tagged with and by which terms."""

    title: str
    published: datetime | None
    tags: dict[str, tuple[str, ...]] = field(default_factory=dict)
    text: str = ""
    url: str | None = None
    guid: str | None = None
    relevant: bool = True

    def incoming(self) -> IncomingItem:
        guid = self.guid or self.url or self.title
        return IncomingItem(
            guid=guid,
            url=self.url,
            title=self.title,
            summary_html=f"<p>{self.text}</p>",
            text=self.text,
            author=None,
            published=self.published,
            content_hash=hashlib.sha256(f"{guid}|{self.title}|{self.text}".encode()).hexdigest(),
            relevant=self.relevant,
            tags=tuple(
                Tag(issue=slug, score=1.0, matches=tuple(self._match(t) for t in terms))
                for slug, terms in self.tags.items()
            ),
        )


    def _match(self, term: str) -> Match:
        """Where the term is, as the tagger reports it: in the title, else the text, else nowhere."""
        for field_name, source in (("title", self.title), ("summary", self.text)):
            start = source.casefold().find(term.casefold())
            if start >= 0:
                return Match(term, field_name, start, start + len(term))
        return Match(term, "title", 0, 0)


def add_issues(store: Store) -> None:
    store.issues.add("tariffs", "Tariffs and trade")
    store.issues.add("visit", "The visit")
    store.issues.add("human_rights", "Human rights")
    store.baseline.put(
        [
            BaselineFact(
                id="canola-tariff",
                issues=("tariffs",),
                statement="China imposed a 100% tariff on canola oil. It followed Canada's tariffs.",
                date="2025-03-01",
                date_label="March 2025",
                figures=(Figure("Tariff on canola oil", 100.0, "%"),),
            ),
            BaselineFact(id="visit-dates", issues=("visit",), statement="The visit runs 13 to 17 January."),
        ]
    )
    store.issues.save_rule("tariffs", {"any": ["tariff", "canola"]}, user_edited=False, now=NOW)


def add_feed(store: Store, title: str, url: str) -> int:
    return store.feeds.add(url, title=title, now=NOW).id


def ingest(store: Store, feed_id: int, entries: list[Entry], now: datetime = NOW) -> tuple[int, ...]:
    outcome = FeedOutcome(status="ok", attempted_at=now, next_poll_at=now + timedelta(hours=1))
    return store.ingest.store_feed(feed_id, outcome, [e.incoming() for e in entries], now).new_ids


def days_ago(n: float) -> datetime:
    return NOW - timedelta(days=n)


_JSON_TYPES = {
    "object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
    "integer": int, "number": (int, float),
}
_ANNOTATIONS = {"$schema", "$id", "$defs", "title", "description", "format"}


def schema_errors(value: object, schema: dict, root: dict | None = None, at: str = "$") -> list[str]:
    """Where `value` breaks `schema`: the subset of JSON Schema 2020-12 the digest schema uses.

    An unknown keyword is an error too, so that the schema cannot grow past this check unnoticed.
    """
    import re

    root = root or schema
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return schema_errors(value, root["$defs"][name], root, at)
    errors: list[str] = []
    for key, rule in schema.items():
        if key in _ANNOTATIONS:
            continue
        if key == "type":
            kinds = rule if isinstance(rule, list) else [rule]
            if not any(_is_type(value, kind) for kind in kinds):
                errors.append(f"{at}: {value!r} is not {rule}")
        elif key == "const":
            if value != rule or type(value) is not type(rule):
                errors.append(f"{at}: {value!r} is not {rule!r}")
        elif key == "required":
            errors += [f"{at}: missing {k}" for k in rule if isinstance(value, dict) and k not in value]
        elif key == "properties":
            if isinstance(value, dict):
                for name, sub in rule.items():
                    if name in value:
                        errors += schema_errors(value[name], sub, root, f"{at}.{name}")
        elif key == "items":
            if isinstance(value, list):
                for index, element in enumerate(value):
                    errors += schema_errors(element, rule, root, f"{at}[{index}]")
        elif key == "minimum":
            if isinstance(value, (int, float)) and value < rule:
                errors.append(f"{at}: {value} < {rule}")
        elif key == "pattern":
            if isinstance(value, str) and not re.search(rule, value):
                errors.append(f"{at}: {value!r} does not match {rule}")
        else:
            errors.append(f"{at}: the check does not know the keyword {key}")
    return errors


def _is_type(value: object, kind: str) -> bool:
    if kind in ("integer", "number") and isinstance(value, bool):
        return False
    return isinstance(value, _JSON_TYPES[kind])
