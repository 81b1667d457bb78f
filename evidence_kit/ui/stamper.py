"""Trusted time-stamps in the background while a vault is open (RFC 3161, `Vault.stamp_pending`).

Rules this module keeps:
- A time-stamp authority (TSA) may take seconds to answer, or never answer, so stamping runs
  neither on the GUI thread nor on the vault worker (imports and views never wait for it): each
  open session gets one small thread of its own. `Vault.stamp_pending` is thread-safe: it holds
  the vault's lock only while it reads or writes the database, never while it waits on the network.
- Silent. No connection is the normal case for many people: a failed try is never a dialog.
  The work stays queued in the vault and is tried again after a growing pause (`BACKOFF_S`), and
  at once after each import. Only SHA-256 values leave the computer, never content.
- The vault is never closed under a running stamp call. Locking (by the user, when idle, at
  quick exit, at shutdown) cancels the run and queues a job on the vault worker that joins this
  thread *before* the worker's own close job: the GUI never blocks on the network, and the
  vault closes as soon as the request in flight ends (each TSA is asked with a capped timeout,
  and the cancel token is checked between TSAs).
- The program settings (`evidence_kit.settings`) are read afresh before every run, so turning
  time-stamping on or off in Settings takes effect at once, without a restart; turning it off
  also cancels a run in progress.
- A demo session is not stamped: it is fictional and deleted when it locks.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from evidence_kit.errors import CancelledError, EvidenceKitError, VaultLockedError
from evidence_kit.progress import CancelToken
from evidence_kit.settings import Settings, load_settings
from evidence_kit.timestamping.queue import SUBJECT_ITEM
from evidence_kit.ui.models.item_table import Column, ItemTableModel
from evidence_kit.ui.models.rows import TrustedState
from evidence_kit.ui.workers import JobContext, JobKind, VaultWorker
from evidence_kit.vault import Vault

log = logging.getLogger(__name__)

FIRST_DELAY_S = 2.0  # after the vault opens: let the evidence list load first
BACKOFF_S: tuple[float, ...] = (30.0, 60.0, 120.0, 300.0, 600.0, 1800.0)  # after 1, 2, 3... failed runs
RECHECK_S = 900.0  # with nothing left to do: look again now and then (an export queues the log head)
TSA_TIMEOUT_S = 10.0  # per TSA in the background (the settings may say less), so a lock waits little


@dataclass(frozen=True)
class StampStatus:
    """What the status bar shows. `checks` and `runs` count up, so tests can wait for them."""

    enabled: bool = False  # a session is open and time-stamping is on in the settings
    waiting: int = 0  # items still waiting for a token
    failed: bool = False  # the last try reached no TSA (tried again later)
    checks: int = 0  # times the thread woke up and read the settings
    runs: int = 0  # stamping runs (a run asks a TSA only when something waits)


class BackgroundStamper(QObject):
    """The GUI-side handle. One per controller; a thread runs only while a session is open."""

    status_changed = Signal(object)  # StampStatus
    items_stamped = Signal(object)  # tuple[int, ...]: item ids that just received a token
    _reported = Signal(int, object, object)  # from the stamping thread: generation, status, item ids

    _threads: ClassVar[weakref.WeakSet[_StampThread]] = weakref.WeakSet()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.first_delay_s = FIRST_DELAY_S
        self.backoff_s: Sequence[float] = BACKOFF_S
        self.status = StampStatus()
        self._lock = threading.Lock()
        self._generation = 0  # goes up at every start and stop: a stale start or report is dropped
        self._thread: _StampThread | None = None
        self._started: weakref.WeakSet[_StampThread] = weakref.WeakSet()  # this handle's threads
        self._reported.connect(self._on_reported, Qt.ConnectionType.QueuedConnection)

    @classmethod
    def running(cls) -> list[_StampThread]:
        """Stamping threads still alive (tests assert none is left after a lock)."""
        return [thread for thread in list(cls._threads) if thread.is_alive()]

    # ----------------------------------------------------------------- GUI thread

    def start(self, worker: VaultWorker) -> None:
        """A session opened: start a stamping thread over the worker's vault."""
        with self._lock:
            self._generation += 1
            generation = self._generation
        # The vault object is taken on the worker thread, which owns it; it never visits the GUI.
        # A READ job: if the vault locks before it runs, it is dropped and nothing starts.
        worker.submit(lambda context: self._begin(context, generation), kind=JobKind.READ)

    def stop(self, worker: VaultWorker) -> None:
        """The vault is about to close: cancel, and have the worker join the thread first.

        Call this before `worker.lock_vault()`: the join is a SESSION job, which locking keeps,
        queued ahead of the worker's close job. The GUI thread never waits for the network.
        """
        with self._lock:
            self._generation += 1
            thread, self._thread = self._thread, None
        if self.status != StampStatus():
            self.status = StampStatus()
            self.status_changed.emit(self.status)
        if thread is None:
            return
        thread.cancel()
        job = worker.submit(lambda _context: thread.join(), kind=JobKind.SESSION)
        if job.cancel.cancelled:  # the worker is shutting down and takes no jobs: join here
            thread.join()

    def wake(self) -> None:
        """Something was added (an import finished): try now rather than after the pause."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.wake()

    def settings_changed(self, enabled: bool) -> None:
        """Time-stamping was turned on or off in Settings; off also cancels a run in progress."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.wake(stop_run=not enabled, fresh=True)

    def join_all(self, timeout_s: float | None = None) -> None:
        """Safety net at shutdown, after the worker has stopped (which normally joined already)."""
        for thread in [thread for thread in list(self._started) if thread.is_alive()]:
            thread.cancel()
            thread.join(timeout_s)

    def _on_reported(self, generation: int, status: object, item_ids: object) -> None:
        if generation != self._generation:
            return  # from a session that has locked since
        assert isinstance(status, StampStatus) and isinstance(item_ids, tuple)
        if item_ids:
            self.items_stamped.emit(item_ids)
        if status != self.status:
            self.status = status
            self.status_changed.emit(status)

    # ----------------------------------------------------------------- worker thread

    def _begin(self, context: JobContext, generation: int) -> None:
        vault = context.vault
        with self._lock:
            if generation != self._generation or self._thread is not None:
                return  # stopped before this job ran
            thread = _StampThread(
                vault,
                report=lambda status, ids: self._reported.emit(generation, status, ids),
                first_delay_s=self.first_delay_s,
                backoff_s=tuple(self.backoff_s),
            )
            self._thread = thread
            BackgroundStamper._threads.add(thread)
            self._started.add(thread)
            thread.start()


