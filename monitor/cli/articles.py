"""`articles` (what the monitor found) and `baseline` (what was true on the seed day)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from db import ArticleQuery, Store
from db.records import Article, ArticleRow, BaselineFact
from monitor.cli import UsageError
from monitor.cli.arguments import MAX_LIMIT, whole_number
from monitor.cli.output import print_json_lines, print_table
from monitor.timespec import parse_since

if TYPE_CHECKING:
    from monitor.cli import Context

PAGE = 500


def register(commands: argparse._SubParsersAction) -> None:
    articles = commands.add_parser("articles", help="list stored articles, newest first")
    articles.add_argument("--issue", metavar="SLUG", help="only articles tagged with this tracked issue")
    articles.add_argument("--since", metavar="SPAN|DATE", help="e.g. 24h, 7d, 2w or 2026-01-12")
    articles.add_argument("--search", metavar="TEXT", help='full-text search: words, "phrases", AND OR NOT')
    articles.add_argument("--unread", action="store_true", help="only unread articles")
    articles.add_argument("--starred", action="store_true", help="only starred articles")
    articles.add_argument(
        "--all", action="store_true", help="include items judged not about Canada–China"
    )
    articles.add_argument("--limit", type=whole_number(0, MAX_LIMIT), metavar="N", help="at most N articles")
    articles.add_argument("--json", action="store_true", help="one JSON object per line")
    articles.set_defaults(func=run_articles)

    baseline = commands.add_parser("baseline", help="the baseline facts, grouped by tracked issue")
    baseline.add_argument("--json", action="store_true", help="one JSON object per line")
    baseline.set_defaults(func=run_baseline)


def run_articles(args: argparse.Namespace, ctx: Context) -> int:
    since = parse_since(args.since, ctx.clock()) if args.since else None
    if args.limit is not None and args.limit < 0:
        raise UsageError("--limit must be zero or more")
    store = ctx.store()
    if args.issue:
        store.issues.get(args.issue)  # an unknown slug is a one-line error
    query = ArticleQuery(
        issue=args.issue,
        since=since,
        search=args.search,
        unread=args.unread,
        starred=args.starred,
        include_irrelevant=args.all,
    )
    pages = _pages(store, query, args.limit)
    if args.json:
        print_json_lines(obj for page in pages for obj in _articles_json(store, page))
    else:
        print_table(
            ["id", "date", "issues", "source", "title"],
            [
                (r.id, r.date, ",".join(r.issues) or "-", r.feed_title, ("" if r.read else "* ") + r.title)
                for page in pages
                for r in page
            ],
            max_width=70,
        )
    return 0


def _pages(store: Store, query: ArticleQuery, limit: int | None) -> Iterator[list[ArticleRow]]:
    offset = 0
    while limit is None or offset < limit:
        size = PAGE if limit is None else min(PAGE, limit - offset)
        page = store.articles.rows(query, offset=offset, limit=size)
        yield page
        if len(page) < size:
            return
        offset += size


def _articles_json(store: Store, page: list[ArticleRow]) -> Iterator[dict[str, Any]]:
    """One page as JSON objects, read with a few queries for the page, not a few per article."""
    ids = [row.id for row in page]
    articles = {a.id: a for a in store.articles.get_many(ids)}
    carriers = store.articles.feed_urls(ids)
    for row in page:
        if row.id in articles:
            yield _article_json(articles[row.id], row, carriers.get(row.id, []))


def _article_json(article: Article, row: ArticleRow, feed_urls: list[str]) -> dict[str, Any]:
    return {
        "id": article.id,
        "feed_url": feed_urls[0] if feed_urls else None,
        "feeds": feed_urls,
        "guid": article.guid,
        "title": article.title,
        "url": article.url,
        "published": article.date,
        "first_seen": article.first_seen,
        "relevant": article.relevant,
        "issues": list(row.issues),
        "read": row.read,
        "starred": row.starred,
        "summary": article.text,
    }


def fact_json(fact: BaselineFact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "issues": list(fact.issues),
        "statement": fact.statement,
        "date": fact.date,
        "date_end": fact.date_end,
        "date_label": fact.date_label,
        "event": fact.event,
        "figures": [
            {"label": f.label, "value": f.value, "unit": f.unit, "qualifier": f.qualifier}
            for f in fact.figures
        ],
        "source": fact.source,
        "source_date": fact.source_date,
    }


def run_baseline(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    facts = store.baseline.list()
    if args.json:
        print_json_lines(fact_json(f) for f in facts)
        return 0
    groups = [(i.slug, i.name) for i in store.issues.list()] + [("", "Context")]
    for slug, name in groups:
        members = [f for f in facts if (slug in f.issues if slug else not f.issues)]
        if not members:
            continue
        print(f"{name}\n{'=' * len(name)}")
        for fact in members:
            when = f"[{fact.date_label}] " if fact.date_label else ""
            print(f"- {when}{fact.statement}")
            for fig in fact.figures:
                qualifier = f"{fig.qualifier} " if fig.qualifier else ""
                print(f"    {fig.label}: {qualifier}{fig.value:g} {fig.unit}".rstrip())
        print()
    return 0
