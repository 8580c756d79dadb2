"""The shipped rules against the labelled sets, and how the evaluation counts.

The development sets live beside the repository (../shared/data/labels); the rules were
written against them. The blind set (tests/data/labels/blind.jsonl) was labelled
independently from the guideline. The thresholds are the acceptance bar; the report
printed on failure lists every miss.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor.evaluate import EvalReport, LabelError, Score, evaluate, format_report
from monitor.tagging import Tagger

LABELS = Path(__file__).resolve().parents[3] / "shared" / "data" / "labels"
DEV_SETS = ("dev.jsonl", "dev-2024-2026.jsonl")
# The sets written here (each with a README saying how).
OURS = Path(__file__).resolve().parents[1] / "data" / "labels"
BLIND = OURS / "blind.jsonl"
# Labelled from the guideline by a session that saw neither the rules nor the other sets,
# and never used to tune the rules: the honest estimate of how the rules generalise.
UNSEEN = OURS / "blind2.jsonl"
# blind3 to blind12 were each written from the guideline (and, from blind3 on, the categories
# of misses seen on real headlines) by a writer who never read the rules, most of them while
# the set before was being studied; each README says how (blind9 styled harder on purpose,
# blind10 a reader's inbox of wire copy and live blogs, blind12 a third not relevant). Their
# misses were since studied by category or mechanism: they are seen sets, kept as floors
# (SEEN_FLOORS), no longer measures of how the rules generalise.
# The thirteenth, written the same way (blind13.README.md) while the twelfth was being studied,
# weighted towards the categories real headlines miss on, and not studied since.
UNSEEN13 = OURS / "blind13.jsonl"
ISSUES = ("tariffs", "visit", "human_rights", "election_interference")


def _items(*paths: Path) -> list[dict]:
    return [
        json.loads(line)
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


@pytest.fixture(scope="module")
def shipped() -> Tagger:
    return Tagger.from_resource()


@pytest.fixture(scope="module")
def report(shipped) -> EvalReport:
    missing = [name for name in DEV_SETS if not (LABELS / name).is_file()]
    if missing:
        pytest.skip(f"labelled sets not found in {LABELS}: {', '.join(missing)}")
    return evaluate(shipped, _items(*(LABELS / name for name in DEV_SETS)))


@pytest.fixture(scope="module")
def blind_report(shipped) -> EvalReport:
    return evaluate(shipped, _items(BLIND))


@pytest.fixture(scope="module")
def unseen_report(shipped) -> EvalReport:
    return evaluate(shipped, _items(UNSEEN))


def _issue(report: EvalReport, issue: str) -> Score:
    [score] = [s for s in report.issues if s.scope == issue]
    return score


def test_relevance_f1_on_the_dev_sets_is_at_least_0_90(report):
    assert report.relevance.f1 >= 0.90, format_report(report)


@pytest.mark.parametrize("issue", ISSUES)
def test_each_issue_has_precision_of_at_least_0_90_on_the_dev_sets(report, issue):
    assert _issue(report, issue).precision >= 0.90, format_report(report)


@pytest.mark.parametrize("issue", ISSUES)
def test_each_issue_has_recall_of_at_least_0_85_on_the_dev_sets(report, issue):
    assert _issue(report, issue).recall >= 0.85, format_report(report)


def test_the_blind_set_is_the_full_independently_labelled_set(blind_report):
    assert blind_report.items == blind_report.judged == 240


def test_relevance_f1_on_the_blind_set_is_at_least_0_90(blind_report):
    assert blind_report.relevance.f1 >= 0.90, format_report(blind_report)


@pytest.mark.parametrize("issue", ISSUES)
def test_each_issue_has_precision_of_at_least_0_90_on_the_blind_set(blind_report, issue):
    assert _issue(blind_report, issue).precision >= 0.90, format_report(blind_report)


@pytest.mark.parametrize("issue", ISSUES)
def test_each_issue_has_recall_of_at_least_0_85_on_the_blind_set(blind_report, issue):
    assert _issue(blind_report, issue).recall >= 0.85, format_report(blind_report)


def test_relevance_f1_on_the_unseen_set_is_at_least_0_90(unseen_report):
    assert unseen_report.items == 200
    assert unseen_report.relevance.f1 >= 0.90, format_report(unseen_report)


@pytest.mark.parametrize("issue", ISSUES)
def test_each_issue_has_precision_0_90_and_recall_0_85_on_the_unseen_set(unseen_report, issue):
    score = _issue(unseen_report, issue)
    assert score.precision >= 0.90 and score.recall >= 0.85, format_report(unseen_report)


def test_the_dev_sets_together_reach_the_acceptance_bar(report):
    assert report.relevance.f1 >= 0.97, format_report(report)
    for issue in ISSUES:
        assert _issue(report, issue).f1 >= 0.92, format_report(report)


def _seen(name: str, relevance_f1: float, precision: float, f1: float) -> object:
    return pytest.param(OURS / f"{name}.jsonl", relevance_f1, precision, f1, id=name)


# Each seen set keeps the floor measured once its misses were studied: relevance F1, then each
# issue's precision and F1. What each set scored before and after, in the comments.
SEEN_FLOORS = [
    # 0.926 and issues 0.81-0.94 before its misses were studied; after: 0.980 and 0.96-0.99
    _seen("blind3", 0.96, 0.95, 0.93),
    # 0.940 and 0.80-0.93 before; after: 0.992 and 0.96-1.00
    _seen("blind4", 0.98, 0.94, 0.95),
    # 0.909 and 0.83-0.93 before; after: 0.984 and 0.93-0.99
    _seen("blind5", 0.97, 0.93, 0.92),
    # 0.950 and 0.90-0.96 before; after: 0.990 and 0.976-1.000
    _seen("blind6", 0.98, 0.97, 0.97),
    # 0.975 and 0.918-0.943 before; after: 0.994 and 0.978-1.000
    _seen("blind7", 0.98, 0.97, 0.97),
    # 0.961 and 0.917-0.970 before (rules v9); after (v10): 0.995 and 0.987-1.000
    _seen("blind8", 0.99, 0.98, 0.98),
    # 0.949 and 0.842-0.958 before (rules v8-v10); after (v11): 0.983 and 0.911-1.000, the
    # interference precision 0.900
    _seen("blind9", 0.97, 0.88, 0.90),
    # 0.939 and 0.906-0.947 before (rules v10, v11); after (v12): 0.990 and 0.925-1.000, the
    # interference precision 0.939
    _seen("blind10", 0.98, 0.93, 0.91),
    # 0.949 and 0.881-0.939 first scored (rules v8), 0.966 and 0.913-0.939 before (v12); after
    # (v13): 0.982 and 0.929-0.957, the visit's precision 0.929
    _seen("blind11", 0.97, 0.92, 0.92),
    # 0.947 and 0.897-0.917 first scored (rules v8), 0.960 and 0.912-0.939 before (v13); after
    # (v14): 0.975 and 0.949-0.974, the interference precision 0.903
    _seen("blind12", 0.97, 0.90, 0.94),
]


@pytest.mark.parametrize(("path", "relevance_f1", "precision", "f1"), SEEN_FLOORS)
def test_each_seen_labelled_set_keeps_its_measured_floor(shipped, path, relevance_f1, precision, f1):
    # A floor, not a target: these sets have been seen.
    report = evaluate(shipped, _items(path))
    assert report.items == 240
    assert report.relevance.f1 >= relevance_f1, format_report(report)
    for issue in ISSUES:
        score = _issue(report, issue)
        assert score.precision >= precision and score.f1 >= f1, format_report(report)


def test_the_unseen_thirteenth_set_keeps_what_it_measured_when_first_scored(shipped):
    # Rules v13, the first rules to meet it, and v14 and v15 alike: relevance
    # 0.988, tariffs 0.980, visit 0.958, human rights 0.977, election interference 0.946.
    report = evaluate(shipped, _items(UNSEEN13))
    assert report.items == 240
    assert report.relevance.f1 >= 0.97, format_report(report)
    for issue in ISSUES:
        assert _issue(report, issue).f1 >= 0.93, format_report(report)


def test_figures_that_held_steady_are_not_people_held_in_china(shipped):
    verdict = shipped.classify(
        "Canada's exports to China fell 10% last year",
        "Shipments of canola dropped after Beijing's tariffs, while imports from China held steady.",
    )
    assert [t.issue for t in verdict.tags] == ["tariffs"]


# Headlines the guideline puts out of scope, one per defence the rules keep: a third
# country's own policy, Britain's Commons, Australian canola, namesakes of Canadian
# ministers, another state's interference in Canada, sport, pandas, case counts.
OUT_OF_SCOPE = [
    ("Trump orders tariffs on Canada, Mexico and China, citing fentanyl",
     "Goods from Canada and Mexico face 25% duties and Chinese imports 10%."),
    ("Trump slaps 35% tariffs on Canada as China talks stall", ""),
    ("美国对中国和加拿大商品加征关税", ""),
    ("Commons debates Chinese embassy plan in London",
     "MPs at Westminster raised security concerns about the site."),
    ("China resumes imports of Australian canola after trade thaw", "Canberra welcomed the move."),
    ("Tony Blair says the West must engage with China",
     "The former British prime minister spoke at a forum in Beijing."),
    ("Hong Kong minister Ng defends new security law", ""),
    ("Canada accuses India of foreign interference in its elections",
     "Ottawa said Indian agents targeted candidates in 2021."),
    ("L'Inde accusée d'ingérence étrangère au Canada", ""),
    ("Hogue says she will not seek another term on Quebec court", ""),
    ("Canada-Chine : match de hockey amical à Montréal", ""),
    ("Giant pandas leave Calgary Zoo for return to China", ""),
    ("加拿大多地新冠病例上升 中国游客减少", ""),
]


@pytest.mark.parametrize(("title", "summary"), OUT_OF_SCOPE)
def test_items_out_of_the_guideline_scope_are_not_relevant(shipped, title, summary):
    result = shipped.classify(title, summary)
    assert not result.relevant, [m.term for m in result.relevance_matches]


# --- how evaluate counts -------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny() -> Tagger:
    """Relevant on "canada"; tariffs on "tariff*"; visit on "visit*"."""
    one = {"threshold": 1.0}
    return Tagger.from_rules({
        "relevance": {**one, "groups": [{"name": "c", "terms": ["canada"]}]},
        "issues": {
            "tariffs": {**one, "groups": [{"name": "t", "terms": ["tariff*"]}]},
            "visit": {**one, "groups": [{"name": "v", "terms": ["visit*"]}]},
        },
    })


def test_an_unlabelled_relevance_is_skipped_but_its_issues_still_count(tiny):
    items = [{"title": "Canada tariffs", "relevant": None, "issues": ["tariffs"]}]
    report = evaluate(tiny, items)
    assert (report.items, report.judged) == (1, 0)
    assert report.relevance == Score("relevance", 0, 0, 0)
    assert report.issues[0] == Score("tariffs", tp=1)


def test_tags_of_an_item_judged_irrelevant_count_as_none(tiny):
    items = [{"title": "Tariffs and a visit", "relevant": True, "issues": ["tariffs"]}]
    report = evaluate(tiny, items)
    assert report.relevance == Score("relevance", fn=1)
    assert report.issues == (Score("tariffs", fn=1), Score("visit"))


def test_false_positives_and_negatives_are_listed_with_their_titles(tiny):
    items = [
        {"title": "Canada visit", "relevant": True, "issues": []},
        {"title": "Canada", "relevant": False, "issues": []},
        {"title": "Canada and tariffs", "relevant": True, "issues": ["tariffs"]},
        {"title": "Canada", "relevant": True, "issues": ["tariffs"]},
    ]
    report = evaluate(tiny, items)
    assert report.relevance == Score("relevance", tp=3, fp=1)
    assert report.issues == (Score("tariffs", tp=1, fn=1), Score("visit", fp=1))
    text = format_report(report)
    assert "false positive  #1  Canada visit" in text
    assert "false negative  #4  Canada" in text
    assert "false positive  #2  Canada" in text


def test_a_labelled_issue_the_rules_do_not_know_counts_as_missed(tiny):
    report = evaluate(tiny, [{"title": "Canada", "relevant": True, "issues": ["whales"]}])
    assert report.issues[-1] == Score("whales", fn=1)


def test_precision_recall_and_f1_follow_their_definitions():
    score = Score("x", tp=6, fp=2, fn=3)
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(6 / 9)
    assert score.f1 == pytest.approx(2 * 0.75 * (6 / 9) / (0.75 + 6 / 9))
    assert Score("none").precision == 1.0 and Score("none").recall == 1.0


def test_the_report_has_a_row_per_scope_with_its_counts(tiny):
    report = evaluate(tiny, [{"title": "Canada tariffs", "relevant": True, "issues": ["tariffs"]}])
    rows = {line.split()[0]: line.split()[1:] for line in format_report(report).splitlines()[3:5]}
    assert rows["relevance"] == ["1.000", "1.000", "1.000", "1", "0", "0"]
    assert rows["tariffs"] == ["1.000", "1.000", "1.000", "1", "0", "0"]


@pytest.mark.parametrize(
    "item",
    [
        "not an object",
        {"summary": "no title"},
        {"title": "t", "relevant": "yes"},
        {"title": "t", "issues": "tariffs"},
    ],
)
def test_a_malformed_labelled_item_is_a_label_error_naming_it(tiny, item):
    with pytest.raises(LabelError, match="^item 2: ") as caught:
        evaluate(tiny, [{"title": "fine"}, item])
    assert caught.value.index == 1 and isinstance(caught.value, ValueError)
