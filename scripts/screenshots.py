"""Grab the README's screenshots of the desktop app, in English and Dutch, with the demo case.

Run from the repository root after setup:
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUT_DIR]
(default OUT_DIR: docs/images). Writes welcome, main_window, chat_view, import_report and
export_dialog as `<name>_<lang>.png`. Everything shown is fictional: the demo case, and a small
import of generated files (one of them a broken zip, so the report shows a failure). Look at
every picture before committing it.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image
from PySide6.QtWidgets import QApplication, QWidget

from evidence_kit.domain import ItemKind
from evidence_kit.storage.keys import KdfParams
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.main_window import AppWindow
from evidence_kit.ui.ui_settings import UiSettings

SIZE = (1100, 720)


def wait_for(app: QApplication, condition: Callable[[], object], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        app.processEvents()
        if time.monotonic() > deadline:
            raise SystemExit("the window did not get there in time")


def settle(app: QApplication, seconds: float = 0.5) -> None:
    """Let lazy thumbnails and layouts arrive (screenshots only; tests wait on signals)."""
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        app.processEvents()


def save(widget: QWidget, path: Path) -> None:
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def import_files(folder: Path) -> list[str]:
    folder.mkdir()
    (folder / "Notes about the messages.txt").write_text(
        "Monday: three messages from an unknown number, kept as screenshots.\n", encoding="utf-8"
    )
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (90, 120, 160)).save(buffer, "PNG")
    (folder / "Screenshot 2026-11-02 at 21.14.png").write_bytes(buffer.getvalue())
    (folder / "Instagram export.zip").write_bytes(b"PK\x03\x04 cut off while downloading")
    return [str(folder)]


def shoot(app: QApplication, language: str, out: Path, scratch: Path) -> None:
    os.environ["EVIDENCE_KIT_LANG"] = language
    settings = UiSettings(scratch / f"ui-{language}.ini")
    settings.language = language
    settings.dossier_folder = str(scratch / "Dossiers")
    controller = AppController(
        settings,
        window_factory=AppWindow,
        kdf=KdfParams.insecure_fast(),
        quit_on_quick_exit=False,
        watch_system=False,
    )
    window = controller.window
    window.resize(*SIZE)
    window.show()
    try:
        settle(app)
        save(window, out / f"welcome_{language}.png")

        window.open_demo()
        wait_for(app, lambda: window.workspace is not None and window.workspace.loaded)
        workspace = window.workspace
        assert workspace is not None
        settle(app, 1.5)
        save(window, out / f"main_window_{language}.png")

        chat = next(row for row in workspace.model.rows() if row.summary.kind == ItemKind.CHAT)
        workspace.open_item(chat.id)
        wait_for(app, lambda: not controller.worker.busy)
        settle(app, 1.0)
        save(window, out / f"chat_view_{language}.png")
        workspace.show_list()

        finished: list[object] = []
        workspace.import_finished.connect(finished.append)
        workspace.import_paths(import_files(scratch / f"new-{language}"))
        wait_for(app, lambda: bool(finished) and workspace.report is not None)
        report = workspace.report
        assert report is not None
        settle(app)
        save(report, out / f"import_report_{language}.png")
        report.accept()

        window.export_dossier()
        settle(app)
        save(window.export_dialog, out / f"export_dialog_{language}.png")
        window.export_dialog.reject()
    finally:
        controller.shutdown()
        settle(app, 0.2)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/images")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="ek-shots-") as scratch:
        settings_file = Path(scratch) / "settings.json"
        settings_file.write_text('{"timestamping_enabled": false}\n', encoding="utf-8")
        os.environ["EVIDENCE_KIT_SETTINGS"] = str(settings_file)  # never ask a public TSA
        for language in ("en", "nl"):
            shoot(app, language, out, Path(scratch))


if __name__ == "__main__":
    main()
