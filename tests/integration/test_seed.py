"""First run fills the database from resources/; later runs respect the reader's edits."""

from __future__ import annotations

from datetime import UTC, datetime

from monitor import resources
from monitor.opml import read_opml
from monitor.seed import BASELINE_VERSION_KEY, ISSUES_VERSION_KEY, seed

NOW = datetime(2026, 1, 20, tzinfo=UTC)


def test_first_run_seeds_issues_rules_baseline_and_default_feeds(store):
    report = seed(store, NOW)
    assert [i.slug for i in store.issues.list()] == [
        "tariffs", "visit", "human_rights", "election_interference"
    ]
    assert all(i.colour.startswith("#") and i.name for i in store.issues.list())
    assert set(store.issues.rules()) == {
        "relevance", "tariffs", "visit", "human_rights", "election_interference"
    }
    _, facts = resources.baseline_facts()
    assert len(store.baseline.list()) == len(facts) == report.facts_written
    default_feeds = read_opml(resources.read_bytes("feeds.opml")).feeds
    assert store.feeds.count() == len(default_feeds) == report.feeds_added


def test_a_second_run_changes_nothing(store):
    seed(store, NOW)
    assert not seed(store, NOW).changed


def test_a_newer_resource_version_adds_what_is_new_but_keeps_the_readers_edits(store):
    seed(store, NOW)
    store.issues.save_rule("visit", {"any": ["my own term"]}, user_edited=True)
    store.issues.update("tariffs", name="Trade (mine)")
    removed = store.feeds.list()[0]
    store.feeds.remove(removed.id)
    untouched_scope = "human_rights"
    store.issues.save_rule(untouched_scope, {"stale": True}, user_edited=False)
    store.baseline.put([])  # nothing deleted: put only adds or replaces

    # Pretend the stored resources are from an older release.
    store.settings.set(ISSUES_VERSION_KEY, 0)
    store.settings.set(BASELINE_VERSION_KEY, 0)
    seed(store, NOW)

    rules = store.issues.rules()
    assert rules["visit"].body == {"any": ["my own term"]}
    assert rules[untouched_scope].body != {"stale": True}
    assert store.issues.get("tariffs").name == "Trade (mine)"
    assert store.feeds.find(removed.url) is None


def test_a_french_first_run_lists_the_default_feeds_under_french_folders_and_titles(store):
    seed(store, NOW, "fr")
    feeds = {feed.url: feed for feed in store.feeds.list()}
    shipped = read_opml(resources.read_bytes("feeds.opml")).feeds
    folders = {feed.category for feed in feeds.values()}
    assert "Gouvernement du Canada" in folders and "Government of Canada" not in folders
    assert "Médias canadiens (en anglais)" in folders
    cbc = next(f for f in shipped if f.title == "CBC News — Politics")
    assert feeds[cbc.url].title == "CBC News — Politique"
    # Every shipped folder and every title with a section named in English has its French.
    french = resources.read_toml("i18n/data_fr.toml")
    assert {f.category for f in shipped if f.category} <= set(french["feed_folders"])
    english_words = {"Politics", "World", "Business", "China", "Asia", "News", "and", "searches"}
    named_in_english = {f.title for f in shipped  # the section after the outlet's name
                        if f.title and english_words & set(f.title.partition(" — ")[2].split())}
    assert named_in_english <= set(french["feed_titles"]), named_in_english - set(french["feed_titles"])


def test_an_english_first_run_keeps_the_shipped_names(store):
    seed(store, NOW, "en")
    assert "Government of Canada" in {feed.category for feed in store.feeds.list()}
