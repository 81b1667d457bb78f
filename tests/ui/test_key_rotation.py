"""The passphrase dialog's key parts through the real app: it says what a plain change does not
do; "Also replace the key" re-encrypts in the worker with progress and shows the new recovery
code once, in a display that cannot be copied; "New recovery code" replaces only the code; both
are Dutch in Dutch. Opening a vault with a left-over partial file offers to remove it."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from evidence_kit.errors import KeyFileMismatchError, WrongPassphraseError, WrongRecoveryCodeError
from evidence_kit.progress import ProgressInfo
from evidence_kit.storage.custody import EventType
from evidence_kit.ui.controller import AppController
from evidence_kit.vault import Vault

from .conftest import PASSPHRASE, open_vault, wait_idle
from .test_language import assert_dutch
from .test_passphrase_change import NEW, fill, open_dialog

CODE = re.compile(r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$")


def test_the_dialog_says_what_a_plain_change_does_not_do(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    open_vault(qtbot, controller, vault_path[0])
    dialog = open_dialog(controller)
    # The whole explanation fits: the dialog is not opened narrower than its layout needs.
    assert dialog.width() >= dialog.sizeHint().width()
    assert dialog.explain.height() >= dialog.explain.heightForWidth(dialog.explain.width())
    text = dialog.explain.text()
    assert "the evidence in it stays exactly as it is" in text
    assert "an old copy of the key file (keys.json" in text
    assert "still opens the vault with the old passphrase" in text
    assert "also replace the key" in text
    assert not dialog.rotate.isChecked()  # replacing the key is a choice
    assert not dialog.code_button.isEnabled()  # no current passphrase typed yet
    dialog.reject()
    wait_idle(qtbot, controller)


def test_replacing_the_key_from_the_dialog(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], tmp_path: Path
) -> None:
    path, old_code = vault_path
    original = tmp_path / "threat.txt"
    original.write_bytes(b"fictional threat, kept byte-exact\n")
    with Vault.open(path, PASSPHRASE) as vault:
        vault.add_file(original)
    old_keys = (path / "keys.json").read_bytes()
    open_vault(qtbot, controller, path)
    dialog = open_dialog(controller)
    fill(dialog, PASSPHRASE, NEW)
    dialog.rotate.setChecked(True)
    seen: list[object] = []
    show = dialog._on_progress
    dialog._on_progress = lambda info: (seen.append(info), show(info))  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.passphrase_changed, timeout=30_000):
        dialog.change_button.click()
        assert dialog.busy and dialog.status.text() == "Re-encrypting the vault under a new key…"
    assert any(isinstance(info, ProgressInfo) for info in seen)
    assert dialog.shows_done
    assert dialog.heading.text() == "The key was replaced"
    assert (
        "Old copies of the key file and your old recovery code no longer open it" in dialog.done_text.text()
    )
    code = dialog.code.text()
    assert CODE.match(code), code
    # written down, never copied: no selection, no context menu, and Close waits for the tick
    assert dialog.code.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert dialog.code.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert not dialog.close_button.isEnabled()
    dialog.reject()
    assert dialog.isVisible()
    dialog.written.setChecked(True)
    assert dialog.close_button.isEnabled()
    dialog.close_button.click()
    assert not dialog.isVisible() and dialog.code.text() == ""
    assert controller.window.workspace is not None  # the vault stays open, on its new key
    assert controller.window.statusBar().currentMessage() == "The key was replaced."
    controller.lock()
    wait_idle(qtbot, controller)

    with pytest.raises(WrongPassphraseError):
        Vault.open(path, PASSPHRASE)
    with pytest.raises(WrongRecoveryCodeError):
        Vault.open(path, recovery_code=old_code)
    with Vault.open(path, recovery_code=code):
        pass
    with Vault.open(path, NEW) as vault:
        assert b"".join(vault.iter_original(vault.items()[0].id)) == original.read_bytes()
        rotated = [e for e in vault.custody_log() if e.event_type == EventType.KEY_ROTATED]
        assert len(rotated) == 1 and rotated[0].actor.endswith("(gui)")
        assert vault.verify(record=False).ok
    shutil.copy(path / "keys.json", tmp_path / "new-keys.json")
    (path / "keys.json").write_bytes(old_keys)
    with pytest.raises(KeyFileMismatchError):
        Vault.open(path, PASSPHRASE)


def test_a_new_recovery_code_from_the_dialog(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    path, old_code = vault_path
    open_vault(qtbot, controller, path)
    dialog = open_dialog(controller)
    dialog.current.setText("not the passphrase at all")
    dialog.code_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.problem.text().startswith("That is not the passphrase this vault has now.")
    assert not dialog.shows_done
    dialog.current.setText(PASSPHRASE)
    assert dialog.code_button.isEnabled() and not dialog.change_button.isEnabled()
    dialog.code_button.click()
    qtbot.waitUntil(lambda: dialog.shows_done, timeout=20_000)
    code = dialog.code.text()
    assert CODE.match(code) and code != old_code
    assert "An old copy of the key file still opens the vault with the old code" in dialog.done_text.text()
    dialog.written.setChecked(True)
    dialog.close_button.click()
    controller.lock()
    wait_idle(qtbot, controller)
    with pytest.raises(WrongRecoveryCodeError):
        Vault.open(path, recovery_code=old_code)
    with Vault.open(path, recovery_code=code):
        pass
    with Vault.open(path, PASSPHRASE) as vault:  # the passphrase did not change
        assert vault.custody_log()[-1].event_type == EventType.RECOVERY_CODE_REISSUED


def test_the_key_parts_are_dutch_in_dutch(
    qtbot: QtBot, make_controller: Callable[..., AppController], vault_path: tuple[Path, str]
) -> None:
    controller = make_controller("nl")
    open_vault(qtbot, controller, vault_path[0])
    dialog = open_dialog(controller)
    checked = assert_dutch(dialog, "change passphrase, key parts")
    assert "sleutelbestand" in dialog.explain.text()
    fill(dialog, PASSPHRASE, NEW)
    dialog.rotate.setChecked(True)
    with qtbot.waitSignal(dialog.passphrase_changed, timeout=30_000):
        dialog.change_button.click()
    checked += assert_dutch(dialog, "key replaced")
    assert dialog.heading.text() == "De sleutel is vervangen"
    assert checked > 10
    dialog.written.setChecked(True)
    dialog.accept()
    wait_idle(qtbot, controller)


def test_opening_offers_to_remove_left_over_partial_files(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    path, _code = vault_path
    partial = path / ".keys.json.tmp-00112233445566778899aabbccddeeff"
    partial.write_bytes(b'{"format": "evidence-kit-keys", "slo')
    open_vault(qtbot, controller, path)
    notice = controller.window.leftovers_notice
    assert notice.isVisible()
    assert str(partial) in notice.files.toPlainText()
    assert "a partial key file is one more copy of the vault's key" in notice.text.text()
    notice.remove_button.click()
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=20_000)
    assert not partial.exists()
    assert sorted(p.name for p in path.iterdir()) == ["README.txt", "keys.json", "vault.db", "vault.lock"]
    controller.lock()
    wait_idle(qtbot, controller)
