"""Judgements on tricky items, recorded: the engine's speed-ups must not change one of them.

The rules below use every feature of the rule language and the items every kind of
text that takes a different path through the engine (plain ASCII, accents and dashes,
letters folding to several characters or to none, full-width forms, exact spellings,
Chinese, Cyrillic and Greek, repeats past the per-term cap, overlapping terms). The
expected judgements were recorded from the engine before it was made faster; a
difference in score, offsets or order is a change of behaviour, not a detail.
"""

from __future__ import annotations

import threading

import pytest

from monitor.tagging import Classification, Match, Tagger

RULES = {
    "relevance": {
        "threshold": 2.0, "title_weight": 2.0, "issue_bonus": 1.0,
        "require": [["canada", "bilateral"], ["china", "bilateral"]],
        "groups": [
            {"name": "canada", "terms": ["canada", "canadian*", "ottawa", "b.c.", "=HMCS", "加拿大",
                                         "colombie-britannique", "droits de l'homme"],
             "exclude": ["canada goose"]},
            {"name": "china", "terms": ["china", "chinese", "beijing", "xi jinping", "中国", "中國", "北京"]},
            {"name": "bilateral", "terms": ["canada-china", "sino-canadian"], "weight": 3.0, "cap": 1.0},
            {"name": "titles", "terms": ["minister", "ambassador"], "weight": 0.0},
            {"name": "named", "terms": ["joly", "anand"], "near": ["titles"], "within": 3},
            {"name": "elsewhere", "terms": ["australia", "australian*"], "weight": -1.0,
             "unless_near": ["china"], "within": 5},
            {"name": "duties", "terms": ["tarif*", "duty", "duties"], "weight": 0.5},
            {"name": "context", "terms": ["trade", "tariff*", "talks", "anti-dumping", "u.s."],
             "weight": 0.5, "cap": 1.5},
        ],
    },
    "issues": {
        "tariffs": {"threshold": 2.0, "groups": [
            {"name": "measures", "weight": 2.0,
             "terms": ["tariff*", "anti-dumping", "surtax*", "droits antidumping", "关税"]},
            {"name": "goods", "near": ["measures"], "within": 6,
             "terms": ["canola", "canola oil", "steel", "electric vehicle*", "vehicle*", "芥花"]},
        ]},
        "visit": {"threshold": 1.0, "require": [["meeting"]], "groups": [
            {"name": "meeting", "terms": ["met", "meets", "talks", "summit*"],
             "near": ["relevance:china"], "within": 8},
        ]},
    },
}


ITEMS = [
    ("Canada slaps tariffs on Chinese steel",
     "Ottawa said the surtax on steel from China takes effect in B.C. ports."),
    ("Canada–China talks: Joly meets Wang Yi",
     "Foreign Minister Joly met Chinese officials in Beijing — talks on canola."),
    ("Le Canada et la Chine : droits de l’homme",
     "Les droits antidumping sur le canola canadien, selon Ottawa et Pékin."),
    ("HMCS Ottawa sails past China", "The hmcs crew and Canada's navy; hmcs is not HMCS."),
    ("加拿大与中国就芥花籽关税举行会谈", "北京宣布对加拿大芥花征收关税，中國外交部表示。Canada and China"),
    ("ＣＡＮＡＤＡ ＣＨＩＮＡ ﬁnance ﬁrms", "Ｔａｒｉｆｆｓ on ﬁsh — ＣＨＩＮＡ and Ｃａｎａｄａ."),
    ("C\u0301anada and C\u0327hina", "Cana\u0301da, china, canada goose, Canada Goose jackets, CANADA."),
    ("Anti-dumping: Canada, China",
     "antidumping duties, anti dumping probe and anti—dumping talks between Canada and China"),
    ("Australian canola and China",
     "Australia sells canola to China; Canada watches. Australia, far from any of them."),
    ("canada canada canada china", "canada " * 22 + "china"),
    ("Minister Anand visits Beijing",
     "Anand, the ambassador said; Joly was far away from any minister in this long sentence."),
    ("", "Canada-China relations: U.S. trade and sino-canadian tariffs."),
    ("Канада и Китай", "Кана́да Canada Китай China Ελλάδα ΣΟΣ Σ"),
    ("in ottawa in toronto in canada", "talks in ottawa, talks in beijing; in china"),
    ("Nothing here", ""),
    ("Canadian-made EVs",
     "Electric vehicles and electric vehicle tariffs — canadian, Canadians, CANADIAN."),
    ("China tariffs on canola oil",
     "Canola oil, canola and vehicles: Canada answers China's tariffs on canola oil."),
]

