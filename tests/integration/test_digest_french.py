"""`digest --lang fr`: a French digest in every format, the default taken from the settings,
and English unchanged."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from db.records import FeedOutcome, Move
from monitor.digest.lang import FRENCH, language_for
from monitor.settings import load, save
from tests.digest_support import Entry, add_feed, ingest

PERIOD = ("--since", "2026-01-13", "--until", "2026-01-19")


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 1, day, hour, tzinfo=UTC)


@pytest.fixture
def articles(seeded_store):
    feed = add_feed(seeded_store, "Le Devoir", "https://devoir.example/rss")
    return ingest(seeded_store, feed, [
        Entry("Ottawa réduit les droits sur l’acier", at(15), {"tariffs": ("droits",)}, "Ottawa agit.",
              "https://n.example/1"),
        Entry("Carney arrive à Pékin", at(13, 9), {"visit": ("Carney", "Pékin")}, url="https://n.example/2"),
    ], now=at(20, 1))


def test_markdown_in_french_has_french_headings_dates_and_issue_names(cli, articles):
    result = cli("digest", *PERIOD, "--format", "md", "--lang", "fr")
    assert (result.code, result.err) == (0, "")
    text = result.out
    assert text.startswith("# Synthèse de la Veille Canada–Chine")
    assert "du 13 janvier 2026, 00 h 00 au 20 janvier 2026, 00 h 00 UTC (7 jours)" in text
    assert "## Droits de douane et commerce" in text and "## Ingérence électorale" in text
    assert "15 janvier 2026, 12 h 00 · Le Devoir" in text
    assert "1 article, +1 par rapport à la période précédente (7 jours)." in text
    assert "environ 118,7 G$" in text  # a baseline figure, said as in French
    for english in ("Period", "Moves since the baseline", "Stories", "Feeds", "Tariffs & trade", "items"):
        assert english not in text, english


def test_html_declares_french_and_speaks_it(cli, articles):
    result = cli("digest", *PERIOD, "--format", "html", "--lang", "fr")
    assert '<html lang="fr">' in result.out
    assert "<h2 id=\"moves\">Écarts depuis la référence</h2>" in result.out
    assert "«\u00a0among the worst relations of any Western nation\u00a0» (en anglais" in result.out


def test_csv_headers_and_json_values_in_french_with_english_keys(cli, articles):
    text = cli("digest", *PERIOD, "--format", "csv", "--lang", "fr").out.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["dossier", "date", "source", "titre"]
    document = json.loads(cli("digest", *PERIOD, "--format", "json", "--lang", "fr").out)
    assert document["lang"] == "fr" and document["title"] == "Synthèse de la Veille Canada–Chine"
    assert [s["name"] for s in document["issues"]][:2] == ["Droits de douane et commerce", "La visite"]
    assert "slug" in document["issues"][0] and document["issues"][0]["slug"] == "tariffs"


def test_the_default_language_is_the_settings_one(cli, articles, seeded_store):
    save(seeded_store, replace(load(seeded_store), language="fr"))
    assert "# Synthèse de la Veille Canada–Chine" in cli("digest", *PERIOD, "--format", "md").out
    assert "# Canada–China Monitor digest" in cli("digest", *PERIOD, "--format", "md", "--lang", "en").out


def test_an_unknown_language_is_one_line_and_status_2(cli, articles):
    result = cli("digest", *PERIOD, "--format", "md", "--lang", "de")
    assert result.code == 2 and result.out == "" and len(result.err.strip().splitlines()) == 1


def test_automatic_follows_the_locale_as_qt_does():
    assert language_for("auto", {"LANG": "fr_CA.UTF-8"}) == "fr"
    assert language_for("auto", {"LC_ALL": "en_CA.UTF-8", "LANG": "fr_CA.UTF-8"}) == "en"
    assert language_for("auto", {}) == "en"
    assert language_for("fr", {"LANG": "en_US"}) == "fr"


def test_every_french_phrase_keeps_its_placeholders():
    import re

    for english, french in FRENCH.items():
        assert re.findall(r"\{\w*\}", english) == re.findall(r"\{\w*\}", french), english


def test_a_moves_own_words_are_quoted_the_french_way_in_french_and_the_english_way_in_english(
    cli, seeded_store
):
    feed = add_feed(seeded_store, "Le Devoir", "https://devoir.example/rss")
    entry = Entry("Pékin ramène à 15 % ses droits sur le canola", at(16), {"tariffs": ("canola",)},
                  url="https://n.example/3")
    words = "ramène à 15 % ses droits sur le canola"
    move = Move(fact="canola-seafood-tariffs", figure="Chinese tariffs on Canadian canola, in some cases",
                baseline="over 70%", reported="15%", words=words, start=6, end=6 + len(words))
    seeded_store.ingest.store_feed(feed, FeedOutcome(status="ok", attempted_at=at(20, 1), next_poll_at=None),
                                   [replace(entry.incoming(), moves=(move,))], at(20, 1))
    french = cli("digest", *PERIOD, "--format", "md", "--lang", "fr").out
    english = cli("digest", *PERIOD, "--format", "md", "--lang", "en").out
    assert f"«\u00a0{words}\u00a0»" in french and f"“{words}”" not in french
    assert f"“{words}”" in english
