"""A quick-exit button inside every modal dialog.

Rule: while a modal dialog is open, Qt drops every mouse click on the windows it blocks, so the
red Quick exit button in the toolbar cannot be clicked; the keyboard gestures still work
because the safety filter sees keys application-wide. A frightened person reaches for the
mouse, so each modal dialog, ours and Qt's own (message boxes, Qt's file dialog), gets its own
red Quick exit button beside its other buttons when it is shown. It does what the toolbar
button does. A dialog without a button row is left as it is (none of ours lacks one).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from evidence_kit.ui.widgets.colours import Tone, emphasise
from evidence_kit.ui.widgets.icons import icon

BUTTON_NAME = "dialogQuickExitButton"


def equip(dialog: QDialog, quick_exit: Callable[[], None]) -> list[QPushButton]:
    """Add the button to each button row of a modal `dialog` (once each; a dialog with pages
    has a row per page); returns the buttons it holds."""
    if dialog.windowModality() == Qt.WindowModality.NonModal:
        return []  # the toolbar button is clickable beside a non-modal window
    buttons = []
    for box in dialog.findChildren(QDialogButtonBox):
        existing = box.findChild(QPushButton, BUTTON_NAME)
        buttons.append(existing if existing is not None else _add(box, quick_exit))
    return buttons


def add_to(box: QDialogButtonBox, quick_exit: Callable[[], None]) -> QPushButton:
    """The same button in the button row of a window that is not modal but may cover the main
    window's toolbar (the case window): Quick exit stays in sight wherever the person looks."""
    existing = box.findChild(QPushButton, BUTTON_NAME)
    return existing if existing is not None else _add(box, quick_exit)


def _add(box: QDialogButtonBox, quick_exit: Callable[[], None]) -> QPushButton:
    text = QCoreApplication.translate("AppWindow", "Quick exit")
    button = QPushButton(icon("quick_exit"), text)
    button.setObjectName(BUTTON_NAME)
    button.setAccessibleName(text)
    button.setToolTip(
        QCoreApplication.translate(
            "AppWindow", "Hide this window at once and lock the vault (Ctrl+Shift+Q, or press Esc twice)"
        )
    )
    # Never the default button: Enter in the dialog must not exit by surprise.
    button.setAutoDefault(False)
    button.setDefault(False)
    emphasise(button, Tone.ERROR)
    # ResetRole: every platform's button order puts it at the far left, away from OK and
    # Cancel (a slip of the mouse must not exit), and clicking it neither accepts nor rejects.
    box.addButton(button, QDialogButtonBox.ButtonRole.ResetRole)
    button.clicked.connect(lambda _checked=False: quick_exit())
    return button
