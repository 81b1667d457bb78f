"""The chats of a whole-account Telegram export in the app, through the real window: the import
report says how many chats became items, the export's page lists every chat (title, messages,
first and last time, item number), a chat opens from the list, a chat's page names its export
with a link back, and the ticked chats open the dossier dialog with exactly those items.
All data is fictional (tests/importers/many_chats_fixtures.py)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from evidence_kit.ui.controller import AppController
from evidence_kit.ui.views.workspace import Workspace
from tests.importers.many_chats_fixtures import telegram_json_account_zip

from .conftest import open_vault

NAME = "DataExport_2026-11-30.zip"


def _grab(controller: AppController, name: str) -> None:
    if os.environ.get("EK_GRABS"):
        controller.window.grab().save(str(Path(os.environ["EK_GRABS"]) / name))


def _import_export(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], tmp_path: Path
) -> Workspace:
    path, _code = vault_path
    open_vault(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    with qtbot.waitSignal(workspace.import_finished, timeout=30_000):
        workspace.import_paths([str(telegram_json_account_zip(tmp_path))])
    return workspace


def _open(qtbot: QtBot, workspace: Workspace, item_id: int) -> None:
    with qtbot.waitSignal(workspace.item_page.item_loaded, timeout=20_000):
        workspace.open_item(item_id)


def test_the_chats_of_an_export_are_listed_opened_and_picked_for_a_dossier(
    qtbot: QtBot,
    make_controller: Callable[..., AppController],
    vault_path: tuple[Path, str],
    tmp_path: Path,
) -> None:
    controller = make_controller("en")
    workspace = _import_export(qtbot, controller, vault_path, tmp_path)
    assert workspace.report is not None
    ((shown_path, outcome),) = workspace.report.outcome_texts()
    assert shown_path.endswith(NAME)
    assert "3 chats, each its own item" in outcome
    assert "1 attached file stored" in outcome  # the photo; the chats are not counted as files
    workspace.report.close()

    rows = {row.summary.original_name: row.summary for row in workspace.model.rows()}
    export = rows[NAME]
    titles = ["Anna de Vries", "Buurtgroep", "Oude groep"]
    chats = [rows[f"{title} (chat {n} of {NAME})"] for n, title in enumerate(titles, 1)]
    _open(qtbot, workspace, export.id)
    page = workspace.item_page
    assert page.viewers.currentWidget() is page.chat_list
    listed = [[row.text(c) for c in range(5)] for row in page.chat_list.rows()]
    assert [(r[0], r[1], r[4]) for r in listed] == [
        ("Anna de Vries", "2", str(chats[0].id)),
        ("Buurtgroep", "3", str(chats[1].id)),
        ("Oude groep", "2", str(chats[2].id)),
    ]
    assert [(r[2], r[3]) for r in listed] == [  # first and last message, as the export shows them
        ("2026-11-29 10:15", "2026-11-29 10:16"),
        ("2026-11-20 09:00", "2026-11-20 09:02"),
        ("2025-01-05 12:00", "2025-01-05 12:01"),
    ]
    assert "3 chats" in page.chat_list.heading.text()
    assert not page.chat_list.export_button.isEnabled()  # nothing ticked yet
    _grab(controller, "chat-list-en.png")

    # Opening a chat from the list shows its own messages, and its page leads back to the export.
    page.chat_list.tree.setCurrentItem(page.chat_list.rows()[2])
    with qtbot.waitSignal(page.item_loaded, timeout=20_000):
        page.chat_list.open_button.click()
    assert page.item_id == chats[2].id
    assert page.viewers.currentWidget() is page.chat_view
    assert "Ik ga weg" in page.chat_view.toPlainText()
    assert "Buurtgroep" not in page.chat_view.toPlainText()
    details = page.side.details.toHtml()
    assert "Chat read from the export" in details and f"item:{export.id}" in details
    assert export.sha256 in details  # the export's hash, beside the chat's (reference) hash
    _grab(controller, "chat-item-en.png")
    assert "SHA-256 (of the reference)" in details
    assert page.to_export_button.isVisible() and page.to_export_button.text() == "All chats of th&is export"
    with qtbot.waitSignal(page.item_loaded, timeout=20_000):
        page.to_export_button.click()
    assert page.item_id == export.id and page.viewers.currentWidget() is page.chat_list
    assert not page.to_export_button.isVisible()  # the export itself is not a chat of an export

    # Ticking two chats and "Export the ticked chats…" opens the dossier dialog with those two.
    first, _second, third = page.chat_list.rows()
    first.setCheckState(0, Qt.CheckState.Checked)
    third.setCheckState(0, Qt.CheckState.Checked)
    assert page.chat_list.export_button.isEnabled()
    page.chat_list.export_button.click()
    dialog = controller.window.export_dialog
    assert dialog.isVisible() and dialog.selected_radio.isChecked()
    assert dialog.selected_radio.text() == "Only the &selected items (2)"
    assert [row.id for row in dialog.chosen_rows()] == [chats[0].id, chats[2].id]
    dialog.close()


def test_the_chat_list_in_dutch(
    qtbot: QtBot,
    make_controller: Callable[..., AppController],
    vault_path: tuple[Path, str],
    tmp_path: Path,
) -> None:
    controller = make_controller("nl")
    workspace = _import_export(qtbot, controller, vault_path, tmp_path)
    assert workspace.report is not None
    assert "3 gesprekken, elk een eigen item" in workspace.report.outcome_texts()[0][1]
    workspace.report.close()
    export = next(row.summary for row in workspace.model.rows() if row.summary.original_name == NAME)
    _open(qtbot, workspace, export.id)
    chat_list = workspace.item_page.chat_list
    assert chat_list.heading.text().startswith("Deze export bevat 3 gesprekken")
    assert chat_list.tree.headerItem().text(2) == "Eerste bericht"
    assert chat_list.export_button.text() == "Aangevinkte gesprekken &exporteren…"
    _grab(controller, "chat-list-nl.png")
