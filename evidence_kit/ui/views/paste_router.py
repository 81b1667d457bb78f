"""Ctrl+V that never fails silently, whatever has the keyboard focus.

Rule: a text field keeps Ctrl+V when the clipboard holds text (the search box gets the words);
when the clipboard holds a picture or files and no text, Ctrl+V imports them even while a text
field has the focus, instead of a text field swallowing the key and doing nothing (issue #15).
Everywhere else the window's Paste action runs, which imports or says in the status bar why
nothing could be added.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


def _is_text_input(widget: QObject) -> bool:
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return True
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return False


def clipboard_has_evidence() -> bool:
    """A picture or local files on the clipboard, and no text that a text field could take."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return False
    files = mime.hasUrls() and any(url.isLocalFile() for url in mime.urls())
    if files:
        return True  # a file manager also puts the paths as text; the files are what was meant
    return mime.hasImage() and not mime.text().strip()


class PasteRouter(QObject):
    """Installed on the application while a vault is open (`within` is the open vault's page)."""

    def __init__(self, within: QWidget, paste: Callable[[], object]) -> None:
        super().__init__(within)
        self.within = within
        self.paste = paste
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Paste)
            and isinstance(watched, QWidget)
            and _is_text_input(watched)
            and watched.window() is self.within.window()
            and self.within.isVisible()
            and clipboard_has_evidence()
        ):
            self.paste()
            return True
        return False
