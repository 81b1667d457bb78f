"""Creating, unlocking and locking a vault through the real windows (quick exit, auto-lock)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from evidence_kit.errors import VaultInUseError
from evidence_kit.storage.custody import EventType
from evidence_kit.ui.controller import LOCK_IDLE, LOCK_QUICK_EXIT, AppController
from evidence_kit.vault import Vault

from .conftest import PASSPHRASE, open_vault, wait_idle

CODE = re.compile(r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$")


def test_create_vault_shows_the_code_once_and_opens(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    window = controller.window
    window.create_vault()
    dialog = window.create_dialog
    target = tmp_path / "new vault"
    dialog.case_name.setText("Anna de Vries 2026")
    dialog.location.setText(str(target))
    dialog.passphrase.setText("short")
    assert not dialog.create_button.isEnabled()
    assert dialog.problem.text() == "The passphrase needs at least 8 characters."
    assert dialog.meter.hint == "Too short or too common: use at least 8 characters."
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE + "x")
    assert dialog.problem.text() == "The two passphrases are not the same."
    dialog.repeat.setText(PASSPHRASE)
    assert dialog.meter.hint == "Strong."
    assert dialog.create_button.isEnabled()
    with qtbot.waitSignal(dialog.pages.currentChanged, timeout=20_000):
        dialog.create_button.click()
    code = dialog.code_label.text()
    assert CODE.match(code), code
    assert dialog.passphrase.text() == ""  # the passphrase leaves the widgets at once
    assert not dialog.continue_button.isEnabled()
    dialog.reject()  # Esc cannot skip the code
    assert dialog.isVisible()
    dialog.confirm.setChecked(True)
    with qtbot.waitSignal(controller.session_opened, timeout=5_000):
        dialog.continue_button.click()
    assert dialog.code_label.text() == ""
    assert window.workspace is not None
    assert window.windowTitle() == "Evidence Kit"
    assert "Anna" not in QGuiApplication.applicationDisplayName()
    assert window.workspace.case_label.text() == "Anna de Vries 2026"
    assert (target / "keys.json").is_file()
    controller.lock()
    wait_idle(qtbot, controller)
    with Vault.open(target, recovery_code=code) as reopened:
        assert reopened.case_title == "Anna de Vries 2026"


def test_unlock_wrong_then_right(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    path, _code = vault_path
    window = controller.window
    window.unlock(path)
    dialog = window.unlock_dialog
    dialog.passphrase.setText("not the passphrase")
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: dialog.unlock_button.isEnabled(), timeout=20_000)
    assert (
        dialog.problem.text() == "That passphrase is not right for this vault. Check Caps Lock and try again."
    )
    assert dialog.passphrase.text() == ""
    assert controller.session is None
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.session_opened, timeout=20_000):
        dialog.unlock_button.click()
    assert controller.session is not None and controller.session.case_title == "Anna de Vries — case"
    # The vault is really open, in the worker: a second opener is turned away.
    try:
        Vault.open(path, PASSPHRASE)
    except VaultInUseError:
        pass
    else:  # pragma: no cover - the assertion below explains
        raise AssertionError("the vault was not held open by the worker")


def test_recovery_code_sets_a_new_passphrase(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    path, code = vault_path
    window = controller.window
    window.unlock(path)
    dialog = window.unlock_dialog
    dialog.use_code.click()
    assert dialog.recovery_mode
    dialog.code.setText(code.lower())
    dialog.new_passphrase.setText("a new and long passphrase")
    dialog.new_repeat.setText("a new and long passphrase")
    with qtbot.waitSignal(controller.session_opened, timeout=20_000):
        dialog.unlock_button.click()
    controller.lock()
    wait_idle(qtbot, controller)
    with Vault.open(path, "a new and long passphrase") as vault:
        assert [e.event_type for e in vault.custody_log()][-1] == EventType.RECOVERED


def test_quick_exit_hides_locks_and_clears_our_clipboard(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    path, _code = vault_path
    open_vault(qtbot, controller, path)
    controller.clipboard.copy_text("deadbeef" * 8)
    assert controller.clipboard.holds_ours()
    with qtbot.waitSignal(controller.quick_exit_done, timeout=5_000):
        qtbot.keyClick(
            controller.window,
            Qt.Key.Key_Q,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert not controller.window.isVisible()
    assert controller.session is None
    assert controller.lock_reason == LOCK_QUICK_EXIT
    assert QGuiApplication.clipboard().text() == ""
    wait_idle(qtbot, controller)
    with Vault.open(path, PASSPHRASE):  # the worker let go of the vault
        pass


def test_escape_twice_is_quick_exit_but_clipboard_of_others_stays(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    path, _code = vault_path
    open_vault(qtbot, controller, path)
    controller.clipboard.forget()
    QGuiApplication.clipboard().setText("copied in another program")
    controller.clipboard.forget()  # offscreen, every change looks like ours; this one is not
    handle = controller.window.windowHandle()  # as the system delivers keys: to the window first
    qtbot.keyClick(handle, Qt.Key.Key_Escape)
    assert controller.session is not None
    with qtbot.waitSignal(controller.quick_exit_done, timeout=5_000):
        qtbot.keyClick(handle, Qt.Key.Key_Escape)
    assert controller.session is None
    assert QGuiApplication.clipboard().text() == "copied in another program"


def test_auto_lock_after_idle(qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]) -> None:
    path, _code = vault_path
    controller.settings.autolock_seconds_override = 0.3
    open_vault(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    with qtbot.waitSignal(controller.session_locked, timeout=10_000) as locked:
        pass
    assert locked.args == [LOCK_IDLE]
    assert controller.window.workspace is None
    assert workspace.model.rowCount() == 0
    banner = controller.window.welcome
    assert banner.banner.isVisibleTo(controller.window)
    assert banner.banner_text.text() == "The vault was locked because the computer was not used for a while."
    assert banner.unlock_again.isVisibleTo(controller.window)
    wait_idle(qtbot, controller)
    with Vault.open(path, PASSPHRASE):
        pass


def test_input_restarts_the_idle_timer(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    path, _code = vault_path
    controller.settings.autolock_seconds_override = 5
    open_vault(qtbot, controller, path)
    timer = controller.safety._timer
    qtbot.waitUntil(lambda: timer.remainingTime() < 4000, timeout=5_000)
    qtbot.keyClicks(controller.window.workspace.list.search, "a")  # type: ignore[union-attr]
    assert timer.remainingTime() > 4400
    assert controller.session is not None


def test_locking_on_the_recovery_code_page_hides_the_code_and_keeps_the_vault(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    window = controller.window
    window.create_vault()
    dialog = window.create_dialog
    target = tmp_path / "made then locked"
    dialog.case_name.setText("Fictional case")
    dialog.location.setText(str(target))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.pages.currentChanged, timeout=20_000):
        dialog.create_button.click()
    assert CODE.match(dialog.code_label.text())
    controller.lock(LOCK_IDLE)  # e.g. the user walked away from the code
    wait_idle(qtbot, controller)
    assert not dialog.isVisible()
    assert dialog.code_label.text() == ""
    assert window.workspace is None
    assert controller.session is None
    # The worker closed the vault: another program may open it, with the passphrase.
    with Vault.open(target, PASSPHRASE) as reopened:
        assert reopened.case_title == "Fictional case"
    assert controller.last_path == target
    window.unlock_again()
    open_dialog = window.unlock_dialog
    open_dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.session_opened, timeout=20_000):
        open_dialog.unlock_button.click()
    assert window.workspace is not None
