"""Vault → Back up… in the app: a folder is chosen, the copy is made in the worker, the result is calm.

The file dialog is replaced (the app's own dialog is not driven offscreen); everything below it is
real: the worker, the core's backup and its check, the custody event.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from evidence_kit.ui.controller import AppController
from evidence_kit.ui.widgets import file_dialogs
from evidence_kit.vault import DB_FILE, KEY_FILE, Vault
from tests.torn import copy_mid_write
from tests.ui.conftest import FAST, PASSPHRASE, open_vault, wait_idle


@pytest.fixture
def filled_vault(tmp_path: Path) -> Path:
    path = tmp_path / "case.ekvault"
    vault, _code = Vault.create(path, PASSPHRASE, case_title="Fictional case", kdf=FAST)
    with vault:
        for index in range(3):
            file = tmp_path / f"screenshot {index}.png"
            file.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes([index]) * 50_000)
            vault.add_file(file)
    return path


def _result(controller: AppController) -> QMessageBox | None:
    box = controller.window.findChild(QMessageBox, "backupResult")
    return box if box is not None and box.isVisible() else None


def test_back_up_from_the_vault_menu(
    qtbot: QtBot,
    controller: AppController,
    filled_vault: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    usb = tmp_path / "usb stick"
    usb.mkdir()
    (usb / "other files.txt").write_text("not ours", encoding="utf-8")
    asked: list[str] = []

    def choose(parent: QWidget | None, caption: str, start: str = "") -> str:
        asked.append(caption)
        return str(usb)

    monkeypatch.setattr(file_dialogs, "existing_folder", choose)
    window = controller.window
    assert not window.backup_action.isEnabled()  # no vault open yet
    open_vault(qtbot, controller, filled_vault)
    assert window.backup_action.isEnabled()
    assert window.backup_action in window.menuBar().actions()[0].menu().actions()
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: _result(controller) is not None, timeout=30_000)
    box = _result(controller)
    assert box is not None
    assert asked == ["Choose where to put the backup (for example a USB stick)"]
    assert "The backup is made and checked: 3 items" in box.text()
    # The chosen folder was not empty: the copy went into a new folder inside it, next to what was there.
    made = [p for p in usb.iterdir() if p.is_dir()]
    assert len(made) == 1 and made[0].name.startswith("Backup ")
    assert box.informativeText() == str(made[0])
    assert sorted(p.name for p in made[0].iterdir()) == ["README.txt", KEY_FILE, DB_FILE]
    assert (usb / "other files.txt").read_text(encoding="utf-8") == "not ours"
    box.accept()
    wait_idle(qtbot, controller)

    with Vault.open(made[0], PASSPHRASE) as copy:
        assert copy.verify(record=False).ok
        assert len(copy.items()) == 3
    controller.lock()
    qtbot.waitUntil(lambda: window.workspace is None, timeout=20_000)
    wait_idle(qtbot, controller)
    with Vault.open(filled_vault, PASSPHRASE) as source:
        last = source.custody_log()[-1]
    assert last.event_type == "backup_made" and dict(last.data)["to"] == str(made[0])


def test_no_folder_chosen_makes_nothing(
    qtbot: QtBot, controller: AppController, filled_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_dialogs, "existing_folder", lambda *_args, **_kwargs: "")
    open_vault(qtbot, controller, filled_vault)
    controller.window.backup_action.trigger()
    wait_idle(qtbot, controller)
    assert _result(controller) is None
    assert controller.window.findChild(QWidget, "backupProgress") is None


def test_checking_a_torn_copy_says_so_first(
    qtbot: QtBot, controller: AppController, filled_vault: Path, tmp_path: Path
) -> None:
    """A folder copied while the vault was being written, its journal lost: the verdict names that."""
    torn = tmp_path / "copied mid-write"
    with Vault.open(filled_vault, PASSPHRASE) as vault:
        copy_mid_write(vault, torn)
    (torn / "vault.db-journal").unlink()
    open_vault(qtbot, controller, torn)
    controller.window.verify_action.trigger()

    def report() -> QDialog | None:
        found = controller.window.findChild(QDialog, "vaultReport")
        return found if found is not None and found.isVisible() else None

    qtbot.waitUntil(lambda: report() is not None, timeout=60_000)
    dialog = report()
    assert dialog is not None
    verdict = dialog.findChild(QLabel)
    assert verdict is not None
    assert verdict.text().startswith("This vault folder is incomplete or was copied while it was being")
    dialog.accept()
    wait_idle(qtbot, controller)
