"""The app's session: the worker, the open vault's identity, locking, language, the window.

Rules: the controller is the one place that decides when the vault locks (user, idle,
system sleep, quick exit) and what locking does: the window drops every piece of content it
holds, queued writes finish, the worker closes the vault, the clipboard is cleared if it
holds what we put there. The vault's path lives in memory only, so the "unlock again"
button works without any recent-vault list on disk. There are no singletons: tests make
as many controllers as they like, one after another. The controller does not know the window
class: it is handed a factory (`window_factory`) and sees the window as a `WindowApi`
(`controller_api.py`), so the window and its views never form an import circle with it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication

from evidence_kit.storage.keys import KdfParams
from evidence_kit.ui import gc_pauses, jobs
from evidence_kit.ui.controller_api import (
    LOCK_IDLE,
    LOCK_QUICK_EXIT,
    LOCK_SYSTEM,
    LOCK_USER,
    WindowApi,
    WindowFactory,
)
from evidence_kit.ui.fonts import register_fonts
from evidence_kit.ui.safety import ClipboardGuard, SafetyFilter, SystemLockWatcher, suspended_seconds
from evidence_kit.ui.stamper import BackgroundStamper
from evidence_kit.ui.translations import LanguageSwitch
from evidence_kit.ui.ui_settings import UiSettings
from evidence_kit.ui.workers import JobKind, VaultWorker

__all__ = ["LOCK_IDLE", "LOCK_QUICK_EXIT", "LOCK_SYSTEM", "LOCK_USER", "AppController"]


class AppController(QObject):
    session_opened = Signal(object)  # jobs.Session
    session_locked = Signal(str)  # the reason
    quick_exit_done = Signal()

    def __init__(
        self,
        settings: UiSettings,
        *,
        window_factory: WindowFactory,  # the app passes AppWindow; called again on a language switch
        kdf: KdfParams | None = None,
        quit_on_quick_exit: bool = True,
        watch_system: bool = True,
        sleep_clock: Callable[[], float | None] = suspended_seconds,  # tests inject a sleep
    ) -> None:
        super().__init__()
        self.settings = settings
        self.kdf = kdf  # tests pass cheap parameters; None is the safe default
        self.quit_on_quick_exit = quit_on_quick_exit
        self.language = LanguageSwitch()
        self.worker = VaultWorker()
        self.worker.start()
        self.stamper = BackgroundStamper(self)  # trusted time-stamps, on a thread of its own
        self.clipboard = ClipboardGuard(self)
        self.safety = SafetyFilter(self)
        self.safety.idle.connect(lambda: self.lock(LOCK_IDLE))
        self.safety.quick_exit.connect(self.quick_exit)
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(self.safety)
        self.system: SystemLockWatcher | None = None
        if watch_system:
            self.system = SystemLockWatcher(self, sleep_clock=sleep_clock)
            self.system.locked.connect(lambda: self.lock(LOCK_SYSTEM))
        self.session: jobs.Session | None = None
        self.last_path: Path | None = None  # memory only: "unlock again" after a lock
        self.lock_reason: str | None = None
        self._shut_down = False
        self._exiting = False  # quick exit runs once, even if two gestures arrive together
        self.language.apply(settings.language)
        register_fonts()
        self._window_factory = window_factory
        self.window: WindowApi = window_factory(self)

    # ----------------------------------------------------------------- names and language

    def app_name(self) -> str:
        """The name in the title bar and task bar: ours, or the neutral one the user chose."""
        if self.settings.neutral_name_enabled:
            return self.settings.neutral_name or self.tr("Notes")
        return self.tr("Evidence Kit")

    def apply_language(self, choice: str) -> None:
        """Switch language and rebuild the window (the open vault stays open)."""
        self.settings.language = choice
        self.language.apply(choice)
        self.rebuild_window()

    def rebuild_window(self) -> None:
        old = self.window
        geometry = old.saveGeometry()
        visible = old.isVisible()
        old.release()
        self.window = self._window_factory(self)
        self.window.restoreGeometry(geometry)
        if self.session is not None:
            self.window.show_workspace(self.session)
        if visible:
            self.window.show()
        old.deleteLater()

    # ----------------------------------------------------------------- the session

    def opened(self, session: jobs.Session) -> None:
        self.session = session
        self.last_path = None if session.demo_folder is not None else session.path
        if self.last_path is not None:
            self.settings.remember_vault(self.last_path)  # only if the user switched the list on
        self.lock_reason = None
        self.safety.arm(self.settings.autolock_ms)
        if session.demo_folder is None:  # the demo is fictional and deleted at lock: never stamped
            self.stamper.start(self.worker)
        self.window.show_workspace(session)
        if session.leftover_partials:  # asked once, at unlock (not again when the window is rebuilt)
            self.window.offer_partial_removal(session.leftover_partials)
        self.session_opened.emit(session)

    def timestamping_changed(self, enabled: bool) -> None:
        """Time-stamping was turned on or off in Settings: the open session follows at once."""
        self.stamper.settings_changed(enabled)

    def rearm_idle(self) -> None:
        if self.session is not None:
            self.safety.arm(self.settings.autolock_ms)

    def lock(self, reason: str = LOCK_USER) -> None:
        """Lock now: drop content from the window, close the vault in the worker, clear the clipboard."""
        self.stamper.stop(self.worker)  # the worker joins the stamping thread before it closes the vault
        if self.session is None:
            # A vault may be open in the worker before the window knows (the recovery code page).
            self.worker.lock_vault()
            self.clipboard.clear_if_ours()
            made = self.window.drop_unopened_vault()
            if made is not None:
                # The code left the screen with the dialog; the new vault opens with its passphrase.
                self.last_path = made
                self.lock_reason = reason
                self.window.show_locked(reason)
            return
        session, self.session = self.session, None
        self.safety.disarm()
        self.window.leave_workspace()  # saves a typed note first (queued before the close)
        self.worker.lock_vault()
        if session.demo_folder is not None:
            folder = session.demo_folder
            self.worker.submit(lambda _ctx: shutil.rmtree(folder, ignore_errors=True), kind=JobKind.SESSION)
        self.clipboard.clear_if_ours()
        self.lock_reason = reason
        self.window.show_locked(reason)
        gc_pauses.release()
        self.session_locked.emit(reason)

    def quick_exit(self) -> None:
        """Hide every window at once, then lock; the app ends when the real app runs (tests keep it alive).

        Called from the safety filter also while a dialog's own event loop runs (a message box,
        the import report, a file dialog's static call): hiding a dialog ends its loop with
        "rejected" (without the reject handlers), so the code that opened it finds nothing chosen
        and returns; `quit()` then ends every loop still running.
        """
        if self._exiting:
            return
        self._exiting = True
        try:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                popup = QApplication.activePopupWidget()
                while popup is not None:  # an open menu or combo list
                    popup.close()
                    next_popup = QApplication.activePopupWidget()
                    popup = None if next_popup is popup else next_popup
                for widget in app.topLevelWidgets():
                    if widget.isVisible():
                        widget.hide()
            self.lock(LOCK_QUICK_EXIT)
            self.clipboard.clear_if_ours()
            self.quick_exit_done.emit()
            if self.quit_on_quick_exit and app is not None:
                app.quit()
        finally:
            self._exiting = False

    def shutdown(self) -> None:
        """Lock, stop and join the worker, remove our translators and event filter. Idempotent."""
        if self._shut_down:
            return
        self._shut_down = True
        self.lock(LOCK_USER)
        self.safety.disarm()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self.safety)
        self.worker.stop()
        self.stamper.join_all()  # normally already joined by the worker, before it closed the vault
        if self.system is not None:
            self.system.stop()
        self.window.release()
        self.window.close()
        self.window.deleteLater()
        self.language.remove()
        self.settings.sync()
