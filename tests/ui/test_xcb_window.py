"""The real app on the real xcb platform, on a virtual X server (one Xvfb for the module).

- `evidence-kit-gui PATH` starts on xcb (every system library setup.sh installs is there), shows
  the unlock screen of the vault at PATH; the passphrase is typed with xdotool; the real
  (Qt) file dialog of "Add files" runs its own event loop, and Ctrl+Shift+Q pressed in it hides
  everything, locks and ends the app. The screen is grabbed by a second xcb client.
- The X11 primary selection holding our text is cleared on lock.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidence_kit.vault import Vault
from tests.ui.conftest import FAST, PASSPHRASE

GUI = Path(sys.executable).parent / "evidence-kit-gui"


def _free_display() -> int:
    for number in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture(scope="module")
def xvfb() -> Iterator[str]:
    assert shutil.which("Xvfb") and shutil.which("xdotool"), "scripts/setup.sh installs xvfb and xdotool"
    for _attempt in range(3):  # another test run may take the same number at the same moment
        number = _free_display()
        server = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and server.poll() is None:
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            time.sleep(0.05)
        if server.poll() is None:
            break
    else:
        raise RuntimeError("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def _env(display: str, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND", "XDG_SESSION"))}
    for folder in (".config", ".cache", ".local/share", "Documents"):
        (home / folder).mkdir(parents=True, exist_ok=True)
    settings = home / ".config" / "evidence-kit" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"timestamping_enabled": false}\n', encoding="utf-8")
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local/share"),
        EVIDENCE_KIT_LANG="en",
        EVIDENCE_KIT_SETTINGS=str(settings),
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env


def _xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=20)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _window(env: dict[str, str], title: str) -> str:
    """The X window id of the visible window with this title, once it is mapped."""
    return _xdotool(env, "search", "--sync", "--onlyvisible", "--name", title).splitlines()[0]


GRAB = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
image = app.primaryScreen().grabWindow(0).toImage()
image.save(sys.argv[1])
colours = {image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)}
print(len(colours))
"""


def test_gui_opens_path_on_xcb_and_quick_exit_ends_the_real_file_dialog(xvfb: str, tmp_path: Path) -> None:
    vault_path = tmp_path / "case.ekvault"
    vault, _code = Vault.create(vault_path, PASSPHRASE, case_title="Fictional case", kdf=FAST)
    vault.close()
    env = _env(xvfb, tmp_path / "home")
    app = subprocess.Popen(
        [str(GUI), str(vault_path)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        unlock = _window(env, "Unlock the vault")  # PATH went straight to its unlock screen
        _xdotool(env, "windowfocus", "--sync", unlock)
        _xdotool(env, "type", "--delay", "5", PASSPHRASE)
        _xdotool(env, "key", "Return")
        main = _window(env, "Evidence Kit")
        time.sleep(0.5)  # the list loads
        _xdotool(env, "windowfocus", "--sync", main)
        _xdotool(env, "key", "ctrl+i")
        dialog = _window(env, "Add files to the vault")  # Qt's file dialog, in its own event loop
        shot = tmp_path / "xcb-file-dialog.png"
        grabbed = subprocess.run(
            [sys.executable, "-c", GRAB, str(shot)], env=env, capture_output=True, text=True, timeout=60
        )
        assert grabbed.returncode == 0, grabbed.stderr
        assert int(grabbed.stdout.split()[-1]) > 10  # a drawn window, not an empty screen
        _xdotool(env, "windowfocus", "--sync", dialog)
        _xdotool(env, "key", "ctrl+shift+q")
        output, _ = app.communicate(timeout=10)  # quick exit ends the app
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 0, output
    assert "Traceback" not in output
    with Vault.open(vault_path, PASSPHRASE) as reopened:  # locked and let go, nothing imported
        assert reopened.items() == []


SELECTION = """
import sys
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication
from evidence_kit.ui.safety import ClipboardGuard
app = QApplication([])
guard = ClipboardGuard()
board = QGuiApplication.clipboard()
assert board.supportsSelection()
board.setText("fictional evidence text", QClipboard.Mode.Selection)
app.processEvents()
before = board.ownsSelection() and board.text(QClipboard.Mode.Selection)
guard.clear_if_ours()
app.processEvents()
print(repr(before), board.ownsSelection(), repr(board.text(QClipboard.Mode.Selection)))
"""


def test_lock_clears_the_primary_selection_we_own(xvfb: str, tmp_path: Path) -> None:
    env = _env(xvfb, tmp_path / "home")
    done = subprocess.run(
        [sys.executable, "-c", SELECTION], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["'fictional", "evidence", "text'", "False", "''"]