class _StampThread(threading.Thread):
    """The loop: wait (first delay, back-off, or a wake-up), read the settings, stamp, report."""

    def __init__(
        self,
        vault: Vault,
        *,
        report: Callable[[StampStatus, tuple[int, ...]], None],
        first_delay_s: float,
        backoff_s: tuple[float, ...],
    ) -> None:
        super().__init__(name="evidence-kit-stamper", daemon=False)
        self._vault: Vault | None = vault
        self._report = report
        self._first_delay_s = first_delay_s
        self._backoff_s = backoff_s or BACKOFF_S
        self._cond = threading.Condition()
        self._woken = False
        self._reset_backoff = False
        self._failures = 0  # failed runs in a row
        self._session = CancelToken()  # set once: the vault is closing
        self._run = CancelToken()  # the run in progress; a new one for each run
        self._status = StampStatus()

    # ----------------------------------------------------------------- from other threads

    def cancel(self) -> None:
        with self._cond:
            self._session.cancel()
            self._run.cancel()
            self._cond.notify_all()

    def wake(self, *, stop_run: bool = False, fresh: bool = False) -> None:
        """Look again now; `stop_run` cancels a run in progress, `fresh` forgets the back-off."""
        with self._cond:
            self._woken = True
            self._reset_backoff = self._reset_backoff or fresh
            if stop_run:
                self._run.cancel()
            self._cond.notify_all()

    # ----------------------------------------------------------------- the thread itself

    def run(self) -> None:
        try:
            vault = self._vault
            assert vault is not None
            self._loop(vault)
        except VaultLockedError:
            pass  # closed under us: cannot happen while the worker joins us before closing
        except Exception as exc:  # a surprise must not end in a traceback on stderr; the queue waits
            log.error("background time-stamping stopped: %s", type(exc).__name__)
        finally:
            self._vault = None  # the worker closes the vault; hold no reference past the join

    def _wait(self, delay: float | None) -> CancelToken | None:
        """Wait `delay` seconds (None: until woken); the new run's token, or None once locking."""
        with self._cond:
            if not self._woken and not self._session.cancelled:
                self._cond.wait(delay)
            self._woken = False
            if self._reset_backoff:
                self._reset_backoff = False
                self._failures = 0
            if self._session.cancelled:
                return None
            self._run = CancelToken()
            return self._run

    def _loop(self, vault: Vault) -> None:
        delay: float | None = self._first_delay_s
        while (cancel := self._wait(delay)) is not None:
            checks = self._status.checks + 1
            settings = self._settings()
            if settings is None:
                self._publish(StampStatus(checks=checks, runs=self._status.runs))
                delay = None  # idle until Settings turn it on (an import wakes us to look again)
                continue
            before = self._pending_items(vault)
            if not self._status.enabled or self._status.waiting != len(before):
                # Show the count now (just opened, turned on, or items added), not after the TSA.
                self._publish(replace(self._status, enabled=True, waiting=len(before), checks=checks))
            announced: set[int] = set()
            try:
                ok = self._stamp(vault, settings, cancel, announced)
            except CancelledError:
                ok = False  # locking (the loop ends) or turned off (the next look says so)
                delay = 0.0
            except VaultLockedError:
                raise
            except EvidenceKitError as exc:  # the vault could not store a token: like a failed try
                log.warning("background time-stamping: %s", exc)
                ok = False
            if self._session.cancelled:
                return
            after = self._pending_items(vault)
            if not cancel.cancelled:
                self._failures = 0 if ok else self._failures + 1
                delay = RECHECK_S if ok else self._backoff_s[min(self._failures, len(self._backoff_s)) - 1]
            # Items whose token was stored by a run cut short are in `before` but not `after`.
            self._publish(
                StampStatus(
                    enabled=True,
                    waiting=len(after),
                    failed=not ok and not cancel.cancelled,
                    checks=checks,
                    runs=self._status.runs + 1,
                ),
                tuple(sorted(before - after - announced)),
            )

    def _settings(self) -> Settings | None:
        """The settings as saved now, or None when time-stamping is off (or names no TSA)."""
        try:
            settings = load_settings()
        except EvidenceKitError as exc:  # an unreadable file counts as off; said in the log only
            log.warning("background time-stamping is off: %s", exc)
            return None
        if not settings.timestamping_enabled or not settings.tsas:
            return None
        return settings

    def _stamp(self, vault: Vault, settings: Settings, cancel: CancelToken, announced: set[int]) -> bool:
        """Ask the TSAs one at a time, so a cancel waits for one request at most.

        True when nothing is left waiting. Stamped items are shown at once, before the next TSA.
        """
        for tsa in settings.tsa_configs(timeout=TSA_TIMEOUT_S):
            cancel.check()
            report = vault.stamp_pending([tsa], cancel=cancel)
            if report.items:
                announced.update(report.items)
                self._publish(self._status, tuple(report.items))
            if report.ok:
                return True
        return False

    @staticmethod
    def _pending_items(vault: Vault) -> set[int]:
        return {
            p.item_id
            for p in vault.pending_timestamps()
            if p.subject == SUBJECT_ITEM and p.item_id is not None
        }

    def _publish(self, status: StampStatus, item_ids: tuple[int, ...] = ()) -> None:
        self._status = status
        self._report(status, item_ids)


