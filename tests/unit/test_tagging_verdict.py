"""`Tagger.verdict`, the poll's and retag's short way, judges every item as `classify` does."""

from __future__ import annotations

from monitor.parse import parse_feed
from monitor.tagging import Tagger
from tests.labelled_items import labelled_items
from tests.sample_feeds import sample_feeds


def _feed_entries() -> list[tuple[str, str, str | None, object]]:
    entries = []
    for path in sample_feeds():
        try:
            parsed = parse_feed(path.read_bytes(), {}, "https://feeds.example/")
        except Exception:  # a file that holds no feed has no entries to judge
            continue
        entries += [(e.title, e.text, parsed.language, e.published) for e in parsed.entries]
    return entries


def test_verdict_and_classify_agree_on_every_labelled_item_and_real_feed_entry():
    tagger = Tagger.from_resource()
    items = labelled_items() + _feed_entries()
    assert len(items) > 1500  # the kept labelled sets and feeds alone hold about 1,800
    relevant = 0
    for title, text, lang, published in items:
        full = tagger.classify(title, text, lang, published)
        short = tagger.verdict(title, text, lang, published)
        assert (short.relevant, short.tags) == (full.relevant, full.tags), title
        relevant += full.relevant
    assert relevant > 500  # both ways judged plenty of relevant items, not only the easy "no"


def test_an_item_without_the_required_sides_gets_no_score_from_verdict_but_does_from_classify():
    tagger = Tagger.from_resource()
    title = "Ottawa raises tariffs on U.S. steel in trade dispute with Washington"  # no Chinese side
    assert tagger.classify(title).relevance_score > 0 and not tagger.classify(title).relevant
    assert tagger.verdict(title).relevance_score == 0 and not tagger.verdict(title).relevant


def test_verdict_agrees_with_classify_where_the_required_terms_are_phrases_stems_exclusions_or_chinese():
    # verdict first looks for the terms of the required groups alone: whatever form they take,
    # an item that meets the requirements must still be judged in full.
    rules = {
        "relevance": {
            "threshold": 1.0,
            "require": [["canada", "ottawa_side"], ["china"]],
            "groups": [
                {"name": "canada", "terms": ["canada", "prime minister carney", "canadian*"]},
                {"name": "ottawa_side", "terms": ["ottawa"], "weight": 0.0},
                {"name": "china", "terms": ["china", "beijing", "chinese*", "中国", "北京"],
                 "exclude": ["chinese canadian*"]},
                {"name": "trade", "terms": ["tariff*", "canola"]},
            ],
        },
        "issues": {"tariffs": {"threshold": 1.0, "groups": [{"name": "duties", "terms": ["tariff*"]}]}},
    }
    tagger = Tagger.from_rules(rules)
    items = [
        ("Prime Minister Carney meets Beijing officials on canola tariffs", ""),
        ("Prime minister visits the prairies", "Canola farmers await Beijing's decision"),
        ("Ottawa and Beijing talk canola", "Tariffs are on the table."),  # a context group meets it
        ("Chinese Canadian community leaders meet in Toronto", "Tariffs were not discussed."),
        ("Canadian canola growers count the cost of Chinese tariffs", ""),
        ("加拿大油菜籽：中国加征关税", "北京宣布对加拿大油菜籽征收关税。"),
        ("中国 canola tariffs hit Canadian farmers", ""),
        ("Tariffs on steel rise in Europe", "Steelmakers in France and Italy react."),
        ("Minister says tariffs will stay", ""),
    ]
    verdicts = []
    for title, summary in items:
        full = tagger.classify(title, summary, None)
        short = tagger.verdict(title, summary, None)
        assert (short.relevant, short.tags) == (full.relevant, full.tags), title
        verdicts.append(short.relevant)
    assert verdicts == [True, False, True, False, True, False, True, False, False]
