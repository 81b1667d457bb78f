"""Beside an item: its facts (all times with their source, SHA-256, size, EXIF, warnings),
the editable note and category, its offence categories (`offences_tab.py`), and the item's
custody history.

Rules: every time is shown with where it came from, never merged into one "date"; a note or
category is saved only when the user says so (each save is a custody event); content shown
here is marked as content (`evidenceContent`) so the translation test skips it. Colours come
from the palette and the details are drawn again when it changes (light ↔ dark).
"""

from __future__ import annotations

import contextlib
import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.domain import CustodyEntry, ItemSummary, TimeSource
from evidence_kit.importers.chat_children import is_chat_item
from evidence_kit.ui import texts
from evidence_kit.ui.jobs import ItemDetail
from evidence_kit.ui.models.rows import shown_time
from evidence_kit.ui.views.offences_tab import OffencesTab
from evidence_kit.ui.widgets.colours import TextColours, Tone, apply_tone, hex_colour

SUGGESTED_CATEGORIES = (
    QT_TRANSLATE_NOOP("Texts", "Threat"),
    QT_TRANSLATE_NOOP("Texts", "Harassment"),
    QT_TRANSLATE_NOOP("Texts", "Intimate image shared without consent"),
    QT_TRANSLATE_NOOP("Texts", "Stalking"),
    QT_TRANSLATE_NOOP("Texts", "Insult"),
    QT_TRANSLATE_NOOP("Texts", "Other"),
)


def _esc(value: object) -> str:
    return html.escape(str(value))