# (relevant, relevance score, relevance matches, {issue: (score, matches)}); a match is
# "term field start-end", offsets into the original title or summary
EXPECTED = [
    (True, 6.75, [
        "canada title 0-6", "tariff* title 13-20", "chinese title 24-31", "ottawa summary 0-6",
        "china summary 37-42", "b.c. summary 59-62",
    ], {
        "tariffs": (6.0, [
            "tariff* title 13-20", "steel title 32-37", "surtax* summary 16-22", "steel summary 26-31",
        ]),
    }),
    (True, 9.75, [
        "canada title 0-6", "canada-china title 0-12", "china title 7-12", "talks title 13-18",
        "minister summary 8-16", "joly summary 17-21", "chinese summary 26-33",
        "beijing summary 47-54", "talks summary 57-62",
    ], {
        "visit": (2.0, [
            "china title 7-12", "talks title 13-18", "meets title 25-30", "met summary 22-25",
            "chinese summary 26-33", "beijing summary 47-54", "talks summary 57-62",
        ]),
    }),
    (False, 3.5, [
        "canada title 3-9", "droits de l'homme title 24-41", "anti-dumping summary 11-22",
        "ottawa summary 53-59",
    ], {}),
    (True, 4.0, [
        "=HMCS title 0-4", "ottawa title 5-11", "china title 23-28", "canada summary 18-24",
        "=HMCS summary 45-49",
    ], {}),
    (True, 5.0, [
        "加拿大 title 0-3", "中国 title 4-6", "北京 summary 0-2", "加拿大 summary 5-8", "中國 summary 15-17",
        "canada summary 23-29", "china summary 34-39",
    ], {
        "tariffs": (6.0, [
            "芥花 title 7-9", "关税 title 10-12", "芥花 summary 8-10", "关税 summary 12-14",
        ]),
    }),
    (True, 9.0, [
        "canada title 0-6", "canada-china title 0-12", "china title 7-12", "tariff* summary 0-7",
        "china summary 17-22", "canada summary 27-33",
    ], {
        "tariffs": (2.0, [
            "tariff* summary 0-7",
        ]),
    }),
    (True, 4.0, [
        "canada title 0-7", "china title 12-18", "canada summary 0-7", "china summary 9-14",
        "canada summary 52-58",
    ], {}),
    (True, 7.25, [
        "anti-dumping title 0-12", "canada title 14-20", "china title 22-27",
        "anti-dumping summary 0-11", "duties summary 12-18", "anti-dumping summary 20-32",
        "anti-dumping summary 43-55", "talks summary 56-61", "canada summary 70-76",
        "china summary 81-86",
    ], {
        "tariffs": (4.0, [
            "anti-dumping title 0-12", "anti-dumping summary 0-11", "anti-dumping summary 20-32",
            "anti-dumping summary 43-55",
        ]),
        "visit": (1.0, [
            "talks summary 56-61", "china summary 81-86",
        ]),
    }),
    (True, 3.0, [
        "china title 22-27", "china summary 26-31", "canada summary 33-39",
    ], {}),
    (True, 7.0, [
        "canada title 0-6", "canada title 7-13", "canada title 14-20", "canada-china title 14-26",
        "china title 21-26", "canada summary 0-6", "canada summary 7-13", "canada summary 14-20",
        "canada summary 21-27", "canada summary 28-34", "canada summary 35-41", "canada summary 42-48",
        "canada summary 49-55", "canada summary 56-62", "canada summary 63-69", "canada summary 70-76",
        "canada summary 77-83", "canada summary 84-90", "canada summary 91-97",
        "canada summary 98-104", "canada summary 105-111", "canada summary 112-118",
        "canada summary 119-125", "canada summary 126-132", "canada summary 133-139",
        "canada-china summary 147-159", "china summary 154-159",
    ], {}),
    (False, 4.0, [
        "minister title 0-8", "anand title 9-14", "beijing title 22-29", "anand summary 0-5",
        "ambassador summary 11-21", "joly summary 28-32",
    ], {}),
    (True, 8.25, [
        "canada summary 0-6", "canada-china summary 0-12", "china summary 7-12", "u.s. summary 24-27",
        "trade summary 29-34", "sino-canadian summary 39-52", "canadian* summary 44-52",
        "tariff* summary 53-60",
    ], {
        "tariffs": (2.0, [
            "tariff* summary 53-60",
        ]),
    }),
    (True, 2.0, [
        "canada summary 8-14", "china summary 21-26",
    ], {}),
    (True, 5.5, [
        "ottawa title 3-9", "canada title 24-30", "talks summary 0-5", "ottawa summary 9-15",
        "talks summary 17-22", "beijing summary 26-33", "china summary 38-43",
    ], {
        "visit": (1.0, [
            "talks summary 0-5", "talks summary 17-22", "beijing summary 26-33", "china summary 38-43",
        ]),
    }),
    (False, 0.0, [
    ], {}),
    (False, 4.0, [
        "canadian* title 0-8", "tariff* summary 39-46", "canadian* summary 49-57",
        "canadian* summary 59-68", "canadian* summary 70-78",
    ], {}),
    (True, 5.75, [
        "china title 0-5", "tariff* title 6-13", "canada summary 33-39", "china summary 48-53",
        "tariff* summary 56-63",
    ], {
        "tariffs": (6.0, [
            "tariff* title 6-13", "canola oil title 17-27", "vehicle* summary 23-31",
            "tariff* summary 56-63", "canola oil summary 67-77",
        ]),
    }),
]


