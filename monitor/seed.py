"""First run fills the database from resources/; later runs add only what a newer version brings.

The reader's edits win: rules the reader changed are never overwritten, feeds the
reader removed are never added back.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from db import Store
from db.issues import RELEVANCE_SCOPE
from db.records import BaselineFact
from monitor import resources
from monitor.localized import localize_default_feeds
from monitor.opml import OPMLReadResult, read_opml
from monitor.opml_store import import_opml
from monitor.tagging import rules_from_resource

ISSUES_VERSION_KEY = "resources.tracked_issues.version"
BASELINE_VERSION_KEY = "resources.baseline.version"
OFFERED_FEEDS_KEY = "resources.feeds.offered"
CHECKED_KEY = "resources.checked"  # see seed()
SEEDED_FILES = ("tracked_issues.toml", "baseline.toml", "feeds.opml")


@dataclass(frozen=True)
class SeedReport:
    issues_added: int = 0
    rules_written: int = 0
    facts_written: int = 0
    feeds_added: int = 0

    @property
    def changed(self) -> bool:
        return any((self.issues_added, self.rules_written, self.facts_written, self.feeds_added))


def seed(store: Store, now: datetime, lang: str = "en") -> SeedReport:
    """Bring the database up to the shipped resources; a no-op (and no write) when it is.

    `lang` is the interface's language: the default feeds are first offered under the folders
    and titles it names them by (the reader's own to rename after that).

    Every command starts here, so the resources are read as data only when they are not
    the ones this database was last brought up to (reading the rules' TOML is most of a
    command's start-up otherwise).
    """
    digest = hashlib.sha256(b"\0".join(resources.read_bytes(name) for name in SEEDED_FILES)).hexdigest()
    if store.settings.get(CHECKED_KEY) == _checked(store, digest):
        return SeedReport()
    issues_doc = resources.read_toml("tracked_issues.toml")
    baseline_version, facts = resources.baseline_facts()
    default_feeds = read_opml(resources.read_bytes("feeds.opml"))
    if not _anything_due(store, issues_doc, baseline_version, default_feeds):
        store.settings.set(CHECKED_KEY, _checked(store, digest))
        return SeedReport()
    with store.write():  # the checks run again inside: another process may have seeded meanwhile
        issues_added, rules_written = _seed_issues(store, issues_doc, now)
        facts_written = _seed_baseline(store, baseline_version, facts)
        feeds_added = _seed_feeds(store, default_feeds, now, lang)
        store.settings.set(CHECKED_KEY, _checked(store, digest))
    return SeedReport(issues_added, rules_written, facts_written, feeds_added)


def _checked(store: Store, digest: str) -> dict[str, Any]:
    """What a seed check found: the resources' digest and the versions the database was then at
    (a database another release seeded since no longer matches)."""
    versions = store.settings.get_many([ISSUES_VERSION_KEY, BASELINE_VERSION_KEY])
    return {"digest": digest, "issues": versions.get(ISSUES_VERSION_KEY, 0),
            "baseline": versions.get(BASELINE_VERSION_KEY, 0)}


def _anything_due(
    store: Store, issues_doc: dict[str, Any], baseline_version: int, default_feeds: OPMLReadResult
) -> bool:
    offered = set(store.settings.get(OFFERED_FEEDS_KEY, []))
    return (
        int(issues_doc.get("version", 1)) > store.settings.get(ISSUES_VERSION_KEY, 0)
        or baseline_version > store.settings.get(BASELINE_VERSION_KEY, 0)
        or any(feed.url not in offered for feed in default_feeds.feeds)
    )


def _seed_issues(store: Store, doc: dict[str, Any], now: datetime) -> tuple[int, int]:
    version = int(doc.get("version", 1))
    if version <= store.settings.get(ISSUES_VERSION_KEY, 0):
        return 0, 0
    known = {issue.slug for issue in store.issues.list()}
    added = 0
    for entry in resources.tracked_issue_entries(doc):
        if entry["slug"] in known:
            continue
        store.issues.add(
            entry["slug"],
            entry.get("name", entry["slug"]),
            description=entry.get("description", ""),
            colour=entry.get("colour", "#607d8b"),
            notify=bool(entry.get("notify", True)),
        )
        added += 1
    rules = rules_from_resource(doc)
    stored = store.issues.rules()
    written = 0
    scopes = [(RELEVANCE_SCOPE, rules.get("relevance", {})), *rules.get("issues", {}).items()]
    for scope, body in scopes:
        if scope in stored and stored[scope].user_edited:
            continue
        store.issues.save_rule(scope, body, user_edited=False, now=now)
        written += 1
    store.settings.set(ISSUES_VERSION_KEY, version)
    return added, written


def _seed_baseline(store: Store, version: int, facts: list[BaselineFact]) -> int:
    if version <= store.settings.get(BASELINE_VERSION_KEY, 0):
        return 0
    written = store.baseline.put(facts)
    store.settings.set(BASELINE_VERSION_KEY, version)
    return written


def _seed_feeds(store: Store, default_feeds: OPMLReadResult, now: datetime, lang: str) -> int:
    """Offer each default feed once: one the reader removed never comes back, one listed is kept."""
    offered = set(store.settings.get(OFFERED_FEEDS_KEY, []))
    new = tuple(feed for feed in default_feeds.feeds if feed.url not in offered)
    if not new:
        return 0
    new = tuple(localize_default_feeds(new, lang))
    result = import_opml(store, replace(default_feeds, feeds=new), now)
    store.settings.set(OFFERED_FEEDS_KEY, sorted(offered | {feed.url for feed in new}))
    return len(result.added)
