"""The tagging engine on small rules written for each test: matching, scoring, offsets, errors."""

from __future__ import annotations

import json
import random
import time

import pytest

from monitor.rules import load_resource_rules
from monitor.tagging import (
    Classification,
    Match,
    RuleError,
    Tagger,
    match_to_json,
    rules_from_resource,
    tag_to_json,
)


def group(name: str, terms: list[str], **extra: object) -> dict:
    return {"name": name, "terms": terms, **extra}


def scope(*groups: dict, threshold: float = 1.0, **extra: object) -> dict:
    return {"threshold": threshold, "groups": list(groups), **extra}


def tagger_with_terms(*terms: str) -> Tagger:
    """Relevance passes on any one of `terms`; no issues."""
    return Tagger.from_rules({"relevance": scope(group("any", list(terms))), "issues": {}})


def matched(tagger: Tagger, title: str, summary: str = "") -> list[str]:
    """The original text of every relevance match, title first."""
    result = tagger.classify(title, summary)
    fields = {"title": title, "summary": summary}
    return [fields[m.field][m.start : m.end] for m in result.relevance_matches]


# --- words, case, accents, languages ---------------------------------------------------------


def test_a_short_name_does_not_match_inside_a_longer_word():
    tagger = tagger_with_terms("xi")
    assert matched(tagger, "Xinjiang cotton map") == []
    assert matched(tagger, "Xinjiang: Xi speaks") == ["Xi"]


def test_trade_does_not_match_trademark_or_intrade():
    tagger = tagger_with_terms("trade")
    assert matched(tagger, "A trademark dispute at Intrade") == []
    assert matched(tagger, "Trade, trademark") == ["Trade"]


def test_case_and_accents_are_folded_on_both_sides():
    tagger = tagger_with_terms("ingérence", "PEKIN")
    assert matched(tagger, "INGERENCE à Pékin") == ["INGERENCE", "Pékin"]


def test_the_ligatures_fold_as_they_are_spelt_out():
    tagger = tagger_with_terms("boeuf", "bois d'oeuvre")
    assert matched(tagger, "Le bœuf et le BŒUF, le bois d’œuvre") == [
        "bœuf", "BŒUF", "bois d’œuvre"]


def test_french_elision_matches_with_straight_and_typographic_apostrophes():
    tagger = tagger_with_terms("ingerence*")
    assert matched(tagger, "l'ingérence étrangère") == ["ingérence"]
    assert matched(tagger, "l’ingérence étrangère") == ["ingérence"]
    assert matched(tagger, "d’ingérences") == ["ingérences"]


def test_a_phrase_with_an_apostrophe_matches_either_apostrophe():
    tagger = tagger_with_terms("droits de l'homme")
    assert matched(tagger, "Les droits de l’homme en Chine") == ["droits de l’homme"]


def test_chinese_terms_match_without_word_boundaries():
    tagger = tagger_with_terms("关税", "加拿大")
    assert matched(tagger, "加拿大对中国制电动车课100%关税") == ["加拿大", "关税"]


def test_a_star_matches_the_inflections_of_a_word_only_at_its_start():
    tagger = tagger_with_terms("tariff*")
    assert matched(tagger, "Tariffs, tariffed and a tariff") == ["Tariffs", "tariffed", "tariff"]
    assert matched(tagger, "countertariffs, but counter-tariffs") == ["tariffs"]


def test_a_hyphenated_term_matches_spaced_dashed_and_joined_forms():
    tagger = tagger_with_terms("anti-dumping")
    found = matched(tagger, "anti dumping; anti–dumping; antidumping; anti-dumping")
    assert found == ["anti dumping", "anti–dumping", "antidumping", "anti-dumping"]


def test_words_of_a_phrase_must_be_adjacent_within_one_sentence():
    tagger = tagger_with_terms("trade war")
    assert matched(tagger, "A trade war looms") == ["trade war"]
    assert matched(tagger, "Free trade. War in Europe") == []
    assert matched(tagger, "trade and war") == []


def test_an_exact_case_term_matches_only_that_spelling():
    tagger = tagger_with_terms("=US")
    assert matched(tagger, "US tariffs hurt us") == ["US"]


def test_an_abbreviation_with_dots_does_not_match_the_plain_word():
    tagger = tagger_with_terms("u.s.")
    assert matched(tagger, "The U.S. and us") == ["U.S"]


def test_lang_is_only_a_hint_and_every_language_applies():
    tagger = tagger_with_terms("tarif*", "关税")
    assert tagger.classify("Nouveaux tarifs", lang="en").relevant
    assert tagger.classify("新关税", lang="fr").relevant


