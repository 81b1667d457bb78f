"""A passphrase field with a show/hide toggle, and a strength hint.

Rule: the hint is advice, not a gate; the vault's own minimum length is the only rule.
The estimate is deliberately simple and never sends the passphrase anywhere. The show/hide
toggle is an eye icon in the field, and Ctrl+H while typing does the same, so it works
without a mouse.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QWidget

from evidence_kit.ui.widgets.icons import icon
from evidence_kit.vault import MIN_PASSPHRASE_LENGTH

TOGGLE_SHORTCUT = "Ctrl+H"

_COMMON = frozenset(
    {"password", "wachtwoord", "12345678", "123456789", "qwertyui", "welkom01", "iloveyou", "00000000"}
)


def strength(passphrase: str) -> int:
    """0 (too short or common) to 4 (strong), from length, variety and words."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH or passphrase.lower() in _COMMON:
        return 0
    pool = 0
    if any(c.islower() for c in passphrase):
        pool += 26
    if any(c.isupper() for c in passphrase):
        pool += 26
    if any(c.isdigit() for c in passphrase):
        pool += 10
    if any(not c.isalnum() for c in passphrase):
        pool += 33
    variety = len(set(passphrase)) / len(passphrase)
    bits = len(passphrase) * math.log2(max(pool, 2)) * min(1.0, 0.4 + variety)
    words = len([w for w in passphrase.split() if len(w) >= 3])
    if words >= 4:
        bits = max(bits, 80)
    if bits < 40:
        return 1
    if bits < 60:
        return 2
    if bits < 80:
        return 3
    return 4


class PassphraseEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self._toggle = QAction(icon("show"), self.tr("Show"), self)
        self._toggle.setCheckable(True)
        self._toggle.setToolTip(self.tr("Show or hide the passphrase (Ctrl+H)"))
        # Only while this field has focus: every passphrase field has its own toggle.
        self._toggle.setShortcut(QKeySequence(TOGGLE_SHORTCUT))
        self._toggle.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self._toggle.toggled.connect(self._show)
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)
        self.setAccessibleDescription(self._toggle.toolTip())

    @property
    def toggle(self) -> QAction:
        return self._toggle

    def _show(self, visible: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password)
        self._toggle.setText(self.tr("Hide") if visible else self.tr("Show"))
        self._toggle.setIcon(icon("hide" if visible else "show"))


class StrengthMeter(QWidget):
    changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._bar = QProgressBar(self)
        self._bar.setRange(0, 4)
        self._bar.setTextVisible(False)
        self._bar.setMaximumWidth(140)
        self._bar.setAccessibleName(self.tr("Passphrase strength"))
        self._label = QLabel(self)
        layout.addWidget(self._bar)
        layout.addWidget(self._label, 1)
        self.update_for("")

    def update_for(self, passphrase: str) -> int:
        score = strength(passphrase)
        self._bar.setValue(score)
        texts = {
            0: self.tr("Too short or too common: use at least {minimum} characters.").format(
                minimum=MIN_PASSPHRASE_LENGTH
            ),
            1: self.tr("Weak: a few more words would make it much stronger."),
            2: self.tr("Fair: longer is better, for example four unrelated words."),
            3: self.tr("Good."),
            4: self.tr("Strong."),
        }
        self._label.setText(texts[score])
        if not passphrase:
            self._label.setText(self.tr("Tip: four or five unrelated words are strong and easy to remember."))
        self.changed.emit(score)
        return score

    @property
    def hint(self) -> str:
        return self._label.text()


class NewPassphraseFields(QObject):
    """A new passphrase, typed twice, with the strength hint: three rows of the caller's form.

    `problem()` applies the one rule (the vault's minimum length, the same as when creating a
    vault) and says when the two differ; the hint only advises.
    """

    changed = Signal()

    def __init__(self, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self.passphrase = PassphraseEdit(parent)
        self.passphrase.setAccessibleName(self.tr("New passphrase"))
        form.addRow(self.tr("&New passphrase:"), self.passphrase)
        self.meter = StrengthMeter(parent)
        form.addRow("", self.meter)
        self.repeat = PassphraseEdit(parent)
        self.repeat.setAccessibleName(self.tr("New passphrase again"))
        form.addRow(self.tr("&Again:"), self.repeat)
        self.passphrase.textChanged.connect(self.meter.update_for)
        self.passphrase.textChanged.connect(self.changed)
        self.repeat.textChanged.connect(self.changed)

    def text(self) -> str:
        return self.passphrase.text()

    def typed(self) -> bool:
        return bool(self.passphrase.text() or self.repeat.text())

    def problem(self) -> str:
        """What stops this passphrase from being used, in words; empty when nothing does."""
        if len(self.passphrase.text()) < MIN_PASSPHRASE_LENGTH:
            return self.tr("The new passphrase needs at least {minimum} characters.").format(
                minimum=MIN_PASSPHRASE_LENGTH
            )
        if self.passphrase.text() != self.repeat.text():
            return self.tr("The two new passphrases are not the same.")
        return ""

    def set_enabled(self, enabled: bool) -> None:
        for field in (self.passphrase, self.repeat):
            field.setEnabled(enabled)

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
