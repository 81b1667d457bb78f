"""Grab the export guides and the main window at a small and a large screen, in English and Dutch.

Run from the repository root after setup:
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_guides.py [OUT_DIR]
(default OUT_DIR: docs/images). Writes `guide-<key>-<lang>.png` for every guide, and
`empty-vault-<lang>-<W>x<H>.png` / `main-window-<lang>-<W>x<H>.png` (the demo case) at 800×600
and 1920×1080. Everything shown is fictional. Look at every picture before committing it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication
from screenshots import save, settle, wait_for

from evidence_kit.storage.keys import KdfParams
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.main_window import AppWindow
from evidence_kit.ui.ui_settings import UiSettings
from evidence_kit.ui.views import guide_texts
from evidence_kit.vault import Vault

SIZES = ((800, 600), (1920, 1080))
PASSPHRASE = "a fictional passphrase for screenshots"  # noqa: S105 (a throw-away demo vault)


def shoot(app: QApplication, language: str, out: Path, scratch: Path) -> None:
    os.environ["EVIDENCE_KIT_LANG"] = language
    settings = UiSettings(scratch / f"ui-{language}.ini")
    settings.language = language
    settings.dossier_folder = str(scratch / "Dossiers")
    fast = KdfParams.insecure_fast()
    controller = AppController(
        settings, window_factory=AppWindow, kdf=fast, quit_on_quick_exit=False, watch_system=False
    )
    window = controller.window
    window.show()
    try:
        vault_path = scratch / f"empty-{language}.ekvault"
        vault, _code = Vault.create(vault_path, PASSPHRASE, case_title="Case (fictional)", kdf=fast)
        vault.close()
        window.unlock(vault_path)
        window.unlock_dialog.passphrase.setText(PASSPHRASE)
        window.unlock_dialog.unlock_button.click()
        wait_for(app, lambda: controller.window.workspace is not None and controller.window.workspace.loaded)
        for width, height in SIZES:
            controller.window.resize(width, height)
            settle(app, 0.6)
            save(controller.window, out / f"empty-vault-{language}-{width}x{height}.png")

        controller.window.resize(1000, 760)
        controller.window.show_help()
        dialog = controller.window.help_dialog
        dialog.resize(760, 820)
        for key, _title in guide_texts.guide_titles():
            dialog.show_guide(key)
            settle(app, 0.3)
            save(dialog, out / f"guide-{key}-{language}.png")
        dialog.reject()

        controller.lock()
        wait_for(app, lambda: controller.window.workspace is None and not controller.worker.busy)
        controller.window.open_demo()
        wait_for(app, lambda: controller.window.workspace is not None and controller.window.workspace.loaded)
        for width, height in SIZES:
            controller.window.resize(width, height)
            settle(app, 1.0)
            save(controller.window, out / f"main-window-{language}-{width}x{height}.png")
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