def test_a_missing_summary_counts_as_empty():
    tagger = tagger_with_terms("canola")
    assert tagger.classify("Canola", None).relevant  # type: ignore[arg-type]
    assert not tagger.classify("", None).relevant  # type: ignore[arg-type]


# --- offsets ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ingérence étrangère", "Ingérence"),
        ("ﬁrst: ingérence", "ingérence"),  # a ligature folds to two letters before the match
        ("e\u0301tude, inge\u0301rence", "inge\u0301rence"),  # accents as separate marks
        ("ＩＮＧＥＲＥＮＣＥ", "ＩＮＧＥＲＥＮＣＥ"),  # full-width letters
        ("« l’ingérence » …", "ingérence"),
    ],
)
def test_offsets_point_into_the_original_text_whatever_folding_did(text, expected):
    tagger = tagger_with_terms("ingerence")
    [match] = tagger.classify(text).relevance_matches
    assert text[match.start : match.end] == expected


def test_matches_name_the_rule_term_and_the_field():
    tagger = tagger_with_terms("tariff*")
    result = tagger.classify("Tariffs rise", "New tariff on steel")
    assert result.relevance_matches == (
        Match("tariff*", "title", 0, 7),
        Match("tariff*", "summary", 4, 10),
    )


def test_offsets_in_chinese_text_point_at_the_term():
    tagger = tagger_with_terms("关税", "canada")
    text = "Canada：加拿大跟进美国，对中国制电动车课100%关税"
    spans = [(m.start, m.end) for m in tagger.classify(text).relevance_matches]
    assert [text[s:e] for s, e in spans] == ["Canada", "关税"]


# --- scoring -------------------------------------------------------------------------------


def test_an_exclusion_voids_the_hits_it_overlaps_and_no_others():
    rules = {
        "relevance": scope(group("china", ["chinese"], exclude=["chinese canadian*"])),
        "issues": {},
    }
    tagger = Tagger.from_rules(rules)
    assert not tagger.classify("Chinese Canadian museum opens").relevant
    assert tagger.classify("Chinese Canadians and the Chinese consulate").relevant


def test_a_title_hit_counts_title_weight_times_a_summary_hit():
    rules = {"relevance": scope(group("g", ["canola"]), threshold=2.0, title_weight=2.0)}
    tagger = Tagger.from_rules(rules)
    assert tagger.classify("Canola dispute").relevant
    assert not tagger.classify("A dispute", "over canola").relevant
    assert tagger.classify("Canola dispute").relevance_score == 2.0


def test_a_term_counts_once_however_often_it_appears_and_a_group_stops_at_its_cap():
    rules = {"relevance": scope(group("g", ["a1", "a2", "a3"], cap=2.0), threshold=3.0)}
    tagger = Tagger.from_rules(rules)
    assert tagger.classify("x", "a1 a1 a1 a1").relevance_score == 1.0
    assert tagger.classify("x", "a1 a2 a3").relevance_score == 2.0


def test_near_counts_a_hit_only_with_context_within_the_given_words():
    rules = {
        "relevance": scope(group("g", ["x"])),
        "issues": {
            "visit": scope(
                group("trip", ["visit*"], near=["where"], within=3),
                group("where", ["beijing"], weight=0.0),
            )
        },
    }
    tagger = Tagger.from_rules(rules)
    assert [t.issue for t in tagger.classify("x visits Beijing").tags] == ["visit"]
    assert tagger.classify("x visits one two three four Beijing").tags == ()


def test_near_context_in_the_other_field_does_not_count():
    rules = {
        "relevance": scope(group("g", ["x"])),
        "issues": {
            "visit": scope(
                group("trip", ["visit*"], near=["where"], within=10),
                group("where", ["beijing"], weight=0.0),
            )
        },
    }
    tagger = Tagger.from_rules(rules)
    assert tagger.classify("x visit", "to Beijing").tags == ()


def test_near_may_name_a_group_of_another_scope():
    rules = {
        "relevance": scope(group("china", ["beijing"])),
        "issues": {"visit": scope(group("trip", ["visit*"], near=["relevance:china"], within=2))},
    }
    tagger = Tagger.from_rules(rules)
    [tag] = tagger.classify("Visit to Beijing").tags
    assert [m.term for m in tag.matches] == ["visit*", "beijing"]


def _third_country_rules() -> dict:
    """"india" lowers the score unless "china" is named within 3 words of it."""
    return {
        "relevance": scope(
            group("canada", ["canada"], cap=2.0),
            group("other", ["india"], weight=-5.0, unless_near=["china"], within=3),
            group("china", ["china"], weight=0.0),
            threshold=2.0,
        )
    }


