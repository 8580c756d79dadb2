"""One issue's rules as a form: threshold, title weight, required groups, and each term group
(terms one per line, gazetteer entries, weight, cap, window, exclusions, groups it must or
must not be near, the languages it counts in, its note).

The form edits the same dict the text view shows (monitor/rules.py documents its keys);
keys the form has no field for are kept as they were. A value left at its default and absent
before stays absent, so an untouched form gives back exactly the dict it was given.

A shipped group's note is shown in the interface's language (monitor.localized.localize_note);
the rules keep the English note unless the reader changes the text shown.
"""

from __future__ import annotations

import copy
import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from monitor.localized import localize_note
from ui.i18n import data_lang, decimal, translate

GROUP_DEFAULTS: dict[str, Any] = {"weight": 1.0, "cap": 2.0, "within": 10}
SCOPE_DEFAULTS: dict[str, Any] = {"title_weight": 2.0}


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def require_text(require: list[list[str]]) -> str:
    """[["canada", "bilateral"], ["china"]] as "canada, bilateral; china"."""
    return "; ".join(", ".join(entry) for entry in require)


def parse_require(text: str) -> list[list[str]]:
    return [names(entry) for entry in text.split(";") if names(entry)]


def _spin(low: float, high: float, step: float, decimals: int = 2) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setDecimals(decimals)
    return box


