"""Quick exit stays on the toolbar (never in its overflow menu) at every width down to the
window's minimum, in Dutch and English; the PNGs are left in tmp_path to look at."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from evidence_kit.ui.controller import AppController
from tests.ui.conftest import open_vault


@pytest.mark.parametrize("language", ["nl", "en"])
def test_quick_exit_visible_at_every_width(
    qtbot: QtBot,
    make_controller: Callable[..., AppController],
    vault_path: tuple[Path, str],
    tmp_path: Path,
    language: str,
) -> None:
    controller = make_controller(language)
    open_vault(qtbot, controller, vault_path[0])  # the workspace shows every toolbar button
    window = controller.window
    button = window.toolbar.widgetForAction(window.quick_exit_action)
    assert isinstance(button, QToolButton)
    expected = "Snel weg" if language == "nl" else "Quick exit"
    assert button.text() == expected
    window.resize(1, 600)  # as narrow as the window lets itself be made
    QApplication.processEvents()
    minimum = window.width()
    assert minimum <= 800
    for width in (minimum, minimum + 60, 700, 900, 1000, 1200):
        window.resize(width, 600)
        QApplication.processEvents()
        assert button.isVisible(), width
        right = button.mapTo(window.toolbar, button.rect().topRight()).x()
        assert right <= window.toolbar.width(), width
        assert window.toolbar.rect().contains(button.geometry())
    window.resize(minimum, 600)
    QApplication.processEvents()
    window.grab().save(str(tmp_path / f"toolbar-{language}-{minimum}.png"))
    window.resize(1200, 600)
    QApplication.processEvents()
    labels = [
        w.toolButtonStyle()
        for a in window.toolbar.actions()
        if isinstance(w := window.toolbar.widgetForAction(a), QToolButton) and a.isVisible()
    ]
    assert len(set(labels)) == 1  # wide enough: every button has its label again
