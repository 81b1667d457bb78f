"""The recent-vault list: absent by default, kept only when switched on, deleted when switched off."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from evidence_kit.ui.controller import AppController

from .conftest import open_vault, wait_idle


def _ini(controller: AppController) -> bytes:
    controller.settings.sync()
    return Path(controller.settings.file_name).read_bytes()


def test_no_list_unless_switched_on(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    path, _code = vault_path
    open_vault(qtbot, controller, path)
    controller.lock()
    wait_idle(qtbot, controller)
    assert path.name.encode() not in _ini(controller)
    assert not controller.window.welcome.recent_box.isVisible()
    assert controller.settings.recent_vaults == []


def test_switched_on_the_list_opens_a_vault_and_switched_off_it_is_gone(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    path, _code = vault_path
    window = controller.window
    window.open_settings()
    dialog = window.settings_dialog
    dialog.recent.setChecked(True)
    dialog.save()
    window = controller.window  # saving may rebuild the window
    open_vault(qtbot, controller, path)
    controller.lock()
    wait_idle(qtbot, controller)
    assert controller.settings.recent_vaults == [str(path)]
    assert str(path).encode() in _ini(controller)

    # A fresh window (the next start) shows it, by folder name; a click asks for the passphrase.
    controller.rebuild_window()
    welcome = controller.window.welcome
    assert welcome.recent_box.isVisible()
    assert [b.text() for b in welcome.recent_buttons] == [path.name]
    welcome.recent_buttons[0].click()
    assert controller.window.unlock_dialog.isVisible()
    controller.window.unlock_dialog.reject()

    # A vault folder that is gone is not offered.
    gone = path.parent / "moved away"
    controller.settings.remember_vault(gone)
    controller.window.welcome.set_recent(controller.settings.recent_vaults)
    assert [b.text() for b in controller.window.welcome.recent_buttons] == [path.name]

    controller.window.open_settings()
    dialog = controller.window.settings_dialog
    dialog.recent.setChecked(False)
    dialog.save()
    assert controller.settings.recent_vaults == []
    assert path.name.encode() not in _ini(controller)
    assert not controller.window.welcome.recent_box.isVisible()
