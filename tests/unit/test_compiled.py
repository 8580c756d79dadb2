"""The compiled rules a poll starts from: kept between runs, and never trusted beyond what
they were compiled from."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest

from monitor import compiled as compiled_module
from monitor.compiled import cache_dir, compiled
from monitor.rules import RuleError, load_resource_rules, rules_from_resource
from monitor.stories import StoryItem
from tests.labelled_items import labelled_items

HEADLINE = "Canada and China agree to cut canola tariffs after Carney's visit to Beijing"
SUMMARY = "Ottawa and Beijing reached a deal on canola and steel duties."


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, as a new process sees it (nothing compiled in it yet)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(compiled_module, "_in_process", {})
    return cache_dir()


@pytest.fixture
def rules() -> dict:
    return rules_from_resource(load_resource_rules())


def _next_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled_module, "_in_process", {})


def _tags(rules_compiled: compiled_module.Compiled) -> tuple[bool, tuple[str, ...]]:
    verdict = rules_compiled.tagger.verdict(HEADLINE, SUMMARY, "en")
    return verdict.relevant, tuple(sorted(tag.issue for tag in verdict.tags))


def test_the_next_run_reads_the_rules_compiled_by_the_first_and_tags_the_same(cache, rules, monkeypatch):
    first = compiled(rules)
    assert list(cache.glob("*.pickle")), "nothing was kept for the next run"
    _next_process(monkeypatch)
    second = compiled(rules)
    assert second is not first  # read back, not this process's copy
    assert _tags(second) == _tags(first) == (True, ("tariffs", "visit"))
    item = StoryItem(key="1", title=HEADLINE, summary=SUMMARY, lang="en")
    assert second.extractor.extract(item) == first.extractor.extract(item)
    detect = (HEADLINE, SUMMARY, "en", None)
    assert second.moves.detect(*detect) == first.moves.detect(*detect)


def test_a_run_in_another_process_reads_the_same_copy(cache, rules):
    compiled(rules)
    kept = sorted(cache.glob("*.pickle"))
    code = (
        "from monitor.compiled import compiled;"
        "from monitor.rules import load_resource_rules, rules_from_resource;"
        "import monitor.compiled as m;"
        "m._compile_and_keep = lambda *a: (_ for _ in ()).throw(SystemExit('compiled again'));"
        "rules = compiled(rules_from_resource(load_resource_rules()));"
        "r = rules.tagger.verdict(" + repr(HEADLINE) + ", '', 'en');"
        "print(r.relevant)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**_env(), "XDG_CACHE_HOME": str(cache.parent.parent)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
    assert sorted(cache.glob("*.pickle")) == kept


def test_edited_rules_are_compiled_afresh(cache, rules, monkeypatch):
    before = _tags(compiled(rules))
    edited = copy.deepcopy(rules)
    del edited["issues"]["visit"]
    _next_process(monkeypatch)
    assert _tags(compiled(edited)) == (True, ("tariffs",))
    assert _tags(compiled(rules)) == before
    assert len(list(cache.glob("*.pickle"))) == 2


def test_a_damaged_copy_is_compiled_again_and_replaced(cache, rules, monkeypatch):
    compiled(rules)
    (kept,) = cache.glob("*.pickle")
    kept.write_bytes(kept.read_bytes()[:1000])  # a copy cut short
    _next_process(monkeypatch)
    assert _tags(compiled(rules)) == (True, ("tariffs", "visit"))
    _next_process(monkeypatch)
    assert compiled(rules).tagger is not None
    assert kept.stat().st_size > 1000


def test_a_cache_folder_that_cannot_be_written_costs_only_the_time_to_compile(tmp_path, rules, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    _next_process(monkeypatch)
    assert _tags(compiled(rules)) == (True, ("tariffs", "visit"))


def test_unusable_rules_are_refused_as_before(cache):
    with pytest.raises(RuleError):
        compiled({"relevance": {"groups": "not a table"}, "issues": {}})
    assert not list(cache.glob("*.pickle"))


def test_only_the_last_few_rule_sets_are_kept(cache, rules, monkeypatch):
    for n in range(compiled_module._KEEP + 2):
        edited = copy.deepcopy(rules)
        edited["relevance"]["threshold"] = 1 + n / 10
        compiled(edited)
    assert len(list(cache.glob("*.pickle"))) == compiled_module._KEEP


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


def test_the_copy_read_back_judges_every_labelled_item_as_the_rules_compiled_now(cache, rules, monkeypatch):
    fresh = compiled(rules)
    _next_process(monkeypatch)
    kept = compiled(rules)
    assert kept is not fresh
    items = labelled_items()
    assert len(items) > 1500
    for title, text, lang, published in items:
        assert kept.tagger.classify(title, text, lang, published) == fresh.tagger.classify(
            title, text, lang, published), title
        story = StoryItem(key="1", title=title, summary=text, lang=lang)
        assert kept.extractor.extract(story) == fresh.extractor.extract(story), title
        read = (title, text, lang, published)
        assert kept.moves.detect(*read) == fresh.moves.detect(*read), title
