"""The app follows the system's light or dark palette, and its text stays readable on both.

Contrast is measured on what the widgets really use: the colours of every text fragment in the
chat, e-mail and details documents against the background it sits on (bubble, table cell or
the view's base), and the palette every visible label and button is drawn with. The bar is
WCAG 2 level AA: 4.5:1 for text, 3:1 for the outlines of controls.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QStyle,
    QStyleOptionButton,
    QTextBrowser,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from evidence_kit.ui.controller import AppController
from evidence_kit.ui.widgets.colours import (
    MIN_CONTRAST,
    MIN_GRAPHIC_CONTRAST,
    SchemeFollower,
    contrast,
    dark_palette,
    is_dark,
    palette_for_scheme,
)

from .conftest import open_demo, wait_idle
from .test_accessibility import system_look  # noqa: F401 (a fixture)

REPO = Path(__file__).resolve().parents[2]
Role = QPalette.ColorRole
GRABS = os.environ.get("EVIDENCE_KIT_DARK_GRABS")  # a folder: save what the tests look at


@pytest.fixture
def dark(qapp: QApplication, system_look: SchemeFollower) -> Iterator[QPalette]:  # noqa: F811
    """The system is dark from the start (the palette a dark desktop hands to Qt)."""
    palette = dark_palette()
    qapp.setPalette(palette)
    yield palette


def _background(cursor: QTextCursor, browser: QTextBrowser) -> QColor:
    """The colour behind the text at `cursor`: its own, its block's, its cell's, its table's,
    or the view's base."""
    brushes = [cursor.charFormat().background(), cursor.blockFormat().background()]
    table = cursor.currentTable()
    if table is not None:
        brushes += [table.cellAt(cursor).format().background(), table.format().background()]
    for brush in brushes:
        if brush.style() != Qt.BrushStyle.NoBrush:
            return brush.color()
    return browser.viewport().palette().color(Role.Base)


def document_contrasts(browser: QTextBrowser) -> list[tuple[float, str, str, str]]:
    """(contrast, text, foreground, background) of every piece of text in the document."""
    found = []
    document = browser.document()
    block = document.begin()
    default = browser.palette().color(Role.Text)
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            text = fragment.text().strip().replace("\ufffc", "")
            if fragment.isValid() and text:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                brush = fragment.charFormat().foreground()
                foreground = default if brush.style() == Qt.BrushStyle.NoBrush else brush.color()
                background = _background(cursor, browser)
                found.append(
                    (contrast(foreground, background), text[:40], foreground.name(), background.name())
                )
            iterator += 1
        block = block.next()
    return found


def assert_readable_document(browser: QTextBrowser, what: str) -> int:
    pieces = document_contrasts(browser)
    assert pieces, f"{what}: no text"
    poor = [p for p in pieces if p[0] < MIN_CONTRAST]
    assert poor == [], f"{what}: {poor[:5]}"
    return len(pieces)


def assert_readable_widgets(root: QWidget, what: str) -> int:
    """Every visible, enabled label and button: its text colour on its background."""
    checked = 0
    poor = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or not widget.isEnabled():
            continue
        palette = widget.palette()
        if isinstance(widget, QLabel) and widget.text():
            pairs = [(palette.color(Role.WindowText), palette.color(Role.Window))]
        elif isinstance(widget, QToolButton) and widget.autoRaise():
            # drawn on the toolbar (the window) when idle, on the button colour when pressed
            text = palette.color(Role.ButtonText)
            pairs = [(text, palette.color(Role.Window)), (text, palette.color(Role.Button))]
        elif isinstance(widget, QAbstractButton) and widget.text():
            pairs = [(palette.color(Role.ButtonText), palette.color(Role.Button))]
        else:
            continue
        checked += 1
        for text, ground in pairs:
            if contrast(text, ground) < MIN_CONTRAST:
                poor.append((type(widget).__name__, widget.text()[:30], text.name(), ground.name()))
    assert poor == [], f"{what}: {poor}"
    return checked


def _grab(widget: QWidget, name: str) -> None:
    if GRABS:
        Path(GRABS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(GRABS) / f"{name}.png"))


def test_the_screens_are_readable_on_a_dark_palette(
    qtbot: QtBot, dark: QPalette, controller: AppController, tmp_path: Path
) -> None:
    window = controller.window
    assert is_dark(window.palette())
    checked = assert_readable_widgets(window, "welcome")
    window.welcome.show_locked("The vault is locked.", True)
    checked += assert_readable_widgets(window, "locked")
    window.welcome.hide_banner()
    window.unlock(tmp_path)
    unlock = window.unlock_dialog
    unlock.problem.setText("That passphrase is not right for this vault.")
    checked += assert_readable_widgets(unlock, "unlock")
    unlock.reject()

    open_demo(qtbot, controller)
    workspace = window.workspace
    assert workspace is not None
    checked += assert_readable_widgets(window, "evidence list")
    _grab(window, "dark-main")
    page = workspace.item_page
    rows = {row.summary.kind: row for row in workspace.model.rows()}
    with qtbot.waitSignal(page.item_loaded, timeout=20_000):
        workspace.open_item(rows["chat"].id)
    pieces = assert_readable_document(page.chat_view, "chat")
    base = page.chat_view.viewport().palette().color(Role.Base).name()
    bubbles = {ground for _ratio, _text, _fore, ground in document_contrasts(page.chat_view)} - {base}
    assert len(bubbles) >= 2  # the two senders' bubbles were found and measured, not only the base
    pieces += assert_readable_document(page.side.details, "details")
    checked += assert_readable_widgets(window, "chat")
    _grab(window, "dark-chat")
    page.side.setCurrentIndex(1)
    checked += assert_readable_widgets(window, "note")
    with qtbot.waitSignal(page.item_loaded, timeout=20_000):
        workspace.open_item(rows["email"].id)
    pieces += assert_readable_document(page.email_view, "e-mail")
    workspace.show_list()

    window.custody_log()
    dialog = window.custody_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=20_000)
    dialog.verify_chain()
    qtbot.waitUntil(lambda: dialog.verify_button.isEnabled(), timeout=30_000)
    assert dialog.result_label.property("tone") == "ok"
    checked += assert_readable_widgets(dialog, "custody log")
    dialog.close()
    window.export_dossier()
    window.export_dialog.problem.setText("Choose where the dossier should go.")
    checked += assert_readable_widgets(window.export_dialog, "export")
    window.export_dialog.reject()
    window.show_help()
    pieces += assert_readable_document(window.help_dialog.browser, "help")
    window.help_dialog.close()
    window.show_about()
    pieces += assert_readable_document(window.about_dialog.licences, "about")
    checked += assert_readable_widgets(window.about_dialog, "about")
    window.about_dialog.close()
    assert checked > 60 and pieces > 100
    wait_idle(qtbot, controller)


