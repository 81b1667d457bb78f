"""The one worker thread that owns the open vault.

Rules this module keeps (DESIGN.md section 5):
- Exactly one long-lived QThread holds the `Vault`; every vault call runs there, one job at a
  time, so there is one writer and the window never waits on the database.
- Jobs are plain functions of a `JobContext`; results, progress and errors travel back as
  signals carrying domain objects, ids or QImages (never database rows), and are handed to
  callbacks on the GUI thread. A callback whose owner widget is gone is dropped.
- Cancel is cooperative (`CancelToken`), never `QThread.terminate()`. Locking cancels what
  runs, drops queued reads, and closes the vault; `stop()` also ends and joins the thread.
- A job never kills the thread: an unexpected exception becomes an `EvidenceKitError` for
  the callback and is logged.
"""

from __future__ import annotations

import collections
import enum
import itertools
import logging
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal

from evidence_kit.errors import EvidenceKitError, VaultLockedError
from evidence_kit.progress import CancelToken
from evidence_kit.ui.crash_guard import debugging, safe_detail
from evidence_kit.vault import Vault

log = logging.getLogger(__name__)

T = TypeVar("T")
PROGRESS_INTERVAL_S = 0.05  # at most 20 progress signals a second: the GUI thread stays idle


class UnexpectedError(EvidenceKitError):
    template = "Something went wrong: {detail}"


class JobKind(enum.Enum):
    READ = "read"  # dropped when the vault locks
    LONG = "long"  # import, export, verify: cancelled when the vault locks
    WRITE = "write"  # kept: it runs before the vault closes (a note being saved)
    SESSION = "session"  # opening, creating, closing


class JobContext:
    """What a job may use: the vault (on this thread only), its cancel token, progress."""

    def __init__(self, worker: VaultWorker, job: Job[Any]) -> None:
        self._worker = worker
        self._job = job
        self._last_progress = 0.0

    @property
    def cancel(self) -> CancelToken:
        return self._job.cancel

    @property
    def vault(self) -> Vault:
        vault = self._worker._vault
        if vault is None or not vault.is_open:
            raise VaultLockedError()
        return vault

    @property
    def has_vault(self) -> bool:
        return self._worker._vault is not None

    def set_vault(self, vault: Vault | None) -> None:
        """Hand the worker a newly opened vault (closing any other first)."""
        old = self._worker._vault
        if old is not None and old is not vault:
            old.close()
        self._worker._vault = vault

    def progress(self, info: object, *, force: bool = False) -> None:
        """Report progress; throttled so a flood of small steps does not flood the GUI."""
        now = time.monotonic()
        if force or now - self._last_progress >= PROGRESS_INTERVAL_S:
            self._last_progress = now
            self._worker.job_progress.emit(self._job.id, info)

    def partial(self, value: object) -> None:
        """Hand a partial result to the GUI now (for example the items stored so far)."""
        self._worker.job_partial.emit(self._job.id, value)


@dataclass
class Job(Generic[T]):
    id: int
    fn: Callable[[JobContext], T]
    kind: JobKind
    cancel: CancelToken = field(default_factory=CancelToken)


@dataclass
class _Callbacks:
    owner: QObject | None
    done: Callable[[Any], None] | None
    error: Callable[[EvidenceKitError], None] | None
    progress: Callable[[Any], None] | None
    partial: Callable[[Any], None] | None


