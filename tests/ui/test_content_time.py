"""The content time and where it comes from, in the real window: the evidence list's date cell
and the item page. A screenshot's time comes from its file name, a photo's from EXIF."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from evidence_kit.importers.batch import add_paths
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.models.item_table import ROW_ROLE, Column
from evidence_kit.vault import Vault

from .conftest import PASSPHRASE, open_vault

SCREENSHOT = "Screenshot_20240312-142233_WhatsApp.png"


def _pictures(folder: Path) -> list[Path]:
    shot = folder / SCREENSHOT
    Image.new("RGB", (40, 80), "white").save(shot, "PNG")
    photo = folder / "IMG_0042.jpg"
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2024:03:10 09:05:00"  # DateTimeOriginal
    exif.get_ifd(0x8769)[0x9011] = "+01:00"  # OffsetTimeOriginal
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "#336699").save(out, "JPEG", exif=exif)
    photo.write_bytes(out.getvalue())
    return [shot, photo]


def _cells(model: object) -> dict[str, tuple[str, str]]:
    """Original name -> (date cell text, its tooltip)."""
    found = {}
    for position in range(model.rowCount()):  # type: ignore[attr-defined]
        row = model.cell(position, Column.DATE, ROW_ROLE)  # type: ignore[attr-defined]
        text = model.cell(position, Column.DATE, Qt.ItemDataRole.DisplayRole)  # type: ignore[attr-defined]
        tip = model.cell(position, Column.DATE, Qt.ItemDataRole.ToolTipRole)  # type: ignore[attr-defined]
        found[row.summary.original_name] = (text, tip)
    return found


WORDS = {
    "nl": {
        "shot": "2024-03-12 14:22 \u00b7 bestandsnaam",
        "shot_tip": "Uit de bestandsnaam\nUit de bestandsnaam, zoals Android",
        "zone": "de tijdzone is niet bekend",
        "photo": "2024-03-10 09:05 \u00b7 EXIF",
        "photo_tip": "Cameragegevens (EXIF): wanneer de foto is gemaakt",
        "page": "Datum (zoals getoond)\n2024-03-12 14:22:33 \u2014 Uit de bestandsnaam\n",
    },
    "en": {
        "shot": "2024-03-12 14:22 \u00b7 file name",
        "shot_tip": "From the file name\nFrom the file name, as Android",
        "zone": "the time zone is not known",
        "photo": "2024-03-10 09:05 \u00b7 EXIF",
        "photo_tip": "Camera data (EXIF): when the picture was taken",
        "page": "Date (as shown)\n2024-03-12 14:22:33 \u2014 From the file name\n",
    },
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_list_and_the_item_page_show_the_content_time_and_its_source(
    qtbot: QtBot, make_controller: object, vault_path: tuple[Path, str], tmp_path: Path, lang: str
) -> None:
    words = WORDS[lang]
    path, _code = vault_path
    with Vault.open(path, PASSPHRASE) as vault:
        results = list(add_paths(vault, _pictures(tmp_path)))
    shot_id = results[0].items[0].id
    controller: AppController = make_controller(lang)  # type: ignore[operator]
    open_vault(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    cells = _cells(workspace.model)
    assert cells[SCREENSHOT][0] == words["shot"]
    assert cells[SCREENSHOT][1].startswith(words["shot_tip"])
    assert words["zone"] in cells[SCREENSHOT][1]
    assert cells["IMG_0042.jpg"] == (words["photo"], words["photo_tip"])

    page = workspace.item_page
    with qtbot.waitSignal(page.item_loaded, timeout=20_000):
        workspace.open_item(shot_id)
    details = page.side.details.toPlainText()
    assert words["page"] in details
    assert words["zone"] in details
