"""The app as a whole: start-up without a display, export and checks through the window,
no content left in the user's folders, the worker thread, and the pinned PySide6."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from evidence_kit.ui.app import display_problem
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.qt_compat import none_reference_lost
from evidence_kit.ui.workers import JobKind, VaultWorker

from .conftest import PASSPHRASE, open_demo, open_vault, wait_idle

MARKER = "ZEBRA-MARKER-7f3a9c Anna de Vries"


def test_without_a_display_it_explains_how_to_run_headless(tmp_path: Path) -> None:
    assert display_problem({}, "linux") is not None
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(EVIDENCE_KIT_LANG="en", HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from evidence_kit.ui.app import main; sys.exit(main([]))"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "QT_QPA_PLATFORM=offscreen evidence-kit-gui" in result.stderr
    assert "evidence-kit --help" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_a_dossier_and_check_it(qtbot: QtBot, controller: AppController, ui_home: Path) -> None:
    open_demo(qtbot, controller)
    window = controller.window
    workspace = window.workspace
    assert workspace is not None
    window.export_dossier()
    dialog = window.export_dialog
    images = [dialog.withhold.item(i) for i in range(dialog.withhold.count())]
    assert len(images) == 2
    from PySide6.QtCore import Qt

    images[0].setCheckState(Qt.CheckState.Checked)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.compiler.setText("Anna de Vries")
    target = ui_home / "Documents" / "Dossier test"
    dialog.folder.setText(str(target))
    withheld = int(images[0].data(Qt.ItemDataRole.UserRole))
    assert dialog.options()["withhold"] == [withheld]
    assert dialog.options()["include_withheld"] is False  # withheld originals stay out by default
    assert dialog.options()["with_gaps"] is False
    dialog.with_gaps.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=120_000):
        dialog.export_button.click()
    result = dialog.result_value
    assert Path(result.folder) == target
    assert (target / "dossier.pdf").is_file() and (target / "manifest.json").is_file()
    assert len(list((target / "originals").iterdir())) == 5  # 4 originals and SHA256SUMS: one left out
    assert len(result.item_ids) == 5
    printed = subprocess.run(["pdftotext", str(target / "dossier.pdf"), "-"], capture_output=True, text=True)
    assert "Incident log" in printed.stdout and "Known gaps" in printed.stdout  # the demo's case part
    done = dialog.done_dialog
    assert done.isVisible()
    # The package checks out, through the same window.
    from evidence_kit.ui.views.verify import verify_package

    verify_package(controller, window, target)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "packageReport") is not None, timeout=60_000)
    report = window.findChild(QDialog, "packageReport")
    assert report is not None and report.ok  # type: ignore[attr-defined]
    assert report.verdict.text() == "The package is complete and unchanged since it was exported."  # type: ignore[attr-defined]


def test_custody_log_view_filters_and_verifies(qtbot: QtBot, controller: AppController) -> None:
    open_demo(qtbot, controller)
    window = controller.window
    window.custody_log()
    dialog = window.custody_dialog
    # Created, each of the 5 items stored, what was read from those the program reads, then the
    # demo's case work: 2 people, 3 incidents (one edited once), offence categories on 2 items.
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 14, timeout=20_000)
    total = dialog.model.rowCount()
    dialog.kind.setCurrentIndex(dialog.kind.findData("item_parsed"))
    assert dialog.proxy.rowCount() == total - 6 - 8
    dialog.kind.setCurrentIndex(dialog.kind.findData("incident_recorded"))
    assert dialog.proxy.rowCount() == 3
    dialog.kind.setCurrentIndex(dialog.kind.findData("item_added"))
    assert dialog.proxy.rowCount() == 5
    dialog.search.setText("Incident log")
    assert dialog.proxy.rowCount() == 1
    dialog.verify_chain()
    qtbot.waitUntil(lambda: dialog.verify_button.isEnabled(), timeout=30_000)
    assert dialog.result_label.text().startswith("The vault is intact: 5 items re-hashed and matching, ")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == total + 1, timeout=20_000)  # the check is an event too
    assert dialog.model.entries[-1].event_type == "verified"


def test_no_content_outside_the_vault(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], tmp_path: Path, ui_home: Path
) -> None:
    """After importing, viewing and exporting, the user's config, cache and temp folders hold no marker."""
    path, _code = vault_path
    source = tmp_path / "source"
    source.mkdir()
    (source / "threat.txt").write_text(f"{MARKER}: I know where you live.\n", encoding="utf-8")
    open_vault(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    with qtbot.waitSignal(workspace.import_finished, timeout=20_000):
        workspace.import_paths([str(source / "threat.txt")])
    item_id = workspace.model.rows()[0].id
    with qtbot.waitSignal(workspace.item_page.item_loaded, timeout=20_000):
        workspace.open_item(item_id)
    workspace.item_page.side.note.setPlainText(MARKER)
    with qtbot.waitSignal(workspace.item_page.note_saved, timeout=20_000):
        workspace.item_page.side.save_button.click()
    workspace.list.search.setText("ZEBRA")
    controller.window.export_dossier()
    dialog = controller.window.export_dialog
    dialog.folder.setText(str(tmp_path / "dossier-out"))
    with qtbot.waitSignal(dialog.accepted, timeout=120_000):
        dialog.export_button.click()
    controller.lock()
    wait_idle(qtbot, controller)
    controller.settings.sync()
    needle = MARKER.encode("utf-8")
    scanned = 0
    for folder in (ui_home / ".config", ui_home / ".cache", ui_home / ".local", ui_home / "tmp"):
        for file in folder.rglob("*"):
            if file.is_file():
                scanned += 1
                assert needle not in file.read_bytes(), file
                assert b"ZEBRA" not in file.read_bytes(), file
    assert scanned >= 1  # at least our settings file exists
    assert (path / "vault.db").is_file() and needle not in (path / "vault.db").read_bytes()


def test_worker_runs_jobs_in_order_off_the_gui_thread(qtbot: QtBot) -> None:
    import threading

    worker = VaultWorker()
    worker.start()
    main_thread = threading.get_ident()
    ran: list[tuple[str, int]] = []
    try:
        # The worker's own signals are emitted on its thread: wait on callbacks, which run on ours.
        done: list[str] = []
        worker.submit(lambda _ctx: ran.append(("a", threading.get_ident())))
        worker.submit(
            lambda _ctx: ran.append(("b", threading.get_ident())),
            kind=JobKind.WRITE,
            done=lambda _result: done.append(f"b on {threading.get_ident()}"),
        )
        qtbot.waitUntil(lambda: done == [f"b on {main_thread}"], timeout=5_000)
        assert [name for name, _t in ran] == ["a", "b"]
        assert all(thread != main_thread for _name, thread in ran)
        failures: list[str] = []
        worker.submit(lambda _ctx: 1 / 0, error=lambda exc: failures.append(exc.template))
        qtbot.waitUntil(lambda: failures == ["Something went wrong: {detail}"], timeout=5_000)
    finally:
        assert worker.stop()
    assert not worker.isRunning()


def test_pinned_pyside_keeps_none_alive() -> None:
    """PySide6 6.12.0 on Python 3.11 loses a reference to None on each data() that returns None
    (and to True/False on each signal emit) and aborts the process; the pin must avoid it."""
    assert none_reference_lost() is False


def test_lock_while_an_import_runs_cancels_it(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], tmp_path: Path
) -> None:
    path, _code = vault_path
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(300):
        (folder / f"note {number:03d}.txt").write_text(f"note {number}\n", encoding="utf-8")
    open_vault(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    job = workspace.import_paths([str(folder)])
    assert job is not None
    qtbot.waitUntil(lambda: workspace.model.rowCount() > 0, timeout=20_000)
    controller.lock()
    assert job.cancel.cancelled
    wait_idle(qtbot, controller)
    from evidence_kit.vault import Vault

    with Vault.open(path, PASSPHRASE) as vault:
        stored = vault.items()
        assert 0 < len(stored) <= 300
        assert vault.verify(record=False).ok


def test_demo_grab_shows_the_demo_case_and_leaves_nothing_behind(tmp_path: Path) -> None:
    from tests.grab_check import looks_like_the_demo_case, run_grab

    gui = Path(sys.executable).parent / "evidence-kit-gui"
    image, left, said = run_grab([str(gui)], tmp_path)
    assert "case 'Demo case (fictional)', the list says '5 items'" in said
    assert looks_like_the_demo_case(image)
    assert left == []  # the temporary demo vault is gone, and nothing else was written


def test_an_error_before_the_event_loop_ends_the_process_instead_of_hanging(tmp_path: Path) -> None:
    # An error after the window is made and before the event loop once left `--grab` waiting
    # forever on the crash guard's message box, which nobody at an unattended check can close
    # (found in the bundle); it now says the kind of error and exits 1.
    code = (
        "import sys; import evidence_kit.ui.self_check as check; check.GrabWhenReady = None\n"
        "from evidence_kit.ui.app import main; sys.exit(main(['--grab', 'never.png']))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "EVIDENCE_KIT_LANG": "en"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert result.returncode == 1
    assert "the app did not start (TypeError)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "never.png").exists()
