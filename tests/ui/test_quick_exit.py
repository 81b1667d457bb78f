"""Quick exit works from every state of the app: each dialog, a file dialog's own event loop,
a running import. The key goes to the window the system would give it to (the dialog's), and
by the time the key press returns every window is hidden and the vault is locked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from evidence_kit.domain import ItemKind
from evidence_kit.errors import EvidenceKitError
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.controller_api import LOCK_QUICK_EXIT
from tests.ui.conftest import open_vault, wait_idle

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def press_quick_exit(qtbot: QtBot, target: QWidget) -> None:
    handle = target.windowHandle()
    assert handle is not None
    qtbot.keyClick(handle, Qt.Key.Key_Q, CTRL_SHIFT)


def assert_gone(controller: AppController) -> None:
    assert visible_windows() == []
    assert controller.session is None
    assert controller.lock_reason == LOCK_QUICK_EXIT


def quick_exit_once_modal(qtbot: QtBot, seen: list[QWidget]) -> None:
    """Press Ctrl+Shift+Q in the modal dialog as soon as one is up (for blocking calls)."""

    def fire() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible():
            QTimer.singleShot(20, fire)
            return
        seen.append(modal)
        press_quick_exit(qtbot, modal)

    QTimer.singleShot(20, fire)


@pytest.mark.parametrize(
    "opener",
    [
        pytest.param(lambda w: w.export_dossier(), id="export"),
        pytest.param(lambda w: w.open_settings(), id="settings"),
        pytest.param(lambda w: w.change_passphrase(), id="change-passphrase"),
        pytest.param(lambda w: w.show_about(), id="about"),
    ],
)
def test_quick_exit_from_an_open_dialog(
    qtbot: QtBot,
    controller: AppController,
    vault_path: tuple[Path, str],
    opener: Callable[[QWidget], None],
) -> None:
    open_vault(qtbot, controller, vault_path[0])
    opener(controller.window)  # type: ignore[arg-type]
    modal = QApplication.activeModalWidget()
    assert modal is not None and modal.isVisible()
    press_quick_exit(qtbot, modal)
    assert_gone(controller)
    wait_idle(qtbot, controller)


def test_quick_exit_from_the_unlock_dialog(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    controller.window.unlock(vault_path[0])
    dialog = controller.window.unlock_dialog
    dialog.passphrase.setText("typed half way")
    press_quick_exit(qtbot, dialog)
    assert visible_windows() == []
    assert controller.lock_reason == LOCK_QUICK_EXIT or controller.session is None


@pytest.mark.parametrize(
    "blocking",
    [
        pytest.param(lambda w: w.add_files(), id="file-dialog"),
        pytest.param(
            lambda w: w._demo_failed(EvidenceKitError(detail="fictional failure")), id="message-box"
        ),
    ],
)
def test_quick_exit_ends_a_dialogs_own_event_loop(
    qtbot: QtBot,
    controller: AppController,
    vault_path: tuple[Path, str],
    blocking: Callable[[QWidget], None],
) -> None:
    open_vault(qtbot, controller, vault_path[0])
    seen: list[QWidget] = []
    quick_exit_once_modal(qtbot, seen)
    blocking(controller.window)  # returns because quick exit ended its loop
    assert seen, "no modal dialog came up"
    assert_gone(controller)
    if isinstance(seen[0], QFileDialog):
        assert controller.window.workspace is None  # nothing was imported after the lock
    wait_idle(qtbot, controller)


def test_quick_exit_during_a_running_import(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], tmp_path: Path
) -> None:
    open_vault(qtbot, controller, vault_path[0])
    files = []
    for n in range(40):
        path = tmp_path / f"note-{n}.txt"
        path.write_text(f"fictional note {n}\n" * 200, encoding="utf-8")
        files.append(str(path))
    workspace = controller.window.workspace
    assert workspace is not None
    job = workspace.import_paths(files)
    assert job is not None
    progress = QApplication.activeModalWidget()
    assert progress is not None
    press_quick_exit(qtbot, progress)
    assert_gone(controller)
    wait_idle(qtbot, controller)


def test_escape_that_closed_a_dialog_does_not_count_towards_quick_exit(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    open_vault(qtbot, controller, vault_path[0])
    controller.window.show_about()
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_Escape)  # closes the dialog, as Esc should
    assert not dialog.isVisible()
    qtbot.keyClick(controller.window.windowHandle(), Qt.Key.Key_Escape)  # an ordinary Esc
    assert controller.session is not None and controller.window.isVisible()


def test_quick_exit_from_the_already_in_the_vault_question(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], tmp_path: Path
) -> None:
    from tests.ui.test_duplicates import vault_with_a_photo, wait_for_question

    shot, _copy, _new = vault_with_a_photo(tmp_path, vault_path[0])
    open_vault(qtbot, controller, vault_path[0])
    workspace = controller.window.workspace
    assert workspace is not None
    workspace.import_paths([str(shot)])
    dialog = wait_for_question(qtbot, workspace)
    assert QApplication.activeModalWidget() is dialog
    press_quick_exit(qtbot, dialog)
    assert_gone(controller)
    wait_idle(qtbot, controller)


def _drag_event(kind: type, window: QWidget, mime: QMimeData) -> QDropEvent:
    point = QPoint(window.width() // 2, window.height() // 2)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    return kind(point, Qt.DropAction.CopyAction, mime, buttons, keys)  # type: ignore[no-any-return]


def test_quick_exit_during_a_drag_and_the_late_drop_imports_nothing(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], tmp_path: Path
) -> None:
    open_vault(qtbot, controller, vault_path[0])
    window = controller.window
    dropped = tmp_path / "threat screenshot.txt"
    dropped.write_text("fictional threat\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    enter = _drag_event(QDragEnterEvent, window, mime)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()  # the drag hovers over the window, ready to drop
    QApplication.sendEvent(window, _drag_event(QDragMoveEvent, window, mime))
    press_quick_exit(qtbot, window)  # the person presses quick exit with the file still held
    assert_gone(controller)
    drop = _drag_event(QDropEvent, window, mime)
    QApplication.sendEvent(window, drop)  # the mouse button is let go after the exit
    assert not drop.isAccepted()
    assert window.workspace is None and controller.session is None
    wait_idle(qtbot, controller)
    from evidence_kit.vault import Vault
    from tests.ui.conftest import PASSPHRASE

    with Vault.open(vault_path[0], PASSPHRASE) as vault:
        assert vault.items() == []


def test_quick_exit_from_a_full_screen_image(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    from tests.ui.conftest import open_demo

    open_demo(qtbot, controller)
    window = controller.window
    workspace = window.workspace
    assert workspace is not None
    image = next(row for row in workspace.model.rows() if row.summary.kind is ItemKind.IMAGE)
    workspace.open_item(image.id)
    qtbot.waitUntil(lambda: workspace.pages.currentWidget() is workspace.item_page, timeout=10_000)
    window.showFullScreen()
    qtbot.waitUntil(window.isFullScreen, timeout=5_000)
    press_quick_exit(qtbot, window)
    assert_gone(controller)
    wait_idle(qtbot, controller)


def click_dialog_quick_exit(qtbot: QtBot, dialog: QWidget) -> None:
    """Click the red Quick exit button the dialog itself shows (the toolbar's is blocked by it)."""
    from PySide6.QtWidgets import QPushButton

    from evidence_kit.ui.widgets.dialog_quick_exit import BUTTON_NAME

    shown = [b for b in dialog.findChildren(QPushButton, BUTTON_NAME) if b.isVisible()]
    assert len(shown) == 1, f"{type(dialog).__name__} shows {len(shown)} Quick exit buttons"
    button = shown[0]
    assert button.isEnabled() and not button.isDefault() and not button.autoDefault()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    "opener",
    [
        pytest.param(lambda w: w.export_dossier(), id="export"),
        pytest.param(lambda w: w.open_settings(), id="settings"),
        pytest.param(lambda w: w.change_passphrase(), id="change-passphrase"),
    ],
)
def test_every_modal_dialog_has_its_own_quick_exit_button(
    qtbot: QtBot,
    controller: AppController,
    vault_path: tuple[Path, str],
    opener: Callable[[QWidget], None],
) -> None:
    open_vault(qtbot, controller, vault_path[0])
    opener(controller.window)  # type: ignore[arg-type]
    modal = QApplication.activeModalWidget()
    assert modal is not None and modal.isVisible()
    click_dialog_quick_exit(qtbot, modal)
    assert_gone(controller)
    wait_idle(qtbot, controller)


