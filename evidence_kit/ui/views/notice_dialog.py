"""A notice asking a platform to remove illegal content (EU Digital Services Act, Article 16):
drafted from an incident, shown as it will be sent, copied, saved in the vault, and followed up.

Rules: the text is the core's (`case/notice_text.notice_text`), so it always carries the exact
web addresses, the explanation, the sender or that none was given, and the good-faith statement;
the person edits only the inputs (the explanation is made from the offence categories and meant
to be edited). Saving and each step (sent, answered, removed, refused) go through the vault in the
worker and are sealed versions. Copy goes through the clipboard guard, so Quick exit clears it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from evidence_kit import i18n
from evidence_kit.case.notice_text import default_explanation, notice_text, routes
from evidence_kit.case.platform_routes import route_for
from evidence_kit.errors import EvidenceKitError
from evidence_kit.storage.incidents import Incident
from evidence_kit.storage.notices import STATUSES, Notice, NoticeFields
from evidence_kit.ui import case_jobs, texts
from evidence_kit.ui.controller_api import WorkspaceApi
from evidence_kit.ui.widgets.case_fields import LinesEdit, category_names
from evidence_kit.ui.widgets.colours import Tone, apply_tone
from evidence_kit.ui.workers import JobContext, JobKind

_STATUS_NAMES = {
    "draft": QT_TRANSLATE_NOOP("NoticeDialog", "draft"),
    "sent": QT_TRANSLATE_NOOP("NoticeDialog", "sent"),
    "answered": QT_TRANSLATE_NOOP("NoticeDialog", "answered"),
    "removed": QT_TRANSLATE_NOOP("NoticeDialog", "content removed"),
    "refused": QT_TRANSLATE_NOOP("NoticeDialog", "refused"),
}


def status_name(status: str) -> str:
    return QCoreApplication.translate("NoticeDialog", str(_STATUS_NAMES.get(status, status)))


class NoticeDialog(QDialog):
    saved = Signal(object)  # Notice

    def __init__(
        self,
        controller: WorkspaceApi,
        parent: QWidget | None = None,
        *,
        incident: Incident | None = None,
        notice: Notice | None = None,
        urls: tuple[str, ...] = (),
        platform: str = "",
        items: tuple[int, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.notice = notice
        self.setWindowTitle(self.tr("Notice to a platform"))
        self.setModal(True)
        self.resize(1040, 720)
        if notice is not None:
            base = notice.fields
        else:
            lang = i18n.get_language()
            fields = incident.fields if incident is not None else None
            categories = fields.categories if fields is not None else ()
            base = NoticeFields(
                platform=fields.platform if fields is not None else platform,
                urls=fields.urls if fields is not None else urls,
                explanation=default_explanation(categories, lang),
                categories=categories,
                language=lang,
                incident=incident.incident_id if incident is not None else None,
                items=fields.items if fields is not None else items,
            )
        self.base = base
        self._default = default_explanation(base.categories, base.language)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_inputs(splitter))
        splitter.addWidget(self._build_preview(splitter))
        splitter.setSizes([460, 560])
        layout.addWidget(splitter, 1)
        self.routes_label = QLabel(self)
        self.routes_label.setObjectName("noticeRoutes")
        self.routes_label.setWordWrap(True)
        self.routes_label.setOpenExternalLinks(False)
        layout.addWidget(self.routes_label)
        layout.addLayout(self._build_status_row())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.copy_button = self.buttons.addButton(
            self.tr("&Copy the text"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button = self.buttons.addButton(
            self.tr("&Save in the vault"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill(base)
        self.update_text()

    # ----------------------------------------------------------------- building

    def _build_inputs(self, parent: QWidget) -> QWidget:
        page = QWidget(parent)
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: the fields get the width
        self.platform = QLineEdit(page)
        form.addRow(self.tr("&Platform:"), self.platform)
        self.urls = LinesEdit(page)
        self.urls.setPlaceholderText(self.tr("the exact web addresses, one per line"))
        form.addRow(self.tr("Web &addresses:"), self.urls)
        self.language = QComboBox(page)
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        form.addRow(self.tr("&Language of the notice:"), self.language)
        self.categories_label = QLabel(page)
        self.categories_label.setWordWrap(True)
        form.addRow(self.tr("Categories:"), self.categories_label)
        self.explanation = QPlainTextEdit(page)
        self.explanation.setTabChangesFocus(True)
        form.addRow(self.tr("&Why it is illegal (edit this):"), self.explanation)
        self.name = QLineEdit(page)
        self.name.setPlaceholderText(self.tr("optional"))
        form.addRow(self.tr("Your &name:"), self.name)
        self.email = QLineEdit(page)
        self.email.setPlaceholderText(self.tr("optional"))
        form.addRow(self.tr("Your &e-mail:"), self.email)
        hint = QLabel(
            self.tr("Name and e-mail are optional; the notice then says you chose not to give them."), page
        )
        hint.setWordWrap(True)
        apply_tone(hint, Tone.MUTED)
        form.addRow(hint)
        for signal in (
            self.platform.textChanged,
            self.urls.textChanged,
            self.explanation.textChanged,
            self.name.textChanged,
            self.email.textChanged,
        ):
            signal.connect(self.update_text)
        self.language.currentIndexChanged.connect(self._language_changed)
        return page

    def _build_preview(self, parent: QWidget) -> QWidget:
        page = QWidget(parent)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(self.tr("The notice, as you send it (e-mail or the platform's form):"), page))
        self.text = QPlainTextEdit(page)
        self.text.setObjectName("noticeText")
        self.text.setReadOnly(True)
        self.text.setProperty("evidenceContent", True)
        box.addWidget(self.text, 1)
        return page

    def _build_status_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status_label = QLabel(self)
        row.addWidget(self.status_label)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Record a step:"), self))
        self.status = QComboBox(self)
        for status in STATUSES[1:]:
            self.status.addItem(status_name(status), status)
        self.status.setAccessibleName(self.tr("Step"))
        row.addWidget(self.status)
        self.status_note = QLineEdit(self)
        self.status_note.setPlaceholderText(self.tr("e.g. the platform's reference number"))
        row.addWidget(self.status_note, 1)
        self.status_button = QPushButton(self.tr("&Record"), self)
        self.status_button.clicked.connect(self.record_status)
        row.addWidget(self.status_button)
        return row

    def _fill(self, fields: NoticeFields) -> None:
        self.platform.setText(fields.platform)
        self.urls.set_values(fields.urls)
        self.explanation.setPlainText(fields.explanation)
        self.name.setText(fields.name)
        self.email.setText(fields.email)
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(fields.language)))
        self.language.blockSignals(False)
        self.categories_label.setText(", ".join(category_names(fields.categories)) or "–")
        found = routes(fields.categories, i18n.get_language())
        platform = route_for(fields.platform)
        if platform is not None:  # where this platform takes such a notice
            found.insert(0, platform.text(i18n.get_language()))
        self.routes_label.setText("\n".join(found))
        self.routes_label.setVisible(bool(found))
        self._show_status()

    def _show_status(self) -> None:
        if self.notice is None:
            self.status_label.setText(self.tr("Not saved yet."))
        else:
            self.status_label.setText(
                self.tr("Notice {id}, version {version}: {status}").format(
                    id=self.notice.notice_id,
                    version=self.notice.version,
                    status=status_name(self.notice.fields.status),
                )
            )
        for widget in (self.status, self.status_note, self.status_button):
            widget.setEnabled(self.notice is not None)

    # ----------------------------------------------------------------- the text

    def fields(self) -> NoticeFields:
        lang = str(self.language.currentData())
        status = self.notice.fields.status if self.notice is not None else "draft"
        note = self.notice.fields.status_note if self.notice is not None else ""
        return NoticeFields(
            platform=self.platform.text().strip(),
            urls=self.urls.values(),
            explanation=self.explanation.toPlainText(),
            categories=self.base.categories,
            name=self.name.text().strip(),
            email=self.email.text().strip(),
            language=lang,
            incident=self.base.incident,
            items=self.base.items,
            status=status,
            status_note=note,
        )

    def _language_changed(self) -> None:
        lang = str(self.language.currentData())
        fresh = default_explanation(self.base.categories, lang)
        if self.explanation.toPlainText().strip() == self._default.strip():
            self.explanation.setPlainText(fresh)  # untouched: follow the language
        self._default = fresh
        self.update_text()

    def update_text(self) -> None:
        day = self.notice.recorded_at.date() if self.notice is not None else date.today()
        self.text.setPlainText(notice_text(self.fields(), day))

    def copy(self) -> None:
        self.controller.clipboard.copy_text(self.text.toPlainText())
        apply_tone(self.message, Tone.OK)
        self.message.setText(
            self.tr("The notice is on the clipboard. Paste it into an e-mail or the platform's form.")
        )

    # ----------------------------------------------------------------- saving

    def save(self) -> None:
        fields = self.fields()
        notice_id = None if self.notice is None else self.notice.notice_id
        self._submit(lambda ctx: case_jobs.save_notice(ctx, fields, notice_id))

    def record_status(self) -> None:
        if self.notice is None:
            return
        notice_id, status, note = (
            self.notice.notice_id,
            str(self.status.currentData()),
            self.status_note.text(),
        )
        self._submit(lambda ctx: case_jobs.notice_status(ctx, notice_id, status, note))

    def _submit(self, job: Callable[[JobContext], Notice]) -> None:
        self.message.clear()
        self.save_button.setEnabled(False)
        self.status_button.setEnabled(False)
        self.controller.worker.submit(
            job,
            kind=JobKind.WRITE,
            owner=self,
            done=self._saved,
            error=self._failed,
        )

    def _saved(self, notice: Notice) -> None:
        self.notice = notice
        self.save_button.setEnabled(True)
        self._show_status()
        self.status_note.clear()
        apply_tone(self.message, Tone.OK)
        self.message.setText(
            self.tr("Saved in the vault as notice {id}, version {version}.").format(
                id=notice.notice_id, version=notice.version
            )
        )
        self.saved.emit(notice)

    def _failed(self, exc: EvidenceKitError) -> None:
        self.save_button.setEnabled(True)
        self._show_status()
        self.message.setText(texts.error_text(exc))
        apply_tone(self.message, Tone.ERROR)
