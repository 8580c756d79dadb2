"""The rules editor: a form beside the text, kept in step both ways; the text format
remembered; a syntax error that clears the preview; the shipped rules on request; a preview
of the items that would gain and lose the tag; one notion of unsaved edits."""

from __future__ import annotations

import json

from tests.gui.conftest import NOW
from tests.gui.helpers import add_feed, add_items, tag
from ui.dialogs.rules import TAB_FORM, RulesDialog, shipped_rules
from ui.rules_text import parse_text


def open_dialog(qtbot, make_context) -> RulesDialog:
    dialog = RulesDialog(make_context())
    qtbot.addWidget(dialog)
    row = next(r for r in range(dialog.issues.count()) if dialog.issues.item(r).text() == "Tariffs & trade")
    dialog.issues.setCurrentRow(row)
    return dialog


def text_body(dialog: RulesDialog) -> dict:
    return parse_text(dialog.text.toPlainText(), dialog.format.currentData())


def test_the_form_shows_the_rules_and_its_edits_reach_the_text_and_back(qtbot, make_context, gui_store):
    dialog = open_dialog(qtbot, make_context)
    form = dialog.form
    stored = gui_store.issues.rule_bodies()["issues"]["tariffs"]
    assert form.groups.count() == len(stored["groups"]) and form.threshold.value() == stored["threshold"]
    assert form.body() == stored  # an untouched form gives back what it was given
    form.threshold.setValue(7.5)
    form.groups.setCurrentRow(0)
    form.editor.terms.appendPlainText("zz-new-term")
    body = text_body(dialog)
    assert body["threshold"] == 7.5 and body["groups"][0]["terms"][-1] == "zz-new-term"
    edited = text_body(dialog)
    edited["groups"][1]["weight"] = 9.0
    dialog.text.setPlainText(json.dumps(edited))
    form.groups.setCurrentRow(1)
    assert form.editor.weight.value() == 9.0
    assert "(×9," in form.groups.item(1).text()


def test_adding_and_removing_a_group_in_the_form_changes_the_text(qtbot, make_context):
    dialog = open_dialog(qtbot, make_context)
    before = len(text_body(dialog)["groups"])
    dialog.form.add_group()
    dialog.form.editor.terms.setPlainText("first term\nsecond term")
    assert text_body(dialog)["groups"][-1]["terms"] == ["first term", "second term"]
    dialog.form.remove_group()
    assert len(text_body(dialog)["groups"]) == before


def test_the_text_format_is_remembered_for_the_next_time(qtbot, make_context):
    dialog = open_dialog(qtbot, make_context)
    dialog.format.setCurrentIndex(dialog.format.findData("toml"))
    dialog.reject()
    again = open_dialog(qtbot, make_context)
    assert again.format.currentData() == "toml" and "[[groups]]" in again.text.toPlainText()


def test_a_syntax_error_clears_the_old_preview_and_says_where(qtbot, make_context, gui_store):
    feed = add_feed(gui_store)
    add_items(gui_store, feed, [("Canada and China argue over canola quota", "<p>quota</p>", ())], NOW)
    dialog = open_dialog(qtbot, make_context)
    dialog.text.setPlainText(json.dumps({"threshold": 1.0, "groups": [{"name": "q", "terms": ["quota"]}]}))
    with qtbot.waitSignal(dialog.preview_ready, timeout=10_000):
        dialog.run_preview()
    assert dialog.preview_table.rowCount() == 1
    dialog.text.setPlainText('{"threshold": 1.0, "groups": [')
    assert dialog.preview_table.rowCount() == 0
    assert dialog.error.text().startswith("not valid JSON") and "line 1" in dialog.error.text()
    assert not dialog.editor_tabs.isTabEnabled(TAB_FORM)
    dialog.text.setPlainText(json.dumps({"threshold": 1.0, "groups": [{"name": "q", "terms": ["quota"]}]}))
    assert dialog.editor_tabs.isTabEnabled(TAB_FORM) and dialog.error.text() == ""