@pytest.mark.parametrize(
    "blocking",
    [
        pytest.param(lambda w: w.add_files(), id="qt-file-dialog"),
        pytest.param(
            lambda w: w._demo_failed(EvidenceKitError(detail="fictional failure")), id="message-box"
        ),
    ],
)
def test_the_mouse_ends_a_dialogs_own_event_loop_too(
    qtbot: QtBot,
    controller: AppController,
    vault_path: tuple[Path, str],
    blocking: Callable[[QWidget], None],
) -> None:
    open_vault(qtbot, controller, vault_path[0])
    seen: list[QWidget] = []

    def fire() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible():
            QTimer.singleShot(20, fire)
            return
        seen.append(modal)
        click_dialog_quick_exit(qtbot, modal)

    QTimer.singleShot(20, fire)
    blocking(controller.window)  # returns because the click ended its loop
    assert seen, "no modal dialog came up"
    assert_gone(controller)
    wait_idle(qtbot, controller)


def test_the_mouse_quick_exits_a_running_import_and_the_unlock_dialog(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], tmp_path: Path
) -> None:
    open_vault(qtbot, controller, vault_path[0])
    files = []
    for n in range(40):
        path = tmp_path / f"note-{n}.txt"
        path.write_text(f"fictional note {n}\n" * 200, encoding="utf-8")
        files.append(str(path))
    workspace = controller.window.workspace
    assert workspace is not None
    assert workspace.import_paths(files) is not None
    progress = QApplication.activeModalWidget()
    assert progress is not None
    click_dialog_quick_exit(qtbot, progress)
    assert_gone(controller)
    wait_idle(qtbot, controller)
    controller.window.show()
    controller.window.unlock(vault_path[0])
    dialog = controller.window.unlock_dialog
    click_dialog_quick_exit(qtbot, dialog)
    assert visible_windows() == []


def test_a_non_modal_window_gets_no_extra_button(qtbot: QtBot, controller: AppController) -> None:
    from PySide6.QtWidgets import QPushButton

    from evidence_kit.ui.widgets.dialog_quick_exit import BUTTON_NAME

    controller.window.show_help()
    help_window = next(w for w in visible_windows() if w is not controller.window)
    assert help_window.findChild(QPushButton, BUTTON_NAME) is None  # the toolbar button is not blocked
