"""The app's last line: an error nobody caught never shows a traceback, and never quotes evidence.

Rules this module keeps:
- An exception that escapes a slot, an event handler or a thread ends here (`sys.excepthook`,
  `threading.excepthook`). The person sees one calm sentence naming only the kind of error and
  saying that what is stored is safe (every import, note and export is its own transaction,
  so an error in the window cannot have half-written the vault); the app keeps running.
- Nothing of the error's text or traceback is printed or logged: an exception's message can
  quote what was being read (a chat line, a file name). Only its type is logged. With
  `EVIDENCE_KIT_DEBUG=1` in the environment the full traceback goes to stderr, for a developer
  on their own machine.
- The message box is shown on the UI thread, later, never from inside the failing code, and
  at most one at a time.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger(__name__)

DEBUG_ENV = "EVIDENCE_KIT_DEBUG"


def debugging() -> bool:
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


def safe_detail(exc: BaseException) -> str:
    """What may be shown of an unexpected error: its type, never its text."""
    return type(exc).__name__


class CrashGuard(QObject):
    """Installed once by the app; tests install it on their own QApplication."""

    shown = Signal(str)  # the text shown, for tests
    _report = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._showing = False
        self._report.connect(self._show)
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def _on_exception(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        self._handle(exc, tb)

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self._handle(args.exc_value, args.exc_traceback)

    def _handle(self, exc: BaseException, tb: TracebackType | None) -> None:
        if debugging():
            traceback.print_exception(type(exc), exc, tb, file=sys.stderr)
        else:
            log.error("unexpected error: %s", safe_detail(exc))
        # A queued signal: shown by the UI thread's event loop, whichever thread failed.
        self._report.emit(safe_detail(exc))

    def _show(self, detail: str) -> None:
        text = QCoreApplication.translate(
            "CrashGuard",
            "Something went wrong inside Evidence Kit ({detail}). What is stored in your vault is "
            "safe: every import, note and export is saved whole or not at all. If it happens again, "
            "close the program and open it again.",
        ).replace("{detail}", detail)
        self.shown.emit(text)
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            box = QMessageBox(QApplication.activeWindow())
            box.setObjectName("crashGuardMessage")
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(QCoreApplication.translate("CrashGuard", "Something went wrong"))
            box.setText(text)
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.exec()
        finally:
            self._showing = False
