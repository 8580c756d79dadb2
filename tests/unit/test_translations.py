"""The French catalogue is complete and compiled: every string of ui/ is in the .ts with a
finished translation that keeps the placeholders, and the shipped .qm is the .ts compiled."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui.i18n_build import QM, TS, release, update

PLACEHOLDERS = re.compile(r"\{[a-z]*\}|%[nvm]|\n")


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


def test_every_string_has_a_finished_french_translation():
    unfinished = [
        (c, s) for c, s, t in messages(TS) if t is None or t.get("type") == "unfinished" or not (t.text or "")
    ]
    assert unfinished == []


def test_translations_keep_the_placeholders_and_the_accelerator():
    for context, source, translation in messages(TS):
        text = translation.text or ""
        assert sorted(PLACEHOLDERS.findall(text)) == sorted(PLACEHOLDERS.findall(source)), (context, source)
        assert ("&" in text) == ("&" in source), (context, source)


def test_the_shipped_qm_is_the_ts_compiled(tmp_path):
    fresh = tmp_path / QM.name
    release(TS, fresh)
    assert fresh.read_bytes() == QM.read_bytes(), "run `python -m ui.i18n_build` and commit the .qm"
