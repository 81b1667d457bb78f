"""Files already in the vault, added through the real window: named with the earlier item's number,
and the person chooses "Add anyway" or "Skip" (`views/duplicates_dialog.py`). Fictional data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from evidence_kit.importers.batch import add_paths
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.views.duplicates_dialog import DuplicatesDialog
from evidence_kit.ui.views.workspace import Workspace
from evidence_kit.ui.widgets import file_dialogs
from evidence_kit.vault import Vault

from .conftest import PASSPHRASE, open_vault, wait_idle

PHOTO = b"\xff\xd8\xff\xe0" + b"fictional screenshot of a threat " * 30 + b"\xff\xd9"


def vault_with_a_photo(tmp_path: Path, vault_path: Path) -> tuple[Path, Path, Path]:
    """The vault holds shot.jpg as item 1; returns (that file, a copy under another name, a new file)."""
    shot = tmp_path / "phone" / "shot.jpg"
    shot.parent.mkdir()
    shot.write_bytes(PHOTO)
    with Vault.open(vault_path, PASSPHRASE) as vault:
        (result,) = add_paths(vault, [shot])
        assert result.items[0].id == 1
    copy = tmp_path / "laptop" / "saved from chat.jpg"
    copy.parent.mkdir()
    copy.write_bytes(PHOTO)
    new = tmp_path / "laptop" / "new note.txt"
    new.write_text("a fictional new note\n", encoding="utf-8")
    return shot, copy, new


def wait_for_question(qtbot: QtBot, workspace: Workspace) -> DuplicatesDialog:
    qtbot.waitUntil(
        lambda: workspace.duplicates is not None and workspace.duplicates.isVisible(), timeout=20_000
    )
    dialog = workspace.duplicates
    assert dialog is not None
    return dialog


def rows(dialog: DuplicatesDialog) -> list[tuple[str, str]]:
    found = []
    for index in range(dialog.tree.topLevelItemCount()):
        row = dialog.tree.topLevelItem(index)
        assert row is not None
        found.append((row.text(0), row.text(1)))
    return found


def test_add_files_names_the_duplicate_and_add_anyway_stores_it(
    qtbot: QtBot,
    controller: AppController,
    vault_path: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _shot, copy, new = vault_with_a_photo(tmp_path, vault_path[0])
    open_vault(qtbot, controller, vault_path[0])
    workspace = controller.window.workspace
    assert workspace is not None and workspace.model.rowCount() == 1
    monkeypatch.setattr(file_dialogs, "open_files", lambda _parent, _title: [str(copy), str(new)])
    controller.window.add_files()  # the "Add files…" action
    dialog = wait_for_question(qtbot, workspace)
    assert dialog.parent() is workspace and dialog.isModal()  # a child: quick exit hides it
    assert rows(dialog) == [(str(copy), "item 1 (shot.jpg)")]
    assert dialog.windowTitle() == "Already in the vault"
    if os.environ.get("EVIDENCE_KIT_GRABS"):  # look at it: EVIDENCE_KIT_GRABS=/tmp/grabs
        dialog.grab().save(str(Path(os.environ["EVIDENCE_KIT_GRABS"]) / "duplicates_en.png"))
    assert workspace.model.rowCount() == 2  # the new note is in; the copy waits for the answer
    dialog.add_button.click()
    qtbot.waitUntil(lambda: workspace.report is not None and workspace.report.isVisible(), timeout=20_000)
    report = workspace.report
    assert report is not None
    outcomes = dict(report.outcome_texts())
    assert outcomes[str(new)] == "added, recognised as file"
    assert outcomes[str(copy)].startswith("added")
    assert "already in the vault added again" in report.summary.text()
    assert workspace.model.rowCount() == 3
    kept = workspace.model.row_by_id(3)
    assert kept is not None and kept.summary.original_name == "saved from chat.jpg"
    wait_idle(qtbot, controller)


def test_pasted_duplicate_skipped_in_dutch(
    qtbot: QtBot, make_controller: object, vault_path: tuple[Path, str], tmp_path: Path
) -> None:
    controller: AppController = make_controller("nl")  # type: ignore[operator]
    shot, copy, _new = vault_with_a_photo(tmp_path, vault_path[0])
    open_vault(qtbot, controller, vault_path[0])
    workspace = controller.window.workspace
    assert workspace is not None
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(shot)), QUrl.fromLocalFile(str(copy))])
    QGuiApplication.clipboard().setMimeData(mime)
    assert workspace.paste()  # Ctrl+V with files copied in a file manager
    dialog = wait_for_question(qtbot, workspace)
    assert dialog.windowTitle() == "Staat al in de kluis"
    assert dialog.add_button.text() == "Toch toevoegen" and dialog.skip_button.text() == "Overslaan"
    assert dialog.intro.text().startswith("2 bestanden die je toevoegde staan al in de kluis")
    assert rows(dialog) == [(str(shot), "item 1 (shot.jpg)"), (str(copy), "item 1 (shot.jpg)")]
    if os.environ.get("EVIDENCE_KIT_GRABS"):
        dialog.grab().save(str(Path(os.environ["EVIDENCE_KIT_GRABS"]) / "duplicates_nl.png"))
    dialog.skip_button.click()
    qtbot.waitUntil(lambda: workspace.report is not None and workspace.report.isVisible(), timeout=20_000)
    report = workspace.report
    assert report is not None
    assert dict(report.outcome_texts())[str(copy)] == "overgeslagen: staat al in de kluis als item 1"
    assert "2 bestanden die al in de kluis stonden overgeslagen" in report.summary.text()
    assert workspace.model.rowCount() == 1
    wait_idle(qtbot, controller)
    controller.shutdown()  # lock, so the vault itself can be opened and looked in
    with Vault.open(vault_path[0], PASSPHRASE) as vault:
        assert [i.original_name for i in vault.items()] == ["shot.jpg"]
