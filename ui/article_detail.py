"""Everything the article view shows about one item, read from the store in one place."""

from __future__ import annotations

from dataclasses import dataclass

from db import Store
from db.records import Article, BaselineFact, Tag, TrackedIssue
from ui.i18n import shown_facts, shown_issues


@dataclass(frozen=True)
class ArticleDetail:
    article: Article
    feed_titles: tuple[str, ...]  # the item's own feed first, then the others that carried it
    tags: tuple[Tag, ...]
    issues: dict[str, TrackedIssue]
    facts: tuple[BaselineFact, ...]  # the baseline facts of the item's issues


def load_detail(store: Store, article_id: int) -> ArticleDetail:
    with store.read():
        article = store.articles.get(article_id)
        tags = tuple(store.articles.tags(article_id))
        issues = {issue.slug: issue for issue in shown_issues(store.issues.list())}
        titles = store.articles.feed_titles([article_id]).get(article_id, [])
        slugs = {tag.issue for tag in tags}
        facts = tuple(f for f in shown_facts(store.baseline.list()) if slugs & set(f.issues))
    return ArticleDetail(article, tuple(titles), tags, issues, facts)
