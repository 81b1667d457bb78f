"""Grab the case-work screens of the desktop app (incident log, editor, history, notice, timeline,
people register, an item's hints), in Dutch and English, with the fictional demo case.

Run from the repository root after setup:
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_case.py OUT_DIR [LANG ...]
Writes `case-<screen>-<lang>.png`. Everything shown is fictional: the demo case, and incidents
and a person written here. Look at every picture before committing one to docs/images.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from evidence_kit.domain import ItemKind
from evidence_kit.storage.keys import KdfParams
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.main_window import AppWindow
from evidence_kit.ui.ui_settings import UiSettings
from evidence_kit.ui.views.case_window import INCIDENTS, PEOPLE, TIMELINE
from scripts.screenshots import SIZE, save, settle, wait_for

URL = "https://www.instagram.com/p/FICTIONAL123/"


def shoot(app: QApplication, language: str, out: Path, scratch: Path) -> None:
    os.environ["EVIDENCE_KIT_LANG"] = language
    settings = UiSettings(scratch / f"ui-{language}.ini")
    settings.language = language
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
        window.open_demo()
        wait_for(app, lambda: window.workspace is not None and window.workspace.loaded)
        workspace = window.workspace
        assert workspace is not None
        rows = list(workspace.model.rows())
        # The demo's text file says no date of its own: an item with a hint to show.
        image = next((r.id for r in rows if r.summary.kind == ItemKind.FILE), None)
        # The demo case holds its case work (case/demo_case.py): 3 incidents, the third edited
        # once, 2 people.
        window.case.count_gaps()
        wait_for(app, lambda: not controller.worker.busy)
        settle(app, 1.0)
        save(window, out / f"case-main-{language}.png")
        if image is not None:
            workspace.open_item(image)
            wait_for(app, lambda: workspace.item_page.gaps_label.isVisible())
            settle(app, 0.5)
            save(window, out / f"case-item-hints-{language}.png")
            workspace.show_list()
        case = window.case.show_page(INCIDENTS)
        assert case is not None
        wait_for(app, lambda: case.log.table.rowCount() == 3)
        settle(app, 0.5)
        save(case, out / f"case-incidents-{language}.png")
        case.log.select_incident(1)
        editor = case.log.edit_selected()
        assert editor is not None
        settle(app, 0.3)
        for number in range(editor.tabs.count()):
            editor.tabs.setCurrentIndex(number)
            settle(app, 0.2)
            save(editor, out / f"case-editor-{number}-{language}.png")
        editor.reject()
        case.log.select_incident(3)
        history = case.log.history_of_selected()
        assert history is not None
        wait_for(app, lambda: history.table.rowCount() == 2)
        history.show_version(1)
        settle(app, 0.3)
        save(history, out / f"case-history-{language}.png")
        history.reject()
        case.log.select_incident(1)
        notice = case.log.notice_for_selected()
        assert notice is not None
        settle(app, 0.3)
        save(notice, out / f"case-notice-{language}.png")
        notice.reject()
        case.show_page(TIMELINE)
        wait_for(app, lambda: bool(case.timeline.entries))
        settle(app, 0.5)
        save(case, out / f"case-timeline-{language}.png")
        case.show_page(PEOPLE)
        wait_for(app, lambda: case.people.table.rowCount() == 2)
        settle(app, 0.5)
        save(case, out / f"case-people-{language}.png")
        case.people.table.selectRow(0)
        dialog = case.people.edit_selected()
        if dialog is not None:
            settle(app, 0.3)
            save(dialog, out / f"case-person-{language}.png")
            dialog.reject()
    finally:
        controller.shutdown()
        settle(app, 0.2)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/images")
    languages = sys.argv[2:] or ["nl", "en"]
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="ek-shots-") as scratch:
        settings_file = Path(scratch) / "settings.json"
        settings_file.write_text('{"timestamping_enabled": false}\n', encoding="utf-8")
        os.environ["EVIDENCE_KIT_SETTINGS"] = str(settings_file)  # never ask a public TSA
        for language in languages:
            shoot(app, language, out, Path(scratch))


if __name__ == "__main__":
    main()
