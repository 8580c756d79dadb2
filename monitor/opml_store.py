"""The feed list in and out of OPML: the one path the CLI, the Feeds dialog and seeding share.

Parsing and writing the documents is `monitor.opml` (pure); this module is where they
meet the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from db import Store
from db.records import NewFeed
from monitor.opml import OPMLFeed, OPMLReadResult, write_opml


@dataclass(frozen=True)
class OPMLImport:
    added: tuple[OPMLFeed, ...]
    skipped: tuple[OPMLFeed, ...]  # already in the feed list, left as the reader has them
    problems: tuple[str, ...]  # outlines that could not be read, one line each


@dataclass(frozen=True)
class OPMLExport:
    data: bytes
    feeds: int


def import_opml(store: Store, document: OPMLReadResult, now: datetime) -> OPMLImport:
    """Add the document's feeds in one transaction: all of them are stored or none is.

    A feed already listed is skipped, not changed, even when another process listed it
    after the document was read.
    """
    added = set(
        store.feeds.add_many(
            (NewFeed(f.url, f.title, f.category, f.site_url) for f in document.feeds), now=now
        )
    )
    return OPMLImport(
        added=tuple(f for f in document.feeds if f.url in added),
        skipped=tuple(f for f in document.feeds if f.url not in added),
        problems=document.problems,
    )


def export_opml(store: Store) -> OPMLExport:
    """The whole feed list as an OPML 2.0 document; categories become nested outlines."""
    feeds = [OPMLFeed(f.url, f.title, f.site_url, f.category) for f in store.feeds.list()]
    return OPMLExport(write_opml(feeds), len(feeds))
