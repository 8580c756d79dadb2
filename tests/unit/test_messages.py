"""The core's message catalogue: every sentence renders from its template and reads back to it."""

from __future__ import annotations

import pytest

from monitor.messages import TEMPLATES, Message, fields_of, message, parse, phrase
from monitor.rules import RuleError, parse_rules


def sample(code: str) -> Message:
    values = {"status": "404", "seconds": "45", "kind": "ReadError", "count": "5", "phrase": "Not Found",
              "scope": "tariffs", "group": "'canola'"}
    return Message(code, {name: values.get(name, f"<{name} value>") for name in fields_of(TEMPLATES[code])})


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_message_reads_back_as_its_own_code_and_fields(code):
    if "{problem}" in TEMPLATES[code]:
        pytest.skip("holds another sentence: see the nesting test")
    shown = sample(code)
    assert parse(str(shown)) == shown


def test_a_stored_http_error_reads_back_with_its_status_and_phrase():
    assert parse("HTTP 404 Not Found") == Message("http_status", {"status": "404", "phrase": "Not Found"})
    assert parse("HTTP 599") == Message("http_status_bare", {"status": "599"})


def test_a_rule_error_keeps_the_nested_term_error():
    with pytest.raises(RuleError) as caught:
        parse_rules({"relevance": {"threshold": 1, "groups": [{"name": "g", "weight": 1, "terms": ["*"]}]}})
    found = parse(str(caught.value))
    assert found is not None and found.code == "rule_at"
    assert parse(found.fields["problem"]) is not None


def test_text_from_elsewhere_is_not_taken_for_a_message():
    assert parse("something the OS said: no idea") is None
    assert parse("HTTP 404 Not Found, and then some") is None


def test_os_phrases_are_recognised_with_or_without_their_errno():
    assert phrase("[Errno 111] Connection refused") == "Connection refused"
    assert phrase("No space left on device") == "No space left on device"
    assert phrase("Something else") is None


def test_message_fills_the_template():
    assert message("cannot_write", path="/x/d.md", reason="No space left on device") == (
        "cannot write /x/d.md: No space left on device"
    )
