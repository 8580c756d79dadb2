"""Retagging stored articles with the current rules; the reader's manual tags always win."""

from __future__ import annotations

from datetime import UTC, datetime

from db import ArticleQuery
from db.records import FeedOutcome, IncomingItem
from monitor.retag import retag_all, tagger_for
from monitor.rules_preview import preview_changes

NOW = datetime(2026, 1, 20, tzinfo=UTC)
TARIFF = "Canada imposes 100% tariff on Chinese electric vehicles"
VISIT = "Carney meets Xi Jinping in Beijing as visit opens"
PANDAS = "Calgary Zoo says goodbye to its giant pandas"


def stored(store, *titles: str) -> dict[str, int]:
    """Articles stored untagged (as an old rule set would have left them)."""
    feed = store.feeds.add("https://example.org/rss")
    items = [
        IncomingItem(guid=t, url=None, title=t, summary_html="", text="", author=None,
                     published=None, content_hash=t, relevant=True)
        for t in titles
    ]
    outcome = FeedOutcome(status="ok", attempted_at=NOW, next_poll_at=NOW)
    result = store.ingest.store_feed(feed.id, outcome, items, NOW)
    return dict(zip(titles, result.new_ids, strict=True))


def issues_of(store, article_id: int) -> set[str]:
    return {t.issue for t in store.articles.tags(article_id)}


def test_retag_applies_the_rules_to_every_stored_article(seeded_store):
    ids = stored(seeded_store, TARIFF, VISIT, PANDAS)
    summary = retag_all(seeded_store, tagger_for(seeded_store))
    assert summary.total == 3
    assert "tariffs" in issues_of(seeded_store, ids[TARIFF])
    assert "visit" in issues_of(seeded_store, ids[VISIT])
    assert not seeded_store.articles.get(ids[PANDAS]).relevant
    assert seeded_store.articles.count(ArticleQuery(issue="tariffs")) == 1


def test_manual_tags_survive_a_retag(seeded_store):
    ids = stored(seeded_store, TARIFF, VISIT)
    retag_all(seeded_store, tagger_for(seeded_store))
    seeded_store.articles.set_manual_tag(ids[TARIFF], "tariffs", present=False)
    seeded_store.articles.set_manual_tag(ids[TARIFF], "human_rights", present=True)

    retag_all(seeded_store, tagger_for(seeded_store))

    assert issues_of(seeded_store, ids[TARIFF]) == {"human_rights"}
    manual = {t.issue: t.source for t in seeded_store.articles.tags(ids[TARIFF])}
    assert manual == {"human_rights": "manual"}


def test_a_manual_tag_makes_a_hidden_item_visible_and_keeps_it_after_retag(seeded_store):
    ids = stored(seeded_store, PANDAS)
    retag_all(seeded_store, tagger_for(seeded_store))
    assert seeded_store.articles.count() == 0
    seeded_store.articles.set_manual_tag(ids[PANDAS], "visit", present=True)
    retag_all(seeded_store, tagger_for(seeded_store))
    assert seeded_store.articles.ids(ArticleQuery(issue="visit")) == [ids[PANDAS]]


def test_a_removed_tag_added_back_by_hand_stays_through_a_retag(seeded_store):
    ids = stored(seeded_store, TARIFF)
    retag_all(seeded_store, tagger_for(seeded_store))
    seeded_store.articles.set_manual_tag(ids[TARIFF], "tariffs", present=False)
    retag_all(seeded_store, tagger_for(seeded_store))
    assert "tariffs" not in issues_of(seeded_store, ids[TARIFF])
    seeded_store.articles.set_manual_tag(ids[TARIFF], "tariffs", present=True)
    retag_all(seeded_store, tagger_for(seeded_store))
    assert "tariffs" in issues_of(seeded_store, ids[TARIFF])


def test_preview_shows_what_edited_rules_would_tag_without_writing(seeded_store):
    ids = stored(seeded_store, TARIFF, VISIT, PANDAS)
    found = preview_changes(seeded_store, seeded_store.issues.rule_bodies(), "visit")
    assert [(r.row.id, r.change) for r in found.rows] == [(ids[VISIT], "gains")]
    assert found.rows[0].terms  # the words that would tag it
    assert seeded_store.articles.tags(ids[VISIT]) == []  # nothing written


def test_retag_command_prints_a_summary(cli):
    result = cli("retag")
    assert result.code == 0
    assert result.out.startswith("retagged 0 articles")