def _terms_box(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # long terms wrap, never scroll sideways
    box.setTabChangesFocus(True)
    return box


def _paragraph(text: str) -> str:
    """A note as one paragraph: its lines joined by a space."""
    return " ".join(lines(text))


def _put(target: dict[str, Any], key: str, value: Any, default: Any, original: dict[str, Any]) -> None:  # noqa: ANN401
    """Write `value`, unless it is the default (or empty) and the key was absent before;
    an unchanged number keeps its spelling (2 stays 2, not 2.0)."""
    if key not in original and (value == default or value in ([], "")):
        target.pop(key, None)
    elif key in original and original[key] == value:
        target[key] = original[key]
    else:
        target[key] = value


class GroupEditor(QWidget):
    """The fields of one term group.

    Signals:
        edited(): the user changed a field.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.weight = _spin(-100, 100, 0.5)
        self.weight.setToolTip(
            translate("RulesForm", "Added per distinct term that hits; negative for distractors")
        )
        self.cap = _spin(0, 100, 1)
        self.cap.setToolTip(
            translate("RulesForm", "At most this many hits count (a title hit counts as the title weight)")
        )
        self.within = QSpinBox()
        self.within.setRange(1, 500)
        self.within.setToolTip(
            translate("RulesForm", "Words within which a 'near' or 'unless near' group must hit")
        )
        self.terms = _terms_box(translate("RulesForm", "One term per line, e.g. canola or \"canola seed\""))
        self.exclude = _terms_box(
            translate("RulesForm", "Terms that void a hit where they overlap it, one per line")
        )
        self.exclude.setMaximumHeight(self.exclude.fontMetrics().height() * 4 + 12)  # terms get the room
        self.near = QLineEdit()
        self.near.setPlaceholderText(
            translate("RulesForm", "Groups one of which must hit nearby: name, scope:name")
        )
        self.unless_near = QLineEdit()
        self.unless_near.setPlaceholderText(
            translate("RulesForm", "Groups whose hit nearby voids this group's hit")
        )
        self.entities = QLineEdit()
        self.entities.setPlaceholderText(
            translate("RulesForm", "Gazetteer entries whose names are terms too: id or tag:a+b")
        )
        self.entities.setToolTip(translate(
            "RulesForm", "Entries of resources/gazetteer.toml, e.g. hogue_commission, tag:interference+person"
        ))
        self.langs = QLineEdit()
        self.langs.setPlaceholderText(
            translate("RulesForm", "Languages the group counts in (empty: all), e.g. fr, zh")
        )
        self.note = QPlainTextEdit()  # a note is a paragraph: it wraps rather than run out of sight
        self.note.setObjectName("groupNote")
        self.note.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.note.setTabChangesFocus(True)
        margins = 2 * (self.note.document().documentMargin() + self.note.frameWidth())
        self.note.setFixedHeight(round(self.note.fontMetrics().lineSpacing() * 4 + margins))  # four lines
        self.note.setPlaceholderText(
            translate("RulesForm", "Why the group exists, for whoever edits the rules")
        )
        # said here, so that the tooltip (the note itself) does not become the field's description
        self.note.setAccessibleDescription(self.note.placeholderText())
        # the group's note as show_group found it (None: none), and as it put it in the field
        self._stored_note: Any = None
        self._shown_note = ""
        numbers = QHBoxLayout()
        for label, box in (
            (translate("RulesForm", "Weight"), self.weight),
            (translate("RulesForm", "Cap"), self.cap),
            (translate("RulesForm", "Within (words)"), self.within),
        ):
            numbers.addWidget(QLabel(label))
            numbers.addWidget(box)
        numbers.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(translate("RulesForm", "Name"), self.name)
        form.addRow(numbers)
        form.addRow(translate("RulesForm", "Terms"), self.terms)
        form.addRow(translate("RulesForm", "Gazetteer"), self.entities)
        form.addRow(translate("RulesForm", "Exclude"), self.exclude)
        form.addRow(translate("RulesForm", "Near"), self.near)
        form.addRow(translate("RulesForm", "Unless near"), self.unless_near)
        form.addRow(translate("RulesForm", "Languages"), self.langs)
        form.addRow(translate("RulesForm", "Note"), self.note)
        for line in (self.name, self.near, self.unless_near, self.entities, self.langs):
            line.textEdited.connect(lambda _text: self.edited.emit())
        for box in (self.terms, self.exclude):
            box.textChanged.connect(self._on_text_changed)
        self.note.textChanged.connect(self._on_note_changed)
        for spin in (self.weight, self.cap, self.within):
            spin.valueChanged.connect(lambda _value: self._on_text_changed())
        self._loading = False

    def _on_text_changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def note_text(self) -> str:
        """The note as the field holds it, non-breaking spaces kept (toPlainText makes them plain)."""
        return self.note.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")

    def _on_note_changed(self) -> None:
        text = self.note_text().strip()
        # the whole note, wrapped, for a field too small to show it all
        self.note.setToolTip(f"<p>{html.escape(text)}</p>" if text else "")
        self._on_text_changed()

    def show_group(self, group: dict[str, Any], scope: str | None = None) -> None:
        """Show `group`; its note in the interface's language when it is the shipped note of
        that group of `scope` ("relevance" or an issue's slug)."""
        self._loading = True
        self.name.setText(str(group.get("name", "")))
        self.weight.setValue(float(group.get("weight", GROUP_DEFAULTS["weight"])))
        self.cap.setValue(float(group.get("cap", GROUP_DEFAULTS["cap"])))
        self.within.setValue(int(group.get("within", GROUP_DEFAULTS["within"])))
        self.terms.setPlainText("\n".join(map(str, group.get("terms", []))))
        self.exclude.setPlainText("\n".join(map(str, group.get("exclude", []))))
        self.near.setText(", ".join(map(str, group.get("near", []))))
        self.unless_near.setText(", ".join(map(str, group.get("unless_near", []))))
        self.entities.setText(", ".join(map(str, group.get("entities", []))))
        self.langs.setText(", ".join(map(str, group.get("langs", []))))
        self._stored_note = group.get("note")
        note = str(group.get("note", ""))
        if scope is not None:
            note = localize_note(scope, str(group.get("name", "")), note, data_lang())
        self._shown_note = note
        self.note.setPlainText(note)
        self._loading = False

    def group(self, original: dict[str, Any]) -> dict[str, Any]:
        """The group as edited, over `original` (whose other keys stay)."""
        group = dict(original)
        group["name"] = self.name.text().strip()
        _put(group, "terms", lines(self.terms.toPlainText()), [], original)
        for key, box in (("weight", self.weight), ("cap", self.cap)):
            _put(group, key, box.value(), GROUP_DEFAULTS[key], original)
        _put(group, "within", self.within.value(), GROUP_DEFAULTS["within"], original)
        _put(group, "exclude", lines(self.exclude.toPlainText()), [], original)
        _put(group, "near", names(self.near.text()), [], original)
        _put(group, "unless_near", names(self.unless_near.text()), [], original)
        _put(group, "entities", names(self.entities.text()), [], original)
        _put(group, "langs", names(self.langs.text()), [], original)
        note = _paragraph(self.note_text())
        if note != _paragraph(self._shown_note):
            _put(group, "note", note, "", original)
        elif self._stored_note is None:
            group.pop("note", None)
        else:
            group["note"] = self._stored_note  # the note as shown, in French or not: the stored one stays
        return group


class RulesForm(QWidget):
    """One scope's rules as a form.

    Signals:
        edited(): the user changed the rules in the form.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesForm")
        self.threshold = _spin(0, 1000, 0.5)
        self.threshold.setToolTip(translate("RulesForm", "The score an item needs to get the tag"))
        self.title_weight = _spin(0, 100, 0.5)
        self.title_weight.setToolTip(
            translate("RulesForm", "What a hit in the title counts; a hit in the summary counts 1")
        )
        self.require = QLineEdit()
        self.require.setPlaceholderText(
            translate("RulesForm", "Groups that must hit: one of a, b; and one of c, d")
        )
        self.groups = QListWidget()
        self.groups.setObjectName("ruleGroups")
        self.groups.currentRowChanged.connect(self._on_groups_current_row_changed)
        self.add_button = QPushButton(translate("RulesForm", "Add group"))
        self.add_button.clicked.connect(self.add_group)
        self.remove_button = QPushButton(translate("RulesForm", "Remove group"))
        self.remove_button.clicked.connect(self.remove_group)
        self.editor = GroupEditor()
        self.editor.edited.connect(self._on_editor_edited)
        self._body: dict[str, Any] = {}
        self._groups: list[dict[str, Any]] = []
        self._scope: str | None = None
        self._loading = False
        self._layout()
        for spin in (self.threshold, self.title_weight):
            spin.valueChanged.connect(lambda _value: self._changed())
        self.require.textEdited.connect(lambda _text: self._changed())

    def _layout(self) -> None:
        top = QHBoxLayout()
        for label, widget in ((translate("RulesForm", "Threshold"), self.threshold),
            (translate("RulesForm", "Title weight"), self.title_weight),
        ):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addWidget(QLabel(translate("RulesForm", "Required")))
        top.addWidget(self.require, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(translate("RulesForm", "Term groups")))
        column.addWidget(self.groups, 1)
        column.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        # the group's fields scroll rather than make the dialog taller than a small screen
        editor_area = QScrollArea()
        editor_area.setWidgetResizable(True)
        editor_area.setFrameShape(QFrame.Shape.NoFrame)
        editor_area.setWidget(self.editor)
        editor_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take the focus
        editor_area.setAccessibleName(translate("RulesForm", "Term group"))
        split.addWidget(editor_area)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    # --- in and out -------------------------------------------------------------------------

    def set_scope(self, scope: str | None) -> None:
        """Whose rules the form shows next ("relevance" or an issue's slug): the shipped notes
        of that scope's groups are shown in the interface's language."""
        self._scope = scope

    def set_body(self, body: dict[str, Any]) -> None:
        """Show `body` (the text view's dict); keeps the selected group where it can."""
        row = max(0, self.groups.currentRow())
        self._loading = True
        self._body = copy.deepcopy(body)
        raw = body.get("groups", [])
        self._groups = [dict(g) if isinstance(g, dict) else {} for g in raw] if isinstance(raw, list) else []
        self.threshold.setValue(float(body.get("threshold", 0) or 0))
        self.title_weight.setValue(float(body.get("title_weight", SCOPE_DEFAULTS["title_weight"])))
        require = body.get("require", [])
        self.require.setText(require_text(require) if isinstance(require, list) else "")
        self.groups.clear()
        for group in self._groups:
            self.groups.addItem(self._group_label(group))
        self._loading = False
        if self._groups:
            self.groups.setCurrentRow(min(row, len(self._groups) - 1))
        else:
            self.editor.show_group({})
        self.editor.setEnabled(bool(self._groups))

    def body(self) -> dict[str, Any]:
        """The rules as the form shows them."""
        body = copy.deepcopy(self._body)
        _put(body, "threshold", self.threshold.value(), None, self._body)
        _put(body, "title_weight", self.title_weight.value(), SCOPE_DEFAULTS["title_weight"], self._body)
        _put(body, "require", parse_require(self.require.text()), [], self._body)
        body["groups"] = copy.deepcopy(self._groups)
        return body

    # --- groups -------------------------------------------------------------------------------

    @staticmethod
    def _group_label(group: dict[str, Any]) -> str:
        weight = group.get("weight", GROUP_DEFAULTS["weight"])
        terms = len(group.get("terms", []))
        count = translate("RulesForm", "%n term(s)", None, terms)
        return f"{group.get('name', '?')}  (×{decimal(weight)}, {count})"

    def _on_groups_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._groups):
            self.editor.show_group(self._groups[row], self._scope)

    def _on_editor_edited(self) -> None:
        row = self.groups.currentRow()
        if self._loading or not 0 <= row < len(self._groups):
            return
        self._groups[row] = self.editor.group(self._groups[row])
        self.groups.item(row).setText(self._group_label(self._groups[row]))
        self._changed()

    def add_group(self) -> None:
        taken = {g.get("name") for g in self._groups}
        name = next(f"group-{n}" for n in range(1, len(taken) + 2) if f"group-{n}" not in taken)
        self._groups.append({"name": name, "terms": []})
        self.groups.addItem(self._group_label(self._groups[-1]))
        self.groups.setCurrentRow(len(self._groups) - 1)
        self.editor.setEnabled(True)
        self.editor.name.setFocus()
        self._changed()

    def remove_group(self) -> None:
        row = self.groups.currentRow()
        if not 0 <= row < len(self._groups):
            return
        del self._groups[row]
        self.groups.takeItem(row)
        self.editor.setEnabled(bool(self._groups))
        self._changed()

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()
