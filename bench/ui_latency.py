"""How responsive the window stays while 1,000 files are imported through the GUI path.

A QTimer heartbeat ticks every 10 ms on the GUI thread; every gap longer than the interval is
a stall the user would feel. The import runs exactly as a drop does (`Workspace.import_paths`:
worker thread, progress dialog, rows appearing, the import report at the end). Prints the
figures and, as the last line, JSON:
{"bench": "ui_latency", "files": 1000, "max_stall_ms": ..., "p99_stall_ms": ...}.

Run: QT_QPA_PLATFORM=offscreen python bench/ui_latency.py [--files N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HEARTBEAT_MS = 10


def make_files(folder: Path, count: int) -> list[Path]:
    """Small files of the kinds people add: notes, tiny PNGs, a few chat exports."""
    import io

    from PIL import Image

    rng = random.Random(6)
    paths = []
    for number in range(count):
        if number % 10 == 0:
            buffer = io.BytesIO()
            picture = Image.new("RGB", (64, 48), (rng.randrange(256), 80, 120))
            # Each picture unique: a duplicate would (rightly) stop the import with a question.
            picture.putpixel((0, 0), (number % 256, number // 256, 0))
            picture.save(buffer, "PNG")
            path = folder / f"screenshot {number:04d}.png"
            path.write_bytes(buffer.getvalue())
        elif number % 50 == 1:
            path = folder / f"WhatsApp Chat {number:04d}.txt"
            lines = [
                f"03-10-2026 23:{m:02d} - Mark (fictional): message {m} of chat {number}" for m in range(40)
            ]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            path = folder / f"note {number:04d}.txt"
            path.write_bytes(rng.randbytes(rng.randrange(200, 4000)))
        paths.append(path)
    return paths


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from evidence_kit.storage.keys import KdfParams
    from evidence_kit.ui.controller import AppController
    from evidence_kit.ui.jobs import create_vault
    from evidence_kit.ui.main_window import AppWindow
    from evidence_kit.ui.ui_settings import UiSettings
    from evidence_kit.ui.workers import JobKind

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="ek-ui-bench-") as scratch:
        root = Path(scratch)
        os.environ["EVIDENCE_KIT_SETTINGS"] = str(root / "settings.json")
        (root / "settings.json").write_text('{"timestamping_enabled": false}', encoding="utf-8")
        source = root / "files"
        source.mkdir()
        files = make_files(source, args.files)
        total_bytes = sum(p.stat().st_size for p in files)
        settings = UiSettings(root / "ui.ini")
        settings.language = "en"
        controller = AppController(
            settings,
            window_factory=AppWindow,
            kdf=KdfParams.insecure_fast(),
            quit_on_quick_exit=False,
            watch_system=False,
        )
        controller.window.resize(1200, 760)
        controller.window.show()
        opened: list[object] = []
        controller.worker.submit(
            lambda ctx: create_vault(
                ctx, root / "bench.ekvault", "benchmark passphrase", "Bench", KdfParams.insecure_fast()
            ),
            kind=JobKind.SESSION,
            done=lambda session: (controller.opened(session), opened.append(session)),
        )
        deadline = time.monotonic() + 60
        while not (opened and controller.window.workspace and controller.window.workspace.loaded):
            app.processEvents()
            if time.monotonic() > deadline:
                raise SystemExit("the vault did not open")
        workspace = controller.window.workspace
        assert workspace is not None

        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.nsecsElapsed()]

        moments: list[float] = []

        def beat() -> None:
            now = clock.nsecsElapsed()
            gaps.append((now - last[0]) / 1e6)
            moments.append(now / 1e9)
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(HEARTBEAT_MS)
        heartbeat.timeout.connect(beat)
        finished: list[object] = []
        workspace.import_finished.connect(finished.append)
        heartbeat.start()
        started = time.monotonic()
        workspace.import_paths([str(source)])
        while not finished:
            app.processEvents()
            if workspace.duplicates is not None:
                raise SystemExit("the generated files hold duplicates; the import asks about them")
        done_at = clock.nsecsElapsed() / 1e9
        # The report dialog is built and shown in the same turn; let one more beat measure it.
        until = time.monotonic() + 0.2
        while time.monotonic() < until:
            app.processEvents()
        elapsed = time.monotonic() - started
        heartbeat.stop()
        outcome = finished[0]
        added = sum(1 for r in outcome.results if r.error is None) if outcome is not None else 0  # type: ignore[attr-defined]
        controller.shutdown()
    stalls = [max(0.0, gap - HEARTBEAT_MS) for gap in gaps]
    result = {
        "bench": "ui_latency",
        "files": args.files,
        "added": added,
        "seconds": round(elapsed, 2),
        "files_per_second": round(args.files / elapsed, 1),
        "megabytes": round(total_bytes / 1e6, 2),
        "beats": len(gaps),
        "median_gap_ms": round(statistics.median(gaps), 2) if gaps else 0.0,
        "max_stall_ms": round(max(stalls), 1) if stalls else 0.0,
        "p99_stall_ms": round(percentile(stalls, 0.99), 1),
    }
    worst = sorted(range(len(stalls)), key=stalls.__getitem__)[-5:]
    where = ", ".join(f"{stalls[i]:.0f} ms at {moments[i] - done_at:+.2f} s" for i in reversed(worst))
    print(f"largest stalls (time relative to the end of the import): {where}")
    print(f"imported {added} of {args.files} files ({result['megabytes']} MB) in {result['seconds']} s")
    print(f"heartbeat every {HEARTBEAT_MS} ms: {len(gaps)} beats, median gap {result['median_gap_ms']} ms")
    print(
        f"stall beyond the heartbeat: max {result['max_stall_ms']} ms, "
        f"99th percentile {result['p99_stall_ms']} ms"
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
