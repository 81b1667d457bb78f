"""Does a vault of 100,000 items open and scroll without stalls? Measured through the real window.

Part 1 builds (or reuses from a cache folder) a vault of `--items` items through the real
import path, `add_paths`: WhatsApp export zips of `ZIP_MEMBERS` tiny fictional members each
(screenshots with thumbnails, notes, other files; each zip's chat and members are stored in one
transaction by `Vault.add_export`), loose chats (WhatsApp, Telegram, e-mail), pictures and
files, then categories and notes on some items through `Vault.set_category` / `set_note`.
The cache holds only the encrypted vault and its fictional passphrase (and the build time),
keyed by `CACHE_VERSION` and the item count.

Part 2 starts the real controller and window under QT_QPA_PLATFORM=offscreen, unlocks the
vault through the unlock dialog and, while a 10 ms QTimer heartbeat measures how long the GUI
thread's event loop is kept from running, it (a) times unlock -> every row in the list;
(b) scrolls the list top to bottom in page steps and back, then drags the scroll bar to random
positions and waits for the visible thumbnails; (c) clicks every column header (ascending and
descending); (d) types search words letter by letter and sets the kind, platform, category and
date filters, then clears them; (e) opens an item and goes back. Baseline, in the same run:
`vault.items()` alone (the raw data fetch), so the open time is also given as a ratio.

Run from the repository root: `python bench/ui_large_vault.py [--items 100000] [--rebuild]`.
The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# bench/ is on sys.path when this runs as `python bench/ui_large_vault.py`.
from large_vault_builder import CATEGORIES, SEARCH_WORDS, ensure_vault

HEARTBEAT_MS = 10


def baseline_items(path: Path, passphrase: str) -> tuple[float, float, int]:
    """The raw data fetch alone: `vault.items()` (opening excluded), as any caller gets it and
    with the garbage collector held off (as the list's loader runs it). Returns both and the count."""
    from evidence_kit.vault import Vault

    with Vault.open(path, passphrase) as vault:
        started = time.perf_counter()
        count = len(vault.items())
        plain = time.perf_counter() - started
        gc.disable()
        try:
            started = time.perf_counter()
            vault.items()
            quiet = time.perf_counter() - started
        finally:
            gc.enable()
        gc.collect()
        return plain, quiet, count


# ---------------------------------------------------------------------------------------------
# Driving the window
# ---------------------------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Heartbeat:
    """A 10 ms QTimer on the GUI thread; each gap beyond the interval is a stall, filed by phase."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.phase = "idle"
        self.stalls: dict[str, list[float]] = {}
        self.worst: dict[str, tuple[float, str]] = {}
        self.note = ""
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = self._clock.nsecsElapsed()
        self._timer = QTimer()
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)
        # Python's garbage collector holds the interpreter lock on any thread: its pauses are
        # recorded too, so a stall can be told apart from slow code.
        self.gc_pauses: dict[str, list[float]] = {}
        self._gc_started = 0.0

    def _gc(self, stage: str, _info: dict[str, int]) -> None:
        if stage == "start":
            self._gc_started = time.perf_counter()
        else:
            pause = (time.perf_counter() - self._gc_started) * 1000
            self.gc_pauses.setdefault(self.phase, []).append(pause)

    def start(self) -> None:
        self._last = self._clock.nsecsElapsed()
        self._timer.start()
        gc.callbacks.append(self._gc)

    def stop(self) -> None:
        self._timer.stop()
        if self._gc in gc.callbacks:
            gc.callbacks.remove(self._gc)

    def _beat(self) -> None:
        now = self._clock.nsecsElapsed()
        stall = max(0.0, (now - self._last) / 1e6 - HEARTBEAT_MS)
        self._last = now
        self.stalls.setdefault(self.phase, []).append(stall)
        if stall > self.worst.get(self.phase, (0.0, ""))[0]:
            self.worst[self.phase] = (stall, self.note)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true", help="build the vault again, not from the cache")
    parser.add_argument("--drags", type=int, default=12, help="random scroll-bar positions")
    args = parser.parse_args(argv)

    scratch = Path(tempfile.mkdtemp(prefix="ek-bench-ui-large-"))
    try:
        # Time-stamping off: a benchmark never asks a public time-stamp authority.
        settings_file = scratch / "settings.json"
        settings_file.write_text('{"timestamping_enabled": false}\n', encoding="utf-8")
        os.environ["EVIDENCE_KIT_SETTINGS"] = str(settings_file)
        os.environ.setdefault("EVIDENCE_KIT_LANG", "en")
        path, passphrase, build_s, reused = ensure_vault(args.items, args.rebuild)
        items_s, items_nogc_s, counted = baseline_items(path, passphrase)
        print(
            f"baseline: vault.items() of {counted} items in {items_s:.2f} s "
            f"({items_nogc_s:.2f} s with the garbage collector held off)",
            flush=True,
        )
        open_s, figures = drive(path, passphrase, scratch, counted, args.drags)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    figures.update(
        {
            "items_s": round(items_s, 2),
            "items_nogc_s": round(items_nogc_s, 2),
            "open_ratio": round(open_s / items_nogc_s, 2) if items_nogc_s else None,
            "build_s": round(build_s, 1),
            "build_reused": reused,
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }
    )
    result = {"bench": "ui_large_vault", "items": counted, **figures}
    print(json.dumps(result))
    return 0


def drive(
    path: Path, passphrase: str, scratch: Path, items: int, drags: int
) -> tuple[float, dict[str, object]]:
    """Unlock and use the list through the real window. Returns (open seconds, every figure)."""
    from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractSlider, QApplication

    from evidence_kit.domain import ItemKind
    from evidence_kit.storage.keys import KdfParams
    from evidence_kit.ui.controller import AppController
    from evidence_kit.ui.main_window import AppWindow
    from evidence_kit.ui.models.item_table import Column
    from evidence_kit.ui.ui_settings import UiSettings

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    settings = UiSettings(scratch / "ui.ini")
    settings.language = "en"
    settings.autolock_minutes = 0  # the bench drives the window for minutes without "user" input
    controller = AppController(
        settings,
        window_factory=AppWindow,
        kdf=KdfParams.insecure_fast(),
        quit_on_quick_exit=False,
        watch_system=False,
    )
    window = controller.window
    window.resize(1200, 760)
    window.show()
    try:
        beat = Heartbeat()
        rng = random.Random(7)

        def pump(seconds: float = 0.0) -> None:
            until = time.monotonic() + seconds
            app.processEvents()
            while time.monotonic() < until:
                app.processEvents()
                time.sleep(0.001)  # the event loop's own idle wait, in effect

        def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> float:
            started = time.monotonic()
            while not condition():
                app.processEvents()
                time.sleep(0.0005)
                if time.monotonic() - started > timeout:
                    raise SystemExit(f"timed out waiting for {what}")
            return time.monotonic() - started

        def phase(name: str) -> None:
            beat.phase = name
            beat.note = ""

        beat.start()
        pump(0.2)

        # (a) unlock -> every row shown
        phase("open")
        window.unlock(path)
        dialog = window.unlock_dialog
        dialog.passphrase.setText(passphrase)
        started = time.perf_counter()
        dialog.unlock_button.click()
        wait_for(lambda: window.workspace is not None and window.workspace.loaded, 600, "the list")
        workspace = window.workspace
        assert workspace is not None
        lst = workspace.list
        wait_for(lambda: lst.table.model().rowCount() == items, 60, "every row")
        open_s = time.perf_counter() - started
        pump(0.3)
        print(f"open: unlock -> {items} rows in the list in {open_s:.2f} s", flush=True)
        table = lst.table
        bar = table.verticalScrollBar()
        model = workspace.model
        row_at = getattr(lst, "row_at", None) or lst.proxy.row_at

        def images_without_thumbnail() -> int:
            """Pictures on screen still drawn with the kind icon."""
            top = table.rowAt(0)
            bottom = table.rowAt(table.viewport().height() - 1)
            if top < 0:
                return 0
            bottom = bottom if bottom >= 0 else table.model().rowCount() - 1
            missing = 0
            for row_number in range(top, bottom + 1):
                row = row_at(row_number)
                if row is not None and row.summary.kind == ItemKind.IMAGE and model.thumbnail(row.id) is None:
                    missing += 1
            return missing

        # (b) scrolling
        phase("scroll")
        steps = 0
        scroll_started = time.perf_counter()
        for action in (
            QAbstractSlider.SliderAction.SliderPageStepAdd,
            QAbstractSlider.SliderAction.SliderPageStepSub,
        ):
            end = bar.maximum() if action == QAbstractSlider.SliderAction.SliderPageStepAdd else bar.minimum()
            while bar.value() != end:
                bar.triggerAction(action)
                steps += 1
                beat.note = f"page step {steps}"
                app.processEvents()
        page_s = time.perf_counter() - scroll_started
        thumb_waits = []
        missing_after_drag: list[int] = []
        for drag in range(drags):
            value = rng.randrange(bar.maximum() + 1)
            beat.note = f"drag {drag} to {value}"
            bar.setSliderDown(True)
            for fraction in (0.25, 0.5, 0.75):  # a drag moves through positions, not one jump
                bar.setSliderPosition(int(bar.value() + (value - bar.value()) * fraction))
                app.processEvents()
            dropped = time.perf_counter()
            bar.setSliderPosition(value)
            bar.setSliderDown(False)
            app.processEvents()  # drawn once: the pictures on screen are asked for
            missing_after_drag.append(images_without_thumbnail())
            wait_for(lambda: images_without_thumbnail() == 0, 60, "the visible thumbnails")
            thumb_waits.append(time.perf_counter() - dropped)
        bar.setValue(0)
        pump(0.3)
        print(
            f"scroll: {steps} page steps down and up in {page_s:.1f} s; "
            f"{drags} drags ({sum(missing_after_drag)} pictures on screen without a thumbnail when first "
            f"drawn), all thumbnails there after max {max(thumb_waits, default=0) * 1000:.0f} ms",
            flush=True,
        )

        # (c) sorting by every column, ascending then descending
        phase("sort")
        header = table.horizontalHeader()
        sort_times = []
        for column in Column:
            for _order in range(2):
                beat.note = f"sort {column.name}"
                point = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)
                clicked = time.perf_counter()
                QTest.mouseClick(
                    header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
                )
                app.processEvents()
                sort_times.append(time.perf_counter() - clicked)
                pump(0.05)
        pump(0.2)
        print(f"sort: {len(sort_times)} header clicks, slowest {max(sort_times) * 1000:.0f} ms", flush=True)

        # (d) searching and filtering
        phase("filter")
        filter_started = time.perf_counter()
        for word in SEARCH_WORDS:
            for letter in word:
                beat.note = f"typing {word!r}"
                QTest.keyClicks(lst.search, letter)
                pump(0.3)  # longer than the search pause: every prefix is searched
            shown = lst.table.model().rowCount()
            print(f"  search {word!r}: {shown} rows", flush=True)
            lst.search.clear()
            pump(0.4)
        combos = (
            (lst.kind, str(ItemKind.IMAGE)),
            (lst.kind, str(ItemKind.CHAT)),
            (lst.platform, "telegram"),
            (lst.category, CATEGORIES[0]),
        )
        for combo, choice in combos:
            beat.note = f"filter {choice}"
            position = combo.findData(choice)
            if position < 0:
                raise SystemExit(f"no filter choice {choice!r}")
            combo.setCurrentIndex(position)
            pump(0.1)
            print(f"  filter {choice}: {lst.table.model().rowCount()} rows", flush=True)
            combo.setCurrentIndex(0)
            pump(0.1)
        beat.note = "date range"
        lst.date_from.setDate(QDate(2026, 3, 1))
        lst.date_to.setDate(QDate(2026, 4, 30))
        lst.use_dates.setChecked(True)
        pump(0.1)
        print(f"  dates 2026-03-01..2026-04-30: {lst.table.model().rowCount()} rows", flush=True)
        beat.note = "search within dates"
        QTest.keyClicks(lst.search, "morgen")
        pump(0.4)
        lst.use_dates.setChecked(False)
        lst.search.clear()
        pump(0.4)
        if lst.table.model().rowCount() != items:
            raise SystemExit("clearing the filters did not show every row again")
        filter_s = time.perf_counter() - filter_started

        # (e) opening an item
        phase("open_item")
        bar.setValue(bar.maximum() // 2)
        pump(0.1)
        row_number = table.rowAt(table.viewport().height() // 2)
        index = table.model().index(row_number, Column.TITLE)
        opened: list[int] = []
        workspace.item_page.item_loaded.connect(opened.append)
        table.setFocus()
        clicked = time.perf_counter()
        rect = table.visualRect(index)
        QTest.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
        )
        QTest.keyClick(table, Qt.Key.Key_Return)
        wait_for(lambda: bool(opened), 60, "the item page")
        item_s = time.perf_counter() - clicked
        pump(0.2)
        workspace.show_list()
        pump(0.2)
        beat.stop()
        print(f"open item: {item_s * 1000:.0f} ms to the item page", flush=True)
    finally:
        controller.shutdown()
        QCoreApplication.processEvents()

    every = [s for values in beat.stalls.values() for s in values]
    figures: dict[str, object] = {"open_s": round(open_s, 2)}
    print("phase        beats  max stall ms  p99 ms  max gc ms   worst at")
    for name in ("open", "scroll", "sort", "filter", "open_item"):
        values = beat.stalls.get(name, [])
        worst, note = beat.worst.get(name, (0.0, ""))
        gc_max = max(beat.gc_pauses.get(name, [0.0]))
        print(
            f"{name:<12} {len(values):>5}  {worst:>12.1f}  {percentile(values, 0.99):>6.1f}  "
            f"{gc_max:>9.1f}   {note}"
        )
        figures[f"{name}_max_stall_ms"] = round(worst, 1)
    figures.update(
        {
            "max_stall_ms": round(max(every, default=0.0), 1),
            "p99_ms": round(percentile(every, 0.99), 1),
            "median_gap_ms": round(statistics.median(every) + HEARTBEAT_MS, 1) if every else 0.0,
            "scroll_page_steps": steps,
            "scroll_s": round(page_s, 1),
            "thumbnail_wait_max_ms": round(max(thumb_waits, default=0) * 1000),
            "sort_click_max_ms": round(max(sort_times) * 1000),
            "filter_s": round(filter_s, 1),
            "open_item_ms": round(item_s * 1000),
        }
    )
    return open_s, figures


if __name__ == "__main__":
    sys.exit(main())
