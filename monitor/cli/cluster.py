"""`cluster`: JSON Lines of items in, the story of each out, in the same order; no database.

Items are assigned in publication order (as `recluster` does), so the answer does not
depend on the order of the lines; each story's key is the line number of its first item.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from monitor.cli.classify import _json_lines, _usage_error
from monitor.rules import load_resource_rules, parse_rules, rules_from_resource
from monitor.stories import StoryItem, recluster
from monitor.stories.items import ItemError, item_from_json

if TYPE_CHECKING:
    from monitor.cli import Context

CLUSTER_HELP = """\
Reads JSON Lines on stdin, one item a line: {"title", "summary", "lang", "published",
"outlet"} (all but title optional; published is ISO 8601). Writes one line per item, in
the same order: {"story": "<id>"}; items with the same id report the same happening.
Blank lines are skipped; a line may be at most 1 MiB long. The whole input is read
first (a story can only be told once its items are known): at a bad line (longer than
1 MiB, not JSON, not an object, a field of the wrong type, a published that is not a
date) nothing is written and the command stops with one error
line naming the line number, exit status 2."""


def register(subparsers: argparse._SubParsersAction) -> None:
    cluster = subparsers.add_parser(
        "cluster",
        help="group items from stdin (JSON Lines) into stories",
        description=CLUSTER_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cluster.set_defaults(func=run_cluster)


def run_cluster(args: argparse.Namespace, ctx: Context | None = None) -> int:
    items: list[StoryItem] = []
    for number, value in _json_lines(getattr(sys.stdin, "buffer", sys.stdin), "stdin"):
        try:
            items.append(item_from_json(value, str(number)))
        except ItemError as exc:
            raise _usage_error(f"stdin line {number}: {exc}") from None
    rules = parse_rules(rules_from_resource(load_resource_rules()))
    assignment = recluster(items, rules)
    out = sys.stdout
    for item in items:
        out.write(json.dumps({"story": assignment[item.key]}) + "\n")
    out.flush()
    return 0
