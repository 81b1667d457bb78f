"""The "sensitive" mark through the real window: set on the item page, shown in the list,
ticked in the export dialog, and the exported PDF does not show the marked picture."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from evidence_kit.ui.controller import AppController
from evidence_kit.ui.models.item_table import Column
from tests.dossier.pdf_tools import image_sizes

from .conftest import open_vault


def _png(path: Path, size: tuple[int, int], colour: str) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())


def _grab(widget: object, name: str) -> None:
    """With EVIDENCE_KIT_GRAB=folder, keep a picture of what the user sees (to look at by hand)."""
    folder = os.environ.get("EVIDENCE_KIT_GRAB")
    if folder:
        widget.grab().save(str(Path(folder) / name))  # type: ignore[attr-defined]


def test_mark_on_the_item_page_is_listed_preselected_and_hidden_in_the_pdf(
    qtbot: QtBot,
    controller: AppController,
    vault_path: tuple[Path, str],
    tmp_path: Path,
    ui_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    _png(source / "private.png", (123, 77), "#aa3355")
    _png(source / "screenshot.png", (64, 48), "#3366aa")
    open_vault(qtbot, controller, vault_path[0])
    window = controller.window
    workspace = window.workspace
    assert workspace is not None
    with qtbot.waitSignal(workspace.import_finished, timeout=20_000):
        workspace.import_paths([str(source / "private.png"), str(source / "screenshot.png")])
    qtbot.waitUntil(lambda: len(workspace.model.rows()) == 2, timeout=20_000)
    private = next(r.id for r in workspace.model.rows() if r.summary.original_name == "private.png")
    page = workspace.item_page
    with qtbot.waitSignal(page.item_loaded, timeout=20_000):
        workspace.open_item(private)
    assert page.withhold_button.isEnabled() and page.withhold_label.isHidden()

    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> tuple[str, bool]:
        asked.append(str(kwargs.get("text")))
        return "intimate image", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    page.withhold_button.click()
    qtbot.waitUntil(lambda: page.withhold_label.isVisible(), timeout=20_000)
    assert asked == ["intimate image"]  # the suggested reason
    assert "intimate image" in page.withhold_label.text()
    assert page.withhold_button.text().replace("&", "") == "Remove the sensitive mark"
    qtbot.waitUntil(lambda: page.side.history.rowCount() > 0, timeout=10_000)
    events = [page.side.history.item(r, 1).text() for r in range(page.side.history.rowCount())]
    assert "Marked sensitive (withheld from dossiers)" in events
    _grab(window, "item_page_marked.png")
    rows = {r.id: n for n, r in enumerate(workspace.model.rows())}
    title = workspace.model.cell(rows[private], Column.TITLE, Qt.ItemDataRole.DisplayRole)
    assert title.startswith("⊘ ")
    other = next(r for r in workspace.model.rows() if r.id != private)
    assert not workspace.model.cell(rows[other.id], Column.TITLE, Qt.ItemDataRole.DisplayRole).startswith("⊘")

    window.export_dossier()
    dialog = window.export_dialog
    entries = [dialog.withhold.item(i) for i in range(dialog.withhold.count())]
    ticked = {int(e.data(Qt.ItemDataRole.UserRole)): e.checkState() for e in entries}
    assert ticked == {private: Qt.CheckState.Checked, other.id: Qt.CheckState.Unchecked}
    _grab(dialog, "export_dialog_marked.png")
    assert dialog.options()["withhold"] == [private]
    target = ui_home / "Documents" / "Dossier"
    dialog.folder.setText(str(target))
    with qtbot.waitSignal(dialog.accepted, timeout=120_000):
        dialog.export_button.click()
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    shown = {e["original_name"]: e["withheld_in_pdf"] for e in manifest["items"]}
    assert shown == {"private.png": True, "screenshot.png": False}
    sizes = image_sizes(target / "dossier.pdf")
    assert (64, 48) in sizes and (123, 77) not in sizes  # the marked picture's pixels are not in it
    dialog.done_dialog.close()

    # Clearing it on the page is logged too, and the list drops the mark.
    page.withhold_button.click()
    qtbot.waitUntil(lambda: page.withhold_label.isHidden(), timeout=20_000)
    title = workspace.model.cell(rows[private], Column.TITLE, Qt.ItemDataRole.DisplayRole)
    assert not title.startswith("⊘")

    # The evidence list's context menu marks the other item, through the same question.
    window.workspace.show_list()  # type: ignore[union-attr]
    menu = workspace.list.context_menu_for(other)
    assert [a.text() for a in menu.actions()] == ["Open", "Mark sensitive…"]
    menu.actions()[1].trigger()
    qtbot.waitUntil(lambda: workspace.model.row_by_id(other.id).summary.withheld, timeout=20_000)  # type: ignore[union-attr]
    assert len(asked) == 2
    row = workspace.model.row_by_id(other.id)
    assert row is not None and row.summary.withhold_reason == "intimate image"
    menu = workspace.list.context_menu_for(row)
    assert menu.actions()[1].text() == "Remove the sensitive mark"
