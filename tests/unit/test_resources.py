"""The shipped data files: baseline facts (TOML) and default feeds (OPML).

They are read through importlib.resources, as the application reads them, so a file left
out of the package data fails here rather than on a user's machine.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ISSUE_SLUGS = {"tariffs", "visit", "human_rights", "election_interference"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
FACT_KEYS = {"id", "issues", "statement", "quote", "date", "date_end", "date_label", "event",
             "figures", "changes"}
LANGUAGES = ("en", "fr", "zh")
FIGURE_KEYS = {"label", "value", "unit", "qualifier", "phrase", "quote", "same", "window", *LANGUAGES}
CHANGE_KEYS = {"baseline", "reported", "after", "before", "window", *LANGUAGES}
# How the article may spell a figure in words instead of digits.
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "first": 1, "second": 2, "third": 3, "fourth": 4,
    "fifth": 5, "double": 2, "twice": 2, "triple": 3, "half": 0.5,
}
ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "seed" / "article.txt"


def _resource_text(name: str) -> str:
    return (importlib.resources.files("resources") / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def baseline() -> dict:
    return tomllib.loads(_resource_text("baseline.toml"))


@pytest.fixture(scope="module")
def facts(baseline: dict) -> list[dict]:
    return baseline["facts"]


@pytest.fixture(scope="module")
def figures(facts: list[dict]) -> list[tuple[str, dict]]:
    return [(fact["id"], figure) for fact in facts for figure in fact.get("figures", [])]


@pytest.fixture(scope="module")
def article() -> str:
    if not ARTICLE.is_file():
        pytest.skip(f"seed article not found at {ARTICLE}")
    return _squash(ARTICLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def opml() -> ET.Element:
    return ET.fromstring(_resource_text("feeds.opml"))


@pytest.fixture(scope="module")
def feeds(opml: ET.Element) -> list[ET.Element]:
    return [o for o in opml.iter("outline") if o.get("type") == "rss" or o.get("xmlUrl")]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _numbers(text: str) -> set[float]:
    return {float(n) for n in NUMBER.findall(text)}


def _parse_iso_date(value: object) -> dt.date:
    assert isinstance(value, str) and ISO_DATE.match(value), f"not YYYY-MM-DD: {value!r}"
    return dt.date.fromisoformat(value)


# --- baseline.toml ----------------------------------------------------------------------


def test_baseline_has_an_integer_version_and_a_dated_source(baseline):
    assert isinstance(baseline["version"], int) and baseline["version"] >= 1
    source = baseline["source"]
    assert source["title"].strip()
    assert source["kind"] == "baseline article"
    _parse_iso_date(source["date"])


def test_every_fact_has_an_id_issues_and_a_statement(facts):
    assert len(facts) >= 20
    for fact in facts:
        assert isinstance(fact.get("id"), str) and fact["id"], fact
        assert isinstance(fact.get("issues"), list), fact["id"]
        assert isinstance(fact.get("statement"), str) and fact["statement"].strip(), fact["id"]


def test_facts_use_only_the_documented_keys(facts):
    for fact in facts:
        assert set(fact) <= FACT_KEYS, (fact["id"], set(fact) - FACT_KEYS)
        for figure in fact.get("figures", []):
            assert set(figure) <= FIGURE_KEYS, (fact["id"], set(figure) - FIGURE_KEYS)


def test_fact_ids_are_unique_slugs(facts):
    ids = [fact["id"] for fact in facts]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert all(SLUG.match(i) for i in ids), [i for i in ids if not SLUG.match(i)]


def test_fact_issues_come_from_the_four_tracked_issue_slugs(facts):
    for fact in facts:
        assert set(fact["issues"]) <= ISSUE_SLUGS, (fact["id"], fact["issues"])
        assert len(fact["issues"]) == len(set(fact["issues"])), fact["id"]


def test_every_tracked_issue_has_at_least_one_baseline_fact(facts):
    covered = {issue for fact in facts for issue in fact["issues"]}
    assert covered == ISSUE_SLUGS


def test_fact_dates_are_iso_dates_and_periods_run_forward(facts):
    for fact in facts:
        if "date" in fact:
            start = _parse_iso_date(fact["date"])
            if "date_end" in fact:
                assert _parse_iso_date(fact["date_end"]) >= start, fact["id"]
        else:
            assert "date_end" not in fact, f"{fact['id']}: date_end without date"


def test_every_dated_fact_says_how_a_person_reads_its_date(facts):
    for fact in facts:
        if "date" in fact:
            assert isinstance(fact.get("date_label"), str) and fact["date_label"].strip(), fact["id"]
            year = fact["date"][:4]
            assert year in fact["date_label"], (fact["id"], fact["date_label"])


def test_timeline_events_are_flagged_with_booleans_and_always_dated(facts):
    events = [fact for fact in facts if fact.get("event")]
    assert events
    for fact in facts:
        assert isinstance(fact.get("event", False), bool), fact["id"]
    for fact in events:
        assert "date" in fact, f"{fact['id']} is an event without a date"


def test_no_fact_is_dated_after_the_period_the_article_covers(baseline, facts):
    # The article looks forward only to the visit; a later date would be an outside fact.
    latest = max(_parse_iso_date(f.get("date_end", f["date"])) for f in facts if "date" in f)
    source_date = _parse_iso_date(baseline["source"]["date"])
    assert latest - source_date <= dt.timedelta(days=31)


def test_figures_have_a_label_a_number_and_a_unit(figures):
    assert figures
    for fact_id, figure in figures:
        assert isinstance(figure.get("label"), str) and figure["label"].strip(), fact_id
        value = figure.get("value")
        assert isinstance(value, int | float) and not isinstance(value, bool), fact_id
        assert isinstance(figure.get("unit"), str) and figure["unit"].strip(), fact_id
        assert isinstance(figure.get("qualifier", ""), str), fact_id


def test_each_figure_is_quoted_from_the_article(figures, article):
    for fact_id, figure in figures:
        quote = figure.get("quote", "")
        assert quote and _squash(quote) in article, (fact_id, figure["label"], quote)


def test_each_figure_value_is_the_number_its_quote_states(figures):
    for fact_id, figure in figures:
        words = {NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", figure["quote"].lower())
                 if w in NUMBER_WORDS}
        stated = _numbers(figure["quote"]) | {float(w) for w in words}
        assert float(figure["value"]) in stated, (fact_id, figure["label"], figure["quote"])


def test_every_figure_says_what_it_measures_in_english_french_and_chinese(figures):
    for fact_id, figure in figures:
        for lang in LANGUAGES:
            words = figure.get(lang)
            assert isinstance(words, dict), (fact_id, figure["label"], lang)
            subject = words.get("subject")
            assert subject and all(group and all(isinstance(t, str) and t.strip() for t in group)
                                   for group in subject), (fact_id, figure["label"], lang)
            units = words.get("units")
            assert units, (fact_id, figure["label"], lang)
            for unit in units:
                pattern = unit if isinstance(unit, str) else unit[0]
                assert pattern.replace("#", "").strip(), (fact_id, lang, unit)
                assert isinstance(unit, str) or ("#" not in pattern) or unit[1] > 0, (fact_id, unit)


def test_every_figure_restates_its_own_baseline_value(figures):
    """`same` is the range of reported values that are no move: the baseline lies in it."""
    for fact_id, figure in figures:
        low, high = figure["same"]
        assert low <= float(figure["value"]) <= high, (fact_id, figure["label"], figure["same"])


def test_changes_say_the_baseline_state_the_new_state_and_their_words(facts, baseline):
    changes = [(fact["id"], change) for fact in facts for change in fact.get("changes", [])]
    assert changes
    for fact_id, change in changes:
        assert set(change) <= CHANGE_KEYS, (fact_id, set(change) - CHANGE_KEYS)
        assert change["baseline"].strip() and change["reported"].strip(), fact_id
        for lang in LANGUAGES:
            assert change[lang]["trigger"], (fact_id, lang)
            assert all(group for group in change[lang].get("near", [])), (fact_id, lang)
        for key in ("after", "before"):
            if key in change:
                assert _parse_iso_date(change[key]) >= _parse_iso_date(baseline["source"]["date"])


def test_the_baseline_article_itself_moves_nothing(baseline, article):
    """Every figure and state of the article restates the baseline: no move in its text."""
    from monitor.moves import MoveDetector

    detector = MoveDetector.from_baseline(baseline)
    published = _parse_iso_date(baseline["source"]["date"])
    assert detector.detect("", article, "en", published) == []


def test_key_baseline_figures_appear_in_the_article_text(figures, article):
    values = {float(figure["value"]) for _, figure in figures}
    for expected in ("118.7", "85.5", "25", "70", "2035", "2017"):
        assert float(expected) in values, f"no figure of {expected}"
        assert expected in article
    for value in values:
        assert f"{value:g}" in article or value in NUMBER_WORDS.values(), value


def test_each_fact_quote_is_verbatim_from_the_article(facts, article):
    for fact in facts:
        assert fact.get("quote"), f"{fact['id']} has no supporting quote"
        assert _squash(fact["quote"]) in article, fact["id"]


def test_statements_contain_no_number_the_article_does_not(facts, article):
    in_article = _numbers(article)
    for fact in facts:
        invented = _numbers(fact["statement"]) - in_article
        assert not invented, (fact["id"], sorted(invented))


def test_date_labels_contain_no_number_the_article_does_not(facts, article):
    in_article = _numbers(article)
    for fact in facts:
        invented = _numbers(fact.get("date_label", "")) - in_article
        assert not invented, (fact["id"], sorted(invented))


# --- feeds.opml -------------------------------------------------------------------------


def test_feeds_file_is_opml_2_with_the_product_title(opml):
    assert opml.tag == "opml"
    assert opml.get("version") == "2.0"
    assert opml.findtext("head/title") == "Canada–China Monitor default feeds"
    assert opml.find("body") is not None


def test_every_feed_outline_has_an_http_xml_url_with_a_host(feeds):
    assert 20 <= len(feeds) <= 40
    for feed in feeds:
        url = urlsplit(feed.get("xmlUrl", ""))
        assert url.scheme in {"http", "https"} and url.netloc, feed.get("text")


def test_every_feed_outline_is_typed_rss_and_named(feeds):
    for feed in feeds:
        assert feed.get("type") == "rss", feed.get("xmlUrl")
        assert (feed.get("text") or "").strip(), feed.get("xmlUrl")
        assert (feed.get("title") or "").strip(), feed.get("xmlUrl")


def test_feed_home_pages_are_http_urls(feeds):
    for feed in feeds:
        url = urlsplit(feed.get("htmlUrl", ""))
        assert url.scheme in {"http", "https"} and url.netloc, feed.get("text")


def test_no_feed_url_is_listed_twice(feeds):
    urls = [feed.get("xmlUrl") for feed in feeds]
    assert len(urls) == len(set(urls)), sorted(u for u in urls if urls.count(u) > 1)


def test_feeds_sit_inside_named_categories(opml):
    categories = list(opml.find("body"))
    assert {c.get("text") for c in categories} >= {
        "Canadian (English)", "Canadian (French)", "Chinese state media (English)",
        "Wires and international", "Government of Canada", "Google News searches",
    }
    for category in categories:
        assert category.get("xmlUrl") is None, category.get("text")
        children = list(category)
        assert children, f"empty category {category.get('text')}"
        assert all(child.get("xmlUrl") for child in children), category.get("text")


def test_feeds_cover_english_and_french_sources(feeds):
    languages = [feed.get("language") for feed in feeds]
    assert set(languages) == {"en", "fr"}


def test_google_news_feeds_are_rss_search_endpoints_in_both_languages(feeds):
    google = [urlsplit(f.get("xmlUrl")) for f in feeds if "news.google.com" in f.get("xmlUrl")]
    assert google
    assert all(url.path == "/rss/search" and "q=" in url.query for url in google)
    assert {q for url in google for q in url.query.split("&") if q.startswith("hl=")} >= {
        "hl=en-CA", "hl=fr-CA"}
