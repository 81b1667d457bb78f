"""An error nobody caught in the app: one calm sentence, no traceback, nothing of the error's text.

The error is raised where real ones would be: inside a Qt slot called by the event loop, and
on a thread of its own. Its message carries a marker standing for evidence it might quote;
neither the marker nor a traceback may reach stderr, and the window says what happened in
words, naming only the kind of error.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from evidence_kit.ui.crash_guard import DEBUG_ENV, CrashGuard

MARKER = "fictional-chat-line-that-must-not-leak"


@pytest.fixture
def guard(monkeypatch: pytest.MonkeyPatch) -> Iterator[CrashGuard]:
    monkeypatch.delenv(DEBUG_ENV, raising=False)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    installed = CrashGuard()
    installed.install()
    yield installed
    installed.uninstall()


def _boom() -> None:
    raise RuntimeError(f"parser choked on: {MARKER}")


def test_an_error_in_a_slot_is_one_calm_sentence(
    qtbot: QtBot, guard: CrashGuard, capfd: pytest.CaptureFixture[str]
) -> None:
    with qtbot.waitSignal(guard.shown, timeout=5_000) as shown:
        QTimer.singleShot(0, _boom)
    text = shown.args[0]
    assert "Something went wrong inside Evidence Kit (RuntimeError)" in text
    assert "safe" in text and MARKER not in text
    output = capfd.readouterr()
    assert "Traceback" not in output.err + output.out
    assert MARKER not in output.err + output.out


def test_an_error_on_a_thread_reaches_the_window_too(
    qtbot: QtBot, guard: CrashGuard, capfd: pytest.CaptureFixture[str]
) -> None:
    with qtbot.waitSignal(guard.shown, timeout=5_000) as shown:
        thread = threading.Thread(target=_boom)
        thread.start()
        thread.join()
    assert "(RuntimeError)" in shown.args[0]
    output = capfd.readouterr()
    assert "Traceback" not in output.err and MARKER not in output.err


def test_with_the_debug_switch_a_developer_gets_the_traceback(
    qtbot: QtBot, guard: CrashGuard, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DEBUG_ENV, "1")
    with qtbot.waitSignal(guard.shown, timeout=5_000):
        QTimer.singleShot(0, _boom)
    assert "Traceback" in capfd.readouterr().err
