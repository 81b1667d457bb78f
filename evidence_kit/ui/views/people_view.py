"""The people register: who the other party is (names, numbers, accounts, addresses) and where
each of them appears in the evidence.

Rules: a person is saved through the vault in the worker (`case_jobs.save_person`); every change
is a new sealed version and the earlier ones stay. Where someone appears is worked out by the
core (`case/people.py`, exact identities after normalising), never stored, and read again after
every change. The core's refusal (a person with no name and no identity) is shown in the dialog
with everything typed still there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.errors import EvidenceKitError
from evidence_kit.storage.people import Person, PersonFields
from evidence_kit.ui import case_jobs, texts
from evidence_kit.ui.controller_api import JobsApi
from evidence_kit.ui.widgets.case_fields import LinesEdit
from evidence_kit.ui.widgets.colours import Tone, apply_tone
from evidence_kit.ui.workers import JobKind


class PersonDialog(QDialog):
    saved = Signal(object)  # Person

    def __init__(
        self, controller: JobsApi, parent: QWidget | None = None, person: Person | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.person = person
        self.setWindowTitle(self.tr("Change a person") if person else self.tr("Add a person"))
        self.setModal(True)
        self.resize(560, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Write down every name, number and account this person uses, one per line. A name "
                "alone cannot be traced; a number or account can."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.names = LinesEdit(self, lines=2)
        form.addRow(self.tr("&Names:"), self.names)
        self.phones = LinesEdit(self, lines=2)
        form.addRow(self.tr("P&hone numbers:"), self.phones)
        self.handles = LinesEdit(self, lines=2)
        self.handles.setPlaceholderText("@…")
        form.addRow(self.tr("&Accounts:"), self.handles)
        self.emails = LinesEdit(self, lines=2)
        form.addRow(self.tr("&E-mail addresses:"), self.emails)
        self.urls = LinesEdit(self, lines=2)
        form.addRow(self.tr("&Profile addresses:"), self.urls)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        form.addRow(self.tr("N&ote:"), self.note)
        layout.addLayout(form, 1)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        apply_tone(self.error_label, Tone.ERROR)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if person is not None:
            for name, edit in self._lists().items():
                edit.set_values(getattr(person.fields, name))
            self.note.setPlainText(person.fields.note)

    def _lists(self) -> dict[str, LinesEdit]:
        return {
            "names": self.names,
            "phones": self.phones,
            "handles": self.handles,
            "emails": self.emails,
            "urls": self.urls,
        }

    def fields(self) -> PersonFields:
        values = {name: edit.values() for name, edit in self._lists().items()}
        return PersonFields(note=self.note.toPlainText(), **values)

    def save(self) -> None:
        self.error_label.hide()
        self.save_button.setEnabled(False)
        fields = self.fields()
        person_id = None if self.person is None else self.person.person_id
        self.controller.worker.submit(
            lambda ctx: case_jobs.save_person(ctx, person_id, fields),
            kind=JobKind.WRITE,
            owner=self,
            done=self._saved,
            error=self._failed,
        )

    def _saved(self, person: Person) -> None:
        self.save_button.setEnabled(True)
        self.person = person
        self.saved.emit(person)
        self.accept()

    def _failed(self, exc: EvidenceKitError) -> None:
        self.save_button.setEnabled(True)
        self.error_label.setText(texts.error_text(exc))
        self.error_label.show()


class PeopleView(QWidget):
    changed = Signal()

    def __init__(self, controller: JobsApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.entries: list[case_jobs.PersonEntry] = []
        self.dialog: PersonDialog | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The other party: everyone who did something to you, with every name, number and "
                "account they use. Evidence Kit finds where each of them appears in the evidence."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add a person…"), self)
        self.edit_button = QPushButton(self.tr("&Change…"), self)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("peopleTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Numbers and accounts"),
                self.tr("Items"),
                self.tr("Messages"),
                self.tr("First seen"),
                self.tr("Last seen"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setProperty("evidenceContent", True)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("People register"))
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._selection)
        layout.addWidget(self.table, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._selection()

    def reload(self) -> None:
        self.controller.worker.submit(case_jobs.people, owner=self, done=self.set_people, error=self._failed)

    def set_people(self, entries: list[case_jobs.PersonEntry]) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            fields, seen = entry.person.fields, entry.appearance
            identities = [*fields.phones, *fields.handles, *fields.emails, *fields.urls]
            cells = (
                fields.names[0] if fields.names else fields.label,
                ", ".join(identities),
                str(len(seen.items)),
                str(seen.messages),
                f"{seen.first:%Y-%m-%d %H:%M}" if seen.first else "",
                f"{seen.last:%Y-%m-%d %H:%M}" if seen.last else "",
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column >= 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.status.setText(self.tr("%n person(s) in the register.", "", len(entries)))
        self._selection()

    def _failed(self, exc: EvidenceKitError) -> None:
        self.status.setText(texts.error_text(exc))

    def _selection(self) -> None:
        self.edit_button.setEnabled(self.selected() is not None)

    def selected(self) -> Person | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if not rows or min(rows) >= len(self.entries):
            return None
        return self.entries[min(rows)].person

    def add_person(self) -> PersonDialog:
        return self._open(None)

    def edit_selected(self) -> PersonDialog | None:
        person = self.selected()
        return None if person is None else self._open(person)

    def _open(self, person: Person | None) -> PersonDialog:
        self.dialog = PersonDialog(self.controller, self, person)
        self.dialog.saved.connect(self._saved)
        self.dialog.open()
        return self.dialog

    def _saved(self, _person: Person) -> None:
        self.reload()
        self.changed.emit()

    def release(self) -> None:
        self.entries = []
        self.table.setRowCount(0)
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
