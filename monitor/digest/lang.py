"""A digest's language: its words, dates and numbers in English or in Canadian French.

The core never loads Qt, so digests carry their own small catalogue instead of the
interface's .qm: `words(lang)` maps each English phrase of the templates and of
monitor.digest.wording to its French; a phrase missing from FRENCH is a test failure
(tests/unit/test_digest_lang.py), never English in a French digest.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime

__all__ = ["FRENCH", "LANGS", "Words", "language_for", "long_date", "number", "words"]

LANGS = ("en", "fr")
MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre",
)
NBSP, NNBSP = "\u00a0", "\u202f"  # before a French colon; between groups of digits

FRENCH = {
    # the title and the heading table
    "Canada–China Monitor digest": "Synthèse de la Veille Canada–Chine",
    "Period": "Période",
    "Generated": "Date de production",
    "Issues": "Dossiers",
    "none": "aucun",
    "Only": "Seulement",
    "{} items": "{} articles",
    "Moves against the baseline": "Écarts par rapport à la référence",
    "Moves": "Écarts",
    "{groups} against the baseline ({reports} report them)":
        "{groups} par rapport à la référence (signalés par {reports})",
    "({} report them)": "(signalés par {})",
    "Stories": "Nouvelles",
    "{stories} ({items} items)": "{stories} ({items} articles)",
    "Stories: {stories}; items: {items}": "Nouvelles" + NBSP + ": {stories}; articles" + NBSP + ": {items}",
    "Feeds": "Fils",
    "{} (listed at the end)": "{} (énumérés à la fin)",
    "Rules version": "Version des règles",
    "App version": "Version de l’application",
    "Rules version: {rules}; app version: {app}": "Version des règles"
    + NBSP
    + ": {rules}; version de l’application"
    + NBSP
    + ": {app}",
    # the sections
    "Moves since the baseline": "Écarts depuis la référence",
    "No item in this period reports a change to a baseline figure or state.":
        "Aucun article de la période ne signale de changement à un chiffre ou à une situation de référence.",
    "Baseline": "Référence",
    "moved": "écart",
    "Move": "Écart",
    "Showing {shown} of {count} items.": "{shown} articles affichés sur {count}.",
    "No items in this period.": "Aucun article dans cette période.",
    "Also on this issue, listed above": "Aussi sur ce dossier, plus haut",
    "disabled": "désactivé",
    "(untitled)": "(sans titre)",
    "(unnamed feed)": "(fil sans nom)",
    "Page {page} of {pages}": "Page {page} de {pages}",
    # wording.py
    "1 item": "1 article",
    "{} items_": "{} articles",
    "day": "jour",
    "days": "jours",
    "hour": "heure",
    "hours": "heures",
    "minute": "minute",
    "minutes": "minutes",
    "seconds": "secondes",
    "{change} on the previous {span}": "{change} par rapport à la période précédente ({span})",
    "{count} {kind} of {total} in the period, {change}":
        "{count} {kind} sur {total} dans la période, {change}",
    "unread": "non lus",
    "starred": "favoris",
    "Tagged by hand": "Étiqueté à la main",
    "Matched: {}": "Correspondances" + NBSP + ": {}",
    " · Also in: {}": " · Aussi dans" + NBSP + ": {}",
    "State": "Situation",
    "1 outlet": "1 média",
    "{} outlets": "{} médias",
    "{outlets}: {names} · first seen {when} in {outlet}": "{outlets}"
    + NBSP
    + ": {names} · d’abord le {when} dans {outlet}",
    "UTC": "UTC",
    # CSV headers
    "issue": "dossier",
    "date": "date",
    "source": "source",
    "title": "titre",
    "url": "url",
    "matched_terms": "termes_trouvés",
    "summary": "résumé",
    "also_in": "aussi_dans",
    "article_id": "id_article",
    "story_id": "id_nouvelle",
    "story_headline": "titre_nouvelle",
    "moves": "écarts",
    "state": "situation",
}


class Words:
    """The phrases of one language: `t("Period")` is "Période" in French."""

    def __init__(self, lang: str = "en") -> None:
        if lang not in LANGS:
            raise ValueError(f"unknown digest language '{lang}' (choose from {', '.join(LANGS)})")
        self.lang = lang

    def t(self, text: str) -> str:
        if self.lang == "en":
            return text.removesuffix("_")
        return FRENCH[text]

    @property
    def colon(self) -> str:
        """": " in English, " : " (a no-break space first) in French."""
        return NBSP + ": " if self.lang == "fr" else ": "

    def quoted(self, text: str) -> str:
        """“text” in English, « text » (no-break spaces inside) in French."""
        return f"«{NBSP}{text}{NBSP}»" if self.lang == "fr" else f"“{text}”"


def words(lang: str) -> Words:
    return Words(lang)


def long_date(value: date | datetime, lang: str) -> str:
    """"16 January 2026" or "16 janvier 2026"."""
    if lang == "fr":
        day = "1er" if value.day == 1 else str(value.day)
        return f"{day} {MONTHS_FR[value.month - 1]} {value.year}"
    return f"{value.day} {value:%B %Y}"


def number(value: float, lang: str, decimals: int = 0) -> str:
    """12,345 and 5.5 in English; 12 345 and 5,5 in French."""
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        return text.replace(",", NNBSP).replace(".", ",")
    return text


def language_for(setting: str, environ: Mapping[str, str] | None = None) -> str:
    """"en" or "fr" for the settings' language: "auto" reads the locale as Qt does on Linux
    (LC_ALL, then LC_MESSAGES, then LANG), so a digest speaks the interface's language."""
    if setting in LANGS:
        return setting
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            return "fr" if env[name].lower().startswith("fr") else "en"
    return "en"
