"""Case work through the real window over a real vault: the incident log and its editor, item
links, the history, notices to platforms, "what is missing", and Quick exit from each dialog.
Fictional data only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from PIL import Image
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from evidence_kit.importers.batch import add_paths
from evidence_kit.storage.incidents import IncidentFields
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.views.case_window import INCIDENTS, CaseWindow
from evidence_kit.ui.views.incident_editor import IncidentEditor
from evidence_kit.ui.widgets.dialog_quick_exit import BUTTON_NAME
from evidence_kit.ui.workers import JobKind
from evidence_kit.vault import Vault

from .conftest import FAST, PASSPHRASE, open_vault, wait_idle
from .test_quick_exit import assert_gone, press_quick_exit

T = TypeVar("T")

URL = "https://social.example/fictional/post/4711"


@pytest.fixture
def case_vault(tmp_path: Path) -> tuple[Path, list[int]]:
    """A vault with two fictional items: a screenshot (no camera, no source) and a text file."""
    path = tmp_path / "case.ekvault"
    vault, _code = Vault.create(path, PASSPHRASE, case_title="Fictional case", kdf=FAST)
    picture = tmp_path / "screenshot.png"
    Image.new("RGB", (40, 30), (200, 40, 40)).save(picture, "PNG")
    text = tmp_path / "message.txt"
    text.write_text("fictional text\n", encoding="utf-8")
    ids = [item.id for result in add_paths(vault, [picture, text]) for item in result.items]
    vault.close()
    assert len(ids) == 2
    return path, ids


def open_case(qtbot: QtBot, controller: AppController, path: Path) -> CaseWindow:
    open_vault(qtbot, controller, path)
    controller.window.case.incidents_action.trigger()
    window = controller.window.case.case_window
    assert window is not None and window.isVisible()
    wait_idle(qtbot, controller)
    return window


def in_vault(qtbot: QtBot, controller: AppController, work: Callable[[Vault], T]) -> T:
    """Run `work` on the open vault in the app's worker thread (where every vault call runs)."""
    results: list[T] = []
    controller.worker.submit(lambda ctx: work(ctx.vault), kind=JobKind.WRITE, done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    return results[0]


def select(qtbot: QtBot, controller: AppController, item_id: int) -> None:
    """Select one item in the evidence list, as a click does. Through the selection model: a key
    press an earlier test's Quick exit never released (its window hid first) leaves Ctrl or Shift
    down for `selectRow`, which then toggles or extends instead."""
    workspace = controller.window.workspace
    assert workspace is not None
    table, proxy, model = workspace.list.table, workspace.list.proxy, workspace.model

    def selected() -> bool:
        position = model.position_of(item_id)
        if position is None:
            return False
        index = proxy.mapFromSource(model.index(position, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        table.selectionModel().select(index, flags)
        return [row.id for row in workspace.list.selected_rows()] == [item_id]

    qtbot.waitUntil(selected, timeout=10_000)


def fill_and_save(qtbot: QtBot, editor: IncidentEditor, what: str) -> None:
    editor.what.setPlainText(what)
    editor.started.setText("2026-03-10 21:15")
    editor.platform.setText("Instagram")
    editor.urls.setPlainText(URL)
    editor.people.setPlainText("@fictional_account")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save_button.click()


def test_write_an_incident_edit_it_and_read_its_history(
    qtbot: QtBot, controller: AppController, case_vault: tuple[Path, list[int]]
) -> None:
    path, ids = case_vault
    window = open_case(qtbot, controller, path)
    editor = window.log.new_incident()
    assert editor.isVisible() and editor.isModal()
    editor.categories.set_checked(["threats"])
    editor.items.set_checked([ids[1]])
    editor.title.setText("Threat in a comment")
    fill_and_save(qtbot, editor, "A fictional threat in a comment.")
    assert not editor.isVisible()
    wait_idle(qtbot, controller)
    incidents = in_vault(qtbot, controller, lambda v: v.incidents())
    assert len(incidents) == 1
    fields = incidents[0].fields
    assert fields.what == "A fictional threat in a comment." and fields.title == "Threat in a comment"
    assert fields.urls == (URL,)
    assert fields.items == (ids[1],)
    assert fields.categories == ("threats",)
    assert fields.started.startswith("2026-03-10T21:15")
    qtbot.waitUntil(lambda: window.log.table.rowCount() == 1)
    assert window.log.table.item(0, 3).text() == "1"  # one linked item
    assert window.log.table.item(0, 1).text() == "Threat in a comment"  # listed by its title
    qtbot.waitUntil(lambda: window.log.selected_incident() is not None)  # the one just saved

    window.log.table.selectRow(0)
    edit = window.log.edit_selected()
    assert edit is not None
    assert edit.what.toPlainText() == "A fictional threat in a comment."
    assert edit.title.text() == "Threat in a comment"
    assert edit.started.text().startswith("2026-03-10 21:15")
    edit.items.set_checked(ids)
    edit.impact.setPlainText("Could not sleep (fictional).")
    with qtbot.waitSignal(edit.saved, timeout=10_000):
        edit.save_button.click()
    wait_idle(qtbot, controller)
    history = in_vault(qtbot, controller, lambda v: v.incident_history(incidents[0].incident_id))
    assert [v.version for v in history] == [1, 2]
    assert history[0].fields.items == (ids[1],)
    assert history[1].fields.items == tuple(ids)

    window.log.table.selectRow(0)
    edit = window.log.edit_selected()
    assert edit is not None
    edit.history_button.click()  # from the editor: the history opens on top of it
    dialog = window.log.history
    assert dialog is not None and QApplication.activeModalWidget() is dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert dialog.table.item(0, 2).text() == history[0].sha256
    dialog.show_version(1)
    shown = dialog.view.toPlainText()
    assert "A fictional threat in a comment." in shown
    assert "Could not sleep" not in shown  # version 1, read-only, as it was
    assert dialog.view.isReadOnly()


def test_a_refused_period_is_shown_and_nothing_typed_is_lost(
    qtbot: QtBot, controller: AppController, case_vault: tuple[Path, list[int]]
) -> None:
    window = open_case(qtbot, controller, case_vault[0])
    editor = window.log.new_incident()
    editor.what.setPlainText("Fictional messages for a week.")
    editor.started.setText("2026-03-10")
    editor.ended.setText("2026-03-01")
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.error_label.isVisible(), timeout=10_000)
    assert editor.error_label.text()
    assert editor.isVisible()
    assert editor.what.toPlainText() == "Fictional messages for a week."
    assert in_vault(qtbot, controller, lambda v: v.incidents()) == []


def test_new_incident_links_the_items_selected_in_the_evidence_list(
    qtbot: QtBot, controller: AppController, case_vault: tuple[Path, list[int]]
) -> None:
    path, ids = case_vault
    open_vault(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    select(qtbot, controller, ids[0])
    window = controller.window.case.show_page(INCIDENTS)
    assert window is not None
    editor = window.log.new_incident()
    assert editor.items.checked_keys() == [ids[0]]
    editor.what.setPlainText("Fictional.")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save_button.click()
    select(qtbot, controller, ids[1])
    qtbot.waitUntil(lambda: window.log.table.rowCount() == 1)
    window.log.table.selectRow(0)
    edit = window.log.edit_selected()
    assert edit is not None
    assert edit.items.checked_keys() == [ids[0]]  # an edit starts from what the incident links
    assert not edit.link_selected_button.isHidden()
    edit.link_selected_button.click()
    assert sorted(edit.items.checked_keys()) == sorted(ids)  # ticked too, nothing unticked


def test_a_notice_from_an_incident(
    qtbot: QtBot, controller: AppController, case_vault: tuple[Path, list[int]]
) -> None:
    path, _ids = case_vault
    window = open_case(qtbot, controller, path)
    in_vault(
        qtbot,
        controller,
        lambda v: v.record_incident(
            IncidentFields(
                what="Fictional doxing post.", platform="Instagram", urls=(URL,), categories=("doxing",)
            )
        ),
    )
    window.log.reload()
    qtbot.waitUntil(lambda: window.log.table.rowCount() == 1)
    window.log.table.selectRow(0)
    dialog = window.log.notice_for_selected()
    assert dialog is not None and dialog.isModal()
    text = dialog.text.toPlainText()
    assert URL in text
    assert "I declare in good faith" in text
    assert dialog.routes_label.isVisible() and "0900-8844" in dialog.routes_label.text()
    assert "Instagram: In the app: tap the three dots" in dialog.routes_label.text()  # its route
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    assert "Ik verklaar te goeder trouw" in dialog.text.toPlainText()
    dialog.name.setText("A. Fictional")
    assert "A. Fictional" in dialog.text.toPlainText()
    dialog.copy_button.click()
    assert URL in QApplication.clipboard().text()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    notices = in_vault(qtbot, controller, lambda v: v.notices())
    assert len(notices) == 1
    assert notices[0].fields.urls == (URL,)
    assert notices[0].fields.language == "nl"
    assert notices[0].fields.incident == 1
    dialog.status.setCurrentIndex(dialog.status.findData("sent"))
    dialog.status_note.setText("fictional reference 123")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.status_button.click()
    history = in_vault(qtbot, controller, lambda v: v.notice_history(notices[0].notice_id))
    assert [n.fields.status for n in history] == ["draft", "sent"]
    assert history[-1].fields.status_note == "fictional reference 123"
    qtbot.waitUntil(lambda: window.log.notice_table.rowCount() == 1)


def test_a_notice_about_the_item_chosen_in_the_evidence_list(
    qtbot: QtBot, controller: AppController, case_vault: tuple[Path, list[int]]
) -> None:
    path, ids = case_vault
    open_vault(qtbot, controller, path)
    assert controller.window.case.notice_for_item() is None  # nothing chosen yet
    in_vault(qtbot, controller, lambda v: v.set_note(ids[0], f"Seen at {URL}."))
    workspace = controller.window.workspace
    assert workspace is not None
    workspace.reload()
    qtbot.waitUntil(
        lambda: (row := workspace.model.row_by_id(ids[0])) is not None and URL in row.summary.note
    )
    select(qtbot, controller, ids[0])
    dialog = controller.window.case.notice_for_item()
    assert dialog is not None and dialog.isModal()
    assert dialog.urls.values() == (URL,)
    assert URL in dialog.text.toPlainText()
    dialog.save_button.click()  # no explanation yet: the core refuses, the dialog says so
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10_000)
    assert in_vault(qtbot, controller, lambda v: v.notices()) == []
    dialog.explanation.setPlainText("It shows my photo without my consent (fictional).")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    (notice,) = in_vault(qtbot, controller, lambda v: v.notices())
    assert notice.fields.items == (ids[0],)
    assert notice.fields.incident is None


def test_what_is_missing_for_an_item_and_the_case(
    qtbot: QtBot, controller: AppController, case_vault: tuple[Path, list[int]]
) -> None:
    path, ids = case_vault
    open_vault(qtbot, controller, path)
    summary = controller.window.case.gaps_button
    qtbot.waitUntil(lambda: summary.isVisible(), timeout=10_000)
    assert "what is missing" in summary.text()
    workspace = controller.window.workspace
    assert workspace is not None
    workspace.open_item(ids[0])  # the screenshot: no web address, no platform
    page = workspace.item_page
    qtbot.waitUntil(lambda: page.gaps_label.isVisible(), timeout=10_000)
    assert "say where this screenshot comes from" in page.gaps_label.text()
    page.side.note.setPlainText(f"Posted at {URL} on 10 March 2026")
    page.side.save_button.click()
    qtbot.waitUntil(lambda: "screenshot" not in page.gaps_label.text(), timeout=10_000)
    summary.click()
    window = controller.window.case.case_window
    assert window is not None and window.tabs.currentWidget() is window.gaps
    qtbot.waitUntil(lambda: window.gaps.list.count() >= 2, timeout=10_000)
    assert all(g.item_id in ids for g in window.gaps.gaps)
    with qtbot.waitSignal(window.open_item):
        window.gaps.list.itemDoubleClicked.emit(window.gaps.list.item(0))


def test_an_incidents_hints_show_in_its_editor(
    qtbot: QtBot, controller: AppController, case_vault: tuple[Path, list[int]]
) -> None:
    window = open_case(qtbot, controller, case_vault[0])
    in_vault(
        qtbot,
        controller,
        lambda v: v.record_incident(IncidentFields(what="Fictional.", platform="Instagram")),
    )
    window.log.reload()
    qtbot.waitUntil(lambda: window.log.table.rowCount() == 1)
    assert window.log.table.item(0, 4).text() == "4"
    window.log.table.selectRow(0)
    editor = window.log.edit_selected()
    assert editor is not None
    assert editor.gaps_label.isVisible()
    assert "no web address is given" in editor.gaps_label.text()
    editor.notice_button.click()  # from the editor: the notice opens on top of it
    notice = window.log.notice_dialog
    assert notice is not None and QApplication.activeModalWidget() is notice
    assert notice.platform.text() == "Instagram"


def _quick_exit_button(dialog: object) -> QPushButton:
    button = dialog.findChild(QPushButton, BUTTON_NAME)  # type: ignore[attr-defined]
    assert button is not None and button.isVisible()
    return button


@pytest.mark.parametrize("which", ["editor", "history", "notice"])
def test_quick_exit_from_the_case_dialogs(
    qtbot: QtBot, controller: AppController, case_vault: tuple[Path, list[int]], which: str
) -> None:
    window = open_case(qtbot, controller, case_vault[0])
    in_vault(
        qtbot,
        controller,
        lambda v: v.record_incident(IncidentFields(what="Fictional.", urls=(URL,), platform="X")),
    )
    window.log.reload()
    qtbot.waitUntil(lambda: window.log.table.rowCount() == 1)
    window.log.table.selectRow(0)
    opened = {
        "editor": window.log.edit_selected,
        "history": window.log.history_of_selected,
        "notice": window.log.notice_for_selected,
    }[which]()
    assert opened is not None
    assert QApplication.activeModalWidget() is opened
    button = _quick_exit_button(opened)  # the safety filter gave the modal dialog its own
    if which == "history":
        press_quick_exit(qtbot, opened)
    else:
        button.click()
    assert_gone(controller)
    assert controller.window.case.case_window is None
    wait_idle(qtbot, controller)


@pytest.mark.parametrize("which", ["toolbar", "own"])
def test_quick_exit_beside_the_case_window(
    qtbot: QtBot, controller: AppController, case_vault: tuple[Path, list[int]], which: str
) -> None:
    """The case window is not modal: the toolbar's red button stays usable, and the window shows
    its own, since it may cover the toolbar."""
    window = open_case(qtbot, controller, case_vault[0])
    assert not window.isModal()
    toolbar_button = controller.window.toolbar.widgetForAction(controller.window.quick_exit_action)
    assert toolbar_button is not None and toolbar_button.isVisible()
    assert toolbar_button.objectName() == "quickExitButton"
    own = _quick_exit_button(window)
    qtbot.mouseClick(toolbar_button if which == "toolbar" else own, Qt.MouseButton.LeftButton)
    assert_gone(controller)
    wait_idle(qtbot, controller)
