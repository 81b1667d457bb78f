"""GUI test fixtures: offscreen Qt, a confined home, a real controller over the real vault.

QT_QPA_PLATFORM is set here, at import, before any test imports Qt. Every test gets its own
HOME / XDG folders and Qt settings paths under tmp_path (so the plaintext scan can read them),
program settings with time-stamping off (no network), and cheap key derivation. At teardown
the controller is shut down and no worker thread may be left running.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from evidence_kit.storage.keys import KdfParams
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.jobs import Session
from evidence_kit.ui.main_window import AppWindow
from evidence_kit.ui.ui_settings import UiSettings
from evidence_kit.ui.workers import VaultWorker
from evidence_kit.vault import Vault

PASSPHRASE = "correct horse battery staple"
FAST = KdfParams.insecure_fast()


@pytest.fixture
def ui_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    for folder in (
        home / ".config",
        home / ".cache",
        home / ".local" / "share",
        home / "Documents",
        home / "tmp",
    ):
        folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("TMPDIR", str(home / "tmp"))
    monkeypatch.setenv("EVIDENCE_KIT_LANG", "en")
    settings_file = home / ".config" / "evidence-kit" / "settings.json"
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text('{"timestamping_enabled": false}\n', encoding="utf-8")
    monkeypatch.setenv("EVIDENCE_KIT_SETTINGS", str(settings_file))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home / ".config"))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(home / "tmp"))
    return home


def _drain() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


@pytest.fixture
def make_controller(qapp: QApplication, ui_home: Path) -> Iterator[Callable[..., AppController]]:
    made: list[AppController] = []

    def make(language: str = "en", **kwargs: object) -> AppController:
        settings = UiSettings(ui_home / ".config" / "evidence-kit" / "ui.ini")
        settings.language = language
        settings.dossier_folder = str(ui_home / "Documents")
        options: dict[str, object] = {"watch_system": False, **kwargs}  # a test may watch the system
        controller = AppController(
            settings,
            window_factory=AppWindow,
            kdf=FAST,
            quit_on_quick_exit=False,
            **options,  # type: ignore[arg-type]
        )
        controller.window.resize(1100, 720)
        controller.window.show()
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.shutdown()
    _drain()
    assert VaultWorker.running() == [], "a worker thread was left running"


@pytest.fixture
def controller(make_controller: Callable[..., AppController]) -> AppController:
    return make_controller()


@pytest.fixture
def vault_path(tmp_path: Path) -> tuple[Path, str]:
    """A closed vault made by the core, and its recovery code."""
    path = tmp_path / "case.ekvault"
    vault, code = Vault.create(path, PASSPHRASE, case_title="Anna de Vries — case", kdf=FAST)
    vault.close()
    return path, code


def open_vault(qtbot: QtBot, controller: AppController, path: Path, passphrase: str = PASSPHRASE) -> Session:
    """Unlock through the real dialog; returns the session once the list is loaded."""
    window = controller.window
    window.unlock(path)
    dialog = window.unlock_dialog
    dialog.passphrase.setText(passphrase)
    with qtbot.waitSignal(controller.session_opened, timeout=20_000) as opened:
        dialog.unlock_button.click()
    assert window.workspace is not None
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.loaded, timeout=20_000)
    with qtbot.waitActive(window):  # offscreen, nothing activates a window but us
        window.activateWindow()
    session = opened.args[0]
    assert isinstance(session, Session)
    return session


def open_demo(qtbot: QtBot, controller: AppController) -> Session:
    with qtbot.waitSignal(controller.session_opened, timeout=60_000) as opened:
        controller.window.open_demo()
    workspace = controller.window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.loaded, timeout=20_000)
    with qtbot.waitActive(controller.window):
        controller.window.activateWindow()
    session = opened.args[0]
    assert isinstance(session, Session)
    return session


def wait_idle(qtbot: QtBot, controller: AppController) -> None:
    qtbot.waitUntil(lambda: not controller.worker.busy, timeout=30_000)