# ----------------------------------------------------------------- the evidence list


class StampMarker(QObject):
    """Keeps one evidence list's trusted-time column in step with the tokens that arrive.

    A token can arrive before its row does (stamped while an import still hands rows over, or
    before the list has loaded): such ids are kept and marked when their rows come in.
    """

    def __init__(self, model: ItemTableModel) -> None:
        super().__init__(model)  # lives and dies with the list
        self.model = model
        self._unlisted: set[int] = set()
        model.rowsInserted.connect(self._rows_inserted)
        model.modelReset.connect(self._reset)

    def mark(self, item_ids: Sequence[int]) -> int:
        self._unlisted.update(i for i in item_ids if self.model.row_by_id(i) is None)
        return mark_stamped(self.model, item_ids)

    def _rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        if not self._unlisted:
            return
        rows = self.model.rows()
        arrived = [rows[i].id for i in range(first, last + 1) if rows[i].id in self._unlisted]
        if arrived:
            self._unlisted.difference_update(arrived)
            mark_stamped(self.model, arrived)

    def _reset(self) -> None:
        if self._unlisted:
            arrived = [i for i in self._unlisted if self.model.row_by_id(i) is not None]
            self._unlisted.difference_update(arrived)
            mark_stamped(self.model, arrived)


def mark_stamped(model: ItemTableModel, item_ids: Sequence[int]) -> int:
    """Show these items as time-stamped in the list; returns how many rows changed.

    Thousands of items can arrive at once (one Merkle batch), so the rows are replaced with the
    model's signals held back and the view is told once, for the trusted-time column only
    (nothing else of a row changes, so filters and the platform/category lists stay as they are).
    """
    changed: list[int] = []
    blocked = model.blockSignals(True)
    try:
        for item_id in item_ids:
            row = model.row_by_id(item_id)
            if row is not None and row.trusted is not TrustedState.STAMPED:
                model.replace_row(replace(row, trusted=TrustedState.STAMPED))
                position = model.position_of(item_id)
                if position is not None:
                    changed.append(position)
    finally:
        model.blockSignals(blocked)
    if changed:
        top = model.index(min(changed), Column.TRUSTED, QModelIndex())
        bottom = model.index(max(changed), Column.TRUSTED, QModelIndex())
        model.dataChanged.emit(top, bottom, [])
    return len(changed)
