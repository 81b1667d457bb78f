"""The case screens work from the keyboard: in each, in Dutch and English, every Alt+letter on
screen leads to one place only (fictional data)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from evidence_kit.storage.incidents import IncidentFields
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.views.case_window import CaseWindow

from .conftest import open_vault, wait_idle
from .test_case_work import in_vault

MNEMONIC = re.compile(r"&([^&\s])")


def _letters(root: QWidget) -> Counter[str]:
    texts: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not widget.isEnabled():
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            texts.append(widget.text())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(n) for n in range(widget.count()))
    return Counter(m.group(1).casefold() for text in texts for m in MNEMONIC.finditer(text.replace("&&", "")))


def assert_unique(root: QWidget, where: str) -> None:
    twice = sorted(letter for letter, count in _letters(root).items() if count > 1)
    assert twice == [], f"{where}: Alt+{twice} leads to more than one place"


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_alt_letter_is_unique_on_each_case_screen(
    qtbot: QtBot,
    make_controller: object,
    vault_path: tuple[Path, str],
    language: str,
) -> None:
    controller: AppController = make_controller(language)  # type: ignore[operator]
    open_vault(qtbot, controller, vault_path[0])
    in_vault(
        qtbot,
        controller,
        lambda v: v.record_incident(IncidentFields(what="Fictional.", urls=("https://x.example/1",))),
    )
    window = controller.window.case.show_page("incidents")
    assert isinstance(window, CaseWindow)
    wait_idle(qtbot, controller)
    qtbot.waitUntil(lambda: window.log.table.rowCount() == 1)
    for number in range(window.tabs.count()):
        window.tabs.setCurrentIndex(number)
        assert_unique(window, f"case window, tab {number}")
    window.tabs.setCurrentIndex(0)
    window.log.table.selectRow(0)
    editor = window.log.edit_selected()
    assert editor is not None
    for number in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(number)
        assert_unique(editor, f"incident editor, tab {number}")
    editor.reject()
    notice = window.log.notice_for_selected()
    assert notice is not None
    assert_unique(notice, "notice dialog")
    notice.reject()
    person = window.people.add_person()
    assert_unique(person, "person dialog")
    person.reject()
