"""The export guides through the real window: reachable from the empty vault, the import report
and Help, every guide drawn with its picture, in English and in Dutch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from evidence_kit.ui.controller import AppController
from evidence_kit.ui.views import guide_texts
from evidence_kit.ui.views.guide_pictures import svg
from evidence_kit.ui.views.help import HelpDialog

from .conftest import open_vault


def _help_dialogs() -> list[HelpDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog) and w.isVisible()]


def test_the_empty_vault_links_every_guide_and_opens_it(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str]
) -> None:
    path, _code = vault_path
    open_vault(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    listing = workspace.list
    assert listing.pages.currentWidget() is listing.empty and not listing.filters.isVisible()
    keys = [key for key, _title in guide_texts.guide_titles()]
    assert list(listing.empty.links) == keys and len(keys) == 9
    listing.empty.links["whatsapp-android"].linkActivated.emit("guide:whatsapp-android")
    dialog = listing.empty.help_dialog
    assert isinstance(dialog, HelpDialog) and dialog.isVisible()
    assert dialog.shown_guide == "whatsapp-android"
    text = dialog.browser.toPlainText()
    assert "WhatsApp on an Android phone" in text and "“Export chat”" in text
    picture = next(iter(dialog.browser.pictures.values()))
    assert isinstance(picture, QImage) and picture.width() > 300 and picture.height() > 60
    dialog.browser.anchorClicked.emit(QUrl("help:"))
    assert dialog.shown_guide == "" and "step by step" in dialog.browser.toPlainText()
    dialog.reject()

    # The import report links the guides too: an export made the wrong way is often the reason.
    odd = path.parent / "export.bin"
    odd.write_bytes(b"\x00\x01 not an export")
    with qtbot.waitSignal(workspace.import_finished, timeout=20_000):
        workspace.import_paths([str(odd)])
    report = workspace.report
    assert report is not None and report.guides_link.isVisible()
    report.guides_link.linkActivated.emit("guides:")
    assert report.help_dialog.isVisible() and "guide:telegram" in report.help_dialog.browser.toHtml()
    report.help_dialog.reject()
    report.accept()
    assert listing.pages.currentWidget() is listing.table and listing.filters.isVisible()


def test_every_guide_in_both_languages_from_help(qtbot: QtBot, controller: AppController) -> None:
    for language, expected in (("en", "Export chat history"), ("nl", "Chatgeschiedenis exporteren")):
        controller.apply_language(language)
        window = controller.window
        window.show_help()
        dialog = window.help_dialog
        listed = dialog.browser.toHtml()
        for key, title in guide_texts.guide_titles():
            assert f"guide:{key}" in listed
            dialog.browser.anchorClicked.emit(QUrl(f"guide:{key}"))
            assert dialog.shown_guide == key
            shown = dialog.browser.toPlainText()
            assert title in shown
            entry = guide_texts.guide(key)
            assert entry is not None and all(step in shown for step in entry.steps)
            image = dialog.browser.loadResource(2, QUrl(f"guide-picture:{key}"))
            assert isinstance(image, QImage) and not image.isNull()
        dialog.browser.anchorClicked.emit(QUrl("guide:telegram"))
        assert expected in dialog.browser.toPlainText()
        assert not dialog.show_guide("no-such-guide") and dialog.shown_guide == ""
        dialog.reject()
    controller.apply_language("en")


def test_a_guide_picture_is_drawn_from_its_path_and_escapes_it() -> None:
    drawing = svg(("Menu <b>", "Export & keep"), "Phone")
    assert "Menu &lt;b&gt;" in drawing and "Export &amp; keep" in drawing
    assert drawing.count("<rect") == 3  # the frame and one box per step
