"""Each item's language (the feed's, else detected) and what the rules do with it; the
storyline gazetteer as terms of the rules; the eval's table of confused issues."""

from __future__ import annotations

import copy

import pytest

from monitor.evaluate import NONE, evaluate, format_report
from monitor.gazetteer import GazetteerError, parse_gazetteer, shipped
from monitor.language import detect, item_language, primary_language, script_language
from monitor.pipeline import Pipeline
from monitor.rules import RuleError, load_resource_rules, parse_rules, rules_from_resource
from monitor.tagging import Tagger


def rss(items: list[str], language: str | None) -> bytes:
    lang = f"<language>{language}</language>" if language else ""
    body = "".join(
        f"<item><title>{title}</title><link>https://example.org/{n}</link>"
        f"<guid>g{n}</guid></item>" for n, title in enumerate(items)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>T</title><link>https://example.org/</link>{lang}{body}</channel></rss>").encode()


@pytest.fixture(scope="module")
def shipped_rules() -> dict:
    return rules_from_resource(load_resource_rules())


@pytest.fixture(scope="module")
def pipeline(shipped_rules) -> Pipeline:
    return Pipeline(Tagger.from_rules(shipped_rules))


# --- language ---------------------------------------------------------------------------


@pytest.mark.parametrize(("tag", "primary"), [
    ("en-US", "en"), ("fr", "fr"), ("zh-Hans", "zh"), ("ZH_tw", "zh"), ("", None),
    (None, None), ("not a tag", None),
])
def test_a_language_tag_gives_its_primary_language(tag, primary):
    assert primary_language(tag) == primary


@pytest.mark.parametrize(("text", "lang"), [
    ("Le Canada conclut un accord avec la Chine sur le canola", "fr"),
    ("Canada and China agree to cut tariffs on canola", "en"),
    ("Kanada und China einigen sich auf niedrigere Zölle", "de"),
    ("加拿大公民谢伦伯格被改判死刑", "zh"),
    ("中國宣布對加拿大油菜籽徵收反傾銷稅", "zh"),
    ("Xi Jinping (习近平) meets Carney in Beijing", "en"),  # one quoted name is not Chinese
])
def test_the_language_of_a_headline_is_detected(text, lang):
    assert detect(text) == lang


def test_a_lone_surrogate_does_not_stop_detection():
    assert detect("Canada and China agree \udcff to cut tariffs on canola") == "en"


def test_too_little_text_has_no_language():
    assert detect("G20 live") is None
    assert script_language("Canada") is None


def test_the_feed_declared_language_wins_over_detection():
    assert item_language("fr-CA", "Canada and China agree to cut tariffs") == "fr"
    assert item_language(None, "Le Canada et la Chine concluent un accord") == "fr"


def test_items_carry_their_feed_language_or_a_detected_one(pipeline):
    declared = pipeline.process(rss(["Ottawa and Beijing sign a deal"], "fr-CA"), {}, "https://e/")
    assert [item.lang for item in declared.items] == ["fr"]
    mixed = ["Le Canada conclut un accord avec la Chine sur les véhicules électriques",
             "Canada imposes a 100% tariff on Chinese electric vehicles",
             "中方宣布对原产于加拿大的油菜籽征收反倾销保证金"]
    undeclared = pipeline.process(rss(mixed, None), {}, "https://e/")
    assert [item.lang for item in undeclared.items] == ["fr", "en", "zh"]


# --- rules that read the language -----------------------------------------------------------


def test_a_group_limited_to_a_language_counts_only_in_that_language(shipped_rules):
    # "我国" (our country) is the Chinese side only in a Chinese statement
    tagger = Tagger.from_rules(shipped_rules)
    statement = "商务部：我国决定对原产于加拿大的进口油菜籽征收反倾销保证金"
    assert tagger.classify(statement, "", "zh").relevant
    rules = copy.deepcopy(shipped_rules)
    for group in rules["relevance"]["groups"]:
        if group["name"] in ("china_first_person", "canada_origin"):
            group["langs"] = ["fr"]
    limited = Tagger.from_rules(rules)
    assert not limited.classify("我国决定对原产于加拿大的进口油菜籽征收保证金", "", "zh").relevant


def test_unknown_language_is_read_from_the_script(shipped_rules):
    tagger = Tagger.from_rules(shipped_rules)
    assert tagger.classify("我国决定对原产于加拿大的进口油菜籽征收保证金").relevant


def test_bad_language_codes_are_refused_with_the_group_named(shipped_rules):
    rules = copy.deepcopy(shipped_rules)
    rules["relevance"]["groups"][0]["langs"] = ["French"]
    with pytest.raises(RuleError, match="langs must be ISO 639-1"):
        parse_rules(rules)


# --- the gazetteer --------------------------------------------------------------------------


def test_rules_take_the_names_of_the_gazetteer_entries_they_select(shipped_rules):
    tagger = Tagger.from_rules(shipped_rules)
    # the Chinese name of one of the detained Canadians, from the gazetteer alone
    verdict = tagger.classify("康明凯获释返回加拿大", "", "zh")
    assert "human_rights" in {t.issue for t in verdict.tags}
    assert any(m.term == "康明凯" for t in verdict.tags for m in t.matches)
    nsicop = tagger.classify("NSICOP report says some parliamentarians were 'witting' "
                             "participants in foreign interference", "", "en")
    assert nsicop.relevant and "election_interference" in {t.issue for t in nsicop.tags}


def test_selectors_pick_entries_by_id_and_by_tags():
    gazetteer = shipped()
    assert "hogue commission" in gazetteer.terms(["hogue_commission"])
    people = {e.id for e in gazetteer.select(["tag:interference+person"])}
    assert {"han_dong", "zhao_wei"} <= people
    politicians = {e.id for e in gazetteer.select(["tag:interference+politician"])}
    assert {"erin_otoole", "michael_chong"} <= politicians  # targets, not actors
    assert not people & politicians


def test_an_unknown_selector_is_a_rule_error_naming_the_group(shipped_rules):
    rules = copy.deepcopy(shipped_rules)
    rules["relevance"]["groups"][0]["entities"] = ["tag:nothing-has-this"]
    with pytest.raises(RuleError, match="no gazetteer entry matches 'tag:nothing-has-this'"):
        parse_rules(rules)


@pytest.mark.parametrize(("doc", "message"), [
    ({"entities": [{"id": "a", "kind": "person"}]}, "no names"),
    ({"entities": [{"id": "a", "kind": "person", "en": ["x"]}] * 2}, "two entries"),
    ({"entities": [{"id": "a", "kind": "person", "en": ["=two words"]}]}, "'='"),
    ({"entities": [{"id": "a", "en": ["x"]}]}, "needs a kind"),
    ({"entities": [{"id": "a", "kind": "person", "en": ["x"], "colour": 1}]}, "unknown key"),
])
def test_a_bad_gazetteer_says_which_entry(doc, message):
    with pytest.raises(GazetteerError, match=message):
        parse_gazetteer(doc)


# --- eval: which issue was given instead of which --------------------------------------------


def test_eval_counts_issues_given_in_place_of_others(shipped_rules):
    tagger = Tagger.from_rules(shipped_rules)
    items = [
        # labelled as interference, tagged as a tariff item
        {"title": "China imposes 100% tariffs on Canadian canola oil and peas", "summary": "",
         "lang": "en", "relevant": True, "issues": ["election_interference"]},
        {"title": "China imposes 100% tariffs on Canadian canola oil and peas", "summary": "",
         "lang": "en", "relevant": True, "issues": ["tariffs", "visit"]},
    ]
    report = evaluate(tagger, items)
    assert report.confusion[("tariffs", "election_interference")] == 1
    assert report.confusion[(NONE, "visit")] == 1
    text = format_report(report)
    assert "tariffs                  instead of election_interference" in text


def test_without_the_model_items_have_no_detected_language_and_nothing_fails(monkeypatch):
    import sys

    from monitor import language

    monkeypatch.setitem(sys.modules, "fasttext", None)  # as if the library could not be loaded
    language._detector.cache_clear()
    try:
        assert detect("Le Canada et la Chine concluent un accord sur le canola") is None
        assert item_language("fr-CA", "Le Canada et la Chine concluent un accord") == "fr"
    finally:
        language._detector.cache_clear()
