"""Protection against someone looking over the user's shoulder or taking the laptop.

Rules:
- Idle auto-lock: an application-wide event filter sees every key press, click, wheel and
  touch, and restarts a single-shot timer; when it fires the vault locks. Mouse moves count
  too, but restart the timer at most once a second (cheap on a busy event loop).
- Quick exit: Esc pressed twice within a second (anywhere in the app) or Ctrl+Shift+Q.
- The clipboard is cleared on lock only if it still holds what this app put there (we never
  wipe what the user copied elsewhere).
- The system going to sleep or the session locking locks the vault where Qt (or, on Linux,
  D-Bus) tells us.
"""

from __future__ import annotations

import hashlib
import time

from PySide6.QtCore import SLOT, QElapsedTimer, QEvent, QMimeData, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QWindow

DOUBLE_ESCAPE_MS = 1000
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.ShortcutOverride,
    }
)


class SafetyFilter(QObject):
    """Installed on the QApplication: watches input for idleness and the double Esc."""

    idle = Signal()
    quick_exit = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle.emit)
        self._since_restart = QElapsedTimer()
        self._since_restart.start()
        self._last_escape: float | None = None
        self._armed = False

    def arm(self, idle_ms: int) -> None:
        """Start watching for idleness (0: never lock for idleness)."""
        self._armed = idle_ms > 0
        if self._armed:
            self._timer.setInterval(idle_ms)
            self._timer.start()
            self._since_restart.restart()
        else:
            self._timer.stop()

    def disarm(self) -> None:
        self._armed = False
        self._timer.stop()

    @property
    def armed(self) -> bool:
        return self._armed and self._timer.isActive()

    def _activity(self, cheap: bool) -> None:
        if not self._armed:
            return
        # Restarting costs little, but a mouse move every few milliseconds need not do it.
        if cheap and self._since_restart.elapsed() < min(1000, self._timer.interval() // 4):
            return
        self._timer.start()
        self._since_restart.restart()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self._activity(cheap=False)
            # A key press reaches the window first, then each widget it propagates to: count it
            # once, at the window.
            if isinstance(watched, QWindow) and event.key() == Qt.Key.Key_Escape and not event.isAutoRepeat():
                now = time.monotonic()
                if self._last_escape is not None and (now - self._last_escape) * 1000 <= DOUBLE_ESCAPE_MS:
                    self._last_escape = None
                    self.quick_exit.emit()
                    return True
                self._last_escape = now
        elif kind in _INPUT_EVENTS:
            self._activity(cheap=False)
        elif kind == QEvent.Type.MouseMove:
            self._activity(cheap=True)
        return False


def _fingerprint(mime: QMimeData | None) -> str | None:
    if mime is None:
        return None
    digest = hashlib.sha256()
    for fmt in sorted(mime.formats()):
        digest.update(fmt.encode("utf-8", "replace"))
        digest.update(bytes(mime.data(fmt).data()))
    return digest.hexdigest()


class ClipboardGuard(QObject):
    """Remembers what this app placed on the clipboard, to clear exactly that on lock."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: set[str] = set()
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._clipboard.dataChanged.connect(self._changed)

    def copy_text(self, text: str) -> None:
        self._clipboard.setText(text)
        mark = _fingerprint(self._clipboard.mimeData())
        if mark is not None:
            self._ours.add(mark)

    def _changed(self) -> None:
        # A copy made while our window has focus (Ctrl+C in a chat view) is ours too.
        if QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive or (
            self._clipboard.ownsClipboard()
        ):
            mark = _fingerprint(self._clipboard.mimeData())
            if mark is not None:
                self._ours.add(mark)

    def holds_ours(self) -> bool:
        return _fingerprint(self._clipboard.mimeData()) in self._ours

    def clear_if_ours(self) -> bool:
        cleared = False
        if self.holds_ours():
            self._clipboard.clear()
            cleared = True
        self._ours.clear()
        return cleared

    def forget(self) -> None:
        self._ours.clear()


class SystemLockWatcher(QObject):
    """Tells when the system suspends or the screen locks, where the platform says so."""

    locked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        self._connect_dbus()

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state in (Qt.ApplicationState.ApplicationSuspended, Qt.ApplicationState.ApplicationHidden):
            self.locked.emit()

    def _connect_dbus(self) -> None:
        """Linux desktops announce screen locking and sleep on D-Bus (best effort)."""
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path in (
                ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
                ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
            ):
                session.connect(
                    service, path, service, "ActiveChanged", self, SLOT("_screensaver(bool)").encode()
                )
        system = QDBusConnection.systemBus()
        if system.isConnected():
            system.connect(
                "org.freedesktop.login1",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                SLOT("_sleep(bool)").encode(),
            )

    @Slot(bool)
    def _screensaver(self, active: bool) -> None:
        if active:
            self.locked.emit()

    @Slot(bool)
    def _sleep(self, going: bool) -> None:
        if going:
            self.locked.emit()
