"""`retag`: apply the current rules to every stored article (manual tags stay)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from monitor.cli.progress import ProgressBar
from monitor.retag import retag_all, tagger_for

if TYPE_CHECKING:
    from monitor.cli import Context


def register(commands: argparse._SubParsersAction) -> None:
    retag = commands.add_parser(
        "retag", help="re-apply the current rules to every stored article; manual tags stay"
    )
    retag.set_defaults(func=run_retag)


def run_retag(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    tagger = tagger_for(store)
    with ProgressBar("retag", stream=sys.stderr) as bar:
        summary = retag_all(store, tagger, on_progress=bar.update)
    issues = ", ".join(f"{slug} {n}" for slug, n in sorted(summary.by_issue.items())) or "none"
    print(f"retagged {summary.total} articles: {summary.relevant} about Canada–China; tags: {issues}; "
          f"{summary.stories} stories")
    return 0
