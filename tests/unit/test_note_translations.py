"""The notes of the shipped rule groups in French: every note has a translation of its current
English (an English note changed since it was translated is named, as is a translation whose
group is gone), the French follows the house typography, and a note is shown in French only
when it is the very note that was translated."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import Any

import pytest

from monitor import localized, resources
from monitor.localized import localize_note, note_fingerprint
from monitor.tagging import Tagger, rules_from_resource

CANADA = "relevance", "canada"


def shipped_notes() -> Iterator[tuple[str, str, str]]:
    """(scope, group name, English note) of every note of resources/tracked_issues.toml; a
    scope's own note, should one be written, has the group name ""."""
    rules = rules_from_resource(resources.read_toml("tracked_issues.toml"))
    scopes: list[tuple[str, dict[str, Any]]] = [("relevance", rules["relevance"]), *rules["issues"].items()]
    for scope, body in scopes:
        if body.get("note"):
            yield scope, "", body["note"]
        for group in body.get("groups", []):
            if group.get("note"):
                yield scope, group["name"], group["note"]


def french_notes() -> dict[tuple[str, str], dict[str, Any]]:
    tables = resources.read_toml("i18n/data_fr.toml").get("notes", {})
    return {(scope, name): entry for scope, groups in tables.items() for name, entry in groups.items()}


def test_every_shipped_note_has_a_french_translation_of_its_current_english():
    french = french_notes()
    problems = []
    for scope, name, note in shipped_notes():
        entry = french.get((scope, name))
        fingerprint = note_fingerprint(note)
        if entry is None:
            problems.append(f"[notes.{scope}.{name}] missing (of = \"{fingerprint}\")")
        elif entry.get("of") != fingerprint:
            problems.append(
                f"[notes.{scope}.{name}] translates an older English note (of = \"{fingerprint}\" now)"
            )
        elif not str(entry.get("fr", "")).strip():
            problems.append(f"[notes.{scope}.{name}] has no French text")
    assert problems == [], "notes to translate in resources/i18n/data_fr.toml:\n" + "\n".join(problems)


def test_every_french_note_belongs_to_a_shipped_group():
    groups = {(scope, name) for scope, name, _ in shipped_notes()}
    stale = [f"[notes.{scope}.{name}]" for scope, name in french_notes() if (scope, name) not in groups]
    assert stale == [], "French notes of groups (or notes) that are gone:\n" + "\n".join(stale)


def test_there_are_notes_to_check():
    assert len(list(shipped_notes())) >= 80  # an empty walk would pass the tests above


def outside_quotations(text: str) -> str:
    """`text` without its « quoted » words, which stay as the rules or the headlines spell them."""
    return re.sub(r"«[^»]*»", "«»", text)


@pytest.mark.parametrize("key", sorted(french_notes()), ids=lambda key: ".".join(key))
def test_a_french_note_is_french_and_follows_the_house_typography(key):
    text = french_notes()[key]["fr"]
    prose = outside_quotations(text)
    assert not re.search(r"(?<!\u00a0):(?=\s|$)", prose), "a colon needs a non-breaking space before it"
    assert not re.search(r"\s[;!?]", prose), "no space before ; ! or ?"
    assert not re.search(r"«(?!\u00a0)|(?<!\u00a0)»", text), "non-breaking spaces inside « »"
    assert "'" not in prose and '"' not in prose, "the apostrophe is ’ and quotations are « »"
    english = dict(((scope, name), note) for scope, name, note in shipped_notes()).get(key)
    assert text != english


def test_the_fingerprint_is_the_start_of_the_sha256_of_the_english_note():
    note = "Context only: trade measures, for canola_measures."
    assert note_fingerprint(note) == hashlib.sha256(note.encode()).hexdigest()[:12]
    respaced = f"  {note.replace(' ', '  ')}\n"
    assert note_fingerprint(respaced) == note_fingerprint(note)  # spacing is not a change


def shipped_note(scope: str, name: str) -> str:
    return next(note for s, n, note in shipped_notes() if (s, n) == (scope, name))


def test_a_shipped_note_is_shown_in_french_only_in_french():
    note = shipped_note(*CANADA)
    assert localize_note(*CANADA, note, "fr").startswith("Le côté canadien\u00a0: le pays")
    assert localize_note(*CANADA, note, "en") == note


def test_an_edited_note_is_shown_as_written():
    edited = shipped_note(*CANADA) + " Also the Senate."
    assert localize_note(*CANADA, edited, "fr") == edited
    assert localize_note(*CANADA, "Mine, in my words.", "fr") == "Mine, in my words."
    assert localize_note("relevance", "a_group_of_mine", "Mine.", "fr") == "Mine."
    assert localize_note(*CANADA, "", "fr") == ""


def test_a_translation_of_an_older_english_note_is_not_shown(monkeypatch):
    note = shipped_note(*CANADA)
    entry = {"fr": "Une traduction d’une note plus ancienne.", "of": note_fingerprint("The note as it was.")}
    monkeypatch.setattr(localized, "_french", lambda: {"notes": {"relevance": {"canada": entry}}})
    assert localize_note(*CANADA, note, "fr") == note
    assert localize_note(*CANADA, "The note as it was.", "fr") == "Une traduction d’une note plus ancienne."


@pytest.mark.parametrize("issue", ["tariffs", "visit", "human_rights", "election_interference"])
def test_each_issue_of_the_shipped_rules_can_be_rewritten_alone(issue):
    # The rules editor saves one issue at a time: a group of another scope that named one of
    # this issue's groups would make any rewrite of it an error the reader cannot see the cause of.
    rules = rules_from_resource(resources.read_toml("tracked_issues.toml"))
    rules["issues"][issue] = {"threshold": 1.0, "groups": [{"name": "own", "terms": ["quota"]}]}
    Tagger.from_rules(rules)
