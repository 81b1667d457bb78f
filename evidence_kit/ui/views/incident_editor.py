"""Writing an incident down, or changing it: every field of the incident log, its offence
categories and the evidence items it refers to.

Rules: saving goes through the vault in the worker (`case_jobs.save_incident`); the core cleans
and checks the fields, and a refusal (no text, a period that ends before it starts, a time it
cannot read) is shown here, translated, with everything typed still in place. An edit is a new
version; the earlier ones stay and `History…` shows them. The fields are described once, by
name, in `_LINES` / `_TEXTS` / `_LISTS`, so a new text field of `IncidentFields` is one entry
there and one row in the form.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.case.gaps import Gap, incident_gaps
from evidence_kit.errors import EvidenceKitError
from evidence_kit.storage.incidents import Incident, IncidentFields
from evidence_kit.ui import case_jobs, texts
from evidence_kit.ui.controller_api import WorkspaceApi
from evidence_kit.ui.models.rows import ItemRow
from evidence_kit.ui.widgets.case_fields import CategoryList, CheckList, LinesEdit
from evidence_kit.ui.widgets.colours import Tone, apply_tone
from evidence_kit.ui.workers import JobKind

TIME_FORMAT_HINT = "2026-11-03 21:15"


def gap_lines(gaps: Iterable[Gap]) -> str:
    """Hints as a bulleted plain text, each translated (`case/gaps.py` words them)."""
    return "\n".join("• " + texts.core_text(g.template, g.params) for g in gaps)


def item_label(row: ItemRow) -> str:
    when = texts.time_text(row.shown_time) if row.shown_time is not None else ""
    name = row.title or row.summary.original_name
    return f"{row.id}. {name}" + (f"  ({when})" if when else "")


class IncidentEditor(QDialog):
    """The editor of one incident: new (`incident` None) or its next version."""

    saved = Signal(object)  # Incident
    history_requested = Signal(int)
    notice_requested = Signal(object)  # Incident

    def __init__(
        self,
        controller: WorkspaceApi,
        items: Sequence[ItemRow],
        parent: QWidget | None = None,
        *,
        incident: Incident | None = None,
        selected_items: Sequence[int] = (),
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.incident = incident
        self.setWindowTitle(self.tr("Edit incident") if incident else self.tr("New incident"))
        self.setModal(True)
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self._build_what_tab()
        self._build_more_tab()
        self._build_categories_tab()
        self._build_items_tab(items, selected_items)
        self.gaps_label = QLabel(self)
        self.gaps_label.setObjectName("incidentGaps")
        self.gaps_label.setWordWrap(True)
        apply_tone(self.gaps_label, Tone.MUTED)
        layout.addWidget(self.gaps_label)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("incidentError")
        self.error_label.setWordWrap(True)
        apply_tone(self.error_label, Tone.ERROR)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.history_button = QPushButton(self.tr("&History…"), self)
        self.notice_button = QPushButton(self.tr("&Notice to a platform…"), self)
        for button in (self.history_button, self.notice_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setVisible(incident is not None)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.history_button.clicked.connect(self._history)
        self.notice_button.clicked.connect(self._notice)
        layout.addWidget(self.buttons)
        if incident is not None:
            self.set_fields(incident.fields)
            self._show_gaps(incident)
        else:
            self.items.set_checked(selected_items)  # a new incident starts from what was chosen
            self.gaps_label.hide()

    # ----------------------------------------------------------------- the form

    def _build_what_tab(self) -> None:
        page = QWidget(self.tabs)
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.title = QLineEdit(page)
        self.title.setPlaceholderText(
            self.tr("a few words to find it by, such as: Address posted on Instagram")
        )
        form.addRow(self.tr("Tit&le:"), self.title)
        self.what = QPlainTextEdit(page)
        self.what.setTabChangesFocus(True)
        self.what.setPlaceholderText(self.tr("What happened, in your own words"))
        form.addRow(self.tr("Wha&t happened:"), self.what)
        self.started = QLineEdit(page)
        self.started.setPlaceholderText(
            self.tr("a date, or a date and time: {example}").format(example=TIME_FORMAT_HINT)
        )
        form.addRow(self.tr("&When (from):"), self.started)
        self.ended = QLineEdit(page)
        self.ended.setPlaceholderText(self.tr("optional: only when it went on for a while"))
        form.addRow(self.tr("&Until (optional):"), self.ended)
        time_hint = QLabel(
            self.tr(
                'Leave "Until" empty for one moment. A time without a date is not enough; a date '
                "alone is fine. Times are as you give them: only a trusted time-stamp proves a time."
            ),
            page,
        )
        time_hint.setWordWrap(True)
        apply_tone(time_hint, Tone.MUTED)
        form.addRow(time_hint)
        self.platform = QLineEdit(page)
        self.platform.setPlaceholderText(self.tr("WhatsApp, Instagram, …"))
        form.addRow(self.tr("&Platform:"), self.platform)
        self.urls = LinesEdit(page)
        self.urls.setPlaceholderText(self.tr("the exact web addresses, one per line"))
        form.addRow(self.tr("Web &addresses:"), self.urls)
        self.place = QLineEdit(page)
        self.place.setPlaceholderText(self.tr("where, when it happened offline"))
        form.addRow(self.tr("Pla&ce:"), self.place)
        self.people = LinesEdit(page)
        self.people.setPlaceholderText(self.tr("the other person: a name, number or account, one per line"))
        form.addRow(self.tr("Wh&o:"), self.people)
        self.tabs.addTab(page, self.tr("What happened"))

    def _build_more_tab(self) -> None:
        page = QWidget(self.tabs)
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.impact = QPlainTextEdit(page)
        self.impact.setTabChangesFocus(True)
        self.impact.setPlaceholderText(self.tr("What it did to you (fear, sleep, work, money)"))
        form.addRow(self.tr("&Impact:"), self.impact)
        self.witnesses = LinesEdit(page)
        self.witnesses.setPlaceholderText(self.tr("someone who saw it, one per line"))
        form.addRow(self.tr("Witn&esses:"), self.witnesses)
        self.steps = LinesEdit(page, lines=4)
        self.steps.setPlaceholderText(
            self.tr("blocked, reported to the platform, told someone; one per line")
        )
        form.addRow(self.tr("Steps ta&ken:"), self.steps)
        self.tabs.addTab(page, self.tr("Impact and steps"))

    def _build_categories_tab(self) -> None:
        page = QWidget(self.tabs)
        box = QVBoxLayout(page)
        disclaimer = QLabel(
            self.tr(
                "Which forms of online violence this is. This is information to help the "
                "conversation with the police, not legal advice."
            ),
            page,
        )
        disclaimer.setObjectName("categoryDisclaimer")
        disclaimer.setWordWrap(True)
        box.addWidget(disclaimer)
        self.categories = CategoryList(page)
        box.addWidget(self.categories, 1)
        self.tabs.addTab(page, self.tr("Categories"))

    def _build_items_tab(self, items: Sequence[ItemRow], selected: Sequence[int]) -> None:
        page = QWidget(self.tabs)
        box = QVBoxLayout(page)
        hint = QLabel(self.tr("Tick the evidence items that show this incident."), page)
        hint.setWordWrap(True)
        box.addWidget(hint)
        self.item_filter = QLineEdit(page)
        self.item_filter.setPlaceholderText(self.tr("Filter the items"))
        self.item_filter.setClearButtonEnabled(True)
        self.item_filter.textChanged.connect(self._filter_items)
        box.addWidget(self.item_filter)
        self.items = CheckList(page)
        self.items.setAccessibleName(self.tr("Evidence items"))
        self.items.setProperty("evidenceContent", True)
        for row in sorted(items, key=lambda r: r.id):
            self.items.add_entry(row.id, item_label(row))
        box.addWidget(self.items, 1)
        self.link_selected_button = QPushButton(
            self.tr("Tick the %n item(s) selected in the evidence list", "", len(selected)), page
        )
        self.link_selected_button.setVisible(bool(selected))
        self.link_selected_button.clicked.connect(
            lambda: self.items.set_checked({*self.items.checked_keys(), *selected})
        )
        box.insertWidget(1, self.link_selected_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(page, self.tr("Evidence items"))

    def _filter_items(self, text: str) -> None:
        needle = text.strip().casefold()
        for entry in self.items.entries():
            entry.setHidden(bool(needle) and needle not in entry.text().casefold())

    def set_fields(self, fields: IncidentFields) -> None:
        self.what.setPlainText(fields.what)
        self.impact.setPlainText(fields.impact)
        for name, edit in self._lines().items():
            value = str(getattr(fields, name))
            edit.setText(value.replace("T", " ") if name in ("started", "ended") else value)
        for name, lines in self._lists().items():
            lines.set_values(getattr(fields, name))
        self.categories.set_checked(fields.categories)
        self.items.set_checked(fields.items)

    def _lines(self) -> dict[str, QLineEdit]:
        # A new one-line field of IncidentFields (a title, say) is one entry here.
        return {
            "title": self.title,
            "started": self.started,
            "ended": self.ended,
            "platform": self.platform,
            "place": self.place,
        }

    def _lists(self) -> dict[str, LinesEdit]:
        return {"urls": self.urls, "people": self.people, "witnesses": self.witnesses, "steps": self.steps}

    def fields(self) -> IncidentFields:
        """What the form holds, as typed (the core trims and checks it when saving)."""
        values: dict[str, Any] = {name: edit.text() for name, edit in self._lines().items()}
        values.update({name: lines.values() for name, lines in self._lists().items()})
        return IncidentFields(
            what=self.what.toPlainText(),
            impact=self.impact.toPlainText(),
            categories=self.categories.categories(),
            items=tuple(int(str(key)) for key in self.items.checked_keys()),
            **values,
        )

    # ----------------------------------------------------------------- saving

    def save(self) -> None:
        self.error_label.hide()
        self.save_button.setEnabled(False)
        fields = self.fields()
        incident_id = None if self.incident is None else self.incident.incident_id
        self.controller.worker.submit(
            lambda ctx: case_jobs.save_incident(ctx, incident_id, fields),
            kind=JobKind.WRITE,
            owner=self,
            done=self._saved,
            error=self._failed,
        )

    def _saved(self, incident: Incident) -> None:
        self.incident = incident
        self.save_button.setEnabled(True)
        self.saved.emit(incident)
        self.accept()

    def _failed(self, exc: EvidenceKitError) -> None:
        self.save_button.setEnabled(True)
        self.error_label.setText(texts.error_text(exc))
        self.error_label.show()

    def _show_gaps(self, incident: Incident) -> None:
        gaps = incident_gaps(incident)
        if gaps:
            self.gaps_label.setText(self.tr("What is missing:") + "\n" + gap_lines(gaps))
        self.gaps_label.setVisible(bool(gaps))

    def _history(self) -> None:
        if self.incident is not None:
            self.history_requested.emit(self.incident.incident_id)

    def _notice(self) -> None:
        if self.incident is not None:
            self.notice_requested.emit(self.incident)
