"""`digest`: what moved on each tracked issue over a period, as md, html, pdf, csv or json."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from monitor.digest.formats import FORMATS, PAGE_SIZES, PDF_NEEDS_QT
from monitor.timespec import parse_since

if TYPE_CHECKING:
    from monitor.cli import Context


def register(commands: argparse._SubParsersAction) -> None:
    digest = commands.add_parser(
        "digest",
        help="a digest of the tracked issues over a period",
        description="A digest of what moved on each tracked issue: counts against the previous "
        "period, the baseline, and the items with why they were tagged.",
    )
    digest.add_argument(
        "--since", metavar="SPAN|DATE", default="7d", help="e.g. 24h, 7d or 2026-01-12 (default 7d)"
    )
    digest.add_argument(
        "--until", metavar="SPAN|DATE",
        help="end of the period (default now); a date includes that whole day (UTC)",
    )
    digest.add_argument(
        "--issue", metavar="SLUG", action="append", default=[],
        help="only this tracked issue; repeat for several (default: all)",
    )
    digest.add_argument("--unread", action="store_true", help="only unread items")
    digest.add_argument("--starred", action="store_true", help="only starred items")
    digest.add_argument(
        "--format", choices=FORMATS,
        help="output format (default: from the -o file's extension)",
    )
    digest.add_argument(
        "--lang", choices=("en", "fr"),
        help="the digest's language (default: the app's language setting, else the system's)",
    )
    digest.add_argument("--page-size", choices=PAGE_SIZES, default="A4", help="PDF page size (default A4)")
    digest.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    digest.set_defaults(func=run_digest)


def run_digest(args: argparse.Namespace, ctx: Context) -> int:
    # The templates load only when a digest is made, not for every command's start.
    from monitor.cli import UsageError
    from monitor.digest.build import DigestError, build_digest
    from monitor.digest.files import format_from_path, write_digest
    from monitor.digest.lang import language_for
    from monitor.digest.render import render
    from monitor.settings import load as load_settings

    output = Path(args.output).expanduser() if args.output else None
    fmt = args.format or (format_from_path(output) if output else None)
    if fmt is None:
        raise UsageError("choose a format with --format md|html|pdf|csv|json")
    if fmt == "pdf" and ctx.pdf_renderer is None:
        raise UsageError(PDF_NEEDS_QT)
    if fmt == "pdf" and output is None:
        raise UsageError("a PDF goes to a file: add -o FILE.pdf")
    now = ctx.clock()
    since, until = parse_since(args.since, now), _until(args.until, now)
    store = ctx.store()
    lang = args.lang or language_for(load_settings(store).language)
    try:
        digest = build_digest(store, since, until, args.issue, args.unread, args.starred, now=now, lang=lang)
        if output is not None:
            write_digest(digest, fmt, output, pdf_renderer=ctx.pdf_renderer, page_size=args.page_size)
            return 0
        data = render(digest, fmt, page_size=args.page_size)
    except DigestError as exc:
        raise UsageError(str(exc)) from None
    sys.stdout.write(data.decode("utf-8"))
    sys.stdout.flush()
    return 0


def _until(text: str | None, now: datetime) -> datetime:
    """The end of the period: now, a moment, or the end of a named day."""
    if not text:
        return now
    moment = parse_since(text, now)
    return moment + timedelta(days=1) if _is_bare_date(text) else moment


def _is_bare_date(text: str) -> bool:
    value = text.strip()
    return len(value) == 10 and value[4] == "-" and value[7] == "-"
