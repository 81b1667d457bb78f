"""Accessibility and desktop conventions: every control a keyboard can reach has a name a screen
reader can say, Tab reaches every part of the main window, focus is visible, the standard keys
do what they do everywhere else, and About names the version and every licence.

Names are read the way assistive technology reads them: through QAccessible (the name Qt
exposes: the control's text, its accessible name or its buddy label), and, for combo boxes
(whose name on Linux is their current value), the accessible name or a labelling relation.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAccessible, QAction, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from evidence_kit import __version__
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.views.help import LIBRARIES
from evidence_kit.ui.views.progress import ProgressDialog
from evidence_kit.ui.widgets import file_dialogs
from evidence_kit.ui.widgets.colours import SchemeFollower, follow_system_look
from evidence_kit.ui.widgets.icons import icon
from evidence_kit.ui.widgets.passphrase import PassphraseEdit

from .conftest import open_demo, wait_idle

REPO = Path(__file__).resolve().parents[2]
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QGraphicsView,
    QTabBar,
)


@pytest.fixture
def system_look(qapp: QApplication) -> Iterator[SchemeFollower]:
    """The look `evidence-kit-gui` sets up at start; Qt's plain Fusion again afterwards."""
    style, palette = qapp.style().name() or "Fusion", qapp.palette()
    follower = follow_system_look(qapp)
    yield follower
    follower.setParent(None)
    follower.deleteLater()
    qapp.setStyle(style)
    qapp.setPalette(palette)


def _is_internal(widget: QWidget) -> bool:
    """Parts of a compound control that focus and name through their owner."""
    if widget.focusProxy() is not None:
        return True  # a spin box's line edit, an editable combo's line edit, a view's viewport
    parent = widget.parentWidget()
    if isinstance(widget, QHeaderView):
        return True  # a table's header: its columns are read as part of the table
    return isinstance(parent, QAbstractScrollArea) and widget is parent.viewport()


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces for `widget`."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, widget
    if isinstance(widget, QComboBox):
        # Qt on Linux exposes a combo box's value as its name and the label as a relation.
        labels = [
            other.text(QAccessible.Text.Name)
            for other, _relation in interface.relations(QAccessible.RelationFlag.Label)
            if isinstance(other.object(), QLabel)
        ]
        return (widget.accessibleName() or " ".join(labels)).replace("&", "").strip()
    return interface.text(QAccessible.Text.Name).replace("&", "").strip()


