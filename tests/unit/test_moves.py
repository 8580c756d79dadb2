"""What has moved since the baseline: figures stated with another value, states that changed.

Headlines marked "written here" were written for these tests (the labelled headlines
mostly predate the baseline, so they hold few real moves); those marked "real" are
headlines from the labelled dev sets, copied as published.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from monitor.moves import Move, MoveDataError, MoveDetector
from monitor.resources import read_toml

ROOT = Path(__file__).resolve().parents[2]
AFTER_VISIT = dt.date(2026, 3, 2)
CANOLA = "canola-seafood-tariffs"


@pytest.fixture(scope="module")
def detector() -> MoveDetector:
    return MoveDetector.from_baseline(read_toml("baseline.toml"))


def only_move(moves: list[Move]) -> Move:
    assert len(moves) == 1, moves
    return moves[0]


def assert_words_are_the_items_own(move: Move, title: str, summary: str = "") -> None:
    text = title if move.field == "title" else summary
    assert move.words and text[move.start:move.end] == move.words


# --- a figure stated with another value -------------------------------------------------


@pytest.mark.parametrize(
    ("title", "lang", "words"),
    [  # written here
        ("China cuts tariff on Canadian canola to 15%", "en", "tariff on Canadian canola to 15%"),
        ("China cut the canola tariff to 15 per cent", "en", "canola tariff to 15 per cent"),
        ("La Chine abaisse à 15 % les droits de douane sur le canola canadien", "fr",
         "15 % les droits de douane sur le canola"),
        ("中国将加拿大油菜籽关税下调至百分之十五", "zh", "油菜籽关税下调至百分之十五"),
        ("中国将加拿大油菜籽关税从75.8%降至15%", "zh", "油菜籽关税从75.8%降至15%"),
    ],
)
def test_a_lower_canola_tariff_is_a_move_of_that_figure_in_each_language(detector, title, lang, words):
    move = only_move(detector.detect(title, "", lang, AFTER_VISIT))
    assert (move.fact, move.baseline, move.reported, move.value) == (CANOLA, "over 70%", "15%", 15.0)
    assert move.figure == "Chinese tariffs on Canadian canola, in some cases"
    assert move.words == words
    assert_words_are_the_items_own(move, title)


def test_from_one_rate_to_another_reports_the_new_rate(detector):
    title = "China cuts canola tariffs from 75.8% to 15%"  # written here
    move = only_move(detector.detect(title, "", "en", AFTER_VISIT))
    assert move.reported == "15%" and move.words == "canola tariffs from 75.8% to 15%"


@pytest.mark.parametrize(
    ("title", "lang", "fact", "reported"),
    [  # written here
        ("Canada raises duty on Chinese steel to 50 per cent", "en", "steel-duty", "50%"),
        ("China is now Canada's third-largest trading partner", "en", "trade-partner-2024", "3 rank"),
        ("Les échanges bilatéraux avec la Chine ont atteint 130,5 milliards de dollars canadiens",
         "fr", "trade-partner-2024", "130.5 C$ billion"),
        ("中加双边贸易额达1300亿加元", "zh", "trade-partner-2024", "130 C$ billion"),
    ],
)
def test_other_figures_move_with_their_own_units(detector, title, lang, fact, reported):
    move = only_move(detector.detect(title, "", lang, AFTER_VISIT))
    assert (move.fact, move.reported) == (fact, reported)
    assert_words_are_the_items_own(move, title)


def test_the_move_is_found_in_the_summary_with_offsets_into_it(detector):
    title, summary = "Farm groups react", "Beijing said it would cut canola tariffs to 15% from March 1."
    move = only_move(detector.detect(title, summary, "en", AFTER_VISIT))  # written here
    assert move.field == "summary" and move.words == "canola tariffs to 15%"
    assert_words_are_the_items_own(move, title, summary)


# --- no move -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [  # written here: the baseline's figures, restated
        "China keeps 75.8% anti-dumping deposit on Canadian canola",
        "Chinese tariffs of over 70% on canola still bite",
        "China slaps 100% tariff on Canadian canola oil",
        "Canada's 25 per cent duty on Chinese steel stays",
        "China remains Canada's second-largest trading partner",
        "Carney wants to double non-U.S. exports by 2035",
    ],
)
def test_a_restated_baseline_figure_is_no_move(detector, title):
    assert detector.detect(title, "", "en", AFTER_VISIT) == []


@pytest.mark.parametrize(
    ("title", "summary", "lang"),
    [
        # written here: a number that belongs to another subject in the same sentence
        ("China puts 25% tariff on Canadian pork, keeps canola duties", "", "en"),
        ("Canada's 100% tariff on Chinese EVs and 6.1% quota rate spark canola fears", "", "en"),
        ("US raises tariffs on Canadian steel to 50%", "", "en"),
        ("Mexico is Canada's third-largest trading partner", "", "en"),
        # real (dev.jsonl, dev-2024-2026.jsonl)
        ("Canada imposes a 100% tariff on imports of Chinese-made electric vehicles",
         "TORONTO (AP) — Canada’s government is imposing a 100% tariff on imports of "
         "Chinese-made electric vehicles that matches U.S. tariffs.", "en"),
        ("加拿大跟进美国 对中国制电动车课100%关税",
         "加拿大政府今天宣布将对中国制电动车课征税率100%的关税,与美国对中国电动车课征的税率一致。", "zh"),
        ("US hits Canadian goods with 50% tariffs after trade talks fail",
         "The two sides had seemed close to an agreement that sources said would have lowered "
         "tariffs on steel, aluminum and autos and potentially brought American alcohol back to "
         "Canadian liquor stores.", "en"),
        ("Pas d'accord commercial entre les Etats-Unis et le Canada",
         "Les États-Unis ont imposé samedi des droits de douane de 50% sur certains produits "
         "canadiens après l'échec de négociations commerciales entre les deux pays.", "fr"),
        ("Le Canada conclut un accord avec la Chine",
         "Le gouvernement Carney a conclu un accord commercial préliminaire avec la Chine permettant "
         "l’entrée de 49 000 véhicules électriques chinois par an sur le marché canadien, avec un "
         "droit de douane de 6,1 %.", "fr"),
        ("China executed 4 Canadians this year, Ottawa says",
         "China executed four Canadian nationals recently, prompting strong condemnation from "
         "Canadian Foreign Minister Melanie Joly.", "en"),
        ("Swiss and Chinese reach agreement on updated free trade deal",
         "Switzerland and China have completed negotiations on an updated free trade deal which will "
         "increase Swiss access to its third biggest trading partner, Swiss officials said on Thursday.",
         "en"),
        ("Canada Disappointed Jimmy Lai Given 20-year Sentence: Anand",
         "Foreign Affairs Minister Anita Anand says Canada is disappointed that democracy activist "
         "Jimmy Lai has been sentenced to 20 years in prison in Hong Kong.", "en"),
    ],
)
def test_a_number_bound_to_another_subject_is_no_move(detector, title, summary, lang):
    assert detector.detect(title, summary, lang, AFTER_VISIT) == []


@pytest.mark.parametrize(
    "title",
    [  # written here: the subject and a number, in another unit
        "Chinese canola duties cost Canadian farmers $2.6 billion",
        "Canola tariff gap with Australia narrows by 15 percentage points",
        "Kovrig and Spavor were detained for 1,019 days",
        "Two-way trade between Canada and China reached 130 billion yuan",
    ],
)
def test_a_unit_mismatch_is_no_move(detector, title):
    assert [m for m in detector.detect(title, "", "en", AFTER_VISIT) if m.figure] == []


def test_an_item_published_before_the_baseline_reports_no_move(detector):
    title = "China cuts tariff on Canadian canola to 15%"  # written here
    assert detector.detect(title, "", "en", dt.date(2025, 8, 12)) == []
    assert only_move(detector.detect(title, "", "en", None)).reported == "15%"


# --- a state that changed ----------------------------------------------------------------


def test_the_scheduled_visit_has_happened_once_the_visit_dates_come(detector):
    title = "Canadian PM arrives in Beijing for official visit"  # real (dev-2024-2026.jsonl)
    move = only_move(detector.detect(title, "", "en", dt.datetime(2026, 1, 15, 3, tzinfo=dt.UTC)))
    assert (move.fact, move.figure) == ("visit-dates", None)
    assert move.baseline == "Carney's visit to China is scheduled for 13–17 January 2026"
    assert move.reported == "Carney's visit to China has taken place"
    assert move.words == "Canadian PM arrives in Beijing"
    assert detector.detect(title, "", "en", dt.date(2026, 1, 12)) == []  # before the visit dates
    assert detector.detect(title, "", "en", None) == []  # a dated change needs a dated item


@pytest.mark.parametrize(
    ("title", "lang", "words"),
    [  # written here
        ("Carney met Xi in Beijing on Friday", "en", "Carney met Xi"),
        ("Mark Carney a rencontré Xi Jinping à Pékin", "fr", "Carney a rencontré Xi"),
        ("习近平在北京会见加拿大总理卡尼", "zh", "北京会见加拿大总理"),
    ],
)
def test_the_visit_is_reported_done_in_each_language(detector, title, lang, words):
    move = only_move(detector.detect(title, "", lang, dt.date(2026, 1, 16)))
    assert move.fact == "visit-dates" and move.words == words


@pytest.mark.parametrize(
    "title",
    [
        "Canada's PM Mark Carney to meet with Chinese leader Xi Jinping in Beijing",  # real
        "Carney will meet Xi in Beijing next week",  # written here
        "Carney met China's Xi at APEC in South Korea last October",  # written here
    ],
)
def test_a_visit_still_to_come_or_another_meeting_is_no_move(detector, title):
    assert detector.detect(title, "", "en", dt.date(2026, 1, 16)) == []


def test_a_figure_move_says_more_than_the_change_of_state_beside_it(detector):
    moves = detector.detect("China cuts canola tariffs to 15%", "", "en", AFTER_VISIT)  # written here
    assert [m.figure is not None for m in moves] == [True]
    cut = only_move(detector.detect("China lifts tariffs on Canadian canola", "", "en", AFTER_VISIT))
    assert (cut.fact, cut.figure, cut.words) == (CANOLA, None, "lifts tariffs on Canadian canola")
    assert detector.detect("Farmers urge China to lift tariffs on canola", "", "en", AFTER_VISIT) == []


DETENTION_BASELINE = """
[source]
date = "2030-05-01"

