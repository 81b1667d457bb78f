"""The seam between the app's controller and its window: what each may use of the other.

Rules: the controller (`controller.py`) owns the session and the work and decides when the
vault locks; the window (`main_window.py`) composes the pages. Neither imports the other, and
no view imports either: the app entry hands the controller a factory that builds the window
(`AppController(settings, window_factory=AppWindow)`), the controller sees that window only
as a `WindowApi`, and the window and the views see the controller only through the protocols
here, each as narrow as its users need (`JobsApi` ⊂ `WorkspaceApi` ⊂ `ControllerApi`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QByteArray

from evidence_kit.storage.keys import KdfParams
from evidence_kit.ui import jobs
from evidence_kit.ui.safety import ClipboardGuard
from evidence_kit.ui.stamper import BackgroundStamper
from evidence_kit.ui.ui_settings import UiSettings
from evidence_kit.ui.workers import VaultWorker

# Why the vault locked (the welcome page words its banner after it).
LOCK_USER = "user"
LOCK_IDLE = "idle"
LOCK_SYSTEM = "system"
LOCK_QUICK_EXIT = "quick_exit"


class JobsApi(Protocol):
    """For a dialog that runs vault jobs: the worker that owns the vault, and the key-derivation
    parameters for new keys (None is the safe default; tests pass cheap ones)."""

    @property
    def worker(self) -> VaultWorker: ...

    @property
    def kdf(self) -> KdfParams | None: ...


class WorkspaceApi(JobsApi, Protocol):
    """For the open vault's pages and the export: also the app's settings and the clipboard guard."""

    @property
    def settings(self) -> UiSettings: ...

    @property
    def clipboard(self) -> ClipboardGuard: ...


class ControllerApi(WorkspaceApi, Protocol):
    """For the window and Settings: the session as a whole (`AppController` is the one there is)."""

    @property
    def stamper(self) -> BackgroundStamper: ...

    @property
    def last_path(self) -> Path | None: ...  # memory only: "unlock again" after a lock

    def app_name(self) -> str: ...

    def opened(self, session: jobs.Session) -> None: ...

    def lock(self, reason: str = ...) -> None: ...

    def quick_exit(self) -> None: ...

    def apply_language(self, choice: str) -> None: ...

    def rebuild_window(self) -> None: ...

    def rearm_idle(self) -> None: ...

    def timestamping_changed(self, enabled: bool) -> None: ...


class WindowApi(Protocol):
    """What the controller asks of the window it was given (`AppWindow` is the one there is)."""

    def show_workspace(self, session: jobs.Session) -> None: ...

    def offer_partial_removal(self, paths: tuple[Path, ...]) -> None: ...

    def leave_workspace(self) -> None: ...

    def show_locked(self, reason: str) -> None: ...

    def drop_unopened_vault(self) -> Path | None: ...

    def release(self) -> None: ...

    def unlock(self, path: Path) -> None: ...  # the unlock screen of the vault at path

    # Qt's own, for a rebuild (language switch) and the end
    def saveGeometry(self, /) -> QByteArray: ...

    def restoreGeometry(self, geometry: QByteArray | bytes | bytearray | memoryview, /) -> bool: ...

    def isVisible(self, /) -> bool: ...

    def show(self, /) -> None: ...

    def close(self, /) -> bool: ...

    def deleteLater(self, /) -> None: ...


# Builds the window for a controller: at start and again when the language changes.
WindowFactory = Callable[[ControllerApi], WindowApi]
