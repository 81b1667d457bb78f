"""Trusted time-stamps in the background of the app, against a real local RFC 3161 TSA.

The settings file (EVIDENCE_KIT_SETTINGS, written by `ui_home` with time-stamping off) is
overwritten here with time-stamping on and the local OpenSSL TSA of tests/tsa_server.py as the
only authority. Items imported through the window get their tokens on the stamping thread and
the list shows them; no connection is silent and retried; locking, even with a request in
flight, joins the stamping thread before the vault closes; Settings turn it off and on at once.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from evidence_kit.storage.custody import EventType
from evidence_kit.ui.controller import AppController
from evidence_kit.ui.models.item_table import Column
from evidence_kit.ui.models.rows import TrustedState
from evidence_kit.ui.stamper import BackgroundStamper
from evidence_kit.ui.views.workspace import Workspace
from evidence_kit.vault import Vault
from tests.tsa_server import LocalTsa, running_tsa

from .conftest import PASSPHRASE, open_vault, wait_idle

WAIT_MS = 30_000


@pytest.fixture(scope="module")
def local_tsa(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalTsa]:
    with running_tsa(tmp_path_factory.mktemp("tsa")) as tsa:
        yield tsa


@pytest.fixture(autouse=True)
def no_stamper_left() -> Iterator[None]:
    """Set up before the controller, so this runs after it has shut down."""
    yield
    assert BackgroundStamper.running() == [], "a time-stamping thread was left running"


def use_tsa(tsa: LocalTsa, url: str, *, enabled: bool = True) -> None:
    """Point the program settings at one TSA (the file EVIDENCE_KIT_SETTINGS names)."""
    settings = {
        "timestamping_enabled": enabled,
        "tsas": [{"name": "Local test TSA", "url": url, "roots_pem": tsa.pki.root_pem.decode("ascii")}],
        "tsa_timeout_s": 20,
    }
    Path(os.environ["EVIDENCE_KIT_SETTINGS"]).write_text(json.dumps(settings), encoding="utf-8")


def fast(controller: AppController) -> None:
    """Look at once after opening, and retry at once after a failure (no real pauses in tests)."""
    controller.stamper.first_delay_s = 0.0
    controller.stamper.backoff_s = (0.01,)


def open_stamping(qtbot: QtBot, controller: AppController, path: Path) -> None:
    """Unlock through the window, and wait for the stamper's first look (nothing waits yet), so
    the imports of a test are stamped together, as one run."""
    open_vault(qtbot, controller, path)
    qtbot.waitUntil(lambda: controller.stamper.status.runs >= 1, timeout=WAIT_MS)


def import_files(qtbot: QtBot, workspace: Workspace, folder: Path, names: list[str]) -> list[int]:
    """Add files through the window's import path; returns the new items' ids."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / name
        path.write_text(f"Fictional evidence: {name}, a message to Anna de Vries.\n", encoding="utf-8")
        paths.append(str(path))
    before = {row.id for row in workspace.model.rows()}
    with qtbot.waitSignal(workspace.import_finished, timeout=WAIT_MS) as finished:
        workspace.import_paths(paths)
    assert finished.args[0] is not None and not finished.args[0].cancelled
    return sorted({row.id for row in workspace.model.rows()} - before)


def trusted(workspace: Workspace, item_id: int) -> TrustedState:
    row = workspace.model.row_by_id(item_id)
    assert row is not None
    return row.trusted


def trusted_cell(workspace: Workspace, item_id: int) -> str:
    position = workspace.model.position_of(item_id)
    assert position is not None
    return str(
        workspace.model.data(workspace.model.index(position, Column.TRUSTED), Qt.ItemDataRole.DisplayRole)
    )


def message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def timestamp_events(vault: Vault) -> list[dict[str, str]]:
    return [dict(e.data) for e in vault.custody_log() if e.event_type == EventType.TIMESTAMP_OBTAINED]