def test_the_preview_lists_items_that_would_gain_and_lose_the_tag(qtbot, make_context, gui_store):
    feed = add_feed(gui_store)
    kept, lost = "Canada China tariffs on canola quota", "Canada China tariffs talk"
    add_items(gui_store, feed, [
        (kept, "<p>quota</p>", [tag("tariffs", kept, "tariffs")]),
        (lost, "<p>talk</p>", [tag("tariffs", lost, "tariffs")]),
        ("Canada and China argue over a fishing quota", "<p>quota</p>", ()),
    ], NOW)  # fmt: skip
    dialog = open_dialog(qtbot, make_context)
    dialog.text.setPlainText(json.dumps({"threshold": 1.0, "groups": [{"name": "q", "terms": ["quota"]}]}))
    with qtbot.waitSignal(dialog.preview_ready, timeout=10_000) as ready:
        dialog.run_preview()
    changes = [(line.change, line.row.title) for line in ready.args[0].rows]
    assert changes == [("gains", "Canada and China argue over a fishing quota"), ("loses", lost)]
    cells = [dialog.preview_table.item(r, 0).text() for r in range(dialog.preview_table.rowCount())]
    assert cells == ["+ would gain", "− would lose"]
    assert "1 would gain the tag and 1 would lose it" in dialog.error.text()


def test_restore_shipped_rules_asks_first_and_saving_them_marks_them_shipped(qtbot, make_context, gui_store):
    dialog = open_dialog(qtbot, make_context)
    mine = {"threshold": 1.0, "groups": [{"name": "q", "terms": ["quota"]}]}
    dialog.text.setPlainText(json.dumps(mine))
    dialog.ask_confirm = lambda _question: False
    assert not dialog.restore_shipped() and text_body(dialog) == mine
    asked = []
    dialog.ask_confirm = lambda question: asked.append(question) or True
    assert dialog.restore_shipped()
    assert "Tariffs & trade" in asked[0] and text_body(dialog) == shipped_rules("tariffs")
    with qtbot.waitSignal(dialog.retag_finished, timeout=20_000):
        dialog.save()
    assert not gui_store.issues.rules()["tariffs"].user_edited


def test_is_dirty_follows_unsaved_edits_in_form_text_and_fields(qtbot, make_context):
    dialog = open_dialog(qtbot, make_context)
    assert not dialog.is_dirty()
    dialog.form.threshold.setValue(dialog.form.threshold.value() + 1)
    assert dialog.is_dirty()
    dialog.form.threshold.setValue(dialog.form.threshold.value() - 1)
    assert not dialog.is_dirty()
    dialog.name.setText("Trade")
    assert dialog.is_dirty()
    with qtbot.waitSignal(dialog.retag_finished, timeout=20_000):
        dialog.save()
    assert not dialog.is_dirty()
    dialog.text.setPlainText("{broken")
    assert dialog.is_dirty()


def test_the_form_edits_a_groups_gazetteer_entries_and_languages(qtbot, make_context, gui_store):
    dialog = RulesDialog(make_context())
    qtbot.addWidget(dialog)
    row = next(r for r in range(dialog.issues.count())
               if dialog.issues.item(r).text() == "Election interference")
    dialog.issues.setCurrentRow(row)
    form = dialog.form
    stored = gui_store.issues.rule_bodies()["issues"]["election_interference"]
    assert form.body() == stored  # entities and langs come back untouched
    index = next(i for i, g in enumerate(stored["groups"]) if g["name"] == "interference")
    form.groups.setCurrentRow(index)
    assert "tag:interference+inquiry" in form.editor.entities.text()
    form.editor.langs.setText("fr, zh")
    form.editor.langs.textEdited.emit("fr, zh")
    form.editor.entities.setText("hogue_commission")
    form.editor.entities.textEdited.emit("hogue_commission")
    group = text_body(dialog)["groups"][index]
    assert group["langs"] == ["fr", "zh"] and group["entities"] == ["hogue_commission"]