def interactive_controls(root: QWidget) -> list[QWidget]:
    """Every visible control in `root` a user can operate."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, INTERACTIVE) and not _is_internal(widget):
            found.append(widget)
    return found


def _describe(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName()!r}) in {type(widget.parentWidget()).__name__}"


def check_screen(root: QWidget, screen: str, seen: dict[str, int]) -> list[str]:
    """Problems on one screen: unnamed controls, and controls the keyboard cannot reach."""
    problems = []
    controls = interactive_controls(root)
    for widget in controls:
        in_toolbar = isinstance(widget, QToolButton) and isinstance(widget.parentWidget(), QToolBar)
        if isinstance(widget, QToolButton) and isinstance(widget.parentWidget(), (QLineEdit, QTabBar)):
            continue  # a field's icon button (its action has a key) or a tab bar's scroll arrow
        if not accessible_name(widget):
            problems.append(f"{screen}: {_describe(widget)} has no accessible name")
        if in_toolbar:
            continue  # toolbar buttons take no focus on any desktop; their actions have keys
        if widget.isEnabled() and not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            problems.append(f"{screen}: {_describe(widget)} cannot be reached with Tab")
    seen[screen] = len(controls)
    return problems


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    window = controller.window
    seen: dict[str, int] = {}
    problems = check_screen(window, "welcome", seen)
    window.welcome.show_locked("The vault is locked.", True)
    problems += check_screen(window, "locked", seen)
    window.welcome.hide_banner()

    window.create_vault()
    create = window.create_dialog
    problems += check_screen(create, "create vault", seen)
    create.pages.setCurrentIndex(1)
    problems += check_screen(create, "recovery code", seen)
    create.pages.setCurrentIndex(0)
    create.reject()
    window.unlock(tmp_path)
    unlock = window.unlock_dialog
    problems += check_screen(unlock, "unlock", seen)
    unlock.use_code.click()
    problems += check_screen(unlock, "unlock with code", seen)
    unlock.reject()

    open_demo(qtbot, controller)
    workspace = window.workspace
    assert workspace is not None
    problems += check_screen(window, "evidence list", seen)
    rows = {row.summary.kind: row for row in workspace.model.rows()}
    for kind in ("chat", "image", "email", "file"):
        with qtbot.waitSignal(workspace.item_page.item_loaded, timeout=20_000):
            workspace.open_item(rows[kind].id)
        for tab in range(workspace.item_page.side.count()):
            workspace.item_page.side.setCurrentIndex(tab)
            problems += check_screen(window, f"item {kind} tab {tab}", seen)
    workspace.show_list()

    note = tmp_path / "brief.txt"
    note.write_text("Fictional note\n", encoding="utf-8")
    with qtbot.waitSignal(workspace.import_finished, timeout=20_000):
        workspace.import_paths([str(note)])
    assert workspace.report is not None
    problems += check_screen(workspace.report, "import report", seen)
    workspace.report.accept()
    progress = ProgressDialog("Adding evidence", lambda: None, window)
    problems += check_screen(progress, "progress", seen)
    progress.finish()

    window.open_settings()
    problems += check_screen(window.settings_dialog, "settings", seen)
    window.settings_dialog.reject()
    window.export_dossier()
    problems += check_screen(window.export_dialog, "export", seen)
    window.export_dialog.reject()
    window.custody_log()
    qtbot.waitUntil(lambda: window.custody_dialog.model.rowCount() > 0, timeout=20_000)
    problems += check_screen(window.custody_dialog, "custody log", seen)
    window.custody_dialog.close()
    window.show_help()
    problems += check_screen(window.help_dialog, "help", seen)
    window.help_dialog.close()
    window.show_about()
    problems += check_screen(window.about_dialog, "about", seen)
    window.about_dialog.close()
    window.verify_vault()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "vaultReport") is not None, timeout=30_000)
    report = window.findChild(QDialog, "vaultReport")
    assert report is not None
    problems += check_screen(report, "vault check", seen)
    report.close()

    assert problems == [], "\n".join(problems)
    assert all(count > 0 for count in seen.values()), seen
    assert sum(seen.values()) > 150
    wait_idle(qtbot, controller)


def test_the_checker_finds_an_unnamed_control(qapp: QApplication) -> None:
    """The walk above would fail on a field without a label, name or buddy."""
    root = QWidget()
    bare = QLineEdit(root)
    combo = QComboBox(root)
    combo.addItem("All kinds")
    flat = QLineEdit(root)
    label = QLabel("&Where:", root)
    label.setBuddy(flat)
    problems = check_screen(root, "test", {})
    assert len(problems) == 2 and all("has no accessible name" in p for p in problems)
    assert accessible_name(flat) == "Where:"
    bare.setAccessibleName("Search")
    combo.setAccessibleName("Kind")
    assert check_screen(root, "test", {}) == []
    root.deleteLater()


# ----------------------------------------------------------------- keyboard


def _focus_cycle(qtbot: QtBot, start: QWidget, key: Qt.Key, limit: int = 60) -> list[QWidget]:
    """Press Tab (or Backtab) from `start` until focus comes back; the widgets it visited."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    visited: list[QWidget] = []
    for _ in range(limit):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, key)
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused is start:
            return visited
        visited.append(focused)
    raise AssertionError(f"focus never came back to {start}: {[type(w).__name__ for w in visited]}")


def _inside(widget: QWidget, container: QWidget) -> bool:
    return widget is container or container.isAncestorOf(widget)


