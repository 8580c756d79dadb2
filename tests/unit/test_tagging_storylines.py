"""The shipped rules on the storylines real headlines are phrased in (headlines written here
from the categories of misses seen on real ones; the measure is the labelled sets)."""

from __future__ import annotations

from datetime import UTC

import pytest

from monitor.tagging import Tagger


@pytest.fixture(scope="module")
def shipped() -> Tagger:
    return Tagger.from_resource()


@pytest.mark.parametrize(("title", "lang", "issues"), [
    ("Foreign interference commission finds some MPs were 'witting' participants", "en",
     {"election_interference"}),
    ("Rapport du CPSNR : des parlementaires auraient aidé sciemment des États étrangers", "fr",
     {"election_interference"}),
    ("Canada expels Chinese diplomat over intimidation of MP's family", "en",
     {"election_interference"}),
    ("康明凱與斯帕弗獲釋返國", "zh", {"human_rights"}),
    ("Libération des deux Michael : Ottawa salue la fin d'un long calvaire", "fr", {"human_rights"}),
    ("Le Canada suspend son traité d'extradition avec Hong Kong", "fr", {"human_rights"}),
    ("Trudeau et Xi ont un échange tendu en marge du G20 à Bali", "fr", {"visit"}),
    ("习近平会见加拿大总理卡尼 双方同意建立新型战略伙伴关系", "zh", {"visit"}),
    ("Carney et Xi annoncent un nouveau partenariat stratégique", "fr", {"visit"}),
    ("Ottawa impose une surtaxe de 100 % sur les véhicules électriques fabriqués en Chine", "fr",
     {"tariffs"}),
    ("Les VE chinois frappés d'une surtaxe de 100 % dès le 1er octobre", "fr", {"tariffs"}),
    ("商务部：我国决定对原产于加拿大的进口油菜籽进行反倾销立案调查", "zh", {"tariffs"}),
])
def test_storyline_headlines_get_their_issues(shipped, title, lang, issues):
    verdict = shipped.classify(title, "", lang)
    assert verdict.relevant and {t.issue for t in verdict.tags} == issues


@pytest.mark.parametrize(("title", "summary"), [
    # Canada as one of a list of countries
    ("New tariffs on can-making metal imported from China, Germany and Canada", ""),
    ("California may ban snacks whose additives are banned in Canada, Japan, China and the EU", ""),
])
def test_canada_in_a_list_of_countries_is_not_a_relation(shipped, title, summary):
    assert not shipped.classify(title, summary, "en").relevant


def test_a_trade_mission_to_another_country_is_not_the_visit(shipped):
    verdict = shipped.classify(
        "Alberta premier leads trade mission to India as she seeks markets beyond China", "", "en")
    assert "visit" not in {t.issue for t in verdict.tags}


def test_an_arrest_by_canadian_police_is_not_a_rights_case(shipped):
    verdict = shipped.classify(
        "RCMP arrests Hydro-Québec employee accused of spying for China", "", "en")
    assert verdict.relevant and "human_rights" not in {t.issue for t in verdict.tags}


def test_huawei_cfo_before_a_court_is_the_meng_case_unnamed(shipped):
    verdict = shipped.classify("Huawei CFO's lawyers argue bail conditions are too strict", "", "en")
    assert verdict.relevant


def test_a_group_with_a_window_of_days_counts_only_for_items_published_in_it():
    from datetime import date, datetime

    tagger = Tagger.from_rules({
        "relevance": {"threshold": 1.0, "groups": [{"name": "c", "terms": ["canada"]}]},
        "issues": {"visit": {"threshold": 1.0, "groups": [
            {"name": "deals", "terms": ["deal"], "during": ["2026-01-13", "2026-01-20"]},
        ]}},
    })
    title = "Canada and China reach a deal on canola"
    in_window = tagger.classify(title, "", "en", datetime(2026, 1, 16, 9, tzinfo=UTC))
    assert [t.issue for t in in_window.tags] == ["visit"]
    assert tagger.classify(title, "", "en", date(2026, 3, 2)).tags == ()
    assert tagger.classify(title, "", "en").tags == ()  # no date: the window cannot be met


@pytest.mark.parametrize(("during", "message"), [
    (["2026-01-20", "2026-01-13"], "ends before it starts"),
    (["13 January"], "two dates"),
    ("2026-01-13", "list of two dates"),
])
def test_a_bad_window_of_days_is_a_rule_error(during, message):
    import copy

    from monitor.rules import RuleError, load_resource_rules, parse_rules, rules_from_resource

    rules = copy.deepcopy(rules_from_resource(load_resource_rules()))
    rules["issues"]["visit"]["groups"][0]["during"] = during
    with pytest.raises(RuleError, match=message):
        parse_rules(rules)
