"""Nothing in a new vault's folder names the app or evidence to someone browsing a shared PC:
the suggested folder name is neutral in both languages, and so is the one plaintext file.
(The file names inside, keys.json and vault.db, are the storage format's and stay.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from evidence_kit.ui.controller import AppController
from tests.ui.conftest import PASSPHRASE

REVEALING = ("evidence", "bewijs", "kluis", "vault", "kit", "police", "politie", "case", "zaak")


@pytest.mark.parametrize(("language", "folder"), [("en", "Notes"), ("nl", "Notities")])
def test_new_vault_folder_and_readme_are_neutral(
    qtbot: QtBot, make_controller: Callable[..., AppController], language: str, folder: str
) -> None:
    controller = make_controller(language)
    window = controller.window
    window.create_vault()
    dialog = window.create_dialog
    suggested = Path(dialog.location.text())
    assert suggested.name == folder
    dialog.case_name.setText("Fictional case")
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.pages.currentChanged, timeout=20_000):
        dialog.create_button.click()
    assert not any(word in suggested.name.lower() for word in REVEALING)
    readme = (suggested / "README.txt").read_text(encoding="utf-8").lower()
    assert "encrypted" in readme and "versleuteld" in readme
    assert not any(word in readme for word in REVEALING)