def test_tab_reaches_every_part_of_the_main_window(qtbot: QtBot, controller: AppController) -> None:
    open_demo(qtbot, controller)
    window = controller.window
    workspace = window.workspace
    assert workspace is not None
    listing = workspace.list
    wanted = [
        listing.search,
        listing.kind,
        listing.platform,
        listing.category,
        listing.use_dates,
        listing.date_from,
        listing.date_to,
        listing.table,
    ]
    # In reading order (a date edit takes one Tab per section: year, month, day).
    forward = _focus_cycle(qtbot, listing.search, Qt.Key.Key_Tab)
    assert list(dict.fromkeys(w for w in forward if w in wanted)) == wanted[1:]
    assert forward.count(listing.table) == 1  # Tab leaves the table: no trap in 100,000 rows
    backward = _focus_cycle(qtbot, listing.search, Qt.Key.Key_Backtab)
    assert list(dict.fromkeys(w for w in backward if w in wanted)) == wanted[:0:-1]

    rows = {row.summary.kind: row for row in workspace.model.rows()}
    with qtbot.waitSignal(workspace.item_page.item_loaded, timeout=20_000):
        listing.select_item(rows["chat"].id)
        listing.table.setFocus()
        qtbot.keyClick(listing.table, Qt.Key.Key_Return)  # Enter opens the chosen item
    page = workspace.item_page
    assert page.viewers.currentWidget() is page.chat_view
    side = page.side
    visited = _focus_cycle(qtbot, page.back_button, Qt.Key.Key_Tab)
    assert page.save_copy_button in visited
    assert page.chat_view in visited
    assert any(isinstance(w, QTabBar) and _inside(w, side) for w in visited)
    qtbot.keyClick(page.back_button, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # "&Note and category"
    assert side.currentIndex() == 1
    qtbot.keyClicks(side.note, "Fictional: seen at the station")
    visited = _focus_cycle(qtbot, page.back_button, Qt.Key.Key_Tab)
    assert side.category in visited and side.note in visited and side.save_button in visited
    backward = _focus_cycle(qtbot, page.back_button, Qt.Key.Key_Backtab)
    assert side.note in backward and page.save_copy_button in backward
    qtbot.keyClick(page.back_button, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back
    qtbot.waitUntil(lambda: not workspace.showing_item)

    # The toolbar's actions (buttons take no focus on any desktop) all have keys and menu entries.
    in_menus = {a for menu in window.menuBar().actions() if menu.menu() for a in menu.menu().actions()}
    for action in window.toolbar.actions():
        if action.isSeparator() or not action.text():
            continue
        assert not action.shortcut().isEmpty(), action.text()
        assert action in in_menus, action.text()
    assert all("&" in menu.text() for menu in window.menuBar().actions())  # Alt opens each menu
    wait_idle(qtbot, controller)


def _window_shortcuts(window: QWidget) -> dict[str, list[QAction]]:
    keys: dict[str, list[QAction]] = {}
    for action in window.findChildren(QAction):
        if action.shortcutContext() not in (
            Qt.ShortcutContext.WindowShortcut,
            Qt.ShortcutContext.ApplicationShortcut,
        ):
            continue
        for sequence in action.shortcuts():
            keys.setdefault(sequence.toString(), []).append(action)
    return keys


def test_standard_shortcuts(
    qtbot: QtBot,
    controller: AppController,
    vault_path: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
    qtlog: object,
) -> None:
    window = controller.window
    keys = _window_shortcuts(window)
    for wanted in ("Ctrl+O", "Ctrl+V", "Ctrl+F", "Ctrl+E", "F1"):
        assert wanted in keys, wanted
    ambiguous = {key: [a.text() for a in actions] for key, actions in keys.items() if len(actions) > 1}
    assert ambiguous == {}

    # Ctrl+O: choose a vault folder, then the passphrase.
    path, _code = vault_path
    asked: list[str] = []

    def choose(parent: QWidget | None, caption: str, start: str = "") -> str:
        asked.append(caption)
        return str(path)

    monkeypatch.setattr(file_dialogs, "existing_folder", choose)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window.welcome.create_button, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["Choose the vault folder"]
    unlock = window.unlock_dialog
    assert unlock.isVisible() and unlock.path == path
    unlock.reject()

    open_demo(qtbot, controller)
    workspace = window.workspace
    assert workspace is not None
    table = workspace.list.table
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    # Ctrl+F: to the search box.
    qtbot.keyClick(table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is workspace.list.search
    # Ctrl+V in the search box pastes text there and stores nothing.
    pasted_actions: list[bool] = []
    window.paste_action.triggered.connect(lambda: pasted_actions.append(True))
    QGuiApplication.clipboard().setText("Mark")
    qtbot.keyClick(workspace.list.search, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert workspace.list.search.text() == "Mark" and pasted_actions == []
    # Ctrl+V anywhere else stores the picture on the clipboard.
    picture = QImage(32, 24, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkGreen)
    QGuiApplication.clipboard().setImage(picture)
    table.setFocus()
    with qtbot.waitSignal(workspace.pasted, timeout=20_000):
        qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert pasted_actions == [True]
    # Ctrl+E: the dossier dialog.
    qtbot.keyClick(table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.export_dialog.isVisible()
    window.export_dialog.reject()
    # F1: help, which lists the keys of the window's own actions.
    qtbot.keyClick(table, Qt.Key.Key_F1)
    assert window.help_dialog.isVisible()
    text = window.help_dialog.browser.toPlainText()
    for action in (window.export_action, window.find_action, window.quick_exit_action):
        assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in text
        assert action.text().replace("&", "") in text
    window.help_dialog.close()
    records = [str(r.message) for r in qtlog.records]  # type: ignore[attr-defined]
    assert not [m for m in records if "mbiguous" in m]
    wait_idle(qtbot, controller)


def test_show_the_passphrase_from_the_keyboard(qtbot: QtBot, qapp: QApplication) -> None:
    field = PassphraseEdit()
    qtbot.addWidget(field)
    field.show()
    with qtbot.waitActive(field):
        field.activateWindow()
    field.setFocus()
    qtbot.keyClicks(field, "fictional words")
    assert field.echoMode() == QLineEdit.EchoMode.Password
    assert not field.toggle.icon().isNull()  # the toggle is visible, not an empty spot
    qtbot.keyClick(field, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert field.echoMode() == QLineEdit.EchoMode.Normal
    assert field.text() == "fictional words"  # Ctrl+H did not erase a character
    qtbot.keyClick(field, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert field.echoMode() == QLineEdit.EchoMode.Password
    assert "Ctrl+H" in field.accessibleDescription()


# ----------------------------------------------------------------- visible focus


def _grab_focus_difference(qtbot: QtBot, button: QAbstractButton, before: QWidget) -> int:
    """Pixels of `button` that change when Tab moves focus onto it."""
    before.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is before)
    plain = button.grab().toImage()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
    focused = button.grab().toImage()
    assert plain.size() == focused.size()
    return sum(
        1
        for y in range(plain.height())
        for x in range(plain.width())
        if plain.pixel(x, y) != focused.pixel(x, y)
    )


def test_keyboard_focus_is_visible(
    qtbot: QtBot, system_look: SchemeFollower, controller: AppController
) -> None:
    window = controller.window
    with qtbot.waitActive(window):
        window.activateWindow()
    welcome = window.welcome
    # A plain button, and a flat one (Fusion draws no focus on flat buttons by itself).
    assert _grab_focus_difference(qtbot, welcome.demo_button, welcome.open_button) > 50
    assert welcome.verify_button.isFlat()
    assert _grab_focus_difference(qtbot, welcome.verify_button, welcome.demo_button) > 50


def test_no_style_sheet_or_policy_hides_focus() -> None:
    hiding = re.compile(r"outline\s*:\s*(none|0)|FocusPolicy\.NoFocus|show-decoration-selected\s*:\s*0")
    found = [
        f"{path.relative_to(REPO)}:{number}"
        for path in sorted((REPO / "evidence_kit" / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hiding.search(line)
    ]
    assert found == []


# ----------------------------------------------------------------- high-DPI icons


def test_icons_are_sharp_on_high_dpi_screens(qapp: QApplication) -> None:
    """Every icon is a vector drawing: at twice the pixel density it is drawn at twice the
    pixels, never a small bitmap scaled up."""
    folder = REPO / "resources" / "icons"
    assert sorted(p.suffix for p in folder.iterdir()) == [".svg"] * len(list(folder.iterdir()))
    for path in sorted(folder.glob("*.svg")):
        themed = icon(path.stem)
        assert not themed.isNull(), path.name  # Qt's SVG support is there (else a fallback icon)
        pixmap = themed.pixmap(QSize(32, 32), 2.0)
        assert pixmap.devicePixelRatio() == 2.0, path.name
        assert (pixmap.width(), pixmap.height()) == (64, 64), path.name
        image = pixmap.toImage()
        drawn = sum(1 for y in range(64) for x in range(64) if image.pixelColor(x, y).alpha() > 0)
        assert drawn > 400, path.name  # a drawing, not a blank square


# ----------------------------------------------------------------- about


def _dependency_names() -> list[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [re.split(r"[<>=!~\[ ;]", spec, maxsplit=1)[0] for spec in project["dependencies"]]


def test_about_names_the_version_and_every_licence(qtbot: QtBot, controller: AppController) -> None:
    window = controller.window
    window.show_about()
    about = window.about_dialog
    assert about.isVisible()
    assert __version__ in about.title.text()
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", __version__)
    text = about.licences.toPlainText()
    covered = {dist.lower() for _what, dists, _licence in LIBRARIES for dist in dists}
    missing = [name for name in _dependency_names() if name.lower() not in covered]
    assert missing == []
    for what, _dists, licence in LIBRARIES:
        assert what in text and licence in text
    for expected in ("LGPL-3.0", "OFL-1.1", "Symbola", "SQLCipher", "pyHanko", "ReportLab"):
        assert expected in text
    body = " ".join(label.text() for label in about.findChildren(QLabel))
    assert "GNU General Public License, version 3 or later" in body
    about.close()


def test_every_action_of_the_window_is_named(controller: AppController) -> None:
    """Menu entries and toolbar buttons are read by their action's text: none may be empty."""
    window = controller.window
    unnamed: list[str] = []
    for action in window.actions():
        if not action.isSeparator() and not action.text().replace("&", "").strip():
            unnamed.append(repr(action))
    assert unnamed == []