def test_imported_items_are_time_stamped_in_the_background(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], local_tsa: LocalTsa, tmp_path: Path
) -> None:
    use_tsa(local_tsa, local_tsa.url("tsa"))
    fast(controller)
    path, _code = vault_path
    open_stamping(qtbot, controller, path)
    window = controller.window
    workspace = window.workspace
    assert workspace is not None
    ids = import_files(qtbot, workspace, tmp_path / "in", ["screenshot.txt", "mail.txt", "chat.txt"])
    assert len(ids) == 3
    qtbot.waitUntil(lambda: all(trusted(workspace, i) is TrustedState.STAMPED for i in ids), timeout=WAIT_MS)
    assert [trusted_cell(workspace, i) for i in ids] == ["Yes", "Yes", "Yes"]
    qtbot.waitUntil(lambda: window.stamp_label.text() == "Time-stamps up to date", timeout=WAIT_MS)
    assert window.stamp_label.isVisible()
    assert message_boxes() == []
    assert controller.worker.isRunning()  # stamping never ran as a job of the vault worker

    with qtbot.waitSignal(controller.worker.vault_closed, timeout=WAIT_MS):
        controller.lock()
    assert BackgroundStamper.running() == []
    assert not window.stamp_label.isVisible()
    with Vault.open(path, PASSPHRASE) as vault:
        events = timestamp_events(vault)
        subjects = [event["subject"] for event in events]
        assert subjects == ["merkle_root", "custody_head"]  # one token for the batch, one for the log
        assert json.loads(events[0]["items"]) == ids
        assert all(vault.item_timestamps(i) for i in ids)
        assert vault.pending_timestamps() == []
        report = vault.verify(tsa_roots=[local_tsa.pki.root])
        assert report.ok, report.problems


def test_no_connection_is_silent_retried_and_joined_at_lock(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], local_tsa: LocalTsa, tmp_path: Path
) -> None:
    use_tsa(local_tsa, local_tsa.closed_url)  # nothing listens there: "connection refused"
    fast(controller)
    path, _code = vault_path
    open_stamping(qtbot, controller, path)
    window = controller.window
    workspace = window.workspace
    assert workspace is not None
    ids = import_files(qtbot, workspace, tmp_path / "in", ["one.txt", "two.txt"])
    runs = controller.stamper.status.runs
    # Retried again and again (back-off shortened for the test), and never an error on screen.
    qtbot.waitUntil(
        lambda: controller.stamper.status.runs >= runs + 3 and controller.stamper.status.failed,
        timeout=WAIT_MS,
    )
    assert message_boxes() == []
    assert [trusted(workspace, i) for i in ids] == [TrustedState.PENDING, TrustedState.PENDING]
    assert [trusted_cell(workspace, i) for i in ids] == ["Waiting", "Waiting"]
    assert window.stamp_label.isVisible()
    assert window.stamp_label.text() == "2 items waiting for a trusted time-stamp"
    assert "tries again by itself" in window.stamp_label.toolTip()

    # The app stays usable meanwhile: an item opens through the vault worker.
    with qtbot.waitSignal(workspace.item_page.item_loaded, timeout=WAIT_MS):
        workspace.open_item(ids[0])
    workspace.show_list()

    with qtbot.waitSignal(controller.worker.vault_closed, timeout=WAIT_MS):
        controller.lock()
    assert BackgroundStamper.running() == []  # joined before the worker closed the vault
    assert message_boxes() == []
    with Vault.open(path, PASSPHRASE) as vault:
        waiting = [p for p in vault.pending_timestamps() if p.subject == "item"]
        assert sorted(p.item_id or 0 for p in waiting) == ids
        assert all(p.attempts >= 3 and p.last_error_template for p in waiting)  # kept for the next try
        assert timestamp_events(vault) == []


def test_time_stamps_arrive_when_the_authority_answers_again(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], local_tsa: LocalTsa, tmp_path: Path
) -> None:
    use_tsa(local_tsa, local_tsa.closed_url)
    fast(controller)
    controller.stamper.backoff_s = (0.05,)
    path, _code = vault_path
    open_stamping(qtbot, controller, path)
    window = controller.window
    workspace = window.workspace
    assert workspace is not None
    [item] = import_files(qtbot, workspace, tmp_path / "in", ["photo note.txt"])
    qtbot.waitUntil(lambda: controller.stamper.status.failed, timeout=WAIT_MS)
    assert window.stamp_label.text() == "1 item waiting for a trusted time-stamp"
    # The connection comes back: the next retry reads the settings afresh; nobody pokes it.
    use_tsa(local_tsa, local_tsa.url("tsa"))
    qtbot.waitUntil(lambda: trusted(workspace, item) is TrustedState.STAMPED, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.stamp_label.text() == "Time-stamps up to date", timeout=WAIT_MS)
    assert not controller.stamper.status.failed
    controller.lock()
    wait_idle(qtbot, controller)