def described(result: Classification) -> tuple:
    def spans(matches: tuple[Match, ...]) -> list[str]:
        return [f"{m.term} {m.field} {m.start}-{m.end}" for m in matches]

    tags = {tag.issue: (tag.score, spans(tag.matches)) for tag in result.tags}
    return result.relevant, result.relevance_score, spans(result.relevance_matches), tags


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.from_rules(RULES)


@pytest.mark.parametrize("index", range(len(ITEMS)))
def test_each_tricky_item_is_judged_as_recorded(tagger, index):
    title, summary = ITEMS[index]
    assert described(tagger.classify(title, summary)) == EXPECTED[index]


def test_an_item_is_judged_the_same_however_many_times_it_is_seen(tagger):
    first = [tagger.classify(title, summary) for title, summary in ITEMS]
    for _ in range(3):
        assert [tagger.classify(title, summary) for title, summary in ITEMS] == first


def test_threads_sharing_one_tagger_judge_every_item_as_one_thread_does():
    # Texts with more distinct words, in all, than a matcher keeps: its word index
    # fills up and is replaced while the threads are scanning.
    crowds = [
        (f"Crowd {k} in Canada", " ".join(f"c{k}w{i}" for i in range(60_000)) + " tariffs on China")
        for k in range(4)
    ]
    items = ITEMS * 5 + crowds
    expected = [Tagger.from_rules(RULES).classify(title, summary) for title, summary in items]
    shared = Tagger.from_rules(RULES)
    results: dict[int, list[Classification]] = {}

    def judge_all(worker: int) -> None:
        results[worker] = [shared.classify(title, summary) for title, summary in items]

    workers = [threading.Thread(target=judge_all, args=(k,)) for k in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert sorted(results) == [0, 1, 2, 3]
    for worker in range(4):
        assert results[worker] == expected, worker
