"""At unlock, the app offers to remove the partial files a killed export left (storage/partials.py).

The partial is left as a kill -9 leaves it: `writing()` entered and never left, then the vault
closed. Unlocking through the real dialog must show the calm question naming the file; "Remove
them" removes it through the worker, "Keep them for now" leaves it (and it is asked again next time).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

from pytestqt.qtbot import QtBot

from evidence_kit.ui.controller import AppController
from evidence_kit.ui.views.leftover_partials import LeftoverPartialsDialog
from evidence_kit.vault import Vault

from .conftest import PASSPHRASE, open_vault, wait_idle


def _leave_a_partial(vault_path: Path, target: Path) -> tuple[Path, AbstractContextManager[Path]]:
    vault = Vault.open(vault_path, PASSPHRASE)
    killed = vault.partials.writing(target)
    partial = killed.__enter__()  # never left: as after a kill -9
    (partial / "originals").mkdir(parents=True)
    (partial / "originals" / "0001_note.txt").write_bytes(b"fictional plaintext evidence")
    vault.close()
    return partial, killed


def _dialog(controller: AppController) -> LeftoverPartialsDialog:
    dialog = getattr(controller.window, "partials_dialog", None)
    assert isinstance(dialog, LeftoverPartialsDialog)
    return dialog


def test_unlock_offers_to_remove_a_partial_and_removes_it(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], tmp_path: Path
) -> None:
    path, _code = vault_path
    partial, killed = _leave_a_partial(path, tmp_path / "exports" / "dossier")
    open_vault(qtbot, controller, path)
    dialog = _dialog(controller)
    qtbot.waitUntil(dialog.isVisible)
    assert str(partial) in dialog.paths.toPlainText()
    assert "not encrypted" in dialog.findChildren(type(dialog.status))[0].text()
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert not partial.exists()
    assert dialog.remaining == ()
    wait_idle(qtbot, controller)
    controller.lock()
    qtbot.waitUntil(lambda: controller.session is None and not controller.worker.busy, timeout=20_000)
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.partials.leftovers() == []
    assert killed is not None


def test_keep_leaves_the_partial_and_asks_again(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], tmp_path: Path
) -> None:
    path, _code = vault_path
    partial, killed = _leave_a_partial(path, tmp_path / "copy.png")
    open_vault(qtbot, controller, path)
    dialog = _dialog(controller)
    qtbot.waitUntil(dialog.isVisible)
    dialog.keep_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert partial.exists()
    controller.lock()
    qtbot.waitUntil(lambda: controller.session is None and not controller.worker.busy, timeout=20_000)
    open_vault(qtbot, controller, path)
    again = _dialog(controller)
    assert again is not dialog
    qtbot.waitUntil(again.isVisible)
    assert str(partial) in again.paths.toPlainText()
    assert killed is not None


def test_no_question_without_partials(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    open_vault(qtbot, controller, vault_path[0])
    assert getattr(controller.window, "partials_dialog", None) is None
