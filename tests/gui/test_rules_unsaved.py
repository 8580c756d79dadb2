"""The tracked-issue editor never drops an edit without asking: save, discard or cancel."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.dialogs.rules import RulesDialog

Button = QMessageBox.StandardButton
EDITED = {"threshold": 1.0, "groups": [{"name": "q", "terms": ["quota"]}]}


@pytest.fixture
def dialog(qtbot, make_context):
    dialog = RulesDialog(make_context())
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.ask_unsaved = lambda _name: Button.Discard  # whatever the test left, it may go
    dialog.close()
    dialog.deleteLater()


def answer_next_box(qtbot, button: Button) -> list[str]:
    """Click `button` on the next message box that opens; returns its text once answered."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, click)
    return seen


def edit_rules(dialog) -> None:
    dialog.text.setPlainText(json.dumps(EDITED))


def test_cancel_keeps_the_selection_and_the_edit(qtbot, dialog, gui_store):
    before = gui_store.issues.rule_bodies()
    edit_rules(dialog)
    seen = answer_next_box(qtbot, Button.Cancel)
    dialog.issues.setCurrentRow(1)
    assert seen == ["Save the changes to “Tariffs & trade”?"]
    assert dialog.issues.currentRow() == 0
    assert json.loads(dialog.text.toPlainText()) == EDITED
    assert gui_store.issues.rule_bodies() == before


def test_discard_moves_on_and_stores_nothing(qtbot, dialog, gui_store):
    before = gui_store.issues.rule_bodies()
    dialog.name.setText("Trade only")
    seen = answer_next_box(qtbot, Button.Discard)
    dialog.issues.setCurrentRow(1)
    assert seen
    assert dialog.issues.currentRow() == 1
    assert dialog.name.text() == gui_store.issues.get("visit").name
    assert gui_store.issues.rule_bodies() == before
    assert gui_store.issues.get("tariffs").name == "Tariffs & trade"


def test_save_stores_the_edit_of_the_issue_left(qtbot, dialog, gui_store):
    dialog.name.setText("Trade rows")
    edit_rules(dialog)
    answer_next_box(qtbot, Button.Save)
    with qtbot.waitSignal(dialog.retag_finished, timeout=20_000):
        dialog.issues.setCurrentRow(1)
    assert dialog.issues.currentRow() == 1
    assert gui_store.issues.get("tariffs").name == "Trade rows"
    assert gui_store.issues.rule_bodies()["issues"]["tariffs"]["groups"][0]["terms"] == ["quota"]
    assert dialog.issues.item(0).text() == "Trade rows"
    assert dialog.issues.item(1).text() == gui_store.issues.get("visit").name


def test_closing_with_an_edit_asks_and_cancel_keeps_the_dialog_open(qtbot, dialog):
    edit_rules(dialog)
    answer_next_box(qtbot, Button.Cancel)
    dialog.close()
    assert dialog.isVisible()
    answer_next_box(qtbot, Button.Discard)
    dialog.close()
    assert not dialog.isVisible()


def test_without_an_edit_nothing_is_asked(qtbot, dialog):
    asked: list[str] = []
    dialog.ask_unsaved = lambda name: asked.append(name) or Button.Cancel
    dialog.format.setCurrentIndex(dialog.format.findData("toml"))  # another view of the same rules
    dialog.issues.setCurrentRow(2)
    dialog.close()
    assert asked == []
    assert not dialog.isVisible()
