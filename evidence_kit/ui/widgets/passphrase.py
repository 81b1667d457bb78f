"""A passphrase field with a show/hide toggle, and a strength hint.

Rule: the hint is advice, not a gate; the vault's own minimum length is the only rule.
The estimate is deliberately simple and never sends the passphrase anywhere.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QWidget

from evidence_kit.vault import MIN_PASSPHRASE_LENGTH

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
        self._toggle = QAction(self.tr("Show"), self)
        self._toggle.setCheckable(True)
        self._toggle.setToolTip(self.tr("Show or hide the passphrase"))
        self._toggle.toggled.connect(self._show)
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)

    def _show(self, visible: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password)
        self._toggle.setText(self.tr("Hide") if visible else self.tr("Show"))


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
