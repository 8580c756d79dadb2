"""`stories` (what happened, across outlets) and `moves` (what changed against the baseline)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from db.records import Move, StoredMove, Story
from monitor.cli import UsageError
from monitor.cli.arguments import MAX_LIMIT, whole_number
from monitor.cli.output import print_json_lines, print_table
from monitor.cli.progress import ProgressBar
from monitor.stories.assign import recluster
from monitor.timespec import parse_since

if TYPE_CHECKING:
    from monitor.cli import Context


def register(commands: argparse._SubParsersAction) -> None:
    stories = commands.add_parser(
        "stories", help="stories (items that report one happening), latest first"
    )
    stories.add_argument("--issue", metavar="SLUG", help="only stories on this tracked issue")
    stories.add_argument(
        "--since", metavar="SPAN|DATE", help="stories with an item since, e.g. 7d or 2026-01-12"
    )
    stories.add_argument(
        "--limit", type=whole_number(0, MAX_LIMIT), default=200, metavar="N",
        help="at most N stories (default 200)"
    )
    stories.add_argument("--json", action="store_true", help="one JSON object per line")
    stories.set_defaults(func=run_stories)

    recluster = commands.add_parser(
        "recluster", help="put every stored item in its story again; stories you merged or split stay so"
    )
    recluster.set_defaults(func=run_recluster)

    moves = commands.add_parser(
        "moves", help="what items report that differs from the baseline, newest first"
    )
    moves.add_argument("--since", metavar="SPAN|DATE", help="moves reported since, e.g. 7d or 2026-01-12")
    moves.add_argument("--json", action="store_true", help="one JSON object per line")
    moves.set_defaults(func=run_moves)


def move_json(move: Move) -> dict[str, Any]:
    return {
        "fact": move.fact, "figure": move.figure, "baseline": move.baseline,
        "reported": move.reported, "words": move.words,
    }


def stored_move_json(stored: StoredMove) -> dict[str, Any]:
    return {**move_json(stored.move), "article_id": stored.article_id, "published": stored.published}


def story_json(story: Story, moves: list[StoredMove]) -> dict[str, Any]:
    return {
        "id": story.id,
        "headline": story.headline,
        "headline_reason": story.headline_reason,
        "first_seen": story.first_date,
        "first_outlet": story.first_outlet,
        "last_grown": story.last_grown,
        "outlets": list(story.outlets),
        "items": list(story.item_ids),
        "issues": list(story.issues),
        "moves": [stored_move_json(m) for m in moves],
    }


def run_stories(args: argparse.Namespace, ctx: Context) -> int:
    if args.limit < 0:
        raise UsageError("--limit must be zero or more")
    since = parse_since(args.since, ctx.clock()) if args.since else None
    store = ctx.store()
    if args.issue:
        store.issues.get(args.issue)  # an unknown slug is a one-line error
    found = store.stories.recent(since, issue=args.issue, limit=args.limit)
    moves = store.moves.of_articles([a for s in found for a in s.item_ids])
    per_story = {s.id: [m for a in s.item_ids for m in moves.get(a, [])] for s in found}
    if args.json:
        print_json_lines(story_json(s, per_story[s.id]) for s in found)
        return 0
    print_table(
        ["id", "first seen", "outlets", "issues", "moves", "headline"],
        [
            (s.id, s.first_date, len(s.outlets), ",".join(s.issues) or "-", len(per_story[s.id]) or "",
             ("" if not s.unread else "* ") + s.headline)
            for s in found
        ],
        max_width=70,
    )
    return 0


def run_recluster(args: argparse.Namespace, ctx: Context) -> int:
    with ProgressBar("recluster", stream=sys.stderr) as bar:
        told = recluster(ctx.store(), on_progress=bar.update)
    print(f"{told.assigned} items in {told.stories} stories")
    return 0


def run_moves(args: argparse.Namespace, ctx: Context) -> int:
    since = parse_since(args.since, ctx.clock()) if args.since else None
    found = ctx.store().moves.recent(since)
    if args.json:
        print_json_lines(stored_move_json(m) for m in found)
        return 0
    print_table(
        ["date", "fact", "figure", "baseline", "reported", "words"],
        [
            (m.published, m.move.fact, m.move.figure or "(state)", m.move.baseline, m.move.reported,
             m.move.words)
            for m in found
        ],
        max_width=50,
    )
    return 0
