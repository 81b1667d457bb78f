"""Progress reports and cooperative cancellation for long operations, in plain Python.

Rule: long operations (add, verify, export) take an optional `progress` callback and an
optional `CancelToken`; they check the token between safe steps (never inside a
transaction's half-written state) and raise `CancelledError`, after which the vault is as
it was before the unfinished item. The UI adapts these to Qt signals in `ui/workers.py`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from evidence_kit.errors import CancelledError


@dataclass(frozen=True)
class ProgressInfo:
    done_files: int
    total_files: int
    done_bytes: int
    total_bytes: int
    current: str


ProgressCallback = Callable[[ProgressInfo], None]


class CancelToken:
    """Set from any thread; checked by the worker between safe steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise CancelledError()