def test_switching_light_and_dark_while_a_chat_is_open(
    qtbot: QtBot,
    qapp: QApplication,
    system_look: SchemeFollower,  # noqa: F811
    controller: AppController,
) -> None:
    light = qapp.palette()
    assert not is_dark(light)
    open_demo(qtbot, controller)
    window = controller.window
    workspace = window.workspace
    assert workspace is not None
    page = workspace.item_page
    chat = next(row for row in workspace.model.rows() if row.summary.kind == "chat")
    with qtbot.waitSignal(page.item_loaded, timeout=20_000):
        workspace.open_item(chat.id)
    quick_exit = window.toolbar.widgetForAction(window.quick_exit_action)
    assert quick_exit is not None and quick_exit.font().bold()
    light_red = quick_exit.palette().color(Role.ButtonText)
    assert_readable_document(page.chat_view, "chat, light")
    light_html = page.chat_view.toHtml()

    qapp.setPalette(dark_palette())  # the desktop switched to dark while the app runs
    qtbot.waitUntil(lambda: is_dark(page.chat_view.palette()) and page.chat_view.toHtml() != light_html)
    assert_readable_document(page.chat_view, "chat, dark")
    assert_readable_document(page.side.details, "details, dark")
    dark_red = quick_exit.palette().color(Role.ButtonText)
    assert dark_red != light_red and contrast(dark_red, quick_exit.palette().color(Role.Window)) >= 4.5
    assert_readable_widgets(window, "chat, dark")

    qapp.setPalette(light)  # and back
    qtbot.waitUntil(lambda: page.chat_view.toHtml() == light_html)
    assert_readable_document(page.chat_view, "chat, light again")
    assert quick_exit.palette().color(Role.ButtonText) == light_red
    controller.lock()  # what was shown is gone, and a palette change does not bring it back
    qapp.setPalette(dark_palette())
    assert page.chat_view.toPlainText() == ""
    assert page.side.details.toPlainText() == ""
    qapp.setPalette(light)
    wait_idle(qtbot, controller)


def test_the_app_follows_the_system_scheme(qapp: QApplication, system_look: SchemeFollower) -> None:  # noqa: F811
    light = qapp.palette()
    assert palette_for_scheme(Qt.ColorScheme.Dark, light) is not None
    assert palette_for_scheme(Qt.ColorScheme.Dark, dark_palette()) is None  # the system's own dark
    assert palette_for_scheme(Qt.ColorScheme.Light, light) is None
    assert palette_for_scheme(Qt.ColorScheme.Unknown, light) is None
    system_look.apply(Qt.ColorScheme.Dark)  # what colorSchemeChanged delivers
    assert is_dark(qapp.palette())
    system_look.apply(Qt.ColorScheme.Light)
    assert not is_dark(qapp.palette())
    assert qapp.palette().color(Role.Window) == light.color(Role.Window)
    hints = QGuiApplication.styleHints()
    assert hints.receivers("2colorSchemeChanged(Qt::ColorScheme)") >= 1


def _outline_pixels(widget: QCheckBox) -> int:
    option = QStyleOptionButton()
    widget.initStyleOption(option)
    rect = widget.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, widget)
    image = widget.grab().toImage()
    ground = widget.palette().color(Role.Window)
    return sum(
        1
        for y in range(rect.top(), rect.bottom() + 1)
        for x in range(rect.left(), rect.right() + 1)
        if contrast(image.pixelColor(x, y), ground) >= MIN_GRAPHIC_CONTRAST
    )


def test_check_boxes_show_on_a_dark_palette(qtbot: QtBot, qapp: QApplication, dark: QPalette) -> None:
    box = QCheckBox("Do not show this image in the PDF")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    assert _outline_pixels(box) >= 20  # the frame of the box, not only its text
    qapp.setStyle("Fusion")  # Qt's own style alone: the frame all but vanishes
    assert _outline_pixels(box) < 20


def test_no_colour_is_hard_coded_in_the_interface() -> None:
    hard = re.compile(r"(color|background(-color)?)\s*:\s*(#|rgb)|QColor\(\s*[\"']#|setStyleSheet\(.*color")
    allowed = REPO / "evidence_kit" / "ui" / "widgets" / "colours.py"
    found = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in sorted((REPO / "evidence_kit" / "ui").rglob("*.py"))
        if path != allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hard.search(line)
    ]
    assert found == []
