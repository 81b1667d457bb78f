"""The vault locks when the screen locks or the computer sleeps, tested for real.

A private dbus-daemon (the reference bus daemon, started here for each test) stands in for the
session bus, and a second one for the system bus; the app finds them through the standard
DBUS_SESSION_BUS_ADDRESS and DBUS_SYSTEM_BUS_ADDRESS, exactly as it finds the real ones. The
test owns the screen saver's (or logind's) well-known name on it and sends the real signal;
the vault must end up closed by the worker and the window must show the locked state. The
clock check gets a sleep injected through its clock parameter. Without any bus the app must
work as before.
"""

from __future__ import annotations

import itertools
import shutil
import socket
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot

from evidence_kit.ui import safety
from evidence_kit.ui.controller import LOCK_SYSTEM, LOCK_USER, AppController
from evidence_kit.ui.safety import SLEEP_GAP_S, session_bus_address, suspended_seconds, system_bus_address
from evidence_kit.vault import Vault

from .conftest import PASSPHRASE, open_vault, wait_idle

LOCKED_TEXT = "The vault was locked because the computer went to sleep or the screen locked."
_names = itertools.count(1)


class Bus:
    """A private dbus-daemon, and a connection of the test's own to send signals on it."""

    def __init__(self, folder: Path) -> None:
        program = shutil.which("dbus-daemon")
        assert program, "dbus-daemon is missing: install the dbus-daemon package (scripts/setup.sh does)"
        folder.mkdir(parents=True, exist_ok=True)
        self._log = (folder / "dbus-daemon.log").open("wb")
        self.process = subprocess.Popen(
            [program, "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )
        assert self.process.stdout is not None
        self.address = self.process.stdout.readline().strip()  # printed once it listens
        assert self.address.startswith("unix:"), self.address
        self.name = f"evidence-kit-test-{next(_names)}"
        self.connection = QDBusConnection.connectToBus(self.address, self.name)
        assert self.connection.isConnected(), self.connection.lastError().message()

    def own(self, service: str) -> None:
        assert self.connection.registerService(service), self.connection.lastError().message()

    def signal(self, path: str, interface: str, name: str, *args: object) -> None:
        message = QDBusMessage.createSignal(path, interface, name)
        message.setArguments(list(args))
        assert self.connection.send(message)

    def clients(self) -> set[str]:
        """The unique names of every connection on this bus but ours."""
        call = QDBusMessage.createMethodCall(
            "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "ListNames"
        )
        reply = self.connection.call(call)
        names = reply.arguments()[0]
        return {n for n in names if n.startswith(":")} - {self.connection.baseService()}

    def close(self) -> None:
        QDBusConnection.disconnectFromBus(self.name)
        self.process.terminate()
        self.process.wait(10)
        self._log.close()


@pytest.fixture
def start_bus(tmp_path: Path) -> Iterator[Callable[[str], Bus]]:
    started: list[Bus] = []

    def start(kind: str) -> Bus:
        bus = Bus(tmp_path / f"bus-{kind}")
        started.append(bus)
        return bus

    yield start
    for bus in started:
        bus.close()


@pytest.fixture
def nowhere(tmp_path: Path) -> str:
    return f"unix:path={tmp_path}/no-bus-here"


def watching(make_controller: Callable[..., AppController], **kwargs: object) -> AppController:
    controller = make_controller(watch_system=True, **kwargs)
    assert controller.system is not None
    return controller


def assert_locked_by_the_system(controller: AppController, path: Path) -> None:
    window = controller.window
    assert controller.session is None
    assert controller.lock_reason == LOCK_SYSTEM
    assert window.workspace is None
    assert window.pages.currentWidget() is window.welcome
    assert window.welcome.banner.isVisible()
    assert window.welcome.banner_text.text() == LOCKED_TEXT
    assert window.welcome.unlock_again.isVisible()
    assert not window.lock_action.isEnabled()
    with Vault.open(path, PASSPHRASE):  # the worker closed the vault: its lock file is free again
        pass


@pytest.mark.parametrize(
    ("service", "path"),
    [
        ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
        ("org.freedesktop.ScreenSaver", "/ScreenSaver"),  # KDE also sends it here
        ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
    ],
)
def test_the_screen_locking_locks_the_vault(
    qtbot: QtBot,
    start_bus: Callable[[str], Bus],
    make_controller: Callable[..., AppController],
    vault_path: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
    nowhere: str,
    service: str,
    path: str,
) -> None:
    bus = start_bus("session")
    bus.own(service)  # the test plays the screen saver
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", nowhere)
    controller = watching(make_controller)
    watcher = controller.system
    assert watcher is not None
    assert watcher.session_bus and not watcher.system_bus
    assert service in watcher.screensaver_services
    open_vault(qtbot, controller, vault_path[0])
    locks: list[None] = []
    watcher.locked.connect(lambda: locks.append(None))
    with qtbot.waitSignals([controller.session_locked, controller.worker.vault_closed], timeout=20_000):
        bus.signal(path, service, "ActiveChanged", False)  # the screen saver went away: nothing to do
        bus.signal(path, service, "ActiveChanged", True)
    # Both signals came in order on one connection: the first was handled, and did not lock.
    assert locks == [None]
    assert_locked_by_the_system(controller, vault_path[0])

    # When the app ends, it leaves the bus. (A blocking call here, with the GIL held, also shows
    # that closing our connection needs nothing from Python on QtDBus's thread: see _BusSignals.)
    ours = set(watcher.bus_ids)
    assert len(ours) == 1 and ours <= bus.clients()
    controller.shutdown()
    assert watcher.bus_ids == ()
    qtbot.waitUntil(lambda: not ours & bus.clients(), timeout=10_000)


def test_going_to_sleep_locks_the_vault(
    qtbot: QtBot,
    start_bus: Callable[[str], Bus],
    make_controller: Callable[..., AppController],
    vault_path: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
    nowhere: str,
) -> None:
    system = start_bus("system")
    system.own("org.freedesktop.login1")  # the test plays logind
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", nowhere)
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", system.address)
    controller = watching(make_controller)
    watcher = controller.system
    assert watcher is not None
    assert watcher.system_bus and watcher.sleep_signal and not watcher.session_bus
    open_vault(qtbot, controller, vault_path[0])
    locks: list[None] = []
    watcher.locked.connect(lambda: locks.append(None))
    manager = ("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep")
    with qtbot.waitSignals([controller.session_locked, controller.worker.vault_closed], timeout=20_000):
        system.signal(*manager, False)  # "woke up": nothing to do
        system.signal(*manager, True)
    assert locks == [None]
    assert_locked_by_the_system(controller, vault_path[0])


def test_a_sleep_seen_by_the_clocks_locks_the_vault(
    qtbot: QtBot,
    make_controller: Callable[..., AppController],
    vault_path: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
    nowhere: str,
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", nowhere)
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", nowhere)
    monkeypatch.setattr(safety, "SLEEP_CHECK_MS", 10)  # look often, so the test need not wait
    slept = [0.0]  # what the test adds to the real clocks' difference: a suspend of that long
    looks = [0]

    def clock() -> float | None:
        looks[0] += 1
        real = suspended_seconds()
        assert real is not None  # Linux always has CLOCK_BOOTTIME
        return real + slept[0]

    controller = watching(make_controller, sleep_clock=clock)
    watcher = controller.system
    assert watcher is not None and watcher.watches_clock and not watcher.session_bus
    open_vault(qtbot, controller, vault_path[0])
    gaps: list[float] = []
    watcher.slept.connect(gaps.append)
    start = looks[0]
    qtbot.waitUntil(lambda: looks[0] >= start + 5, timeout=10_000)
    assert controller.session is not None, "no sleep, no lock"
    assert gaps == []

    with qtbot.waitSignals([controller.session_locked, controller.worker.vault_closed], timeout=20_000):
        slept[0] = 40.0  # the machine "was asleep" for 40 s: the next look sees it
    assert len(gaps) == 1 and gaps[0] == pytest.approx(40.0, abs=SLEEP_GAP_S)
    assert_locked_by_the_system(controller, vault_path[0])

    start = looks[0]
    qtbot.waitUntil(lambda: looks[0] >= start + 3, timeout=10_000)
    assert len(gaps) == 1  # a sleep is counted once


def test_the_real_clocks_see_no_sleep_while_awake() -> None:
    first = suspended_seconds()
    second = suspended_seconds()
    assert first is not None and second is not None  # Linux: CLOCK_BOOTTIME
    assert first > -0.01  # never asleep: equal up to the moment between the two reads
    assert abs(second - first) < SLEEP_GAP_S


@pytest.mark.parametrize("where", ["nowhere", "nonsense", "unset"])
def test_the_app_works_without_any_bus(
    qtbot: QtBot,
    make_controller: Callable[..., AppController],
    vault_path: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    nowhere: str,
    where: str,
) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))  # no session bus socket in it either
    if where == "unset":
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
        monkeypatch.delenv("DBUS_SYSTEM_BUS_ADDRESS", raising=False)
    else:
        address = nowhere if where == "nowhere" else "this is not an address"
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", address)
    controller = watching(make_controller)
    watcher = controller.system
    assert watcher is not None
    assert not watcher.session_bus and watcher.screensaver_services == ()
    if where != "unset":  # unset: a real system bus, if this machine has one, is fine to use
        assert not watcher.system_bus
    assert watcher.watches_clock  # the clock check still guards against sleep
    open_vault(qtbot, controller, vault_path[0])
    controller.lock()
    assert controller.lock_reason == LOCK_USER
    wait_idle(qtbot, controller)
    open_vault(qtbot, controller, vault_path[0])
    controller.shutdown()
    assert not watcher.watches_clock and not watcher.session_bus and not watcher.system_bus


def test_the_buses_are_found_where_libdbus_looks(tmp_path: Path) -> None:
    assert session_bus_address({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/x"}) == "unix:path=/x"
    runtime = tmp_path / "run user"  # a space, which a D-Bus address must escape
    runtime.mkdir()
    assert session_bus_address({"XDG_RUNTIME_DIR": str(runtime)}) is None  # no socket there
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(str(runtime / "bus"))
        found = session_bus_address({"XDG_RUNTIME_DIR": str(runtime)})
    finally:
        listener.close()
    assert found == "unix:path=" + str(runtime / "bus").replace(" ", "%20")
    assert session_bus_address({}) is None
    assert system_bus_address({"DBUS_SYSTEM_BUS_ADDRESS": "unix:path=/y"}) == "unix:path=/y"
