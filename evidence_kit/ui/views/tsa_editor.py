"""The list of trusted time-stamp authorities (TSAs): which to ask, in what order, trusted how.

Rules:
- Only program settings are edited here (names, addresses, trusted roots); no case content.
- Nothing is saved until every entry is valid: a name (unique), an http:// or https:// address
  with a host, and, when a root certificate is given, PEM text that really holds certificates.
  The first problem is shown in words beside the list, and that entry is selected.
- An entry without its own root is trusted through Mozilla's root store (certifi), as the
  default authorities are; "Restore defaults" brings back the list that ships with the program.
- The editor never talks to the network: whether an authority answers shows in the status bar
  once the background stamper asks it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.x509.oid import NameOID
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_kit.settings import Settings, TsaSetting
from evidence_kit.ui.widgets import file_dialogs

MAX_PEM_BYTES = 1024 * 1024  # a few certificates; anything bigger is not a root bundle


@dataclass
class _Entry:
    """One authority while it is being edited (mutable; turned into a `TsaSetting` on save)."""

    name: str
    url: str
    roots_pem: str | None = None


def certificate_subjects(pem: str) -> list[str]:
    """The common names (or whole subjects) of the certificates in `pem`. ValueError if none."""
    certificates = x509.load_pem_x509_certificates(pem.encode("ascii"))
    names = []
    for certificate in certificates:
        common = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        names.append(str(common[0].value) if common else certificate.subject.rfc4514_string())
    return names


class TsaEditor(QDialog):
    """Edit `Settings.tsas` and the wait per authority; `result_settings()` after `accept()`."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Time-stamp authorities"))
        self._settings = settings
        self._entries = [_Entry(t.name, t.url, t.roots_pem) for t in settings.tsas]
        self._loading = False
        self._result: Settings | None = None

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The program asks these authorities, in this order, to sign the fingerprint (SHA-256) "
                "of each item. Only the fingerprint is sent, never the item itself."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        body = QHBoxLayout()
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Authorities, in the order they are asked"))
        self.list.currentRowChanged.connect(self._show_entry)
        body.addWidget(self.list, 1)

        side = QVBoxLayout()
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.down_button = QPushButton(self.tr("Move &down"), self)
        self.defaults_button = QPushButton(self.tr("Restore &defaults"), self)
        for button, slot in (
            (self.add_button, self._add),
            (self.remove_button, self._remove),
            (self.up_button, lambda: self._move(-1)),
            (self.down_button, lambda: self._move(1)),
            (self.defaults_button, self._restore_defaults),
        ):
            button.clicked.connect(slot)
            side.addWidget(button)
        side.addStretch(1)
        body.addLayout(side)
        layout.addLayout(body)

        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Name of the authority"))
        self.name_edit.textEdited.connect(self._edited)
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://")
        self.url_edit.setAccessibleName(self.tr("Address of the authority"))
        self.url_edit.textEdited.connect(self._edited)
        form.addRow(self.tr("Add&ress:"), self.url_edit)
        roots_row = QHBoxLayout()
        self.roots_label = QLabel(self)
        self.roots_label.setWordWrap(True)
        self.roots_button = QPushButton(self.tr("&Certificate file…"), self)
        self.roots_button.clicked.connect(self._choose_roots)
        self.roots_clear = QPushButton(self.tr("Use the &standard store"), self)
        self.roots_clear.clicked.connect(lambda: self._set_roots(None))
        roots_row.addWidget(self.roots_label, 1)
        roots_row.addWidget(self.roots_button)
        roots_row.addWidget(self.roots_clear)
        form.addRow(self.tr("Trusted root:"), roots_row)
        self.timeout = QDoubleSpinBox(self)
        self.timeout.setRange(1, 600)
        self.timeout.setDecimals(0)
        self.timeout.setSuffix(self.tr(" seconds"))
        self.timeout.setValue(settings.tsa_timeout_s)
        self.timeout.setAccessibleName(self.tr("Longest wait for one authority"))
        form.addRow(self.tr("&Wait at most:"), self.timeout)
        layout.addLayout(form)

        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill_list(0)

    # ----------------------------------------------------------------- the list

    def _fill_list(self, select: int) -> None:
        self.list.clear()
        for entry in self._entries:
            QListWidgetItem(entry.name or self.tr("(no name)"), self.list)
        if self._entries:
            self.list.setCurrentRow(max(0, min(select, len(self._entries) - 1)))
        else:
            self._show_entry(-1)

    def _current(self) -> _Entry | None:
        row = self.list.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _show_entry(self, row: int) -> None:
        entry = self._entries[row] if 0 <= row < len(self._entries) else None
        self._loading = True
        self.name_edit.setText(entry.name if entry else "")
        self.url_edit.setText(entry.url if entry else "")
        self._loading = False
        for widget in (
            self.name_edit,
            self.url_edit,
            self.roots_button,
            self.roots_clear,
            self.remove_button,
        ):
            widget.setEnabled(entry is not None)
        self.up_button.setEnabled(entry is not None and row > 0)
        self.down_button.setEnabled(entry is not None and row < len(self._entries) - 1)
        self._show_roots(entry)

    def _show_roots(self, entry: _Entry | None) -> None:
        if entry is None or entry.roots_pem is None:
            self.roots_label.setText(self.tr("The standard root store (Mozilla)"))
            self.roots_clear.setEnabled(False)
            return
        try:
            names = ", ".join(certificate_subjects(entry.roots_pem))
        except ValueError:
            names = self.tr("(unreadable)")
        self.roots_label.setText(self.tr("Own certificate: {names}").format(names=names))
        self.roots_clear.setEnabled(True)

    def _edited(self) -> None:
        entry = self._current()
        if entry is None or self._loading:
            return
        entry.name = self.name_edit.text().strip()
        entry.url = self.url_edit.text().strip()
        item = self.list.currentItem()
        if item is not None:
            item.setText(entry.name or self.tr("(no name)"))
        self.problem.clear()

    def _add(self) -> None:
        self._entries.append(_Entry(self.tr("New authority"), "https://"))
        self._fill_list(len(self._entries) - 1)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._entries):
            del self._entries[row]
            self._fill_list(row)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if 0 <= row < len(self._entries) and 0 <= target < len(self._entries):
            self._entries[row], self._entries[target] = self._entries[target], self._entries[row]
            self._fill_list(target)

    def _restore_defaults(self) -> None:
        defaults = Settings()
        self._entries = [_Entry(t.name, t.url, t.roots_pem) for t in defaults.tsas]
        self.timeout.setValue(defaults.tsa_timeout_s)
        self.problem.clear()
        self._fill_list(0)

    # ----------------------------------------------------------------- trusted roots

    def _choose_roots(self) -> None:
        chosen = file_dialogs.open_file(
            self,
            self.tr("Root certificate of this authority"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if chosen:
            self.set_roots_from_file(Path(chosen))

    def set_roots_from_file(self, path: Path) -> bool:
        """Use the PEM certificate(s) in `path` as this authority's own trusted root."""
        try:
            data = path.read_bytes()[: MAX_PEM_BYTES + 1]
            if len(data) > MAX_PEM_BYTES:
                raise ValueError("too large")
            pem = data.decode("ascii")
            certificate_subjects(pem)
        except (OSError, UnicodeDecodeError, ValueError):
            self.problem.setText(
                self.tr("The file {name} does not hold a certificate in PEM format.").format(name=path.name)
            )
            return False
        self._set_roots(pem)
        return True

    def _set_roots(self, pem: str | None) -> None:
        entry = self._current()
        if entry is None:
            return
        entry.roots_pem = pem
        self.problem.clear()
        self._show_roots(entry)

    # ----------------------------------------------------------------- saving

    def _problem_with(self, entry: _Entry, seen: set[str]) -> str | None:
        if not entry.name:
            return self.tr("Every authority needs a name.")
        if entry.name.casefold() in seen:
            return self.tr("The name {name} is used twice.").format(name=entry.name)
        parts = urlsplit(entry.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return self.tr(
                "The address of {name} must start with http:// or https:// and name a server."
            ).format(name=entry.name)
        if entry.roots_pem is not None:
            try:
                certificate_subjects(entry.roots_pem)
            except ValueError:
                return self.tr("The root certificate of {name} cannot be read.").format(name=entry.name)
        return None

    def save(self) -> None:
        seen: set[str] = set()
        for row, entry in enumerate(self._entries):
            problem = self._problem_with(entry, seen)
            if problem is not None:
                self.list.setCurrentRow(row)
                self.problem.setText(problem)
                return
            seen.add(entry.name.casefold())
        self._result = replace(
            self._settings,
            tsas=tuple(TsaSetting(e.name, e.url, e.roots_pem) for e in self._entries),
            tsa_timeout_s=float(self.timeout.value()),
        )
        self.accept()

    def result_settings(self) -> Settings | None:
        """The edited settings after OK; None when cancelled."""
        return self._result