def test_locking_with_a_request_in_flight_waits_for_it_then_closes(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], local_tsa: LocalTsa, tmp_path: Path
) -> None:
    local_tsa.slow_arrived.clear()
    local_tsa.slow_release.clear()
    use_tsa(local_tsa, local_tsa.url("slow"))  # answers only when the test lets it
    fast(controller)
    path, _code = vault_path
    open_stamping(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    ids = import_files(qtbot, workspace, tmp_path / "in", ["first.txt", "second.txt"])
    qtbot.waitUntil(local_tsa.slow_arrived.is_set, timeout=WAIT_MS)

    controller.lock()  # returns at once: the window never waits for the network
    assert controller.window.workspace is None  # the content left the window already
    assert len(BackgroundStamper.running()) == 1  # still inside its request...
    assert controller.worker.busy  # ...and the worker waits for it before closing the vault
    with qtbot.waitSignal(controller.worker.vault_closed, timeout=WAIT_MS):
        local_tsa.slow_release.set()
    assert BackgroundStamper.running() == []
    wait_idle(qtbot, controller)

    with Vault.open(path, PASSPHRASE) as vault:
        report = vault.verify(tsa_roots=[local_tsa.pki.root])
        assert report.ok, report.problems
        # The token of the request in flight is kept; the cancel stopped the run before the
        # custody log's head was sent.
        events = timestamp_events(vault)
        assert [event["subject"] for event in events] == ["merkle_root"]
        assert json.loads(events[0]["items"]) == ids
        assert [p for p in vault.pending_timestamps() if p.subject == "item"] == []


def test_turning_time_stamping_off_in_settings_stops_it_at_once(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], local_tsa: LocalTsa, tmp_path: Path
) -> None:
    use_tsa(local_tsa, local_tsa.url("tsa"))
    fast(controller)
    path, _code = vault_path
    open_stamping(qtbot, controller, path)
    opened = controller.window.workspace
    assert opened is not None
    [first] = import_files(qtbot, opened, tmp_path / "in", ["first.txt"])
    qtbot.waitUntil(lambda: trusted(opened, first) is TrustedState.STAMPED, timeout=WAIT_MS)

    def set_timestamping(on: bool) -> None:
        controller.window.open_settings()
        dialog = controller.window.settings_dialog
        assert dialog.timestamps.isChecked() is not on
        dialog.timestamps.setChecked(on)
        with qtbot.waitSignal(
            controller.stamper.status_changed, timeout=WAIT_MS, check_params_cb=lambda s: s.enabled is on
        ):
            dialog.save()  # the window is rebuilt; the vault stays open
        wait_idle(qtbot, controller)
        assert controller.window.workspace is not None
        qtbot.waitUntil(
            lambda: controller.window.workspace is not None and controller.window.workspace.loaded
        )

    set_timestamping(False)
    assert not controller.stamper.status.enabled
    assert not controller.window.stamp_label.isVisible()
    served = local_tsa.requests_served
    workspace = controller.window.workspace
    assert workspace is not None
    checks = controller.stamper.status.checks
    [second] = import_files(qtbot, workspace, tmp_path / "more", ["second.txt"])
    # The import woke the stamper; it read the settings, found them off, and sent nothing.
    qtbot.waitUntil(lambda: controller.stamper.status.checks > checks, timeout=WAIT_MS)
    assert not controller.stamper.status.enabled
    assert local_tsa.requests_served == served
    assert trusted(workspace, second) is TrustedState.PENDING
    assert not controller.window.stamp_label.isVisible()

    set_timestamping(True)  # and on again, still without a restart
    workspace = controller.window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: trusted(workspace, second) is TrustedState.STAMPED, timeout=WAIT_MS)
    assert local_tsa.requests_served > served
    controller.lock()
    wait_idle(qtbot, controller)


def test_the_status_is_dutch_in_the_dutch_app(
    qtbot: QtBot, controller: AppController, vault_path: tuple[Path, str], local_tsa: LocalTsa, tmp_path: Path
) -> None:
    use_tsa(local_tsa, local_tsa.closed_url)
    fast(controller)
    controller.stamper.backoff_s = (60.0,)  # one failed try, then quiet
    path, _code = vault_path
    open_stamping(qtbot, controller, path)
    workspace = controller.window.workspace
    assert workspace is not None
    import_files(qtbot, workspace, tmp_path / "in", ["een.txt", "twee.txt"])
    qtbot.waitUntil(lambda: controller.stamper.status.failed and controller.stamper.status.waiting == 2)
    controller.apply_language("nl")
    label = controller.window.stamp_label
    assert label.isVisible()
    assert label.text() == "2 items wachten op een betrouwbaar tijdstempel"
    assert label.toolTip().startswith("Er was zojuist geen tijdstempelinstantie bereikbaar")
    controller.lock()
    wait_idle(qtbot, controller)
