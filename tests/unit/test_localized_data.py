"""The shipped data in French: every issue and fact has its translation, figures keep their
numbers, quotations stay English and marked, and a renamed issue keeps the reader's name."""

from __future__ import annotations

from dataclasses import replace

from db.records import TrackedIssue
from monitor import resources
from monitor.localized import localize_facts, localize_issues, say


def shipped_issues() -> list[TrackedIssue]:
    doc = resources.read_toml("tracked_issues.toml")
    return [TrackedIssue(n, i["slug"], i["name"], i["description"], i["colour"], n, True)
            for n, i in enumerate(doc["issues"])]


def test_every_shipped_issue_and_fact_has_french_text():
    french = {i.slug: i.name for i in localize_issues(shipped_issues(), "fr")}
    assert french == {
        "tariffs": "Droits de douane et commerce", "visit": "La visite",
        "human_rights": "Droits de la personne", "election_interference": "Ingérence électorale",
    }
    _, facts = resources.baseline_facts()
    for english, fr in zip(facts, localize_facts(facts, "fr"), strict=True):
        assert fr.statement != english.statement, english.id
        assert len(fr.figures) == len(english.figures)
        assert bool(fr.date_label) == bool(english.date_label), english.id


def test_figures_keep_their_numbers_with_a_decimal_comma():
    _, facts = resources.baseline_facts()
    trade = next(f for f in localize_facts(facts, "fr") if f.id == "trade-partner-2024")
    assert [f.phrase for f in trade.figures] == ["deuxième", "environ 118,7 G$", "environ 85,5 G$ US"]


def test_quotations_stay_in_english_and_are_marked():
    _, facts = resources.baseline_facts()
    worst = next(f for f in localize_facts(facts, "fr") if f.id == "relations-among-worst")
    assert "«\u00a0among the worst relations of any Western nation\u00a0» (en anglais" in worst.statement


def test_a_renamed_issue_keeps_the_readers_name():
    renamed = replace(shipped_issues()[0], name="Canola")
    assert localize_issues([renamed], "fr")[0].name == "Canola"


def test_english_is_left_as_stored():
    issues = shipped_issues()
    assert localize_issues(issues, "en") == issues
    assert say("over 70%", "en") == "over 70%"


def test_move_words_in_french():
    assert say("over 70%", "fr") == "plus de 70 %"
    assert say("118.7 C$ billion", "fr") == "118,7 G$"
    assert say("Carney's visit to China has taken place", "fr") == "La visite de M. Carney en Chine a eu lieu"
    assert say("a phrase nobody translated", "fr") == "a phrase nobody translated"
