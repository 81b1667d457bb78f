"""Does the window stay responsive while the passphrase changes with real Argon2id parameters?

A QTimer heartbeat ticks every 10 ms on the GUI thread; a gap beyond the interval is a stall the
user would feel. Three phases in one run, each as long as the change takes:
- idle: the open vault, nothing running (the event loop's own jitter);
- change: the real path: "Change passphrase…" dialog, both fields typed, the button clicked,
  until the dialog says it is done (the current passphrase is checked, the key rewrapped, the
  custody event written, all in the vault worker);
- on the GUI thread (the baseline): the same two key derivations called directly on the GUI
  thread, which is what the window would suffer if the change ran there.
The vault is made with the default (real) key-derivation parameters. Prints the figures and,
as the last line, JSON: {"bench": "passphrase_change_ui", ...}.

Run from the repository root: python bench/passphrase_change_ui.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HEARTBEAT_MS = 10
OLD = "benchmark passphrase, old"  # a throwaway vault
NEW = "benchmark passphrase, new"


def main() -> int:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from evidence_kit.storage.keys import SLOT_PASSPHRASE, KdfParams, KeyFile, normalize_passphrase
    from evidence_kit.ui import jobs
    from evidence_kit.ui.controller import AppController
    from evidence_kit.ui.main_window import AppWindow
    from evidence_kit.ui.ui_settings import UiSettings
    from evidence_kit.ui.workers import JobKind
    from evidence_kit.vault import KEY_FILE, Vault

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)

    def spin_until(done: Callable[[], bool], limit_s: float = 60.0) -> None:
        deadline = time.monotonic() + limit_s
        while not done():
            app.processEvents()
            if time.monotonic() > deadline:
                raise SystemExit("timed out")

    with tempfile.TemporaryDirectory(prefix="ek-passphrase-bench-") as scratch:
        root = Path(scratch)
        os.environ["EVIDENCE_KIT_SETTINGS"] = str(root / "settings.json")
        (root / "settings.json").write_text('{"timestamping_enabled": false}', encoding="utf-8")
        path = root / "bench.ekvault"
        kdf = KdfParams.default()
        Vault.create(path, OLD, case_title="Bench", kdf=kdf)[0].close()
        settings = UiSettings(root / "ui.ini")
        settings.language = "en"
        controller = AppController(
            settings, window_factory=AppWindow, kdf=None, quit_on_quick_exit=False, watch_system=False
        )
        controller.window.show()
        controller.worker.submit(
            lambda ctx: jobs.open_vault(ctx, path, passphrase=OLD),
            kind=JobKind.SESSION,
            done=controller.opened,
        )
        spin_until(lambda: controller.window.workspace is not None and controller.window.workspace.loaded)

        clock = QElapsedTimer()
        clock.start()
        gaps: list[float] = []
        last = [clock.nsecsElapsed()]

        def beat() -> None:
            now = clock.nsecsElapsed()
            gaps.append((now - last[0]) / 1e6)
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(HEARTBEAT_MS)
        heartbeat.timeout.connect(beat)

        def measure(phase: Callable[[], None]) -> tuple[float, float]:
            """(seconds, largest stall in ms) of one phase, the heartbeat running throughout."""
            gaps.clear()
            heartbeat.start()
            spin_until(lambda: len(gaps) >= 3)  # the heartbeat is running
            last[0] = clock.nsecsElapsed()
            gaps.clear()
            started = time.monotonic()
            phase()
            seconds = time.monotonic() - started
            beats = len(gaps)
            spin_until(lambda: len(gaps) > beats)  # one more beat measures the end of the phase
            heartbeat.stop()
            return seconds, max(max(0.0, gap - HEARTBEAT_MS) for gap in gaps)

        # The real path, through the dialog.
        window = controller.window
        window.change_passphrase_action.trigger()
        dialog = window.change_passphrase_dialog
        dialog.current.setText(OLD)
        dialog.new.passphrase.setText(NEW)
        dialog.new.repeat.setText(NEW)
        changed: list[bool] = []
        dialog.passphrase_changed.connect(lambda: changed.append(True))

        def change() -> None:
            dialog.change_button.click()
            spin_until(lambda: bool(changed))

        change_s, change_stall = measure(change)
        dialog.accept()
        idle_s, idle_stall = measure(lambda: _idle(app, change_s))

        keyfile = KeyFile.from_bytes((path / KEY_FILE).read_bytes(), path / KEY_FILE)
        slot = keyfile.slot(SLOT_PASSPHRASE)
        assert slot is not None

        def on_gui_thread() -> None:  # the check and the new wrap: two derivations, as the job does
            assert slot.unwrap(normalize_passphrase(NEW), keyfile.vault_id) is not None
            assert slot.unwrap(normalize_passphrase(NEW), keyfile.vault_id) is not None

        gui_s, gui_stall = measure(on_gui_thread)
        controller.shutdown()
        with Vault.open(path, NEW) as vault:
            assert any(e.event_type == "passphrase_changed" for e in vault.custody_log())

    result = {
        "bench": "passphrase_change_ui",
        "kdf_memory_kib": kdf.memory_kib,
        "kdf_iterations": kdf.iterations,
        "change_seconds": round(change_s, 3),
        "max_stall_ms_during_change": round(change_stall, 1),
        "max_stall_ms_idle": round(idle_stall, 1),
        "max_stall_ms_same_work_on_gui_thread": round(gui_stall, 1),
        "gui_thread_work_seconds": round(gui_s, 3),
        "idle_seconds": round(idle_s, 3),
    }
    print(f"key derivation: Argon2id, {kdf.memory_kib} KiB, {kdf.iterations} passes")
    print(f"change through the dialog: {change_s:.3f} s; largest stall of the window {change_stall:.1f} ms")
    print(f"idle for as long: largest stall {idle_stall:.1f} ms")
    print(f"the same derivations on the GUI thread: {gui_s:.3f} s; largest stall {gui_stall:.1f} ms")
    print(json.dumps(result))
    return 0


def _idle(app: object, seconds: float) -> None:
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        app.processEvents()


if __name__ == "__main__":
    sys.exit(main())
