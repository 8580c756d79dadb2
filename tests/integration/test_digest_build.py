"""Building a digest from a real database file: counts, changes, order, 'also in', filters."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from db import NotFoundError
from db.records import FeedOutcome, Match, Tag
from monitor.digest.build import DigestError, build_digest, preview
from tests.digest_support import NOW, Entry, add_feed, add_issues, days_ago, ingest


@pytest.fixture
def store(store):
    add_issues(store)
    return store


def section(digest, slug):
    return next(s for s in digest.sections if s.slug == slug)


def tariff_entries(n: int, age_days: float, prefix: str) -> list[Entry]:
    return [
        Entry(f"{prefix} {i}", days_ago(age_days) + timedelta(minutes=i), {"tariffs": ("tariff",)},
              url=f"https://news.example/{prefix}/{i}")
        for i in range(n)
    ]


def test_each_issue_counts_its_items_against_the_previous_period_of_the_same_length(store):
    feed = add_feed(store, "Globe", "https://globe.example/rss")
    ingest(store, feed, tariff_entries(12, 3, "this-week") + tariff_entries(7, 10, "last-week"))
    ingest(store, feed, tariff_entries(4, 20, "older"))  # before the previous period: not counted
    tariffs = section(build_digest(store, days_ago(7), None, now=NOW), "tariffs")
    assert (len(tariffs.items), tariffs.period_total) == (12, 12)
    assert (tariffs.previous_total, tariffs.change) == (7, 5)


def test_the_period_includes_its_start_and_excludes_its_end(store):
    feed = add_feed(store, "Globe", "https://globe.example/rss")
    ingest(store, feed, [
        Entry("at the start", days_ago(7), {"tariffs": ("tariff",)}),
        Entry("at the end", NOW, {"tariffs": ("tariff",)}),
    ])
    titles = [i.title for i in section(build_digest(store, days_ago(7), NOW, now=NOW), "tariffs").items]
    assert titles == ["at the start"]


def test_items_are_listed_newest_first(store):
    feed = add_feed(store, "Globe", "https://globe.example/rss")
    ingest(store, feed, [
        Entry("middle", days_ago(2), {"tariffs": ("tariff",)}),
        Entry("newest", days_ago(1), {"tariffs": ("tariff",)}),
        Entry("oldest", days_ago(3), {"tariffs": ("tariff",)}),
    ])
    items = section(build_digest(store, days_ago(7), None, now=NOW), "tariffs").items
    assert [i.title for i in items] == ["newest", "middle", "oldest"]


def test_an_article_carried_by_several_feeds_appears_once_with_the_others_as_also_in(store):
    globe = add_feed(store, "Globe", "https://globe.example/rss")
    wire = add_feed(store, "Wire", "https://wire.example/rss")
    star = add_feed(store, "Star", "https://star.example/rss")
    story = dict(title="Canola tariff cut", published=days_ago(1), tags={"tariffs": ("canola", "tariff")},
                 url="https://news.example/canola")
    for feed, guid in ((globe, "g-1"), (wire, "w-1"), (star, "s-1")):
        ingest(store, feed, [Entry(guid=guid, **story)])
    items = section(build_digest(store, days_ago(7), None, now=NOW), "tariffs").items
    assert len(items) == 1
    assert (items[0].source, items[0].also_in) == ("Globe", ("Wire", "Star"))


def test_each_item_says_why_it_was_tagged_with_that_sections_issue(store):
    feed = add_feed(store, "Globe", "https://globe.example/rss")
    ingest(store, feed, [Entry("Carney in Beijing talks canola", days_ago(1),
                               {"tariffs": ("canola",), "visit": ("Carney", "Beijing")})])
    digest = build_digest(store, days_ago(7), None, now=NOW)
    assert section(digest, "tariffs").items[0].matched_terms == ("canola",)
    assert section(digest, "visit").items[0].matched_terms == ("Carney", "Beijing")
    assert digest.article_count == 1


def test_a_hand_tagged_item_says_so(store):
    feed = add_feed(store, "Globe", "https://globe.example/rss")
    (article_id,) = ingest(store, feed, [Entry("Quiet item", days_ago(1), {})])
    store.articles.set_manual_tag(article_id, "human_rights", True)
    item = section(build_digest(store, days_ago(7), None, now=NOW), "human_rights").items[0]
    assert (item.tagged_by_hand, item.matched_terms) == (True, ())


def test_items_judged_not_about_the_storyline_are_left_out(store):
    feed = add_feed(store, "Globe", "https://globe.example/rss")
    ingest(store, feed, [Entry("Sports", days_ago(1), {"tariffs": ("tariff",)}, relevant=False)])
    assert section(build_digest(store, days_ago(7), None, now=NOW), "tariffs").period_total == 0


def test_only_unread_lists_unread_items_but_still_counts_the_whole_period(store):
    feed = add_feed(store, "Globe", "https://globe.example/rss")
    ids = ingest(store, feed, tariff_entries(5, 2, "week"))
    store.articles.set_read(ids[:3], now=NOW)
    tariffs = section(build_digest(store, days_ago(7), None, unread=True, now=NOW), "tariffs")
    assert (tariffs.count, tariffs.period_total) == (2, 5)
    assert all(not item.read for item in tariffs.items)


def test_only_starred_lists_starred_items(store):
    feed = add_feed(store, "Globe", "https://globe.example/rss")
    ids = ingest(store, feed, tariff_entries(3, 2, "week"))
    store.articles.set_starred(ids[1], now=NOW)
    tariffs = section(build_digest(store, days_ago(7), None, starred=True, now=NOW), "tariffs")
    assert [i.article_id for i in tariffs.items] == [ids[1]]
    assert tariffs.items[0].starred


def test_chosen_issues_only_and_in_the_apps_order(store):
    digest = build_digest(store, days_ago(7), None, ["human_rights", "tariffs"], now=NOW)
    assert [s.slug for s in digest.sections] == ["tariffs", "human_rights"]


def test_an_unknown_issue_is_refused_with_the_known_ones_named(store):
    with pytest.raises(NotFoundError, match="tariffs"):
        build_digest(store, days_ago(7), None, ["tarifs"], now=NOW)


def test_an_empty_or_reversed_period_is_refused(store):
    with pytest.raises(DigestError):
        build_digest(store, NOW, days_ago(1), now=NOW)


def test_the_header_records_what_makes_the_digest_reproducible(store):
    add_feed(store, "Globe", "https://globe.example/rss")
    store.feeds.set_enabled(add_feed(store, "Old", "https://old.example/rss"), False)
    digest = build_digest(store, days_ago(7), None, now=NOW)
    assert digest.rules_version == store.issues.rules_version()
    assert (digest.since, digest.until, digest.generated_at) == (days_ago(7), NOW, NOW)
    assert [(f.title, f.enabled) for f in digest.feeds] == [("Globe", True)]  # "Old" carried nothing
    store.issues.save_rule("tariffs", {"any": ["duty"]}, now=NOW)
    assert build_digest(store, days_ago(7), None, now=NOW).rules_version != digest.rules_version


def test_each_issue_carries_its_baseline_facts_whole_never_cut_mid_claim(store):
    notes = section(build_digest(store, days_ago(7), None, now=NOW), "tariffs").baseline
    assert [(n.id, n.statement, n.when) for n in notes] == [
        (
            "canola-tariff",
            "China imposed a 100% tariff on canola oil. It followed Canada's tariffs.",
            "March 2025",
        )
    ]
    assert notes[0].figures == ("Tariff on canola oil: 100%",)


def test_titles_and_summaries_are_single_clean_lines(store):
    feed = add_feed(store, "Globe\nFeed", "https://globe.example/rss")
    ingest(store, feed, [Entry("Tariff\x00 news\r\nline", days_ago(1), {"tariffs": ("tariff",)},
                               text="First\x07 line.\nSecond line.", url="javascript:alert(1)")])
    item = section(build_digest(store, days_ago(7), None, now=NOW), "tariffs").items[0]
    assert (item.title, item.summary, item.source, item.url) == (
        "Tariff news line", "First line. Second line.", "Globe Feed", None
    )


def test_a_preview_keeps_the_counts_but_fewer_items(store):
    feed = add_feed(store, "Globe", "https://globe.example/rss")
    ingest(store, feed, tariff_entries(8, 2, "week"))
    shown = section(preview(build_digest(store, days_ago(7), None, now=NOW), 3), "tariffs")
    assert (len(shown.items), shown.count, shown.period_total) == (3, 8, 8)


def test_matched_terms_are_the_words_as_the_item_spells_them(store):
    feed = add_feed(store, "Globe", "https://globe.example/rss")
    entry = Entry("Two Canadians detained", days_ago(1), {}, text="Ottawa protested the detentions.")
    incoming = entry.incoming()
    tag = Tag("human_rights", 1.0, (Match("detain*", "title", 14, 22), Match("detain*", "summary", 21, 31),
                                    Match("canadians", "title", 99, 108)))
    outcome = FeedOutcome(status="ok", attempted_at=NOW, next_poll_at=None)
    store.ingest.store_feed(feed, outcome, [replace(incoming, tags=(tag,))], NOW)
    item = section(build_digest(store, days_ago(7), None, now=NOW), "human_rights").items[0]
    assert item.matched_terms == ("detained", "detentions", "canadians")


def test_a_huge_title_or_feed_name_is_cut_to_a_readable_length(store):
    feed = add_feed(store, "Feed " * 10_000, "https://globe.example/rss")
    ingest(store, feed, [Entry("tariff " * 50_000, days_ago(1), {"tariffs": ("tariff",)}, text="x" * 10**6)])
    digest = build_digest(store, days_ago(7), None, now=NOW)
    item = section(digest, "tariffs").items[0]
    assert len(item.title) <= 400 and item.title.endswith("…")
    assert len(item.source) <= 200 and len(digest.feeds[0].title) <= 200
    assert len(item.summary) <= 280


def test_the_feed_appendix_leaves_out_disabled_feeds_that_carried_nothing_in_the_period(store):
    add_feed(store, "Globe", "https://globe.example/rss")
    paused = add_feed(store, "Paused", "https://paused.example/rss")
    ingest(store, paused, tariff_entries(2, 3, "paused"))
    store.feeds.set_enabled(paused, False)
    store.feeds.set_enabled(add_feed(store, "Dead", "https://dead.example/rss"), False)

    digest = build_digest(store, days_ago(7), None, now=NOW)

    assert [(f.title, f.enabled, f.items) for f in digest.feeds] == [
        ("Globe", True, 0), ("Paused", False, 2),
    ]