def test_unless_near_voids_a_hit_with_such_a_hit_close_by():
    tagger = Tagger.from_rules(_third_country_rules())
    assert not tagger.classify("Canada and India").relevant
    assert tagger.classify("Canada warns India and China").relevant


def test_unless_near_keeps_a_hit_when_the_other_hit_is_far_or_in_the_other_field():
    tagger = Tagger.from_rules(_third_country_rules())
    assert not tagger.classify("Canada warns India, one two three four China").relevant
    assert not tagger.classify("Canada warns India", "and China").relevant


def test_unless_near_combines_with_near():
    rules = {
        "relevance": scope(
            group("canada", ["canada"], cap=2.0),
            group("other", ["india"], weight=-5.0, near=["meddling"], unless_near=["china"],
                  within=3),
            group("meddling", ["interference"], weight=0.0),
            group("china", ["china"], weight=0.0),
            threshold=2.0,
        )
    }
    tagger = Tagger.from_rules(rules)
    assert tagger.classify("Canada and India trade").relevant  # no interference close by
    assert not tagger.classify("Canada, India interference").relevant
    assert tagger.classify("Canada, India, China interference").relevant


def test_a_context_group_named_in_require_still_meets_it():
    rules = {
        "relevance": scope(
            group("canada", ["canada"]),
            group("china", ["china"], weight=0.0),
            require=[["china"]],
        )
    }
    tagger = Tagger.from_rules(rules)
    assert not tagger.classify("Canada").relevant
    assert tagger.classify("Canada and China").relevant


def test_require_blocks_a_scope_until_each_entry_has_a_hit():
    rules = {
        "relevance": scope(
            group("canada", ["canada"]),
            group("china", ["china"]),
            require=[["canada"], ["china"]],
        )
    }
    tagger = Tagger.from_rules(rules)
    assert not tagger.classify("Canada and Canada").relevant
    assert tagger.classify("Canada and China").relevant


def test_a_negative_group_lowers_the_score():
    rules = {
        "relevance": scope(
            group("sides", ["canada", "china"], cap=2.0),
            group("sport", ["curling"], weight=-5.0),
            threshold=2.0,
        )
    }
    tagger = Tagger.from_rules(rules)
    assert tagger.classify("x", "Canada beat China").relevant
    assert not tagger.classify("x", "Canada beat China at curling").relevant


def test_meeting_an_issue_adds_the_relevance_issue_bonus():
    rules = {
        "relevance": scope(group("canada", ["canada"]), threshold=3.0, issue_bonus=2.0),
        "issues": {"tariffs": scope(group("t", ["tariff*"]))},
    }
    tagger = Tagger.from_rules(rules)
    assert not tagger.classify("x", "Canada and a dispute").relevant
    result = tagger.classify("x", "Canada and tariffs")
    assert result.relevant and result.relevance_score == 3.0


def test_an_item_judged_not_relevant_carries_no_tags():
    rules = {
        "relevance": scope(group("canada", ["canada"]), threshold=5.0),
        "issues": {"tariffs": scope(group("t", ["tariff*"]))},
    }
    result = Tagger.from_rules(rules).classify("Canada tariffs")
    assert result == Classification(False, 2.0, result.relevance_matches, ())


def test_tags_follow_the_order_of_the_issues_and_explain_themselves():
    rules = {
        "relevance": scope(group("any", ["canada"])),
        "issues": {
            "visit": scope(group("v", ["visit*"])),
            "tariffs": scope(group("t", ["tariff*"])),
        },
    }
    result = Tagger.from_rules(rules).classify("Canada: tariffs after the visit")
    assert [t.issue for t in result.tags] == ["visit", "tariffs"]
    assert tag_to_json(result.tags[1]) == {
        "issue": "tariffs",
        "score": 2.0,
        "matches": [{"term": "tariff*", "field": "title", "start": 8, "end": 15}],
    }
    assert match_to_json(result.tags[0].matches[0])["term"] == "visit*"


def test_rules_survive_a_round_trip_through_json():
    rules = rules_from_resource(load_resource_rules())
    copy = json.loads(json.dumps(rules, ensure_ascii=False))
    title, summary = "Carney meets Xi in Beijing", "Talks on canola tariffs."
    assert Tagger.from_rules(copy).classify(title, summary) == Tagger.from_rules(rules).classify(
        title, summary
    )


# --- malformed rules -----------------------------------------------------------------------

GOOD = scope(group("a", ["x"]))


