"""Evidence in and out through the real window: drop, paste, the report, viewing, notes."""

from __future__ import annotations

import hashlib
import io
import unicodedata
import zipfile
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from evidence_kit.storage.custody import EventType
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.models.item_table import Column
from evidence_kit.vault import Vault

from .conftest import PASSPHRASE, open_demo, open_vault, wait_idle


def _png(path: Path, size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def _chat(path: Path, lines: list[str]) -> None:
    text = [f"03-10-2026 23:{i:02d} - Anna de Vries: {line}" for i, line in enumerate(lines, start=1)]
    path.write_text("\n".join(text) + "\n", encoding="utf-8")


def _drop(window: QApplication | object, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)  # type: ignore[arg-type]
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)  # type: ignore[arg-type]


def test_drop_files_folder_and_zip_ends_with_a_report(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], tmp_path: Path
) -> None:
    path, _code = vault_path
    open_vault(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    incoming = tmp_path / "incoming"
    folder = incoming / "screens"
    folder.mkdir(parents=True)
    _png(folder / "red.png", (40, 30), (200, 0, 0))
    (folder / "notes.txt").write_text("Anna de Vries wrote this on 3 October.\n", encoding="utf-8")
    chat = incoming / "WhatsApp Chat with Mark.txt"
    _chat(chat, ["Ik weet waar je werkt.", "Dit bericht is verwijderd"])
    archive = incoming / "letters.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("letter.txt", "a letter")
    missing = incoming / "gone.txt"
    (incoming / "gone.txt").write_text("x", encoding="utf-8")
    missing.unlink()
    with qtbot.waitSignal(workspace.import_finished, timeout=30_000) as finished:
        _drop(controller.window, [folder, chat, archive, missing])
    outcome = finished.args[0]
    report = workspace.report
    assert report is not None and report.isVisible()
    rows = dict(report.outcome_texts())
    assert rows[str(folder / "red.png")] == "added, recognised as image"
    assert rows[str(folder / "notes.txt")] == "added, recognised as file"
    assert rows[str(chat)] == "added, recognised as WhatsApp chat, 2 messages"
    assert rows[str(archive)].startswith("added, recognised as ")
    assert rows[str(missing)].startswith("NOT added: Could not read ")
    assert report.summary.text().startswith("4 files added. 1 file could NOT be added (see below).")
    assert len(outcome.results) == 5
    names = sorted(row.summary.original_name for row in workspace.model.rows())
    assert names == sorted(["red.png", "notes.txt", "WhatsApp Chat with Mark.txt", "letters.zip"])
    assert workspace.list.count.text() == "4 items"


def test_paste_a_screenshot_from_the_clipboard(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    path, _code = vault_path
    open_vault(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.blue)
    QGuiApplication.clipboard().setImage(picture)
    with qtbot.waitSignal(workspace.pasted, timeout=20_000) as pasted:
        qtbot.keyClick(workspace.list.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    row = pasted.args[0]
    name = row.summary.original_name
    assert name.startswith("Pasted screenshot ") and name.endswith(" UTC.png")
    assert row.summary.kind == "image" and row.summary.media_type == "image/png"
    assert controller.window.statusBar().currentMessage() == (
        f"The picture from the clipboard was stored as {name}."
    )
    assert [r.id for r in workspace.list.selected_rows()] == [row.id]
    controller.lock()
    wait_idle(qtbot, controller)
    with Vault.open(path, PASSPHRASE) as vault:
        data = b"".join(vault.iter_original(row.id))
        assert hashlib.sha256(data).hexdigest() == row.summary.sha256
        stored = Image.open(io.BytesIO(data))
        assert stored.size == (64, 48)
        assert stored.convert("RGB").getpixel((10, 10)) == (0, 0, 255)
        event = next(e for e in vault.custody_log() if e.item_id == row.id)
        assert dict(event.data)["path"] == "clipboard"


def test_open_an_image_zoom_and_see_its_history(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], tmp_path: Path
) -> None:
    path, _code = vault_path
    image_file = tmp_path / "wide.png"
    _png(image_file, (1600, 400), (0, 150, 0))
    with Vault.open(path, PASSPHRASE) as vault:
        from evidence_kit.importers.batch import add_paths

        [result] = list(add_paths(vault, [image_file]))
    item_id = result.items[0].id
    open_vault(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.model.thumbnail(item_id) is not None, timeout=10_000)  # lazy thumbnail
    page = workspace.item_page
    with qtbot.waitSignal(page.item_loaded, timeout=20_000):
        workspace.list.table.setFocus()
        workspace.list.table.selectRow(0)
        qtbot.keyClick(workspace.list.table, Qt.Key.Key_Return)
    assert page.viewers.currentWidget() is page.image_viewer
    viewer = page.image_viewer
    assert viewer.item is not None and viewer.item.pixmap().width() == 1600
    assert viewer.zoom < 1.0  # fitted into the window
    viewer.actual_button.click()
    assert viewer.zoom == 1.0 and viewer.zoom_label.text() == "100 %"
    viewer.zoom_in_button.click()
    assert viewer.zoom == 1.25
    viewer.fit_button.click()
    assert viewer.fitting
    history = [page.side.history.item(r, 1).text() for r in range(page.side.history.rowCount())]
    assert history == ["Item stored", "Content read from the stored original", "Item viewed"]
    assert "1600 × 400" in page.side.details.toPlainText()
    with qtbot.waitSignal(page.back_requested):
        qtbot.keyClick(page.back_button, Qt.Key.Key_Space)


def test_chat_and_email_of_the_demo_case(qtbot: QtBot, controller: AppController) -> None:
    open_demo(qtbot, controller)
    workspace = controller.window.workspace
    assert workspace is not None
    rows = {row.summary.kind: row for row in workspace.model.rows()}
    page = workspace.item_page
    with qtbot.waitSignal(page.item_loaded, timeout=20_000):
        workspace.open_item(rows["chat"].id)
    assert page.viewers.currentWidget() is page.chat_view
    text = page.chat_view.toPlainText()
    assert "Ik weet waar je werkt.\nIk wacht morgen buiten." in text
    assert "This message was deleted." in text
    assert "A photo, video or file was not included in the export." in text
    index = workspace.model.index(workspace.model.position_of(rows["chat"].id) or 0, Column.PLATFORM)
    assert workspace.model.data(index) == "WhatsApp"
    with qtbot.waitSignal(page.item_loaded, timeout=20_000):
        workspace.open_item(rows["email"].id)
    assert page.viewers.currentWidget() is page.email_view
    shown = page.email_view.toPlainText()
    assert (
        "From\tA friend <throwaway.sender@example.net>" in shown
        or "A friend <throwaway.sender@example.net>" in shown
    )
    assert "Ik weet waar je nu woont." in shown
    assert "Subject" in shown and "Ik weet waar je woont" in shown


def test_search_finds_chat_text_and_notes(qtbot: QtBot, controller: AppController) -> None:
    open_demo(qtbot, controller)
    workspace = controller.window.workspace
    assert workspace is not None
    lst = workspace.list
    lst.search.setText("BLAUWE deur")
    lst.apply_filter()
    assert [r.summary.kind for r in lst.visible_rows()] == ["email"]
    lst.search.setText("wacht morgen")
    lst.apply_filter()
    assert [r.summary.kind for r in lst.visible_rows()] == ["chat"]
    lst.search.clear()
    lst.kind.setCurrentIndex(lst.kind.findData("image"))
    assert len(lst.visible_rows()) == 2
    assert lst.count.text() == "2 of 5 items"


def test_uncommon_text_in_a_chat_is_shown_exactly(
    qtbot: QtBot,
    controller: AppController,
    vault_path: tuple[Path, str],
    tmp_path: Path,
    uncommon_text: tuple[str, ...],
) -> None:
    path, _code = vault_path
    chat = tmp_path / "WhatsApp Chat with Anna.txt"
    lines = [line.replace("\n", " ") for line in uncommon_text if "\x0b" not in line and "\x0c" not in line]
    _chat(chat, lines)
    with Vault.open(path, PASSPHRASE) as vault:
        from evidence_kit.importers.batch import add_paths

        [result] = list(add_paths(vault, [chat]))
    open_vault(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    with qtbot.waitSignal(workspace.item_page.item_loaded, timeout=20_000):
        workspace.open_item(result.items[0].id)
    shown = workspace.item_page.chat_view.toPlainText()
    detail = workspace.item_page.detail
    assert detail is not None and detail.conversation is not None
    assert len(detail.conversation.messages) == len(lines)
    for message in detail.conversation.messages:  # what the vault holds is what the view shows
        printable = "".join(c for c in message.text if c == "\t" or unicodedata.category(c) != "Cc")
        assert printable[:300] in shown
    assert "Arabic: مرحبا، هذا نص عربي للاختبار" in shown
    assert "Emoji with skin tones: 👍🏽 👋🏿" in shown
    assert "Zero-width joiners: 👨\u200d👩\u200d👧\u200d👦" in shown


def test_edit_a_note_and_category(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], tmp_path: Path
) -> None:
    path, _code = vault_path
    file = tmp_path / "message.txt"
    file.write_text("You will regret this.", encoding="utf-8")
    with Vault.open(path, PASSPHRASE) as vault:
        item_id = vault.add_file(file).id
    open_vault(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    page = workspace.item_page
    with qtbot.waitSignal(page.item_loaded, timeout=20_000):
        workspace.open_item(item_id)
    assert page.viewers.currentWidget() is page.file_view
    assert page.file_view.toPlainText() == "You will regret this."
    side = page.side
    assert not side.save_button.isEnabled()
    side.note.setPlainText("Sent by Mark at night — Anna de Vries")
    side.category.setEditText("Threat")
    assert side.save_button.isEnabled()
    with qtbot.waitSignal(page.note_saved, timeout=20_000):
        side.save_button.click()
    assert side.saved_label.text() == "Saved, and recorded in the custody log."
    row = workspace.model.row_by_id(item_id)
    assert row is not None and row.summary.note == "Sent by Mark at night — Anna de Vries"
    assert row.summary.category == "Threat"
    history = [side.history.item(r, 1).text() for r in range(side.history.rowCount())]
    assert history[-2:] == ["Note changed", "Category changed"]
    # A note typed but not saved is saved when the vault locks, not lost.
    side.note.setPlainText("Typed, then locked")
    controller.lock()
    wait_idle(qtbot, controller)
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.item(item_id).note == "Typed, then locked"
        changes = [dict(e.data) for e in vault.custody_log(item_id) if e.event_type == EventType.NOTE_CHANGED]
        assert [(c["old"], c["new"]) for c in changes] == [
            ("", "Sent by Mark at night — Anna de Vries"),
            ("Sent by Mark at night — Anna de Vries", "Typed, then locked"),
        ]


def test_save_a_copy_of_the_original(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], tmp_path: Path
) -> None:
    path, _code = vault_path
    file = tmp_path / "evidence.bin"
    file.write_bytes(bytes(range(256)) * 10)
    with Vault.open(path, PASSPHRASE) as vault:
        item_id = vault.add_file(file).id
    open_vault(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    page = workspace.item_page
    with qtbot.waitSignal(page.item_loaded, timeout=20_000):
        workspace.open_item(item_id)
    assert page.no_preview.text().startswith("This file cannot be shown here.")
    target = tmp_path / "out" / "copy.bin"
    target.parent.mkdir()
    page.extract_to(target)
    qtbot.waitUntil(lambda: target.is_file(), timeout=20_000)
    assert target.read_bytes() == file.read_bytes()
    qtbot.waitUntil(
        lambda: (
            page.side.history.rowCount() == 3
            and page.side.history.item(2, 1).text() == "Copy of the original saved"
        ),
        timeout=10_000,
    )


def test_a_report_of_many_files_fills_in_batches_without_losing_a_row(qtbot: QtBot) -> None:
    from evidence_kit.domain import AddResult, ParseWarning
    from evidence_kit.ui.views.import_report import ImportReportDialog

    warning = ParseWarning("odd_line", "Line {line} was not understood.", (("line", "7"),))
    results = [
        AddResult(f"/fictional/note {n:03d}.txt", recognised_as="file", warnings=(warning,) if n % 2 else ())
        for n in range(250)
    ]
    report = ImportReportDialog(results, cancelled=True, total_files=260)
    qtbot.addWidget(report)
    # The dialog opens with the first rows, never with all of a long report built at once.
    assert 0 < report.tree.topLevelItemCount() < 250 and not report.complete
    qtbot.waitUntil(lambda: report.complete, timeout=5_000)
    rows = report.outcome_texts()
    assert [path for path, _ in rows[:250]] == [r.path for r in results]  # every file, in order
    assert rows[-1][1] == "not added (cancelled)" and len(rows) == 251
    with_warning = report.tree.topLevelItem(1)
    assert with_warning is not None and with_warning.isExpanded()
    assert with_warning.child(0).text(1) == "⚠ Line 7 was not understood."


def test_an_open_vault_keeps_collections_short_and_a_lock_hands_everything_back(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    import gc

    path, _code = vault_path
    open_vault(qtbot, controller, path)
    assert gc.get_freeze_count() > 10_000  # the loaded app's objects are out of full collections
    controller.lock()
    assert gc.get_freeze_count() == 0


def test_give_an_item_offence_categories(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], tmp_path: Path
) -> None:
    path, _code = vault_path
    file = tmp_path / "post.txt"
    file.write_text("I know where you live (fictional).", encoding="utf-8")
    with Vault.open(path, PASSPHRASE) as vault:
        item_id = vault.add_file(file).id
    open_vault(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    page = workspace.item_page
    with qtbot.waitSignal(page.item_loaded, timeout=20_000):
        workspace.open_item(item_id)
    tab = page.side.offences
    assert not tab.save_button.isEnabled() and tab.chosen == ()
    tab.categories.set_checked(["threats", "doxing"])
    assert tab.save_button.isEnabled() and tab.status.text() == "Not saved yet."
    with qtbot.waitSignal(page.note_saved, timeout=20_000):
        tab.save_button.click()
    assert tab.status.text() == "Saved, and recorded in the custody log." and not tab.save_button.isEnabled()
    row = workspace.model.row_by_id(item_id)
    assert row is not None and row.summary.offences == ("doxing", "threats")
    history = [page.side.history.item(r, 1).text() for r in range(page.side.history.rowCount())]
    assert history[-1] == "Offence categories changed"
    controller.lock()
    wait_idle(qtbot, controller)
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.item(item_id).offences == ("doxing", "threats")
        assert vault.verify(record=False).ok