class VaultWorker(QThread):
    """The worker thread. Create once per application session; `stop()` before exit."""

    job_done = Signal(int, object)
    job_failed = Signal(int, object)
    job_progress = Signal(int, object)
    job_partial = Signal(int, object)
    vault_closed = Signal()

    _ids = itertools.count(1)
    _live: ClassVar[weakref.WeakSet[VaultWorker]] = weakref.WeakSet()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidence-kit-vault-worker")
        self._vault: Vault | None = None  # touched only on the worker thread
        self._queue: collections.deque[Job[Any] | None] = collections.deque()
        self._cond = threading.Condition()
        self._current: Job[Any] | None = None
        self._stopping = False
        self._callbacks: dict[int, _Callbacks] = {}  # GUI thread only
        self.job_done.connect(self._on_done)
        self.job_failed.connect(self._on_failed)
        self.job_progress.connect(self._on_progress)
        self.job_partial.connect(self._on_partial)
        VaultWorker._live.add(self)

    @classmethod
    def running(cls) -> list[VaultWorker]:
        """Workers whose thread still runs (tests assert none is left)."""
        return [worker for worker in list(cls._live) if worker.isRunning()]

    # ----------------------------------------------------------------- GUI thread side

    def submit(
        self,
        fn: Callable[[JobContext], T],
        *,
        kind: JobKind = JobKind.READ,
        owner: QObject | None = None,
        done: Callable[[T], None] | None = None,
        error: Callable[[EvidenceKitError], None] | None = None,
        progress: Callable[[Any], None] | None = None,
        partial: Callable[[Any], None] | None = None,
    ) -> Job[T]:
        """Queue a job; its callbacks run on the GUI thread while `owner` still exists."""
        job: Job[T] = Job(next(self._ids), fn, kind)
        self._callbacks[job.id] = _Callbacks(owner, done, error, progress, partial)
        with self._cond:
            if self._stopping:
                self._callbacks.pop(job.id)
                job.cancel.cancel()
                return job
            self._queue.append(job)
            self._cond.notify()
        return job

    def cancel_all(self) -> None:
        """Ask the running job and every queued one to stop at their next safe point."""
        with self._cond:
            for job in self._queue:
                if job is not None:
                    job.cancel.cancel()
            if self._current is not None:
                self._current.cancel.cancel()

    def lock_vault(self) -> None:
        """Cancel what runs, drop queued reads and imports, and close the vault.

        Queued writes (a note being saved) still run first: locking never loses typed work.
        """
        with self._cond:
            kept: collections.deque[Job[Any] | None] = collections.deque()
            for job in self._queue:
                if job is not None and job.kind in (JobKind.READ, JobKind.LONG):
                    job.cancel.cancel()
                    self._callbacks.pop(job.id, None)
                    continue
                kept.append(job)
            self._queue = kept
            if self._current is not None and self._current.kind in (JobKind.READ, JobKind.LONG):
                self._current.cancel.cancel()
        self.submit(_close_vault, kind=JobKind.SESSION)

    def stop(self, timeout_ms: int = 60_000) -> bool:
        """Close the vault, end the thread and join it. Safe to call twice."""
        if self.isRunning():
            self.lock_vault()
            with self._cond:
                self._stopping = True
                self._queue.append(None)
                self._cond.notify()
            finished = self.wait(timeout_ms)
        else:
            finished = True
        self._callbacks.clear()
        return bool(finished)

    @property
    def busy(self) -> bool:
        with self._cond:
            return self._current is not None or bool(self._queue)

    def _take(self, job_id: int) -> _Callbacks | None:
        callbacks = self._callbacks.pop(job_id, None)
        if callbacks is None or (callbacks.owner is not None and not shiboken6.isValid(callbacks.owner)):
            return None
        return callbacks

    def _peek(self, job_id: int) -> _Callbacks | None:
        callbacks = self._callbacks.get(job_id)
        if callbacks is None or (callbacks.owner is not None and not shiboken6.isValid(callbacks.owner)):
            return None
        return callbacks

    def _on_done(self, job_id: int, result: object) -> None:
        callbacks = self._take(job_id)
        if callbacks is not None and callbacks.done is not None:
            callbacks.done(result)

    def _on_failed(self, job_id: int, exc: object) -> None:
        callbacks = self._take(job_id)
        if callbacks is not None and callbacks.error is not None:
            assert isinstance(exc, EvidenceKitError)
            callbacks.error(exc)

    def _on_progress(self, job_id: int, info: object) -> None:
        callbacks = self._peek(job_id)
        if callbacks is not None and callbacks.progress is not None:
            callbacks.progress(info)

    def _on_partial(self, job_id: int, value: object) -> None:
        callbacks = self._peek(job_id)
        if callbacks is not None and callbacks.partial is not None:
            callbacks.partial(value)

    # ----------------------------------------------------------------- worker thread side

    def run(self) -> None:
        while True:
            with self._cond:
                while not self._queue:
                    self._cond.wait()
                job = self._queue.popleft()
                self._current = job
            if job is None:
                break
            self._execute(job)
            with self._cond:
                self._current = None
        with self._cond:
            self._current = None
        self._close()

    def _execute(self, job: Job[Any]) -> None:
        context = JobContext(self, job)
        try:
            result = job.fn(context)
        except EvidenceKitError as exc:
            self.job_failed.emit(job.id, exc)
        except Exception as exc:  # a job must never end the thread
            # Only the error's type: its text may quote what was being read (see crash_guard.py).
            if debugging():
                log.exception("job %s failed", job.id)
            else:
                log.error("job %s failed: %s", job.id, safe_detail(exc))
            self.job_failed.emit(job.id, UnexpectedError(detail=safe_detail(exc)))
        else:
            self.job_done.emit(job.id, result)

    def _close(self) -> None:
        vault, self._vault = self._vault, None
        if vault is not None:
            try:
                vault.close()
            finally:
                self.vault_closed.emit()


def _close_vault(context: JobContext) -> None:
    context._worker._close()
