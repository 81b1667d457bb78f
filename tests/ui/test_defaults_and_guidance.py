"""Issue #15 through the real window: defaults that serve the user and ways out of every dialog.

The export dialog proposes the whole case; an item found by a search opens at the match with
every match marked and next/previous; Ctrl+V pastes words into the search box and imports a
picture whatever has the focus; a number meets its noun in the right plural form in both
languages; chat senders keep distinct colours; every dialog has a Close button and closes with
Esc; a file dialog leaves nothing in the desktop's recent files.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from evidence_kit.domain import Conversation, Message
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.views.message_views import ChatView
from evidence_kit.ui.widgets import file_dialogs
from evidence_kit.ui.widgets.colours import MIN_CONTRAST, contrast, hex_colour

from .conftest import open_demo, wait_idle


def _rows_by_kind(controller: AppController) -> dict[str, int]:
    workspace = controller.window.workspace
    assert workspace is not None
    return {row.summary.kind: row.id for row in workspace.model.rows()}


def test_found_item_opens_at_the_match_and_export_proposes_the_whole_case(
    qtbot: QtBot, controller: AppController
) -> None:
    open_demo(qtbot, controller)
    window = controller.window
    workspace = window.workspace
    assert workspace is not None
    lst = workspace.list
    lst.search.setText("wacht je")
    lst.apply_filter()
    found = lst.visible_rows()
    assert [row.summary.kind for row in found] == ["chat"]
    page = workspace.item_page
    lst.select_item(found[0].id)
    with qtbot.waitSignal(page.item_loaded, timeout=20_000):
        qtbot.keyClick(lst.table, Qt.Key.Key_Return)
    chat = page.chat_view
    bar = page.find_bar
    shown = chat.toPlainText().casefold()
    expected = shown.count("wacht") + shown.count("je")
    assert expected >= 3
    assert bar.isVisible() and len(bar.matches) == expected
    marked = [s.cursor.selectedText().casefold() for s in chat.extraSelections()]
    assert len(marked) == expected and set(marked) == {"wacht", "je"}
    assert bar.current == 0 and chat.textCursor().position() == bar.matches[0].selectionEnd()
    assert bar.label.text() == f"Match 1 of {expected} for “wacht je”"
    qtbot.keyClick(chat, Qt.Key.Key_F3)
    assert bar.current == 1 and chat.textCursor().position() == bar.matches[1].selectionEnd()
    bar.previous_button.click()
    bar.previous_button.click()
    assert bar.current == expected - 1  # previous from the first wraps to the last
    bar.close_button.click()
    assert chat.extraSelections() == [] and not bar.isVisible()

    # Having looked at one item, the export still proposes the whole case.
    window.export_dossier()
    dialog = window.export_dialog
    assert dialog.all_radio.isChecked() and dialog.all_radio.text() == "&All items of the case (5)"
    assert dialog.selected_radio.isEnabled() and dialog.selected_radio.text() == "Only the &selected item (1)"
    dialog.reject()


def test_ctrl_v_pastes_words_into_search_and_imports_a_picture_from_anywhere(
    qtbot: QtBot, controller: AppController
) -> None:
    open_demo(qtbot, controller)
    workspace = controller.window.workspace
    assert workspace is not None
    search = workspace.list.search
    search.setFocus()
    QGuiApplication.clipboard().setText("blauwe deur")
    qtbot.keyClick(search, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert search.text() == "blauwe deur"
    assert workspace.model.rowCount() == 5  # words are search words, not evidence

    picture = QImage(40, 30, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkGreen)
    QGuiApplication.clipboard().setImage(picture)
    with qtbot.waitSignal(workspace.pasted, timeout=20_000) as pasted:
        qtbot.keyClick(search, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert search.text() == "blauwe deur"  # the search box did not swallow the key
    assert pasted.args[0].summary.kind == "image"
    assert workspace.model.rowCount() == 6

    # Text with the focus on the list: nothing is stored, and the status bar says why.
    QGuiApplication.clipboard().setText("een bericht")
    qtbot.keyClick(workspace.list.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert controller.window.statusBar().currentMessage().startswith("The clipboard holds text,")
    wait_idle(qtbot, controller)
    assert workspace.model.rowCount() == 6


def test_plurals_of_one_and_two_in_both_languages(qtbot: QtBot, controller: AppController) -> None:
    open_demo(qtbot, controller)
    expected = {
        "en": ("Only the &selected item (1)", "Only the &selected items (2)", "1 of 5 items", "1 of 1 file"),
        "nl": (
            "Alleen het &geselecteerde item (1)",
            "Alleen de &geselecteerde items (2)",
            "1 van 5 items",
            "1 van 1 bestand",
        ),
    }
    for language, (one, two, count, progress) in expected.items():
        controller.apply_language(language)
        window = controller.window  # the window is built again in the new language
        workspace = window.workspace
        assert workspace is not None
        qtbot.waitUntil(lambda ws=workspace: ws.loaded and ws.model.rowCount() == 5, timeout=20_000)
        table = workspace.list.table
        table.selectRow(0)
        window.export_dossier()
        assert window.export_dialog.selected_radio.text() == one
        window.export_dialog.reject()
        flags = QItemSelectionModel.SelectionFlag
        table.selectionModel().select(
            QItemSelection(table.model().index(0, 0), table.model().index(1, 0)),
            flags.ClearAndSelect | flags.Rows,
        )
        window.export_dossier()
        assert window.export_dialog.selected_radio.text() == two
        window.export_dialog.reject()
        workspace.list.search.setText("BLAUWE deur")
        workspace.list.apply_filter()
        assert workspace.list.count.text() == count
        workspace.list.search.clear()
        workspace.list.apply_filter()
        from evidence_kit.progress import ProgressInfo
        from evidence_kit.ui.views.progress import ProgressDialog

        dialog = ProgressDialog("x", lambda: None, window)
        dialog.update_progress(
            ProgressInfo(done_files=1, total_files=1, done_bytes=0, total_bytes=0, current="")
        )
        assert dialog.files.text() == progress
        dialog.finish()
    controller.apply_language("en")


def test_eight_or_more_senders_get_distinct_colours_and_own_messages_sit_right(qtbot: QtBot) -> None:
    view = ChatView()
    qtbot.addWidget(view)
    senders = [f"Deelnemer {n}" for n in range(12)]
    messages = [Message(sender=name, text=f"hallo van {name}") for name in senders]
    messages.append(Message(sender="Ik", text="mijn eigen bericht", extra=(("direction", "outgoing"),)))
    view.set_conversation(Conversation(platform="sms", messages=tuple(messages)), {}, (), {})
    shades = [view.shades.shade(name) for name in senders]
    assert len(set(shades)) == len(senders)
    bubbles = [view.colours.bubble(shade) for shade in shades]
    sender_colours = {hex_colour(colour) for _background, colour in bubbles}
    assert len(sender_colours) == len(senders)
    assert all(contrast(colour, background) >= MIN_CONTRAST for background, colour in bubbles)
    html_text = view.toHtml()
    own = html_text[html_text.rfind("<table", 0, html_text.find("mijn eigen bericht")) :]
    other = html_text[html_text.rfind("<table", 0, html_text.find("hallo van Deelnemer 0")) :]
    assert 'align="right"' in own.split(">", 1)[0]
    assert 'align="right"' not in other.split(">", 1)[0]


def test_every_dialog_has_a_close_button_and_closes_with_esc(qtbot: QtBot, controller: AppController) -> None:
    open_demo(qtbot, controller)
    window = controller.window
    openers = {
        "custody log": (window.custody_log, "custody_dialog"),
        "help": (window.show_help, "help_dialog"),
        "about": (window.show_about, "about_dialog"),
        "export": (window.export_dossier, "export_dialog"),
        "settings": (window.open_settings, "settings_dialog"),
    }
    for name, (open_it, attribute) in openers.items():
        open_it()
        dialog = getattr(window, attribute)
        assert isinstance(dialog, QDialog) and dialog.isVisible(), name
        boxes = dialog.findChildren(QDialogButtonBox)
        closers = [
            button
            for box in boxes
            for button in box.buttons()
            if box.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole
        ]
        assert closers, f"{name} has no Close or Cancel button"
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible(), f"{name} did not close with Esc"
        open_it()
        dialog = getattr(window, attribute)
        closers = [
            b
            for box in dialog.findChildren(QDialogButtonBox)
            for b in box.buttons()
            if box.buttonRole(b) == QDialogButtonBox.ButtonRole.RejectRole
        ]
        closers[0].click()
        assert not dialog.isVisible(), f"{name} did not close with its button"
    wait_idle(qtbot, controller)


def test_a_file_dialog_leaves_nothing_in_recent_files(
    qtbot: QtBot, controller: AppController, ui_home: Path
) -> None:
    evidence = ui_home / "Documents" / "threat screenshot.png"
    evidence.write_bytes(b"\x89PNG\r\n\x1a\n")
    seen: list[QFileDialog] = []
    closed_by_watchdog: list[str] = []
    deadline = time.monotonic() + 15

    def watchdog() -> None:
        # Runs on a repeating timer of its own, so it keeps running inside any nested event loop
        # (the file dialog's, or a message box the dialog might raise). It picks the file once the
        # dialog is shown; after 15 s it rejects every dialog left open, so a failure fails
        # instead of hanging the run.
        # The file name is typed into the dialog's name box, as a person does: selectFile()
        # leaves a focused name box alone and waits for the folder listing, which a busy
        # machine may not deliver in time.
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        if dialogs and not seen and time.monotonic() < deadline:
            dialog = dialogs[0]
            name_box = dialog.findChild(QLineEdit, "fileNameEdit")
            assert name_box is not None
            name_box.setText(evidence.name)
            if dialog.selectedFiles() == [str(evidence)]:
                seen.append(dialog)
                QTimer.singleShot(0, dialog.accept)  # accept from the event loop, not inside this slot
        elif time.monotonic() > deadline:
            for window in QApplication.topLevelWidgets():
                if isinstance(window, QDialog) and window.isVisible():
                    closed_by_watchdog.append(f"{type(window).__name__}: {window.windowTitle()}")
                    window.reject()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(watchdog)
    timer.start()
    try:
        chosen = file_dialogs.open_files(controller.window, "Add files", str(evidence.parent))
    finally:
        timer.stop()
    assert closed_by_watchdog == []
    assert chosen == [str(evidence)]
    assert seen and not file_dialogs.native_allowed()  # Linux: Qt's own dialog, never GTK's
    recent = [ui_home / ".local" / "share" / "recently-used.xbel", ui_home / ".recently-used.xbel"]
    assert [path for path in recent if path.exists()] == []
    for conf in (ui_home / ".config").rglob("*"):
        if conf.is_file():
            assert "threat screenshot" not in conf.read_text(encoding="utf-8", errors="replace"), conf
    assert file_dialogs.native_allowed("darwin") and not file_dialogs.native_allowed("win32")


def test_reports_speak_plainly_with_the_technical_detail_apart(
    qtbot: QtBot, make_controller: object, vault_path: tuple[Path, str], tmp_path: Path
) -> None:
    from .conftest import open_vault

    controller = make_controller("nl")  # type: ignore[operator]
    path, _code = vault_path
    open_vault(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    broken = tmp_path / "Instagram export.zip"
    broken.write_bytes(b"PK\x03\x04 cut off while downloading")
    chat = tmp_path / "WhatsApp-chat met Mark.txt"
    chat.write_text("03-10-2026 23:05 - Mark: Waarom reageer je niet?\n", encoding="utf-8")
    with qtbot.waitSignal(workspace.import_finished, timeout=20_000):
        workspace.import_paths([str(broken), str(chat)])
    report = workspace.report
    assert report is not None
    shown: list[str] = []
    folded: list[str] = []
    for index in range(report.tree.topLevelItemCount()):
        item = report.tree.topLevelItem(index)
        assert item is not None
        shown.append(item.text(1))
        for child_index in range(item.childCount()):
            child = item.child(child_index)
            shown.append(child.text(1))
            if child in report.technical:
                assert not child.isExpanded()
                folded += [child.child(i).text(1) for i in range(child.childCount())]
    visible = "\n".join(text for text in shown if text not in folded)
    assert "zip-archief" in visible and "application/" not in visible
    assert folded and any("application/octet-stream" in detail for detail in folded)
    assert "Details (technisch)" in visible
    assert "dag/maand/jaar" in visible or "maand/dag/jaar" in visible
    assert "day/month" not in visible.replace("day/month or month/day", "")
    assert "month/year" not in visible
