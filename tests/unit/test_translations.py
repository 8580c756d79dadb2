"""The French catalogue is complete and compiled: every string of ui/ and every message of the
core's catalogue is in the .ts with a finished translation that keeps the placeholders (each
plural form too), and the shipped .qm is the .ts compiled; the English catalogue spells out
the plural forms of every string that counts something."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from monitor.messages import PHRASES, TEMPLATES
from ui.i18n_build import EN_QM, EN_TS, QM, TS, english, release, update

PLACEHOLDERS = re.compile(r"\{[a-z]*\}|%L?[nvm]|\n")


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory) -> Path:
    """The shipped .ts brought in step with the sources by lupdate, in a scratch copy."""
    copy = tmp_path_factory.mktemp("ts") / TS.name
    shutil.copyfile(TS, copy)
    update(copy)
    return copy


def test_every_string_of_the_interface_is_in_the_catalogue(refreshed):
    shipped = {(c, s) for c, s, _ in messages(TS)}
    found = {(c, s) for c, s, _ in messages(refreshed)}
    assert sorted(found - shipped) == [], "run `python -m ui.i18n_build` and translate the new strings"
    assert sorted(shipped - found) == [], "strings no longer in the code: run `python -m ui.i18n_build`"


def texts(translation: ET.Element | None) -> list[str]:
    """The translated text, or each of its plural forms."""
    if translation is None:
        return []
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def test_every_string_has_a_finished_french_translation():
    unfinished = [
        (c, s) for c, s, t in messages(TS)
        if t is None or t.get("type") == "unfinished" or not all(texts(t)) or not texts(t)
    ]
    assert unfinished == []


def test_every_message_of_the_core_has_a_french_translation():
    translated = {s for c, s, t in messages(TS) if c == "CoreMessages" and t is not None and all(texts(t))}
    assert sorted(set(TEMPLATES.values()) - translated) == []
    assert sorted(set(PHRASES) - translated) == []


def test_strings_that_count_have_two_french_forms():
    plural = [(c, s, t) for c, s, t in messages(TS) if "%n" in s or "%Ln" in s]
    assert plural, "no plural strings found"
    assert [(c, s) for c, s, t in plural if len(texts(t)) != 2] == []


def test_translations_keep_the_placeholders_and_the_accelerator():
    for context, source, translation in messages(TS):
        for text in texts(translation):
            kept = sorted(PLACEHOLDERS.findall(text))
            assert kept == sorted(PLACEHOLDERS.findall(source)), (context, source)
            assert ("&" in text) == ("&" in source), (context, source)


def test_the_shipped_qm_is_the_ts_compiled(tmp_path):
    fresh = tmp_path / QM.name
    release(TS, fresh)
    assert fresh.read_bytes() == QM.read_bytes(), "run `python -m ui.i18n_build` and commit the .qm"


def test_the_english_catalogue_is_the_plural_strings_spelt_out(tmp_path):
    fresh_ts, fresh_qm = tmp_path / EN_TS.name, tmp_path / EN_QM.name
    english(TS, fresh_ts)
    assert fresh_ts.read_bytes() == EN_TS.read_bytes(), "run `python -m ui.i18n_build` and commit the .ts"
    release(EN_TS, fresh_qm)
    assert fresh_qm.read_bytes() == EN_QM.read_bytes(), "run `python -m ui.i18n_build` and commit the .qm"
    assert ("PollLine", "%Ln new item(s)") in {(c, s) for c, s, _ in messages(EN_TS)}
