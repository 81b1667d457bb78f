"""The timeline and the people register through the real window over a real vault (fictional data)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from evidence_kit.importers.batch import add_paths
from evidence_kit.storage.incidents import IncidentFields
from evidence_kit.storage.people import PersonFields
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.models.timeline_entries import INCIDENT, ITEM
from evidence_kit.ui.views.case_window import PEOPLE, TIMELINE, CaseWindow
from evidence_kit.ui.views.timeline_view import ENTRY_KEY
from evidence_kit.vault import Vault

from .conftest import FAST, PASSPHRASE, open_vault, wait_idle
from .test_case_work import in_vault
from .test_quick_exit import assert_gone, press_quick_exit


@pytest.fixture
def timeline_vault(tmp_path: Path) -> tuple[Path, list[int]]:
    """Two items with times of their own, a threat incident linking the first, a doxing incident."""
    path = tmp_path / "case.ekvault"
    vault, _code = Vault.create(path, PASSPHRASE, case_title="Fictional case", kdf=FAST)
    picture = tmp_path / "Screenshot_20260310-211500.png"
    Image.new("RGB", (40, 30), (20, 90, 160)).save(picture, "PNG")
    text = tmp_path / "fictional.txt"
    text.write_text("fictional\n", encoding="utf-8")
    ids = [item.id for result in add_paths(vault, [picture, text]) for item in result.items]
    vault.record_incident(
        IncidentFields(
            what="Fictional threat.",
            started="2026-03-10 21:20",
            people=("@fictional_account",),
            categories=("threats",),
            items=(ids[0],),
        )
    )
    vault.record_incident(
        IncidentFields(
            what="Fictional address posted.", started="2026-03-12", ended="2026-03-14", categories=("doxing",)
        )
    )
    vault.add_person(PersonFields(names=("Fictional Person",), handles=("@fictional_account",)))
    vault.close()
    return path, ids


def open_page(qtbot: QtBot, controller: AppController, path: Path, page: str) -> CaseWindow:
    open_vault(qtbot, controller, path)
    window = controller.window.case.show_page(page)
    assert window is not None
    wait_idle(qtbot, controller)
    return window


def drawn(window: CaseWindow) -> set[tuple[str, int]]:
    keys = (item.data(ENTRY_KEY) for item in window.timeline.canvas.scene().items())
    return {tuple(key) for key in keys if key is not None}  # type: ignore[misc]


def test_timeline_filters_by_category_and_person_and_zooms(
    qtbot: QtBot, controller: AppController, timeline_vault: tuple[Path, list[int]]
) -> None:
    _path, ids = timeline_vault
    window = open_page(qtbot, controller, timeline_vault[0], TIMELINE)
    timeline = window.timeline
    qtbot.waitUntil(lambda: len(timeline.entries) == 4, timeout=10_000)
    everything = {(INCIDENT, 1), (INCIDENT, 2), (ITEM, ids[0]), (ITEM, ids[1])}
    assert drawn(window) == everything
    timeline.category.setCurrentIndex(timeline.category.findData("threats"))
    assert drawn(window) == {(INCIDENT, 1), (ITEM, ids[0])}
    timeline.category.setCurrentIndex(timeline.category.findData("doxing"))
    assert drawn(window) == {(INCIDENT, 2)}
    timeline.category.setCurrentIndex(0)
    assert drawn(window) == everything
    timeline.person.setCurrentIndex(1)  # the fictional person the threat names
    assert timeline.person.currentText() == "Fictional Person"
    assert drawn(window) == {(INCIDENT, 1)}
    timeline.person.setCurrentIndex(0)

    before = timeline.canvas.px_per_day
    timeline.zoom_in.click()
    assert timeline.canvas.px_per_day > before
    wheel = QWheelEvent(
        QPointF(50, 50), QPointF(50, 50), QPoint(0, 0), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    zoomed = timeline.canvas.px_per_day
    QApplication.sendEvent(timeline.canvas.viewport(), wheel)
    assert timeline.canvas.px_per_day < zoomed
    assert drawn(window) == everything  # zooming never hides anything


def test_a_double_click_on_the_timeline_opens_the_incident_or_item(
    qtbot: QtBot, controller: AppController, timeline_vault: tuple[Path, list[int]]
) -> None:
    _path, ids = timeline_vault
    window = open_page(qtbot, controller, timeline_vault[0], TIMELINE)
    canvas = window.timeline.canvas
    qtbot.waitUntil(lambda: len(window.timeline.entries) == 4, timeout=10_000)

    def point_of(key: tuple[str, int]) -> QPoint:
        shape = next(i for i in canvas.scene().items() if i.data(ENTRY_KEY) == key)
        canvas.ensureVisible(shape)
        return canvas.mapFromScene(shape.sceneBoundingRect().center())

    qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=point_of((INCIDENT, 1)))
    editor = window.log.editor
    assert editor is not None and editor.isVisible()
    assert editor.what.toPlainText() == "Fictional threat."
    editor.reject()
    with qtbot.waitSignal(window.open_item) as opened:
        qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=point_of((ITEM, ids[0])))
    assert opened.args == [ids[0]]
    workspace = controller.window.workspace
    assert workspace is not None and workspace.showing_item


def test_people_register_add_change_and_where_they_appear(
    qtbot: QtBot, controller: AppController, timeline_vault: tuple[Path, list[int]]
) -> None:
    window = open_page(qtbot, controller, timeline_vault[0], PEOPLE)
    people = window.people
    qtbot.waitUntil(lambda: people.table.rowCount() == 1, timeout=10_000)
    dialog = people.add_person()
    assert dialog.isModal()
    dialog.save_button.click()  # nothing typed: refused, shown in the dialog
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10_000)
    assert dialog.isVisible()
    dialog.names.setPlainText("Second Fictional")
    dialog.phones.setPlainText("06-00000002")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: people.table.rowCount() == 2, timeout=10_000)
    people_now = in_vault(qtbot, controller, lambda v: v.people())
    assert [p.fields.names for p in people_now] == [("Fictional Person",), ("Second Fictional",)]
    people.table.selectRow(1)
    change = people.edit_selected()
    assert change is not None and change.phones.toPlainText() == "06-00000002"
    change.handles.setPlainText("@second_fictional")
    with qtbot.waitSignal(change.saved, timeout=10_000):
        change.save_button.click()
    wait_idle(qtbot, controller)
    assert len(in_vault(qtbot, controller, lambda v: v.person_history(2))) == 2
    assert people.table.item(0, 2).text() == "0"  # items where the person appears


def test_quick_exit_from_the_person_dialog(
    qtbot: QtBot, controller: AppController, timeline_vault: tuple[Path, list[int]]
) -> None:
    window = open_page(qtbot, controller, timeline_vault[0], PEOPLE)
    dialog = window.people.add_person()
    assert QApplication.activeModalWidget() is dialog
    press_quick_exit(qtbot, dialog)
    assert_gone(controller)
    wait_idle(qtbot, controller)
