"""Beside an item: its offence categories (the taxonomy of `case/taxonomy.py`), ticked and saved.

Rules: like the note, the categories are saved only when the user says so, and each save is one
custody event (`offences_changed`, old and new ids; `verify` compares them). The line above the
list says what every face of the program says first: information for the conversation with the
police, not legal advice.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from evidence_kit.ui.widgets.case_fields import CategoryList
from evidence_kit.ui.widgets.colours import Tone, apply_tone


class OffencesTab(QWidget):
    save_requested = Signal(tuple)  # the ticked taxonomy ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        disclaimer = QLabel(
            self.tr(
                "Which forms of online violence this item shows. This is information to help the "
                "conversation with the police, not legal advice."
            ),
            self,
        )
        disclaimer.setWordWrap(True)
        layout.addWidget(disclaimer)
        self.categories = CategoryList(self)
        # Long names ("Online stalking and monitoring (spyware, ...)") wrap in a narrow panel.
        self.categories.setWordWrap(True)
        self.categories.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.categories.setResizeMode(QListView.ResizeMode.Adjust)
        self.categories.itemChanged.connect(lambda _entry: self._changed())
        layout.addWidget(self.categories, 1)
        row = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        apply_tone(self.status, Tone.MUTED)
        self.save_button = QPushButton(self.tr("Save cate&gories"), self)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save)
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self._original: tuple[str, ...] = ()

    def show_offences(self, offences: Iterable[str]) -> None:
        self._original = tuple(sorted(offences))
        self.categories.blockSignals(True)
        self.categories.set_checked(self._original)
        self.categories.blockSignals(False)
        self.status.clear()
        self.save_button.setEnabled(False)

    @property
    def chosen(self) -> tuple[str, ...]:
        return tuple(sorted(self.categories.categories()))

    def _changed(self) -> None:
        dirty = self.chosen != self._original
        self.save_button.setEnabled(dirty)
        self.status.setText(self.tr("Not saved yet.") if dirty else "")

    def _save(self) -> None:
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self.save_requested.emit(self.chosen)

    def saved(self, offences: Iterable[str]) -> None:
        self.show_offences(offences)
        self.status.setText(self.tr("Saved, and recorded in the custody log."))

    def failed(self, text: str) -> None:
        self.status.setText(text)
        self._changed()
        self.save_button.setEnabled(True)
