"""Protection against someone looking over the user's shoulder or taking the laptop.

Rules:
- Idle auto-lock: an application-wide event filter sees every key press, click, wheel and
  touch, and restarts a single-shot timer; when it fires the vault locks. Mouse moves count
  too, but restart the timer at most once a second (cheap on a busy event loop).
- Quick exit: Ctrl+Shift+Q, or Esc pressed twice within a second in the same window. The
  filter sees keys before any widget, also while a modal dialog or a file dialog runs its own
  event loop (where Qt's shortcut map refuses the window's shortcuts), so quick exit works from
  every state. An Esc that closed a dialog does not count as the first of two: the second press
  lands in another window, so an ordinary Esc never turns into an exit.
- The clipboard is cleared on lock only if it still holds what this app put there (we never
  wipe what the user copied elsewhere); the X11 primary selection is cleared if this app owns
  it (text selected in our window is evidence text too).
- The system going to sleep or the session locking locks the vault where Qt (or, on Linux,
  D-Bus) tells us; a sleep nobody announced is found on waking by comparing two clocks, one
  of which stops while the machine sleeps. None of this may ever stop the app from working:
  no bus, no clock, a refused connection only mean one source less.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import SLOT, QElapsedTimer, QEvent, QMimeData, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import QDialog

from evidence_kit.ui.widgets import dialog_quick_exit

log = logging.getLogger(__name__)

DOUBLE_ESCAPE_MS = 1000
# The clock check: how often it looks, and how much sleep counts (the two clocks' difference
# moves only while suspended, so any real suspend is seconds; a second leaves no doubt).
SLEEP_CHECK_MS = 2000
SLEEP_GAP_S = 1.0
SESSION_BUS_ENV = "DBUS_SESSION_BUS_ADDRESS"
SYSTEM_BUS_ENV = "DBUS_SYSTEM_BUS_ADDRESS"
SYSTEM_BUS_SOCKETS = ("/run/dbus/system_bus_socket", "/var/run/dbus/system_bus_socket")
# (well-known name, object path) of the screen savers that announce ActiveChanged(bool); the
# interface is named like the service. KDE registers the freedesktop one at two paths.
SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
    ("org.cinnamon.ScreenSaver", "/org/cinnamon/ScreenSaver"),
    ("org.mate.ScreenSaver", "/org/mate/ScreenSaver"),
    ("org.xfce.ScreenSaver", "/org/xfce/ScreenSaver"),
)
LOGIND_SERVICE = "org.freedesktop.login1"
LOGIND_PATH = "/org/freedesktop/login1"
LOGIND_MANAGER = "org.freedesktop.login1.Manager"
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
        self._escape_window: QWindow | None = None
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
            if isinstance(watched, QWindow) and not event.isAutoRepeat():
                if is_quick_exit_key(event):
                    self._last_escape = None
                    self.quick_exit.emit()
                    return True
                if event.key() == Qt.Key.Key_Escape and self._double_escape(watched):
                    self.quick_exit.emit()
                    return True
        elif kind in _INPUT_EVENTS:
            self._activity(cheap=False)
        elif kind == QEvent.Type.Show and isinstance(watched, QDialog):
            # The dialog blocks the toolbar's Quick exit button: it gets its own.
            dialog_quick_exit.equip(watched, self.quick_exit.emit)
        elif kind == QEvent.Type.MouseMove:
            self._activity(cheap=True)
        return False

    def _double_escape(self, window: QWindow) -> bool:
        """This Esc is the second within a second in the same, still visible window."""
        now = time.monotonic()
        first, self._last_escape = self._last_escape, now
        previous, self._escape_window = self._escape_window, window
        if first is None or (now - first) * 1000 > DOUBLE_ESCAPE_MS:
            return False
        # An Esc that closed a dialog (or any other window) was an ordinary Esc: the next press
        # goes to another window and starts a new count.
        if previous is not window or not shiboken6.isValid(previous) or not window.isVisible():
            return False
        self._last_escape = None
        self._escape_window = None
        return True


def is_quick_exit_key(event: QKeyEvent) -> bool:
    """Ctrl+Shift+Q (on a Mac keyboard Qt maps Cmd to Control)."""
    wanted = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() == Qt.Key.Key_Q and mods == wanted


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
        # X11 keeps a second clipboard, the primary selection: whatever is selected in our
        # window. Owned by us means it holds our text; anything else is someone else's.
        if self._clipboard.supportsSelection() and self._clipboard.ownsSelection():
            self._clipboard.clear(QClipboard.Mode.Selection)
            cleared = True
        return cleared

    def forget(self) -> None:
        self._ours.clear()


def suspended_seconds() -> float | None:
    """How long this computer has been asleep since it booted, where its clocks tell; else None.

    Linux keeps two clocks that run at the same rate and differ only in that CLOCK_BOOTTIME
    keeps counting while the machine is suspended (to RAM, to disk or to idle) and
    CLOCK_MONOTONIC (Python's time.monotonic) does not: their difference grows by exactly the
    time spent asleep, and by nothing else (clock changes and NTP move both or neither). macOS
    has the same pair as CLOCK_MONOTONIC_RAW and CLOCK_UPTIME_RAW. Windows has none in Python.
    """
    # The clock that stops is read first, so the moment between the two reads only ever adds.
    boot = getattr(time, "CLOCK_BOOTTIME", None)
    if boot is not None:
        awake = time.clock_gettime(time.CLOCK_MONOTONIC)
        return time.clock_gettime(boot) - awake
    with_sleep = getattr(time, "CLOCK_MONOTONIC_RAW", None)
    without_sleep = getattr(time, "CLOCK_UPTIME_RAW", None)
    if with_sleep is not None and without_sleep is not None:
        awake = time.clock_gettime(without_sleep)
        return time.clock_gettime(with_sleep) - awake
    return None


def _dbus_escape(value: str) -> str:
    """A value for a D-Bus address (the spec's optionally-escaped bytes stay, others become %XX)."""
    safe = frozenset(b"-_/.\\*" + bytes(range(48, 58)) + bytes(range(65, 91)) + bytes(range(97, 123)))
    return "".join(chr(b) if b in safe else f"%{b:02x}" for b in os.fsencode(value))


def session_bus_address(environ: Mapping[str, str] | None = None) -> str | None:
    """Where the session bus is, as libdbus would find it (minus autolaunch); None if nowhere."""
    env = os.environ if environ is None else environ
    if env.get(SESSION_BUS_ENV):
        return env[SESSION_BUS_ENV]
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime and (Path(runtime) / "bus").is_socket():
        return "unix:path=" + _dbus_escape(str(Path(runtime) / "bus"))
    return None


def system_bus_address(environ: Mapping[str, str] | None = None) -> str | None:
    """Where the system bus is (DBUS_SYSTEM_BUS_ADDRESS overrides, as in libdbus); None if nowhere."""
    env = os.environ if environ is None else environ
    if env.get(SYSTEM_BUS_ENV):
        return env[SYSTEM_BUS_ENV]
    for socket in SYSTEM_BUS_SOCKETS:
        if Path(socket).is_socket():
            return "unix:path=" + socket
    return None


class _BusSignals(QObject):
    """The object the D-Bus signals are delivered to, and nothing else.

    Kept apart from the watcher so `stop()` can destroy it before closing the connections:
    QtDBus tears a connection down on its own thread, and touching a Python-made receiver
    there needs Python's lock, which the GUI thread holds while it makes a blocking D-Bus call
    (PySide6 releases it only in `connect`). A receiver that is already gone cannot deadlock.
    """

    locked = Signal()

    @Slot(bool)
    def screensaver(self, active: bool) -> None:
        if active:
            self.locked.emit()

    @Slot(bool)
    def sleep(self, going: bool) -> None:
        if going:  # PrepareForSleep(false) is the resume: nothing to do
            self.locked.emit()


class SystemLockWatcher(QObject):
    """Tells when the system suspends or the screen locks, where the platform says so.

    Three sources, each best effort, none required (a machine without D-Bus still gets the
    clock check, and no failure here ever stops the app):
    - D-Bus, session bus: a screen saver's ActiveChanged(true) (freedesktop, GNOME, and the
      desktops that copy GNOME's interface), from the process that owns its well-known name.
    - D-Bus, system bus: logind's PrepareForSleep(true), before the machine suspends.
    - The clocks (`suspended_seconds`): every few seconds, did the machine sleep since the last
      look? This catches a resume wherever D-Bus said nothing (no logind, a sandbox, a desktop
      that sends no signal, macOS) and locks at the latest a few seconds after waking.

    The buses are found when the watcher starts, from the standard environment variables
    (DBUS_SESSION_BUS_ADDRESS, DBUS_SYSTEM_BUS_ADDRESS) or their standard places, and each gets a
    private connection of ours: Qt's shared default connections are made once per process and
    never look at the environment again. `stop()` closes them.
    """

    locked = Signal()
    slept = Signal(float)  # seconds asleep, found by the clock check (before `locked`)

    _names = itertools.count(1)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        sleep_clock: Callable[[], float | None] = suspended_seconds,
    ) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        self._buses: dict[str, str] = {}  # "session"/"system" -> our connection's name
        self._signals: _BusSignals | None = None
        self.screensaver_services: tuple[str, ...] = ()  # the names we listen to
        self.sleep_signal = False  # listening to logind
        try:
            self._connect_dbus()
        except Exception:  # a surprise from PySide or a bus must never stop the app
            log.exception("could not listen to D-Bus")
        self._clock = sleep_clock
        self._asleep_so_far = self._read_clock()
        self._clock_timer = QTimer(self)
        self._clock_timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._clock_timer.setInterval(SLEEP_CHECK_MS)
        self._clock_timer.timeout.connect(self.check_clock)
        if self._asleep_so_far is not None:
            self._clock_timer.start()

    @property
    def session_bus(self) -> bool:
        return "session" in self._buses

    @property
    def system_bus(self) -> bool:
        return "system" in self._buses

    @property
    def bus_ids(self) -> tuple[str, ...]:
        """The unique names (":1.42") our connections have on their buses, while open."""
        if not self._buses:
            return ()
        from PySide6.QtDBus import QDBusConnection

        return tuple(QDBusConnection(name).baseService() for name in self._buses.values())

    @property
    def watches_clock(self) -> bool:
        return self._clock_timer.isActive()

    def stop(self) -> None:
        """Stop the clock check and close our D-Bus connections. Idempotent."""
        self._clock_timer.stop()
        signals, self._signals = self._signals, None
        if signals is not None and shiboken6.isValid(signals):
            shiboken6.delete(signals)  # first: see _BusSignals
        buses, self._buses = self._buses, {}
        if buses:
            from PySide6.QtDBus import QDBusConnection

            for name in buses.values():
                QDBusConnection.disconnectFromBus(name)

    # ----------------------------------------------------------------- Qt

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state in (Qt.ApplicationState.ApplicationSuspended, Qt.ApplicationState.ApplicationHidden):
            self.locked.emit()

    # ----------------------------------------------------------------- the clocks

    def _read_clock(self) -> float | None:
        try:
            return self._clock()
        except OSError:
            return None

    def check_clock(self) -> None:
        """Lock if the machine slept since the last check (the timer calls this every few seconds)."""
        now = self._read_clock()
        if now is None or self._asleep_so_far is None:
            return
        gap, self._asleep_so_far = now - self._asleep_so_far, now
        if gap >= SLEEP_GAP_S:
            self.slept.emit(gap)
            self.locked.emit()

    # ----------------------------------------------------------------- D-Bus

    def _open_bus(self, kind: str, address: str | None) -> Any:
        """Our own connection to a bus, or None (no address, no daemon, refused: never raises)."""
        if not address:
            return None
        from PySide6.QtDBus import QDBusConnection

        name = f"evidence-kit-{kind}-{next(self._names)}"
        bus = QDBusConnection.connectToBus(address, name)
        if not bus.isConnected():
            log.info("no D-Bus %s bus at %s: %s", kind, address, bus.lastError().message())
            QDBusConnection.disconnectFromBus(name)
            return None
        self._buses[kind] = name
        return bus

    def _connect_dbus(self) -> None:
        """Listen to the screen savers (session bus) and logind (system bus) where they exist."""
        try:
            import PySide6.QtDBus  # noqa: F401  (absent from some builds)
        except ImportError:
            return
        signals = self._signals = _BusSignals(self)
        signals.locked.connect(self.locked)
        # The slots go as the str SLOT() makes: PySide6 6.11 refuses them as bytes.
        session = self._open_bus("session", session_bus_address())
        if session is not None:
            listening = [
                service
                for service, path in SCREENSAVERS
                if session.connect(
                    service, path, service, "ActiveChanged", signals, SLOT("screensaver(bool)")
                )
            ]
            self.screensaver_services = tuple(dict.fromkeys(listening))
        system = self._open_bus("system", system_bus_address())
        if system is not None:
            self.sleep_signal = bool(
                system.connect(
                    LOGIND_SERVICE,
                    LOGIND_PATH,
                    LOGIND_MANAGER,
                    "PrepareForSleep",
                    signals,
                    SLOT("sleep(bool)"),
                )
            )
