"""Changing the passphrase through the real dialog: a wrong current passphrase changes nothing,
a right one changes it (only the new one unlocks afterwards, the recovery code still does, the
custody log records it and verifies), the work runs in the vault worker, and the dialog is Dutch
in Dutch."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from evidence_kit.errors import WrongPassphraseError
from evidence_kit.storage.custody import EventType
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.views.change_passphrase import ChangePassphraseDialog
from evidence_kit.ui.workers import JobContext, JobKind
from evidence_kit.vault import Vault

from .conftest import PASSPHRASE, open_vault, wait_idle
from .test_language import assert_dutch

NEW = "four new unrelated words"


def open_dialog(controller: AppController) -> ChangePassphraseDialog:
    window = controller.window
    assert window.change_passphrase_action.isEnabled()
    window.change_passphrase_action.trigger()
    dialog = window.change_passphrase_dialog
    assert dialog.isVisible()
    return dialog


def fill(dialog: ChangePassphraseDialog, current: str, new: str, repeat: str | None = None) -> None:
    dialog.current.setText(current)
    dialog.new.passphrase.setText(new)
    dialog.new.repeat.setText(new if repeat is None else repeat)


def events(path: Path, passphrase: str) -> list[str]:
    with Vault.open(path, passphrase) as vault:
        return [entry.event_type for entry in vault.custody_log()]


def test_the_action_is_there_only_while_a_vault_is_open(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    window = controller.window
    vault_menu = window.menuBar().actions()[0].menu()
    assert vault_menu is not None
    assert window.change_passphrase_action in vault_menu.actions()
    assert not window.change_passphrase_action.isEnabled()
    open_vault(qtbot, controller, vault_path[0])
    assert window.change_passphrase_action.isEnabled()
    controller.lock()
    assert not window.change_passphrase_action.isEnabled()
    wait_idle(qtbot, controller)


def test_the_dialog_says_what_is_wrong_before_anything_runs(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    open_vault(qtbot, controller, vault_path[0])
    dialog = open_dialog(controller)
    assert dialog.problem.text() == ""  # nothing typed yet: nothing to complain about
    assert not dialog.change_button.isEnabled()
    fill(dialog, PASSPHRASE, "short")
    assert dialog.problem.text() == "The new passphrase needs at least 8 characters."
    assert dialog.new.meter.hint == "Too short or too common: use at least 8 characters."
    assert not dialog.change_button.isEnabled()
    fill(dialog, PASSPHRASE, NEW, NEW + "x")
    assert dialog.problem.text() == "The two new passphrases are not the same."
    fill(dialog, PASSPHRASE, PASSPHRASE)
    assert dialog.problem.text() == "The new passphrase is the same as the current one."
    fill(dialog, "", NEW)
    assert dialog.problem.text() == "Type the passphrase you use now."
    assert not dialog.change_button.isEnabled()
    fill(dialog, PASSPHRASE, NEW)
    assert dialog.problem.text() == ""
    assert dialog.new.meter.hint == "Strong."
    assert dialog.change_button.isEnabled()
    dialog.reject()
    assert not dialog.isVisible()
    assert dialog.current.text() == dialog.new.text() == ""  # nothing stays in a closed dialog
    assert not controller.worker.busy


def test_a_wrong_current_passphrase_changes_nothing(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    path, _code = vault_path
    open_vault(qtbot, controller, path)
    keys_before = (path / "keys.json").read_bytes()
    dialog = open_dialog(controller)
    fill(dialog, "not the passphrase at all", NEW)
    assert dialog.change_button.isEnabled()
    dialog.change_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.problem.text() == (
        "That is not the passphrase this vault has now. Check Caps Lock and try again. Nothing was changed."
    )
    assert dialog.current.text() == ""  # cleared for another try
    assert dialog.new.text() == NEW  # the new one need not be typed again
    assert not dialog.shows_done
    assert dialog.isVisible()
    assert (path / "keys.json").read_bytes() == keys_before
    dialog.reject()
    controller.lock()
    wait_idle(qtbot, controller)
    assert EventType.PASSPHRASE_CHANGED not in events(path, PASSPHRASE)
    with pytest.raises(WrongPassphraseError):
        Vault.open(path, NEW)


def test_the_right_passphrase_changes_it_and_only_the_new_one_unlocks(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    path, code = vault_path
    window = controller.window
    open_vault(qtbot, controller, path)
    dialog = open_dialog(controller)
    fill(dialog, PASSPHRASE, NEW)
    with qtbot.waitSignal(dialog.passphrase_changed, timeout=20_000):
        dialog.change_button.click()
    assert dialog.shows_done
    assert not dialog.busy
    assert dialog.current.text() == dialog.new.text() == dialog.new.repeat.text() == ""
    assert "unlock this vault with the new passphrase" in dialog.done_text.text()
    assert window.statusBar().currentMessage() == "The passphrase was changed."
    dialog.close_button.click()
    assert not dialog.isVisible()
    assert window.workspace is not None  # the vault stays open

    window.lock_action.trigger()
    wait_idle(qtbot, controller)
    window.unlock(path)
    unlock = window.unlock_dialog
    unlock.passphrase.setText(PASSPHRASE)
    unlock.unlock_button.click()
    qtbot.waitUntil(lambda: unlock.unlock_button.isEnabled(), timeout=20_000)
    assert unlock.problem.text().startswith("That passphrase is not right for this vault.")
    assert window.workspace is None
    unlock.passphrase.setText(NEW)
    with qtbot.waitSignal(controller.session_opened, timeout=20_000):
        unlock.unlock_button.click()
    assert window.workspace is not None
    controller.lock()
    wait_idle(qtbot, controller)

    with pytest.raises(WrongPassphraseError):
        Vault.open(path, PASSPHRASE)
    with Vault.open(path, NEW) as vault:
        changes = [e for e in vault.custody_log() if e.event_type == EventType.PASSPHRASE_CHANGED]
        assert len(changes) == 1
        assert changes[0].actor.endswith("(gui)")
        report = vault.verify(record=False)
        assert report.ok, report.problems
        assert report.events_checked >= 2
    with Vault.open(path, recovery_code=code):
        pass  # the recovery code stays valid, as the dialog says


def test_the_change_runs_in_the_worker_and_the_dialog_shows_it_is_busy(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    path, _code = vault_path
    open_vault(qtbot, controller, path)
    keys_before = (path / "keys.json").read_bytes()
    dialog = open_dialog(controller)
    fill(dialog, PASSPHRASE, NEW)
    started, release = threading.Event(), threading.Event()

    def hold(_ctx: JobContext) -> None:  # keeps the worker busy until the test has looked
        started.set()
        release.wait(30)

    controller.worker.submit(hold, kind=JobKind.WRITE)
    try:
        qtbot.waitUntil(started.is_set, timeout=10_000)
        dialog.change_button.click()
        # The click came back at once: the change waits in the worker's queue, not on this thread.
        assert (path / "keys.json").read_bytes() == keys_before
        assert dialog.busy
        assert dialog.progress.isVisible()
        assert dialog.status.text() == "Changing the passphrase…"
        assert not dialog.change_button.isEnabled()
        assert not dialog.cancel_button.isEnabled()
        assert not dialog.current.isEnabled() and not dialog.new.passphrase.isEnabled()
        dialog.reject()  # Esc: the outcome is worth the wait
        assert dialog.isVisible()
        qtbot.wait(0)  # the window keeps handling events meanwhile
    finally:
        release.set()
    qtbot.waitUntil(lambda: dialog.shows_done, timeout=20_000)
    assert not dialog.progress.isVisible()
    assert (path / "keys.json").read_bytes() != keys_before
    dialog.accept()
    controller.lock()
    wait_idle(qtbot, controller)
    assert events(path, NEW).count(EventType.PASSPHRASE_CHANGED) == 1


def test_locking_hides_the_dialog_and_drops_what_was_typed(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    open_vault(qtbot, controller, vault_path[0])
    dialog = open_dialog(controller)
    fill(dialog, PASSPHRASE, NEW)
    controller.lock()
    assert not dialog.isVisible()
    assert dialog.current.text() == dialog.new.text() == dialog.new.repeat.text() == ""
    wait_idle(qtbot, controller)


def test_the_dialog_is_dutch_in_dutch(
    qtbot: QtBot, make_controller: Callable[..., AppController], vault_path: tuple[Path, str]
) -> None:
    controller = make_controller("nl")
    open_vault(qtbot, controller, vault_path[0])
    assert controller.window.change_passphrase_action.text() == "&Wachtwoordzin wijzigen…"
    dialog = open_dialog(controller)
    checked = assert_dutch(dialog, "change passphrase")
    fill(dialog, PASSPHRASE, NEW, NEW + "x")
    assert dialog.problem.text() == "De twee nieuwe wachtwoordzinnen zijn niet gelijk."
    checked += assert_dutch(dialog, "change passphrase, mismatch")
    fill(dialog, PASSPHRASE, NEW)
    with qtbot.waitSignal(dialog.passphrase_changed, timeout=20_000):
        dialog.change_button.click()
    checked += assert_dutch(dialog, "passphrase changed")
    assert checked > 10
    dialog.accept()
    wait_idle(qtbot, controller)