[numbers]
words = { two = 2 }

[[facts]]
id = "ships-held"
statement = "Two research ships of Norland are held in the port of Kestrel."
  [[facts.figures]]
  label = "Research ships held"
  value = 2.0
  unit = "ships"
  same = [2.0, 2.0]
    [facts.figures.en]
    subject = [["held", "detained"], ["kestrel"]]
    units = ["# ships", "# research ships"]
  [[facts.changes]]
  baseline = "The ships are held in Kestrel"
  reported = "The ships have been released"
  after = "2030-05-01"
    [facts.changes.en]
    trigger = ["released", "freed", "set sail"]
    near = [["ship*"], ["kestrel"]]
    exclude = ["will", "could"]
"""


def test_a_detention_that_ended_is_a_move_of_another_storyline_from_its_own_data():
    detector = MoveDetector.from_baseline(tomllib.loads(DETENTION_BASELINE))  # written here
    day = dt.date(2030, 6, 1)
    title = "The Norland ships held in Kestrel were released on Monday"
    move = only_move(detector.detect(title, "", "en", day))
    assert (move.fact, move.figure, move.reported) == ("ships-held", None, "The ships have been released")
    assert move.words == "ships held in Kestrel were released"
    assert_words_are_the_items_own(move, title)
    assert detector.detect("Kestrel could see the ships released", "", "en", day) == []
    four = only_move(detector.detect("4 research ships held at Kestrel, port says", "", "en", day))
    assert (four.figure, four.reported, four.words) == ("Research ships held", "4 ships",
                                                        "4 research ships held at Kestrel")


def test_bad_move_data_names_the_fact():
    doc = tomllib.loads(DETENTION_BASELINE)
    doc["facts"][0]["figures"][0]["same"] = [3.0, 1.0]
    with pytest.raises(MoveDataError, match="ships-held"):
        MoveDetector.from_baseline(doc)
    doc = tomllib.loads(DETENTION_BASELINE)
    doc["facts"][0]["changes"][0]["en"]["trigger"] = []
    with pytest.raises(MoveDataError, match="ships-held"):
        MoveDetector.from_baseline(doc)


# --- classify ----------------------------------------------------------------------------


def test_classify_lists_each_items_moves_with_their_words_using_published(tmp_path):
    items = [  # written here
        {"title": "China cuts tariff on Canadian canola to 15%", "published": "2026-03-01T10:00:00Z"},
        {"title": "Carney met Xi in Beijing", "lang": "en", "published": "2026-01-16"},
        {"title": "Carney met Xi in Beijing", "lang": "en"},
        {"title": "China cuts tariff on Canadian canola to 15%", "published": "2025-08-12"},
    ]
    stdin = "".join(json.dumps(i) + "\n" for i in items).encode()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MONITOR_DB": str(tmp_path / "monitor.db")}
    result = subprocess.run([sys.executable, "-m", "monitor", "classify"], input=stdin,
                            capture_output=True, cwd=ROOT, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line)["moves"] for line in result.stdout.decode().splitlines()]
    assert out[0] == [{"fact": CANOLA, "figure": "Chinese tariffs on Canadian canola, in some cases",
                       "baseline": "over 70%", "reported": "15%", "words": "tariff on Canadian canola to 15%",
                       "field": "title", "start": 11, "end": 43}]
    assert [(m["fact"], m["figure"], m["words"]) for m in out[1]] == [("visit-dates", None, "Carney met Xi")]
    assert out[2] == [] and out[3] == []


def test_classify_stops_at_a_published_that_is_not_a_date(tmp_path):
    stdin = b'{"title": "a"}\n{"title": "b", "published": "next week"}\n'
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MONITOR_DB": str(tmp_path / "monitor.db")}
    result = subprocess.run([sys.executable, "-m", "monitor", "classify"], input=stdin,
                            capture_output=True, cwd=ROOT, env=env, timeout=60)
    assert result.returncode == 2
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 1 and "line 2" in errors[0] and "published" in errors[0]
    assert len(result.stdout.decode().splitlines()) == 1