class SidePanel(QTabWidget):
    save_requested = Signal(str, str)  # note, category
    copy_requested = Signal(str)
    open_item = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("About this item"))
        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)
        self.details.setProperty("evidenceContent", True)
        self.details.setAccessibleName(self.tr("Details"))
        self.details.anchorClicked.connect(self._link)
        self._detail: ItemDetail | None = None  # kept to draw the details again in a new palette
        self.details.installEventFilter(self)
        self.addTab(self.details, self.tr("&Details"))

        editor = QWidget(self)
        layout = QVBoxLayout(editor)
        category_label = QLabel(self.tr("Category:"), editor)
        layout.addWidget(category_label)
        self.category = QComboBox(editor)
        self.category.setEditable(True)
        self.category.setAccessibleName(self.tr("Category"))
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        category_label.setBuddy(self.category)
        layout.addWidget(self.category)
        note_label = QLabel(self.tr("Note (what happened, who, why it matters):"), editor)
        layout.addWidget(note_label)
        self.note = QPlainTextEdit(editor)
        note_label.setBuddy(self.note)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        layout.addWidget(self.note, 1)
        row = QHBoxLayout()
        self.saved_label = QLabel(editor)
        self.saved_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save note and category"), editor)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save)
        row.addWidget(self.saved_label, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        hint = QLabel(
            self.tr("Every change is recorded in the custody log, with the old and the new text."), editor
        )
        hint.setWordWrap(True)
        apply_tone(hint, Tone.MUTED)
        layout.addWidget(hint)
        self.addTab(editor, self.tr("&Note and category"))
        self.offences = OffencesTab(self)
        self.addTab(self.offences, self.tr("&Offences"))

        self.history = QTableWidget(0, 3, self)
        self.history.setAccessibleName(self.tr("History of this item"))
        self.history.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Details")])
        self.history.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.setProperty("evidenceContent", True)
        self.addTab(self.history, self.tr("&History"))

        self._original_note = ""
        self._original_category = ""
        self.note.textChanged.connect(self._dirty_changed)
        self.category.currentTextChanged.connect(self._dirty_changed)

    # ----------------------------------------------------------------- filling

    def show_detail(self, detail: ItemDetail, categories: list[str]) -> None:
        summary = detail.summary
        self._original_note = summary.note
        self._original_category = summary.category
        self.category.blockSignals(True)
        self.category.clear()
        suggestions = [texts.tr(c) for c in SUGGESTED_CATEGORIES]
        for value in [*suggestions, *sorted(set(categories) - set(suggestions))]:
            self.category.addItem(value)
        self.category.setEditText(summary.category)
        self.category.blockSignals(False)
        self.note.blockSignals(True)
        self.note.setPlainText(summary.note)
        self.note.blockSignals(False)
        self.saved_label.clear()
        self._dirty_changed()
        self.offences.show_offences(summary.offences)
        self._detail = detail
        self.details.setHtml(self._details_html(detail))
        self.set_history(detail.custody)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.details and event.type() == QEvent.Type.PaletteChange and self._detail is not None:
            self.details.setHtml(self._details_html(self._detail))  # the new palette's colours
        return super().eventFilter(watched, event)

    def _shown_date(self, summary: ItemSummary) -> str:
        """The date the list shows for this item, and where it comes from."""
        stamp = shown_time(summary)
        if stamp is None:
            return ""
        source = texts.source_name(stamp.source, summary.kind)
        return f"{texts.time_text(stamp, seconds=True)} \u2014 {source}"

    def _details_html(self, detail: ItemDetail) -> str:
        summary = detail.summary
        colours = TextColours.of(self.details.palette())
        muted = f"color:{hex_colour(colours.muted)}"
        link = f"color:{hex_colour(colours.link)}"
        copy_label = self.tr("Copy")
        times_title = self.tr("Times, each with where it comes from")
        no_stamp = self.tr("No trusted time-stamp yet.")
        exif_title = self.tr("Camera data (EXIF)")
        web_label = self.tr("Web address")
        warnings_title = self.tr("Warnings from the import")
        rows: list[tuple[str, str]] = [
            (self.tr("Name"), _esc(summary.original_name)),
            (self.tr("Kind"), _esc(texts.kind_name(summary.kind))),
            (self.tr("Date (as shown)"), _esc(self._shown_date(summary))),
            (self.tr("Recognised as"), _esc(texts.format_name(detail.import_report.get("recognised_as")))),
            (self.tr("Size"), _esc(texts.size_text(summary.size))),
            (self.tr("Type"), _esc(texts.media_type_text(summary.media_type))),
            (
                # A chat item's bytes are its reference record, not the export (see below).
                self.tr("SHA-256 (of the reference)") if is_chat_item(summary) else self.tr("SHA-256"),
                f"<code>{_esc(summary.sha256)}</code> "
                f"<a href='copy:sha256' style='{link}'>{_esc(copy_label)}</a>",
            ),
            (self.tr("Came from"), _esc(summary.original_path)),
            (self.tr("Item number"), _esc(summary.id)),
        ]
        if detail.parent is not None and is_chat_item(summary):
            # A chat item's bytes are a reference to the export it was read from: name that
            # export, its number and its hash, with the way back to it (the list of its chats).
            rows.append(
                (
                    self.tr("Chat read from the export"),
                    f"<a href='item:{detail.parent.id}' style='{link}'>"
                    f"{_esc(detail.parent.original_name)}</a> "
                    + _esc(self.tr("(item %1)").replace("%1", str(detail.parent.id))),
                )
            )
            rows.append((self.tr("The export's SHA-256"), f"<code>{_esc(detail.parent.sha256)}</code>"))
        elif detail.parent is not None:
            rows.append(
                (
                    self.tr("Part of"),
                    f"<a href='item:{detail.parent.id}' style='{link}'>"
                    f"{_esc(detail.parent.original_name)}</a>",
                )
            )
        info = detail.image_info
        if info.get("width") and info.get("height"):
            rows.append((self.tr("Pixels"), _esc(f"{info['width']} × {info['height']}")))
        out = ["<table cellpadding='3'>"]
        out += [f"<tr><td valign='top' style='{muted}'>{k}</td><td>{v}</td></tr>" for k, v in rows]
        out.append("</table>")
        out.append(f"<h4>{_esc(times_title)}</h4><table cellpadding='3'>")
        for stamp in (*summary.times,):
            value = texts.time_text(stamp, seconds=True)
            if stamp.utc is not None and stamp.local is not None:
                value += " = " + texts.utc_text(stamp.utc)
            note = (
                f"<br><small style='{muted}'>{_esc(texts.core_text(stamp.assumption))}</small>"
                if stamp.assumption
                else ""
            )
            source = texts.source_name(stamp.source, summary.kind)
            out.append(
                f"<tr><td valign='top' style='{muted}'>{_esc(source)}</td><td>{_esc(value)}{note}</td></tr>"
            )
        for authority, moment in detail.trusted_times:
            out.append(
                f"<tr><td style='{muted}'>{_esc(texts.source_name(TimeSource.TSA))}</td>"
                f"<td>{_esc(texts.utc_text(moment))} — {_esc(authority)}</td></tr>"
            )
        out.append("</table>")
        if not detail.trusted_times:
            out.append(f"<p style='{muted}'><small>{_esc(no_stamp)}</small></p>")
        exif = info.get("exif") or []
        if exif:
            out.append(f"<h4>{_esc(exif_title)}</h4><table cellpadding='2'>")
            for pair in exif:
                if isinstance(pair, list | tuple) and len(pair) == 2:
                    out.append(f"<tr><td style='{muted}'>{_esc(pair[0])}</td><td>{_esc(pair[1])}</td></tr>")
            out.append("</table>")
        if detail.file_info.get("url"):
            out.append(f"<p>{_esc(web_label)}: {_esc(detail.file_info['url'])}</p>")
        warnings = detail.warnings
        if warnings:
            out.append(f"<h4>{_esc(warnings_title)}</h4><ul>")
            out += [f"<li>{_esc(texts.warning_text(w))}</li>" for w in warnings]
            out.append("</ul>")
        out.append(
            f"<p style='{muted}'><small>"
            + _esc(
                self.tr(
                    "The SHA-256 proves the file has not changed since it was stored. It does not prove "
                    "that what the file shows is true."
                )
            )
            + "</small></p>"
        )
        self._sha256 = summary.sha256
        return "".join(out)

    def set_history(self, entries: tuple[CustodyEntry, ...] | list[CustodyEntry]) -> None:
        self.history.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            values = (
                texts.local_text(entry.at_utc, entry.offset_minutes),
                texts.event_name(entry.event_type),
                event_details(entry),
            )
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.history.setItem(row, column, cell)
        self.history.resizeColumnToContents(0)
        self.history.resizeColumnToContents(1)

    # ----------------------------------------------------------------- editing

    @property
    def dirty(self) -> bool:
        return (
            self.note.toPlainText() != self._original_note
            or self.category.currentText().strip() != self._original_category
        )

    def pending_edit(self) -> tuple[str, str] | None:
        return (self.note.toPlainText(), self.category.currentText().strip()) if self.dirty else None

    def _dirty_changed(self) -> None:
        self.save_button.setEnabled(self.dirty)
        if self.dirty:
            self.saved_label.setText(self.tr("Not saved yet."))

    def _save(self) -> None:
        edit = self.pending_edit()
        if edit is not None:
            self.save_button.setEnabled(False)
            self.saved_label.setText(self.tr("Saving…"))
            self.save_requested.emit(*edit)

    def saved(self, note: str, category: str, entries: tuple[CustodyEntry, ...]) -> None:
        self._original_note = note
        self._original_category = category
        self._dirty_changed()
        self.saved_label.setText(self.tr("Saved, and recorded in the custody log."))
        self.set_history(entries)

    def _link(self, url: QUrl) -> None:
        if url.scheme() == "copy":
            self.copy_requested.emit(self._sha256)
        elif url.scheme() == "item":
            with contextlib.suppress(ValueError):
                self.open_item.emit(int(url.path()))

    def clear_content(self) -> None:
        self._detail = None
        self.details.clear()
        self.note.blockSignals(True)
        self.note.clear()
        self.note.blockSignals(False)
        self.category.clear()
        self.history.setRowCount(0)
        self._original_note = ""
        self._original_category = ""
        self._sha256 = ""


def event_details(entry: CustodyEntry) -> str:
    """A short, readable summary of an event's data (names, hashes, old and new text)."""
    data = dict(entry.data)
    parts = []
    if "name" in data:
        parts.append(data["name"])
    if "old" in data or "new" in data:
        parts.append(f"“{data.get('old', '')}” → “{data.get('new', '')}”")
    if "to" in data:
        parts.append(data["to"])
    if "dossier" in data:
        parts.append(data["dossier"])
    if "sha256" in data:
        parts.append(f"SHA-256 {data['sha256'][:16]}…")
    if "ok" in data:
        parts.append("✔" if data["ok"] == "True" else "✘")
    return " · ".join(parts)
