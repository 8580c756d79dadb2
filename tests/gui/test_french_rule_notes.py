"""The notes of the rule groups in the rules editor: in French the form shows the French of a
shipped note, whole (the field wraps and its tooltip holds the note); the rules keep the
English note when the reader leaves it alone, and take the reader's words when edited."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from monitor import resources
from monitor.localized import localize_note
from ui.dialogs.rules import SLUG_ROLE, RulesDialog

SLUG, GROUP = "tariffs", "stoppage"
FRENCH = resources.read_toml("i18n/data_fr.toml")["notes"][SLUG][GROUP]["fr"]



def stored_group(store, slug: str = SLUG, name: str = GROUP) -> dict:
    return next(g for g in store.issues.rule_bodies()["issues"][slug]["groups"] if g["name"] == name)


def open_group(qtbot, make_context, slug: str = SLUG, name: str = GROUP) -> RulesDialog:
    """The rules dialog on issue `slug`, its group `name` selected in the form."""
    dialog = RulesDialog(make_context())
    qtbot.addWidget(dialog)
    row = next(r for r in range(dialog.issues.count()) if dialog.issues.item(r).data(SLUG_ROLE) == slug)
    dialog.issues.setCurrentRow(row)
    form = dialog.form
    form.groups.setCurrentRow(next(i for i, g in enumerate(form.body()["groups"]) if g["name"] == name))
    return dialog


def save(qtbot, dialog: RulesDialog) -> None:
    with qtbot.waitSignal(dialog.retag_finished, timeout=20_000):
        assert dialog.save()


def test_the_french_form_shows_the_french_note_of_a_shipped_group(qtbot, french, make_context, gui_store):
    english = stored_group(gui_store)["note"]
    dialog = open_group(qtbot, make_context)
    note = dialog.form.editor.note
    assert dialog.form.editor.note_text() == FRENCH != english
    assert FRENCH.startswith("Commerce arrêté, restreint ou rouvert")
    assert FRENCH in note.toolTip()  # the whole note, however narrow the field
    assert note.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    # the data stays English: the text view and the form's rules carry the stored note
    assert dialog.form.body() == gui_store.issues.rule_bodies()["issues"][SLUG]
    assert english in dialog.text.toPlainText() and FRENCH not in dialog.text.toPlainText()


def test_every_shipped_note_of_an_issue_shows_in_french(qtbot, french, make_context, gui_store):
    slug = "election_interference"
    dialog = open_group(qtbot, make_context, slug, "interference")
    form, groups = dialog.form, gui_store.issues.rule_bodies()["issues"][slug]["groups"]
    for row, group in enumerate(groups):
        form.groups.setCurrentRow(row)
        french = localize_note(slug, group["name"], group["note"], "fr")
        assert form.editor.note_text() == french != group["note"], group["name"]


def test_the_english_form_shows_the_english_note(qtbot, make_context, gui_store):
    dialog = open_group(qtbot, make_context)
    assert dialog.form.editor.note_text() == stored_group(gui_store)["note"]


def test_saving_other_edits_of_the_group_keeps_the_english_note(qtbot, french, make_context, gui_store):
    before = stored_group(gui_store)
    dialog = open_group(qtbot, make_context)
    editor = dialog.form.editor
    editor.terms.appendPlainText("zz-embargo")  # the group is rewritten from its fields
    editor.weight.setValue(before.get("weight", 1.0) + 1)
    assert editor.note_text() == FRENCH
    save(qtbot, dialog)
    after = stored_group(gui_store)
    assert after["terms"][-1] == "zz-embargo" and after["weight"] == before.get("weight", 1.0) + 1
    assert after["note"] == before["note"]
    reopened = open_group(qtbot, make_context)
    assert reopened.form.editor.note_text() == FRENCH  # the fingerprint still matches


def test_a_note_put_back_as_shown_is_no_edit(qtbot, french, make_context, gui_store):
    before = stored_group(gui_store)
    dialog = open_group(qtbot, make_context)
    note = dialog.form.editor.note
    note.setPlainText(FRENCH + " Ajout.")
    note.setPlainText(FRENCH)
    assert dialog.form.body() == gui_store.issues.rule_bodies()["issues"][SLUG]
    assert not dialog.is_dirty()
    assert stored_group(gui_store)["note"] == before["note"]


def test_an_edited_note_is_saved_as_written_and_shown_so(qtbot, french, make_context, gui_store):
    dialog = open_group(qtbot, make_context)
    mine = "Arrêts d’importation : à revoir après la visite."
    dialog.form.editor.note.setPlainText(mine)
    assert dialog.is_dirty()
    save(qtbot, dialog)
    assert stored_group(gui_store)["note"] == mine
    assert gui_store.issues.rules()[SLUG].user_edited
    reopened = open_group(qtbot, make_context)
    assert reopened.form.editor.note_text() == mine
    assert mine in reopened.form.editor.note.toolTip()


def test_a_note_written_over_several_lines_is_saved_as_one_paragraph(qtbot, make_context, gui_store):
    dialog = open_group(qtbot, make_context)
    dialog.form.editor.note.setPlainText("Stopped trade,\n  close to the goods.\n")
    save(qtbot, dialog)
    assert stored_group(gui_store)["note"] == "Stopped trade, close to the goods."
