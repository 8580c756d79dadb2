"""`feeds list | add | remove | enable | disable | import | export`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from db import Store
from db.records import Feed
from monitor.atomic import write_atomically
from monitor.cli.output import print_json_lines, print_table
from monitor.feedurl import normalise_feed_url
from monitor.health import HEALTH_WORDS, health
from monitor.opml import read_opml_file
from monitor.opml_store import export_opml, import_opml
from monitor.terminal import terminal_line

if TYPE_CHECKING:
    from monitor.cli import Context

MAX_FEED_ID = 2**63 - 1  # the largest SQLite integer


def register(commands: argparse._SubParsersAction) -> None:
    feeds = commands.add_parser("feeds", help="list and manage the feeds that are polled")
    sub = feeds.add_subparsers(dest="feeds_command", metavar="<action>", required=True)

    listing = sub.add_parser("list", help="the feeds with their health")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.set_defaults(func=run_list)

    add = sub.add_parser("add", help="add a feed by its http(s) address")
    add.add_argument("url")
    add.add_argument("--title")
    add.add_argument("--category")
    add.add_argument(
        "--no-fetch", action="store_true", help="only list it; the next poll fetches it"
    )
    add.set_defaults(func=run_add)

    remove = sub.add_parser("remove", help="remove a feed and the articles only it carried")
    remove.add_argument("feed", metavar="ID|URL")
    remove.set_defaults(func=run_remove)

    for name, enabled in (("enable", True), ("disable", False)):
        toggle = sub.add_parser(name, help=f"{name} polling of a feed")
        toggle.add_argument("feed", metavar="ID|URL")
        toggle.set_defaults(func=run_toggle, enabled=enabled)

    imp = sub.add_parser("import", help="add the feeds of an OPML file (categories kept)")
    imp.add_argument("file", metavar="FILE.opml", type=Path)
    imp.set_defaults(func=run_import)

    exp = sub.add_parser("export", help="write the feed list as OPML 2.0")
    exp.add_argument("file", metavar="FILE.opml", type=Path)
    exp.set_defaults(func=run_export)


def feed_json(feed: Feed) -> dict[str, object]:
    return {
        "id": feed.id,
        "url": feed.url,
        "title": feed.title,
        "category": feed.category,
        "enabled": feed.enabled,
        "last_status": feed.last_status,
        "last_http_status": feed.last_http_status,
        "last_error": feed.last_error,
        "last_success": feed.last_success_at,
        "next_poll": feed.next_poll_at,
    }


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    feeds = ctx.store().feeds.list()
    if args.json:
        print_json_lines(feed_json(f) for f in feeds)
        return 0
    print_table(
        ["id", "health", "category", "title", "last success", "last error"],
        [
            (f.id, HEALTH_WORDS[health(f)], f.category, f.display_title, f.last_success_at, f.last_error)
            for f in feeds
        ],
    )
    return 0


def find_feed(store: Store, key: str) -> Feed:
    from db import NotFoundError

    if key.isascii() and key.isdigit():  # not "²", which str.isdigit() also accepts
        if int(key) > MAX_FEED_ID:
            raise NotFoundError(f"no feed with id {key}")
        return store.feeds.get(int(key))
    feed = store.feeds.find(key) or store.feeds.find(_try_normalise(key))
    if feed is None:
        raise NotFoundError(f"no feed with id or address '{key}'")
    return feed


def _try_normalise(key: str) -> str:
    try:
        return normalise_feed_url(key)
    except ValueError:
        return key


def run_add(args: argparse.Namespace, ctx: Context) -> int:
    url = normalise_feed_url(args.url)
    feed = ctx.store().feeds.add(url, title=args.title, category=args.category, now=ctx.clock())
    print(f"added feed {feed.id}: {feed.url}")
    if not args.no_fetch:
        _fetch_once(ctx, feed)
    return 0


def _fetch_once(ctx: Context, feed: Feed) -> None:
    """One GET right away, so the reader sees at once whether the feed works.

    A feed that cannot be fetched stays listed and shows as failing; it is retried
    on the usual schedule.
    """
    from monitor.poller import FeedResult, Poller

    results: list[FeedResult] = []
    with Poller(ctx.db_path, clock=ctx.clock, fetch_workers=1, parse_processes=0) as poller:
        poller.poll(feed_ids=[feed.id], on_result=results.append)
    for result in results:
        if result.status in ("ok", "not_modified"):
            print(f"fetched feed {feed.id}: {len(result.new_ids)} new items")
        else:
            print(f"feed {feed.id} is failing: {result.error} (it stays listed and will be retried)",
                  file=sys.stderr)


def run_remove(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    feed = find_feed(store, args.feed)
    store.feeds.remove(feed.id)
    print(f"removed feed {feed.id}: {feed.url}")
    return 0


def run_toggle(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    feed = store.feeds.set_enabled(find_feed(store, args.feed).id, args.enabled)
    print(f"{'enabled' if feed.enabled else 'disabled'} feed {feed.id}: {feed.url}")
    return 0


def run_import(args: argparse.Namespace, ctx: Context) -> int:
    document = read_opml_file(args.file)  # a bad file stops here, before the store opens
    result = import_opml(ctx.store(), document, ctx.clock())
    for problem in result.problems:
        print(terminal_line(f"{args.file}: {problem}"), file=sys.stderr)
    print(f"imported {len(result.added)} feeds from {args.file} ({len(result.skipped)} already listed, "
          f"{len(result.problems)} skipped)")
    return 0


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    export = export_opml(ctx.store())
    try:
        write_atomically(args.file, export.data)
    except OSError as exc:
        raise OSError(f"cannot write {args.file}: {exc.strerror or exc}") from None
    print(f"exported {export.feeds} feeds to {args.file}")
    return 0