@pytest.mark.parametrize(
    ("rules", "named"),
    [
        (None, "rules"),
        ({"relevance": {}}, "relevance"),
        ({"relevance": {**GOOD, "threshold": 0}}, "threshold"),
        ({"relevance": {**GOOD, "threshold": "2"}}, "threshold"),
        ({"relevance": {**GOOD, "treshold": 2}}, "treshold"),
        ({"relevance": scope()}, "groups"),
        ({"relevance": scope(group("a", []))}, "terms"),
        ({"relevance": scope(group("a", ["vis*it"]))}, "vis*it"),
        ({"relevance": scope(group("a", ["***"]))}, "***"),
        ({"relevance": scope(group("a", [7]))}, "terms[0]"),
        ({"relevance": scope(group("a", ["=two words"]))}, "=two words"),
        ({"relevance": scope(group("a", ["x"]), group("a", ["y"]))}, "'a'"),
        ({"relevance": scope(group("a", ["x"], near=["b"]))}, "relevance:b"),
        ({"relevance": scope(group("a", ["x"], unless_near=["b"]))}, "relevance:b"),
        ({"relevance": scope(group("a", ["x"], unless_near="b"))}, "unless_near"),
        ({"relevance": scope(group("a", ["x"], within=-1))}, "within"),
        ({"relevance": scope(group("a", ["x"]), require=[["b"]])}, "'b'"),
        ({"relevance": GOOD, "issues": {"Bad slug": GOOD}}, "Bad slug"),
        ({"relevance": GOOD, "issues": {"visit": {**GOOD, "issue_bonus": 1}}}, "visit"),
        ({"relevance": GOOD, "issues": {"visit": scope(group("a", ["x"], exclude="y"))}}, "visit"),
    ],
)
def test_malformed_rules_raise_a_one_line_rule_error_naming_the_bad_entry(rules, named):
    with pytest.raises(RuleError) as caught:
        Tagger.from_rules(rules)
    message = str(caught.value)
    assert named in message
    assert "\n" not in message


def test_a_rule_error_is_a_value_error():
    assert issubclass(RuleError, ValueError)


def test_a_rule_error_names_the_scope_it_comes_from():
    rules = {"relevance": GOOD, "issues": {"visit": scope(group("a", ["vis*it"]))}}
    with pytest.raises(RuleError, match=r"^visit: group 'a' terms\[0\]"):
        Tagger.from_rules(rules)


# --- hostile input and speed -------------------------------------------------------------


def test_hostile_text_is_classified_without_error():
    tagger = Tagger.from_resource()
    rng = random.Random(7)
    alphabet = "aé\u0301ﬁ中國 \u202e\u0000\ud800’'-*.\n\t" + "".join(chr(c) for c in range(0x2000, 0x2070))
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        result = tagger.classify(text, text[::-1])
        for m in result.relevance_matches:
            source = text if m.field == "title" else text[::-1]
            assert 0 <= m.start <= m.end <= len(source)


def test_a_long_summary_is_classified_in_linear_time():
    tagger = Tagger.from_resource()
    paragraph = "Canada and China discuss canola tariffs in Beijing. " * 2_000  # ~100 kB
    started = time.perf_counter()
    result = tagger.classify("Talks", paragraph)
    assert result.relevant
    assert time.perf_counter() - started < 2.0


def test_a_term_repeated_endlessly_is_explained_a_bounded_number_of_times():
    tagger = Tagger.from_resource()
    text = "Canada China tariff visit Xi " * 50_000
    started = time.perf_counter()
    result = tagger.classify("Canada and China", text)
    assert time.perf_counter() - started < 3.0
    assert result.relevant
    canada = [m for m in result.relevance_matches if m.term == "canada" and m.field == "summary"]
    assert 1 <= len(canada) <= 20


# --- the shipped rules -------------------------------------------------------------------


def test_the_shipped_rules_name_four_issues_with_distinct_readable_colours():
    doc = load_resource_rules()
    assert isinstance(doc["version"], int) and doc["version"] >= 1
    issues = {entry["slug"]: entry for entry in doc["issues"]}
    assert list(issues) == ["tariffs", "visit", "human_rights", "election_interference"]
    assert [e["name"] for e in issues.values()] == [
        "Tariffs & trade", "The visit", "Human rights", "Election interference",
    ]
    colours = [e["colour"] for e in issues.values()]
    assert len(set(colours)) == 4
    for colour in colours:
        assert _contrast(colour, "#ffffff") >= 3.0, colour  # light theme
        assert _contrast(colour, "#2b2b2b") >= 3.0, colour  # dark theme
    assert all(isinstance(e["notify"], bool) and e["description"] for e in issues.values())
    assert set(rules_from_resource(doc)["issues"]) == set(issues)


def _contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
